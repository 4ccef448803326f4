/* test_romanize.c - the fast romanization (ASCII, and Chinese characters
 * from the table generated at build time) gives exactly what ICU's
 * transliterator gives.
 *
 * Words: a built-in list (Chinese words and names, mixed ASCII and Chinese,
 * accented Latin, Cyrillic, Arabic, the characters ICU reads differently
 * before another one, a word long enough to overflow the transliterator's
 * buffer), then text files: those named on the command line, else a
 * Chinese and an English MAC-dev chapter, the French Text+Berg document and
 * the seed document under $SHARED (skipped when absent): every white-space separated token, and every run of 1 to 6
 * characters inside each token. Each is romanized both ways and compared. */
#include "align/aligner/romanize.h"
#include "tests/tap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uclean.h>
#include <unicode/utf8.h>

static size_t n_checked, n_bad;

static void check(pa_romanizer *r, const char *s, size_t len)
{
    pa_buf a = PA_BUF_INIT, b = PA_BUF_INIT;
    pa_error err;
    int ra = pa_romanize(r, s, len, &a, &err), rb = pa_romanize_icu(r, s, len, &b, &err);
    n_checked++;
    if (ra != rb || a.len != b.len || (a.len && memcmp(a.data, b.data, a.len) != 0)) {
        if (n_bad++ < 10)
            diag("'%.*s': fast '%.*s', ICU '%.*s'", (int)len, s, (int)a.len, a.len ? a.data : "", (int)b.len,
                 b.len ? b.data : "");
    }
    pa_buf_free(&a), pa_buf_free(&b);
}

/* The token and its runs of 1..6 characters. */
static void check_token(pa_romanizer *r, const char *s, size_t len)
{
    check(r, s, len);
    for (int32_t i = 0; i < (int32_t)len;) {
        int32_t j = i;
        for (int k = 0; k < 6 && j < (int32_t)len; k++) {
            U8_FWD_1(s, j, (int32_t)len);
            check(r, s + i, (size_t)(j - i));
        }
        U8_FWD_1(s, i, (int32_t)len);
    }
}

static void check_text(pa_romanizer *r, const char *t)
{
    size_t i = 0, n = strlen(t);
    while (i < n) {
        while (i < n && strchr(" \t\r\n", t[i])) i++;
        size_t j = i;
        while (j < n && !strchr(" \t\r\n", t[j])) j++;
        if (j > i) check_token(r, t + i, j - i);
        i = j;
    }
}

int main(int argc, char **argv)
{
    static const char *words[] = {
        "中国", "长城", "北京大学", "清扬", "贾宝玉", "A股", "2018年", "Qingyang", "Bao-yu", "ÉLÉPHANT", "Æsir",
        "straße", "Москва", "القاهرة", "Ελλάδα", "〇一二三", "丁丁", "𠀀𠀁", "ＡＢＣ", "Ⅻ", "é中", "中é", "",
        "秘鲁政府", "秘 鲁", "Ærø", "œuvre", "½", "x²", "ﬁnal", "Ĳssel", "e\xcc\x81t\xc3\xa9", "l’état", "重庆", "沈阳", "藏文", "秘", "重", "a秘鲁b", "秘鲁秘鲁",
    };
    pa_romanizer *r = pa_romanizer_new();
    for (size_t k = 0; k < sizeof words / sizeof *words; k++) check_token(r, words[k], strlen(words[k]));
    char big[2048] = "";
    for (int k = 0; k < 60; k++) strcat(big, "壮");
    check(r, big, strlen(big));
    for (int k = 0; k < 120; k++) strcat(big, "a");
    check(r, big, strlen(big));
    ok(n_bad == 0, "built-in words: fast romanization = ICU's (%zu strings, %zu differ)", n_checked, n_bad);
    const char *shared = getenv("SHARED");
    enum { N_DEF = 4 };
    char paths[N_DEF][4096];
    const char *def[N_DEF];
    static const char *const rel[N_DEF] = {"eval/alignment/mac-dev/zh/001", "eval/alignment/mac-dev/en/002",
                                           "eval/alignment/textberg-dev/dev.fr", "seed/000_79c42e946e606029.txt"};
    for (int k = 0; k < N_DEF; k++) {
        snprintf(paths[k], sizeof paths[k], "%s/%s", shared ? shared : "../shared", rel[k]);
        def[k] = paths[k];
    }
    const char *const *files = argc > 1 ? (const char *const *)argv + 1 : def;
    int n_files = argc > 1 ? argc - 1 : N_DEF;
    for (int a = 0; a < n_files; a++) {
        FILE *f = fopen(files[a], "rb");
        if (!f) {
            printf("ok %d - # SKIP %s not found (the shared data)\n", ++tap_count, files[a]);
            continue;
        }
        size_t cap = 1 << 16, n = 0;
        char *t = malloc(cap + 1);
        for (size_t got; (got = fread(t + n, 1, cap - n, f)) > 0;) {
            n += got;
            if (n == cap) t = realloc(t, (cap *= 2) + 1);
        }
        fclose(f);
        t[n] = '\0';
        size_t before = n_checked, bad = n_bad;
        check_text(r, t);
        free(t);
        ok(n_bad == bad, "%s: fast romanization = ICU's (%zu strings, %zu differ)", files[a], n_checked - before,
           n_bad - bad);
    }
    pa_romanizer_free(r);
    u_cleanup();
    return done_testing();
}
