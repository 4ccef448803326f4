/* cjkbrk.c -- see cjkbrk.h.
 *
 * How: ICU's word rules (word.brk, which "zh" uses) are taken with
 * ubrk_getBinaryRules and copied with the forward table's first dictionary
 * category moved past the last category, so the rule engine never counts a
 * dictionary character and never asks for a language break engine.  That
 * iterator gives exactly ICU's rule boundaries and statuses.  Every rule
 * segment that holds dictionary characters (the rules' own trie says which)
 * is then subdivided as RuleBasedBreakIterator::DictionaryCache
 * ::populateDictionary does, with the engine choice of
 * RuleBasedBreakIterator::getLanguageBreakEngine and the dynamic programme of
 * CjkBreakEngine::divideUpDictionaryRange on ICU's own cjdict UCharsTrie,
 * read here by our own walker.  Every boundary of a subdivided segment takes
 * the status of the segment's end, as DictionaryCache::following gives it.
 */
#include "cjkbrk.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/ucptrie.h>
#include <unicode/udata.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/utext.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

/* ---------------------------------------------------------------- */
/* UCharsTrie walker (format described in ICU's ucharstrie.h).       */

enum { T_NO_MATCH = 0, T_NO_VALUE = 1, T_FINAL = 2, T_INTERMEDIATE = 3 };

typedef struct {
    const uint16_t *pos; /* next unit to read; NULL once nothing can match */
    int32_t rem;         /* units left in a linear-match node, minus 1; <0 if none */
} trie_walk;

static inline int t_result(uint16_t node) /* node >= 0x40 */
{
    return node & 0x8000 ? T_FINAL : T_INTERMEDIATE;
}

/* a final value or a branch value (lead unit without bit 15) */
static inline int32_t t_read_value(const uint16_t *p, int32_t lead)
{
    if (lead < 0x4000) return lead;
    if (lead < 0x7fff) return ((lead - 0x4000) << 16) | p[0];
    return ((int32_t)p[0] << 16) | p[1];
}

static inline const uint16_t *t_skip_value(const uint16_t *p, int32_t lead)
{
    return lead < 0x4000 ? p : lead < 0x7fff ? p + 1 : p + 2;
}

/* the value bits of a match node's lead unit (0x40..0x7fff) */
static inline int32_t t_read_node_value(const uint16_t *p, int32_t lead)
{
    if (lead < 0x4040) return (lead >> 6) - 1;
    if (lead < 0x7fc0) return (((lead & 0x7fc0) - 0x4040) << 10) | p[0];
    return ((int32_t)p[0] << 16) | p[1];
}

static inline const uint16_t *t_skip_node_value(const uint16_t *p, int32_t lead)
{
    return lead < 0x4040 ? p : lead < 0x7fc0 ? p + 1 : p + 2;
}

static inline const uint16_t *t_jump(const uint16_t *p)
{
    int32_t d = *p++;
    if (d >= 0xfc00) {
        if (d == 0xffff) d = ((int32_t)p[0] << 16) | p[1], p += 2;
        else d = ((d - 0xfc00) << 16) | *p++;
    }
    return p + d;
}

static inline const uint16_t *t_skip_delta(const uint16_t *p)
{
    int32_t d = *p++;
    return d < 0xfc00 ? p : d == 0xffff ? p + 2 : p + 1;
}

static int t_branch(trie_walk *w, const uint16_t *p, int32_t n, int32_t u)
{
    if (n == 0) n = *p++;
    n++;
    while (n > 5) { /* binary search part */
        if (u < *p++) n >>= 1, p = t_jump(p);
        else n -= n >> 1, p = t_skip_delta(p);
    }
    do { /* linear part: n-1 (unit, value) pairs */
        if (u == *p++) {
            int32_t node = *p;
            if (node & 0x8000) { w->pos = p; return T_FINAL; }
            p++;
            p += t_read_value(p, node) + (node < 0x4000 ? 0 : node < 0x7fff ? 1 : 2);
            w->pos = p;
            return *p >= 0x40 ? t_result(*p) : T_NO_VALUE;
        }
        n--;
        p = t_skip_value(p + 1, p[0] & 0x7fff);
    } while (n > 1);
    if (u == *p++) { /* the last unit continues with the next node */
        w->pos = p;
        return *p >= 0x40 ? t_result(*p) : T_NO_VALUE;
    }
    w->pos = NULL;
    return T_NO_MATCH;
}

/* One step with the code unit u; code points above 0xffff never match
 * (ICU's UCharsDictionaryMatcher passes whole code points to next()). */
static int t_next(trie_walk *w, int32_t u)
{
    const uint16_t *p = w->pos;
    if (!p || u > 0xffff) { w->pos = NULL; return T_NO_MATCH; }
    if (w->rem >= 0) { /* inside a linear-match node */
        if (u == *p) {
            p++;
            w->rem--;
            w->pos = p;
            return w->rem < 0 && *p >= 0x40 ? t_result(*p) : T_NO_VALUE;
        }
        w->pos = NULL;
        return T_NO_MATCH;
    }
    int32_t node = *p++;
    for (;;) {
        if (node < 0x30) return t_branch(w, p, node, u);
        if (node < 0x40) { /* linear match of node-0x30+1 units */
            int32_t left = node - 0x30; /* after this unit */
            if (u == *p) {
                p++;
                w->rem = left - 1;
                w->pos = p;
                return w->rem < 0 && *p >= 0x40 ? t_result(*p) : T_NO_VALUE;
            }
            break;
        }
        if (node & 0x8000) break; /* final value: nothing follows */
        p = t_skip_node_value(p, node);
        node &= 0x3f;
    }
    w->pos = NULL;
    return T_NO_MATCH;
}

static int32_t t_value(const trie_walk *w)
{
    const uint16_t *p = w->pos;
    int32_t lead = *p++;
    return lead & 0x8000 ? t_read_value(p, lead & 0x7fff) : t_read_node_value(p, lead);
}

/* ---------------------------------------------------------------- */

#define MAX_WORD_UNITS 20       /* maxWordSize in divideUpDictionaryRange */
#define MAX_SNLP 255u           /* cost of a character the dictionary lacks */
#define MAX_KATAKANA_GROUP 20

struct cjk_breaker {
    UBreakIterator *rules;  /* word rules, dictionary categories switched off */
    uint8_t *rules_data;    /* its binary rules; must outlive it */
    UCPTrie *cats;          /* code point -> rule category */
    uint32_t dict_start;    /* first dictionary category */
    UDataMemory *dict_mem;  /* cjdict.dict */
    const uint16_t *dict;   /* its UCharsTrie */
    const UNormalizer2 *nfkc; /* only opened for text that needs it */
    UText *ut;
    UBreakIterator *icu;    /* the real "zh" iterator, for fallback lines */
    long fallbacks;
    /* ICU's per-iterator engine stack, as far as it matters here */
    int cjk_in_stack;
    int unhandled_script;   /* the script the UnhandledEngine takes; -1: none.
                               (UnhandledEngine::handleCharacter's
                               applyIntPropertyValue replaces its set, so it
                               only ever takes the last script given) */
    /* output and scratch */
    cjk_boundary *out;
    int32_t n_out, cap_out;
    int32_t *brk; /* breaks found in the current rule segment */
    int32_t n_brk, cap_brk;
    UChar *u16, *nrm;
    int32_t *map, *nmap, *cpmap, *prev, *chain;
    uint32_t *best;
    int32_t cap16, capmap, capn, capnmap, capcpmap, capprev, capchain, capbest;
};

/* Process-wide, like ICU's ICULanguageBreakFactory cache: whether the CJK
 * engine would exist by now. */
static int g_cjk_in_factory;

static int grow(void **p, int32_t *cap, int32_t need, size_t elem)
{
    if (need <= *cap) return 0;
    int32_t n = *cap ? *cap : 64;
    while (n < need) n *= 2;
    void *q = realloc(*p, (size_t)n * elem);
    if (!q) return -1;
    *p = q;
    *cap = n;
    return 0;
}

long cjk_breaker_fallbacks(const cjk_breaker *b) { return b->fallbacks; }

void cjk_breaker_close(cjk_breaker *b)
{
    if (!b) return;
    if (b->rules) ubrk_close(b->rules);
    if (b->icu) ubrk_close(b->icu);
    if (b->cats) ucptrie_close(b->cats);
    if (b->dict_mem) udata_close(b->dict_mem);
    if (b->ut) utext_close(b->ut);
    free(b->rules_data);
    free(b->out); free(b->brk); free(b->u16); free(b->nrm);
    free(b->map); free(b->nmap); free(b->cpmap); free(b->prev); free(b->chain); free(b->best);
    free(b);
}

cjk_breaker *cjk_breaker_open(UErrorCode *st)
{
    return cjk_breaker_open_locale("zh", st);
}

cjk_breaker *cjk_breaker_open_locale(const char *locale, UErrorCode *st)
{
    if (U_FAILURE(*st)) return NULL;
    cjk_breaker *b = calloc(1, sizeof *b);
    if (!b) { *st = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    b->unhandled_script = -1;

    /* The real iterator: the source of the rules, kept for fallback lines
     * (opening it does not build any dictionary engine). */
    b->icu = ubrk_open(UBRK_WORD, locale, NULL, 0, st);
    int32_t n = ubrk_getBinaryRules(b->icu, NULL, 0, st);
    if (U_FAILURE(*st) || n < 80) goto fail;
    b->rules_data = malloc((size_t)n);
    if (!b->rules_data) { *st = U_MEMORY_ALLOCATION_ERROR; goto fail; }
    ubrk_getBinaryRules(b->icu, b->rules_data, n, st);
    if (U_FAILURE(*st)) goto fail;

    /* RBBIDataHeader (rbbidata.h), format 6: magic, version, length,
     * category count, forward table offset/length, reverse, trie, ... */
    uint32_t h[14];
    memcpy(h, b->rules_data, sizeof h);
    uint8_t *ver = b->rules_data + 4;
    if (h[0] != 0xb1a0 || ver[0] != 6 || h[2] != (uint32_t)n || h[4] + 20 > (uint32_t)n
        || h[8] + h[9] > (uint32_t)n) {
        *st = U_INVALID_FORMAT_ERROR;
        goto fail;
    }
    uint32_t cat_count = h[3];
    uint8_t *ftable = b->rules_data + h[4]; /* RBBIStateTable: states, rowLen, dictCategoriesStart, ... */
    memcpy(&b->dict_start, ftable + 8, 4);
    if (b->dict_start >= cat_count) { *st = U_INVALID_FORMAT_ERROR; goto fail; }
    memcpy(ftable + 8, &cat_count, 4); /* no category is a dictionary one */
    b->cats = ucptrie_openFromBinary(UCPTRIE_TYPE_ANY, UCPTRIE_VALUE_BITS_ANY, b->rules_data + h[8],
                                     (int32_t)h[9], NULL, st);
    b->rules = ubrk_openBinaryRules(b->rules_data, n, NULL, 0, st);
    if (U_FAILURE(*st)) goto fail;
    for (UChar32 c = 0; c < 0x80; c++)
        if (ucptrie_get(b->cats, c) >= b->dict_start) { *st = U_INVALID_FORMAT_ERROR; goto fail; }

    return b;
fail:
    cjk_breaker_close(b);
    return NULL;
}

/* ICU's Chinese/Japanese dictionary (brkitr root: dictionaries/Hani),
 * opened when the first run of CJK characters is met. */
static int open_dict(cjk_breaker *b)
{
    UErrorCode st = U_ZERO_ERROR;
    b->dict_mem = udata_open(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "brkitr", "dict", "cjdict", &st);
    if (U_FAILURE(st)) return -1;
    const int32_t *ix = udata_getMemory(b->dict_mem);
    /* indexes: [0] trie offset, [4] trie type (1 = UChars, 8 = has values), [5] transform */
    if ((ix[4] & 7) != 1 || !(ix[4] & 8) || ix[0] < 32) return -1;
    b->dict = (const uint16_t *)((const char *)ix + ix[0]);
    return 0;
}

static int push_out(cjk_breaker *b, int32_t pos, int32_t status)
{
    if (grow((void **)&b->out, &b->cap_out, b->n_out + 1, sizeof *b->out)) return -1;
    b->out[b->n_out++] = (cjk_boundary){pos, status};
    return 0;
}

/* [[:Han:][:Hiragana:][:Katakana:]\u30fc\uff70\uff9e\uff9f], the CJK engine's set */
static inline int in_cj_set(UChar32 c)
{
    if (c >= 0x4e00 && c <= 0x9fff) return 1; /* common case: all Han */
    if (c == 0x30fc || c == 0xff70 || c == 0xff9e || c == 0xff9f) return 1;
    if (c < 0x2e80) return 0; /* no Han, Hiragana or Katakana below */
    UErrorCode st = U_ZERO_ERROR;
    UScriptCode sc = uscript_getScript(c, &st);
    return sc == USCRIPT_HAN || sc == USCRIPT_HIRAGANA || sc == USCRIPT_KATAKANA;
}

static inline int is_katakana(UChar32 c)
{
    return (c >= 0x30a1 && c <= 0x30fe && c != 0x30fb) || (c >= 0xff66 && c <= 0xff9f);
}

/* characters whose runs need no NFKC check: NFKC_QC=Yes, ccc=0 (checked
 * against ICU by the test program) */
static inline int nfkc_plain(UChar c)
{
    return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x3041 && c <= 0x3096)
           || (c >= 0x30a1 && c <= 0x30fa) || c == 0x30fc;
}

static inline UChar32 cat_char(const char *s, int32_t i, int32_t len, int32_t *next)
{
    UChar32 c;
    U8_NEXT_OR_FFFD(s, i, len, c);
    *next = i;
    return c;
}

enum { ENG_CJK, ENG_UNHANDLED, ENG_OTHER };

/* RuleBasedBreakIterator::getLanguageBreakEngine for a dictionary character */
static int engine_for(cjk_breaker *b, UChar32 c)
{
    int cj = in_cj_set(c);
    if (b->cjk_in_stack && cj) return ENG_CJK;
    UErrorCode st = U_ZERO_ERROR;
    int sc = (int)uscript_getScript(c, &st);
    if (sc == b->unhandled_script) return ENG_UNHANDLED;
    if (g_cjk_in_factory && cj) { b->cjk_in_stack = 1; return ENG_CJK; }
    switch (sc) {
    case USCRIPT_HAN: case USCRIPT_HIRAGANA: case USCRIPT_KATAKANA:
        g_cjk_in_factory = b->cjk_in_stack = 1;
        return ENG_CJK;
    case USCRIPT_THAI: case USCRIPT_LAO: case USCRIPT_MYANMAR: case USCRIPT_KHMER:
        return ENG_OTHER; /* ICU has dictionaries for these: not reproduced */
    default: /* no dictionary: the UnhandledEngine takes the character's script */
        b->unhandled_script = sc;
        return ENG_UNHANDLED;
    }
}

static inline int32_t fwd1(const UChar *s, int32_t i, int32_t n)
{
    U16_FWD_1(s, i, n);
    return i;
}

static inline UChar32 u16_at(const UChar *s, int32_t i, int32_t n)
{
    UChar32 c;
    U16_GET(s, 0, i, n, c);
    return c;
}

/* CjkBreakEngine::divideUpDictionaryRange for the bytes [rs, re) of s, all in
 * the CJK set; breaks go to b->brk. */
static int divide(cjk_breaker *b, const char *s, int32_t rs, int32_t re)
{
    if (!b->dict && open_dict(b)) return -1;
    /* UTF-16 copy and map (code unit -> byte offset) */
    int32_t n16 = 0;
    if (grow((void **)&b->u16, &b->cap16, re - rs + 2, sizeof *b->u16)
        || grow((void **)&b->map, &b->capmap, re - rs + 2, sizeof *b->map))
        return -1;
    int plain = 1;
    for (int32_t i = rs; i < re;) {
        int32_t at = i, nx;
        UChar32 c = cat_char(s, i, re, &nx);
        i = nx;
        if (c <= 0xffff) {
            b->u16[n16] = (UChar)c;
            plain &= nfkc_plain((UChar)c);
            b->map[n16++] = at;
        } else {
            b->u16[n16] = U16_LEAD(c);
            b->map[n16++] = at;
            b->u16[n16] = U16_TRAIL(c);
            b->map[n16++] = at;
            plain = 0;
        }
    }
    b->map[n16] = re;
    const UChar *in = b->u16;
    int32_t *map = b->map;
    int32_t nin = n16;

    if (!plain) {
        UErrorCode st = U_ZERO_ERROR;
        if (!b->nfkc) b->nfkc = unorm2_getNFKCInstance(&st);
        if (U_FAILURE(st)) return -1;
        if (!unorm2_isNormalized(b->nfkc, in, nin, &st)) {
            int32_t nn = 0;
            for (int32_t i = 0; i < nin;) { /* once per normalization chunk */
                int32_t fs = i;
                UChar32 c;
                U16_NEXT(in, i, nin, c);
                while (i < nin) {
                    int32_t j = i;
                    U16_NEXT(in, j, nin, c);
                    if (unorm2_hasBoundaryBefore(b->nfkc, c)) break;
                    i = j;
                }
                int32_t need;
                for (;;) {
                    st = U_ZERO_ERROR;
                    need = unorm2_normalize(b->nfkc, in + fs, i - fs, b->nrm ? b->nrm + nn : NULL,
                                            b->capn - nn, &st);
                    if (st == U_BUFFER_OVERFLOW_ERROR || st == U_STRING_NOT_TERMINATED_WARNING
                        || nn + need + 1 > b->capn) {
                        if (grow((void **)&b->nrm, &b->capn, nn + need + 2, sizeof *b->nrm)) return -1;
                        continue;
                    }
                    break;
                }
                if (U_FAILURE(st)) return -1;
                if (grow((void **)&b->nmap, &b->capnmap, nn + need + 2, sizeof *b->nmap)) return -1;
                for (int32_t k = 0; k < need; k++) b->nmap[nn + k] = map[fs];
                nn += need;
            }
            b->nmap[nn] = map[nin];
            in = b->nrm;
            map = b->nmap;
            nin = nn;
        }
    }

    /* code point count; with supplementary characters, index the map by code point */
    int32_t ncp = 0;
    for (int32_t i = 0; i < nin; ncp++) U16_FWD_1(in, i, nin);
    int32_t dn = ncp + 2;
    if (grow((void **)&b->best, &b->capbest, dn, sizeof *b->best)
        || grow((void **)&b->prev, &b->capprev, dn, sizeof *b->prev)
        || grow((void **)&b->chain, &b->capchain, dn, sizeof *b->chain))
        return -1;
    uint32_t *best = b->best;
    int32_t *prev = b->prev, *chain = b->chain, *cpmap = map;
    if (ncp != nin) {
        if (grow((void **)&b->cpmap, &b->capcpmap, dn, sizeof *b->cpmap)) return -1;
        int32_t cp = 0;
        for (int32_t cu = 0;; cu = fwd1(in, cu, nin)) {
            b->cpmap[cp++] = map[cu];
            if (cu == nin) break;
        }
        cpmap = b->cpmap;
    }

    best[0] = 0;
    for (int32_t i = 1; i <= ncp; i++) best[i] = UINT32_MAX;
    for (int32_t i = 0; i <= ncp; i++) prev[i] = -1;

    int prev_kata = 0;
    int32_t ix = 0;
    for (int32_t i = 0; i < ncp; ++i, ix = fwd1(in, ix, nin)) {
        if (best[i] == UINT32_MAX) continue;
        /* UCharsDictionaryMatcher::matches from ix, to the end of the run */
        int32_t values[MAX_WORD_UNITS + 2], lens[MAX_WORD_UNITS + 2], count = 0, cps = 0;
        trie_walk w = {b->dict, -1};
        for (int32_t k = ix; k < nin;) {
            UChar32 c;
            U16_NEXT(in, k, nin, c);
            int r = t_next(&w, c);
            cps++;
            if (r >= T_FINAL) {
                if (count < ncp) values[count] = t_value(&w), lens[count] = cps, count++;
                if (r == T_FINAL) break;
            } else if (r == T_NO_MATCH) {
                break;
            }
            if (k - ix >= MAX_WORD_UNITS) break;
        }
        UChar32 ci = u16_at(in, ix, nin);
        if ((count == 0 || lens[0] != 1) && !(ci >= 0xac00 && ci <= 0xd7a3)) {
            values[count] = (int32_t)MAX_SNLP;
            lens[count++] = 1;
        }
        for (int32_t j = 0; j < count; j++) {
            uint32_t v = best[i] + (uint32_t)values[j];
            int32_t e = lens[j] + i;
            if (v < best[e]) best[e] = v, prev[e] = i;
        }
        /* a run of Katakana is a candidate word, costed by its length */
        int kata = is_katakana(ci);
        if (!prev_kata && kata) {
            int32_t run = 1, j = ix;
            U16_FWD_1(in, j, nin);
            while (j < nin && run < MAX_KATAKANA_GROUP && is_katakana(u16_at(in, j, nin))) {
                U16_FWD_1(in, j, nin);
                run++;
            }
            if (run < MAX_KATAKANA_GROUP) {
                static const uint32_t cost[9] = {8192, 984, 408, 240, 204, 252, 300, 372, 480};
                uint32_t v = best[i] + (run > 8 ? 8192 : cost[run]);
                if (v < best[i + run]) best[i + run] = v, prev[i + run] = i;
            }
        }
        prev_kata = kata;
    }

    /* boundaries (code point indexes), ascending */
    int32_t nb = 0;
    if (best[ncp] == UINT32_MAX) {
        chain[nb++] = ncp;
    } else {
        for (int32_t i = ncp; i > 0; i = prev[i]) chain[nb++] = i;
    }
    chain[nb++] = 0; /* the range start: never kept below */
    int32_t prev_pos = -1;
    for (int32_t k = nb - 1; k >= 0; k--) {
        int32_t pos = cpmap[chain[k]];
        if (pos > prev_pos && pos != rs) {
            if (grow((void **)&b->brk, &b->cap_brk, b->n_brk + 1, sizeof *b->brk)) return -1;
            b->brk[b->n_brk++] = pos;
        }
        prev_pos = pos;
    }
    if (b->n_brk > 0 && b->brk[b->n_brk - 1] == re) b->n_brk--;
    return 0;
}

/* DictionaryCache::populateDictionary for the rule segment [start, end) */
static int populate(cjk_breaker *b, const char *s, int32_t len, int32_t start, int32_t end)
{
    b->n_brk = 0;
    int32_t i = start, nx;
    UChar32 c = cat_char(s, i, len, &nx);
    for (;;) {
        /* no ASCII character is a dictionary one (checked when opening) */
        while (i < end && (c < 0x80 || ucptrie_get(b->cats, c) < b->dict_start)) {
            i = nx;
            if (i < len) c = cat_char(s, i, len, &nx);
        }
        if (i >= end) break;
        int eng = engine_for(b, c);
        if (eng == ENG_OTHER) return 1;
        int32_t rs = i;
        if (eng == ENG_CJK) {
            while (i < end && in_cj_set(c)) {
                i = nx;
                if (i < len) c = cat_char(s, i, len, &nx);
            }
            if (rs < i && divide(b, s, rs, i)) return -1;
        } else { /* the UnhandledEngine: skip its scripts, no breaks */
            for (;;) {
                if (i >= end) break;
                UErrorCode st = U_ZERO_ERROR;
                if ((int)uscript_getScript(c, &st) != b->unhandled_script) break;
                i = nx;
                if (i < len) c = cat_char(s, i, len, &nx);
            }
        }
    }
    return 0;
}

const cjk_boundary *cjk_break_utf8(cjk_breaker *b, const char *s, int32_t len, int32_t *n, UErrorCode *st)
{
    *n = 0;
    if (U_FAILURE(*st)) return NULL;
    b->n_out = 0;
    b->ut = utext_openUTF8(b->ut, s, len, st);
    ubrk_setUText(b->rules, b->ut, st);
    if (U_FAILURE(*st)) return NULL;
    int32_t prev = ubrk_first(b->rules);
    for (int32_t p = ubrk_next(b->rules); p != UBRK_DONE; prev = p, p = ubrk_next(b->rules)) {
        int32_t status = ubrk_getRuleStatus(b->rules);
        if (p - prev > 1) {
            int r = populate(b, s, len, prev, p);
            if (r < 0) { *st = U_MEMORY_ALLOCATION_ERROR; return NULL; }
            if (r > 0) goto fallback;
            for (int32_t k = 0; k < b->n_brk; k++)
                if (push_out(b, b->brk[k], status)) { *st = U_MEMORY_ALLOCATION_ERROR; return NULL; }
        }
        if (push_out(b, p, status)) { *st = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    }
    *n = b->n_out;
    return b->out;

fallback:
    b->fallbacks++;
    b->n_out = 0;
    ubrk_setUText(b->icu, b->ut, st);
    ubrk_first(b->icu);
    for (int32_t p = ubrk_next(b->icu); p != UBRK_DONE; p = ubrk_next(b->icu))
        if (push_out(b, p, ubrk_getRuleStatus(b->icu))) { *st = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    *n = b->n_out;
    return b->out;
}
