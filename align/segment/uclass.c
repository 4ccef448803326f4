/* uclass.c - see uclass.h.
 *
 * A pattern is read twice. The first reading checks its shape and makes
 * sure each property it names is in the cache (the only allocations of
 * ours, made before ICU holds a set of the call: a failing allocation
 * unwinds past this frame). The second builds the set from characters,
 * ranges and the cached properties with ICU's calls alone. */
#include "align/segment/uclass.h"
#include "align/util/alloc.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

/* Sets nested deeper than this go to ICU (which has its own limit). */
#define MAX_DEPTH 16
/* The longest property name read, \p{...} included. */
#define MAX_PROPERTY 96

struct pa_uclass_cache {
    char **key; /* a property as written: "\p{Nd}", "\P{L}" */
    USet **set; /* its set, frozen; NULL where ICU refused it */
    size_t n, cap_key, cap_set;
};

pa_uclass_cache *pa_uclass_cache_new(void) { return pa_calloc(1, sizeof(pa_uclass_cache)); }

void pa_uclass_cache_free(pa_uclass_cache *c)
{
    if (!c) return;
    for (size_t k = 0; k < c->n; k++) {
        pa_free(c->key[k]);
        if (c->set[k]) uset_close(c->set[k]);
    }
    pa_free(c->key), pa_free(c->set), pa_free(c);
}

/* ICU's reading of the whole pattern `pat` (UTF-8, `len` bytes): a new
 * set, or NULL with `*st` telling why. */
static USet *icu_open(const char *pat, size_t len, UErrorCode *st)
{
    UChar buf[1024], *u = buf;
    int32_t ulen = 0;
    *st = U_ZERO_ERROR;
    u_strFromUTF8(NULL, 0, &ulen, pat, (int32_t)len, st);
    if (*st == U_BUFFER_OVERFLOW_ERROR) *st = U_ZERO_ERROR;
    if (U_FAILURE(*st)) return NULL;
    if ((size_t)ulen + 1 > sizeof buf / sizeof *buf) u = pa_malloc(((size_t)ulen + 1) * sizeof *u);
    u_strFromUTF8(u, ulen + 1, NULL, pat, (int32_t)len, st);
    USet *s = U_SUCCESS(*st) ? uset_openPatternOptions(u, ulen, 0, st) : NULL;
    if (u != buf) pa_free(u);
    if (U_FAILURE(*st) && s) uset_close(s), s = NULL;
    return s;
}

/* The cached set of property `prop` (`len` bytes), made if `make`; NULL
 * when it is not there, or ICU refused it. */
static const USet *property(pa_uclass_cache *c, const char *prop, size_t len, int make)
{
    for (size_t k = 0; k < c->n; k++)
        if (strlen(c->key[k]) == len && memcmp(c->key[k], prop, len) == 0) return c->set[k];
    if (!make) return NULL;
    /* room first: no allocation of ours while ICU's set is held */
    PA_GROW(c->key, c->cap_key, c->n + 1);
    PA_GROW(c->set, c->cap_set, c->n + 1);
    c->key[c->n] = pa_strndup(prop, len);
    char pat[MAX_PROPERTY + 3]; /* property_at keeps `len` below MAX_PROPERTY */
    snprintf(pat, sizeof pat, "[%.*s]", (int)len, prop);
    UErrorCode st;
    USet *s = icu_open(pat, strlen(pat), &st);
    if (s) uset_freeze(s);
    c->set[c->n++] = s;
    return s;
}

static int hex_digit(char ch)
{
    if (ch >= '0' && ch <= '9') return ch - '0';
    if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
    return -1;
}

/* Exactly `digits` hex digits at p[*i], a code point; -1 if not. */
static UChar32 read_hex(const char *p, size_t n, size_t *i, int digits)
{
    uint32_t v = 0; /* eight digits may pass INT32_MAX */
    for (int d = 0; d < digits; d++) {
        int h = *i + (size_t)d < n ? hex_digit(p[*i + (size_t)d]) : -1;
        if (h < 0) return -1;
        v = v * 16 + (uint32_t)h;
    }
    if (v > 0x10FFFF) return -1;
    *i += (size_t)digits;
    return (UChar32)v;
}

/* One character at p[*i]: UTF-8, or an escape this reader knows (\t \n \f
 * \r \xhh \uhhhh \Uhhhhhhhh but for surrogates, or a backslash before
 * ASCII punctuation); -1 for anything else. */
static UChar32 read_char(const char *p, size_t n, size_t *i)
{
    if (p[*i] != '\\') {
        int32_t k = (int32_t)*i;
        UChar32 c;
        U8_NEXT(p, k, (int32_t)n, c);
        if (c < 0) return -1;
        *i = (size_t)k;
        return c;
    }
    if (*i + 1 >= n) return -1;
    char e = p[*i + 1];
    size_t k = *i + 2;
    UChar32 c;
    switch (e) {
    case 't': c = '\t'; break;
    case 'n': c = '\n'; break;
    case 'f': c = '\f'; break;
    case 'r': c = '\r'; break;
    case 'x': c = read_hex(p, n, &k, 2); break; /* ICU reads one or two (or \x{..}): two here */
    case 'u': c = read_hex(p, n, &k, 4); break;
    case 'U': c = read_hex(p, n, &k, 8); break;
    default:
        /* escaped letters, digits and non-ASCII have meanings (\N{..},
         * \v, octal ...) or may: ICU reads them */
        if ((unsigned char)e >= 0x80 || (e >= '0' && e <= '9') || (e >= 'a' && e <= 'z') || (e >= 'A' && e <= 'Z'))
            return -1;
        c = (unsigned char)e;
    }
    /* a surrogate's escape may pair with the next one ("\\uD83D\\uDE00" is
     * U+1F600 to ICU): ICU reads them */
    if (c < 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return -1;
    *i = k;
    return c;
}

/* A property at p[*i] (\p{..} or \P{..}): its length, 0 if none. */
static size_t property_at(const char *p, size_t n, size_t i)
{
    if (i + 2 >= n || p[i] != '\\' || (p[i + 1] != 'p' && p[i + 1] != 'P') || p[i + 2] != '{') return 0;
    for (size_t k = i + 3; k < n && k - i < MAX_PROPERTY; k++) {
        if (p[k] == '}') return k + 1 - i;
        if (p[k] == '[' || p[k] == ']' || p[k] == '{' || p[k] == '\\') return 0;
    }
    return 0;
}

/* Reads the set at p[*i] == '['. First reading (`out` NULL): checks the
 * shape and caches the properties. Second: adds the set's characters to
 * `out`. 0, or -1 for another shape. */
static int read_set(pa_uclass_cache *c, const char *p, size_t n, size_t *i, USet *out, int depth)
{
    if (depth > MAX_DEPTH || *i >= n || p[*i] != '[') return -1;
    size_t k = *i + 1;
    int negated = k < n && p[k] == '^';
    if (negated) k++;
    if (k >= n || p[k] == ']' || p[k] == ':') return -1; /* [] and [:..:] */
    USet *s = out && negated ? uset_openEmpty() : out;
    if (out && !s) return -1; /* ICU out of memory: let it say so */
    size_t first = k;
    UChar32 last = -1; /* the last single character, which '-' may extend */
    int rc = -1;
    while (k < n && p[k] != ']') {
        size_t plen = property_at(p, n, k);
        if (p[k] == '[') {
            if (read_set(c, p, n, &k, s, depth + 1) != 0) goto out;
            last = -1;
        } else if (plen) {
            const USet *ps = property(c, p + k, plen, out == NULL);
            if (!ps) goto out;
            if (s) uset_addAll(s, ps);
            k += plen;
            last = -1;
        } else if (p[k] == '-') {
            size_t q = k + 1;
            UChar32 hi;
            if (last >= 0 && q < n && !strchr("[]-&^${}", p[q]) && !property_at(p, n, q) &&
                (hi = read_char(p, n, &q)) >= 0) {
                if (hi <= last) goto out; /* ICU refuses a reversed range, and "a-a" */
                if (s) uset_addRange(s, last, hi);
                k = q;
                last = -1;
            } else if (k == first || (last >= 0 && q < n && p[q] == ']')) {
                if (s) uset_add(s, '-'); /* first, or last after a character: literal */
                k++;
                last = -1;
            } else {
                goto out; /* set difference, or a '-' ICU may read otherwise */
            }
        } else if (strchr("&^${}", p[k])) {
            goto out; /* intersection, anchors, variables, strings */
        } else {
            UChar32 ch = read_char(p, n, &k);
            if (ch < 0) goto out;
            if (s) uset_add(s, ch);
            last = ch;
        }
    }
    if (k >= n) goto out; /* unclosed */
    *i = k + 1;
    rc = 0;
out:
    if (s && s != out) {
        if (rc == 0) {
            uset_complement(s);
            uset_addAll(out, s);
        }
        uset_close(s);
    }
    return rc;
}

USet *pa_uclass_open(pa_uclass_cache *c, const char *pat, size_t len, UErrorCode *st, int *fast)
{
    size_t i = 0;
    if (fast) *fast = 0;
    if (read_set(c, pat, len, &i, NULL, 0) == 0 && i == len) {
        USet *s = uset_openEmpty();
        i = 0;
        if (s && read_set(c, pat, len, &i, s, 0) == 0) {
            if (fast) *fast = 1;
            *st = U_ZERO_ERROR;
            return s;
        }
        if (s) uset_close(s);
    }
    return icu_open(pat, len, st);
}
