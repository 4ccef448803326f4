/* tmx.c - units as a TMX 1.4b translation memory (tmx/tmx_writer.h): one
 * <tu> a unit, a <tuv> for each language with text, srclang the pivot's. */
#include "align/writers/writer.h"
#include "align/util/alloc.h"
#include "align/text/numbers.h"
#include "align/util/buf.h"
#include "tmx/tmx_writer.h"

#include <stdlib.h>

typedef struct tmx_state {
    pa_output *out;
    pa_tmx_writer *w;
    const char *const *tags;
    size_t n_langs;
    pa_tmx_variant *v; /* room for a variant per language */
    pa_buf bead;       /* scratch for the x-bead prop */
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
    pa_buf_reserve(&t->bead, 64); /* now: what an add allocates, a failing add frees */
    return t;
}

/* Whether the numbers of a variant differ from those of the first. */
static int numbers_differ(const pa_tmx_variant *v, size_t n)
{
    for (size_t k = 1; k < n; k++)
        if (pa_numbers_differ(v[0].text, v[0].len, v[k].text, v[k].len)) return 1;
    return 0;
}

/* A unit with its props: the document, score, bead ("2-1", every language
 * of the memory), the pivot's paragraph (1-based) and whether the numbers
 * of its sides differ. */
static int tmx_unit(void *state, const pa_units *u, const pa_unit *x, pa_error *err)
{
    tmx_state *t = state;
    size_t n = 0;
    pa_buf_reset(&t->bead);
    for (size_t l = 0; l < t->n_langs; l++) {
        if (x->count[l]) t->v[n++] = (pa_tmx_variant){.lang = t->tags[l], .text = x->text[l], .len = x->len[l]};
        pa_buf_printf(&t->bead, l ? "-%zu" : "%zu", x->count[l]);
    }
    pa_tmx_unit tu = {.document = pa_units_document(u), .score = x->score, .variants = t->v, .n_variants = n,
                      .bead = t->bead.data, .paragraph = x->paragraph + 1,
                      .numbers_differ = numbers_differ(t->v, n)};
    return pa_tmx_writer_add_unit(t->w, &tu, err);
}

static void tmx_state_free(tmx_state *t)
{
    pa_buf_free(&t->bead);
    pa_free(t->v), pa_free(t);
}

static int tmx_commit(void *state, pa_error *err)
{
    tmx_state *t = state;
    int rc = pa_tmx_writer_finish(t->w, err);
    rc = rc == 0 ? pa_output_commit(t->out, err) : (pa_output_abort(t->out), -1);
    tmx_state_free(t);
    return rc;
}

static void tmx_abort(void *state)
{
    tmx_state *t = state;
    pa_tmx_writer_free(t->w);
    pa_output_abort(t->out);
    tmx_state_free(t);
}

static size_t tmx_bytes(void *state)
{
    return pa_output_bytes(((tmx_state *)state)->out);
}

const pa_format pa_format_tmx = {"tmx", ".tmx", 0, 0, tmx_open, tmx_unit, tmx_commit, tmx_abort, tmx_bytes};
