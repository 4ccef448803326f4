/* reflow.h - repairing text extracted from PDF or wrapped by an editor.
 *
 * Such text breaks lines inside sentences and words, and marks paragraphs
 * only by the cues the layout left. Reflow finds the paragraphs and joins
 * the lines inside each:
 *
 *  - paragraph ends: a blank line (unless blank lines follow nearly every
 *    line, as in double-spaced extraction; then only two or more count), a
 *    trailing space where the document uses it to mark paragraph ends (as
 *    PDF extraction of UN documents does), a line ending a sentence followed
 *    by a paragraph number or list marker ("1.", "(a)", "(iv)", "一、",
 *    "（一）", "第十四条", "•") unless the list runs on inside the line
 *    ("...; (d) ...;" + "(e) ..."), a more indented line after a sentence end,
 *    and a short line (a heading, the last line of a paragraph);
 *  - joins: between two characters of scripts written without spaces (Han,
 *    kana, full-width forms, and digits next to them) the break disappears;
 *    elsewhere it becomes one space; a word hyphenated at the line end is
 *    joined when the joined word occurs elsewhere in the document more often
 *    than the hyphenated one ("disarma-" + "ment"), else the hyphen stays
 *    ("non-" + "proliferation"); a soft hyphen is always removed.
 *
 * The result has one paragraph a line, paragraphs separated by a blank line.
 * Runs in linear time (one pass to measure, one to write).
 */
#ifndef PA_REFLOW_H
#define PA_REFLOW_H

#include <stddef.h>
#include <stdint.h>

#include "align/util/buf.h"

typedef enum pa_reflow_kind {
    PA_REFLOW_DETECT = 0, /* decide from the line-length profile */
    PA_REFLOW_WRAPPED,    /* the text is wrapped: join lines */
    PA_REFLOW_LINES       /* each line is a paragraph */
} pa_reflow_kind;

/* Appends the repaired form of `text` to `out`. `lang` is the document's
 * language code. Returns the kind used (DETECT is resolved). */
pa_reflow_kind pa_reflow(const char *text, size_t len, const char *lang, pa_reflow_kind kind, pa_buf *out);

/* A line placed on its page by a reader that knows the geometry (PDF
 * through poppler): its bytes text[a..e) (no line feed inside), its left
 * edge from the column's and its width in columns (the width of an average
 * character; a wide one counts two), the width of its first word, and its
 * page. A line with `gap` set stands for a vertical gap (paragraph space)
 * and holds no text. */
typedef struct pa_placed_line {
    size_t a, e;
    int indent, width, first_word;
    unsigned page;
    unsigned char gap;
} pa_placed_line;

/* pa_reflow for placed lines: the same paragraph rebuilding, running heads
 * and feet and footnotes (pages.h), hyphenation and joins, with the widths
 * measured on the page instead of counted in characters. */
pa_reflow_kind pa_reflow_placed(const char *text, size_t len, const pa_placed_line *lines, size_t n, const char *lang,
                                pa_buf *out);

/* Whether `text` looks wrapped (PA_REFLOW_DETECT's decision), without
 * writing the repaired text. */
int pa_reflow_is_wrapped(const char *text, size_t len);

/* True for closing quotes and brackets that may follow a sentence's last
 * mark (" ' ) ] ’ ” » 」 』 》 〉 】 ）). */
int pa_is_closing_mark(uint32_t c);

/* True for code points of scripts written without spaces between words
 * (and full-width forms): they join broken lines without a space and are
 * two columns wide. */
int pa_is_unspaced_char(unsigned cp);

#endif
