/* rules.h - SRX rules compiled for evaluation at candidate break positions.
 *
 * SRX semantics: at a position p, the first rule (in order) whose
 * beforebreak matches text ending at p and whose afterbreak matches text
 * starting at p decides whether p is a break. Evaluating every rule at every
 * position is far too slow, so:
 *
 *  - only candidate positions are evaluated: the break iterator's boundaries
 *    and the places where some break rule matches (no-break rules matter
 *    only where a break could happen). Break rules are found in one pass
 *    over the text that tests a rule only next to a character of its
 *    pattern's edge class ("[.!?]" before, "\p{Nd}" after); other break
 *    rules are searched with ICU;
 *  - a rule whose beforebreak is anchored with ^ is skipped for a text
 *    where that pattern does not match at the start;
 *  - each rule is one ICU expression "(?<=GUARD)(?=AFTER)(?<=BEFORE)" tried
 *    with lookingAt at p, so the cost is that of the match, not of a
 *    search. ICU tries a look-behind from every start up to its longest
 *    match back (PA_JREGEX_LOOKBEHIND_MAX per unbounded repetition), so
 *    the short GUARD (a suffix every BEFORE match ends with, see
 *    pa_jregex_suffix_guard) and AFTER go first and BEFORE runs only where
 *    both hold: the cost per candidate no longer grows with the text
 *    before it;
 *  - cheap prefilters skip most rules before ICU is called: the character
 *    classes a match must end (start) with, and, for rules whose beforebreak
 *    ends in literal text ("\bMr\.", "(?i)\b(?:p|pp)\."), a hash of those
 *    texts probed with the text just before p. Thousands of abbreviation
 *    rules then cost a few hash probes per candidate. Two more read the
 *    patterns further: the classes of the last few characters of the
 *    beforebreak, branch by branch ("\s\.\s\.\s\." needs a space before
 *    the last full stop, "\p{Nd}\." a digit), and the start of the
 *    afterbreak, a lead repeated ("\s+") then a class and literal words
 *    ("\s+(?:After|All|...)" needs a run of white space, then text that
 *    begins with one of the words' first three characters). A sentence end
 *    in running text, which many rules could decide, then costs ICU a few
 *    matches instead of a dozen.
 *
 * A pa_ruleset is immutable once compiled and may be shared between threads;
 * each thread evaluates through its own pa_rulematch (ICU matchers hold
 * state). Text is UTF-16; positions are UTF-16 offsets.
 */
#ifndef PA_RULES_H
#define PA_RULES_H

#include <stddef.h>
#include <stdint.h>
#include <unicode/utypes.h>

#include "align/segment/srx.h"
#include "align/util/error.h"

typedef struct pa_ruleset pa_ruleset;
typedef struct pa_rulematch pa_rulematch;

/* Compiles `n` rules; `name` (the SRX file) is used in messages, which give
 * the rule's line and the offending pattern. */
pa_ruleset *pa_ruleset_compile(const char *name, const pa_srx_rule *const *rules, size_t n, pa_error *err);
/* The same for rules known to compile (the shipped ones, which the tests
 * compile whole): each matcher compiles a rule's test the first time it
 * tests the rule, so a text pays for the few rules it needs; a rule ICU
 * refused would then be an error of that evaluation, not of this call. */
pa_ruleset *pa_ruleset_compile_shipped(const char *name, const pa_srx_rule *const *rules, size_t n, pa_error *err);
void pa_ruleset_free(pa_ruleset *rs);

/* A matcher for one thread. */
pa_rulematch *pa_rulematch_new(const pa_ruleset *rs, pa_error *err);
void pa_rulematch_free(pa_rulematch *m);

/* Compiles now every test `m` would compile the first time it tests a rule
 * (pa_ruleset_compile_shipped); -1 with `err` set at the first that ICU
 * refuses. For the tests, which hold the shipped rules to compiling. */
int pa_rulematch_compile_tests(pa_rulematch *m, pa_error *err);

/* Sets the text to evaluate (not copied: it must outlive its use). */
void pa_rulematch_set_text(pa_rulematch *m, const UChar *text, int32_t len);

/* Appends to `*pos` (`*n` used of `*cap`) every position where a break rule
 * may apply; they still need pa_rulematch_decide. */
int pa_rulematch_break_candidates(pa_rulematch *m, int32_t **pos, size_t *n, size_t *cap, pa_error *err);

/* The decision at p: 1 break, 0 no break, -1 when no rule matches, -2 on
 * an ICU failure (reported in `err`). */
int pa_rulematch_decide(pa_rulematch *m, int32_t p, pa_error *err);

#endif
