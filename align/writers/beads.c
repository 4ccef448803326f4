/* beads.c - units as bead lines, "[0,1]:[0]" (the format of alignment gold
 * standards): every unit, deletions included; two languages. */
#include "align/writers/lines.h"

/* Appends "[a,a+1,...]" for sentences [first, first+count). */
static void index_list(pa_buf *b, size_t first, size_t count)
{
    pa_buf_putc(b, '[');
    for (size_t k = 0; k < count; k++) pa_buf_printf(b, k ? ",%zu" : "%zu", first + k);
    pa_buf_putc(b, ']');
}

static int beads_unit(void *state, const pa_units *u, const pa_unit *x, pa_error *err)
{
    pa_line_output *o = state;
    index_list(&o->buf, x->first[0], x->count[0]);
    pa_buf_putc(&o->buf, ':');
    index_list(&o->buf, x->first[1], x->count[1]);
    pa_buf_putc(&o->buf, '\n');
    return pa_line_output_flush(o, 0, err);
}

const pa_format pa_format_beads = {"beads", ".beads", 2, 1, pa_line_output_open, beads_unit, pa_line_output_commit,
                                   pa_line_output_abort, pa_line_output_bytes};
