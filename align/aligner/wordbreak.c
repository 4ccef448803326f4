/* wordbreak.c - see wordbreak.h.
 *
 * How: ICU's word rules are taken with ubrk_getBinaryRules and reopened from
 * a copy whose forward state table sends no character class to a dictionary,
 * so the rule engine never asks for a language break engine; that iterator
 * gives ICU's rule boundaries and statuses. Each rule segment that holds
 * dictionary characters (the rules' own category trie says which) is then
 * divided as ICU's RuleBasedBreakIterator::DictionaryCache::populateDictionary
 * does: the engine choice of getLanguageBreakEngine, and for Han and kana the
 * dynamic programme of CjkBreakEngine::divideUpDictionaryRange over ICU's
 * cjdict trie, which we walk ourselves. Boundaries inside a divided segment
 * take the status of the segment's end, as ICU's cache gives them.
 * No ICU code is copied; the formats are the ones ICU documents in its
 * headers (ucharstrie.h) and data (rbbidata.h's header layout).
 */
#include "align/aligner/wordbreak.h"
#include "align/util/alloc.h"

#include <stdio.h>
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
#include <unicode/uversion.h>

/* The ICU release whose rule layout, dictionary and costs this file was
 * checked against; any other uses ICU's iterator throughout. */
#if U_ICU_VERSION_MAJOR_NUM == 72
#define OWN_DICTIONARY 1
#else
#define OWN_DICTIONARY 0
#endif

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

/* ---------------------------------------------------------------- */

#define MAX_WORD_UNITS 20     /* longest dictionary word ICU tries, in code units */
#define MAX_SNLP 255u         /* cost of a character the dictionary lacks */
#define MAX_KATAKANA_GROUP 20 /* longest Katakana run costed as a word */

struct pa_word_breaker {
    char lang[32];            /* for icu, opened when first needed */
    UBreakIterator *icu;      /* ICU's own iterator: the rules' source (or ICU's data), and fallback */
    UBreakIterator *rules;    /* its rules, dictionary classes switched off; NULL: ICU only */
    uint8_t *rules_data;      /* the binary rules of `rules`, which must outlive it */
    UDataMemory *rules_mem;   /* ICU's data they are copied from, open while they are */
    UCPTrie *cats;            /* code point -> rule category */
    uint32_t dict_start;      /* first dictionary category */
    UDataMemory *dict_mem;    /* cjdict, opened on the first Han or kana */
    const uint16_t *dict;     /* its UCharsTrie */
    const UNormalizer2 *nfkc; /* opened for the first text that needs it */
    UText *ut;
    long fallbacks;
    /* ICU's per-iterator engine list, as far as it matters here */
    int cjk_in_stack;
    int unhandled_script; /* the script ICU's UnhandledEngine takes; -1: none
                             (its handleCharacter replaces the set, so only
                             the last script given counts) */
    /* output and scratch */
    pa_word_boundary *out;
    size_t n_out, cap_out;
    int32_t *brk; /* breaks found in the current rule segment */
    size_t n_brk, cap_brk;
    UChar *u16, *nrm;
    int32_t *map, *nmap, *cpmap, *prev, *chain;
    uint32_t *best;
    size_t cap16, capmap, capn, capnmap, capcpmap, capprev, capchain, capbest;
};

static void free_breaker(void *b)
{
    pa_word_breaker_free(b);
}

void pa_word_breaker_free(pa_word_breaker *b)
{
    if (!b) return;
    if (b->rules) ubrk_close(b->rules);
    if (b->icu) ubrk_close(b->icu);
    if (b->cats) ucptrie_close(b->cats);
    if (b->dict_mem) udata_close(b->dict_mem);
    if (b->rules_mem) udata_close(b->rules_mem);
    if (b->ut) utext_close(b->ut);
    pa_free(b->rules_data);
    pa_free(b->out), pa_free(b->brk), pa_free(b->u16), pa_free(b->nrm);
    pa_free(b->map), pa_free(b->nmap), pa_free(b->cpmap), pa_free(b->prev), pa_free(b->chain);
    pa_free(b->best);
    pa_free(b);
}

int pa_word_breaker_is_own(const pa_word_breaker *b)
{
    return b->rules != NULL;
}

long pa_word_breaker_fallbacks(const pa_word_breaker *b)
{
    return b->fallbacks;
}

/* Languages whose word rules are ICU's root rules (brkitr/word.brk), as
 * ubrk_open would find them through the locale's resource bundle:
 * test_wordbreak holds each to the rules ubrk_open gives. */
const char *const pa_word_breaker_root_langs[] = {"ar", "de", "en", "es", "fr", "it", "ja", "ko", "nl", "pt", "ru",
                                                  "zh", NULL};

/* ICU's root word rules as ubrk_getBinaryRules gives them: straight from
 * ICU's data, which spares a process ICU's locale and service machinery
 * (its resource bundles and default locale, about a millisecond the first
 * time; 2% of a 40-sentence alignment). Its size into *n; NULL when ICU
 * has no such data. The caller closes *mem. */
static const uint8_t *root_rules_data(UDataMemory **mem, int32_t *n)
{
    UErrorCode st = U_ZERO_ERROR;
    *mem = udata_open(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "brkitr", "brk", "word", &st);
    if (U_FAILURE(st)) return NULL;
    const uint8_t *d = udata_getMemory(*mem);
    uint32_t len; /* RBBIDataHeader: magic, format version, length */
    memcpy(&len, d + 8, 4);
    *n = len <= INT32_MAX ? (int32_t)len : 0;
    return d;
}

/* ICU's own iterator for b's language, if not yet open. */
static int open_icu(pa_word_breaker *b, UErrorCode *st)
{
    if (!b->icu) b->icu = ubrk_open(UBRK_WORD, b->lang, NULL, 0, st);
    return U_SUCCESS(*st) ? 0 : -1;
}

void pa_word_breaker_warm_up(void)
{
    UDataMemory *mem = NULL;
    int32_t n;
    UErrorCode st = U_ZERO_ERROR;
    const uint8_t *d = root_rules_data(&mem, &n);
    if (d && n >= 80) {
        UBreakIterator *it = ubrk_openBinaryRules(d, n, NULL, 0, &st);
        if (it) ubrk_close(it);
    }
    udata_close(mem);
}

/* Opens b->rules from a copy of ICU's rules (the root rules from ICU's
 * data for the languages that use them, else those of ICU's iterator)
 * with no dictionary class; leaves it NULL (ICU only) when the rules are
 * not laid out as expected. */
static void open_own_rules(pa_word_breaker *b, int root)
{
    UErrorCode st = U_ZERO_ERROR;
    int32_t n = 0;
    if (root) {
        const uint8_t *d = root_rules_data(&b->rules_mem, &n);
        if (d && n >= 80) {
            b->rules_data = pa_malloc((size_t)n);
            memcpy(b->rules_data, d, (size_t)n);
        }
        udata_close(b->rules_mem);
        b->rules_mem = NULL;
        if (!b->rules_data) return;
    } else {
        n = ubrk_getBinaryRules(b->icu, NULL, 0, &st);
        if (U_FAILURE(st) || n < 80) return;
        b->rules_data = pa_malloc((size_t)n);
        ubrk_getBinaryRules(b->icu, b->rules_data, n, &st);
        if (U_FAILURE(st)) return;
    }
    /* RBBIDataHeader, format 6: magic, format version, length, category
     * count, forward table offset and length, reverse table offset and
     * length, trie offset and length, ... */
    uint32_t h[14];
    memcpy(h, b->rules_data, sizeof h);
    const uint8_t *ver = b->rules_data + 4;
    if (h[0] != 0xb1a0 || ver[0] != 6 || h[2] != (uint32_t)n || h[4] > (uint32_t)n - 20 || h[8] > (uint32_t)n
        || h[9] > (uint32_t)n - h[8])
        return;
    uint32_t cat_count = h[3];
    /* RBBIStateTable: number of states, row length, first dictionary category, ... */
    uint8_t *ftable = b->rules_data + h[4];
    uint32_t dict_start;
    memcpy(&dict_start, ftable + 8, 4);
    if (dict_start >= cat_count) return;
    b->cats = ucptrie_openFromBinary(UCPTRIE_TYPE_ANY, UCPTRIE_VALUE_BITS_ANY, b->rules_data + h[8], (int32_t)h[9],
                                     NULL, &st);
    if (U_FAILURE(st)) return;
    for (UChar32 c = 0; c < 0x80; c++) /* segment_dictionary skips ASCII unasked */
        if (ucptrie_get(b->cats, c) >= dict_start) return;
    memcpy(ftable + 8, &cat_count, 4); /* no category is a dictionary one */
    b->rules = ubrk_openBinaryRules(b->rules_data, n, NULL, 0, &st);
    if (U_FAILURE(st)) {
        if (b->rules) ubrk_close(b->rules);
        b->rules = NULL;
        return;
    }
    b->dict_start = dict_start;
}

pa_word_breaker *pa_word_breaker_new(const char *lang, int icu_only, pa_error *err)
{
    pa_word_breaker *b = pa_calloc(1, sizeof *b);
    pa_alloc_defer(free_breaker, b); /* its ICU objects, if an allocation fails */
    b->unhandled_script = -1;
    snprintf(b->lang, sizeof b->lang, "%s", lang);
    UErrorCode st = U_ZERO_ERROR;
    int root = 0;
    for (const char *const *r = pa_word_breaker_root_langs; OWN_DICTIONARY && !icu_only && *r; r++) root |= strcmp(*r, lang) == 0;
    if (root) {
        open_own_rules(b, 1);
        if (b->rules) { /* ICU's iterator only if a text needs it (Thai, ...) */
            pa_alloc_undefer(b);
            return b;
        }
        pa_free(b->rules_data), b->rules_data = NULL;
        if (b->cats) ucptrie_close(b->cats), b->cats = NULL;
    }
    if (open_icu(b, &st) != 0) { /* builds no dictionary engine yet */
        pa_error_set(err, PA_EINTERNAL, "cannot create a word break iterator for '%s': %s", lang, u_errorName(st));
        pa_alloc_undefer(b);
        pa_word_breaker_free(b);
        return NULL;
    }
    if (icu_only) {
        /* the reference: ICU's CJK engine built now, as the other mode
         * takes it to be (wordbreak.h) */
        static const UChar han[] = {0x4e2d, 0x6587};
        ubrk_setText(b->icu, han, 2, &st);
        while (U_SUCCESS(st) && ubrk_next(b->icu) != UBRK_DONE) {}
    } else if (OWN_DICTIONARY) {
        open_own_rules(b, 0);
    }
    pa_alloc_undefer(b); /* the caller's from here */
    return b;
}

/* ICU's Chinese and Japanese dictionary (brkitr/dictionaries/cjdict). */
static int open_dict(pa_word_breaker *b)
{
    UErrorCode st = U_ZERO_ERROR;
    b->dict_mem = udata_open(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "brkitr", "dict", "cjdict", &st);
    if (U_FAILURE(st)) return -1;
    const int32_t *ix = udata_getMemory(b->dict_mem);
    /* indexes: [0] trie offset, [4] trie type (1: UChars; 8: has values) */
    if ((ix[4] & 7) != 1 || !(ix[4] & 8) || ix[0] < 32) return -1;
    b->dict = (const uint16_t *)((const char *)ix + ix[0]);
    return 0;
}

static void push_out(pa_word_breaker *b, int32_t pos, int32_t status)
{
    PA_GROW(b->out, b->cap_out, b->n_out + 1);
    b->out[b->n_out++] = (pa_word_boundary){pos, status};
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

/* RuleBasedBreakIterator::getLanguageBreakEngine for dictionary character c:
 * an engine this iterator has already used first, then a new one. */
static int engine_for(pa_word_breaker *b, UChar32 c)
{
    int cj = in_cj_set(c);
    if (b->cjk_in_stack && cj) return ENG_CJK;
    UErrorCode st = U_ZERO_ERROR;
    int sc = (int)uscript_getScript(c, &st);
    if (sc == b->unhandled_script) return ENG_UNHANDLED;
    if (cj) { /* the process's CJK engine, taken as built (wordbreak.h) */
        b->cjk_in_stack = 1;
        return ENG_CJK;
    }
    switch (sc) {
    case USCRIPT_THAI:
    case USCRIPT_LAO:
    case USCRIPT_MYANMAR:
    case USCRIPT_KHMER:
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

/* NFKC of in[0, nin) into b->nrm, chunk by chunk at normalization
 * boundaries, with b->nmap giving each output unit the byte offset of its
 * chunk's start. Returns the output's length, or -1. */
static int32_t normalize_nfkc(pa_word_breaker *b, const UChar *in, int32_t nin, const int32_t *map)
{
    int32_t nn = 0;
    for (int32_t i = 0; i < nin;) {
        int32_t fs = i;
        UChar32 c;
        U16_NEXT(in, i, nin, c);
        while (i < nin) {
            int32_t j = i;
            U16_NEXT(in, j, nin, c);
            if (unorm2_hasBoundaryBefore(b->nfkc, c)) break;
            i = j;
        }
        UErrorCode st;
        int32_t need;
        for (;;) {
            st = U_ZERO_ERROR;
            need = unorm2_normalize(b->nfkc, in + fs, i - fs, b->nrm ? b->nrm + nn : NULL, (int32_t)b->capn - nn, &st);
            if (st == U_BUFFER_OVERFLOW_ERROR || st == U_STRING_NOT_TERMINATED_WARNING
                || (size_t)nn + (size_t)need + 1 > b->capn) {
                PA_GROW(b->nrm, b->capn, (size_t)nn + (size_t)need + 2);
                continue;
            }
            break;
        }
        if (U_FAILURE(st)) return -1;
        PA_GROW(b->nmap, b->capnmap, (size_t)nn + (size_t)need + 2);
        for (int32_t k = 0; k < need; k++) b->nmap[nn + k] = map[fs];
        nn += need;
    }
    b->nmap[nn] = map[nin];
    return nn;
}

/* CjkBreakEngine::divideUpDictionaryRange for the bytes [rs, re) of s, all
 * in the CJK set: the division into dictionary words of least total cost.
 * Its inner boundaries go to b->brk. */
static int divide(pa_word_breaker *b, const char *s, int32_t rs, int32_t re)
{
    if (!b->dict && open_dict(b)) return -1;
    /* UTF-16 copy, with the byte offset of each code unit */
    size_t span = (size_t)(re - rs) + 2;
    PA_GROW(b->u16, b->cap16, span);
    PA_GROW(b->map, b->capmap, span);
    int32_t n16 = 0;
    int plain = 1;
    for (int32_t i = rs; i < re;) {
        int32_t at = i;
        UChar32 c = cat_char(s, i, re, &i);
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
            int32_t nn = normalize_nfkc(b, in, nin, map);
            if (nn < 0) return -1;
            in = b->nrm;
            map = b->nmap;
            nin = nn;
        }
    }

    /* code points; with supplementary characters, index the map by code point */
    int32_t ncp = 0;
    for (int32_t i = 0; i < nin; ncp++) U16_FWD_1(in, i, nin);
    size_t dn = (size_t)ncp + 2;
    PA_GROW(b->best, b->capbest, dn);
    PA_GROW(b->prev, b->capprev, dn);
    PA_GROW(b->chain, b->capchain, dn);
    uint32_t *best = b->best;
    int32_t *prev = b->prev, *chain = b->chain, *cpmap = map;
    if (ncp != nin) {
        PA_GROW(b->cpmap, b->capcpmap, dn);
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
        /* the dictionary words that start at ix, to the end of the run */
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
        /* an unknown single character is a word at the highest cost
         * (Hangul syllables excepted, as in ICU) */
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

    /* the boundaries, as code point indexes, ascending */
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
            PA_GROW(b->brk, b->cap_brk, b->n_brk + 1);
            b->brk[b->n_brk++] = pos;
        }
        prev_pos = pos;
    }
    if (b->n_brk > 0 && b->brk[b->n_brk - 1] == re) b->n_brk--;
    return 0;
}

/* DictionaryCache::populateDictionary for the rule segment [start, end) of
 * s[0, len): its inner boundaries in b->brk. Returns 0, 1 when the segment
 * needs a dictionary not reproduced here, -1 on an ICU failure. */
static int segment_dictionary(pa_word_breaker *b, const char *s, int32_t len, int32_t start, int32_t end)
{
    b->n_brk = 0;
    int32_t i = start, nx;
    UChar32 c = cat_char(s, i, len, &nx);
    for (;;) {
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
        } else { /* the UnhandledEngine: skips its script, no breaks */
            while (i < end) {
                UErrorCode st = U_ZERO_ERROR;
                if ((int)uscript_getScript(c, &st) != b->unhandled_script) break;
                i = nx;
                if (i < len) c = cat_char(s, i, len, &nx);
            }
        }
    }
    return 0;
}

/* All boundaries from ICU's own iterator, already set on the text. */
static void run_icu(pa_word_breaker *b)
{
    b->n_out = 0;
    ubrk_first(b->icu);
    for (int32_t p = ubrk_next(b->icu); p != UBRK_DONE; p = ubrk_next(b->icu))
        push_out(b, p, ubrk_getRuleStatus(b->icu));
}

long pa_word_breaker_run(pa_word_breaker *b, const char *s, size_t len, const pa_word_boundary **out,
                         pa_error *err)
{
    UErrorCode st = U_ZERO_ERROR;
    *out = NULL;
    if (len >= INT32_MAX) return pa_error_set(err, PA_EINPUT, "a sentence of %zu bytes is too long to break", len);
    int32_t n = (int32_t)len;
    b->n_out = 0;
    b->ut = utext_openUTF8(b->ut, s, n, &st);
    UBreakIterator *it = b->rules ? b->rules : b->icu;
    ubrk_setUText(it, b->ut, &st);
    if (U_FAILURE(st)) return pa_error_set(err, PA_EINTERNAL, "word break failed: %s", u_errorName(st));
    if (!b->rules) {
        run_icu(b);
    } else {
        int32_t prev = ubrk_first(it);
        for (int32_t p = ubrk_next(it); p != UBRK_DONE; prev = p, p = ubrk_next(it)) {
            int32_t status = ubrk_getRuleStatus(it);
            if (p - prev > 1) {
                int r = segment_dictionary(b, s, n, prev, p);
                if (r < 0) return pa_error_set(err, PA_EINTERNAL, "word break failed: cannot read ICU's dictionary");
                if (r > 0) { /* Thai, Lao, Khmer, Myanmar: ICU's own iterator */
                    b->fallbacks++;
                    if (open_icu(b, &st) == 0) ubrk_setUText(b->icu, b->ut, &st);
                    if (U_FAILURE(st)) return pa_error_set(err, PA_EINTERNAL, "word break failed: %s", u_errorName(st));
                    run_icu(b);
                    break;
                }
                for (size_t k = 0; k < b->n_brk; k++) push_out(b, b->brk[k], status);
            }
            push_out(b, p, status);
        }
    }
    *out = b->out;
    return (long)b->n_out;
}
