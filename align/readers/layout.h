/* layout.h - paragraphs and sentences of plain text from its lines.
 *
 * Plain text marks its structure only with line breaks. Either each line
 * is a sentence (corpus files, one sentence a line; a blank line ends a
 * paragraph), or the text runs on: blank lines end paragraphs and the line
 * breaks inside a paragraph are undone where the text was wrapped (PDF
 * extraction; text/reflow.h) before the segmenter finds the sentences.
 * Which of the two holds is decided for a whole document set, since the
 * versions of one document should be read alike.
 */
#ifndef PA_LAYOUT_H
#define PA_LAYOUT_H

#include "align/polyalign.h"
#include "align/readers/document.h"

/* Whether the text of `d` looks like one sentence a line. */
int pa_layout_is_sentence_lines(const pa_document *d);

/* Each non-blank line a sentence; blank lines end paragraphs. */
void pa_layout_lines(pa_document *d);

/* Running text: reflowed according to `mode`, split into paragraphs (no
 * sentences yet). */
void pa_layout_paragraphs(pa_document *d, pa_reflow_mode mode);

/* "auto", "on", "off" -> mode; -1 for anything else. */
int pa_reflow_mode_parse(const char *s, pa_reflow_mode *mode);

#endif
