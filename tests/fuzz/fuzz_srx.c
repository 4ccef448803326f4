/* fuzz_srx - SRX files (srx.h) and the rule compiler and matcher behind
 * them (rules.h, jregex.h) on arbitrary bytes. Two kinds of input:
 *
 *  - an SRX file (anything starting with '<' after white space): parsed
 *    with pa_srx_read_memory; every language rule set is compiled and run
 *    on a fixed multilingual sample, the language maps are tried for
 *    zh en fr ar ru, and a segmenter made from the file (as --srx FILE)
 *    splits the sample;
 *  - one rule, "[!]BEFORE\nAFTER\nTEXT" ('!' = break="no", an empty line
 *    = no pattern), compiled and run on TEXT (at most 128 UTF-16 units).
 *
 * Beyond "no crash": libxml2 never prints on stderr nor asks for an
 * external entity (both abort), a failure is a PA_EINPUT message, and the
 * matcher, with its prefilters (edge classes, literal-suffix hash,
 * ^-anchored gates), must decide exactly as a brute force that tries every
 * rule's full expression, in order, at every position. (Break candidates
 * are only checked to lie in the text: rules found by searching give the
 * ends of non-overlapping matches, as OmegaT does, so they need not list
 * every position where a rule holds.) Patterns that back-reference or
 * cannot be look-behinds are not brute-forced; a pattern whose search takes
 * too long on the text (catastrophic backtracking, which SRX cannot rule
 * out) skips the matching.
 */
#include "fuzz.h"

#include "align/segment/jregex.h"
#include "align/segment/rules.h"
#include "align/segment/srx.h"
#include "align/util/alloc.h"
#include "align/util/buf.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <unicode/uregex.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

/* Steps of ICU's match engine a brute-force pattern may take (roughly
 * milliseconds). */
#define TIME_LIMIT 200
#define MAX_TEXT 128
#define MAX_RULES 512

static const char sample[] = "Mr. Smith met Dr. Lee at 10.30 a.m. (see A/73/123). \xE4\xBB\x96\xE8\xAF\xB4\xEF\xBC\x9A"
                             "\xE2\x80\x9C\xE5\xA5\xBD\xEF\xBC\x81\xE2\x80\x9D \xD0\x9E\xD0\xBD \xD1\x83\xD1\x88\xD1\x91\xD0\xBB. "
                             "Il est venu! 1. Fin? \xD8\x9F \xF0\x9F\x98\x80 x.";

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz_deny_xml_io();
    return 0;
}

/* Compiles UTF-8 ICU pattern `pat` as rules.c does (DOTALL), with a time
 * limit, and gives it `text`; NULL when ICU refuses the pattern. */
static URegularExpression *icu_compile(const char *pat, const UChar *text, int32_t len)
{
    UErrorCode st;
    UParseError pe;
    URegularExpression *re = pa_jregex_open(pat, UREGEX_DOTALL, &pe, &st);
    if (U_SUCCESS(st)) uregex_setTimeLimit(re, TIME_LIMIT, &st);
    if (U_SUCCESS(st)) uregex_setText(re, text, len, &st);
    if (U_FAILURE(st)) {
        if (re) uregex_close(re);
        return NULL;
    }
    return re;
}

/* Runs `re` as the matcher may: searched through its text, and tried with
 * lookingAt at 0 (a gate) or, with `every`, at every position up to `len`;
 * -1 when a match ran out of time (or failed otherwise). */
static int runs_in_time(URegularExpression *re, int32_t len, int every)
{
    UErrorCode st = U_ZERO_ERROR;
    uregex_reset(re, 0, &st);
    while (U_SUCCESS(st) && uregex_findNext(re, &st)) {
    }
    for (int32_t p = 0; p <= (every ? len : 0) && U_SUCCESS(st); p++) uregex_lookingAt(re, p, &st);
    return U_SUCCESS(st) ? 0 : -1;
}

/* Translates `java` as rules.c does; NULL when jregex refuses it. */
static char *translated(const char *java, int bound)
{
    pa_buf b = PA_BUF_INIT;
    char why[128];
    if (pa_jregex_translate(java, bound, &b, why, sizeof why) != 0) {
        pa_buf_free(&b);
        return NULL;
    }
    return pa_buf_detach(&b, NULL);
}

/* The brute force: per rule, its full expression (NULL for a rule that
 * never applies). */
typedef struct brute {
    URegularExpression **test;
    size_t n;
    int usable;  /* every rule has a full expression: compare decisions */
    int too_slow;
} brute;

static void brute_free(brute *b)
{
    for (size_t i = 0; i < b->n; i++)
        if (b->test[i]) uregex_close(b->test[i]);
    free(b->test);
}

/* Builds the brute force for `rules` over text[0..len), and checks that
 * every pattern's search finishes in time (the matcher has no time limit). */
static brute brute_build(const pa_srx_rule *const *rules, size_t n, const UChar *text, int32_t len)
{
    brute b = {pa_calloc(n ? n : 1, sizeof *b.test), n, 1, 0};
    for (size_t i = 0; i < n && !b.too_slow; i++) {
        const pa_srx_rule *r = rules[i];
        if (!r->before && !r->after) continue;
        char *bt = r->before ? translated(r->before, 0) : NULL, *bb = r->before ? translated(r->before, 1) : NULL;
        char *at = r->after ? translated(r->after, 0) : NULL;
        /* Guard: each side alone, as rules.c runs them. */
        const char *alone[2] = {bt, at};
        for (int k = 0; k < 2 && !b.too_slow; k++) {
            if (!alone[k]) continue;
            URegularExpression *re = icu_compile(alone[k], text, len);
            if (re && runs_in_time(re, len, k) != 0) b.too_slow = 1;
            if (re) uregex_close(re);
        }
        int backref = (r->before && pa_jregex_has_backref(r->before)) || (r->after && pa_jregex_has_backref(r->after));
        if ((r->before && !bb) || (r->after && !at) || backref) {
            b.usable = 0;
        } else {
            pa_buf full = PA_BUF_INIT;
            if (bb) pa_buf_printf(&full, "(?<=%s)", bb);
            if (at) pa_buf_printf(&full, "(?=%s)", at);
            b.test[i] = icu_compile(full.data, text, len);
            if (!b.test[i]) b.usable = 0;
            pa_buf_free(&full);
        }
        free(bt), free(bb), free(at);
    }
    return b;
}

/* The brute-force decision at p: 1 break, 0 no break, -1 no rule matches,
 * -2 out of time. */
static int brute_decide(const brute *b, const pa_srx_rule *const *rules, int32_t p)
{
    for (size_t i = 0; i < b->n; i++) {
        if (!b->test[i]) continue;
        UErrorCode st = U_ZERO_ERROR;
        UBool hit = uregex_lookingAt(b->test[i], p, &st);
        if (U_FAILURE(st)) return -2;
        if (hit) return rules[i]->is_break;
    }
    return -1;
}

/* A matcher of `rs` on text[0..len) and its break candidates (*rc: what
 * pa_rulematch_break_candidates returned). */
static pa_rulematch *matcher_on(const pa_ruleset *rs, const UChar *text, int32_t len, int32_t **cand, size_t *ncand,
                                int *rc, pa_error *err)
{
    pa_rulematch *m = pa_rulematch_new(rs, err);
    FUZZ_CHECK(m != NULL, "%s", err->msg);
    pa_rulematch_set_text(m, text, len);
    size_t cap = 0;
    *rc = pa_rulematch_break_candidates(m, cand, ncand, &cap, err);
    return m;
}

/* The same rules compiled as the shipped ones are (tests compiled on first
 * use, pa_ruleset_compile_shipped) must decide as the whole compile did,
 * `got` at positions 1 .. last - 1. A rule whose combined test ICU refuses
 * (which the whole compile works around by searching its before-break) is
 * an error there instead, naming the rule: the shipped rules have none
 * (rulecheck compiles them all). */
static void check_first_use(const pa_srx_rule *const *rules, size_t n, const UChar *text, int32_t len, const int *got,
                            int32_t last)
{
    pa_error err;
    pa_error_clear(&err);
    pa_ruleset *rs = pa_ruleset_compile_shipped("fuzz", rules, n, &err);
    FUZZ_CHECK(rs != NULL, "rules compiled whole, not for first use: %s", err.msg);
    int32_t *cand = NULL;
    size_t ncand = 0;
    int rc;
    pa_rulematch *m = matcher_on(rs, text, len, &cand, &ncand, &rc, &err);
    for (int32_t p = 1; rc == 0 && p < last; p++) {
        if (U16_IS_TRAIL(text[p]) && U16_IS_LEAD(text[p - 1])) continue;
        int d = pa_rulematch_decide(m, p, &err);
        if (d == -2 && got[p] != -2) {
            FUZZ_CHECK(strstr(err.msg, "not a regular expression ICU accepts") != NULL || strstr(err.msg, "ICU:"),
                       "first-use compile failed otherwise: %s", err.msg);
            break;
        }
        if (d == -2) break;
        FUZZ_CHECK(d == got[p], "at %d the first-use matcher decides %d, the whole compile %d", (int)p, d, got[p]);
    }
    free(cand);
    pa_rulematch_free(m);
    pa_ruleset_free(rs);
}

/* Compiles `rules` and checks the matcher against the brute force on
 * text[0..len). Returns -1 when a pattern was too slow to run. */
static int check_rules(const pa_srx_rule *const *rules, size_t n, const UChar *text, int32_t len)
{
    pa_error err;
    pa_error_clear(&err);
    pa_ruleset *rs = pa_ruleset_compile("fuzz", rules, n, &err);
    if (!rs) {
        FUZZ_CHECK(err.code == PA_EINPUT && strncmp(err.msg, "fuzz", 4) == 0, "compile failed with code %d: %s",
                   err.code, err.msg);
        return 0;
    }
    brute b = brute_build(rules, n, text, len);
    int *want = pa_malloc(((size_t)len + 1) * sizeof *want);
    for (int32_t p = 0; p <= len && b.usable && !b.too_slow; p++) {
        want[p] = brute_decide(&b, rules, p);
        if (want[p] == -2) b.too_slow = 1;
    }
    if (!b.too_slow) {
        int32_t *cand = NULL;
        size_t ncand = 0;
        int rc;
        pa_rulematch *m = matcher_on(rs, text, len, &cand, &ncand, &rc, &err);
        for (size_t k = 0; rc == 0 && k < ncand; k++)
            FUZZ_CHECK(cand[k] >= 0 && cand[k] <= len, "candidate %d outside the text", (int)cand[k]);
        int32_t last = 0; /* positions decided: 1 .. last - 1 */
        int *got = pa_malloc(((size_t)len + 1) * sizeof *got);
        for (int32_t p = 1; rc == 0 && p < len; p++, last = p) {
            if (U16_IS_TRAIL(text[p]) && U16_IS_LEAD(text[p - 1])) continue; /* inside a pair */
            int d = got[p] = pa_rulematch_decide(m, p, &err);
            if (d == -2) break; /* an ICU failure, reported in err */
            if (!b.usable) continue;
            FUZZ_CHECK(d == want[p], "at %d the matcher decides %d, the rules in order %d", (int)p, d, want[p]);
        }
        free(cand);
        pa_rulematch_free(m);
        check_first_use(rules, n, text, len, got, last);
        free(got);
    }
    int slow = b.too_slow ? -1 : 0;
    free(want);
    brute_free(&b);
    pa_ruleset_free(rs);
    return slow;
}

/* UTF-8 `s` (valid) as UTF-16, at most MAX_TEXT units, not splitting a
 * surrogate pair. */
static int32_t to_utf16(const char *s, size_t n, UChar *u)
{
    UErrorCode st = U_ZERO_ERROR;
    UChar tmp[4 * MAX_TEXT + 8];
    int32_t len = 0;
    if (n > 4 * MAX_TEXT) {
        n = 4 * MAX_TEXT;
        while (n > 0 && !fuzz_char_start(s, n + 1, n)) n--;
    }
    u_strFromUTF8(tmp, (int32_t)(sizeof tmp / sizeof *tmp), &len, s, (int32_t)n, &st);
    FUZZ_CHECK(U_SUCCESS(st), "%s", u_errorName(st));
    if (len > MAX_TEXT) len = MAX_TEXT;
    if (len > 0 && U16_IS_LEAD(tmp[len - 1])) len--;
    memcpy(u, tmp, (size_t)len * sizeof *u);
    return len;
}

/* "[!]BEFORE\nAFTER\nTEXT": one rule on TEXT. */
static void one_rule(const char *in, size_t size)
{
    if (!fuzz_utf8_ok(in, size) || memchr(in, 0, size)) return; /* SRX text is UTF-8 without NUL */
    pa_srx_rule r = {1, NULL, NULL, 1};
    size_t i = 0;
    if (size > 0 && in[0] == '!') r.is_break = 0, i = 1;
    const char *nl = memchr(in + i, '\n', size - i);
    size_t blen = nl ? (size_t)(nl - in) - i : size - i;
    if (blen) r.before = pa_strndup(in + i, blen);
    i += blen + (nl != NULL);
    nl = i < size ? memchr(in + i, '\n', size - i) : NULL;
    size_t alen = nl ? (size_t)(nl - in) - i : size - i;
    if (alen) r.after = pa_strndup(in + i, alen);
    i += alen + (nl != NULL);
    UChar text[MAX_TEXT];
    int32_t len = i < size ? to_utf16(in + i, size - i, text) : 0;
    const pa_srx_rule *list[1] = {&r};
    check_rules(list, 1, text, len);
    free(r.before);
    free(r.after);
}

/* An SRX file: every rule set on the sample, the maps, a segmenter. */
static void srx_file(const uint8_t *data, size_t size)
{
    pa_error err;
    pa_error_clear(&err);
    pa_srx *x = pa_srx_read_memory("fuzz.srx", (const char *)data, size, &err);
    if (!x) {
        FUZZ_CHECK(err.code == PA_EINPUT && strncmp(err.msg, "fuzz.srx", 8) == 0, "read failed with code %d: %s",
                   err.code, err.msg);
        return;
    }
    UChar text[MAX_TEXT];
    int32_t len = to_utf16(sample, sizeof sample - 1, text);
    FUZZ_CHECK(len < MAX_TEXT, "the sample must fit MAX_TEXT");
    const pa_srx_rule *r;
    size_t n, total = 0;
    int slow = 0;
    for (size_t k = 0; pa_srx_ruleset_at(x, k, &r, &n, NULL) == 0 && (total += n) <= MAX_RULES; k++) {
        const pa_srx_rule **list = pa_malloc((n ? n : 1) * sizeof *list);
        for (size_t j = 0; j < n; j++) list[j] = &r[j];
        slow |= check_rules(list, n, text, len);
        free(list);
    }
    const char *usable = NULL;
    for (size_t l = 0; l < FUZZ_NLANGS; l++) {
        const pa_srx_rule **list = NULL;
        size_t nl = 0;
        pa_error_clear(&err);
        if (pa_srx_rules_for(x, fuzz_langs[l], &list, &nl, &err) == 0) {
            if (!usable) usable = fuzz_langs[l];
            free(list);
        } else {
            FUZZ_CHECK(err.code == PA_EINPUT && err.msg[0], "rules_for failed with code %d: %s", err.code, err.msg);
        }
    }
    pa_srx_free(x);
    if (!usable || total > MAX_RULES || slow) return;
    /* The file as --srx FILE, on the sample. */
    pa_segmenter_opts so = {fuzz_write_scratch(0, data, size)};
    pa_segmenter *seg = pa_segmenter_new(usable, &so, &err);
    if (!seg) return; /* a rule ICU refuses */
    pa_document *d = pa_document_new("fuzz", usable);
    pa_document_set_text(d, pa_strdup(sample), sizeof sample - 1);
    pa_document_split_paragraphs(d);
    if (pa_segment_document(seg, d, &err) == 0) fuzz_check_document(d, 1, 1);
    else FUZZ_CHECK(err.msg[0], "segmentation failed without a message");
    pa_document_free(d);
    pa_segmenter_free(seg);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t i = 0;
    while (i < size && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r')) i++;
    if (i < size && data[i] == '<') srx_file(data, size);
    else one_rule((const char *)data, size);
    return 0;
}
