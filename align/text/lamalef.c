/* lamalef.c - see lamalef.h. */
#include "align/text/lamalef.h"
#include "align/util/alloc.h"
#include "align/util/hashset.h"
#include "align/text/utf8.h"
#include "align/text/wordlist.h"

#include <stdint.h>
#include <stdlib.h>
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

/* How many readings of the word [a, e) of `s` with some of its pairs (at
 * `at_pair`, relative to a) swapped are words of `is_word`, counting up to
 * `enough`; *found (when not NULL) gets the first such set of pairs. A
 * reading with two alefs side by side is none. */
static unsigned swapped_words(const char *s, size_t a, size_t e, const size_t *at_pair, size_t n,
                              int (*is_word)(void *ctx, const char *w, size_t n), void *ctx, unsigned enough,
                              unsigned *found)
{
    char buf[256];
    unsigned words = 0;
    for (unsigned set = 1; set < 1u << n && words < enough; set++) {
        variant(s, a, e, at_pair, n, set, buf);
        if (alefs_adjacent(buf, e - a) || !is_word(ctx, buf, e - a)) continue;
        if (words++ == 0 && found) *found = set;
    }
    return words;
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
        unsigned found = 0;
        if (swapped_words(str, a, e, at_pair, n, is_word, ctx, 2, &found) != 1) continue;
        variant(str, a, e, at_pair, n, found, buf);
        memcpy(str + a, buf, e - a);
        for (unsigned set = found; set; set &= set - 1) swaps++;
    }
    return swaps;
}

/* ---- gaps inside words ---- */

/* Whether the letter `c` joins the letter after it (Arabic joining type
 * dual or join-causing): only there can a justified line stretch a word
 * (a kashida), and pdftotext write the stretch as a space. */
static int joins_next(uint32_t c)
{
    int t = u_getIntPropertyValue((UChar32)c, UCHAR_JOINING_TYPE);
    return t == U_JT_DUAL_JOINING || t == U_JT_JOIN_CAUSING;
}

/* The last letter of the word [a, e) (0 when it has only marks). */
static uint32_t last_letter(const unsigned char *s, size_t a, size_t e)
{
    for (size_t i = e; i > a; i -= 2)
        if (is_letter(at(s, i - 2))) return at(s, i - 2);
    return 0;
}

/* How many letters the word [a, e) has. */
static size_t letters(const unsigned char *s, size_t a, size_t e)
{
    size_t n = 0;
    for (size_t i = a; i < e; i += 2) n += (size_t)is_letter(at(s, i));
    return n;
}

/* The sorted hashes of the words of the text as read: the document's own
 * vocabulary, where a word split by a gap in one line stands whole in
 * another. */
typedef struct vocabulary {
    uint64_t *h;
    size_t n;
} vocabulary;

static uint64_t word_hash(const char *w, size_t n) { return pa_hash_finish(pa_hash_bytes(PA_HASH_SEED, w, n)); }

static int cmp_hash(const void *x, const void *y)
{
    uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
    return a < b ? -1 : a > b;
}

static void vocabulary_build(const char *str, size_t len, vocabulary *v)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t n = 0, cap = 0;
    uint64_t *h = NULL;
    for (size_t i = 0, a; next_word(s, len, &i, &a);) {
        PA_GROW(h, cap, n + 1);
        h[n++] = word_hash(str + a, i - a);
    }
    if (n) qsort(h, n, sizeof *h, cmp_hash);
    v->h = h, v->n = n;
}

static int vocabulary_has(const vocabulary *v, const char *w, size_t n)
{
    uint64_t k = word_hash(w, n);
    return v->n && bsearch(&k, v->h, v->n, sizeof k, cmp_hash) != NULL;
}

/* What decides a join: the document's words and, when there is one, a
 * dictionary (`is_word` NULL: none). */
typedef struct join_evidence {
    vocabulary vocab;
    int (*is_word)(void *ctx, const char *w, size_t n);
    void *ctx;
} join_evidence;

/* Whether the letters [a, e) of `s`, put back by the rules, are a word of
 * the dictionary in some reading of their pairs (no dictionary: no). */
static int dictionary_word(const join_evidence *ev, const char *s, size_t a, size_t e)
{
    char buf[256];
    if (!ev->is_word || e - a > sizeof buf) return 0;
    memcpy(buf, s + a, e - a);
    pa_lamalef_repair(buf, e - a);
    if (ev->is_word(ev->ctx, buf, e - a)) return 1;
    size_t at_pair[MAX_WORD_PAIRS], n = 0;
    const unsigned char *b = (const unsigned char *)buf;
    for (size_t q = 0; q + 4 <= e - a && n < MAX_WORD_PAIRS; q += 2)
        if (is_alef(at(b, q)) && at(b, q + 2) == LAM) at_pair[n++] = q;
    return swapped_words(buf, 0, e - a, at_pair, n, ev->is_word, ev->ctx, 1, NULL) > 0;
}

/* Whether the letters [a, e) of `s` (a word as read, pairs reversed) stand
 * elsewhere in the document as one word, or, put back by the rules, are a
 * word of the dictionary in some reading of their pairs. */
static int known_word(const join_evidence *ev, const char *s, size_t a, size_t e)
{
    return vocabulary_has(&ev->vocab, s + a, e - a) || dictionary_word(ev, s, a, e);
}

/* Whether the word w[0, n) as read is C{0,2} ال: the particle لا reversed
 * (ولا, بلا), which comes before any word (لا وجود, لا داعي) and would
 * make it a word with the article (الوجود). */
static int lone_article(const unsigned char *w, size_t n)
{
    size_t k = letters(w, 0, n);
    if (k < 2 || k > 4 || n != 2 * k || at(w, n - 4) != ALEF || at(w, n - 2) != LAM) return 0;
    for (size_t i = 0; i + 4 < n; i += 2)
        if (!is_proclitic(at(w, i))) return 0;
    return 1;
}

/* The letters of a word as read, its gaps closed: what the joins compare. */
typedef struct word_buf {
    char b[256];
    size_t n;
} word_buf;

/* Whether x + y fits a word_buf; then `out` is that. */
static int concat(word_buf *out, const char *x, size_t nx, const char *y, size_t ny)
{
    if (nx + ny > sizeof out->b) return 0;
    memmove(out->b, x, nx);
    memcpy(out->b + nx, y, ny);
    out->n = nx + ny;
    return 1;
}

/* Whether the word `a` (its gaps closed so far) and the word [a2, e2) of
 * `s` after it, a space between them, are one word with a gap: the second
 * is only marks (no word starts with a mark), or the first ends in a
 * letter that joins the next, is not the particle لا as read (ال) and
 *   - the two together stand whole elsewhere in the document (الح ق, الحق)
 *     and are not two words of the dictionary (في ما, فيما; without one,
 *     in a line that shows gaps, below, only),
 *   - or the second is one letter (no Arabic word but و is one letter):
 *     one that joins no letter after it ends a word (الوطني ة, فيه ا); one
 *     that does goes with the side it makes a word with, the document's
 *     words first, the dictionary's next, to the first word when neither
 *     (the word after it at [a3, e3); a3 == e3: none),
 *   - or the first is one letter (ك ل, ت دفع),
 *   - or, in a line that shows gaps (`stretched`: a word of marks or of one
 *     letter but و), the two are a word of the dictionary and the second
 *     is none (الق انوني, هن اك). */
static int gap_in_word(const join_evidence *ev, const word_buf *a, const char *str, size_t a2, size_t e2, size_t a3,
                       size_t e3, int stretched)
{
    const unsigned char *s = (const unsigned char *)str, *w = (const unsigned char *)a->b;
    size_t f2 = letter_from(s, a2, e2);
    if (f2 == e2) return 1;
    uint32_t last = last_letter(w, 0, a->n), first = at(s, f2);
    if (!last || !joins_next(last)) return 0;
    if (lone_article(w, a->n)) return 0;
    word_buf ab, xc;
    if (!concat(&ab, a->b, a->n, str + a2, e2 - a2)) return 0;
    if (vocabulary_has(&ev->vocab, ab.b, ab.n) &&
        (ev->is_word ? !(dictionary_word(ev, a->b, 0, a->n) && dictionary_word(ev, str, a2, e2)) : stretched))
        return 1;
    if (letters(s, a2, e2) == 1 && first != 0x648) {
        if (!joins_next(first)) return 1;
        int right = a3 < e3 && concat(&xc, str + a2, e2 - a2, str + a3, e3 - a3);
        if (right && vocabulary_has(&ev->vocab, xc.b, xc.n)) return 0;
        if (known_word(ev, ab.b, 0, ab.n)) return 1;
        return !(right && known_word(ev, xc.b, 0, xc.n));
    }
    if (letters(w, 0, a->n) == 1) return 1;
    return stretched && !dictionary_word(ev, str, a2, e2) && dictionary_word(ev, ab.b, 0, ab.n);
}

/* Whether the line around byte `i` shows gaps: a word of marks only, or of
 * one letter but و, between spaces. Sets *end to the line's end. */
static int line_stretched(const unsigned char *s, size_t len, size_t i, size_t *end)
{
    while (i > 0 && s[i - 1] != '\n') i--;
    size_t e = i, a;
    while (e < len && s[e] != '\n') e++;
    *end = e;
    int found = 0;
    for (size_t k = i; !found && next_word(s, e, &k, &a);) {
        int alone = (a == i || s[a - 1] == ' ') && (k == e || s[k] == ' ');
        size_t n = letters(s, a, k);
        found = alone && (n == 0 || (n == 1 && at(s, letter_from(s, a, k)) != 0x648));
    }
    return found;
}

/* Joins the words of [a, e) (gaps marked by single spaces) into one: its
 * letters first, the spaces it held moved to its end when a space follows
 * it there, else to its start when one comes before it, so the length and
 * everything outside [a, e) stay; reflow later takes a run of spaces for
 * one. Nothing moves when neither side has a space (a line of one word).
 * Returns how many spaces left the word. */
static size_t close_gaps(char *s, size_t len, size_t a, size_t e)
{
    int after = e < len && s[e] == ' ', before = a > 0 && s[a - 1] == ' ';
    if (!after && !before) return 0;
    size_t w = a, gaps = 0;
    for (size_t i = a; i < e; i++)
        if (s[i] == ' ') gaps++;
        else s[w++] = s[i];
    if (before && !after) {
        memmove(s + a + gaps, s + a, w - a);
        memset(s + a, ' ', gaps);
    } else {
        memset(s + w, ' ', gaps);
    }
    return gaps;
}

/* pa_arabic_join_gaps with the document's words `vocab` built: allocates
 * nothing, so a word list taken from a pool is given back whatever
 * happens. */
static size_t join_gaps(char *str, size_t len, const vocabulary *vocab, int (*is_word)(void *ctx, const char *w, size_t n),
                        void *ctx)
{
    const unsigned char *s = (const unsigned char *)str;
    join_evidence ev = {*vocab, is_word, ctx};
    size_t joined = 0, i = 0, a1, e1;
    word_buf cur = {{0}, 0}; /* the word being joined, [start, e1) of the text */
    size_t parts = 1;        /* the words read into it */
    size_t line_end = 0;     /* the end of the line `stretched` is of */
    int stretched = 0;
    if (!next_word(s, len, &i, &a1)) return 0;
    e1 = i;
    size_t start = a1;
    int fits = concat(&cur, "", 0, str + a1, e1 - a1);
    for (;;) {
        size_t a2, e2, a3 = 0, e3 = 0, j;
        int more = next_word(s, len, &i, &a2);
        e2 = i;
        int gap = more && fits && a2 == e1 + 1 && s[e1] == ' ';
        if (gap) {
            j = i;
            if (next_word(s, len, &j, &a3) && a3 == e2 + 1 && s[e2] == ' ') e3 = j;
            else a3 = e3 = 0;
            if (a2 >= line_end) stretched = line_stretched(s, len, a2, &line_end);
            gap = gap_in_word(&ev, &cur, str, a2, e2, a3, e3, stretched);
        }
        if (gap) {
            fits = concat(&cur, cur.b, cur.n, str + a2, e2 - a2);
            parts++;
        } else {
            if (parts > 1) joined += close_gaps(str, len, start, e1);
            parts = 1;
            if (!more) break;
            start = a2;
            fits = concat(&cur, "", 0, str + a2, e2 - a2);
        }
        e1 = e2;
    }
    return joined;
}

size_t pa_arabic_join_gaps(char *s, size_t len, int (*is_word)(void *ctx, const char *w, size_t n), void *ctx)
{
    vocabulary v;
    vocabulary_build(s, len, &v);
    size_t joined = join_gaps(s, len, &v, is_word, ctx);
    pa_free(v.h);
    return joined;
}

static int in_wordlist(void *w, const char *word, size_t n) { return pa_wordlist_has(w, word, n); }

size_t pa_lamalef_fix(char *s, size_t len, const pa_wordlist_source *words)
{
    if (!pa_lamalef_reversed(s, len)) return 0;
    vocabulary v; /* built before a list is taken: nothing allocates while it is out */
    vocabulary_build(s, len, &v);
    /* no list: the pairs inside stems stay as read, gaps are closed by the
     * document's words alone */
    pa_wordlist *w = words ? words->take(words->ctx, "ar") : pa_wordlist_open("ar", NULL);
    join_gaps(s, len, &v, w ? in_wordlist : NULL, w);
    size_t swaps = pa_lamalef_repair(s, len);
    if (w) swaps += pa_lamalef_repair_words(s, len, in_wordlist, w);
    if (words) words->give(words->ctx, "ar", w);
    else pa_wordlist_free(w);
    pa_free(v.h);
    return swaps;
}
