/* gen_pinyin.c - build-time generator of the romanization table of Chinese
 * characters (align/aligner/pinyin_table.c).
 *
 * Every code point with ICU's Ideographic property is romanized on its own
 * by the transliterator the aligner uses ("Any-Latin; Latin-ASCII; Lower",
 * keeping a-z and 0-9), so the table holds exactly what compiling the
 * transliterator at run time would give for that character, without the
 * ~0.2 s that compiling ICU's Han-Latin rules costs each process. Output: the
 * distinct romanizations, and a two-level table (256 code points a page)
 * mapping a code point to its romanization's number (0 = none).
 * ICU's Han-Latin rules also read a few characters differently before a given
 * one (秘鲁 is "bi lu", not "mi lu"); those rules, of the form
 * "{A}' '?B > reading;", are read from the transliterator's own rules and
 * written as pairs with A's reading before B. Any other form of context rule
 * stops the build, so that a new ICU cannot make the table silently wrong.
 * Usage: gen_pinyin > pinyin_table.c */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/uclean.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>
#include <unicode/uversion.h>

#define PAGES (0x110000 / 256)

/* The romanization of the code points c[0..n_c), as the aligner's
 * romanize() keeps it. */
static void romanize_cps(UTransliterator *t, const UChar32 *c, int n_c, char *out, size_t cap)
{
    UChar u[64];
    int32_t n = 0;
    UErrorCode st = U_ZERO_ERROR;
    for (int k = 0; k < n_c; k++) U16_APPEND_UNSAFE(u, n, c[k]);
    int32_t limit = n;
    size_t k = 0;
    utrans_transUChars(t, u, &n, 64, 0, &limit, &st);
    if (U_SUCCESS(st))
        for (int32_t i = 0; i < n && k + 1 < cap; i++)
            if ((u[i] >= 'a' && u[i] <= 'z') || (u[i] >= '0' && u[i] <= '9')) out[k++] = (char)u[i];
    out[k] = '\0';
}

/* Whether the romanization `r` of `c` alone is also its part of a word:
 * between Chinese characters, Latin letters (both cases), and doubled. */
static int in_context(UTransliterator *t, UChar32 c, const char *r)
{
    static const UChar32 around[][2] = {{0x4E2D, 0x4E2D}, {'a', 'a'}, {'A', 'B'}, {'1', 'x'}};
    char got[128], want[128], left[32], right[32];
    for (size_t k = 0; k < sizeof around / sizeof *around; k++) {
        UChar32 w[3] = {around[k][0], c, around[k][1]};
        romanize_cps(t, w, 1, left, sizeof left);
        romanize_cps(t, w + 2, 1, right, sizeof right);
        romanize_cps(t, w, 3, got, sizeof got);
        snprintf(want, sizeof want, "%s%s%s", left, r, right);
        if (strcmp(got, want) != 0) return 0;
    }
    UChar32 cc[2] = {c, c};
    romanize_cps(t, cc, 2, got, sizeof got);
    snprintf(want, sizeof want, "%s%s", r, r);
    return strcmp(got, want) == 0;
}

int main(void)
{
    UErrorCode st = U_ZERO_ERROR;
    UChar id[64];
    u_uastrcpy(id, "Any-Latin; Latin-ASCII; Lower");
    UTransliterator *t = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &st);
    if (U_FAILURE(st)) {
        fprintf(stderr, "gen_pinyin: cannot open ICU transliterator: %s\n", u_errorName(st));
        return 1;
    }
    static char syl[8192][32];
    static unsigned short entry[0x110000];
    size_t n_syl = 1; /* syl[0]: the empty romanization */
    for (UChar32 c = 0x80; c < 0x110000; c++) {
        char r[32];
        if (u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC)) {
            romanize_cps(t, &c, 1, r, sizeof r);
        } else {
            UErrorCode se = U_ZERO_ERROR;
            UScriptCode sc = uscript_getScript(c, &se);
            int8_t gc = u_charType(c);
            if (U_FAILURE(se) || (sc != USCRIPT_LATIN && sc != USCRIPT_COMMON && sc != USCRIPT_INHERITED) ||
                gc == U_UNASSIGNED || gc == U_NON_SPACING_MARK || gc == U_ENCLOSING_MARK ||
                gc == U_COMBINING_SPACING_MARK || gc == U_SURROGATE || gc == U_PRIVATE_USE_CHAR ||
                gc == U_CONTROL_CHAR || gc == U_FORMAT_CHAR)
                continue;
            romanize_cps(t, &c, 1, r, sizeof r);
            if (!in_context(t, c, r)) continue;
        }
        if (strlen(r) + 1 >= sizeof r) continue; /* too long to be sure of: left to ICU */
        size_t k = 0;
        while (k < n_syl && strcmp(syl[k], r) != 0) k++;
        if (k == n_syl) {
            if (n_syl == sizeof syl / sizeof *syl) {
                fprintf(stderr, "gen_pinyin: too many distinct romanizations\n");
                return 1;
            }
            memcpy(syl[n_syl++], r, sizeof r);
        }
        entry[c] = (unsigned short)(k + 1);
    }
    /* the context rules of Han-Latin */
    UChar32 ctx[64][2];
    char ctx_reading[64][16];
    size_t n_ctx = 0;
    {
        u_uastrcpy(id, "Han-Latin");
        UTransliterator *h = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &st);
        int32_t n = U_SUCCESS(st) ? utrans_toRules(h, 0, NULL, 0, &st) : 0;
        if (st == U_BUFFER_OVERFLOW_ERROR) st = U_ZERO_ERROR;
        UChar *rules = malloc(((size_t)n + 1) * sizeof *rules);
        if (U_SUCCESS(st)) utrans_toRules(h, 0, rules, n + 1, &st);
        if (U_FAILURE(st)) {
            fprintf(stderr, "gen_pinyin: cannot read the Han-Latin rules: %s\n", u_errorName(st));
            return 1;
        }
        static const UChar between[] = {'}', '\'', ' ', '\'', '?'};
        for (int32_t i = 0; i < n;) {
            int32_t e = i;
            while (e < n && rules[e] != '\n') e++;
            if (rules[i] == '{') {
                /* {A}' '?B > ...; */
                int32_t q = i + 1;
                UChar32 a, b;
                U16_NEXT(rules, q, e, a);
                int fits = q + 5 < e && memcmp(rules + q, between, sizeof between) == 0;
                q += 5;
                if (fits) U16_NEXT(rules, q, e, b);
                if (!fits || q + 3 > e || rules[q] != ' ' || rules[q + 1] != '>' || n_ctx == 64) {
                    fprintf(stderr, "gen_pinyin: a Han-Latin context rule of an unknown form (line at %d)\n", (int)i);
                    return 1;
                }
                char whole[32], second[16];
                UChar32 ab[2] = {a, b};
                romanize_cps(t, ab, 2, whole, sizeof whole);
                romanize_cps(t, &b, 1, second, sizeof second);
                size_t lw = strlen(whole), ls = strlen(second);
                if (lw <= ls || lw - ls >= sizeof *ctx_reading || strcmp(whole + lw - ls, second) != 0) {
                    fprintf(stderr, "gen_pinyin: context rule %04X %04X: cannot split '%s'\n", (unsigned)a, (unsigned)b, whole);
                    return 1;
                }
                ctx[n_ctx][0] = a, ctx[n_ctx][1] = b;
                memcpy(ctx_reading[n_ctx], whole, lw - ls);
                ctx_reading[n_ctx++][lw - ls] = '\0';
            } else if (rules[i] != '[' && rules[i] != ':' && e > i) {
                fprintf(stderr, "gen_pinyin: a Han-Latin rule of an unknown form (line at %d)\n", (int)i);
                return 1;
            }
            i = e + 1;
        }
        free(rules);
        utrans_close(h);
    }
    utrans_close(t);
    UVersionInfo v;
    char vs[U_MAX_VERSION_STRING_LENGTH];
    u_getVersion(v);
    u_versionToString(v, vs);
    printf("/* Generated by align/aligner/gen_pinyin (ICU %s): do not edit. */\n", vs);
    printf("#include \"align/aligner/pinyin.h\"\n\n");
    printf("const char *const pa_pinyin_syllable[] = {NULL");
    for (size_t k = 0; k < n_syl; k++) printf(",%s\"%s\"", k % 12 ? "" : "\n", syl[k]);
    printf("};\n\n");
    /* page numbers (0 = empty page), then the pages */
    static unsigned short page_of[PAGES];
    size_t n_pages = 1;
    for (size_t p = 0; p < PAGES; p++) {
        int any = 0;
        for (size_t k = 0; k < 256 && !any; k++) any = entry[p * 256 + k] != 0;
        page_of[p] = any ? (unsigned short)n_pages++ : 0;
    }
    printf("const unsigned short pa_pinyin_page_of[%d] = {", PAGES);
    for (size_t p = 0; p < PAGES; p++) printf("%s%u,", p % 32 ? "" : "\n", page_of[p]);
    printf("};\n\nconst unsigned short pa_pinyin_page[][256] = {\n{0}");
    for (size_t p = 0; p < PAGES; p++) {
        if (!page_of[p]) continue;
        printf(",\n{");
        for (size_t k = 0; k < 256; k++) printf("%s%u,", k % 32 ? "" : "\n", entry[p * 256 + k]);
        printf("}");
    }
    printf("};\n\nconst pa_pinyin_context pa_pinyin_contexts[] = {");
    for (size_t k = 0; k < n_ctx; k++)
        printf("\n{0x%04X, 0x%04X, \"%s\"},", (unsigned)ctx[k][0], (unsigned)ctx[k][1], ctx_reading[k]);
    printf("\n{0, 0, NULL}};\n");
    u_cleanup();
    return ferror(stdout) ? 1 : 0;
}
