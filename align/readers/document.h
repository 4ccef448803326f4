/* document.h - the document model: text, paragraphs, sentences.
 *
 * What every reader produces and every later layer reads. A document owns
 * its clean UTF-8 text (see text/input.h). Paragraphs, each with a kind
 * (body, heading, ...) and where it came from, and
 * sentences are byte spans into that text, in order, never overlapping;
 * every sentence belongs to one paragraph. The segmenter fills sentences in;
 * the aligner reads them; writers copy the spans out. Offsets, not copies,
 * keep memory linear in the input.
 */
#ifndef PA_DOCUMENT_H
#define PA_DOCUMENT_H

#include <stddef.h>
#include <stdint.h>

#include "align/text/lang.h"
#include "align/util/buf.h"
#include "align/util/error.h"

typedef struct pa_span {
    size_t start; /* byte offset into the document text */
    size_t len;   /* bytes */
} pa_span;

/* What a paragraph is in its document (readers of structured formats
 * know; plain text is all body). */
typedef enum pa_paragraph_kind {
    PA_PARA_BODY = 0,
    PA_PARA_HEADING,
    PA_PARA_LIST_ITEM,
    PA_PARA_TABLE_CELL,
    PA_PARA_FOOTNOTE
} pa_paragraph_kind;

typedef struct pa_paragraph {
    pa_span span;
    pa_paragraph_kind kind;
    size_t line;       /* where it came from: 1-based line of the text it starts
                          on (readers of structured formats: of the source) */
    size_t first_sent; /* index of its first sentence */
    size_t n_sents;
} pa_paragraph;

typedef struct pa_sentence {
    pa_span span;
    size_t para; /* index of its paragraph */
} pa_sentence;

typedef struct pa_document {
    char *name;               /* file name or label, for messages and TMX */
    char lang[PA_LANG_MAX];   /* short code, see lang.h: what segmenter and aligner use */
    char tag[PA_LANG_MAX];    /* the BCP 47 tag given ("zh-TW"); lang when none was */
    int needs_layout;         /* plain text: paragraphs and sentences still to be
                                 found from its lines (readers/layout.h) */
    char *text;               /* NUL-terminated UTF-8 */
    size_t len;
    pa_paragraph *paras;
    size_t n_paras, cap_paras;
    pa_sentence *sents;
    size_t n_sents, cap_sents;
} pa_document;

/* An empty document; `name` and `lang` are copied. */
pa_document *pa_document_new(const char *name, const char *lang);
void pa_document_free(pa_document *d);

/* Hands `text` (pa_malloc'd, NUL-terminated, `len` bytes) to the document
 * and clears paragraphs and sentences. */
void pa_document_set_text(pa_document *d, char *text, size_t len);

/* Splits the text into paragraphs at blank lines (lines holding only white
 * space); each paragraph's span is trimmed of surrounding white space. */
void pa_document_split_paragraphs(pa_document *d);

/* Pre-split input: each non-blank line is one sentence (trimmed), a blank
 * line ends a paragraph. Sentence i is the i-th non-blank line. */
void pa_document_split_lines(pa_document *d);

/* Appends a paragraph spanning [start, start+len) (after the last one). */
void pa_document_add_paragraph(pa_document *d, size_t start, size_t len);

/* Appends a sentence to paragraph `para` (which must be the last paragraph
 * that has sentences, or a later one). Empty spans are ignored. */
void pa_document_add_sentence(pa_document *d, size_t para, size_t start, size_t len);

/* Drops all sentences (paragraphs stay). */
void pa_document_clear_sentences(pa_document *d);

/* Appends the text of sentences [first, first+n) to `out`, joined with one
 * space, or with nothing for languages written without spaces (zh, ja). */
void pa_document_join_sentences(const pa_document *d, size_t first, size_t n, pa_buf *out);

/* Pointer to the text of sentence `i`; its length is sents[i].span.len. */
static inline const char *pa_sentence_text(const pa_document *d, size_t i)
{
    return d->text + d->sents[i].span.start;
}

#endif
