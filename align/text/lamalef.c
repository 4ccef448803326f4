/* lamalef.c - see lamalef.h. */
#include "align/text/lamalef.h"
#include "align/text/utf8.h"
#include "align/text/wordlist.h"

#include <stdint.h>
#include <string.h>
#include <unicode/uchar.h>

enum { ALEF_MADDA = 0x622, ALEF_HAMZA_ABOVE = 0x623, ALEF_HAMZA_BELOW = 0x625, ALEF = 0x627, LAM = 0x644 };

/* What a pass over the text found, and did. */
typedef struct tally {
    size_t reversed; /* evidence of reversed ligatures */
    size_t intact;   /* evidence of intact ones: lam + alef not before a lam */
    size_t swaps;    /* pairs put back */
} tally;

/* ا أ إ آ: the letters a lam-alef ligature ends in. */
static int is_alef(uint32_t c) { return c == ALEF || c == ALEF_HAMZA_ABOVE || c == ALEF_HAMZA_BELOW || c == ALEF_MADDA; }

/* و ف ب ك ل: the letters glued before a word ("and", "so", "with", "as",
 * "for"), before its article too (والإعلان, بالأمم). */
static int is_proclitic(uint32_t c) { return c == 0x648 || c == 0x641 || c == 0x628 || c == 0x643 || c == LAM; }

/* An Arabic letter (tatweel included); the rest of a word are marks. */
static int is_letter(uint32_t c) { return c >= 0x621 && c <= 0x64A; }

/* The code point of the character at s[i] when it belongs to an Arabic
 * word: a letter U+0621-U+064A or a mark U+064B-U+065F, U+0670, all two
 * bytes of UTF-8. Else 0, also for bytes that are not valid UTF-8. */
static uint32_t word_char(const unsigned char *s, size_t len, size_t i)
{
    if (i + 1 >= len || (s[i] != 0xD8 && s[i] != 0xD9) || (s[i + 1] & 0xC0) != 0x80) return 0;
    uint32_t c = (uint32_t)(s[i] & 0x1F) << 6 | (s[i + 1] & 0x3F);
    return (c >= 0x621 && c <= 0x65F) || c == 0x670 ? c : 0;
}

/* The code point of a character of a word (two bytes, checked). */
static uint32_t at(const unsigned char *s, size_t i) { return (uint32_t)(s[i] & 0x1F) << 6 | (s[i + 1] & 0x3F); }

/* Where the first letter at or after byte `i` of the word ending at `e`
 * is, passing over marks; `e` when there is none. */
static size_t letter_from(const unsigned char *s, size_t i, size_t e)
{
    while (i < e && !is_letter(at(s, i))) i += 2;
    return i;
}

/* How many of the first letters of the word [a, e) are proclitics, at
 * most two. */
static size_t proclitics(const unsigned char *s, size_t a, size_t e)
{
    size_t n = 0;
    for (size_t i = letter_from(s, a, e); n < 2 && i < e && is_proclitic(at(s, i)); i = letter_from(s, i + 2, e)) n++;
    return n;
}

/* Whether the pair alef `a` + lam, as read, is a reversed lam-alef: `prev`
 * is the letter before it (0 at the word's start), `next` the one after
 * the lam (0 at its end), `idx` the number of letters before it and `stem`
 * the number of the word's proclitics. The rules of lamalef.h, in order. */
static int reversed_pair(uint32_t a, uint32_t prev, uint32_t next, size_t idx, size_t stem)
{
    if (is_alef(prev) || prev == LAM) return 1; /* A A ل, ل A ل */
    if (a != ALEF) return 0;
    if (next == 0) return idx <= stem;          /* C{0,2} ال */
    return next == LAM && idx > stem;           /* ...ا ل ل inside */
}

/* Whether the lam at byte `i` of the word ending at `e` is an intact
 * lam-alef: an alef right after it, and no lam after that (reversal
 * leaves lam + alef only as the "ل A" of "ل A ل"). */
static int intact_at(const unsigned char *s, size_t i, size_t e)
{
    if (i + 2 >= e || !is_alef(at(s, i + 2))) return 0;
    size_t k = letter_from(s, i + 4, e);
    return k == e || at(s, k) != LAM;
}

/* Whether an alef put at byte `i` of the text, before the combining marks
 * that follow there (of any script), would take up a madda or hamza mark
 * among them (U+0653-U+0655): compose with it, or give up its own for it
 * (أ before ٕ is إ + ٔ in NFC). NFC text would then not stay NFC. */
static int composes(const unsigned char *s, size_t len, size_t i)
{
    size_t n;
    for (uint32_t c; i < len && u_getCombiningClass((UChar32)(c = pa_utf8_at((const char *)s, len, i, &n))) != 0; i += n)
        if (c >= 0x653 && c <= 0x655) return 1;
    return 0;
}

/* Counts the evidence of the word [a, e) of the text `s` (`len` bytes)
 * into `t` and, when `fix` is not NULL (then it is `s`, writable), puts
 * its reversed pairs back. Reads only the letters as they were: a swap
 * writes behind the scan. */
static void scan_word(const unsigned char *s, size_t len, size_t a, size_t e, unsigned char *fix, tally *t)
{
    size_t stem = proclitics(s, a, e), idx = 0;
    uint32_t prev = 0;
    for (size_t i = letter_from(s, a, e); i < e;) {
        uint32_t c = at(s, i);
        size_t j = letter_from(s, i + 2, e);
        if (c == LAM) t->intact += (size_t)intact_at(s, i, e);
        if (!is_alef(c) || j >= e || j != i + 2 || at(s, j) != LAM) {
            prev = c, idx++, i = j;
            continue;
        }
        /* alef + lam as read, the lam at j */
        t->intact += (size_t)intact_at(s, j, e);
        size_t k = letter_from(s, j + 2, e);
        uint32_t after = k < e ? at(s, k) : 0;
        if (is_alef(prev) || (c == ALEF && after == 0 && idx <= stem && idx <= 1 && prev != LAM)) t->reversed++;
        if (fix && reversed_pair(c, prev, after, idx, stem) && !composes(s, len, j + 2)) {
            unsigned char x = fix[i], y = fix[i + 1];
            fix[i] = fix[j], fix[i + 1] = fix[j + 1], fix[j] = x, fix[j + 1] = y;
            t->swaps++;
        }
        prev = LAM, idx += 2, i = k;
    }
}

/* The next Arabic word of s[0, len) at or after byte *i: true with its
 * bytes [*a, *i) (so *i is past it), false when there is none. */
static int next_word(const unsigned char *s, size_t len, size_t *i, size_t *a)
{
    while (*i < len && !word_char(s, len, *i)) (*i)++;
    if (*i >= len) return 0;
    *a = *i;
    while (word_char(s, len, *i)) *i += 2;
    return 1;
}

/* Runs scan_word over every word of `str`. */
static void scan(const char *str, size_t len, char *fix, tally *t)
{
    const unsigned char *s = (const unsigned char *)str;
    for (size_t i = 0, a; next_word(s, len, &i, &a);) scan_word(s, len, a, i, (unsigned char *)fix, t);
}

int pa_lamalef_reversed(const char *s, size_t len)
{
    tally t = {0, 0, 0};
    scan(s, len, NULL, &t);
    return t.reversed >= 2 && t.reversed > 4 * t.intact;
}

size_t pa_lamalef_repair(char *s, size_t len)
{
    tally t = {0, 0, 0};
    scan(s, len, s, &t);
    return t.swaps;
}

/* Whether the word w[0, n) holds two alef letters side by side, which no
 * Arabic word does: the reading that would take the lam of an intact
 * ligature away from it (الإجتماعي, put back by the rules, read as
 * لاإجتماعي) is no reading. */
static int alefs_adjacent(const char *w, size_t n)
{
    const unsigned char *s = (const unsigned char *)w;
    for (size_t i = 0; i + 4 <= n; i += 2)
        if (is_alef(at(s, i)) && is_alef(at(s, i + 2))) return 1;
    return 0;
}

/* Most pairs of a word tried together: 2^4 - 1 readings at most. */
#define MAX_WORD_PAIRS 4

/* The word [a, e) of `s` with the pairs of `set` (bits over the pairs at
 * the byte offsets `at_pair`, relative to a) swapped, into `buf`. */
static void variant(const char *s, size_t a, size_t e, const size_t *at_pair, size_t n, unsigned set, char *buf)
{
    memcpy(buf, s + a, e - a);
    for (size_t k = 0; k < n; k++)
        if (set >> k & 1) {
            size_t i = at_pair[k];
            char x = buf[i], y = buf[i + 1];
            buf[i] = buf[i + 2], buf[i + 1] = buf[i + 3], buf[i + 2] = x, buf[i + 3] = y;
        }
}

size_t pa_lamalef_repair_words(char *str, size_t len, int (*is_word)(void *ctx, const char *w, size_t n), void *ctx)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t swaps = 0;
    char buf[256];
    for (size_t i = 0, a; next_word(s, len, &i, &a);) {
        size_t e = i, at_pair[MAX_WORD_PAIRS + 1], n = 0;
        for (size_t q = a; q + 4 <= e && n <= MAX_WORD_PAIRS; q += 2)
            if (is_alef(at(s, q)) && at(s, q + 2) == LAM && !composes(s, len, q + 4)) at_pair[n++] = q - a;
        if (n == 0 || n > MAX_WORD_PAIRS || e - a > sizeof buf || is_word(ctx, str + a, e - a)) continue;
        unsigned found = 0, words = 0;
        for (unsigned set = 1; set < 1u << n && words < 2; set++) {
            variant(str, a, e, at_pair, n, set, buf);
            if (!alefs_adjacent(buf, e - a) && is_word(ctx, buf, e - a)) found = set, words++;
        }
        if (words != 1) continue;
        variant(str, a, e, at_pair, n, found, buf);
        memcpy(str + a, buf, e - a);
        for (unsigned set = found; set; set &= set - 1) swaps++;
    }
    return swaps;
}

static int in_wordlist(void *w, const char *word, size_t n) { return pa_wordlist_has(w, word, n); }

size_t pa_lamalef_fix(char *s, size_t len, const pa_wordlist_source *words)
{
    if (!pa_lamalef_reversed(s, len)) return 0;
    size_t swaps = pa_lamalef_repair(s, len);
    /* no list: the pairs inside stems stay as read */
    pa_wordlist *w = words ? words->take(words->ctx, "ar") : pa_wordlist_open("ar", NULL);
    if (w) swaps += pa_lamalef_repair_words(s, len, in_wordlist, w);
    if (words) words->give(words->ctx, "ar", w);
    else pa_wordlist_free(w);
    return swaps;
}
