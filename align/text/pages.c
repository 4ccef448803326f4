/* pages.c - see pages.h. */
#include "align/text/pages.h"
#include "align/text/utf8.h"
#include "align/util/alloc.h"
#include "align/util/buf.h"
#include "align/util/hashset.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { ZONE = 3 }; /* lines from each edge of a page that may be furniture */

/* Bytes of a bidirectional control at s[i] (LRM, RLM, ALM, embeddings,
 * overrides, isolates), else 0. pdftotext wraps right-to-left runs in them. */
static size_t bidi_at(const char *s, size_t i, size_t e)
{
    const unsigned char *u = (const unsigned char *)s + i;
    if (i + 1 < e && u[0] == 0xD8 && u[1] == 0x9C) return 2; /* U+061C */
    if (i + 2 >= e || u[0] != 0xE2) return 0;
    if (u[1] == 0x80 && (u[2] == 0x8E || u[2] == 0x8F || (u[2] >= 0xAA && u[2] <= 0xAE))) return 3;
    if (u[1] == 0x81 && u[2] >= 0xA6 && u[2] <= 0xA9) return 3;
    return 0;
}

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f'; }
static int is_dig(char c) { return c >= '0' && c <= '9'; }
static int is_upper(char c) { return c >= 'A' && c <= 'Z'; }

/* Counts leading digits of t[0..n). */
static size_t digits(const char *t, size_t n)
{
    size_t k = 0;
    while (k < n && is_dig(t[k])) k++;
    return k;
}

/* A job number: "GE.18-14958", "18-14958", either with a glued "(E)",
 * or a bar code "*1814958*". */
static int is_job(const char *t, size_t n)
{
    if (n >= 3 && t[0] == '*' && t[n - 1] == '*') return digits(t + 1, n - 2) == n - 2 && n > 4;
    size_t k = 0;
    if (n > 3 && memcmp(t, "GE.", 3) == 0) k = 3;
    size_t d = digits(t + k, n - k);
    if (d != 2 || k + d >= n || t[k + d] != '-') return 0;
    k += d + 1;
    d = digits(t + k, n - k);
    if (d < 4 || d > 6) return 0;
    k += d;
    if (k == n) return 1;
    /* "(E)" glued on (its closing bracket may have been cut as a token edge) */
    if (t[k] != '(' || n - k > 5) return 0;
    for (size_t j = k + 1; j < n; j++)
        if (!is_upper(t[j]) && !(t[j] == ')' && j == n - 1)) return 0;
    return 1;
}

/* A document symbol: "A/HRC/39/L.1", "S/RES/2310", "CD/2999", "E/CN.4/2005/L.10/Add.1". */
static int is_symbol(const char *t, size_t n)
{
    if (n < 3 || !is_upper(t[0])) return 0;
    size_t k = 1, slashes = 0;
    while (k < n && (is_upper(t[k]) || is_dig(t[k]) || t[k] == '.')) k++;
    while (k < n && t[k] == '/') {
        slashes++;
        k++;
        size_t s = k;
        while (k < n && (is_upper(t[k]) || is_dig(t[k]) || t[k] == '.' || t[k] == '-' || (t[k] >= 'a' && t[k] <= 'z')))
            k++;
        if (k == s) return 0;
    }
    return k == n && slashes > 0;
}

/* A page number or part of one: "3", "3/8", "-", "–", "page", "of". */
static int is_pageno(const char *t, size_t n)
{
    if (n > 2 && t[0] == '-' && t[n - 1] == '-') t++, n -= 2; /* "-3-" */
    size_t d = digits(t, n);
    if (d == n) return n <= 8;
    if (d > 0 && t[d] == '/' && digits(t + d + 1, n - d - 1) == n - d - 1 && n - d - 1 > 0) return 1;
    if (n == 1 && t[0] == '-') return 1;
    if (n == 3 && memcmp(t, "\xE2\x80\x93", 3) == 0) return 1;
    if (n == 4 && (memcmp(t, "page", 4) == 0 || memcmp(t, "Page", 4) == 0)) return 1;
    return n == 2 && memcmp(t, "of", 2) == 0;
}

int pa_pages_is_furniture_text(const char *s, size_t a, size_t e)
{
    /* tokens without bidi controls and without brackets at their edges */
    char tok[64];
    size_t ntok = 0, symbols = 0, jobs = 0, pagenos = 0, shortcaps = 0, i = a;
    while (i < e) {
        size_t n = 0, b = 0; /* b: set before use; GCC at -O1 cannot tell */
        while (i < e && (is_space(s[i]) || (b = bidi_at(s, i, e)) > 0)) i += is_space(s[i]) ? 1 : b;
        if (i >= e) break;
        while (i < e && !is_space(s[i])) {
            if ((b = bidi_at(s, i, e)) > 0) {
                i += b;
                continue;
            }
            if (n >= sizeof tok) return 0;
            tok[n++] = s[i++];
        }
        size_t lo = 0;
        while (lo < n && (tok[lo] == '(' || tok[lo] == ')')) lo++;
        while (n > lo && (tok[n - 1] == '(' || tok[n - 1] == ')')) n--;
        if (n == lo) continue;
        if (++ntok > 10) return 0;
        const char *t = tok + lo;
        n -= lo;
        if (is_job(t, n)) jobs++;
        else if (is_symbol(t, n)) symbols++;
        else if (is_pageno(t, n)) pagenos++;
        else if (n <= 6) {
            for (size_t k = 0; k < n; k++)
                if (!is_upper(t[k]) && !is_dig(t[k]) && t[k] != '.') return 0;
            shortcaps++;
        } else {
            return 0;
        }
    }
    if (ntok == 0) return 0;
    if (shortcaps && !symbols && !jobs) return 0;
    return symbols + jobs + pagenos > 0;
}

/* ---- repeated lines ---- */

typedef struct keycount {
    uint64_t h;
    unsigned pages, last;
} keycount;

typedef struct keytable {
    keycount *slots;
    size_t mask;
} keytable;

static keycount *kt_find(keytable *t, uint64_t h)
{
    if (h == 0) h = 1;
    for (size_t i = (size_t)h & t->mask;; i = (i + 1) & t->mask) {
        if (t->slots[i].h == h || t->slots[i].h == 0) {
            t->slots[i].h = h;
            return &t->slots[i];
        }
    }
}

/* The key of line [a, e) at `slot` (zone and rank): its text without white
 * space and bidi controls, digits as 0, ASCII lower-cased. */
static uint64_t line_key(const char *s, size_t a, size_t e, unsigned slot, pa_buf *scratch)
{
    pa_buf_reset(scratch);
    pa_buf_putc(scratch, (char)('A' + slot));
    for (size_t i = a; i < e;) {
        size_t b = bidi_at(s, i, e);
        if (b) {
            i += b;
            continue;
        }
        char c = s[i++];
        if (is_space(c)) continue;
        if (is_dig(c)) c = '0';
        else if (is_upper(c)) c = (char)(c + 32);
        pa_buf_putc(scratch, c);
    }
    return pa_hash_finish(pa_hash_bytes(PA_HASH_SEED, scratch->data, scratch->len));
}

/* The trimmed content of line l. */
static void trim(const char *s, const pa_page_line *l, size_t *a, size_t *e)
{
    size_t i = l->a, j = l->e;
    while (i < j && is_space(s[i])) i++;
    while (j > i && is_space(s[j - 1])) j--;
    *a = i, *e = j;
}

/* Puts line i into the first free of page p's ZONE slots. */
static void take_slot(size_t *slots, unsigned p, size_t i)
{
    for (int r = 0; r < ZONE; r++)
        if (slots[(size_t)p * ZONE + r] == SIZE_MAX) {
            slots[(size_t)p * ZONE + r] = i;
            return;
        }
}

/* The edge lines of each page: top[p*ZONE + r] is the index of the r-th
 * non-blank line from the top of page p (or SIZE_MAX), bot[] from the
 * bottom. */
static void edges(const pa_page_line *ls, size_t n, unsigned npages, size_t *top, size_t *bot)
{
    for (size_t k = 0; k < (size_t)npages * ZONE; k++) top[k] = bot[k] = SIZE_MAX;
    for (size_t i = 0; i < n; i++)
        if (!ls[i].blank) take_slot(top, ls[i].page, i);
    for (size_t i = n; i-- > 0;)
        if (!ls[i].blank) take_slot(bot, ls[i].page, i);
}

static void mark_furniture(const char *s, const pa_page_line *ls, size_t n, unsigned npages, unsigned char *role)
{
    size_t *top = pa_malloc((size_t)npages * ZONE * sizeof *top);
    size_t *bot = pa_malloc((size_t)npages * ZONE * sizeof *bot);
    edges(ls, n, npages, top, bot);
    size_t size = 16;
    while (size < (size_t)npages * ZONE * 4) size *= 2;
    keytable t = {pa_calloc(size, sizeof(keycount)), size - 1};
    pa_buf scratch = PA_BUF_INIT;
    uint64_t *keys = pa_malloc((size_t)npages * ZONE * 2 * sizeof *keys);
    unsigned used = 0; /* pages with text */
    for (unsigned p = 0; p < npages; p++) {
        used += top[(size_t)p * ZONE] != SIZE_MAX;
        for (int side = 0; side < 2; side++)
            for (int r = 0; r < ZONE; r++) {
                size_t k = (size_t)p * ZONE + r, i = side ? bot[k] : top[k], a, e;
                keys[k * 2 + side] = 0;
                if (i == SIZE_MAX) continue;
                trim(s, &ls[i], &a, &e);
                uint64_t h = line_key(s, a, e, (unsigned)(side * ZONE + r), &scratch);
                keys[k * 2 + side] = h;
                keycount *c = kt_find(&t, h);
                if (c->pages == 0 || c->last != p) c->pages++, c->last = p;
            }
    }
    for (unsigned p = 0; p < npages; p++)
        for (int side = 0; side < 2; side++)
            for (int r = 0; r < ZONE; r++) {
                size_t k = (size_t)p * ZONE + r, i = side ? bot[k] : top[k], a, e;
                if (i == SIZE_MAX) break;
                trim(s, &ls[i], &a, &e);
                unsigned reps = kt_find(&t, keys[k * 2 + side])->pages;
                int repeated = reps >= 2 && reps * 2 >= used;
                if (!repeated && !pa_pages_is_furniture_text(s, a, e)) break;
                role[i] = PA_LINE_FURNITURE;
            }
    pa_free(keys);
    pa_buf_free(&scratch);
    pa_free(t.slots);
    pa_free(top);
    pa_free(bot);
}

/* ---- footnotes ---- */

/* Whether the trimmed line [a, e) starts footnote `num` ("8 See", "8See"). */
static int starts_note(const char *s, size_t a, size_t e, const char *num, size_t nlen)
{
    if (e - a <= nlen || memcmp(s + a, num, nlen) != 0) return 0;
    char c = s[a + nlen];
    return !is_dig(c) && strchr(".)/,:;-%]", c) == NULL;
}

/* Whether s[a..e) holds `num` as a reference mark: glued after a letter
 * or punctuation and not followed by a digit. */
static int has_mark(const char *s, size_t a, size_t e, const char *num, size_t nlen)
{
    for (size_t i = a + 1; i + nlen <= e; i++) {
        if (memcmp(s + i, num, nlen) != 0) continue;
        unsigned char before = (unsigned char)s[i - 1];
        /* "Development, 1 and": a superscript after punctuation may come out spaced */
        if (before == ' ' && i >= 2 && strchr(",.;:", s[i - 2])) before = (unsigned char)s[i - 2];
        int glued = (before >= 'a' && before <= 'z') || (before && strchr(".,;:)\"'", before)) ||
                    (before >= 0x80 && before != 0xA0 && !(i >= 2 && (unsigned char)s[i - 2] == 0xC2));
        if (glued && (i + nlen == e || !is_dig(s[i + nlen])) && !is_dig((char)before)) return 1;
    }
    return 0;
}

static void mark_notes(const char *s, const pa_page_line *ls, size_t n, unsigned char *role)
{
    unsigned next = 1;
    size_t i = 0;
    while (i < n && next < 1000) {
        unsigned p = ls[i].page;
        size_t end = i;
        while (end < n && ls[end].page == p) end++;
        char num[8];
        size_t nlen = (size_t)snprintf(num, sizeof num, "%u", next);
        int marked = 0;
        for (size_t k = i; k < end; k++) {
            size_t a, e;
            if (ls[k].blank || role[k] != PA_LINE_BODY) continue;
            trim(s, &ls[k], &a, &e);
            if (marked && starts_note(s, a, e, num, nlen)) {
                /* the footnote block: from here to the page's foot */
                for (size_t j = k; j < end; j++) {
                    if (ls[j].blank || role[j] != PA_LINE_BODY) continue;
                    trim(s, &ls[j], &a, &e);
                    if (starts_note(s, a, e, num, nlen)) {
                        role[j] = PA_LINE_NOTE_START;
                        next++;
                        nlen = (size_t)snprintf(num, sizeof num, "%u", next);
                    } else {
                        role[j] = PA_LINE_NOTE;
                    }
                }
                break;
            }
            if (has_mark(s, a, e, num, nlen)) marked = 1;
        }
        i = end;
    }
}

void pa_pages_classify(const char *text, const pa_page_line *lines, size_t n, unsigned char *role)
{
    unsigned npages = 0;
    for (size_t i = 0; i < n; i++)
        if (lines[i].page + 1 > npages) npages = lines[i].page + 1;
    if (npages == 0) return;
    mark_furniture(text, lines, n, npages, role);
    mark_notes(text, lines, n, role);
}
