/* bench icu|new|none FILE: break every line of FILE (UTF-8) in a fresh process.
 * "none" only reads the file (process floor). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>
#include "../cjkbrk.h"

int main(int argc, char **argv)
{
    FILE *f = fopen(argv[2], "rb");
    static char s[1 << 20];
    size_t n = fread(s, 1, sizeof s, f);
    fclose(f);
    int mode = strcmp(argv[1], "icu") == 0 ? 1 : strcmp(argv[1], "new") == 0 ? 2 : 0;
    UErrorCode st = U_ZERO_ERROR;
    long sum = 0, nb = 0;
    UBreakIterator *bi = NULL;
    cjk_breaker *cb = NULL;
    UText *ut = NULL;
    if (mode == 1) bi = ubrk_open(UBRK_WORD, "zh", NULL, 0, &st);
    if (mode == 2) cb = cjk_breaker_open(&st);
    for (size_t i = 0; i < n && mode;) {
        size_t e = i;
        while (e < n && s[e] != '\n') e++;
        int32_t len = (int32_t)(e - i);
        if (mode == 1) {
            ut = utext_openUTF8(ut, s + i, len, &st);
            ubrk_setUText(bi, ut, &st);
            ubrk_first(bi);
            for (int32_t p = ubrk_next(bi); p != UBRK_DONE; p = ubrk_next(bi))
                if (ubrk_getRuleStatus(bi) >= UBRK_WORD_NUMBER) sum += p, nb++;
        } else {
            int32_t k;
            const cjk_boundary *b = cjk_break_utf8(cb, s + i, len, &k, &st);
            for (int32_t j = 0; j < k; j++)
                if (b[j].status >= UBRK_WORD_NUMBER) sum += b[j].pos, nb++;
        }
        i = e + 1;
    }
    if (U_FAILURE(st)) { fprintf(stderr, "%s\n", u_errorName(st)); return 1; }
    if (argc > 3) printf("%ld words, checksum %ld\n", nb, sum);
    if (bi) ubrk_close(bi);
    if (ut) utext_close(ut);
    cjk_breaker_close(cb);
    return 0;
}
