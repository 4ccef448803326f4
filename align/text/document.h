/* document.h - the document model: text, paragraphs, sentences.
 *
 * A document owns its clean UTF-8 text (see input.h). Paragraphs and
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
#include "align/util/error.h"

typedef struct pa_span {
    size_t start; /* byte offset into the document text */
    size_t len;   /* bytes */
} pa_span;

typedef struct pa_paragraph {
    pa_span span;
    size_t first_sent; /* index of its first sentence */
    size_t n_sents;
} pa_paragraph;

typedef struct pa_sentence {
    pa_span span;
    size_t para; /* index of its paragraph */
} pa_sentence;

typedef struct pa_document {
    char *name;               /* file name or label, for messages and TMX */
    char lang[PA_LANG_MAX];   /* short code, see lang.h */
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

/* Pointer to the text of sentence `i`; its length is sents[i].span.len. */
static inline const char *pa_sentence_text(const pa_document *d, size_t i)
{
    return d->text + d->sents[i].span.start;
}

#endif
