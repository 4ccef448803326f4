/* brkdump ref|new FILE... : for each line (split on '\n'), print the
 * boundaries after 0 as pos:status, one output line per input line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>
#include "../cjkbrk.h"

static char *slurp(const char *path, long *n)
{
    FILE *f = fopen(path, "rb");
    if (!f) { perror(path); exit(1); }
    fseek(f, 0, SEEK_END); *n = ftell(f); fseek(f, 0, SEEK_SET);
    char *s = malloc(*n + 1);
    if (fread(s, 1, *n, f) != (size_t)*n) exit(1);
    fclose(f);
    return s;
}

int main(int argc, char **argv)
{
    int ref = strcmp(argv[1], "ref") == 0;
    const char *loc = getenv("BRK_LOCALE") ? getenv("BRK_LOCALE") : "zh";
    UErrorCode st = U_ZERO_ERROR;
    UBreakIterator *bi = NULL;
    cjk_breaker *cb = NULL;
    UText *ut = NULL;
    if (ref) bi = ubrk_open(UBRK_WORD, loc, NULL, 0, &st);
    else cb = cjk_breaker_open_locale(loc, &st);
    if (U_FAILURE(st)) { fprintf(stderr, "open: %s\n", u_errorName(st)); return 1; }
    long lines = 0;
    for (int a = 2; a < argc; a++) {
        long n;
        char *s = slurp(argv[a], &n);
        for (long i = 0; i <= n;) {
            long e = i;
            while (e < n && s[e] != '\n') e++;
            if (e == n && i == n) break;
            int32_t len = (int32_t)(e - i);
            lines++;
            if (ref) {
                ut = utext_openUTF8(ut, s + i, len, &st);
                ubrk_setUText(bi, ut, &st);
                ubrk_first(bi);
                for (int32_t p = ubrk_next(bi); p != UBRK_DONE; p = ubrk_next(bi))
                    printf("%d:%d ", p, ubrk_getRuleStatus(bi));
            } else {
                int32_t nb;
                const cjk_boundary *bd = cjk_break_utf8(cb, s + i, len, &nb, &st);
                for (int32_t k = 0; k < nb; k++) printf("%d:%d ", bd[k].pos, bd[k].status);
            }
            if (U_FAILURE(st)) { fprintf(stderr, "break: %s\n", u_errorName(st)); return 1; }
            putchar('\n');
            i = e + 1;
        }
        free(s);
    }
    fprintf(stderr, "%s: %ld lines", argv[1], lines);
    if (cb) fprintf(stderr, ", %ld fallback", cjk_breaker_fallbacks(cb));
    fprintf(stderr, "\n");
    return 0;
}
