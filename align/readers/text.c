/* text.c - the plain-text reader.
 *
 * Decodes and cleans the bytes (text/input.h: encodings, strict UTF-8, NFC,
 * pdftotext's right-to-left lines), puts back the lam-alef ligatures of
 * Arabic text that pdftotext gave reversed (text/lamalef.h: only where the
 * text shows it, in place) and leaves the layout, which depends on all the
 * documents of a set (one sentence a line or running text), to
 * readers/layout.h.
 */
#include "align/readers/reader.h"
#include "align/text/input.h"
#include "align/text/lamalef.h"

#include <string.h>

static int read_text(const char *bytes, size_t len, const pa_read_opts *o, pa_document *d, pa_error *err)
{
    pa_buf clean = PA_BUF_INIT;
    pa_text_opts to = {o ? o->encoding : NULL, o ? o->max_bytes : 0, 1};
    int rc = pa_decode_text(d->name, bytes, len, &to, &clean, err);
    if (rc != 0) {
        pa_buf_free(&clean);
        return -1;
    }
    size_t i = 0;
    while (i < clean.len && (clean.data[i] == ' ' || clean.data[i] == '\n' || clean.data[i] == '\t')) i++;
    if (i == clean.len) {
        pa_buf_free(&clean);
        return pa_error_set(err, PA_EINPUT, "%s: contains no text", d->name);
    }
    size_t n;
    char *text = pa_buf_detach(&clean, &n);
    if (strcmp(d->lang, "ar") == 0) pa_lamalef_fix(text, n, o ? o->words : NULL);
    pa_document_set_text(d, text, n);
    d->needs_layout = 1;
    return 0;
}

const pa_reader pa_reader_text = {"text", PA_INPUT_TEXT, read_text};
