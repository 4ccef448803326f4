/* sentence_lines.h - does a text hold one sentence a line?
 *
 * Corpus files and evaluation sets (UNPC, MAC, Text+Berg, the .sent files
 * of corpora/sample) hold one sentence a line. When both inputs of an
 * alignment look like that, polyalign keeps the lines as its sentences
 * instead of segmenting again, which would split some of them where the
 * corpus did not. Two other layouts must not be taken for it:
 *
 *  - wrapped text (PDF extraction, an editor's hard breaks), whose lines
 *    end inside sentences: most of its lines end without sentence-final
 *    punctuation, and the reflow detector (text/reflow.h) calls it wrapped;
 *  - a paragraph a line, where most lines hold several sentences: sentence
 *    ends followed by more text on the same line are frequent.
 *
 * The rule, over the non-blank lines:
 *
 *   ends   = lines ending like a sentence: . ! ? 。 ！ ？ … ؟ or : ; ：
 *            ； ؛ (closing quotes and brackets skipped);
 *   inner  = sentence ends inside a line: . ! ? … ؟ followed by a space
 *            and a letter that is not lower case (Arabic, having no case,
 *            counts; Han and kana do not: "我…… 叫" is a hesitation),
 *            except after a likely abbreviation or ordinal ("Mr.", "H.E.",
 *            "U.S.", an initial, a number: "am 18. Mai", a marker opening
 *            the line) or before an acronym ("долл. США"); or 。 ！ ？
 *            followed directly by more text (not by a closing quote, after
 *            which Chinese sentences often go on: 。”他说);
 *
 *   one sentence a line  <=>  reflow would not join the lines
 *                             and ends >= PA_SENTLINES_MIN_ENDS
 *                             and 2 * ends >= lines
 *                             and 5 * inner <= ends.
 *
 * Measured on the shared data (tests/readers/sentence_lines.py):
 * sentence-per-line sets (MAC-dev, Text+Berg dev, the UNPC devset) have
 * inner/ends of 0 to 0.009 and ends/lines of 0.79 to 1; paragraph-per-line
 * text has inner/ends of 0.7 and more (2.5 to 3.8 for UNPC sentences
 * joined into paragraphs of 3-8); wrapped paragraphs have ends/lines of
 * 0.07 to 0.13, the PDF-extracted seed 0.35. Sentences wrapped one a
 * paragraph (no inner ends) fall at 0.23 to 0.45, near enough to the limit
 * of 0.5 that reflow's detector, which calls each of them wrapped, is the
 * second guard.
 *
 * Too little evidence (fewer than PA_SENTLINES_MIN_ENDS lines ending like
 * a sentence) answers no, and so does a text most of whose lines end like
 * no sentence (headings, captions, tables): on such text both answers give
 * nearly the same sentences (unless reflow finds it wrapped, every line
 * stays a unit either way; segmenting only adds splits inside lines), and
 * "no" is the answer that cannot keep two sentences glued together.
 * Short texts do not flip at random: the limits sit far from where the sets
 * fall (inner/ends at most 0.009 against a limit of 0.2; paragraph text at
 * 0.7 and up), so five sentence lines stay yes with one paragraph of two
 * sentences among them and turn no only with more. Windows of 5-10 lines of
 * the sets above keep their set's answer in 93-100% of cases for sentence
 * lines (the rest: windows of headings or photo captions, answered no) and
 * in 100% for paragraphs and wrapped paragraphs; Chinese sentences wrapped
 * one a paragraph, most of them shorter than a line, are answered no in 91%
 * (reflow's profile needs more broken lines than such a window has).
 */
#ifndef PA_SENTENCE_LINES_H
#define PA_SENTENCE_LINES_H

#include <stddef.h>

/* Fewer sentence ends at line ends than this: not enough to tell. */
#define PA_SENTLINES_MIN_ENDS 3

/* What the decision was made of, for messages and tests. */
typedef struct pa_sentence_lines_stats {
    size_t lines;  /* non-blank lines */
    size_t ends;   /* lines ending like a sentence */
    size_t inner;  /* sentence ends inside lines */
    int wrapped;   /* reflow's detector calls the text wrapped (1) or not (0);
                      -1: not asked, the counts had already said no */
} pa_sentence_lines_stats;

/* True (1) when `text` (clean UTF-8 as input.h makes it: LF line ends,
 * NFC; `len` bytes) holds one sentence a line by the rule above, else 0.
 * `lang` is the short language code (may be NULL; only reflow's detector
 * is given it, the counts do not depend on it). Linear time; memory in
 * proportion to the input (the reflow detector's line table and a scratch
 * copy). */
int pa_text_is_sentence_lines(const char *text, size_t len, const char *lang);

/* The same, also filling `st` (not NULL). */
int pa_text_sentence_lines_stats(const char *text, size_t len, const char *lang, pa_sentence_lines_stats *st);

#endif
