/* test_tmx_lang.c - language tags and variant matching, driven by the cases
 * in tests/tmx/lang-cases.txt (see the comment at its top). */
#include "tmx/langtag.h"
#include "tmx/tmx_reader.h"
#include "align/util/buf.h"
#include "align/util/source.h"
#include "tests/tap.h"

#include <stdlib.h>
#include <string.h>

/* Runs `match QUERY TAGS RESULT`. */
static void check_match(const char *query, char *tags, const char *want)
{
    pa_tmx_read_variant v[8];
    size_t n = 0;
    for (char *t = strtok(tags, ","); t && n < 8; t = strtok(NULL, ",")) {
        v[n].lang = t;
        v[n].text = t;
        v[n].len = strlen(t);
        n++;
    }
    pa_tmx_read_unit u = {.score = -1, .variants = v, .n_variants = n};
    const pa_tmx_read_variant *got = pa_tmx_unit_variant(&u, query);
    const char *name = got ? got->lang : "none";
    ok(strcmp(name, want) == 0, "match %s -> %s (want %s)", query, name, want);
}

int main(int argc, char **argv)
{
    const char *srcdir = getenv("top_srcdir");
    char path[4096];
    snprintf(path, sizeof path, "%s/tests/tmx/lang-cases.txt", srcdir ? srcdir : ".");
    pa_buf text = PA_BUF_INIT;
    pa_error err;
    if (pa_read_file(argc > 1 ? argv[1] : path, &text, 0, &err) < 0) {
        printf("Bail out! %s\n", err.msg);
        return 1;
    }
    diag("cases from %s", argc > 1 ? argv[1] : path);
    pa_tmx_langtags *t = pa_tmx_langtags_new();
    char *save = NULL;
    for (char *line = strtok_r(text.data, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        char op[16], a[256], b[256], c[256];
        int n = sscanf(line, "%15s %255s %255s %255s", op, a, b, c);
        if (n < 1 || op[0] == '#') continue;
        if (strcmp(op, "get") == 0 && n == 3) {
            const char *got = pa_tmx_langtags_get(t, a);
            ok(strcmp(got, b) == 0, "get %s -> %s (want %s)", a, got, b);
        } else if (strcmp(op, "set") == 0 && n >= 2) {
            /* The assignment may contain a space: it runs to the last word. */
            char *assign = line + strspn(line, " \t") + 3;
            assign += strspn(assign, " \t");
            char *last = strrchr(assign, ' ');
            int want_ok = last && strcmp(last + 1, "ok") == 0;
            if (last) *last = '\0';
            pa_error_clear(&err);
            int rc = pa_tmx_langtags_set(t, assign, &err);
            if (want_ok)
                ok(rc == 0, "set '%s' accepted (%s)", assign, err.msg);
            else
                ok(rc < 0 && err.code == PA_EUSAGE && strstr(err.msg, assign),
                   "set '%s' refused: %s", assign, err.msg);
        } else if (strcmp(op, "match") == 0 && n == 4) {
            check_match(a, b, c);
        } else {
            ok(0, "malformed case line: %s", line);
        }
    }
    ok(pa_tmx_langtags_get(NULL, "ru") && strcmp(pa_tmx_langtags_get(NULL, "ru"), "ru-RU") == 0,
       "a NULL table gives the defaults");
    pa_tmx_langtags_free(t);
    pa_buf_free(&text);
    return done_testing();
}
