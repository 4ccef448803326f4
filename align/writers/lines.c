/* lines.c - see lines.h. */
#include "align/writers/lines.h"
#include "align/util/alloc.h"

#include <stdlib.h>

void *pa_line_output_open(const char *path, const pa_writer_setup *s, pa_error *err)
{
    if (pa_output_refuse_inputs(path, s->inputs, s->n_inputs, err) != 0) return NULL;
    pa_output *out = pa_output_open(path, s->gzip, err);
    if (!out) return NULL;
    pa_line_output *o = pa_calloc(1, sizeof *o);
    o->out = out, o->n_langs = s->n_langs;
    pa_buf_reserve(&o->buf, 4096); /* now: what an add allocates, a failing add frees */
    return o;
}

int pa_line_output_flush(pa_line_output *o, int force, pa_error *err)
{
    if (o->buf.len < (1 << 16) && !(force && o->buf.len)) return 0;
    int rc = pa_output_write(o->out, o->buf.data, o->buf.len, err);
    pa_buf_reset(&o->buf);
    return rc;
}

int pa_line_output_commit(void *state, pa_error *err)
{
    pa_line_output *o = state;
    int rc = pa_line_output_flush(o, 1, err);
    rc = rc == 0 ? pa_output_commit(o->out, err) : (pa_output_abort(o->out), -1);
    pa_buf_free(&o->buf), pa_free(o);
    return rc;
}

void pa_line_output_abort(void *state)
{
    pa_line_output *o = state;
    pa_output_abort(o->out);
    pa_buf_free(&o->buf), pa_free(o);
}

size_t pa_line_output_bytes(void *state)
{
    pa_line_output *o = state;
    return pa_output_bytes(o->out) + o->buf.len;
}
