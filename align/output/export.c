/* export.c - see export.h. */
#include "align/output/export.h"
#include "align/util/alloc.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

int pa_format_parse(const char *name, pa_format *fmt, int *gzip)
{
    static const struct { const char *name; pa_format fmt; int gzip; } names[] = {
        {"tmx", PA_FORMAT_TMX, 0},     {"tmx.gz", PA_FORMAT_TMX, 1}, {"beads", PA_FORMAT_BEADS, 0},
        {"beads.gz", PA_FORMAT_BEADS, 1}, {"align", PA_FORMAT_BEADS, 0}, {"tsv", PA_FORMAT_TSV, 0},
        {"tsv.gz", PA_FORMAT_TSV, 1},
    };
    for (size_t k = 0; k < sizeof names / sizeof *names; k++)
        if (strcasecmp(name, names[k].name) == 0) {
            *fmt = names[k].fmt;
            *gzip = names[k].gzip;
            return 0;
        }
    return -1;
}

static int has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcasecmp(s + n - k, suffix) == 0;
}

pa_format pa_format_from_path(const char *path, int *gzip)
{
    *gzip = has_suffix(path, ".gz");
    if (has_suffix(path, ".tmx") || has_suffix(path, ".tmx.gz")) return PA_FORMAT_TMX;
    if (has_suffix(path, ".tsv") || has_suffix(path, ".tsv.gz")) return PA_FORMAT_TSV;
    if (has_suffix(path, ".align") || has_suffix(path, ".beads") || has_suffix(path, ".align.gz") ||
        has_suffix(path, ".beads.gz"))
        return PA_FORMAT_BEADS;
    return PA_FORMAT_NONE;
}

void pa_bead_side_text(const pa_document *d, size_t first, size_t n, pa_buf *out)
{
    int spaced = !pa_lang_is_unspaced(d->lang);
    for (size_t k = first; k < first + n; k++) {
        if (k > first && spaced) pa_buf_putc(out, ' ');
        pa_buf_append(out, pa_sentence_text(d, k), d->sents[k].span.len);
    }
}

/* Whether bead `b` goes into a translation memory. */
static int exportable(const pa_bead *b, double min_score, pa_export_stats *st)
{
    if (b->n_src == 0 || b->n_tgt == 0) return st->skipped++, 0;
    if (b->score < min_score) return st->dropped++, 0;
    return 1;
}

int pa_export_tmx(pa_tmx_writer *w, const pa_tmx_langtags *tags, const pa_document *src, const pa_document *tgt,
                  const pa_alignment *a, double min_score, const char *label, pa_export_stats *st,
                  pa_error *err)
{
    pa_buf s = PA_BUF_INIT, t = PA_BUF_INIT;
    int rc = 0;
    for (size_t k = 0; k < a->n && rc == 0; k++) {
        const pa_bead *b = &a->beads[k];
        if (!exportable(b, min_score, st)) continue;
        pa_buf_reset(&s), pa_buf_reset(&t);
        pa_bead_side_text(src, b->src, b->n_src, &s);
        pa_bead_side_text(tgt, b->tgt, b->n_tgt, &t);
        pa_tmx_variant v[2] = {{pa_tmx_langtags_get(tags, src->lang), s.data, s.len},
                            {pa_tmx_langtags_get(tags, tgt->lang), t.data, t.len}};
        pa_tmx_unit u = {NULL, label, b->score, NULL, v, 2};
        rc = pa_tmx_writer_add_unit(w, &u, err);
        if (rc == 0) st->written++;
    }
    pa_buf_free(&s), pa_buf_free(&t);
    return rc;
}

int pa_export_beads(pa_output *out, const pa_alignment *a, pa_export_stats *st, pa_error *err)
{
    pa_buf b = PA_BUF_INIT;
    int rc = 0;
    for (size_t k = 0; k < a->n && rc == 0; k++) {
        pa_bead_format(&a->beads[k], &b);
        st->written++;
        if (b.len >= (1 << 16) || k + 1 == a->n) {
            rc = pa_output_write(out, b.data, b.len, err);
            pa_buf_reset(&b);
        }
    }
    pa_buf_free(&b);
    return rc;
}

/* Appends a bead side for TSV: no tabs or line breaks inside a field. */
static void tsv_field(const pa_document *d, size_t first, size_t n, pa_buf *out)
{
    size_t at = out->len;
    pa_bead_side_text(d, first, n, out);
    for (size_t k = at; k < out->len; k++)
        if (out->data[k] == '\t' || out->data[k] == '\n' || out->data[k] == '\r') out->data[k] = ' ';
}

int pa_export_tsv(pa_output *out, const pa_document *src, const pa_document *tgt, const pa_alignment *a,
                  double min_score, pa_export_stats *st, pa_error *err)
{
    pa_buf b = PA_BUF_INIT;
    int rc = 0;
    for (size_t k = 0; k < a->n && rc == 0; k++) {
        const pa_bead *x = &a->beads[k];
        if (exportable(x, min_score, st)) {
            pa_buf_printf(&b, "%.4f\t", x->score);
            tsv_field(src, x->src, x->n_src, &b);
            pa_buf_putc(&b, '\t');
            tsv_field(tgt, x->tgt, x->n_tgt, &b);
            pa_buf_putc(&b, '\n');
            st->written++;
        }
        if (b.len >= (1 << 16) || (k + 1 == a->n && b.len)) {
            rc = pa_output_write(out, b.data, b.len, err);
            pa_buf_reset(&b);
        }
    }
    pa_buf_free(&b);
    return rc;
}
