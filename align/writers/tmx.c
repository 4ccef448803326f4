/* tmx.c - units as a TMX 1.4b translation memory (tmx/tmx_writer.h): one
 * <tu> a unit, a <tuv> for each language with text, srclang the pivot's. */
#include "align/writers/writer.h"
#include "align/util/alloc.h"
#include "tmx/tmx_writer.h"

#include <stdlib.h>

typedef struct tmx_state {
    pa_output *out;
    pa_tmx_writer *w;
    const char *const *tags;
    size_t n_langs;
    pa_tmx_variant *v; /* room for a variant per language */
} tmx_state;

static void *tmx_open(const char *path, const pa_writer_setup *s, pa_error *err)
{
    if (pa_output_refuse_inputs(path, s->inputs, s->n_inputs, err) != 0) return NULL;
    pa_output *out = pa_output_open(path, s->gzip, err);
    if (!out) return NULL;
    pa_tmx_header_info h = {0};
    h.srclang = s->tmx_tags[0];
    pa_tmx_writer *w = pa_tmx_writer_open(out, &h, err);
    if (!w) {
        pa_output_abort(out);
        return NULL;
    }
    tmx_state *t = pa_calloc(1, sizeof *t);
    t->out = out, t->w = w, t->tags = s->tmx_tags, t->n_langs = s->n_langs;
    t->v = pa_calloc(s->n_langs, sizeof *t->v);
    return t;
}

static int tmx_unit(void *state, const pa_units *u, const pa_unit *x, pa_error *err)
{
    tmx_state *t = state;
    size_t n = 0;
    for (size_t l = 0; l < t->n_langs; l++)
        if (x->count[l]) t->v[n++] = (pa_tmx_variant){t->tags[l], x->text[l], x->len[l]};
    pa_tmx_unit tu = {NULL, pa_units_document(u), x->score, NULL, t->v, n};
    return pa_tmx_writer_add_unit(t->w, &tu, err);
}

static int tmx_commit(void *state, pa_error *err)
{
    tmx_state *t = state;
    int rc = pa_tmx_writer_finish(t->w, err);
    rc = rc == 0 ? pa_output_commit(t->out, err) : (pa_output_abort(t->out), -1);
    free(t->v), free(t);
    return rc;
}

static void tmx_abort(void *state)
{
    tmx_state *t = state;
    pa_tmx_writer_free(t->w);
    pa_output_abort(t->out);
    free(t->v), free(t);
}

static size_t tmx_bytes(void *state)
{
    return pa_output_bytes(((tmx_state *)state)->out);
}

const pa_format pa_format_tmx = {"tmx", ".tmx", 0, 0, tmx_open, tmx_unit, tmx_commit, tmx_abort, tmx_bytes};
