/* readers.c - the table of readers, and reading an input through it. */
#include "config.h"
#include "align/readers/reader.h"
#include "align/text/input.h"
#include "align/util/source.h"

#include <stdio.h>
#include <string.h>

/* One line a reader. */
static const pa_reader *const readers[] = {
    &pa_reader_text,
    &pa_reader_html,
    &pa_reader_docx,
    &pa_reader_odt,
#ifdef HAVE_POPPLER
    &pa_reader_pdf,
#endif
    &pa_reader_tmx,
    &pa_reader_tsv,
};

const pa_reader *pa_reader_for(pa_input_kind kind)
{
    for (size_t k = 0; k < sizeof readers / sizeof *readers; k++)
        if (readers[k]->kind == kind) return readers[k];
    return NULL;
}

pa_document *pa_read_input(const pa_input *in, const char *name, const char *code, const char *tag,
                           const pa_read_opts *o, pa_error *err)
{
    pa_buf raw = PA_BUF_INIT;
    const char *bytes = in->bytes;
    size_t len = in->len;
    if (!bytes) {
        size_t max = o && o->max_bytes ? o->max_bytes : PA_TEXT_MAX_BYTES;
        if (pa_read_file(in->path, &raw, max, err) != 0) {
            pa_buf_free(&raw);
            return NULL;
        }
        bytes = raw.data ? raw.data : "", len = raw.len;
    }
    pa_document *d = NULL;
    if (len == 0) {
        pa_error_set(err, PA_EINPUT, "%s: empty file", name);
    } else {
        pa_input_kind kind = pa_sniff((const unsigned char *)bytes, len, in->path ? in->path : name);
        const pa_reader *r = pa_reader_for(kind);
        if (!r) {
            pa_sniff_refuse(kind, name, err);
        } else {
            d = pa_document_new(name, code);
            snprintf(d->tag, sizeof d->tag, "%s", tag ? tag : code);
            if (r->read(bytes, len, o, d, err) != 0) pa_document_free(d), d = NULL;
        }
    }
    pa_buf_free(&raw);
    return d;
}
