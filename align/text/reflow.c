/* reflow.c - see reflow.h. Pass one measures every line (width in columns,
 * indentation, trailing space, how it ends and starts) and decides where
 * paragraphs end; if words were hyphenated at line ends, one scan of the text
 * counts how often their joined and hyphenated forms occur; pass two writes
 * the paragraphs. */
#include "align/text/reflow.h"
#include "align/text/lang.h"
#include "align/text/utf8.h"
#include "align/util/alloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>

int pa_is_unspaced_char(unsigned cp)
{
    return (cp >= 0x2E80 && cp <= 0x9FFF)     /* CJK radicals, punctuation, kana, Han */
        || (cp >= 0xAC00 && cp <= 0xD7AF)     /* Hangul syllables are spaced, but never split */
        || (cp >= 0xF900 && cp <= 0xFAFF)     /* compatibility ideographs */
        || (cp >= 0xFE30 && cp <= 0xFE4F)     /* CJK compatibility forms */
        || (cp >= 0xFF00 && cp <= 0xFFEF)     /* full-width forms */
        || (cp >= 0x20000 && cp <= 0x3FFFF);  /* Han extensions */
}

typedef struct rline {
    size_t a, z;           /* the content, without surrounding white space */
    int indent, width;     /* in columns (wide characters count two) */
    uint32_t first, last;  /* first and last code points of the content */
    unsigned char blank;   /* nothing but white space */
    unsigned char trail;   /* white space after the content */
    unsigned char final;   /* ends a sentence (closing quotes skipped) */
    unsigned char listend; /* ends with ; or : (a list item, a list intro) */
    unsigned char marker;  /* starts with a paragraph number or list marker */
    unsigned char hyph;    /* ends with a hyphen after a letter */
} rline;

/* White space that may surround a line's content: ASCII, NBSP, U+3000. */
static size_t space_at(const char *s, size_t i, size_t end)
{
    if (i >= end) return 0;
    unsigned char c = (unsigned char)s[i];
    if (c == ' ' || c == '\t' || c == '\r') return 1;
    if (c == 0xC2 && i + 1 < end && (unsigned char)s[i + 1] == 0xA0) return 2;
    if (c == 0xE3 && i + 2 < end && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x80) return 3;
    return 0;
}

int pa_is_closing_mark(uint32_t c)
{
    return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x2019 || c == 0x201D || c == 0xBB ||
           c == 0x300D || c == 0x300F || c == 0x300B || c == 0x3009 || c == 0x3011 || c == 0xFF09;
}

static int is_final(uint32_t c)
{
    return c == '.' || c == '!' || c == '?' || c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0x2026 ||
           c == 0x061F || c == 0xFF0E;
}

static int is_listend(uint32_t c) { return c == ';' || c == ':' || c == 0xFF1B || c == 0xFF1A || c == 0x061B; }

static int is_digit(uint32_t c) { return c >= '0' && c <= '9'; }

static int is_cjk_numeral(uint32_t c)
{
    static const uint32_t nums[] = {0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B,
                                    0x4E5D, 0x5341, 0x767E, 0x5343, 0x96F6, 0x3007};
    for (size_t i = 0; i < sizeof nums / sizeof *nums; i++)
        if (c == nums[i]) return 1;
    return 0;
}

static int is_letter(uint32_t c)
{
    if (c < 128) return (c | 32) >= 'a' && (c | 32) <= 'z';
    return u_isalpha((UChar32)c) && !pa_is_unspaced_char(c);
}

static int is_roman(uint32_t c) { return c && strchr("ivxlcdmIVXLCDM", (int)c) != NULL && c < 128; }

/* True when the line content s[a..z) opens with a paragraph number or list
 * marker: 1. 1) 12.3. (1) (a) (iv) a. A. IV. 一、 （一） (一) 第十四条 • - 10 - ١. */
static int starts_marker(const char *s, size_t a, size_t z)
{
    size_t i = a, n;
    uint32_t c = pa_utf8_at(s, z, i, &n);
    /* bullets */
    if (c == 0x2022 || c == 0x25CF || c == 0x25AA || c == 0x25E6 || c == 0x2023 || c == 0x2043 || c == '*' ||
        c == '-' || c == 0x2013 || c == 0x2014)
        return space_at(s, i + n, z) > 0;
    /* 第...条 */
    if (c == 0x7B2C) {
        size_t k = i + n, cnt = 0;
        uint32_t d;
        while ((d = pa_utf8_at(s, z, k, &n)) && (is_cjk_numeral(d) || is_digit(d)) && cnt < 8) k += n, cnt++;
        return cnt > 0 && (d == 0x6761 || d == 0x7AE0 || d == 0x8282 || d == 0x6B3E || d == 0x90E8 || d == 0x7F16);
    }
    /* 一、 */
    if (is_cjk_numeral(c)) {
        size_t k = i;
        uint32_t d;
        while ((d = pa_utf8_at(s, z, k, &n)) && is_cjk_numeral(d)) k += n;
        return d == 0x3001;
    }
    int open = c == '(' || c == 0xFF08;
    if (open) i += n, c = pa_utf8_at(s, z, i, &n);
    size_t k = i, cnt = 0;
    int kind = 0; /* 1 digits, 2 letters, 3 CJK numerals */
    if (is_digit(c) || (c >= 0x660 && c <= 0x669)) {
        uint32_t d = c;
        while ((is_digit(d) || (d >= 0x660 && d <= 0x669) || (d == '.' && cnt > 0)) && cnt < 12) {
            k += n, cnt++;
            d = pa_utf8_at(s, z, k, &n);
            if (d == '.' && !(is_digit(pa_utf8_at(s, z, k + 1, NULL)))) break;
        }
        kind = 1;
    } else if (open && is_cjk_numeral(c)) {
        while (is_cjk_numeral(pa_utf8_at(s, z, k, &n)) && cnt < 4) k += n, cnt++;
        kind = 3;
    } else if (c < 128 && is_letter(c)) {
        while (pa_utf8_at(s, z, k, &n) < 128 && is_letter(pa_utf8_at(s, z, k, NULL)) && cnt < 6) k += n, cnt++;
        int roman = 1;
        for (size_t j = i; j < k; j++) roman &= is_roman((uint32_t)(unsigned char)s[j]);
        if (cnt > (open ? 2u : 1u) && !roman) return 0;
        kind = 2;
    } else {
        return 0;
    }
    uint32_t d = pa_utf8_at(s, z, k, &n);
    if (open) {
        if (d != ')' && d != 0xFF09) return 0;
        k += n;
    } else if (kind == 1 && (d == ' ' || d == '-')) {
        /* Arabic-style "10 - " and "10- " */
        size_t j = k;
        while (j < z && s[j] == ' ') j++;
        if (j < z && s[j] == '-') return space_at(s, j + 1, z) > 0;
        return 0;
    } else if (d == '.' || d == ')') {
        k += n;
    } else {
        return 0;
    }
    uint32_t after = pa_utf8_at(s, z, k, NULL);
    return k >= z || space_at(s, k, z) > 0 || pa_is_unspaced_char(after);
}

/* Measures line s[a..e). */
static void measure(const char *s, size_t a, size_t e, rline *l)
{
    memset(l, 0, sizeof *l);
    size_t i = a, n;
    while ((n = space_at(s, i, e)) > 0) {
        l->indent += n == 3 ? 2 : s[i] == '\t' ? 4 : 1;
        i += n;
    }
    size_t z = e;
    for (;;) {
        size_t st;
        if (z <= i) break;
        pa_utf8_before(s, z, &st);
        if (space_at(s, st, z) != z - st) break;
        z = st;
        l->trail = 1;
    }
    l->a = i, l->z = z;
    if (i == z) {
        l->blank = 1;
        return;
    }
    for (size_t k = i; k < z; k += n) {
        unsigned char c = (unsigned char)s[k];
        if (c < 0x80) {
            n = 1;
            l->width++;
            continue;
        }
        uint32_t cp = pa_utf8_at(s, z, k, &n);
        l->width += pa_is_unspaced_char(cp) ? 2 : 1;
    }
    l->first = pa_utf8_at(s, z, i, NULL);
    size_t st = z;
    uint32_t last = pa_utf8_before(s, z, &st);
    l->last = last;
    uint32_t end = last;
    size_t k = st;
    while (pa_is_closing_mark(end) && k > i) end = pa_utf8_before(s, k, &k);
    l->final = is_final(end);
    l->listend = is_listend(end);
    if (last == '-' || last == 0x2010 || last == 0xAD) {
        uint32_t prev = st > i ? pa_utf8_before(s, st, NULL) : 0;
        l->hyph = is_letter(prev);
    }
    l->marker = starts_marker(s, i, z);
}

/* ---- counting words for hyphenation ---- */

typedef struct wcount {
    char *key; /* lower-case */
    size_t n;
} wcount;

typedef struct wtable {
    wcount *slots;
    size_t mask;
} wtable;

static uint64_t hash_bytes(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
    return h;
}

static wcount *wt_find(wtable *t, const char *s, size_t n, int add)
{
    for (size_t i = (size_t)hash_bytes(s, n) & t->mask;; i = (i + 1) & t->mask) {
        wcount *w = &t->slots[i];
        if (!w->key) {
            if (!add) return NULL;
            w->key = pa_strndup(s, n);
            return w;
        }
        if (strlen(w->key) == n && memcmp(w->key, s, n) == 0) return w;
    }
}

/* Appends s[a..b) lower-cased (ASCII) to `b`. */
static void put_lower(pa_buf *b, const char *s, size_t from, size_t to)
{
    size_t at = b->len;
    pa_buf_append(b, s + from, to - from);
    for (size_t i = at; i < b->len; i++)
        if (b->data[i] >= 'A' && b->data[i] <= 'Z') b->data[i] = (char)(b->data[i] + 32);
}

/* The lower-cased joined ("disarmament") and hyphenated ("disarma-ment")
 * forms of the word broken between line l (ending in a hyphen) and line m. */
static void hyphen_keys(const char *s, const rline *l, const rline *m, pa_buf *joined, pa_buf *hyphened)
{
    size_t hs;
    pa_utf8_before(s, l->z, &hs); /* the hyphen */
    size_t k = hs;
    while (k > l->a) {
        size_t st;
        uint32_t c = pa_utf8_before(s, k, &st);
        if (!is_letter(c)) break;
        k = st;
    }
    size_t j = m->a, n;
    while (j < m->z && is_letter(pa_utf8_at(s, m->z, j, &n))) j += n;
    pa_buf_reset(joined);
    pa_buf_reset(hyphened);
    put_lower(joined, s, k, hs);
    put_lower(joined, s, m->a, j);
    put_lower(hyphened, s, k, hs);
    pa_buf_putc(hyphened, '-');
    put_lower(hyphened, s, m->a, j);
}

/* Counts, over the whole text, the words listed in `t` (joined forms and
 * "a-b" hyphenated forms). */
static void count_words(const char *s, size_t len, wtable *t)
{
    pa_buf w = PA_BUF_INIT;
    size_t i = 0, n, prev_a = 0, prev_z = 0;
    int have_prev = 0;
    while (i < len) {
        uint32_t c = pa_utf8_at(s, len, i, &n);
        if (!is_letter(c)) {
            i += n;
            continue;
        }
        size_t a = i;
        while (i < len && is_letter(pa_utf8_at(s, len, i, &n))) i += n;
        pa_buf_reset(&w);
        put_lower(&w, s, a, i);
        wcount *e = wt_find(t, w.data, w.len, 0);
        if (e) e->n++;
        if (have_prev && prev_z + 1 == a && s[prev_z] == '-') {
            pa_buf_reset(&w);
            put_lower(&w, s, prev_a, i);
            e = wt_find(t, w.data, w.len, 0);
            if (e) e->n++;
        }
        prev_a = a, prev_z = i, have_prev = 1;
    }
    pa_buf_free(&w);
}

/* ---- writing ---- */

static int latin_alnum(uint32_t c) { return c && !pa_is_unspaced_char(c) && (is_digit(c) || is_letter(c)); }

/* What replaces the line break between a line ending in `a` and one
 * starting with `b`: nothing or one space. */
static int needs_space(uint32_t a, uint32_t b, int unspaced_lang)
{
    if (unspaced_lang) return latin_alnum(a) && latin_alnum(b) && !(is_digit(a) && is_digit(b));
    int ua = pa_is_unspaced_char(a), ub = pa_is_unspaced_char(b);
    return !((ua && (ub || is_digit(b))) || (is_digit(a) && ub));
}

/* The p-th percentile of line widths (indentation included). */
static int width_percentile(const rline *ls, size_t n, int pct)
{
    enum { CAP = 512 };
    size_t hist[CAP + 1] = {0}, total = 0;
    for (size_t i = 0; i < n; i++) {
        if (ls[i].blank) continue;
        int w = ls[i].width + ls[i].indent;
        hist[w > CAP ? CAP : w]++;
        total++;
    }
    size_t need = (total * (size_t)pct + 99) / 100, acc = 0;
    for (int w = 0; w <= CAP; w++)
        if ((acc += hist[w]) >= need && need > 0) return w;
    return 0;
}

/* Decides the layout: wrapped text or a paragraph a line. */
static pa_reflow_kind detect(const rline *ls, size_t n, int W)
{
    size_t nonblank = 0, full = 0, cont = 0, last = n;
    for (size_t i = 0; i < n; i++)
        if (!ls[i].blank) nonblank++, last = i;
    if (nonblank < 3 || W > 160 || W < 20) return PA_REFLOW_LINES;
    for (size_t i = 0; i < n; i++) {
        if (ls[i].blank || i == last) continue;
        if ((ls[i].width + ls[i].indent) * 4 >= W * 3) {
            full++;
            cont += !ls[i].final && !ls[i].listend;
        }
    }
    return full * 10 >= nonblank * 3 && cont * 2 >= full ? PA_REFLOW_WRAPPED : PA_REFLOW_LINES;
}

/* Marks brk[i] = 1 where a paragraph ends after line i (wrapped text). */
static void find_paragraph_ends(const rline *ls, size_t n, int W, unsigned char *brk)
{
    size_t nonblank = 0, single_gap = 0, trail = 0, trail_good = 0, last = n;
    int indents[9] = {0};
    for (size_t i = 0; i < n; i++) {
        if (ls[i].blank) continue;
        nonblank++;
        last = i;
        indents[ls[i].indent < 8 ? ls[i].indent : 8]++;
    }
    for (size_t i = 0; i < n; i++) {
        if (ls[i].blank || i == last) continue;
        if (i + 2 < n && ls[i + 1].blank && !ls[i + 2].blank) single_gap++;
        if (ls[i].trail) {
            trail++;
            trail_good += ls[i].final || ls[i].listend || (ls[i].width + ls[i].indent) * 5 < W * 4;
        }
    }
    int base = 0;
    for (int k = 1; k < 9; k++)
        if (indents[k] > indents[base]) base = k;
    /* Blank lines after nearly every line are spacing, not paragraph ends. */
    int double_spaced = nonblank > 2 && W <= 160 && single_gap * 10 >= (nonblank - 1) * 6;
    /* Trailing space marks paragraph ends when it sits on lines that look
     * like paragraph ends and not on most lines. */
    int trail_cue = trail > 0 && trail_good * 10 >= trail * 6 && trail * 10 <= nonblank * 7;
    size_t i = 0;
    while (i < n && ls[i].blank) i++;
    while (i < n) {
        size_t j = i + 1;
        while (j < n && ls[j].blank) j++;
        if (j >= n) break;
        const rline *a = &ls[i], *b = &ls[j];
        size_t blanks = j - i - 1;
        int ends = a->final || a->listend;
        if (blanks >= 2 || (blanks == 1 && !double_spaced)) brk[i] = 1;
        else if (trail_cue && a->trail) brk[i] = 1;
        else if (b->marker && ends) brk[i] = 1;
        else if (a->final && b->indent > base && b->indent > a->indent) brk[i] = 1;
        else if (!trail_cue && !a->hyph && (a->width + a->indent) * 10 < W * 6) brk[i] = 1;
        i = j;
    }
}

/* Measures every line of `text` into a new array (*n lines); returns it. */
static rline *measure_all(const char *text, size_t len, size_t *n_out)
{
    rline *ls = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i <= len;) {
        const char *nl = i < len ? memchr(text + i, '\n', len - i) : NULL;
        size_t e = nl ? (size_t)(nl - text) : len;
        if (e == len && i == len && n > 0) break;
        PA_GROW(ls, cap, n + 1);
        measure(text, i, e, &ls[n++]);
        i = e + 1;
    }
    *n_out = n;
    return ls;
}

int pa_reflow_is_wrapped(const char *text, size_t len)
{
    size_t n;
    rline *ls = measure_all(text, len, &n);
    int wrapped = detect(ls, n, width_percentile(ls, n, 90)) == PA_REFLOW_WRAPPED;
    free(ls);
    return wrapped;
}

pa_reflow_kind pa_reflow(const char *text, size_t len, const char *lang, pa_reflow_kind kind, pa_buf *out)
{
    size_t n;
    rline *ls = measure_all(text, len, &n);
    int W = width_percentile(ls, n, 90);
    if (kind == PA_REFLOW_DETECT) kind = detect(ls, n, W);
    unsigned char *brk = pa_calloc(n ? n : 1, 1);
    if (kind == PA_REFLOW_LINES) memset(brk, 1, n);
    else find_paragraph_ends(ls, n, W, brk);

    /* Hyphenated line ends: count the joined and hyphenated forms. */
    wtable t = {NULL, 0};
    size_t nhyph = 0;
    for (size_t i = 0; i + 1 < n; i++) nhyph += ls[i].hyph && !brk[i];
    if (nhyph > 0) {
        size_t size = 16;
        while (size < nhyph * 4) size *= 2;
        t.slots = pa_calloc(size, sizeof *t.slots);
        t.mask = size - 1;
    }
    int unspaced = pa_lang_is_unspaced(lang ? lang : "");
    pa_buf_reserve(out, len + 1);
    pa_buf joined = PA_BUF_INIT, hyphened = PA_BUF_INIT;
    /* Pass 0 (only with hyphenated line ends) collects the word forms to
     * count; pass 1 writes. */
    for (int pass = nhyph ? 0 : 1; pass < 2; pass++) {
        if (pass == 1 && nhyph) count_words(text, len, &t);
        int open = 0, any = 0;
        const rline *prev = NULL;
        for (size_t i = 0; i < n; i++) {
            const rline *l = &ls[i];
            if (l->blank) continue;
            if (open && prev->hyph && is_letter(l->first) && !u_islower((UChar32)l->first)) {
                /* "Secretary-" + "General": the hyphen stays, no space */
            } else if (open && prev->hyph && is_letter(l->first)) {
                hyphen_keys(text, prev, l, &joined, &hyphened);
                if (pass == 0) {
                    wt_find(&t, joined.data, joined.len, 1);
                    wt_find(&t, hyphened.data, hyphened.len, 1);
                } else {
                    const wcount *j = wt_find(&t, joined.data, joined.len, 0);
                    const wcount *h = wt_find(&t, hyphened.data, hyphened.len, 0);
                    size_t hs;
                    pa_utf8_before(text, prev->z, &hs);
                    if (prev->last == 0xAD || (j->n > 0 && j->n > h->n)) out->len -= prev->z - hs;
                }
            } else if (pass == 1 && open) {
                if (needs_space(prev->last, l->first, unspaced)) pa_buf_putc(out, ' ');
            } else if (pass == 1 && any) {
                pa_buf_puts(out, "\n\n");
            }
            if (pass == 1) pa_buf_append(out, text + l->a, l->z - l->a);
            open = !brk[i];
            any = 1;
            prev = l;
        }
    }
    pa_buf_putc(out, '\n');
    pa_buf_free(&joined);
    pa_buf_free(&hyphened);
    for (size_t i = 0; t.slots && i <= t.mask; i++) free(t.slots[i].key);
    free(t.slots);
    free(brk);
    free(ls);
    return kind;
}
