/* blocks.h - building a document from the text of a structured format.
 *
 * The readers of marked-up documents (HTML, DOCX, ODT) walk their markup
 * and hand its text over piece by piece: inline text, whose white space is
 * collapsed as a browser or a word processor shows it (a run of spaces,
 * tabs and line ends is one space; none where a source line end falls
 * between two Chinese or Japanese characters), explicit spaces and line
 * breaks, and paragraph boundaries with the paragraph's kind. Each
 * paragraph remembers the source line of its first text.
 *
 * Notes (footnotes, endnotes) are a stream of their own: text handed over
 * while pa_blocks_notes(b, 1) is on goes to note paragraphs, which the
 * document gets after the body, never at their reference mark; the body's
 * current paragraph goes on where it stopped when the notes are off again.
 *
 * Soft hyphens (U+00AD) are invisible and dropped; two line breaks in a
 * row end a paragraph (what <br><br> means on a web page). pa_blocks_finish
 * cleans each paragraph as text input is cleaned (text/input.h: control
 * characters out, NFC) and gives the document its text and paragraphs:
 * its layout is done, the segmenter finds the sentences.
 */
#ifndef PA_BLOCKS_H
#define PA_BLOCKS_H

#include "align/readers/document.h"
#include "align/util/error.h"

typedef struct pa_blocks pa_blocks;

/* A new builder; `name` (copied) names the input in messages. */
pa_blocks *pa_blocks_new(const char *name);
void pa_blocks_free(pa_blocks *b);

/* Ends the current paragraph of the current stream (one without text
 * vanishes) and starts one of `kind`. */
void pa_blocks_begin(pa_blocks *b, pa_paragraph_kind kind);

/* Ends the current paragraph; what follows starts a body paragraph. */
void pa_blocks_end(pa_blocks *b);

/* Sets the kind of the current paragraph (DOCX tells it by properties
 * that come after the paragraph began). */
void pa_blocks_set_kind(pa_blocks *b, pa_paragraph_kind kind);

/* Appends inline text s[0..n) (UTF-8) with its white space collapsed;
 * `line` is where it stands in the source (0 when unknown). */
void pa_blocks_text(pa_blocks *b, const char *s, size_t n, size_t line);

/* Appends preformatted text: its line ends are line breaks. */
void pa_blocks_pre(pa_blocks *b, const char *s, size_t n, size_t line);

/* A space that is there whatever surrounds it (a tab, ODT's text:s). */
void pa_blocks_space(pa_blocks *b);

/* A line break inside the paragraph; a second one in a row ends it. */
void pa_blocks_break(pa_blocks *b);

/* Sends what follows to the note stream (on) or back to the body (off). */
void pa_blocks_notes(pa_blocks *b, int on);

/* Bytes of text held so far (for readers' limits). */
size_t pa_blocks_bytes(const pa_blocks *b);

/* Gives `d` the text and the paragraphs: the body's, then the notes'
 * (PA_PARA_FOOTNOTE). A document without any text is an error ("NAME:
 * contains no text"). */
int pa_blocks_finish(pa_blocks *b, pa_document *d, pa_error *err);

#endif
