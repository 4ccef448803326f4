/* rules.c - see rules.h. */
#include "align/segment/rules.h"
#include "align/segment/jregex.h"
#include "align/segment/uclass.h"
#include "align/util/alloc.h"
#include "align/util/buf.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/uregex.h>
#include <unicode/uset.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

/* A prefilter: the characters allowed at one edge of a match. */
typedef struct cfilter {
    uint32_t ascii[4]; /* bitmap of code points below 128 */
    USet *set;         /* frozen; NULL = no filter */
} cfilter;

/* A prefilter of the afterbreak's start (pa_jregex_start): at p, a run of
 * lead characters as long as the lead's repetition allows, then a
 * character of class `first` that begins one of the literal words. Only
 * built where the rest cannot begin with a lead character, so that the
 * rest must start right after the longest run. */
#define WORD_UNITS 3 /* words are probed by their first code units */
#define LEAD_SCAN 64 /* a longer run of lead characters is not filtered */

typedef struct sfilter {
    int on;
    cfilter lead;            /* set NULL: no lead */
    long lead_min, lead_max; /* lead_max -1: unbounded */
    cfilter first;           /* after the lead; set NULL: unknown */
    uint64_t *keys;          /* the words' first units (word_key), open addressing; NULL: no words */
    size_t kmask;
    int klens;               /* bit l: some key has l units */
    int ci;                  /* keys are ASCII, lower case; text is compared folded */
} sfilter;

/* A prefilter of the beforebreak's end (pa_jregex_tail): the characters
 * before p must be in the classes of one of the branches. */
typedef struct tfilter {
    int n;                               /* branches; 0: no filter */
    int len[PA_JREGEX_TAIL_BRANCHES];
    cfilter *c;                          /* branch i, k-th character back: c[i * PA_JREGEX_TAIL_CLASSES + k] */
} tfilter;

typedef struct crule {
    int is_break, line;
    int never;                /* neither pattern given: OmegaT never applies it */
    URegularExpression *test; /* lookingAt at p decides: (?<=B)(?=A), (?=A) or (?<=B) */
    /* Shipped rules: the test's pattern, compiled by each matcher the first
     * time it tests the rule (test_of), and the same without its guard,
     * should ICU refuse the guard (NULL: none); test is then NULL. */
    char *test_pat, *test_pat_unguarded;
    int test_scanned_b;       /* B cannot be a look-behind: scan it, then test A */
    URegularExpression *scan; /* B alone, searched through the text */
    URegularExpression *scan_a; /* A alone: the search pattern of a break rule driven by A */
    int drive;                /* break rules: 1 by B's match ends, 2 by A's match starts */
    int by_class;             /* ... found by the driving side's edge class, not by searching */
    URegularExpression *gate; /* B anchored with ^: where it fails at 0, the rule cannot apply */
    long gate_len;            /* ... nor past this offset (its longest match; -1 unknown) */
    cfilter last, first;
    sfilter start;            /* of the afterbreak */
    tfilter tail;             /* of the beforebreak */
    int has_suffix;           /* only rules whose B-suffix is found in the hash */
    int suffix_ci;            /* ... case-folded (see pa_ruleset.expanding) */
} crule;

/* One key of the literal-suffix hash. */
typedef struct skey {
    uint64_t hash;
    uint32_t off, len; /* in pool */
    uint32_t link;     /* first link + 1; 0 = empty slot */
    int ci;
} skey;

struct pa_ruleset {
    char *name;
    crule *r;
    size_t n;
    skey *keys;
    size_t mask; /* table size - 1 */
    UChar *pool;
    size_t pool_len, pool_cap;
    uint32_t *link_rule, *link_next;
    size_t nlinks, cap_links, cap_next;
    int lens[64];
    int nlens;
    int has_ci; /* some keys are case-folded */
    /* (?i) matches by full case folding, which the hash's simple folding
     * does not mirror: "ß" is "ss", "ﬆ" is "st". Where one of these
     * characters (`expanding`) lies among the last ci_maxlen units before
     * a position, every rule with case-folded keys is a candidate there;
     * expanding NULL with has_ci (ICU gave no list): everywhere. */
    USet *expanding;
    int ci_maxlen;
    /* Union of the edge classes that drive break rules, as BMP bitmaps
     * (supplementary characters: the sets), for one fast pass. */
    uint8_t *bmp_last, *bmp_first;
    USet *set_last, *set_first;
    size_t *class_rules; /* the break rules found by class, in order */
    size_t nclass;
    /* With at most 64 of them: for an ASCII character (index 128: the edge
     * of the text), the class rules whose filter before (after) the
     * position lets it through, bit k for class_rules[k]. */
    int ascii_masks;
    uint64_t ascii_last[129], ascii_first[129];
};

typedef struct mrule {
    URegularExpression *test, *scan, *scan_a, *gate;
    uint32_t gen_test, gen_scan, gen_scan_a, gen_ends, gen_gate, gen_gate_text;
    int gate_ok;
    int32_t *ends;
    size_t nends, cap_ends;
} mrule;

/* Class-rule masks of a character past ASCII (see class_masks). */
typedef struct char_masks {
    UChar32 c; /* the character + 1, 0: an empty slot */
    uint64_t last, first;
} char_masks;

#define CHAR_MASKS 1024 /* a direct-mapped cache: a text uses some thousands of characters */

struct pa_rulematch {
    const pa_ruleset *rs;
    mrule *m;
    const UChar *text;
    int32_t len;
    uint32_t gen;    /* text generation: matchers get the text lazily */
    uint32_t *stamp; /* stamp[r] == cand: rule r's literal suffix is present */
    uint32_t cand;
    char_masks *masks; /* CHAR_MASKS slots, made for the first text past ASCII */
};

/* ---- compiling ---- */

/* Compiles UTF-8 ICU pattern `pat`; on failure fills `err` naming the rule. */
static URegularExpression *compile(const pa_ruleset *rs, int line, const char *what, const char *orig,
                                   const char *pat, pa_error *err)
{
    UErrorCode st;
    UParseError pe = {0};
    URegularExpression *re = pa_jregex_open(pat, UREGEX_DOTALL, &pe, &st);
    if (!re) {
        if (err)
            pa_error_set(err, PA_EINPUT, "%s:%d: %s '%s' is not a regular expression ICU accepts (%s at offset %d)",
                         rs->name, line, what, orig, u_errorName(st), (int)pe.offset);
        return NULL;
    }
    return re;
}

/* A rule's combined test, `pat`, or `unguarded` (NULL: none) should ICU
 * refuse the guard that `pat` begins with; NULL when ICU refuses both, with
 * `err` (if not NULL) naming the rule. */
static URegularExpression *compile_test(const pa_ruleset *rs, int line, const char *orig, const char *pat,
                                        const char *unguarded, pa_error *err)
{
    URegularExpression *re = compile(rs, line, "rule", orig, pat, unguarded ? NULL : err);
    if (!re && unguarded) re = compile(rs, line, "rule", orig, unguarded, err);
    return re;
}

/* Whether rule `c` has an expression to test at a position (none: decide
 * applies the rule wherever its filters and scanned before-break let it). */
static int has_test(const crule *c) { return c->test || c->test_pat; }

/* Translates Java pattern `java`; `bound` bounds repetition for use inside a
 * look-behind. */
static int translate(const pa_ruleset *rs, int line, const char *what, const char *java, int bound, pa_buf *out,
                     pa_error *err)
{
    char why[128];
    if (pa_jregex_translate(java, bound, out, why, sizeof why) != 0)
        return pa_error_set(err, PA_EINPUT, "%s:%d: %s '%s': %s", rs->name, line, what, java, why);
    return 0;
}

/* A character whose full case folding is several (ß -> ss, ﬃ -> ffi),
 * with the first and last of them. */
typedef struct expansion {
    UChar32 c, first, last;
} expansion;

#define MAX_EXPANSIONS 256 /* Unicode 15 has 104 */

/* The classes built while one ruleset compiles, by pattern text: rules
 * share a few ("\\s" above all), and ICU takes some 0.3M instructions to
 * build a class with a property (uc builds each property once for all
 * the patterns); and the characters (?i) can expand. Owned by
 * pa_ruleset_compile. */
typedef struct ccache {
    expansion exp[MAX_EXPANSIONS];
    int n_exp;
    int exp_state; /* 0 not yet listed, 1 listed, -1 ICU could not list them */
    char **key;  /* "0" or "1" (ci), then the UnicodeSet pattern */
    cfilter *f;  /* set NULL: ICU refused the pattern */
    size_t n, cap_key, cap_f;
    pa_uclass_cache *uc; /* the properties the patterns name, each built once */
} ccache;

/* Lists, once a compilation, the characters whose full case folding is
 * several (see expansion). Candidates: those that change when
 * case-folded, and those whose canonical decomposition differs (the
 * property is defined on it, so "ǰ" and "ΐ", which fold to a letter and
 * a combining mark, are not in it). No allocation of ours while ICU's
 * set is held. */
static void list_expansions(ccache *cc)
{
    if (cc->exp_state) return;
    cc->exp_state = -1;
    UErrorCode st = U_ZERO_ERROR;
    static const UChar pattern[] = u"[[:Changes_When_Casefolded:][:NFD_Quick_Check=No:]]";
    USet *changes = uset_openPattern(pattern, -1, &st);
    int32_t items = U_SUCCESS(st) && changes ? uset_getItemCount(changes) : 0;
    int n = 0, ok = U_SUCCESS(st);
    for (int32_t i = 0; ok && i < items; i++) {
        UChar32 a, b;
        if (uset_getItem(changes, i, &a, &b, NULL, 0, &st) != 0 || U_FAILURE(st)) continue; /* strings: none */
        for (UChar32 c = a; ok && c <= b; c++) {
            UChar one[2], full[16];
            int32_t k = 0;
            U16_APPEND_UNSAFE(one, k, c);
            UErrorCode fst = U_ZERO_ERROR;
            int32_t len = u_strFoldCase(full, 16, one, k, U_FOLD_CASE_DEFAULT, &fst);
            if (U_FAILURE(fst) || len <= 0 || len > 16) continue;
            if (u_countChar32(full, len) < 2) continue;
            if (n == MAX_EXPANSIONS) {
                ok = 0;
                break;
            }
            int32_t q = 0;
            UChar32 first, last;
            U16_NEXT(full, q, len, first);
            q = len;
            U16_PREV(full, 0, q, last);
            cc->exp[n++] = (expansion){c, first, last};
        }
    }
    if (changes) uset_close(changes);
    if (ok && U_SUCCESS(st)) cc->n_exp = n, cc->exp_state = 1;
}

/* Under (?i) ICU compares full case foldings, so that one character of
 * the text can stand for several of the pattern and the other way round:
 * a class at a pattern's edge lets through, besides its case variants,
 * the first and last letters of its members' own foldings ("s" where it
 * has "ß"), then every character whose folding starts or ends with one
 * of those ("ß" and "ﬆ" where it has "s"; "ﬃ" where it has "ﬀ", through
 * "f"). 0, or -1 when the characters are unknown (then no filter). */
static int close_over_folding(ccache *cc, USet *set)
{
    list_expansions(cc);
    if (cc->exp_state < 0) return -1;
    uset_closeOver(set, USET_CASE_INSENSITIVE);
    USet *more = uset_openEmpty();
    for (int i = 0; i < cc->n_exp; i++)
        if (uset_contains(set, cc->exp[i].c)) uset_add(more, cc->exp[i].first), uset_add(more, cc->exp[i].last);
    uset_addAll(set, more);
    uset_closeOver(set, USET_CASE_INSENSITIVE);
    uset_clear(more);
    for (int i = 0; i < cc->n_exp; i++)
        if (uset_contains(set, cc->exp[i].first) || uset_contains(set, cc->exp[i].last)) uset_add(more, cc->exp[i].c);
    uset_addAll(set, more);
    uset_close(more);
    uset_closeOver(set, USET_CASE_INSENSITIVE);
    return 0;
}

/* Builds a prefilter from UnicodeSet pattern `cls` (UTF-8, `n` bytes),
 * closed over case and full case folding with `ci`; left off (set NULL)
 * when ICU refuses it. */
static void class_filter(ccache *cc, const char *cls, size_t n, int ci, cfilter *f)
{
    memset(f, 0, sizeof *f);
    for (size_t i = 0; i < cc->n; i++)
        if (cc->key[i][0] == '0' + ci && strlen(cc->key[i] + 1) == n && memcmp(cc->key[i] + 1, cls, n) == 0) {
            *f = cc->f[i];
            if (f->set) f->set = uset_clone(f->set); /* frozen, as the original */
            return;
        }
    /* room first: no allocation of ours may fail while an ICU set is held */
    PA_GROW(cc->key, cc->cap_key, cc->n + 1);
    PA_GROW(cc->f, cc->cap_f, cc->n + 1);
    char *k = pa_malloc(n + 2);
    k[0] = (char)('0' + ci);
    memcpy(k + 1, cls, n);
    k[n + 1] = 0;
    UErrorCode st = U_ZERO_ERROR;
    /* white space in a class is literal, as in the regex (not ignored) */
    USet *set = pa_uclass_open(cc->uc, cls, n, &st, NULL);
    if (U_SUCCESS(st) && set && ci && close_over_folding(cc, set) != 0) {
        uset_close(set);
        set = NULL;
    }
    if (U_SUCCESS(st) && set) {
        uset_freeze(set);
        f->set = set;
        for (UChar32 c = 0; c < 128; c++)
            if (uset_contains(set, c)) f->ascii[c >> 5] |= 1u << (c & 31);
    } else if (set) {
        uset_close(set);
    }
    cc->key[cc->n] = k;
    cc->f[cc->n] = *f;
    if (f->set) cc->f[cc->n].set = uset_clone(f->set);
    cc->n++;
}

/* Frees the class cache (a pa_alloc_defer cleanup, hence the void *). */
static void ccache_free(void *p)
{
    ccache *cc = p;
    for (size_t i = 0; i < cc->n; i++) {
        pa_free(cc->key[i]);
        if (cc->f[i].set) uset_close(cc->f[i].set);
    }
    pa_free(cc->key);
    pa_free(cc->f);
    pa_uclass_cache_free(cc->uc);
    pa_free(cc);
}

/* Frees an edge filter's set; the filter then lets everything through. */
static void free_filter(cfilter *f)
{
    if (f->set) uset_close(f->set);
    memset(f, 0, sizeof *f);
}

/* Builds the prefilter of one edge of `pat` (NULL pattern: none). */
static void make_filter(ccache *cc, const char *pat, int last, cfilter *f)
{
    memset(f, 0, sizeof *f);
    if (!pat) return;
    pa_buf cls = PA_BUF_INIT;
    int ci = 0;
    if (pa_jregex_edge_class(pat, last, &cls, &ci)) class_filter(cc, cls.data, cls.len, ci, f);
    pa_buf_free(&cls);
}

static int filter_pass(const cfilter *f, UChar32 c)
{
    if (!f->set) return 1;
    if (c < 0) return 0;
    if (c < 128) return (f->ascii[c >> 5] >> (c & 31)) & 1;
    return uset_contains(f->set, c);
}

/* The probe key of `n` (1..WORD_UNITS) code units: the units and n. */
static uint64_t word_key(const UChar *s, int n)
{
    uint64_t k = (uint64_t)n << 48;
    for (int i = 0; i < n; i++) k |= (uint64_t)s[i] << (16 * i);
    return k;
}

/* The slot of probe key `k` in the start filter's open-addressing table:
 * where it is, or the empty slot where it would go. */
static size_t word_slot(const sfilter *f, uint64_t k)
{
    size_t i = (size_t)((k * 0x9E3779B97F4A7C15ULL) >> 32) & f->kmask;
    while (f->keys[i] && f->keys[i] != k) i = (i + 1) & f->kmask;
    return i;
}

/* True when text `s` (`n` units left) can start with one of f's words:
 * some key equals its first units. */
static int word_at(const sfilter *f, const UChar *s, int32_t n)
{
    UChar k[WORD_UNITS];
    int avail = n < WORD_UNITS ? (int)n : WORD_UNITS;
    for (int i = 0; i < avail; i++) {
        UChar c = s[i];
        if (f->ci) {
            if (c >= 128) return 1; /* full case folding: "ß" is "ss" */
            if (c >= 'A' && c <= 'Z') c = (UChar)(c + 32);
        }
        k[i] = c;
    }
    for (int l = 1; l <= avail; l++)
        if ((f->klens >> l) & 1 && f->keys[word_slot(f, word_key(k, l))]) return 1;
    return 0;
}

/* Indexes the words (NUL-separated UTF-8) by their first units; returns 0
 * when one cannot be indexed (not UTF-8; case-insensitive and not ASCII,
 * which case folding could match otherwise) or, with a lead, when a word
 * can begin with a lead character. */
static int index_words(sfilter *f, const char *words, int n, int ci)
{
    size_t size = 16;
    while (size < (size_t)n * 2) size *= 2;
    f->keys = pa_calloc(size, sizeof *f->keys);
    f->kmask = size - 1;
    f->ci = ci;
    for (int i = 0; i < n; i++, words += strlen(words) + 1) {
        UChar u[64];
        int32_t len = 0;
        UErrorCode st = U_ZERO_ERROR;
        u_strFromUTF8(u, 64, &len, words, -1, &st);
        if (U_FAILURE(st) || len <= 0) return 0;
        int l = len < WORD_UNITS ? (int)len : WORD_UNITS;
        for (int j = 0; ci && j < l; j++) {
            if (u[j] >= 128) return 0;
            if (u[j] >= 'A' && u[j] <= 'Z') u[j] = (UChar)(u[j] + 32);
        }
        UChar32 c;
        U16_GET(u, 0, 0, len, c);
        UChar32 upper = ci && c >= 'a' && c <= 'z' ? c - 32 : c;
        if (f->lead.set && (filter_pass(&f->lead, c) || filter_pass(&f->lead, upper))) return 0;
        uint64_t k = word_key(u, l);
        f->keys[word_slot(f, k)] = k;
        f->klens |= 1 << l;
    }
    return 1;
}

/* Frees an afterbreak start filter's sets and tables. */
static void free_start(sfilter *f)
{
    free_filter(&f->lead);
    free_filter(&f->first);
    pa_free(f->keys);
    memset(f, 0, sizeof *f);
}

/* Builds the start filter of afterbreak `pat` (NULL: none). It is left off
 * unless the lead's characters cannot begin the rest (then a match's rest
 * begins exactly where the run of lead characters ends) and something
 * after the lead is known. */
static void make_start(ccache *cc, const char *pat, sfilter *f)
{
    memset(f, 0, sizeof *f);
    if (!pat) return;
    pa_jregex_start st;
    int ok = pa_jregex_read_start(pat, &st);
    if (ok && st.lead.len) {
        class_filter(cc, st.lead.data, st.lead.len, st.ci, &f->lead);
        f->lead_min = st.lead_min;
        f->lead_max = st.lead_max;
        if (st.first.len) class_filter(cc, st.first.data, st.first.len, st.ci, &f->first);
        ok = f->lead.set != NULL;
        if (ok && f->first.set && uset_containsSome(f->lead.set, f->first.set)) ok = 0;
    }
    if (ok && st.nwords && !index_words(f, st.words.data, st.nwords, st.ci)) {
        pa_free(f->keys);
        f->keys = NULL;
        f->klens = 0;
        ok = !f->lead.set; /* a word may begin inside the run */
    }
    ok = ok && (f->first.set || f->keys);
    pa_jregex_start_free(&st);
    if (ok) f->on = 1;
    else free_start(f);
}

/* False when the afterbreak cannot match at p (see sfilter). */
static int start_pass(const sfilter *f, const UChar *t, int32_t len, int32_t p)
{
    if (!f->on) return 1;
    int32_t q = p;
    if (f->lead.set) {
        long run = 0;
        while (q < len) {
            UChar32 c;
            int32_t at = q;
            U16_NEXT(t, q, len, c);
            if (!filter_pass(&f->lead, c)) {
                q = at;
                break;
            }
            run++;
            if (f->lead_max >= 0 && run > f->lead_max) return 0;
            if (run > LEAD_SCAN) return 1;
        }
        if (run < f->lead_min) return 0;
    }
    if (f->first.set) { /* under (?i) closed over full case folding (class_filter) */
        UChar32 c = -1;
        if (q < len) U16_GET(t, 0, q, len, c);
        if (!filter_pass(&f->first, c)) return 0;
    }
    /* the keys are ASCII and simply folded: a character that full folding
     * makes ASCII ("ß", the Kelvin sign) goes to ICU */
    if (f->ci && q < len && t[q] >= 128) return 1;
    return !f->keys || word_at(f, t + q, len - q);
}

/* Frees a beforebreak tail filter's classes. */
static void free_tail(tfilter *f)
{
    for (int i = 0; f->c && i < f->n * PA_JREGEX_TAIL_CLASSES; i++) free_filter(&f->c[i]);
    pa_free(f->c);
    memset(f, 0, sizeof *f);
}

/* Builds the tail filter of beforebreak `pat` (NULL: none). A class ICU
 * does not take lets every character through. */
static void make_tail(ccache *cc, const char *pat, tfilter *f)
{
    memset(f, 0, sizeof *f);
    if (!pat) return;
    pa_jregex_tail t;
    if (pa_jregex_read_tail(pat, &t)) {
        f->c = pa_calloc((size_t)t.n * PA_JREGEX_TAIL_CLASSES, sizeof *f->c);
        f->n = t.n;
        const char *cls = t.cls.data;
        for (int i = 0; i < t.n; i++) {
            f->len[i] = t.len[i];
            for (int k = 0; k < t.len[i]; k++, cls += strlen(cls) + 1)
                class_filter(cc, cls, strlen(cls), 0, &f->c[i * PA_JREGEX_TAIL_CLASSES + k]);
        }
    }
    pa_jregex_tail_free(&t);
}

/* False when the beforebreak cannot match ending at p (see tfilter). */
static int tail_pass(const tfilter *f, const UChar *t, int32_t p)
{
    for (int i = 0; i < f->n; i++) {
        int32_t q = p;
        int k = 0;
        for (; k < f->len[i] && q > 0; k++) {
            UChar32 c;
            U16_PREV(t, 0, q, c);
            if (!filter_pass(&f->c[i * PA_JREGEX_TAIL_CLASSES + k], c)) break;
        }
        if (k == f->len[i]) return 1;
    }
    return f->n == 0;
}

static uint64_t key_hash(const UChar *s, int32_t n, int ci)
{
    uint64_t h = 1469598103934665603ULL ^ (uint64_t)ci;
    for (int32_t i = 0; i < n; i++) h = (h ^ s[i]) * 1099511628211ULL;
    return h;
}

/* Simple (1:1) case folding of a UTF-16 string in place; returns -1 when a
 * character needs full folding (ß -> ss), which a fixed-length probe cannot
 * mirror. */
static int fold_simple(UChar *s, int32_t n)
{
    for (int32_t i = 0; i < n;) {
        UChar32 c;
        int32_t at = i;
        U16_NEXT(s, i, n, c);
        UChar32 f = u_foldCase(c, U_FOLD_CASE_DEFAULT);
        if (U16_LENGTH(f) != i - at) return -1;
        UChar full[8];
        UChar one[2];
        int32_t k = 0;
        U16_APPEND_UNSAFE(one, k, c);
        UErrorCode st = U_ZERO_ERROR;
        if (u_strFoldCase(full, 8, one, k, U_FOLD_CASE_DEFAULT, &st) != U16_LENGTH(f)) return -1;
        k = at;
        U16_APPEND_UNSAFE(s, k, f);
    }
    return 0;
}

/* Simple case folding of text for a probe (ASCII fast path). */
static void fold_text(UChar *dst, const UChar *s, int32_t n)
{
    for (int32_t i = 0; i < n;) {
        UChar c = s[i];
        if (c < 128) {
            dst[i++] = c >= 'A' && c <= 'Z' ? (UChar)(c + 32) : c;
            continue;
        }
        UChar32 cp;
        int32_t at = i;
        U16_NEXT(s, i, n, cp);
        UChar32 f = u_foldCase(cp, U_FOLD_CASE_DEFAULT);
        if (U16_LENGTH(f) != i - at) f = cp;
        U16_APPEND_UNSAFE(dst, at, f);
    }
}

static skey *key_slot(const pa_ruleset *rs, const UChar *s, int32_t n, int ci, uint64_t h)
{
    for (size_t i = (size_t)h & rs->mask;; i = (i + 1) & rs->mask) {
        skey *k = &rs->keys[i];
        if (!k->link) return k;
        if (k->hash == h && k->ci == ci && k->len == (uint32_t)n && memcmp(rs->pool + k->off, s, (size_t)n * 2) == 0)
            return k;
    }
}

static void add_key(pa_ruleset *rs, const UChar *s, int32_t n, int ci, uint32_t rule)
{
    uint64_t h = key_hash(s, n, ci);
    skey *k = key_slot(rs, s, n, ci, h);
    if (!k->link) {
        pa_grow((void **)&rs->pool, &rs->pool_cap, rs->pool_len + (size_t)n, sizeof *rs->pool);
        memcpy(rs->pool + rs->pool_len, s, (size_t)n * 2);
        k->hash = h, k->ci = ci, k->len = (uint32_t)n, k->off = (uint32_t)rs->pool_len;
        rs->pool_len += (size_t)n;
        int known = 0;
        for (int i = 0; i < rs->nlens; i++) known |= rs->lens[i] == n;
        if (!known) rs->lens[rs->nlens++] = n;
    }
    PA_GROW(rs->link_rule, rs->cap_links, rs->nlinks + 1);
    PA_GROW(rs->link_next, rs->cap_next, rs->nlinks + 1);
    rs->link_rule[rs->nlinks] = rule;
    rs->link_next[rs->nlinks] = k->link;
    k->link = (uint32_t)++rs->nlinks;
}

/* Collects the literal suffixes of rule r's beforebreak into the hash; a
 * rule whose suffixes cannot all be indexed is tested at every candidate. */
static void index_suffixes(pa_ruleset *rs, size_t r, const char *before, size_t *nkeys_hint)
{
    pa_buf list = PA_BUF_INIT;
    int ci = 0;
    int n = pa_jregex_literal_suffixes(before, &list, &ci);
    if (n <= 0) {
        pa_buf_free(&list);
        return;
    }
    /* All suffixes must fit the probe lengths; check before adding any. */
    UChar *keys = pa_malloc((size_t)n * 64 * sizeof *keys);
    int32_t *klen = pa_malloc((size_t)n * sizeof *klen);
    const char *s = list.data;
    int ok = 1;
    for (int i = 0; i < n && ok; i++, s += strlen(s) + 1) {
        UErrorCode st = U_ZERO_ERROR;
        u_strFromUTF8(keys + (size_t)i * 64, 64, &klen[i], s, -1, &st);
        ok = U_SUCCESS(st) && klen[i] > 0 && klen[i] < 64;
        if (ok && ci) ok = fold_simple(keys + (size_t)i * 64, klen[i]) == 0;
    }
    int newlens = 0;
    for (int i = 0; i < n && ok; i++) {
        int known = 0;
        for (int j = 0; j < rs->nlens; j++) known |= rs->lens[j] == klen[i];
        for (int j = 0; j < i; j++) known |= klen[j] == klen[i];
        newlens += !known;
    }
    if (ok && rs->nlens + newlens <= 64) {
        /* grow the table to keep it at most half full */
        size_t need = (*nkeys_hint + (size_t)n) * 2;
        if (need > rs->mask + 1) {
            size_t size = rs->mask + 1;
            while (size < need) size *= 2;
            skey *old = rs->keys;
            size_t oldsize = rs->mask + 1;
            rs->keys = pa_calloc(size, sizeof *rs->keys);
            rs->mask = size - 1;
            for (size_t i = 0; i < oldsize; i++)
                if (old[i].link) {
                    for (size_t j = (size_t)old[i].hash & rs->mask;; j = (j + 1) & rs->mask)
                        if (!rs->keys[j].link) {
                            rs->keys[j] = old[i];
                            break;
                        }
                }
            pa_free(old);
        }
        for (int i = 0; i < n; i++) add_key(rs, keys + (size_t)i * 64, klen[i], ci, (uint32_t)r);
        for (int i = 0; ci && i < n; i++)
            if (klen[i] > rs->ci_maxlen) rs->ci_maxlen = klen[i];
        rs->has_ci |= ci;
        rs->r[r].suffix_ci = ci;
        *nkeys_hint += (size_t)n;
        rs->r[r].has_suffix = 1;
    }
    pa_free(keys);
    pa_free(klen);
    pa_buf_free(&list);
}

/* True when a pattern is a poor driver: its edge class is unknown or takes
 * white space or almost anything. */
static int broad(const cfilter *f)
{
    if (!f->set) return 1;
    return uset_contains(f->set, ' ') || uset_size(f->set) > 5000;
}

/* A matcher of `re` for one thread; every match it runs is time-limited
 * (see PA_JREGEX_TIME_LIMIT: a clone does not inherit a limit). */
static URegularExpression *clone(URegularExpression *re, UErrorCode *st)
{
    URegularExpression *c = re && U_SUCCESS(*st) ? uregex_clone(re, st) : NULL;
    if (c) uregex_setTimeLimit(c, PA_JREGEX_TIME_LIMIT, st);
    return c;
}

/* The expression of one side alone (pattern `pat`), for a scan, a gate or
 * a test: *alone if the side was compiled for its validation (which
 * leaves *alone NULL), else a clone of `taken` (an object that already
 * holds it; a clone shares the compiled pattern), else compiled now. ICU
 * builds a property class such as \p{Lu} anew in every compile, and
 * compiling was most of the start-up of a small document's segmentation.
 * NULL with `err` set on failure. */
static URegularExpression *side_regex(URegularExpression **alone, URegularExpression *taken, const pa_ruleset *rs,
                                      int line, const char *what, const char *orig, const char *pat, pa_error *err)
{
    if (*alone) {
        URegularExpression *re = *alone;
        *alone = NULL;
        return re;
    }
    if (!taken) return compile(rs, line, what, orig, pat, err);
    UErrorCode st = U_ZERO_ERROR;
    URegularExpression *re = clone(taken, &st);
    if (!re || U_FAILURE(st)) {
        if (re) uregex_close(re);
        pa_error_set(err, PA_EINTERNAL, "%s:%d: cannot copy a compiled expression: %s", rs->name, line,
                     u_errorName(st));
        return NULL;
    }
    return re;
}

/* Compiles rule `sr` as rule idx of `rs`. With `lazy` (rules known to
 * compile: the shipped ones, which rulecheck compiles whole), the test of
 * a rule without back-references is left to the matchers, as a pattern:
 * a text tests a few of a language's rules (six of English's 33 on 400
 * lines of UN text), and each compile costs ICU its property classes anew
 * (half of aligning a short document from raw text). */
static int compile_rule(pa_ruleset *rs, size_t idx, const pa_srx_rule *sr, size_t *nkeys, ccache *cc, int lazy,
                        pa_error *err)
{
    crule *c = &rs->r[idx];
    c->is_break = sr->is_break;
    c->line = sr->line;
    if (!sr->before && !sr->after) {
        c->never = 1;
        return 0;
    }
    pa_buf b = PA_BUF_INIT, bb = PA_BUF_INIT, a = PA_BUF_INIT, both = PA_BUF_INIT;
    int rc = -1;
    URegularExpression *b_alone = NULL, *a_alone = NULL;
    if (sr->before) {
        if (translate(rs, sr->line, "beforebreak", sr->before, 0, &b, err) != 0) goto out;
        if (translate(rs, sr->line, "beforebreak", sr->before, 1, &bb, err) != 0) goto out;
    }
    if (sr->after && translate(rs, sr->line, "afterbreak", sr->after, 0, &a, err) != 0) goto out;
    int backref = (sr->before && pa_jregex_has_backref(sr->before)) || (sr->after && pa_jregex_has_backref(sr->after));
    if (!backref) {
        /* Cheapest first (the assertions hold at the same position, so
         * their order does not change the result): B's guard, a short
         * look-behind (jregex.h); A, which starts at p; B, whose bounded
         * repetitions make ICU try every start up to
         * PA_JREGEX_LOOKBEHIND_MAX characters back. */
        pa_buf gj = PA_BUF_INIT, g = PA_BUF_INIT;
        if (sr->before && pa_jregex_suffix_guard(sr->before, &gj) &&
            translate(rs, sr->line, "beforebreak", gj.data, 1, &g, NULL) == 0)
            pa_buf_printf(&both, "(?<=%s)", g.data);
        size_t guard_len = both.len;
        if (sr->after) pa_buf_printf(&both, "(?=%s)", a.data);
        if (sr->before) pa_buf_printf(&both, "(?<=%s)", bb.data);
        const char *orig = sr->before ? sr->before : sr->after;
        if (lazy) {
            c->test_pat = pa_strdup(both.data);
            if (guard_len) c->test_pat_unguarded = pa_strdup(both.data + guard_len);
        } else {
            c->test = compile_test(rs, sr->line, orig, both.data, guard_len ? both.data + guard_len : NULL, NULL);
        }
        pa_buf_free(&gj);
        pa_buf_free(&g);
    }
    if (!has_test(c)) {
        /* Each side alone first, so that a message points into the
         * user's pattern (where both compiled together, each alone
         * compiles too: it is only compiled where it is used). */
        if (sr->before && !(b_alone = compile(rs, sr->line, "beforebreak", sr->before, b.data, err))) goto out;
        if (sr->after && !(a_alone = compile(rs, sr->line, "afterbreak", sr->after, a.data, err))) goto out;
        /* B cannot be a look-behind (or there are back-references): find
         * B's matches by searching, then test A alone (no A: always). */
        c->test_scanned_b = sr->before != NULL;
        if (sr->after && !(c->test = side_regex(&a_alone, NULL, rs, sr->line, "afterbreak", sr->after, a.data, err)))
            goto out;
    }
    make_filter(cc, sr->before, 1, &c->last);
    make_filter(cc, sr->after, 0, &c->first);
    make_start(cc, sr->after, &c->start);
    make_tail(cc, sr->before, &c->tail);
    if (sr->is_break) {
        /* Search with the more selective side. */
        c->drive = !sr->before ? 2 : (!sr->after || !broad(&c->last)) ? 1 : broad(&c->first) ? 1 : 2;
        const cfilter *f = c->drive == 1 ? &c->last : &c->first;
        c->by_class = f->set != NULL && !c->test_scanned_b && has_test(c) && !uset_contains(f->set, ' ');
    }
    /* The searches only where they run: a break rule found by its edge
     * class never searches (most break rules: English has 10 of 10), and
     * each search compiled costs ICU its property classes anew, the
     * most of a small text's segmentation. */
    int search = sr->is_break && !c->by_class;
    if (sr->after && search && c->drive == 2 &&
        !(c->scan_a = side_regex(&a_alone, c->test_scanned_b ? c->test : NULL, rs, sr->line, "afterbreak", sr->after,
                                 a.data, err)))
        goto out;
    if (sr->before && ((search && c->drive == 1) || c->test_scanned_b) &&
        !(c->scan = side_regex(&b_alone, NULL, rs, sr->line, "beforebreak", sr->before, b.data, err)))
        goto out;
    /* B anchored with ^: where it fails at 0, the rule cannot apply
     * (no-break rules too: "^\s*1\." tried as a look-behind costs ICU a
     * start per character up to PA_JREGEX_LOOKBEHIND_MAX back). Only a
     * pattern anchored at the start as a whole can gate: "^?x" and "^a|b"
     * match elsewhere too. */
    if (sr->before && pa_jregex_anchored(b.data) &&
        !(c->gate = side_regex(&b_alone, c->scan, rs, sr->line, "beforebreak", sr->before, b.data, err)))
        goto out;
    c->gate_len = c->gate && !c->test_scanned_b ? pa_jregex_max_length(sr->before) : -1;
    if (sr->before && !c->test_scanned_b) index_suffixes(rs, idx, sr->before, nkeys);
    rc = 0;
out:
    if (b_alone) uregex_close(b_alone);
    if (a_alone) uregex_close(a_alone);
    pa_buf_free(&b);
    pa_buf_free(&bb);
    pa_buf_free(&a);
    pa_buf_free(&both);
    return rc;
}

/* Adds set `u` to BMP bitmap `bmp` and union set `all`. */
static void union_add(uint8_t *bmp, USet *all, const USet *u)
{
    int32_t n = uset_getItemCount(u);
    for (int32_t i = 0; i < n; i++) {
        UChar32 a, b;
        UErrorCode st = U_ZERO_ERROR;
        if (uset_getItem(u, i, &a, &b, NULL, 0, &st) != 0) continue; /* a string item */
        uset_addRange(all, a, b);
        for (UChar32 c = a; c <= b && c < 0x10000; c++) bmp[c >> 3] |= (uint8_t)(1u << (c & 7));
    }
}

/* Prepares the one pass that finds the positions of class-driven break
 * rules (see pa_rulematch_break_candidates). */
static void build_class_union(pa_ruleset *rs)
{
    rs->bmp_last = pa_calloc(8192, 1);
    rs->bmp_first = pa_calloc(8192, 1);
    rs->set_last = uset_openEmpty();
    rs->set_first = uset_openEmpty();
    rs->class_rules = pa_calloc(rs->n ? rs->n : 1, sizeof *rs->class_rules);
    for (size_t i = 0; i < rs->n; i++) {
        const crule *c = &rs->r[i];
        if (!c->is_break || c->never || !c->by_class) continue;
        if (c->drive == 1) union_add(rs->bmp_last, rs->set_last, c->last.set);
        else union_add(rs->bmp_first, rs->set_first, c->first.set);
        rs->class_rules[rs->nclass++] = i;
    }
    uset_freeze(rs->set_last);
    uset_freeze(rs->set_first);
    rs->ascii_masks = rs->nclass <= 64;
    for (size_t k = 0; rs->ascii_masks && k < rs->nclass; k++) {
        const crule *c = &rs->r[rs->class_rules[k]];
        for (UChar32 ch = -1; ch < 128; ch++) {
            int at = ch < 0 ? 128 : ch;
            if (filter_pass(&c->last, ch)) rs->ascii_last[at] |= (uint64_t)1 << k;
            if (filter_pass(&c->first, ch)) rs->ascii_first[at] |= (uint64_t)1 << k;
        }
    }
}

static void free_ruleset(void *rs)
{
    pa_ruleset_free(rs);
}

/* pa_ruleset_compile, with compile_rule's `lazy`. */
static pa_ruleset *ruleset_compile(const char *name, const pa_srx_rule *const *rules, size_t n, int lazy,
                                   pa_error *err)
{
    pa_ruleset *rs = pa_calloc(1, sizeof *rs);
    rs->name = pa_strdup(name);
    rs->r = pa_calloc(n ? n : 1, sizeof *rs->r);
    rs->n = n;
    rs->mask = 15;
    rs->keys = pa_calloc(rs->mask + 1, sizeof *rs->keys);
    pa_alloc_defer(free_ruleset, rs); /* its ICU objects, if the call fails */
    size_t nkeys = 0;
    /* on the heap: a failing allocation unwinds past this frame before
     * the cleanup runs */
    ccache *cc = pa_calloc(1, sizeof *cc);
    pa_alloc_defer(ccache_free, cc);
    cc->uc = pa_uclass_cache_new();
    for (size_t i = 0; i < n; i++)
        if (compile_rule(rs, i, rules[i], &nkeys, cc, lazy, err) != 0) {
            pa_alloc_undefer(cc);
            ccache_free(cc);
            pa_ruleset_free(rs);
            return NULL;
        }
    if (rs->has_ci) {
        /* the characters (?i) can expand, for probe_suffixes */
        list_expansions(cc);
        if (cc->exp_state > 0) {
            USet *e = uset_openEmpty();
            for (int i = 0; i < cc->n_exp; i++) uset_add(e, cc->exp[i].c);
            uset_freeze(e);
            rs->expanding = e;
        }
    }
    pa_alloc_undefer(cc);
    ccache_free(cc);
    build_class_union(rs);
    pa_alloc_undefer(rs);
    return rs;
}

pa_ruleset *pa_ruleset_compile(const char *name, const pa_srx_rule *const *rules, size_t n, pa_error *err)
{
    return ruleset_compile(name, rules, n, 0, err);
}

pa_ruleset *pa_ruleset_compile_shipped(const char *name, const pa_srx_rule *const *rules, size_t n, pa_error *err)
{
    return ruleset_compile(name, rules, n, 1, err);
}

void pa_ruleset_free(pa_ruleset *rs)
{
    if (!rs) return;
    pa_alloc_undefer(rs);
    for (size_t i = 0; i < rs->n; i++) {
        crule *c = &rs->r[i];
        if (c->test) uregex_close(c->test);
        if (c->scan) uregex_close(c->scan);
        if (c->scan_a) uregex_close(c->scan_a);
        if (c->gate) uregex_close(c->gate);
        pa_free(c->test_pat), pa_free(c->test_pat_unguarded);
        free_filter(&c->last);
        free_filter(&c->first);
        free_start(&c->start);
        free_tail(&c->tail);
    }
    pa_free(rs->r);
    pa_free(rs->bmp_last);
    pa_free(rs->bmp_first);
    if (rs->set_last) uset_close(rs->set_last);
    if (rs->set_first) uset_close(rs->set_first);
    if (rs->expanding) uset_close(rs->expanding);
    pa_free(rs->class_rules);
    pa_free(rs->keys);
    pa_free(rs->pool);
    pa_free(rs->link_rule);
    pa_free(rs->link_next);
    pa_free(rs->name);
    pa_free(rs);
}

/* ---- matching ---- */

pa_rulematch *pa_rulematch_new(const pa_ruleset *rs, pa_error *err)
{
    pa_rulematch *m = pa_calloc(1, sizeof *m);
    m->rs = rs;
    m->m = pa_calloc(rs->n ? rs->n : 1, sizeof *m->m);
    m->stamp = pa_calloc(rs->n ? rs->n : 1, sizeof *m->stamp);
    m->gen = 1;
    UErrorCode st = U_ZERO_ERROR;
    for (size_t i = 0; i < rs->n; i++) {
        m->m[i].test = clone(rs->r[i].test, &st);
        m->m[i].scan = clone(rs->r[i].scan, &st);
        m->m[i].scan_a = clone(rs->r[i].scan_a, &st);
        m->m[i].gate = clone(rs->r[i].gate, &st);
    }
    if (U_FAILURE(st)) {
        pa_error_set(err, PA_EINTERNAL, "%s: cannot copy the compiled rules (ICU: %s)", rs->name, u_errorName(st));
        pa_rulematch_free(m);
        return NULL;
    }
    return m;
}

void pa_rulematch_free(pa_rulematch *m)
{
    if (!m) return;
    for (size_t i = 0; i < m->rs->n; i++) {
        if (m->m[i].test) uregex_close(m->m[i].test);
        if (m->m[i].scan) uregex_close(m->m[i].scan);
        if (m->m[i].scan_a) uregex_close(m->m[i].scan_a);
        if (m->m[i].gate) uregex_close(m->m[i].gate);
        pa_free(m->m[i].ends);
    }
    pa_free(m->m);
    pa_free(m->stamp);
    pa_free(m->masks);
    pa_free(m);
}

void pa_rulematch_set_text(pa_rulematch *m, const UChar *text, int32_t len)
{
    m->text = text;
    m->len = len;
    m->gen++;
}

/* Gives `re` the current text if it does not have it yet. */
static int ready(pa_rulematch *m, URegularExpression *re, uint32_t *gen, UErrorCode *st)
{
    if (*gen == m->gen) return 0;
    uregex_setText(re, m->text, m->len, st);
    *gen = m->gen;
    return U_FAILURE(*st) ? -1 : 0;
}

static int icu_failed(const pa_rulematch *m, size_t r, UErrorCode st, pa_error *err)
{
    if (st == U_REGEX_TIME_OUT) /* the rule's pattern is at fault, not ICU */
        return pa_error_set(err, PA_EINPUT, "%s:%d: rule takes too long to match (ICU: %s)", m->rs->name,
                            m->rs->r[r].line, u_errorName(st));
    return pa_error_set(err, PA_EINTERNAL, "%s:%d: rule evaluation failed (ICU: %s)", m->rs->name,
                        m->rs->r[r].line, u_errorName(st));
}

/* Searches `re` through the text, appending match ends (or starts). */
static int scan_all(pa_rulematch *m, size_t r, URegularExpression *re, uint32_t *gen, int starts, int32_t **pos,
                    size_t *n, size_t *cap, pa_error *err)
{
    UErrorCode st = U_ZERO_ERROR;
    if (ready(m, re, gen, &st) != 0) return icu_failed(m, r, st, err);
    uregex_reset(re, 0, &st);
    while (uregex_findNext(re, &st)) {
        int32_t p = starts ? uregex_start(re, 0, &st) : uregex_end(re, 0, &st);
        PA_GROW(*pos, *cap, *n + 1);
        (*pos)[(*n)++] = p;
    }
    if (U_FAILURE(st)) return icu_failed(m, r, st, err);
    return 0;
}

/* Whether rule r's gate (its ^-anchored beforebreak) matches the current
 * text at all; rules without a gate pass. Computed once per text. */
static int gate_open(pa_rulematch *m, size_t r, pa_error *err)
{
    mrule *mr = &m->m[r];
    if (!mr->gate) return 1;
    if (mr->gen_gate != m->gen) {
        UErrorCode st = U_ZERO_ERROR;
        if (ready(m, mr->gate, &mr->gen_gate_text, &st) != 0) return icu_failed(m, r, st, err), -1;
        mr->gate_ok = uregex_lookingAt(mr->gate, 0, &st);
        if (U_FAILURE(st)) return icu_failed(m, r, st, err), -1;
        mr->gen_gate = m->gen;
    }
    return mr->gate_ok;
}

static int in_bmp(const uint8_t *bmp, const USet *set, UChar32 c)
{
    if (c < 0) return 0;
    if (c < 0x10000) return (bmp[c >> 3] >> (c & 7)) & 1;
    return uset_contains(set, c);
}

/* Rule r's test in this matcher, compiled now if the rule's pattern waits
 * for its first use (compile_rule's lazy); NULL with `err` set when ICU
 * refuses it, which the shipped rules never make it do. */
static URegularExpression *test_of(pa_rulematch *m, size_t r, pa_error *err)
{
    mrule *mr = &m->m[r];
    if (mr->test) return mr->test;
    const crule *c = &m->rs->r[r];
    URegularExpression *re = compile_test(m->rs, c->line, c->test_pat, c->test_pat, c->test_pat_unguarded, err);
    if (!re) return NULL;
    UErrorCode st = U_ZERO_ERROR;
    uregex_setTimeLimit(re, PA_JREGEX_TIME_LIMIT, &st); /* as clone() does for the whole compile's */
    return mr->test = re;
}

int pa_rulematch_compile_tests(pa_rulematch *m, pa_error *err)
{
    for (size_t r = 0; r < m->rs->n; r++)
        if (m->rs->r[r].test_pat && !test_of(m, r, err)) return -1;
    return 0;
}

/* Tests rule r at p with its full expression. */
static int test_at(pa_rulematch *m, size_t r, int32_t p, pa_error *err)
{
    mrule *mr = &m->m[r];
    /* A match of an anchored B starts at 0: none ends beyond its longest. */
    long far = m->rs->r[r].gate_len;
    if (far >= 0 && p > far) return 0;
    if (!start_pass(&m->rs->r[r].start, m->text, m->len, p)) return 0;
    if (!tail_pass(&m->rs->r[r].tail, m->text, p)) return 0;
    URegularExpression *test = test_of(m, r, err);
    if (!test) return -1;
    UErrorCode st = U_ZERO_ERROR;
    if (ready(m, test, &mr->gen_test, &st) != 0) return icu_failed(m, r, st, err), -1;
    UBool hit = uregex_lookingAt(test, p, &st);
    if (U_FAILURE(st)) return icu_failed(m, r, st, err), -1;
    return hit;
}

/* Which class rules (bit k: rs->class_rules[k]) may break after `prev`
 * (*last) and before `next` (*first), as the ASCII tables say for ASCII:
 * filter_pass of each rule's filters, worked out once a character. Only
 * with rs->ascii_masks; prev and next of -1 are the text's ends. */
static uint64_t class_masks(pa_rulematch *m, UChar32 ch, int want_last)
{
    const pa_ruleset *rs = m->rs;
    if (ch < 128) return want_last ? rs->ascii_last[ch < 0 ? 128 : ch] : rs->ascii_first[ch < 0 ? 128 : ch];
    if (!m->masks) m->masks = pa_calloc(CHAR_MASKS, sizeof *m->masks);
    char_masks *e = &m->masks[(uint32_t)ch % CHAR_MASKS];
    if (e->c != ch + 1) {
        e->c = ch + 1, e->last = e->first = 0;
        for (size_t k = 0; k < rs->nclass; k++) {
            const crule *c = &rs->r[rs->class_rules[k]];
            if (filter_pass(&c->last, ch)) e->last |= (uint64_t)1 << k;
            if (filter_pass(&c->first, ch)) e->first |= (uint64_t)1 << k;
        }
    }
    return want_last ? e->last : e->first;
}

/* Class rule r at p, if its gate opens on the text (run now if it has not
 * been): 1 when it matches there, 0 when not, -1 on failure. */
static int try_class_rule(pa_rulematch *m, size_t r, int32_t p, pa_error *err)
{
    int g = gate_open(m, r, err);
    return g <= 0 ? g : test_at(m, r, p, err);
}

int pa_rulematch_break_candidates(pa_rulematch *m, int32_t **pos, size_t *n, size_t *cap, pa_error *err)
{
    const pa_ruleset *rs = m->rs;
    /* Rules whose driving side has no usable class: search for it. */
    for (size_t i = 0; i < rs->n; i++) {
        const crule *c = &rs->r[i];
        if (!c->is_break || c->never || c->by_class) continue;
        int g = gate_open(m, i, err);
        if (g < 0) return -1;
        if (!g) continue;
        mrule *mr = &m->m[i];
        int rc = c->drive == 2 ? scan_all(m, i, mr->scan_a, &mr->gen_scan_a, 1, pos, n, cap, err)
                               : scan_all(m, i, mr->scan, &mr->gen_scan, 0, pos, n, cap, err);
        if (rc != 0) return -1;
    }
    if (!rs->nclass) return 0;
    /* The others: one pass over the text, testing a rule only where the
     * character before (or after) the position is in its class. */
    int any = 0;
    /* The class rules whose gate is open, as bits. With the masks, a gate
     * not yet run on this text counts as open until a position needs its
     * rule (most lines offer a gated rule no position: its anchored
     * pattern, run on every line, was a tenth of segmenting Chinese). */
    uint64_t open = 0;
    for (size_t k = 0; k < rs->nclass; k++) {
        size_t r = rs->class_rules[k];
        int g = rs->ascii_masks && m->m[r].gate && m->m[r].gen_gate != m->gen ? 1 : gate_open(m, r, err);
        if (g < 0) return -1;
        any |= g;
        if (g && k < 64) open |= (uint64_t)1 << k;
    }
    if (!any) return 0;
    const UChar *t = m->text;
    UChar32 prev = -1, next;
    for (int32_t p = 0; p <= m->len; p++) {
        /* Most positions have ASCII on both sides and no rule to test
         * (the masks below say so): passed over in a loop of their own,
         * a third of the instructions a position. */
        if (rs->ascii_masks && prev >= 0 && prev < 128)
            while (p < m->len && t[p] < 128 && !(rs->ascii_last[prev] & rs->ascii_first[t[p]] & open)) prev = t[p++];
        next = p < m->len ? t[p] : -1;
        if (next >= 0 && U16_IS_SURROGATE(next)) {
            if (U16_IS_TRAIL(next)) continue; /* inside a pair */
            U16_GET(t, 0, p, m->len, next);
        }
        /* The rules to test at once from the masks (the same rules as
         * the filters below let through, in the same order) */
        int hit = 0;
        if (rs->ascii_masks) {
            uint64_t rules = 0;
            if ((prev < 128 && next < 128) || in_bmp(rs->bmp_last, rs->set_last, prev) ||
                in_bmp(rs->bmp_first, rs->set_first, next))
                rules = class_masks(m, prev, 1) & class_masks(m, next, 0) & open;
            for (; rules && !hit; rules &= rules - 1) {
                size_t r = rs->class_rules[__builtin_ctzll(rules)];
                if ((hit = try_class_rule(m, r, p, err)) < 0) return -1;
                if (m->m[r].gate && !m->m[r].gate_ok) open &= ~(rules & -rules); /* closed on this text */
            }
        } else if (in_bmp(rs->bmp_last, rs->set_last, prev) || in_bmp(rs->bmp_first, rs->set_first, next)) {
            /* more class rules than a mask holds: each rule's filters */
            for (size_t k = 0; k < rs->nclass && !hit; k++) {
                const crule *c = &rs->r[rs->class_rules[k]];
                if (!filter_pass(&c->last, prev) || !filter_pass(&c->first, next)) continue;
                if ((hit = try_class_rule(m, rs->class_rules[k], p, err)) < 0) return -1;
            }
        }
        if (hit) {
            PA_GROW(*pos, *cap, *n + 1);
            (*pos)[(*n)++] = p;
        }
        prev = next;
    }
    return 0;
}

/* Whether a character that (?i) can expand into several lies among the
 * ci_maxlen units before p (see pa_ruleset.expanding). */
static int expanding_before(const pa_ruleset *rs, const UChar *text, int32_t p)
{
    if (!rs->expanding) return 1;
    for (int32_t q = p > rs->ci_maxlen ? p - rs->ci_maxlen : 0; q < p; q++) {
        if (text[q] < 0xDF) continue; /* ß is the first */
        UChar32 c;
        int32_t i = q;
        U16_NEXT(text, i, p, c);
        if (uset_contains(rs->expanding, c)) return 1;
    }
    return 0;
}

/* Marks the rules whose literal suffix ends at p (stamp = m->cand). */
static void probe_suffixes(pa_rulematch *m, int32_t p)
{
    const pa_ruleset *rs = m->rs;
    UChar buf[64];
    if (rs->has_ci && expanding_before(rs, m->text, p))
        for (size_t r = 0; r < rs->n; r++)
            if (rs->r[r].suffix_ci) m->stamp[r] = m->cand;
    for (int i = 0; i < rs->nlens; i++) {
        int32_t l = rs->lens[i];
        if (l > p) continue;
        const UChar *s = m->text + p - l;
        for (int ci = 0; ci < 2; ci++) {
            const UChar *k = s;
            if (ci) {
                if (!rs->has_ci) continue;
                fold_text(buf, s, l);
                k = buf;
            }
            uint64_t h = key_hash(k, l, ci);
            const skey *e = key_slot(rs, k, l, ci, h);
            for (uint32_t link = e->link; link; link = rs->link_next[link - 1]) m->stamp[rs->link_rule[link - 1]] = m->cand;
        }
    }
}

/* True when some match of rule r's B (found by searching) ends at p. */
static int scanned_b_ends_at(pa_rulematch *m, size_t r, int32_t p, pa_error *err)
{
    mrule *mr = &m->m[r];
    if (mr->gen_ends != m->gen) {
        mr->nends = 0;
        if (scan_all(m, r, mr->scan, &mr->gen_scan, 0, &mr->ends, &mr->nends, &mr->cap_ends, err) != 0) return -1;
        mr->gen_ends = m->gen;
    }
    size_t lo = 0, hi = mr->nends;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (mr->ends[mid] < p) lo = mid + 1;
        else hi = mid;
    }
    return lo < mr->nends && mr->ends[lo] == p;
}

int pa_rulematch_decide(pa_rulematch *m, int32_t p, pa_error *err)
{
    const pa_ruleset *rs = m->rs;
    if (++m->cand == 0) {
        memset(m->stamp, 0, rs->n * sizeof *m->stamp);
        m->cand = 1;
    }
    if (rs->nlens) probe_suffixes(m, p);
    UChar32 before = -1, after = -1;
    if (p > 0) U16_GET(m->text, 0, p - 1, m->len, before);
    if (p < m->len) U16_GET(m->text, 0, p, m->len, after);
    for (size_t i = 0; i < rs->n; i++) {
        const crule *c = &rs->r[i];
        if (c->never) continue;
        if (c->has_suffix && m->stamp[i] != m->cand) continue;
        if (!filter_pass(&c->last, before) || !filter_pass(&c->first, after)) continue;
        if (c->test_scanned_b) {
            int e = scanned_b_ends_at(m, i, p, err);
            if (e < 0) return -2;
            if (!e) continue;
        }
        if (!has_test(c)) return c->is_break;
        int g = gate_open(m, i, err);
        if (g < 0) return -2;
        if (!g) continue;
        int hit = test_at(m, i, p, err);
        if (hit < 0) return -2;
        if (hit) return c->is_break;
    }
    return -1;
}

