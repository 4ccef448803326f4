/* sniff.h - what kind of file is this, by its content?
 *
 * polyalign aligns plain text. People hand it what they have: a Word or
 * OpenDocument file, a web page, a PDF, a TMX, a scanned page. Those must be
 * recognised by their first bytes and refused with a one-line message that
 * names the kind and, where there is one, the command that makes text of
 * it - not read as text and reported as "invalid UTF-8 at byte 10", nor,
 * worse, aligned tag by tag.
 *
 * pa_sniff looks at the first bytes of the input (after gzip, which the
 * source layer undoes). Content decides; the file name is only a hint where
 * the content is ambiguous (an OLE2 compound file whose directory lies past
 * the head; a ZIP whose entries in the head name no known format; a page
 * that starts with an HTML tag but has too little markup to be sure).
 *
 *  - magic numbers: ZIP (then its local file headers: word/ -> DOCX, xl/ ->
 *    XLSX, ppt/ -> PPTX, a "mimetype" entry -> ODT/ODS/ODP/EPUB), %PDF-
 *    (within the first 1024 bytes, as PDF readers allow; after leading
 *    junk only when an "obj" follows), OLE2 (Word/Excel/PowerPoint
 *    97-2003, told apart by the directory names when they are in the head),
 *    {\rtf, images (PNG, JPEG, GIF, TIFF, WebP) and compressed archives;
 *  - a UTF-8 or UTF-16 byte-order mark is skipped, and what follows is
 *    sniffed as text (UTF-16 is decoded for it);
 *  - UTF-16 without a mark (NUL bytes or not UTF-8, and one byte of each
 *    pair nearly always in the blocks text uses) is decoded too: TEXT
 *    unless it is markup (the decoder tells the user how to name the
 *    encoding; a TMX in UTF-16 without a mark is still a TMX);
 *  - otherwise NUL bytes (more than one in a thousand: a stray one in a
 *    text is dropped by the decoder) or other control characters (more
 *    than two in a hundred) make it BINARY;
 *  - markup: after white space, comments, <?xml ...?> and <!DOCTYPE ...>,
 *    the first element decides: <html> (XHTML too), <head> or <body> ->
 *    HTML; <tmx> -> TMX; <xliff> -> XLIFF; another root after <?xml or a
 *    DOCTYPE -> XML. Without either, the text must open with a tag and be
 *    dense in tags (PA_SNIFF_MIN_TAGS tags, one of them closing) to be
 *    markup: a typical HTML block tag (<p>, <div>, <table>, <h1>...) makes
 *    HTML, any other XML. A sentence that mentions "<p>" or "a < b" stays
 *    TEXT;
 *  - TEXT named .tsv (.tsv.gz) is TSV: a table of parallel text is text,
 *    and only its name tells it from prose with tabs in it.
 */
#ifndef PA_SNIFF_H
#define PA_SNIFF_H

#include <stddef.h>

#include "align/util/error.h"

/* Bytes of the input pa_sniff wants to see. ZIP entries are read from
 * their local headers in order, so more head finds the first "word/" or
 * "xl/" entry behind [Content_Types].xml, _rels/ and docProps/ (whose
 * compressed sizes are a few hundred bytes each, but a thumbnail can come
 * first); 64 KiB covers what Word, LibreOffice and Excel write. Markup and
 * binary tests look at most at the first PA_SNIFF_TEXT_HEAD bytes. A
 * shorter head is fine (a short file is its own head). */
#define PA_SNIFF_HEAD ((size_t)65536)
#define PA_SNIFF_TEXT_HEAD ((size_t)8192)

/* Tags a document must open with, without <?xml or a DOCTYPE, to count as
 * markup. */
#define PA_SNIFF_MIN_TAGS 4

typedef enum pa_input_kind {
    PA_INPUT_TEXT = 0,   /* plain text in any encoding: read it */
    PA_INPUT_HTML,       /* a web page, HTML or XHTML */
    PA_INPUT_XML,        /* XML of another vocabulary */
    PA_INPUT_TMX,        /* a translation memory */
    PA_INPUT_TSV,        /* a table of parallel text, named .tsv */
    PA_INPUT_XLIFF,      /* a bilingual XLIFF file from a CAT tool */
    PA_INPUT_DOCX,       /* Word 2007+ */
    PA_INPUT_XLSX,       /* Excel 2007+ */
    PA_INPUT_PPTX,       /* PowerPoint 2007+ */
    PA_INPUT_ODT,        /* OpenDocument text */
    PA_INPUT_ODS,        /* OpenDocument spreadsheet */
    PA_INPUT_ODP,        /* OpenDocument presentation */
    PA_INPUT_EPUB,       /* an e-book */
    PA_INPUT_ZIP,        /* another ZIP archive */
    PA_INPUT_PDF,
    PA_INPUT_DOC,        /* Word 97-2003 */
    PA_INPUT_XLS,        /* Excel 97-2003 */
    PA_INPUT_PPT,        /* PowerPoint 97-2003 */
    PA_INPUT_OLE,        /* another OLE2 compound file (Outlook .msg, ...) */
    PA_INPUT_RTF,
    PA_INPUT_IMAGE,      /* PNG, JPEG, GIF, TIFF, WebP: a scan? */
    PA_INPUT_ARCHIVE,    /* 7z, RAR, xz, bzip2, zstd (and gzip inside gzip) */
    PA_INPUT_BINARY      /* none of these, and not text */
} pa_input_kind;

/* The kind of input whose first `len` bytes are `head` (give it
 * PA_SNIFF_HEAD bytes, or the whole input when shorter). `path` (may be
 * NULL) is only a hint, for ambiguous content. */
pa_input_kind pa_sniff(const unsigned char *head, size_t len, const char *path);

/* A noun phrase for the kind: "a Word document", "an HTML page", "a PDF
 * file", ... ("plain text" for PA_INPUT_TEXT). */
const char *pa_input_kind_name(pa_input_kind k);

/* For any kind but PA_INPUT_TEXT: sets `err` to a one-line PA_EINPUT
 * message naming `name`, the kind, and what to do about it ("x.pdf is a
 * PDF file; not read yet: run pdftotext -enc UTF-8 x.pdf and align
 * x.txt"), and returns -1. For PA_INPUT_TEXT returns 0 and leaves `err`
 * alone. */
int pa_sniff_refuse(pa_input_kind k, const char *name, pa_error *err);

#endif
