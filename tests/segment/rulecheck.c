/* rulecheck - the shortcuts of rules.c (edge-class filters, literal
 * suffixes, ^ gates and their longest match, suffix guards, the afterbreak
 * tried before the beforebreak) never change a decision (TAP).
 *
 * An oracle evaluates each rule the plain way, one ICU expression
 * "(?<=BEFORE)(?=AFTER)" per rule in order, at every position of long
 * generated paragraphs, and must agree with pa_rulematch_decide; every
 * position where a break rule matches must be among
 * pa_rulematch_break_candidates. Rule sets: the shipped rules for each
 * language, and rules written to need context far before the break (up to
 * 300 characters), case-insensitive, possessive, a quantified \Q...\E,
 * anchored with a longest match shorter than the text, so that a guard or
 * a window cut too short shows here as a wrong decision. */
#include "align/segment/jregex.h"
#include "align/segment/rules.h"
#include "align/segment/srx.h"
#include "align/util/alloc.h"
#include "align/util/buf.h"
#include "tests/tap.h"

#include <stdint.h>
#include <string.h>
#include <unicode/uregex.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

/* Rules made to defeat a short look-behind window or a wrong guard. */
static const char far_srx[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<srx xmlns=\"http://www.lisa.org/srx20\" version=\"2.0\">\n"
    "<header segmentsubflows=\"yes\" cascade=\"yes\"/>\n"
    "<body><languagerules><languagerule languagerulename=\"T\">\n"
    "<rule break=\"no\"><beforebreak>«[^»]{0,300}[.!?]</beforebreak><afterbreak>\\s</afterbreak></rule>\n"
    "<rule break=\"no\"><beforebreak>^\\s*Q.{0,40}\\.</beforebreak><afterbreak>\\s</afterbreak></rule>\n"
    "<rule break=\"yes\"><beforebreak>^\\s*Q[^»]*z\\.</beforebreak><afterbreak>\\s</afterbreak></rule>\n"
    "<rule break=\"no\"><beforebreak>(?:^|\\s)(?:\\p{Lu}\\.)+\\p{Lu}\\.</beforebreak><afterbreak>\\s+\\p{Lu}</afterbreak></rule>\n"
    "<rule break=\"yes\"><beforebreak>(?&lt;![a-z])[a-z]{1,2}\\.(?:[a-z]\\.)*</beforebreak><afterbreak>\\s+[a-z]</afterbreak></rule>\n"
    "<rule break=\"no\"><beforebreak>(?i)\\babc\\.</beforebreak><afterbreak>\\s</afterbreak></rule>\n"
    "<rule break=\"yes\"><beforebreak>x\\s*y?z{2,}</beforebreak><afterbreak></afterbreak></rule>\n"
    "<rule break=\"no\"><beforebreak>(?:ab|c(?:d|ef)+)\\.</beforebreak><afterbreak>\\s*\\p{Nd}</afterbreak></rule>\n"
    "<rule break=\"yes\"><beforebreak>a++\\.|(?&gt;ab|a)b!</beforebreak><afterbreak>\\s</afterbreak></rule>\n"
    "<rule break=\"no\"><beforebreak>\\Q(x)\\E\\x41?\\.\\p{Nd}{1,3}(?=\\s)</beforebreak><afterbreak>\\s</afterbreak></rule>\n"
    "<rule break=\"yes\"><beforebreak>(?:\\p{Nd}\\s+){3,}\\.</beforebreak><afterbreak>\\s</afterbreak></rule>\n"
    "<rule break=\"no\"><beforebreak>[.!?]\\s+[»”]+</beforebreak><afterbreak>\\s</afterbreak></rule>\n"
    "<rule break=\"no\"><beforebreak>x+\\Qab\\E{1,2}\\.</beforebreak><afterbreak>\\s</afterbreak></rule>\n"
    "<rule break=\"yes\"><beforebreak>[.!?]</beforebreak><afterbreak>\\s</afterbreak></rule>\n"
    "</languagerule></languagerules>\n"
    "<maprules><languagemap languagepattern=\".*\" languagerulename=\"T\"/></maprules></body></srx>\n";

/* Afterbreaks that start with literal words, after a lead or not (the
 * start prefilter, pa_jregex_start): words in another case than the
 * text's under (?i), a bounded lead, a word that begins with a lead
 * character, words ending the text, a supplementary character, a quote,
 * alternatives at the top, an optional atom, and text that (?i) matches
 * only by full case folding ("ß" and "sſ" for "ss", the Kelvin sign for
 * "k"). No rule decides as a later one would, so that a skipped match
 * shows. */
static const char words_srx[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<srx xmlns=\"http://www.lisa.org/srx20\" version=\"2.0\">\n"
    "<header segmentsubflows=\"yes\" cascade=\"yes\"/>\n"
    "<body><languagerules><languagerule languagerulename=\"T\">\n"
    "<rule break=\"no\"><beforebreak>\\.</beforebreak><afterbreak>\\s{1,2}(?:Mr|Vol)</afterbreak></rule>\n"
    "<rule break=\"yes\"><beforebreak>[.!?]</beforebreak><afterbreak>(?i)\\s+(?:the|this|he|mr|kg)\\b</afterbreak></rule>\n"
    "<rule break=\"no\"><beforebreak>\\p{L}</beforebreak><afterbreak>\\s*(?: a|b\\.|xy)</afterbreak></rule>\n"
    "<rule break=\"yes\"><beforebreak>\\s</beforebreak><afterbreak>(?:x|zz)$</afterbreak></rule>\n"
    "<rule break=\"no\"><beforebreak>[\\p{L}.]</beforebreak><afterbreak>[\\s\\u00A0]+(?:\\Q(x)\\E|𝐀|IV)</afterbreak></rule>\n"
    "<rule break=\"yes\"><beforebreak>\\.</beforebreak><afterbreak>(?i)\\s*(?:ss\\.|st)</afterbreak></rule>\n"
    "<rule break=\"no\"><beforebreak>[a-z]</beforebreak><afterbreak>ab|c\\.|(?:d|ef)\\b</afterbreak></rule>\n"
    "<rule break=\"no\"><beforebreak>\\.</beforebreak><afterbreak>\\s+(?:v|V)?ol</afterbreak></rule>\n"
    "</languagerule></languagerules>\n"
    "<maprules><languagemap languagepattern=\".*\" languagerulename=\"T\"/></maprules></body></srx>\n";

/* Beforebreaks read back as classes (the tail prefilter,
 * pa_jregex_tail): a group whose alternatives end at different lengths
 * before what precedes it, a quote, a repeated group, an empty
 * alternative, an optional atom next to a look-behind, a repetition with
 * a minimum. Breaks and no-breaks alternate, so that a skipped rule
 * changes the decision. */
static const char tails_srx[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<srx xmlns=\"http://www.lisa.org/srx20\" version=\"2.0\">\n"
    "<header segmentsubflows=\"yes\" cascade=\"yes\"/>\n"
    "<body><languagerules><languagerule languagerulename=\"T\">\n"
    "<rule break=\"no\"><beforebreak>x(?:a+|b)\\.</beforebreak><afterbreak>\\s</afterbreak></rule>\n"
    "<rule break=\"yes\"><beforebreak>y\\Qab\\E</beforebreak><afterbreak>\\s</afterbreak></rule>\n"
    "<rule break=\"no\"><beforebreak>(?:ab){2}c</beforebreak><afterbreak></afterbreak></rule>\n"
    "<rule break=\"yes\"><beforebreak>z(?:q|)!</beforebreak><afterbreak>\\s</afterbreak></rule>\n"
    "<rule break=\"no\"><beforebreak>(?&lt;=w)\\.\\s?\\.</beforebreak><afterbreak></afterbreak></rule>\n"
    "<rule break=\"yes\"><beforebreak>\\s\\p{Lu}{2,3}\\.</beforebreak><afterbreak>\\s</afterbreak></rule>\n"
    "<rule break=\"yes\"><beforebreak>k\\Qab\\E?</beforebreak><afterbreak>\\s</afterbreak></rule>\n"
    "</languagerule></languagerules>\n"
    "<maprules><languagemap languagepattern=\".*\" languagerulename=\"T\"/></maprules></body></srx>\n";

/* Case-insensitive rules whose matches need ICU's full case folding: a
 * character of the text that folds to several ("ß" to "ss", the ligature
 * "ﬆ" to "st", "ﬁ" to "fi") where the pattern has their letters, and a
 * pattern letter that folds to several ("ß") where the text has them.
 * The edge-character filters and the literal-suffix hash must let such
 * text through. Breaks and no-breaks alternate, and each rule's context
 * is its own, so that a skipped rule changes the decision. */
static const char fold_srx[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<srx xmlns=\"http://www.lisa.org/srx20\" version=\"2.0\">\n"
    "<header segmentsubflows=\"yes\" cascade=\"yes\"/>\n"
    "<body><languagerules><languagerule languagerulename=\"T\">\n"
    "<rule break=\"yes\"><beforebreak>\\.</beforebreak><afterbreak>(?i)ss\\.</afterbreak></rule>\n"
    "<rule break=\"yes\"><beforebreak>(?i)ss</beforebreak><afterbreak>#</afterbreak></rule>\n"
    "<rule break=\"yes\"><beforebreak>(?i)\\bst</beforebreak><afterbreak>\\s</afterbreak></rule>\n"
    "<rule break=\"yes\"><beforebreak>q</beforebreak><afterbreak>(?i)ß</afterbreak></rule>\n"
    "<rule break=\"yes\"><beforebreak>(?i)ß</beforebreak><afterbreak>\\p{Nd}</afterbreak></rule>\n"
    "<rule break=\"yes\"><beforebreak>(?i)fi\\.</beforebreak><afterbreak>\\s</afterbreak></rule>\n"
    "<rule break=\"yes\"><beforebreak>r</beforebreak><afterbreak>(?i)\u01F0</afterbreak></rule>\n"
    "<rule break=\"yes\"><beforebreak>(?i)\u01F0</beforebreak><afterbreak>!</afterbreak></rule>\n"
    "<rule break=\"yes\"><beforebreak>(?i)j\u030C</beforebreak><afterbreak>%</afterbreak></rule>\n"
    "<rule break=\"yes\"><beforebreak>w</beforebreak><afterbreak>(?i)\uFB00i</afterbreak></rule>\n"
    "<rule break=\"no\"><beforebreak>[.#]</beforebreak><afterbreak></afterbreak></rule>\n"
    "<rule break=\"yes\"><beforebreak>\\p{L}</beforebreak><afterbreak>[\\s#\\p{Nd}]</afterbreak></rule>\n"
    "</languagerule></languagerules>\n"
    "<maprules><languagemap languagepattern=\".*\" languagerulename=\"T\"/></maprules></body></srx>\n";

static const char *const fold_leads[] = {
    "a.ß.", "a.SS.", "a.ss.", "aß#", "aSS#", "aẞ#", "a ﬆ x", "a ST x", "a ﬅ x", "qss", "qSS", "qß", "qẞ",
    "ss1", "SS1", "ß1", "ﬁ. a", "FI. a", "fi. a", "ß", "ﬆ", "r\u01F0", "rj\u030C", "rJ\u030C", "a\u01F0!",
    "aj\u030C!", "aJ\u030C!", "a\u01F0%", "aj\u030C%", "wﬃ", "wffi", "wFFI", "wﬀi",
};

static const char *const tail_leads[] = {
    "xaa. b", "xb. b", "aa. b", "yab c", "ab c", "ababc d", "abc d", "zq! e", "z! e", "q! e",
    "w.. f", "w. . f", ". . f", "x ABC. g", "x AB. g", "x ABCD. g", "x A. g", "ka b", "kab b", "kabb b", "kb b",
};

/* Texts for words.srx: each case once inside a paragraph, and once as
 * the whole text, where the word ends it. */
static const char *const word_leads[] = {
    "a.  Mr", "a. Vol", "b. THE", "b! tHis", "b? mR", "b. \u212Ag", "word  a", "word a", "word\u00A0 xy", "q zz", "q x",
    "c.\u00A0IV", "c. 𝐀", "c. (x)", "z. SS.", "z. ß.", "z.ß.", "z. sſ.", "z. ST", "yab", "yc.", "yef", "yd", "d. ol", "d. Vol",
};

static const char *const pieces[] = {
    ". ", ".", " ", "  ", "A", "B", "Q", "a", "b", "c", "d", "ef", "x", "y", "z", "zz", "i", "v", "1", "2",
    "12", "3.", "(", ")", "(a)", "(x)", "(x)A.", "1.", "2.", "a.", "b.", "U.S.", "J.", "Mr.", "No.", "p.",
    "Inc.", "Jan.", "ABC.", "abc.", "aa.", "ab!", "!", "?", "…", "...", ". . .", "[...]", "«", "»", "”",
    "“", "\"", "《", "》", "。", "！", "？", "；", "「", "」", "中文", "联合国", "The", "This", "He", "word",
    "States", "-", "–", "•", "\u00a0", "\u202f", "г.", "т. е.", "Sr.", "núm.", "z.", "12.", "Juni", "د.",
    "\u200f", "M.", "art.", "Vol.", "IV", "é", "ß", "SS.", "xxabb.", "xab.", "𝐀", "😀", ";", ":", "e.g.", "1) ", "2) ",
    "THE", "the", "tHis", "mr", "MR", "xy", "ss.", "É", " a", "\n",
};

/* A deterministic pseudo-random generator (no global state). */
static uint32_t next_rand(uint32_t *s)
{
    *s = *s * 1664525u + 1013904223u;
    return *s >> 8;
}

/* A paragraph of about `units` UTF-16 code units into `u` (capacity
 * `cap`), opening with `lead`; returns its length. */
static int32_t make_text(uint32_t *seed, const char *lead, int32_t units, UChar *u, int32_t cap)
{
    pa_buf b = PA_BUF_INIT;
    pa_buf_puts(&b, lead);
    size_t npieces = sizeof pieces / sizeof *pieces;
    while ((int32_t)b.len < units) {
        const char *p = pieces[next_rand(seed) % npieces];
        if (p[0] != '\n') pa_buf_puts(&b, p);
    }
    UErrorCode st = U_ZERO_ERROR;
    int32_t n = 0;
    u_strFromUTF8(u, cap, &n, b.data, (int32_t)b.len, &st);
    pa_buf_free(&b);
    return U_SUCCESS(st) ? n : 0;
}

/* One rule the plain way: its expression, or NULL for a rule that never
 * applies. Returns -1 when the oracle cannot express the rule. */
static int oracle_rule(const pa_srx_rule *r, URegularExpression **re)
{
    *re = NULL;
    if (!r->before && !r->after) return 0;
    pa_buf b = PA_BUF_INIT, a = PA_BUF_INIT, both = PA_BUF_INIT;
    char why[128];
    int rc = -1;
    if (r->before && pa_jregex_translate(r->before, 1, &b, why, sizeof why) != 0) goto out;
    if (r->after && pa_jregex_translate(r->after, 0, &a, why, sizeof why) != 0) goto out;
    if (r->before) pa_buf_printf(&both, "(?<=%s)", b.data);
    if (r->after) pa_buf_printf(&both, "(?=%s)", a.data);
    UErrorCode st;
    UParseError pe;
    *re = pa_jregex_open(both.data, UREGEX_DOTALL, &pe, &st);
    rc = *re ? 0 : -1;
out:
    pa_buf_free(&b);
    pa_buf_free(&a);
    pa_buf_free(&both);
    return rc;
}

/* Checks one rule list on `ntexts` paragraphs; one TAP line. `shipped`:
 * compiled as the shipped rules are (pa_ruleset_compile_shipped: a rule's
 * test on its first use), and every test is then compiled too; one more
 * TAP line. The shipped rules are checked that way, as they run. */
static void check_rules(const char *what, const pa_srx_rule **rules, size_t n, const char *const *leads, int ntexts,
                        int32_t units, int shipped)
{
    pa_error err;
    pa_error_clear(&err);
    URegularExpression **plain = pa_calloc(n ? n : 1, sizeof *plain);
    int expressible = 1;
    for (size_t i = 0; i < n && expressible; i++) expressible = oracle_rule(rules[i], &plain[i]) == 0;
    pa_ruleset *rs = !expressible ? NULL
                     : shipped ? pa_ruleset_compile_shipped(what, rules, n, &err)
                               : pa_ruleset_compile(what, rules, n, &err);
    pa_rulematch *m = rs ? pa_rulematch_new(rs, &err) : NULL;
    long positions = 0, wrong = 0, missed = 0, breaks = 0, nobreaks = 0;
    int32_t cap = units + 64;
    UChar *u = pa_malloc((size_t)cap * sizeof *u);
    uint32_t seed = 12345;
    for (int t = 0; m && t < ntexts && wrong + missed < 5; t++) {
        int32_t len = make_text(&seed, leads[t], units, u, cap);
        pa_rulematch_set_text(m, u, len);
        int32_t *cand = NULL;
        size_t ncand = 0, capcand = 0;
        if (pa_rulematch_break_candidates(m, &cand, &ncand, &capcand, &err) != 0) break;
        for (size_t i = 0; i < n; i++)
            if (plain[i]) {
                UErrorCode st = U_ZERO_ERROR;
                uregex_setText(plain[i], u, len, &st);
            }
        for (int32_t p = 1; p < len && wrong + missed < 5; p++) {
            if (U16_IS_TRAIL(u[p]) && U16_IS_LEAD(u[p - 1])) continue;
            int want = -1, any_break = 0;
            for (size_t i = 0; i < n; i++) {
                if (!plain[i]) continue;
                UErrorCode st = U_ZERO_ERROR;
                if (!uregex_lookingAt(plain[i], p, &st)) continue;
                if (want == -1) want = rules[i]->is_break;
                any_break |= rules[i]->is_break;
            }
            int got = pa_rulematch_decide(m, p, &err);
            positions++;
            breaks += want == 1;
            nobreaks += want == 0;
            if (got != want) {
                wrong++;
                diag("%s: text %d, position %d: decided %d, the rules say %d", what, t, (int)p, got, want);
            }
            int listed = 0;
            for (size_t k = 0; k < ncand && !listed; k++) listed = cand[k] == p;
            if (any_break && !listed) {
                missed++;
                diag("%s: text %d, position %d: a break rule matches but it is no candidate", what, t, (int)p);
            }
        }
        pa_free(cand);
    }
    ok(m && positions > 0 && wrong == 0 && missed == 0,
       "%s: %zu rules agree with the plain evaluation at %ld positions (%ld breaks, %ld no-breaks)", what, n,
       positions, breaks, nobreaks);
    if (!m) diag("%s", expressible ? err.msg : "a rule the oracle cannot express");
    if (shipped) {
        pa_rulematch *all = rs ? pa_rulematch_new(rs, &err) : NULL;
        int rc = all ? pa_rulematch_compile_tests(all, &err) : -1;
        ok(rc == 0, "%s: every rule's test compiles on first use (%s)", what, rc == 0 ? "all" : err.msg);
        pa_rulematch_free(all);
    }
    pa_rulematch_free(m);
    pa_ruleset_free(rs);
    for (size_t i = 0; i < n; i++)
        if (plain[i]) uregex_close(plain[i]);
    pa_free(plain);
    pa_free(u);
}

/* A \Q without its \E quotes to the end of the expression (as in Java):
 * wrapped in a look-behind, the quote must end before the wrapper's
 * parenthesis. "z\Q." is the literal "z."; a break follows it before a
 * space, nowhere else (the fuzzer found the unclosed quote swallowing the
 * rest of the combined expression). */
static void check_open_quote(void)
{
    pa_error err;
    pa_error_clear(&err);
    pa_srx_rule r = {1, "z\\Q.", "\\s", 1};
    const pa_srx_rule *list[1] = {&r};
    pa_ruleset *rs = pa_ruleset_compile("open quote", list, 1, &err);
    pa_rulematch *m = rs ? pa_rulematch_new(rs, &err) : NULL;
    UChar u[16];
    int32_t len = 0;
    UErrorCode st = U_ZERO_ERROR;
    u_strFromUTF8(u, 16, &len, "az. z) \\Q. x", -1, &st);
    int at_stop = -9, at_paren = -9, at_quote = -9;
    if (m) {
        pa_rulematch_set_text(m, u, len);
        at_stop = pa_rulematch_decide(m, 3, &err);
        at_paren = pa_rulematch_decide(m, 6, &err);
        at_quote = pa_rulematch_decide(m, 10, &err);
    }
    /* the translation wraps: "(?<=z\\Q.)" would leave the look-behind open */
    pa_buf t = PA_BUF_INIT, wrapped = PA_BUF_INIT;
    char why[128];
    URegularExpression *re = NULL;
    if (pa_jregex_translate(r.before, 1, &t, why, sizeof why) == 0) {
        pa_buf_printf(&wrapped, "(?<=%s)", t.data);
        UParseError pe;
        re = pa_jregex_open(wrapped.data, UREGEX_DOTALL, &pe, &st);
    }
    ok(re != NULL, "an unclosed \\Q translates to an expression that can be wrapped: %s", wrapped.data);
    if (re) uregex_close(re);
    pa_buf_free(&t);
    pa_buf_free(&wrapped);
    ok(at_stop == 1 && at_paren == -1 && at_quote == -1,
       "an unclosed \\Q quotes to the end of its own side only (decisions %d %d %d)", at_stop, at_paren, at_quote);
    if (!m) diag("%s", err.msg);
    pa_rulematch_free(m);
    pa_ruleset_free(rs);
}

/* A backslash inside \p{...} or \P{...}: Java reads the name to the brace
 * and knows no such property, ICU would start a \Q quote there that runs
 * past the brace into the other side of the rule (the fuzzer found
 * "\P{\QzL}" closed by the after-break's "\E"). Refused, with a reason. */
static void check_property_backslash(void)
{
    pa_buf t = PA_BUF_INIT;
    char why[128] = "";
    int rc = pa_jregex_translate("x\\P{\\QzL}OsS", 0, &t, why, sizeof why);
    ok(rc != 0 && strstr(why, "backslash") != NULL, "a backslash inside \\P{...} is refused (%s)", why);
    pa_buf_free(&t);
}

/* The match starts of ICU pattern `pat` in `text`, hashed with their count
 * (-1 when the pattern does not compile or the search fails). */
static long long match_hash(const char *pat, const UChar *text, int32_t len, long *count)
{
    UErrorCode st = U_ZERO_ERROR;
    UParseError pe;
    URegularExpression *re = pa_jregex_open(pat, UREGEX_DOTALL, &pe, &st);
    if (!re) return -1;
    uregex_setText(re, text, len, &st);
    unsigned long long h = 1469598103934665603ULL;
    *count = 0;
    while (uregex_findNext(re, &st)) {
        h = (h ^ (unsigned long long)uregex_start(re, 0, &st)) * 1099511628211ULL;
        ++*count;
    }
    uregex_close(re);
    return U_FAILURE(st) ? -1 : (long long)(h >> 1);
}

/* The translation writes \p{Nd} as \d and \P{Nd} as \D outside brackets
 * (jregex.c: ICU builds a property's set in every pattern, \d's once).
 * What that rests on: in ICU the two match the same code points, all of
 * them, with and without (?i); and inside brackets the name stays. */
static void check_digit_class(void)
{
    pa_buf t = PA_BUF_INIT;
    char why[128] = "";
    int rc = pa_jregex_translate("\\p{Nd}+x[\\p{Nd}.]\\P{Nd}{2}\\p{Nl}", 0, &t, why, sizeof why);
    ok(rc == 0 && strcmp(t.data, "\\d+x[\\p{Nd}.]\\D{2}\\p{Nl}") == 0,
       "\\p{Nd} and \\P{Nd} outside brackets translate to \\d and \\D, and only they (%s)", rc == 0 ? t.data : why);
    pa_buf_free(&t);
    /* every code point but the surrogates, once */
    UChar *text = pa_malloc(2 * 0x110000 * sizeof *text);
    int32_t len = 0;
    for (UChar32 c = 0; c <= 0x10FFFF; c++)
        if (!U_IS_SURROGATE(c)) U16_APPEND_UNSAFE(text, len, c);
    static const char *const pairs[][2] = {
        {"\\d", "\\p{Nd}"}, {"(?i)\\d", "(?i)\\p{Nd}"}, {"\\D", "\\P{Nd}"}, {"(?i)\\D", "(?i)\\P{Nd}"}};
    for (size_t k = 0; k < sizeof pairs / sizeof *pairs; k++) {
        long na = 0, nb = 0;
        long long ha = match_hash(pairs[k][0], text, len, &na), hb = match_hash(pairs[k][1], text, len, &nb);
        ok(ha >= 0 && ha == hb && na == nb, "ICU's %s and %s match the same code points (%ld, %ld)", pairs[k][0],
           pairs[k][1], na, nb);
    }
    pa_free(text);
}

/* The rules of SRX text `srx` (for any language) on the generated
 * paragraphs, then on texts chosen for them: each opening a paragraph, and
 * each alone, so that what they end with ends the text. Three TAP lines. */
static void check_srx_cases(const char *what, const char *srx, size_t len, const char *const *leads, int nleads,
                            const char *const *chosen, int nchosen)
{
    pa_error err;
    pa_error_clear(&err);
    pa_srx *x = pa_srx_read_memory(what, srx, len, &err);
    const pa_srx_rule **list = NULL;
    size_t n = 0;
    if (x && pa_srx_rules_for(x, "xx", &list, &n, &err) == 0) {
        char name[128];
        check_rules(what, list, n, leads, nleads, 2000, 0);
        snprintf(name, sizeof name, "%s, chosen texts", what);
        check_rules(name, list, n, chosen, nchosen, 200, 0);
        snprintf(name, sizeof name, "%s, chosen texts alone", what);
        check_rules(name, list, n, chosen, nchosen, 1, 0);
    } else {
        ok(0, "%s: %s", what, err.msg);
    }
    pa_free(list);
    pa_srx_free(x);
}

int main(void)
{
    pa_error err;
    pa_error_clear(&err);
    /* "Q" then a full stop 37 characters in: the anchored rule
     * "^\s*Q.{0,40}\." holds there, well past the start */
    static const char *const leads[] = {"", "1. ", "(a) ", "«", "Q ", "a. ", "Q 123456789 123456789 123456789 12345. "};
    int ntexts = (int)(sizeof leads / sizeof *leads);
    pa_srx *builtin = pa_srx_builtin(&err);
    static const char *const langs[] = {"en", "zh", "fr", "es", "ru", "ar", "de", "ja"}; /* ja: the default rules */
    for (size_t i = 0; builtin && i < sizeof langs / sizeof *langs; i++) {
        const pa_srx_rule **list = NULL;
        size_t n = 0;
        char what[64];
        snprintf(what, sizeof what, "shipped rules, %s", langs[i]);
        if (pa_srx_rules_for(builtin, langs[i], &list, &n, &err) == 0) check_rules(what, list, n, leads, ntexts, 1200, 1);
        else ok(0, "%s: %s", what, err.msg);
        pa_free(list);
    }
    ok(builtin != NULL, "the shipped rules load");
    pa_srx_free(builtin);
    pa_srx *far = pa_srx_read_memory("far.srx", far_srx, sizeof far_srx - 1, &err);
    const pa_srx_rule **list = NULL;
    size_t n = 0;
    if (far && pa_srx_rules_for(far, "xx", &list, &n, &err) == 0) {
        check_rules("rules needing far context", list, n, leads, ntexts, 2000, 0);
        check_rules("the same, tests compiled on first use", list, n, leads, ntexts, 2000, 1);
    } else {
        ok(0, "far.srx: %s", err.msg);
    }
    pa_free(list);
    pa_srx_free(far);
    check_srx_cases("afterbreaks opening with words", words_srx, sizeof words_srx - 1, leads, ntexts, word_leads,
                    (int)(sizeof word_leads / sizeof *word_leads));
    check_srx_cases("beforebreaks read back as classes", tails_srx, sizeof tails_srx - 1, leads, ntexts, tail_leads,
                    (int)(sizeof tail_leads / sizeof *tail_leads));
    check_srx_cases("case-insensitive rules and full case folding", fold_srx, sizeof fold_srx - 1, leads, ntexts,
                    fold_leads, (int)(sizeof fold_leads / sizeof *fold_leads));
    check_open_quote();
    check_property_backslash();
    check_digit_class();
    return done_testing();
}
