/* tmx.c - a translation memory read as one language's document, so that a
 * memory is aligned (or segmented) again: `polyalign align -s zh -t en
 * memory.tmx` (one memory for both sides, see cmd_align.c), or a memory
 * per side. Each <tu> with text in the document's language is a paragraph
 * (UN memories often hold a paragraph a unit), in the memory's order;
 * units without that language are left out. The variant is the one whose
 * tag is the document's (zh-TW), else one of its language (zh takes
 * zh-CN). The text, a paragraph a line with blank lines between, then
 * goes the way of plain text (the text reader: cleaning, NFC; one sentence
 * a line or segmentation: readers/layout.h), inline codes stripped.
 */
#include "align/readers/reader.h"
#include "align/text/utf8.h"
#include "tmx/tmx_reader.h"

static int read_tmx(const char *bytes, size_t len, const pa_read_opts *o, pa_document *d, pa_error *err)
{
    pa_tmx_reader *r = pa_tmx_reader_open_bytes(bytes, len, d->name, NULL, err);
    if (!r) return -1;
    pa_buf text = PA_BUF_INIT;
    const pa_tmx_read_unit *u;
    size_t units = 0, paras = 0;
    int rc;
    while ((rc = pa_tmx_reader_next(r, &u, err)) > 0) {
        units++;
        const pa_tmx_read_variant *v = pa_tmx_unit_variant(u, d->tag);
        if (!v) v = pa_tmx_unit_variant(u, d->lang);
        if (!v) continue;
        if (pa_utf8_blank(v->text, v->len)) continue;
        pa_put_one_line(&text, v->text, v->len);
        pa_buf_puts(&text, "\n\n");
        paras++;
    }
    pa_tmx_reader_close(r);
    if (rc == 0 && paras == 0)
        rc = pa_error_set(err, PA_EINPUT, "%s: none of its %zu units has text in %s", d->name, units, d->tag);
    pa_read_opts utf8 = {NULL, o ? o->max_bytes : 0, -1, o ? o->words : NULL}; /* the text is UTF-8 now */
    if (rc == 0) rc = pa_reader_text.read(text.data, text.len, &utf8, d, err);
    pa_buf_free(&text);
    return rc == 0 ? 0 : -1;
}

const pa_reader pa_reader_tmx = {"tmx", PA_INPUT_TMX, read_tmx};
