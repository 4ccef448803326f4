/* ltrrun.c - see ltrrun.h. */
#include "align/text/ltrrun.h"

#include <stdint.h>
#include <string.h>
#include <unicode/uchar.h>

enum { LRE = 0x202A, RLE = 0x202B, PDF = 0x202C, DEPTH = 16 };

/* The embedding character U+202A-U+202E at s[i] (three bytes), else 0. */
static uint32_t embedding_at(const unsigned char *s, size_t len, size_t i)
{
    if (i + 2 >= len || s[i] != 0xE2 || s[i + 1] != 0x80 || s[i + 2] < 0xAA || s[i + 2] > 0xAE) return 0;
    return 0x2000u | (s[i + 2] & 0x3Fu);
}

/* The code point of the valid UTF-8 sequence at s[i] before `e`, its length
 * in *n; 0 with *n = 0 for bytes that are not one. */
static uint32_t char_at(const unsigned char *s, size_t i, size_t e, size_t *n)
{
    unsigned c = s[i];
    size_t k = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    *n = 0;
    if (k == 0 || i + k > e) return 0;
    uint32_t cp = k == 1 ? c : c & (0x7Fu >> k);
    for (size_t j = 1; j < k; j++) {
        if ((s[i + j] & 0xC0) != 0x80) return 0;
        cp = cp << 6 | (s[i + j] & 0x3F);
    }
    static const uint32_t least[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < least[k] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    *n = k;
    return cp;
}

/* White space or punctuation that takes the direction of the text around
 * it (bidirectional class WS, CS, ES, ON), brackets and other mirrored
 * characters left out. */
static int is_neutral(uint32_t c)
{
    UCharDirection d = u_charDirection((UChar32)c);
    return (d == U_WHITE_SPACE_NEUTRAL || d == U_COMMON_NUMBER_SEPARATOR || d == U_EUROPEAN_NUMBER_SEPARATOR ||
            d == U_OTHER_NEUTRAL) &&
           !u_isMirrored((UChar32)c);
}

static void reverse_bytes(unsigned char *s, size_t a, size_t e)
{
    while (a + 1 < e) {
        unsigned char t = s[a];
        s[a++] = s[--e];
        s[e] = t;
    }
}

/* Repairs the run s[a..e) (the text between an LRE and its PDF): its
 * leading neutrals N, then the rest X, become X then N's characters in
 * reverse order. Returns whether it changed anything. */
static int repair_run(unsigned char *s, size_t a, size_t e)
{
    size_t m = a, n = 0;
    for (uint32_t c; m < e && (c = char_at(s, m, e, &n)) != 0 && is_neutral(c);) m += n;
    if (m == a || (m == a + 1 && m == e)) return 0; /* nothing to move, or one ASCII character */
    /* N X -> rev(X) rev(N) -> X rev(N), where rev(N) holds N's characters
     * reversed, each with its bytes reversed too */
    reverse_bytes(s, a, e);
    size_t x = e - m;
    reverse_bytes(s, a, a + x);
    for (size_t i = a + x; i < e;) {
        size_t j = i;
        while (j < e && (s[j] & 0xC0) == 0x80) j++; /* continuation bytes, then their lead */
        if (j > i && j < e) reverse_bytes(s, i, j + 1);
        i = j + 1;
    }
    /* a number's full stop or comma is set against it: spaces poppler saw
     * between them (" . 2", a justified gap) go after it ("2. ") */
    size_t sp = a + x;
    while (sp < e && s[sp] == ' ') sp++;
    uint32_t c;
    if (x > 0 && sp > a + x && sp < e && (c = char_at(s, sp, e, &n)) != 0 &&
        u_charDirection((UChar32)c) == U_COMMON_NUMBER_SEPARATOR) {
        reverse_bytes(s, a + x, sp + n);
        reverse_bytes(s, a + x, a + x + n);
        reverse_bytes(s, a + x + n, sp + n);
    }
    return 1;
}

/* Runs over the embeddings of `s`, counting (fix NULL) or repairing the
 * LRE runs opened directly inside an RLE run that hold no embedding. */
static size_t scan(const char *str, size_t len, char *fix)
{
    const unsigned char *s = (const unsigned char *)str;
    uint32_t stack[DEPTH];
    size_t depth = 0, start = 0, found = 0;
    int open = 0; /* an LRE run inside an RLE run started at `start`, no embedding since */
    for (size_t i = 0; i + 2 < len; i++) {
        uint32_t c = embedding_at(s, len, i);
        if (!c) continue;
        if (c == PDF) {
            if (open) found += fix ? (size_t)repair_run((unsigned char *)fix, start, i) : 1;
            if (depth) depth--;
        } else {
            if (depth < DEPTH) stack[depth] = c;
            depth++;
        }
        open = c == LRE && depth >= 2 && depth <= DEPTH && stack[depth - 2] == RLE;
        start = i + 3;
        i += 2;
    }
    return found;
}

int pa_ltr_runs_damaged(const char *s, size_t len) { return memchr(s, '\f', len) != NULL && scan(s, len, NULL) > 0; }

size_t pa_ltr_runs_repair(char *s, size_t len) { return scan(s, len, s); }
