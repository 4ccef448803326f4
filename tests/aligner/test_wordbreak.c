/* test_wordbreak.c - align/aligner/wordbreak.c against ICU's own word
 * iterator, which is the reference: the same (boundary, status) list for
 * - the cases of tests/aligner/wordbreak.cases (or the file given first),
 *   some with the words they must give spelled out;
 * - every line of the shared corpora's Chinese text (UN dev set, MAC-dev,
 *   the seed, the UDHR page, the TMX samples; skipped when $SHARED is
 *   absent);
 * - generated lines: every code point from U+2E80 on in runs of eight
 *   between Han words (which exercises the breaker's own tables of Han,
 *   kana and NFKC-stable characters), and random mixtures of Han, kana,
 *   half-width forms, Hangul, Thai, Latin, digits, marks and punctuation.
 * The reference is pa_word_breaker_new's ICU-only mode, which has ICU build
 * its process-wide CJK engine first (the breaker behaves as if it were);
 * each side keeps one iterator throughout, as the aligner does. On ICU 72
 * the breaker must do the dictionary work itself (or this would compare ICU
 * with ICU). Last, the keys the aligner gives words (pa_word_key) against
 * ICU's case folding. */
#include "align/aligner/features.h"
#include "align/aligner/wordbreak.h"
#include "align/util/alloc.h"
#include "align/util/buf.h"
#include "align/util/source.h"
#include "tests/cases.h"
#include "tests/tap.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/udata.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>
#include <unicode/uversion.h>

static pa_word_breaker *own, *ref;
static size_t n_lines, n_bad, n_bounds;

/* Both breakers on s[0, len); true when they agree. The first few
 * disagreements are printed. */
static int same(const char *s, size_t len)
{
    const pa_word_boundary *a, *b;
    pa_error e1, e2;
    long na = pa_word_breaker_run(own, s, len, &a, &e1);
    pa_word_boundary *copy = na > 0 ? pa_malloc((size_t)na * sizeof *copy) : NULL;
    if (na > 0) memcpy(copy, a, (size_t)na * sizeof *copy);
    long nb = pa_word_breaker_run(ref, s, len, &b, &e2);
    int eq = na >= 0 && na == nb && (na == 0 || memcmp(copy, b, (size_t)na * sizeof *copy) == 0);
    n_lines++;
    n_bounds += nb > 0 ? (size_t)nb : 0;
    if (!eq && ++n_bad <= 5) {
        diag("differs on '%.*s' (%zu bytes): %ld against ICU's %ld boundaries", (int)(len < 200 ? len : 200), s,
             len, na, nb);
        for (long k = 0; k < na || k < nb; k++) {
            if (k < na && k < nb && copy[k].pos == b[k].pos && copy[k].status == b[k].status) continue;
            diag("  first difference at boundary %ld: %d/%d against ICU's %d/%d", k, k < na ? copy[k].pos : -1,
                 k < na ? copy[k].status : -1, k < nb ? b[k].pos : -1, k < nb ? b[k].status : -1);
            break;
        }
    }
    pa_free(copy);
    return eq;
}

/* The words of s, '|' between them, as the breaker gives them. */
static void words_of(const char *s, size_t len, pa_buf *out)
{
    const pa_word_boundary *b;
    pa_error e;
    long n = pa_word_breaker_run(own, s, len, &b, &e);
    pa_buf_reset(out);
    int32_t prev = 0;
    for (long k = 0; k < n; prev = b[k].pos, k++) {
        if (k) pa_buf_append(out, "|", 1);
        pa_buf_append(out, s + prev, (size_t)(b[k].pos - prev));
    }
}

/* same TEXT: as ICU. words TEXT WANT: as ICU, and the words WANT. */
static void run_case(char **f, size_t n)
{
    if (n < 2) {
        ok(0, "malformed case line starting '%s'", f[0]);
        return;
    }
    size_t len = cases_unescape(f[1]);
    if (strcmp(f[0], "same") == 0 && n == 2) {
        ok(same(f[1], len), "as ICU: '%s'", f[1]);
    } else if (strcmp(f[0], "words") == 0 && n == 3) {
        pa_buf w = PA_BUF_INIT;
        words_of(f[1], len, &w);
        const char *got = w.data ? w.data : "";
        ok(same(f[1], len) && strcmp(got, f[2]) == 0, "words '%s' (want '%s')", got, f[2]);
        pa_buf_free(&w);
    } else {
        ok(0, "malformed case line starting '%s'", f[0]);
    }
}

/* Every line of the file at `path`; 0 when it cannot be read. */
static int check_file(const char *path)
{
    pa_buf file = PA_BUF_INIT;
    pa_error err;
    if (pa_read_file(path, &file, 0, &err) != 0) return 0;
    size_t before = n_bad;
    for (size_t a = 0; a < file.len;) {
        const char *nl = memchr(file.data + a, '\n', file.len - a);
        size_t b = nl ? (size_t)(nl - file.data) : file.len;
        if (b > a) same(file.data + a, b - a);
        a = b + 1;
    }
    pa_buf_free(&file);
    if (n_bad != before) diag("%s: %zu lines differ", path, n_bad - before);
    return 1;
}

/* Every file under `dir` (recursively) whose name contains `part`: the
 * number of files read, -1 when `dir` is not a directory. */
static int check_dir(const char *dir, const char *part)
{
    DIR *d = opendir(dir);
    if (!d) return -1;
    int n = 0;
    for (struct dirent *e; (e = readdir(d));) {
        if (e->d_name[0] == '.') continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        int sub = check_dir(path, part);
        if (sub >= 0) n += sub;
        else if (strstr(e->d_name, part)) n += check_file(path);
    }
    closedir(d);
    return n;
}

static void check_shared(void)
{
    const char *shared = getenv("SHARED");
    char root[1024], path[4096];
    snprintf(root, sizeof root, "%s", shared && *shared ? shared : "../shared");
    snprintf(path, sizeof path, "%s/corpora/unpc-devset/UNv1.0.devset.zh", root);
    pa_buf probe = PA_BUF_INIT;
    pa_error err;
    if (pa_read_file(path, &probe, 0, &err) != 0) {
        ok(1, "# SKIP no shared corpora at %s (set SHARED)", root);
        return;
    }
    pa_buf_free(&probe);
    size_t lines = n_lines, bad = n_bad, bounds = n_bounds;
    int files = check_file(path);
    snprintf(path, sizeof path, "%s/eval/alignment/mac-dev/zh", root);
    files += check_dir(path, "0");
    snprintf(path, sizeof path, "%s/seed", root);
    files += check_dir(path, ".txt");
    snprintf(path, sizeof path, "%s/corpora/udhr/cmn_hans.html", root);
    files += check_file(path);
    snprintf(path, sizeof path, "%s/tmx/samples", root);
    files += check_dir(path, ".tmx");
    ok(n_bad == bad && n_lines - lines > 5000, "shared corpora (%d files): %zu lines, %zu boundaries, %zu differ",
       files, n_lines - lines, n_bounds - bounds, n_bad - bad);
}

/* Appends code point c as UTF-8. */
static void put(pa_buf *b, UChar32 c)
{
    char u[4];
    int32_t k = 0;
    U8_APPEND_UNSAFE(u, k, c);
    pa_buf_append(b, u, (size_t)k);
}

static int is_char(UChar32 c)
{
    return !(c >= 0xd800 && c <= 0xdfff) && c <= 0x10ffff;
}

/* Every code point from U+2E80 to the end of the supplementary ideographic
 * plane, eight at a time between two Han words. */
static void check_sweep(void)
{
    size_t lines = n_lines, bad = n_bad;
    pa_buf line = PA_BUF_INIT;
    for (UChar32 c = 0x2e80; c < 0x30000; c += 8) {
        if (c == 0xa000) c = 0xa960; /* Yi to Hangul Jamo Ext-A: no dictionary characters */
        if (c == 0x10000) c = 0x16fe0; /* nothing CJK in between but Tangut-like marks */
        pa_buf_reset(&line);
        pa_buf_append(&line, "\xe8\x81\x94\xe5\x90\x88\xe5\x9b\xbd", 9); /* 联合国 */
        for (UChar32 d = c; d < c + 8; d++)
            if (is_char(d)) put(&line, d);
        pa_buf_append(&line, "\xe5\xa4\xa7\xe4\xbc\x9a", 6); /* 大会 */
        same(line.data, line.len);
    }
    pa_buf_free(&line);
    ok(n_bad == bad, "code points U+2E80..U+2FFFF in runs of 8: %zu lines, %zu differ", n_lines - lines, n_bad - bad);
}

static uint64_t rng = 0x9e3779b97f4a7c15u;

static uint32_t next_rand(void)
{
    rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
    return (uint32_t)(rng >> 16);
}

/* Random lines from pools of the characters the breaker treats apart. */
static void check_random(void)
{
    static const struct { UChar32 lo, hi; } pools[] = {
        {0x4e00, 0x9fff}, {0x4e00, 0x4fff}, {0x5927, 0x5927}, {0x56fd, 0x56fd}, {0x3041, 0x3096},
        {0x30a1, 0x30fa}, {0x30fb, 0x30fe}, {0x30fc, 0x30fc}, {0xff66, 0xff9f}, {0xff70, 0xff70},
        {0xff9e, 0xff9f}, {0x3400, 0x4dbf}, {0x20000, 0x2a6df}, {0xf900, 0xfaff}, {0x2f00, 0x2fd5},
        {0x3000, 0x303f}, {0xff01, 0xff5e}, {0xac00, 0xd7a3}, {0x1100, 0x11ff}, {0x0e01, 0x0e5b},
        {0x0e81, 0x0edf}, {0x1780, 0x17ff}, {0x1000, 0x109f}, {0x0300, 0x036f}, {0x3099, 0x309a},
        {'a', 'z'}, {'A', 'Z'}, {'0', '9'}, {' ', ' '}, {'.', '.'}, {',', ','}, {'\'', '\''},
        {0x00c0, 0x024f}, {0x0400, 0x04ff}, {0x0600, 0x06ff}, {0x3220, 0x3243}, {0x3280, 0x32b0},
        {0x1f600, 0x1f64f}, {0x200d, 0x200d}, {0xfe0f, 0xfe0f}, {0x00ad, 0x00ad}, {0x2028, 0x2029},
    };
    enum { N_POOLS = sizeof pools / sizeof *pools, N_LINES = 20000 };
    size_t lines = n_lines, bad = n_bad;
    pa_buf line = PA_BUF_INIT;
    for (int k = 0; k < N_LINES; k++) {
        pa_buf_reset(&line);
        int runs = 1 + (int)(next_rand() % 8);
        for (int r = 0; r < runs; r++) {
            int p = (int)(next_rand() % N_POOLS);
            int n = 1 + (int)(next_rand() % 12);
            for (int i = 0; i < n; i++) {
                UChar32 c = pools[p].lo + (UChar32)(next_rand() % (uint32_t)(pools[p].hi - pools[p].lo + 1));
                if (is_char(c)) put(&line, c);
            }
        }
        same(line.data, line.len);
    }
    pa_buf_free(&line);
    ok(n_bad == bad, "random mixtures: %zu lines, %zu differ, %ld handed to ICU (Thai, Lao, Khmer, Myanmar)",
       n_lines - lines, n_bad - bad, pa_word_breaker_fallbacks(own));
}

/* pa_word_key (features.c), which keys the words this file breaks, copies
 * Han and kana words without folding: every code point around that range,
 * alone and after a Han character, keys as ICU's full case folding gives. */
static void check_word_key(void)
{
    size_t bad = 0, n = 0;
    for (UChar32 c = 0x2c00; c < 0xa800; c++) {
        if (c >= 0xd800 && c <= 0xdfff) continue;
        for (int pre = 0; pre < 2; pre++, n++) {
            UChar u[4], f[16];
            int32_t ul = 0, fl, wl = 0;
            if (pre) u[ul++] = 0x4e2d;
            U16_APPEND_UNSAFE(u, ul, c);
            UErrorCode st = U_ZERO_ERROR;
            fl = u_strFoldCase(f, 16, u, ul, U_FOLD_CASE_DEFAULT, &st);
            char want[64], in[16], got[64];
            u_strToUTF8(want, sizeof want, &wl, f, fl, &st);
            int32_t il = 0;
            u_strToUTF8(in, sizeof in, &il, u, ul, &st);
            size_t gl;
            pa_word_key(in, (size_t)il, got, &gl, sizeof got);
            if (U_FAILURE(st) || gl != (size_t)wl || memcmp(got, want, gl) != 0) bad++;
        }
    }
    ok(bad == 0, "word keys of U+2C00..U+A7FF, alone and after Han, as ICU folds them (%zu keys, %zu differ)", n, bad);
}

/* The languages whose breakers take ICU's root word rules from its data:
 * ICU's iterator for each has those very rules, byte for byte; and the
 * breaker divides Han itself and gives ICU's boundaries on a mixed text. */
static void check_root_rules(void)
{
    UErrorCode st = U_ZERO_ERROR;
    UDataMemory *mem = udata_open(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "brkitr", "brk", "word", &st);
    const uint8_t *root = U_SUCCESS(st) ? udata_getMemory(mem) : NULL;
    for (const char *const *l = pa_word_breaker_root_langs; *l; l++) {
        st = U_ZERO_ERROR;
        UBreakIterator *it = ubrk_open(UBRK_WORD, *l, NULL, 0, &st);
        int32_t n = it ? ubrk_getBinaryRules(it, NULL, 0, &st) : 0;
        uint8_t *bytes = n > 0 ? malloc((size_t)n) : NULL;
        if (bytes) ubrk_getBinaryRules(it, bytes, n, &st);
        ok(U_SUCCESS(st) && root && bytes && memcmp(bytes, root, (size_t)n) == 0,
           "%s: ICU's word iterator has the root rules (%d bytes)", *l, (int)n);
        free(bytes);
        if (it) ubrk_close(it);
        pa_error e;
        pa_word_breaker *b = pa_word_breaker_new(*l, 0, &e), *r = pa_word_breaker_new(*l, 1, &e);
        const char *text = "UN-Women\xe2\x80\x99s 2018 \xe5\xb9\xb4\xe5\xba\xa6\xe6\x8a\xa5\xe5\x91\x8a, "
                           "\xe0\xb8\xaa\xe0\xb8\xa7\xe0\xb8\xb1\xe0\xb8\xaa\xe0\xb8\x94\xe0\xb8\xb5.";
        const pa_word_boundary *x, *y;
        long nx = b ? pa_word_breaker_run(b, text, strlen(text), &x, &e) : -1;
        long ny = r ? pa_word_breaker_run(r, text, strlen(text), &y, &e) : -2;
        ok(b && r && nx == ny && nx > 0 && memcmp(x, y, (size_t)nx * sizeof *x) == 0 &&
               pa_word_breaker_is_own(b) == (U_ICU_VERSION_MAJOR_NUM == 72),
           "%s: the breaker gives ICU's boundaries and statuses on mixed text (%ld)", *l, nx);
        pa_word_breaker_free(b), pa_word_breaker_free(r);
    }
    udata_close(mem);
}

int main(int argc, char **argv)
{
    pa_error err;
    own = pa_word_breaker_new("zh", 0, &err);
    ref = pa_word_breaker_new("zh", 1, &err);
    if (!own || !ref) {
        printf("Bail out! %s\n", err.msg);
        return 1;
    }
#if U_ICU_VERSION_MAJOR_NUM == 72
    ok(pa_word_breaker_is_own(own) && !pa_word_breaker_is_own(ref), "ICU 72: the breaker divides Han itself");
#else
    ok(!pa_word_breaker_is_own(own), "ICU %s: ICU's own iterator throughout", U_ICU_VERSION);
#endif
    if (cases_run(argc, argv, "tests/aligner/wordbreak.cases", run_case) != 0) return 1;
    const char *thai = "\xe0\xb8\xaa\xe0\xb8\xa7\xe0\xb8\xb1\xe0\xb8\xaa\xe0\xb8\x94\xe0\xb8\xb5 UN"; /* สวัสดี UN */
    long fb = pa_word_breaker_fallbacks(own);
    ok(same(thai, strlen(thai)) && pa_word_breaker_fallbacks(own) == fb + (pa_word_breaker_is_own(own) ? 1 : 0),
       "Thai goes to ICU's iterator");
    const pa_word_boundary *none;
    ok(pa_word_breaker_run(own, "", 0, &none, &err) == 0 && same("", 0), "empty text: no boundary");
    check_root_rules();
    check_shared();
    check_sweep();
    check_random();
    check_word_key();
    pa_word_breaker_free(own);
    pa_word_breaker_free(ref);
    return done_testing();
}
