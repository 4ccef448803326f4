/* jregex.h - the regular expressions of SRX files, as ICU needs them.
 *
 * SRX files are written for Java's java.util.regex (OmegaT, Okapi,
 * LanguageTool). ICU's syntax is nearly the same; this module rewrites the
 * few Java constructs ICU refuses, bounds quantifiers so a pattern can serve
 * as a look-behind, and reads enough of a pattern's shape to build cheap
 * prefilters (which characters can end or start a match, which literal text a
 * match must end with). The analysis is conservative: when a pattern is too
 * complex to read it says "anything", never something false.
 */
#ifndef PA_JREGEX_H
#define PA_JREGEX_H

#include <stddef.h>
#include <stdint.h>
#include <unicode/uregex.h>

#include "align/util/buf.h"

/* Repetition bound that replaces *, + and {n,} inside look-behinds. */
#define PA_JREGEX_LOOKBEHIND_MAX 64

/* Time limit of one ICU match of an SRX pattern (uregex_setTimeLimit: units
 * of 10,000 match steps, about 1 s here). ICU 72 never ends some matches,
 * such as a lazy loop over what can match nothing ("(?:a?)+?x", "^+?x")
 * where the rest fails; the limit makes them an error instead of a hang,
 * far above what any real rule needs. */
#define PA_JREGEX_TIME_LIMIT 10000

/* Compiles ICU pattern `pat` (UTF-8) with `flags`, time-limited (see
 * PA_JREGEX_TIME_LIMIT). NULL with `*st` and `*pe` telling why on failure. */
URegularExpression *pa_jregex_open(const char *pat, uint32_t flags, UParseError *pe, UErrorCode *st);

/* Rewrites Java pattern `java` (UTF-8) into ICU syntax, appended to `out`:
 * stray braces become literals ("<0}"), the (?U) flag is dropped (ICU's
 * classes are Unicode already), and unbounded repetition inside look-behinds
 * is bounded (Java accepts "(?<=[XVI]+)", ICU does not). With `bound_all`,
 * unbounded repetition is bounded everywhere, so that the whole pattern can
 * be wrapped in a look-behind. Returns 0, or -1 with a reason in `why` for
 * syntax that cannot be translated (an unclosed class or group). */
int pa_jregex_translate(const char *java, int bound_all, pa_buf *out, char *why, size_t whylen);

/* True when `pat` uses a back-reference (\1, \k<name>), which cannot be
 * combined with another pattern without renumbering. */
int pa_jregex_has_backref(const char *pat);

/* True when every match of `pat` must start at the start of the text: it
 * opens with ^ that is not repeated (ICU takes "^?x", which matches
 * anywhere) and has no alternative at the top level ("^a|b"). */
int pa_jregex_anchored(const char *pat);

/* The literal text every match of `pat` must end with, as a list of
 * alternatives: on success returns their count n > 0 and stores a
 * NUL-separated list in `out` ("Mr.\0Mrs.\0"); `*ci` is set when the
 * pattern is case-insensitive as a whole. Returns 0 when matches need not end
 * with any literal text (or the pattern is too complex to tell). */
int pa_jregex_literal_suffixes(const char *pat, pa_buf *out, int *ci);

/* A guard of `pat`: a pattern (Java syntax, like `pat`) that every text
 * `pat` matches must end with, built from `pat`'s last atoms so that it can
 * only need a few characters ("(?:\p{Lu}\.|\p{L}\.)" style). Tested
 * before `pat` as a look-behind, it rejects most positions at a fraction of
 * the cost of `pat` whose bounded repetitions make ICU try every start up to
 * PA_JREGEX_LOOKBEHIND_MAX characters back. Returns 1 and appends it to
 * `out`, or 0 when no guard cheaper than `pat` itself is known. */
int pa_jregex_suffix_guard(const char *pat, pa_buf *out);

/* The longest text a match of `pat` can span once pa_jregex_translate has
 * bounded its repetitions (bound_all), in UTF-16 code units: an upper
 * bound, never less than the truth; -1 when unknown (flags, which could
 * let "ß" match "ss", back-references, \X). */
long pa_jregex_max_length(const char *pat);

/* The single character class that every match of `pat` ends with (`last`)
 * or begins with (first), written as an ICU UnicodeSet pattern in `out`
 * ("[\\.\\?!]", "[\\p{Lu}]"). Returns 1 on success, 0 when unknown (for
 * `first`, also when the pattern can match the empty string). `*ci` as
 * above. */
int pa_jregex_edge_class(const char *pat, int last, pa_buf *out, int *ci);

/* What every match of `pat` starts with, for a prefilter that rules out a
 * position before ICU is asked: an optional lead (the pattern's first atom,
 * a class repeated lead_min..lead_max times: "\s+", "[\s\u00A0]*"), then
 * the rest, whose first character is in class `first` and whose text
 * starts with one of the literal words `words` ("\s+(?:The|This)(?=\s)":
 * lead \s, 1..unbounded; first [T]; words "The", "This"). A part left
 * empty is unknown. */
typedef struct pa_jregex_start {
    pa_buf lead;             /* UnicodeSet pattern of the lead class; empty: no lead */
    long lead_min, lead_max; /* lead_max -1: unbounded */
    pa_buf first;            /* UnicodeSet pattern ("[...]"); empty: unknown */
    pa_buf words;            /* NUL-separated ("The\0This\0") */
    int nwords;              /* 0: unknown */
    int ci;                  /* the pattern is case-insensitive as a whole */
} pa_jregex_start;

/* Reads the start of `pat` into `st` (initialized here; free with
 * pa_jregex_start_free). With a lead, `first` and `words` describe the
 * text right after the lead's repetitions; without one, `words` are what
 * the match starts with (top-level alternatives: the union of theirs) and
 * `first` is left to pa_jregex_edge_class. Returns 1 when a lead or words
 * are known, 0 otherwise (also for flags other than a leading (?i)).
 * Words are never empty strings. */
int pa_jregex_read_start(const char *pat, pa_jregex_start *st);
void pa_jregex_start_free(pa_jregex_start *st);

/* The classes of the last characters of every match of `pat`, for a
 * prefilter that rules out a position before ICU is asked: `n` branches,
 * each a sequence of 1..PA_JREGEX_TAIL_CLASSES classes read back from the
 * match's end; every match ends with the characters of at least one
 * branch ("(?:\p{Nd}\.|\s\.\s\.)": [.][\p{Nd}] and [.][\s][.][\s]).
 * Optional atoms give a branch with and one without them; a repetition
 * of unknown length ends a branch. */
#define PA_JREGEX_TAIL_BRANCHES 16
#define PA_JREGEX_TAIL_CLASSES 4

typedef struct pa_jregex_tail {
    int n;                             /* 0: unknown */
    int len[PA_JREGEX_TAIL_BRANCHES];  /* classes of each branch */
    pa_buf cls; /* UnicodeSet patterns, NUL-separated: branch after branch, each from the last character back */
} pa_jregex_tail;

/* Reads the tail of `pat` into `t` (initialized here; free with
 * pa_jregex_tail_free). Returns t->n, 0 when unknown: a branch that could
 * be empty, too many branches, flags (with (?i), "ss" matches "ß": no
 * fixed classes), back-references. */
int pa_jregex_read_tail(const char *pat, pa_jregex_tail *t);
void pa_jregex_tail_free(pa_jregex_tail *t);

#endif
