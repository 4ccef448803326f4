/* tsv.c - units as "SCORE<TAB>TEXT<TAB>TEXT..." lines, a column a language
 * (tabs and line breaks in the text become spaces). */
#include "align/writers/lines.h"

static int tsv_unit(void *state, const pa_units *u, const pa_unit *x, pa_error *err)
{
    pa_line_output *o = state;
    if (x->score >= 0) pa_buf_printf(&o->buf, "%.4f", x->score); /* units read from TMX may have none */
    for (size_t l = 0; l < o->n_langs; l++) {
        pa_buf_putc(&o->buf, '\t');
        pa_put_one_line(&o->buf, x->text[l], x->len[l]);
    }
    pa_buf_putc(&o->buf, '\n');
    return pa_line_output_flush(o, 0, err);
}

const pa_format pa_format_tsv = {"tsv", ".tsv", 0, 0, pa_line_output_open, tsv_unit, pa_line_output_commit,
                                 pa_line_output_abort, pa_line_output_bytes};
