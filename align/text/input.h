/* input.h - reading a text document into clean UTF-8.
 *
 * The one way polyalign turns a file into text: bytes through pa_source
 * (gzip-transparent, "-" = standard input), then decoding (UTF-8 with or
 * without BOM, UTF-16 LE/BE with BOM, or any ICU converter named by the
 * user: GB18030, Big5, windows-1251, ...), strict validation (invalid input
 * is an error naming the file and byte offset, never silently replaced),
 * cleaning (CR LF and CR become LF, NEL, U+2028/U+2029 and form feeds
 * become line ends; other control characters, U+FEFF, U+FFFE and U+FFFF
 * are removed) and NFC normalization with ICU.
 */
#ifndef PA_INPUT_H
#define PA_INPUT_H

#include <stddef.h>

#include "align/util/buf.h"
#include "align/util/error.h"

typedef struct pa_text_opts {
    const char *encoding; /* NULL or "auto": UTF-8, or UTF-16 by its BOM */
    size_t max_bytes;     /* 0 = PA_TEXT_MAX_BYTES */
    int keep_form_feeds;  /* keep form feeds (page ends of text extracted from
                             PDF, for text/reflow.h) instead of making them line ends;
                             text that has any is pdftotext's, and the bidirectional
                             embeddings and overrides U+202A-U+202E it wraps around
                             every right-to-left run are removed (cut into sentences,
                             they would be left unbalanced; text written so keeps them),
                             after the left-to-right runs they mark are put in logical
                             order (text/ltrrun.h) */
} pa_text_opts;

/* Inputs are aligned in memory; beyond this a file is refused (1 GiB). */
#define PA_TEXT_MAX_BYTES ((size_t)1 << 30)

/* Reads `path` into `out` (appended, NUL-terminated). A file with no
 * non-space character is an error ("empty"). `opts` may be NULL. */
int pa_read_text(const char *path, const pa_text_opts *opts, pa_buf *out, pa_error *err);

/* The decoding and cleaning steps of pa_read_text on bytes already in
 * memory; `name` is used in messages. Does not reject empty text. */
int pa_decode_text(const char *name, const char *bytes, size_t len, const pa_text_opts *opts,
                   pa_buf *out, pa_error *err);

/* Returns the byte offset of the first invalid UTF-8 sequence in `s`
 * (overlongs, surrogates and code points past U+10FFFF are invalid), or
 * `len` when all of it is valid. */
size_t pa_utf8_validate(const char *s, size_t len);

#endif
