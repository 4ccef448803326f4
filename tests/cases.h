/* cases.h - the case files of data-driven C tests (tests/text/lamalef.cases
 * and the like): a case a line, its fields separated by TABs; lines
 * starting with '#' and empty lines are comments. Header-only, like tap.h. */
#ifndef PA_TEST_CASES_H
#define PA_TEST_CASES_H

#include "align/util/buf.h"
#include "align/util/source.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { CASES_MAX_FIELDS = 8 };

/* Reads the case file argv[1] when given, else $top_srcdir/`rel`, and
 * calls `each` with the fields of every case (the fields point into the
 * file's text, NUL-terminated, writable). Returns 0, or -1 after printing
 * "Bail out!" when the file cannot be read. */
static int cases_run(int argc, char **argv, const char *rel, void (*each)(char **f, size_t n))
{
    const char *srcdir = getenv("top_srcdir");
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", srcdir ? srcdir : ".", rel);
    pa_buf file = PA_BUF_INIT;
    pa_error err;
    if (pa_read_file(argc > 1 ? argv[1] : path, &file, 0, &err) != 0) {
        printf("Bail out! %s\n", err.msg);
        return -1;
    }
    for (char *line = strtok(file.data, "\n"); line; line = strtok(NULL, "\n")) {
        if (line[0] == '#') continue;
        char *f[CASES_MAX_FIELDS];
        size_t n = 0;
        for (char *p = line; p && n < CASES_MAX_FIELDS; n++) {
            f[n] = p;
            p = strchr(p, '\t');
            if (p) *p++ = '\0';
        }
        each(f, n);
    }
    pa_buf_free(&file);
    return 0;
}

/* Undoes the case file's escapes in place: \xHH a byte, <R> <L> <P> the
 * embeddings U+202B, U+202A, U+202C, \f a form feed; returns the length. */
static size_t cases_unescape(char *s)
{
    char *w = s;
    for (const char *r = s; *r; r++) {
        if (r[0] == '\\' && r[1] == 'x' && r[2] && r[3]) {
            char hex[3] = {r[2], r[3], 0};
            *w++ = (char)strtoul(hex, NULL, 16);
            r += 3;
        } else if (r[0] == '\\' && r[1] == 'f') {
            *w++ = '\f';
            r++;
        } else if (r[0] == '<' && r[1] && strchr("RLP", r[1]) && r[2] == '>') {
            char last = r[1] == 'L' ? '\xAA' : r[1] == 'R' ? '\xAB' : '\xAC'; /* read before w overwrites it */
            *w++ = '\xE2', *w++ = '\x80', *w++ = last;
            r += 2;
        } else {
            *w++ = *r;
        }
    }
    *w = '\0';
    return (size_t)(w - s);
}

#endif
