/* reader.h - from an input (file or bytes) to a document.
 *
 * The one way polyalign reads a document: the bytes come through
 * util/source.h (gzip-transparent, "-" = standard input), their kind is
 * told by content (sniff.h; the name is only a hint), and the reader
 * registered for that kind makes the document model (document.h). A kind
 * no reader handles yet (Word, PDF, HTML, binary) is refused with a
 * one-line message naming the file and what it is.
 *
 * Adding a reader is one file that defines a pa_reader and one line in
 * the table of readers.c.
 */
#ifndef PA_READER_H
#define PA_READER_H

#include "align/polyalign.h"
#include "align/readers/document.h"
#include "align/readers/sniff.h"
#include "align/text/wordlist.h"
#include "align/util/buf.h"

/* What readers are told. */
typedef struct pa_read_opts {
    const char *encoding; /* for text: ICU converter name, NULL = UTF-8 or UTF-16 by BOM */
    size_t max_bytes;     /* 0 = PA_TEXT_MAX_BYTES */
    int position;         /* the input's place among the run's (0 = source, 1 = target,
                             ...; -1 = alone): a table without a header gives the
                             document the text column at this place (tsv.c) */
    const pa_wordlist_source *words; /* word lists for repairs of PDF text; NULL: opened per document */
} pa_read_opts;

typedef struct pa_reader {
    const char *name;    /* "text" */
    pa_input_kind kind;  /* the content it reads */
    /* Makes `d` (named, with its language set) from `len` bytes. Plain
     * text sets d->needs_layout and leaves paragraphs to readers/layout.h;
     * structured formats fill paragraphs (and may fill sentences). */
    int (*read)(const char *bytes, size_t len, const pa_read_opts *o, pa_document *d, pa_error *err);
} pa_reader;

/* Reads `in` into a new document for language `code` (short) with tag
 * `tag`. `name` names the input in messages. */
pa_document *pa_read_input(const pa_input *in, const char *name, const char *code, const char *tag,
                           const pa_read_opts *o, pa_error *err);

/* The readers (readers.c's table), for tests: the reader of `kind`, or NULL. */
const pa_reader *pa_reader_for(pa_input_kind kind);

extern const pa_reader pa_reader_text;
extern const pa_reader pa_reader_html;
extern const pa_reader pa_reader_docx;
extern const pa_reader pa_reader_odt;
extern const pa_reader pa_reader_pdf; /* only with poppler (configure --with-poppler) */
extern const pa_reader pa_reader_tmx;
extern const pa_reader pa_reader_tsv;

#endif
