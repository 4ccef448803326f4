/* reflow.h - undoing hard line breaks inside paragraphs.
 *
 * Text extracted from PDF or wrapped by an editor breaks lines inside
 * sentences and words. Reflow joins the lines of each paragraph (paragraphs
 * end at blank lines): between two characters of a script written without
 * spaces (Han, kana, CJK punctuation, and digits next to them) the break is
 * removed; elsewhere it becomes one space. Blank lines are kept as one empty
 * line, so paragraphs survive.
 */
#ifndef PA_REFLOW_H
#define PA_REFLOW_H

#include <stddef.h>

#include "align/util/buf.h"

/* Appends the reflowed form of `text` to `out`. `lang` is the document's
 * language code (it decides nothing yet beyond script rules; kept for
 * language-specific repairs). */
void pa_reflow(const char *text, size_t len, const char *lang, pa_buf *out);

/* True for code points of scripts written without spaces between words. */
int pa_is_unspaced_char(unsigned cp);

#endif
