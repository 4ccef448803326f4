/* test_numbers.c - align/text/numbers.c on the cases of
 * tests/text/numbers.cases (or the file given as argument). */
#include "align/text/numbers.h"
#include "align/util/buf.h"
#include "align/util/source.h"
#include "tests/tap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Undoes the case file's escapes in place: \t, \s, \uXXXX. */
static char *unescape(char *s)
{
    char *w = s;
    for (const char *r = s; *r; r++) {
        if (r[0] == '\\' && r[1] == 't') *w++ = '\t', r++;
        else if (r[0] == '\\' && r[1] == 's') *w++ = ' ', r++;
        else if (r[0] == '\\' && r[1] == 'u' && strlen(r) >= 6) {
            char hex[5] = {r[2], r[3], r[4], r[5], 0};
            unsigned long c = strtoul(hex, NULL, 16);
            if (c < 0x800) *w++ = (char)(0xC0 | c >> 6), *w++ = (char)(0x80 | (c & 0x3F));
            else *w++ = (char)(0xE0 | c >> 12), *w++ = (char)(0x80 | (c >> 6 & 0x3F)),
                 *w++ = (char)(0x80 | (c & 0x3F));
            r += 5;
        } else *w++ = *r;
    }
    *w = '\0';
    return s;
}

static void check_scan(char *text, const char *want)
{
    pa_buf out = PA_BUF_INIT;
    size_t n = pa_numbers_scan(text, strlen(text), &out);
    for (size_t k = 0; k < out.len; k++)
        if (out.data[k] == '\n') out.data[k] = k + 1 == out.len ? '\0' : ' ';
    const char *got = n ? out.data : "-";
    ok(strcmp(got, want) == 0, "scan '%s' -> '%s' (want '%s')", text, got, want);
    pa_buf_free(&out);
}

static void check_differ(char *a, char *b, const char *want)
{
    int got = pa_numbers_differ(a, strlen(a), b, strlen(b));
    ok(got == (strcmp(want, "yes") == 0), "differ '%s' / '%s' -> %s (want %s)", a, b, got ? "yes" : "no", want);
}

int main(int argc, char **argv)
{
    const char *srcdir = getenv("top_srcdir");
    char path[4096];
    snprintf(path, sizeof path, "%s/tests/text/numbers.cases", srcdir ? srcdir : ".");
    pa_buf file = PA_BUF_INIT;
    pa_error err;
    if (pa_read_file(argc > 1 ? argv[1] : path, &file, 0, &err) != 0) {
        printf("Bail out! %s\n", err.msg);
        return 1;
    }
    for (char *line = strtok(file.data, "\n"); line; line = strtok(NULL, "\n")) {
        if (line[0] == '#') continue;
        char *f[4] = {0};
        size_t n = 0;
        for (char *p = line; n < 4; n++) {
            f[n] = p;
            char *tab = strchr(p, '\t');
            if (!tab) { n++; break; }
            *tab = '\0', p = tab + 1;
        }
        if (strcmp(f[0], "scan") == 0 && n == 3) check_scan(unescape(f[1]), f[2]);
        else if (strcmp(f[0], "differ") == 0 && n == 4) check_differ(unescape(f[1]), unescape(f[2]), f[3]);
        else ok(0, "malformed case line starting '%s'", f[0]);
    }
    pa_buf_free(&file);
    return done_testing();
}
