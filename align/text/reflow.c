/* reflow.c - see reflow.h. Pass one measures every line (width in columns,
 * indentation, trailing space, how it ends and starts) and decides where
 * paragraphs end; if words were hyphenated at line ends, one scan of the text
 * counts how often their joined and hyphenated forms occur; pass two writes
 * the paragraphs. */
#include "align/text/reflow.h"
#include "align/text/lang.h"
#include "align/text/pages.h"
#include "align/text/utf8.h"
#include "align/util/alloc.h"

#include <stdint.h>
#include <stdio.h>
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
    size_t cut;            /* a hyphenated line: where the word part ends (the hyphen, and any
                              space before it, run from here to z) */
    int indent, width;     /* in columns (wide characters count two) */
    int fw;                /* width of the first word, columns */
    int nw, nfw;           /* natural width of the content and of its first word, in 1/1000 em of a
                              proportional serif font (glyph_width); runs of spaces count as one */
    unsigned page;         /* 0-based page (form feeds) */
    uint32_t first, last;  /* first and last code points of the content */
    unsigned char blank;   /* nothing but white space */
    unsigned char trail;   /* white space after the content */
    unsigned char final;   /* ends a sentence (closing quotes and footnote marks skipped) */
    unsigned char listend; /* ends with ; or : (a list item, a list intro) */
    unsigned char comma;   /* ends with a comma */
    unsigned char marker;  /* starts with a paragraph number or list marker */
    unsigned char runin;   /* holds a run-in list item: "; (d) participating" (runs_in_list) */
    unsigned char hyph;    /* ends with a hyphen after a letter */
    unsigned char note;    /* starts a footnote (pages.h) */
    unsigned char abbrev;  /* ends with an abbreviation's full stop ("Mr.", "a.m.", "S.") */
    unsigned char rtl;     /* its first strong character is right-to-left (Arabic, Hebrew) */
    unsigned short gaps;   /* word gaps (runs of spaces) inside the content */
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

/* Whether the content s[a..z) runs a list on inside itself: a bracketed
 * item marker after a semicolon or colon ("...; (d) participating",
 * "...: (a) sharing", "...; and (e) holding"). A marker opening the next
 * line then goes on with that list; it is no paragraph of its own. */
static int runs_in_list(const char *s, size_t a, size_t z)
{
    for (size_t i = a; i < z; i++) {
        if (s[i] != ';' && s[i] != ':') continue;
        size_t k = i + 1;
        if (k >= z || s[k] != ' ') continue;
        while (k < z && s[k] == ' ') k++;
        if (z - k > 4 && memcmp(s + k, "and ", 4) == 0) k += 4;
        else if (z - k > 3 && memcmp(s + k, "or ", 3) == 0) k += 3;
        if (k < z && s[k] == '(' && starts_marker(s, k, z)) return 1;
    }
    return 0;
}

/* Where the end of a line's sentence is read from: before closing quotes
 * and brackets and before a footnote mark glued to a word or punctuation
 * ("Development,8", "Goals.12"), which is not where the text ends. */
static uint32_t sentence_end(const char *s, size_t a, size_t z)
{
    size_t k = z;
    uint32_t end = z > a ? pa_utf8_before(s, z, &k) : 0;
    if (is_digit(end)) {
        size_t d = k, nd = 1;
        while (d > a && nd <= 3 && is_digit((uint32_t)(unsigned char)s[d - 1])) d--, nd++;
        if (nd <= 3 && d > a) {
            size_t b;
            uint32_t c = pa_utf8_before(s, d, &b);
            if ((c < 128 && strchr(".,;:)\"'", (int)c) && c) || (is_letter(c) && u_islower((UChar32)c)) ||
                c == 0x2019 || c == 0x201D)
                end = c, k = b;
        }
    }
    while (pa_is_closing_mark(end) && k > a) end = pa_utf8_before(s, k, &k);
    return end;
}

/* The advance of `c` in 1/1000 em in a proportional serif font (the
 * Times New Roman metrics: UN documents are set in it or in a
 * metric-compatible font): pdftotext's text counts characters, but a line
 * of "m" and "W" is much wider on the page than one of "i" and "l".
 * Letters outside ASCII take the width of their case, other scripts an
 * average width, wide (CJK) characters one em. */
static const short ascii_width[95] = {
        250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, /*  !"#$%&'()*+,-./ */
        500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, /* 0-9 :;<=>? */
        921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, /* @A-O */
        556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, /* P-Z[\]^_ */
        333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, /* `a-o */
        500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541};     /* p-z{|}~ */

static int glyph_width(uint32_t c)
{
    if (c >= 32 && c < 127) return ascii_width[c - 32];
    if (pa_is_unspaced_char(c)) return 1000;
    if (c == 0x2018 || c == 0x2019) return 333;
    if (c == 0x201C || c == 0x201D) return 444;
    if (c == 0x2013) return 500;
    if (c == 0x2014) return 1000;
    if (u_isalpha((UChar32)c)) return u_isupper((UChar32)c) ? 667 : 470;
    return 500;
}

/* Natural widths stop growing here (a line of some 30,000 characters),
 * far beyond any column, so that sums of them never overflow. */
enum { NATURAL_CAP = 1 << 24 };

/* Whether the content s[a..z), which ends in a full stop, ends with an
 * abbreviation's: its last word holds another full stop ("a.m.", "U.S.")
 * or is one or two letters, the first a capital ("Mr.", "S.", "No."). */
static int ends_abbreviation(const char *s, size_t a, size_t z)
{
    size_t k = z;
    while (k > a && strchr("\"')]", s[k - 1])) k--;
    if (k == a || s[k - 1] != '.') return 0;
    size_t t = k - 1;
    while (t > a && s[t - 1] != ' ' && s[t - 1] != '(' && s[t - 1] != '"') t--;
    if (memchr(s + t, '.', k - 1 - t)) return 1;
    return k - 1 - t <= 2 && s[t] >= 'A' && s[t] <= 'Z';
}

/* What measure's loop carries from character to character. */
typedef struct measure_state {
    int open;         /* brackets opened and not closed */
    uint32_t before;  /* the previous code point, tabs as spaces */
    unsigned gaps;    /* word gaps so far: spaces after a non-space */
    int listy;        /* a ';' or ':' seen (runs_in_list needs one) */
} measure_state;

/* The part of measure's loop that is left once the first word and the
 * first strong character are behind (most of a line), in a loop of its
 * own: it only adds up widths and counts brackets and gaps. Measures
 * s[k..z) into l and m. */
static void measure_rest(const char *s, size_t k, size_t z, rline *l, measure_state *m)
{
    int width = l->width, nw = l->nw, open = m->open, listy = m->listy;
    unsigned gaps = m->gaps;
    uint32_t before = m->before;
    while (k < z) {
        unsigned char c = (unsigned char)s[k];
        uint32_t cp = c;
        int g;
        if (c < 0x80) {
            gaps += c == ' ' && s[k - 1] != ' '; /* k > a: a line's content starts with no space */
            k++, width++;
            if (c == '(') open++;
            else if (c == ')' && open > 0) open--;
            else if (c == ';' || c == ':') listy = 1;
            if (c == '\t') cp = ' ';
            if (cp == ' ' && before == ' ') continue; /* runs of spaces count once */
            g = cp >= 32 && cp < 127 ? ascii_width[cp - 32] : glyph_width(cp);
        } else {
            size_t n;
            cp = pa_utf8_at(s, z, k, &n);
            k += n;
            int wide = pa_is_unspaced_char(cp);
            width += wide ? 2 : 1;
            if (cp == 0xFF08) open++;
            else if (cp == 0xFF09 && open > 0) open--;
            g = wide ? 1000 : glyph_width(cp);
        }
        if (nw < NATURAL_CAP) nw += g;
        before = cp;
    }
    l->width = width, l->nw = nw;
    m->open = open, m->listy = listy, m->gaps = gaps, m->before = before;
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
    int in_first = 1;
    int strong = 0; /* a strong character seen (rtl then says which) */
    measure_state m = {0, 0, 0, 0};
    for (size_t k = i; k < z; k += n) {
        unsigned char c = (unsigned char)s[k];
        if (!in_first && strong) { /* most of a line */
            measure_rest(s, k, z, l, &m);
            break;
        }
        uint32_t cp = c;
        int w;
        if (c < 0x80) {
            n = 1;
            w = 1;
            if (c == ' ' || c == '\t') in_first = 0;
            m.gaps += c == ' ' && k > i && s[k - 1] != ' ';
            m.listy |= c == ';' || c == ':';
        } else {
            cp = pa_utf8_at(s, z, k, &n);
            w = pa_is_unspaced_char(cp) ? 2 : 1;
            if (w == 2 && l->fw > 0) in_first = 0;
        }
        if (cp == '(' || cp == 0xFF08) m.open++;
        else if ((cp == ')' || cp == 0xFF09) && m.open > 0) m.open--;
        if (!strong && cp > '9') {
            UCharDirection d = u_charDirection((UChar32)cp);
            l->rtl = d == U_RIGHT_TO_LEFT || d == U_RIGHT_TO_LEFT_ARABIC;
            strong = l->rtl || d == U_LEFT_TO_RIGHT;
        }
        l->width += w;
        if (in_first) l->fw += w;
        if (cp == '\t') cp = ' ';
        if (!(cp == ' ' && m.before == ' ') && l->nw < NATURAL_CAP) {
            int g = glyph_width(cp);
            l->nw += g;
            if (in_first) l->nfw += g;
        }
        m.before = cp;
    }
    l->first = pa_utf8_at(s, z, i, NULL);
    size_t st = z;
    uint32_t last = pa_utf8_before(s, z, &st);
    l->last = last;
    uint32_t end = sentence_end(s, i, z);
    /* inside a bracket left open the text goes on, whatever the line ends
     * in: "... Nations Unies; (art." + "2.1)" */
    l->final = is_final(end) && !m.open;
    l->listend = is_listend(end) && !m.open;
    l->comma = end == ',' || end == 0xFF0C || end == 0x3001 || end == 0x060C;
    l->cut = st;
    if (last == '-' || last == 0x2010 || last == 0xAD) {
        size_t k = st;
        while (k > i && s[k - 1] == ' ') k--;
        uint32_t prev = k > i ? pa_utf8_before(s, k, NULL) : 0;
        /* "en -": justified -layout text may put spaces before the hyphen */
        l->hyph = is_letter(prev) && (k == st || (last == '-' && u_islower((UChar32)prev)));
        if (l->hyph) l->cut = k;
    }
    l->marker = starts_marker(s, i, z);
    l->runin = m.listy && runs_in_list(s, i, z); /* it looks for a ';' or ':' first */
    l->abbrev = l->final && ends_abbreviation(s, i, z);
    l->gaps = m.gaps > 65535 ? 65535 : (unsigned short)m.gaps;
}

/* ---- counting words for hyphenation ---- */

typedef struct wcount {
    char *key; /* lower-case (hyphenation), as written (openers) */
    size_t n;
    size_t starts, opens; /* openers: at line starts, after a paragraph end */
    size_t inside;        /* openers: at line starts inside a sentence */
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

/* The lower-cased joined ("disarmament"), hyphenated ("disarma-ment")
 * and second-part ("ment") forms of the word broken between line l (ending
 * in a hyphen) and line m. */
static void hyphen_keys(const char *s, const rline *l, const rline *m, pa_buf *joined, pa_buf *hyphened,
                        pa_buf *second)
{
    size_t k = l->cut;
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
    pa_buf_reset(second);
    put_lower(joined, s, k, l->cut);
    put_lower(joined, s, m->a, j);
    put_lower(hyphened, s, k, l->cut);
    pa_buf_putc(hyphened, '-');
    put_lower(hyphened, s, m->a, j);
    put_lower(second, s, m->a, j);
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
        /* the second part of a word hyphenated at a line end is no word */
        size_t b = a;
        while (b > 0 && (s[b - 1] == ' ' || s[b - 1] == '\t')) b--;
        if (b >= 1 && (s[b - 1] == '\n' || s[b - 1] == '\f')) {
            b--;
            while (b > 0 && (s[b - 1] == ' ' || s[b - 1] == '\t')) b--;
            if (b >= 1 && s[b - 1] == '-') continue;
        }
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

/* ---- paragraph ends ---- */

static int latin_alnum(uint32_t c) { return c && !pa_is_unspaced_char(c) && (is_digit(c) || is_letter(c)); }

/* What replaces the line break between a line ending in `a` and one
 * starting with `b`: nothing or one space. */
static int needs_space(uint32_t a, uint32_t b, int unspaced_lang)
{
    if (unspaced_lang) return latin_alnum(a) && latin_alnum(b) && !(is_digit(a) && is_digit(b));
    int ua = pa_is_unspaced_char(a), ub = pa_is_unspaced_char(b);
    return !((ua && (ub || is_digit(b))) || (is_digit(a) && ub));
}

enum { WCAP = 512 };

/* The `pct`-th percentile of the widths counted in `hist` (`total` of
 * them), 0 for none. */
static int percentile(const size_t *hist, size_t total, int pct)
{
    size_t need = (total * (size_t)pct + 99) / 100, acc = 0;
    for (int w = 0; w <= WCAP; w++)
        if ((acc += hist[w]) >= need && need > 0) return w;
    return 0;
}

static int right_edge(const rline *l)
{
    int w = l->width + l->indent;
    return w > WCAP ? WCAP : w;
}

/* The column's width: the 90th percentile of the line widths up to a
 * quarter beyond the densest 9-column band of widths of 20 and more (full
 * lines bunch there). pdftotext's default mode puts the rest of a line
 * whose last word was hyphenated onto that line, making lines of nearly
 * twice the width, which must not count. */
static int column_width(const rline *ls, size_t n)
{
    size_t hist[WCAP + 1] = {0}, total = 0;
    for (size_t i = 0; i < n; i++)
        if (!ls[i].blank) hist[right_edge(&ls[i])]++, total++;
    size_t best = 0, run = 0;
    int centre = 0;
    for (int w = 20; w <= WCAP; w++) {
        run += hist[w];
        if (w >= 29) run -= hist[w - 9];
        if (run > best) best = run, centre = w - 4;
    }
    if (best == 0) return percentile(hist, total, 90);
    int cap = centre + centre / 4 + 4;
    size_t kept = 0;
    for (int w = 0; w <= WCAP; w++)
        if (w <= cap) kept += hist[w];
    for (int w = cap + 1; w <= WCAP; w++) hist[w] = 0;
    return percentile(hist, kept, 90);
}

/* The width of the narrowest full lines: the 10th percentile of the lines
 * that break inside a sentence (they end on a letter and the text goes on
 * on their page), among those at least 60% of W wide. A line whose end
 * would have held the next line's first word falls short of it. Returns W
 * when fewer than 8 lines tell. */
static int full_width(const rline *ls, size_t n, int W)
{
    size_t hist[WCAP + 1] = {0}, total = 0;
    const rline *prev = NULL;
    for (size_t i = 0; i < n; i++) {
        const rline *l = &ls[i];
        if (l->blank) continue;
        if (prev && prev->page == l->page && (is_letter(prev->last) || pa_is_unspaced_char(prev->last)) &&
            !prev->final && !prev->listend && !prev->comma && !prev->hyph && right_edge(prev) * 10 >= W * 6)
            hist[right_edge(prev)]++, total++;
        prev = l;
    }
    return total >= 8 ? percentile(hist, total, 10) : W;
}

static int cmp_int(const void *x, const void *y)
{
    int a = *(const int *)x, b = *(const int *)y;
    return (a > b) - (a < b);
}

/* The spread of the m values of `v` (sorted in place): the distance of
 * their 10th and 90th percentiles over their median, in thousandths. */
static long spread(int *v, size_t m)
{
    qsort(v, m, sizeof *v, cmp_int);
    int med = v[m / 2];
    return med > 0 ? (long)(v[m * 9 / 10] - v[m / 10]) * 1000 / med : 0;
}

/* Whether the full lines' natural widths (`nat`) bunch more tightly than
 * their widths in characters (`cols`): text set in a proportional font
 * (a PDF's), not wrapped at a number of characters (an editor's, a
 * monospaced font's). Sorts both. */
static int tighter(int *nat, int *cols, size_t m)
{
    return spread(nat, m) < spread(cols, m);
}

/* The natural width (glyph_width) that a line, a space and the next
 * line's first word reach when that word did not fit on the line: the 5th
 * percentile of it over the lines that break inside a sentence (as in
 * full_width), leaving out lines more than 30% wider than their median
 * (pdftotext's joined lines). *median gets the median natural width of
 * those lines. Returns 0 when fewer than 20 lines tell or when their
 * natural widths spread more than their widths in characters (character
 * counts are used then). */
static int natural_fit(const rline *ls, size_t n, int W, int *median)
{
    size_t cap = n ? n : 1;
    int *width = pa_malloc(cap * sizeof *width), *reach = pa_malloc(cap * sizeof *reach);
    int *cols = pa_malloc(cap * sizeof *cols);
    size_t k = 0;
    const rline *prev = NULL;
    for (size_t i = 0; i < n; i++) {
        const rline *l = &ls[i];
        if (l->blank) continue;
        if (prev && prev->page == l->page && is_letter(prev->last) && !prev->final && !prev->listend &&
            !prev->comma && !prev->hyph && right_edge(prev) * 10 >= W * 6)
            width[k] = prev->nw, cols[k] = right_edge(prev), reach[k++] = prev->nw + glyph_width(' ') + l->nfw;
        prev = l;
    }
    int fit = 0;
    *median = 0;
    if (k >= 20) {
        int *sorted = pa_malloc(k * sizeof *sorted);
        memcpy(sorted, width, k * sizeof *sorted);
        qsort(sorted, k, sizeof *sorted, cmp_int);
        int med = sorted[k / 2];
        size_t m = 0;
        for (size_t j = 0; j < k; j++)
            if (width[j] * 10 <= med * 13) width[m] = width[j], cols[m] = cols[j], reach[m++] = reach[j];
        if (m >= 20 && tighter(width, cols, m)) {
            qsort(reach, m, sizeof *reach, cmp_int);
            fit = reach[m / 20], *median = med;
        }
        pa_free(sorted);
    }
    pa_free(width), pa_free(reach), pa_free(cols);
    return fit;
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

/* Whether a line starting with `c` may open a paragraph: anything but a
 * lower-case letter (scripts without case always may). */
static int may_open(uint32_t c) { return !(is_letter(c) && u_islower((UChar32)c)); }

/* The natural width that line a, a space and line b's first word reach
 * (natural_fit's measure). A line of pdftotext's default text wider than
 * any line of the column is several joined (a hyphenated word's line put
 * onto the one before): its end is that of the last, about as wide as what
 * exceeds whole lines of the median width `med`. */
static int natural_need(const rline *a, const rline *b, int fit, int med)
{
    long long tail = a->nw, most = (long long)fit * 53 / 50;
    if (tail > most && med > 0) tail -= (tail - most + med - 1) / med * med;
    return (int)tail + (pa_is_unspaced_char(b->first) ? 0 : glyph_width(' ')) + b->nfw;
}

/* Marks brk[i] = 1 where a paragraph ends after line i (wrapped text).
 * W is the column's width, L the narrowest full line's; `exact` says the
 * widths are measured on the page (PDF), not counted in characters. */
static void find_paragraph_ends(const rline *ls, size_t n, int W, int L, int exact, unsigned char *brk)
{
    int nmed = 0, nfit = exact ? 0 : natural_fit(ls, n, W, &nmed);
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
    int double_spaced = !exact && nonblank > 2 && W <= 160 && single_gap * 10 >= (nonblank - 1) * 6;
    /* Trailing space marks paragraph ends when it sits on lines that look
     * like paragraph ends and not on most lines. */
    int trail_cue = !exact && trail > 0 && trail_good * 10 >= trail * 6 && trail * 10 <= nonblank * 7;
    size_t i = 0;
    while (i < n && ls[i].blank) i++;
    while (i < n) {
        size_t j = i + 1;
        while (j < n && ls[j].blank) j++;
        if (j >= n) break;
        const rline *a = &ls[i], *b = &ls[j];
        size_t blanks = a->page == b->page ? j - i - 1 : 0; /* a page break is no paragraph end */
        int ends = a->final || a->listend;
        int wa = a->width + a->indent, wb = b->width + b->indent;
        /* A line much wider than the column is several joined by pdftotext
         * (a hyphenated word's line put onto the line before): its end is
         * that of the last, about as wide as what exceeds whole full lines. */
        int tail = wa;
        if (!exact && L >= 10)
            while (tail > W + 2) tail -= L;
        int opens = may_open(b->first) || b->marker;
        /* after a comma or semicolon, a line starting with a number goes on
         * ("24 hours a day," + "7 days a week") unless it is numbered */
        if (!a->final && (a->comma || a->listend) && is_digit(b->first) && !b->marker) opens = 0;
        int space = pa_is_unspaced_char(b->first) ? 0 : 1;
        /* whether b's first word would have fit at the end of a */
        int fits, roomy = 0, spare = 1;
        if (nfit) {
            int need = natural_need(a, b, nfit, nmed);
            fits = need < nfit;
            /* room for the word and a tenth of the column more: a line ending
             * anyhow (a heading without a full stop) ends its paragraph */
            roomy = need * 10 < nfit * 9;
            /* room for the word and a letter more (half an em): nfit is a
             * percentile, one line in twenty that goes on inside a
             * paragraph reaches less; after a comma the clause goes on
             * more often than a paragraph ends, so a comma asks that much */
            spare = need + 500 < nfit;
        } else {
            fits = tail + space + b->fw < (exact ? L - 1 : L);
        }
        if (b->note) brk[i] = 1;
        else if (blanks >= 2 || (blanks == 1 && !double_spaced)) brk[i] = 1;
        else if (trail_cue && a->trail) brk[i] = 1;
        /* a numbered paragraph or list item, unless the list runs on
         * inside the line before and goes on here */
        else if (b->marker && ends && !(a->runin && b->first == '(')) brk[i] = 1;
        else if (a->final && b->indent > base && b->indent > a->indent) brk[i] = 1;
        else if (trail_cue) ;
        else if (!a->hyph && wa * 10 < W * 6) brk[i] = 1;
        /* a heading after a sentence end stands alone */
        else if (ends && opens && wb * 10 < W * 6 && !b->final && !b->listend && !b->comma && !b->hyph) brk[i] = 1;
        /* the next line's first word would have fit on this line */
        else if (!a->hyph && opens && (exact || ends || (a->comma && spare) || roomy) && fits)
            brk[i] = 1;
        /* A full line ending a sentence before a capital stays joined: the
         * next word did not fit, as when the paragraph goes on, and the
         * text keeps nothing of the page's spacing that would tell a
         * paragraph end. A missed paragraph end still ends its sentence; a
         * false one would split a paragraph its translation keeps whole. */
        i = j;
    }
}

/* ---- paragraph openers ---- */

/* The first word of line l when it is capitalised and 3 letters or more:
 * s[l->a..*end), else 0. */
static int capital_word(const char *s, const rline *l, size_t *end)
{
    if (l->blank || !is_letter(l->first) || !u_isupper((UChar32)l->first)) return 0;
    size_t j = l->a, n, k = 0;
    while (j < l->z && is_letter(pa_utf8_at(s, l->z, j, &n))) j += n, k++;
    *end = j;
    return k >= 3 && (j == l->z || !is_letter(pa_utf8_at(s, l->z, j, NULL)));
}

/* Whether the layout sets paragraphs apart by space (placed lines, whose
 * vertical gaps are blank lines here): most short lines ending a sentence
 * (W is the column's width), last lines of paragraphs, are followed by a
 * gap when the next line is on their page. Then the lack of a gap
 * between two lines of a page is a cue of its own. Needs 8 such lines. */
static int gap_spaced(const rline *ls, size_t n, int W)
{
    size_t ends = 0, gapped = 0;
    for (size_t i = 0; i < n; i++) {
        const rline *a = &ls[i];
        if (a->blank || !a->final || (a->width + a->indent) * 10 >= W * 6) continue;
        size_t j = i + 1;
        while (j < n && ls[j].blank) j++;
        if (j >= n || ls[j].page != a->page) continue;
        ends++;
        gapped += j > i + 1;
    }
    return ends >= 8 && gapped * 2 > ends;
}

/* A document's own paragraph openers: capitalised words that occur only
 * at line starts, at least twice, once at least after a paragraph end
 * found otherwise ("Whereas", "Recalling", "Noting" of UN resolutions,
 * whose preambular paragraphs end in commas), and never after a line that
 * goes on inside a sentence (a name that happens to open lines: "Uganda
 * and" + "Zimbabwe"). A line ending in punctuation followed by one ends a
 * paragraph too, unless the layout shows paragraph spacing (`spaced`,
 * gap_spaced) and none between the two lines on one page. */
static void opener_breaks(const char *s, size_t len, const rline *ls, size_t n, int spaced, unsigned char *brk)
{
    size_t lines = 0;
    for (size_t i = 0; i < n; i++) lines += !ls[i].blank;
    size_t size = 16;
    while (size < lines * 2) size *= 2;
    wtable t = {pa_calloc(size, sizeof(wcount)), size - 1};
    const rline *prev = NULL;
    size_t prev_i = 0, end;
    for (size_t i = 0; i < n; i++) {
        if (ls[i].blank) continue;
        if (prev && !prev->hyph && capital_word(s, &ls[i], &end)) {
            wcount *w = wt_find(&t, s + ls[i].a, end - ls[i].a, 1);
            w->starts++;
            w->opens += brk[prev_i];
            /* the line before ends in a small letter, no punctuation: the
             * sentence goes on across the break */
            w->inside += !brk[prev_i] && is_letter(prev->last) && u_islower((UChar32)prev->last);
        }
        prev = &ls[i], prev_i = i;
    }
    /* every occurrence of those words, anywhere */
    for (size_t i = 0, k; i < len;) {
        if (!is_letter(pa_utf8_at(s, len, i, &k))) {
            i += k;
            continue;
        }
        size_t a = i;
        while (i < len && is_letter(pa_utf8_at(s, len, i, &k))) i += k;
        wcount *w = wt_find(&t, s + a, i - a, 0);
        if (w) w->n++;
    }
    prev = NULL;
    for (size_t i = 0; i < n; i++) {
        if (ls[i].blank) continue;
        if (prev && !brk[prev_i] && !prev->hyph && (prev->comma || prev->listend || prev->final) &&
            !(spaced && prev->page == ls[i].page) && capital_word(s, &ls[i], &end)) {
            const wcount *w = wt_find(&t, s + ls[i].a, end - ls[i].a, 0);
            if (w->opens > 0 && w->starts >= 2 && w->n == w->starts && w->inside == 0) brk[prev_i] = 1;
        }
        prev = &ls[i], prev_i = i;
    }
    for (size_t i = 0; i <= t.mask; i++) pa_free(t.slots[i].key);
    pa_free(t.slots);
}

/* ---- lines ---- */

/* Measures every line of `text` into a new array (*n lines); form feeds
 * end pages. Sets *paged when there was one. Text with pages is a PDF's,
 * whose lines pdftotext -layout sets at their place on the page: the white
 * space before a right-to-left line is the room left at its end (on the
 * left of the page), not an indentation, so it does not count as one. */
static rline *measure_all(const char *text, size_t len, size_t *n_out, int *paged)
{
    rline *ls = NULL;
    size_t n = 0, cap = 0;
    unsigned page = 0;
    *paged = 0;
    for (size_t i = 0; i <= len;) {
        const char *nl = memchr(text + i, '\n', len - i), *ff;
        size_t e = nl ? (size_t)(nl - text) : len;
        if ((ff = memchr(text + i, '\f', e - i)) != NULL) e = (size_t)(ff - text);
        if (e == len && i == len && n > 0) break;
        PA_GROW(ls, cap, n + 1);
        measure(text, i, e, &ls[n]);
        ls[n++].page = page;
        if (e < len && text[e] == '\f') page++, *paged = 1;
        i = e + 1;
    }
    for (size_t k = 0; k < n && *paged; k++)
        if (ls[k].rtl) ls[k].indent = 0;
    *n_out = n;
    return ls;
}

int pa_reflow_is_wrapped(const char *text, size_t len)
{
    size_t n;
    int paged;
    rline *ls = measure_all(text, len, &n, &paged);
    int wrapped = detect(ls, n, column_width(ls, n)) == PA_REFLOW_WRAPPED;
    pa_free(ls);
    return wrapped;
}

/* The lines to write, in order: the body's (blank ones included), then the
 * footnotes'; running heads and feet left out (pages.h). Returns the
 * array; *n_body lines are the body's, *n_out in all. */
static rline *reading_order(const char *text, const rline *all, size_t n, int paged, size_t *n_body, size_t *n_out)
{
    unsigned char *role = pa_calloc(n ? n : 1, 1);
    if (paged) {
        pa_page_line *pl = pa_malloc((n ? n : 1) * sizeof *pl);
        for (size_t i = 0; i < n; i++) pl[i] = (pa_page_line){all[i].a, all[i].z, all[i].page, all[i].blank};
        pa_pages_classify(text, pl, n, role);
        pa_free(pl);
    }
    rline *ls = pa_malloc((n ? n : 1) * sizeof *ls);
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (role[i] == PA_LINE_BODY) ls[m++] = all[i];
    *n_body = m;
    for (size_t i = 0; i < n; i++)
        if ((role[i] == PA_LINE_NOTE || role[i] == PA_LINE_NOTE_START) && !all[i].blank) {
            ls[m] = all[i];
            ls[m++].note = role[i] == PA_LINE_NOTE_START;
        }
    *n_out = m;
    pa_free(role);
    return ls;
}

/* Whether the hyphen at the end of `prev` stays when the word goes on
 * on line `l`: it does in a web or mail address, before a capital
 * ("Secretary-" + "General"), where
 * the hyphenated form occurs elsewhere, or where neither form does but the
 * second part is a word of its own elsewhere ("co-" + "operation"); a soft
 * hyphen never does. `t` holds the counts (count_words). */
static int keeps_hyphen(const char *text, const rline *prev, const rline *l, wtable *t, pa_buf *keys)
{
    if (prev->last == 0xAD) return 0;
    if (prev->last == 0x2010) return 1; /* a hyphen of the text: typesetting breaks with U+002D or U+00AD */
    /* a web or mail address breaks after its own hyphens, and is never
     * hyphenated: "www.un.org/world-" + "social-report" */
    for (size_t k = prev->cut; k > prev->a && text[k - 1] != ' '; k--)
        if (text[k - 1] == '/' || text[k - 1] == '@') return 1;
    if (!u_islower((UChar32)l->first)) return 1;
    hyphen_keys(text, prev, l, &keys[0], &keys[1], &keys[2]);
    const wcount *j = wt_find(t, keys[0].data, keys[0].len, 0);
    const wcount *h = wt_find(t, keys[1].data, keys[1].len, 0);
    const wcount *sec = wt_find(t, keys[2].data, keys[2].len, 0);
    if (h->n > 0) return 1;
    if (j->n > 0) return 0;
    return sec->n >= 2;
}

/* Appends s[0..n) to `out`, with `squeeze` each run of spaces as one. */
static void append_line_part(pa_buf *out, const char *s, size_t n, int squeeze)
{
    if (!squeeze) {
        pa_buf_append(out, s, n);
        return;
    }
    size_t from = 0;
    for (size_t k = 0; k + 1 < n; k++) {
        if (s[k] != ' ' || s[k + 1] != ' ') continue;
        pa_buf_append(out, s + from, k + 1 - from);
        while (k + 1 < n && s[k + 1] == ' ') k++;
        from = k + 1;
    }
    pa_buf_append(out, s + from, n - from);
}

/* Reflows the lines `all` (n of them) of `text`. */
static pa_reflow_kind reflow_lines(const char *text, size_t len, const rline *all, size_t n, int paged, int exact,
                                   const char *lang, pa_reflow_kind kind, pa_buf *out)
{
    size_t nb, m;
    rline *ls = reading_order(text, all, n, paged, &nb, &m);
    int W = column_width(ls, nb);
    int L = exact ? W : full_width(ls, nb, W);
    if (kind == PA_REFLOW_DETECT) kind = exact ? PA_REFLOW_WRAPPED : detect(ls, nb, W);
    unsigned char *brk = pa_calloc(m ? m : 1, 1);
    if (kind == PA_REFLOW_LINES) memset(brk, 1, m);
    else {
        find_paragraph_ends(ls, m, W, L, exact, brk);
        opener_breaks(text, len, ls, m, exact && gap_spaced(ls, nb, W), brk);
    }

    /* Hyphenated line ends: count the joined and hyphenated forms. */
    wtable t = {NULL, 0};
    size_t nhyph = 0;
    for (size_t i = 0; i + 1 < m; i++) nhyph += ls[i].hyph && !brk[i];
    if (nhyph > 0) {
        size_t size = 16;
        while (size < nhyph * 6) size *= 2;
        t.slots = pa_calloc(size, sizeof *t.slots);
        t.mask = size - 1;
    }
    int unspaced = pa_lang_is_unspaced(lang ? lang : "");
    pa_buf_reserve(out, len + 1);
    pa_buf keys[3] = {PA_BUF_INIT, PA_BUF_INIT, PA_BUF_INIT};
    /* Pass 0 (only with hyphenated line ends) collects the word forms to
     * count; pass 1 writes. */
    for (int pass = nhyph ? 0 : 1; pass < 2; pass++) {
        if (pass == 1 && nhyph) count_words(text, len, &t);
        int open = 0, any = 0;
        size_t cut_at = 0; /* in `out`, where the previous line's hyphen (and spaces before it) begins */
        const rline *prev = NULL;
        for (size_t i = 0; i < m; i++) {
            const rline *l = &ls[i];
            if (l->blank) continue;
            if (open && prev->hyph && is_letter(l->first)) {
                if (pass == 0) {
                    hyphen_keys(text, prev, l, &keys[0], &keys[1], &keys[2]);
                    for (int k = 0; k < 3; k++) wt_find(&t, keys[k].data, keys[k].len, 1);
                } else if (keeps_hyphen(text, prev, l, &t, keys)) {
                    size_t hs;
                    pa_utf8_before(text, prev->z, &hs);
                    out->len = cut_at;
                    pa_buf_append(out, text + hs, prev->z - hs);
                } else {
                    out->len = cut_at;
                }
            } else if (pass == 1 && open) {
                if (needs_space(prev->last, l->first, unspaced)) pa_buf_putc(out, ' ');
            } else if (pass == 1 && any) {
                pa_buf_puts(out, "\n\n");
            }
            if (pass == 1) {
                /* flowed lines: runs of spaces inside a line are layout
                 * (pdftotext -layout's stretched lines), one space each */
                int squeeze = kind != PA_REFLOW_LINES;
                append_line_part(out, text + l->a, l->cut - l->a, squeeze);
                cut_at = out->len;
                append_line_part(out, text + l->cut, l->z - l->cut, squeeze);
            }
            open = !brk[i];
            any = 1;
            prev = l;
        }
    }
    pa_buf_putc(out, '\n');
    for (int k = 0; k < 3; k++) pa_buf_free(&keys[k]);
    for (size_t i = 0; t.slots && i <= t.mask; i++) pa_free(t.slots[i].key);
    pa_free(t.slots);
    pa_free(brk);
    pa_free(ls);
    return kind;
}

/* A justified line whose word gaps were stretched wide (before a long
 * word or an address that did not fit) comes out of pdftotext a word a
 * line: a run of three or more one-word lines after a full line that ends
 * no sentence or list item, the run's last word ending none either, which
 * side by side fit on one line of the column (a fifth of it at least: the
 * line was stretched; W is the column's width). Such runs are put back on
 * one line in a copy of the text, `joined`; `at` receives where each such line starts in it (free
 * it). Returns how many. */
static size_t join_split_lines(const char *text, size_t len, const rline *ls, size_t n, int W, pa_buf *joined,
                               size_t **at)
{
    size_t runs = 0, copied = 0, cap = 0;
    *at = NULL;
    for (size_t i = 1; i < n; i++) {
        const rline *p = &ls[i - 1];
        if (p->blank || p->final || p->listend || (p->width + p->indent) * 10 < W * 8) continue;
        size_t k = i;
        int width = -1;
        while (k < n && !ls[k].blank && ls[k].gaps == 0 && !ls[k].marker && ls[k].page == p->page)
            width += ls[k].width + 1, k++;
        if (k - i < 3 || ls[k - 1].final || ls[k - 1].listend || width * 5 < W || width * 10 > W * 11) continue;
        for (size_t r = i; r + 1 < k; r++) {
            size_t nl = ls[r].z;
            while (nl < len && text[nl] != '\n') nl++;
            if (nl >= len) break;
            if (r == i) {
                PA_GROW(*at, cap, runs + 1);
                (*at)[runs++] = joined->len + (ls[i].a - copied); /* where the line starts in `joined` */
            }
            pa_buf_append(joined, text + copied, nl - copied);
            pa_buf_putc(joined, ' ');
            copied = nl + 1;
        }
        i = k;
    }
    if (runs) pa_buf_append(joined, text + copied, len - copied);
    return runs;
}

pa_reflow_kind pa_reflow(const char *text, size_t len, const char *lang, pa_reflow_kind kind, pa_buf *out)
{
    size_t n;
    int paged;
    rline *ls = measure_all(text, len, &n, &paged);
    pa_buf joined = PA_BUF_INIT;
    int W = column_width(ls, n);
    size_t *at = NULL, runs = kind != PA_REFLOW_LINES ? join_split_lines(text, len, ls, n, W, &joined, &at) : 0;
    if (runs) {
        /* the rejoined lines are as wide as the column was, whatever their
         * letters count: full lines, which a paragraph goes on after */
        int nw = 0;
        for (size_t i = 0; i < n; i++)
            if (!ls[i].blank && ls[i].nw > nw) nw = ls[i].nw;
        pa_free(ls);
        text = joined.data, len = joined.len;
        ls = measure_all(text, len, &n, &paged);
        for (size_t i = 0, r = 0; i < n && r < runs; i++) {
            while (r < runs && at[r] < ls[i].a) r++;
            if (r < runs && at[r] == ls[i].a && !ls[i].blank) {
                if (ls[i].width + ls[i].indent < W) ls[i].width = W - ls[i].indent;
                ls[i].nw = nw;
            }
        }
    }
    kind = reflow_lines(text, len, ls, n, paged, 0, lang, kind, out);
    pa_free(ls);
    pa_free(at);
    pa_buf_free(&joined);
    return kind;
}

pa_reflow_kind pa_reflow_placed(const char *text, size_t len, const pa_placed_line *lines, size_t n, const char *lang,
                                pa_buf *out)
{
    rline *ls = pa_malloc((n ? n : 1) * sizeof *ls);
    for (size_t i = 0; i < n; i++) {
        measure(text, lines[i].a, lines[i].e, &ls[i]);
        ls[i].page = lines[i].page;
        if (lines[i].gap) ls[i].blank = 1; /* see pa_placed_line */
        if (ls[i].blank) continue;
        ls[i].indent = lines[i].indent;
        ls[i].width = lines[i].width;
        ls[i].fw = lines[i].first_word;
    }
    pa_reflow_kind kind = reflow_lines(text, len, ls, n, 1, 1, lang, PA_REFLOW_WRAPPED, out);
    pa_free(ls);
    return kind;
}
