/* buf.h - a growable byte buffer (always NUL-terminated).
 *
 * Used for text being read, built or repaired; `data` may be handed over to a
 * longer-lived owner with pa_buf_detach.
 */
#ifndef PA_BUF_H
#define PA_BUF_H

#include <stddef.h>

typedef struct pa_buf {
    char *data;  /* NUL-terminated; NULL until the first append or reserve */
    size_t len;
    size_t cap;
} pa_buf;

#define PA_BUF_INIT {NULL, 0, 0}

void pa_buf_reserve(pa_buf *b, size_t extra);
void pa_buf_append(pa_buf *b, const void *p, size_t n);
void pa_buf_puts(pa_buf *b, const char *s);
void pa_buf_putc(pa_buf *b, char c);
void pa_buf_printf(pa_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends `s` (`n` bytes of UTF-8) as a quoted JSON string. */
void pa_buf_json_string(pa_buf *b, const char *s, size_t n);
/* Appends `n` bytes of `s` with tabs and line breaks turned into spaces
 * (a field of TSV, a line of Moses text, a paragraph of one line). */
void pa_put_one_line(pa_buf *out, const char *s, size_t n);
/* The same, safe inside an HTML <script> element: <, >, &, U+2028 and
 * U+2029 written as \u escapes too, so no text can end the element. */
void pa_buf_json_string_html(pa_buf *b, const char *s, size_t n);
/* Empties the buffer but keeps its memory. */
void pa_buf_reset(pa_buf *b);
/* Returns the data (never NULL) and leaves `b` empty; the caller frees it. */
char *pa_buf_detach(pa_buf *b, size_t *len);
void pa_buf_free(pa_buf *b);

#endif
