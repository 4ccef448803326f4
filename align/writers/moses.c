/* moses.c - units as line-aligned plain text, one file a language
 * (PATH.LANG: the Moses and OPUS layout corpus builders feed to training):
 * line k of every file holds unit k. Only units with text in every
 * language, since a missing line would shift all that follow. */
#include "align/util/alloc.h"
#include "align/writers/lines.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct moses_state {
    pa_line_output **files;
    size_t n;
} moses_state;

static void moses_abort(void *state)
{
    moses_state *m = state;
    for (size_t l = 0; l < m->n; l++)
        if (m->files[l]) pa_line_output_abort(m->files[l]);
    pa_free(m->files), pa_free(m);
}

static void *moses_open(const char *path, const pa_writer_setup *s, pa_error *err)
{
    if (strcmp(path, "-") == 0) {
        pa_error_set(err, PA_EUSAGE, "the moses format writes a file a language: give -o PREFIX");
        return NULL;
    }
    moses_state *m = pa_calloc(1, sizeof *m);
    m->files = pa_calloc(s->n_langs, sizeof *m->files);
    m->n = s->n_langs;
    for (size_t l = 0; l < s->n_langs; l++) {
        size_t n = strlen(path) + strlen(s->langs[l]) + 5;
        char *name = pa_malloc(n);
        snprintf(name, n, "%s.%s%s", path, s->langs[l], s->gzip ? ".gz" : "");
        m->files[l] = pa_line_output_open(name, s, err);
        pa_free(name);
        if (!m->files[l]) {
            moses_abort(m);
            return NULL;
        }
    }
    return m;
}

static int moses_unit(void *state, const pa_units *u, const pa_unit *x, pa_error *err)
{
    moses_state *m = state;
    for (size_t l = 0; l < m->n; l++)
        if (!x->count[l]) return 1; /* not every language: no line anywhere */
    for (size_t l = 0; l < m->n; l++) {
        pa_put_one_line(&m->files[l]->buf, x->text[l], x->len[l]);
        pa_buf_putc(&m->files[l]->buf, '\n');
        if (pa_line_output_flush(m->files[l], 0, err) != 0) return -1;
    }
    return 0;
}

/* Finishes every file, and renames them into place only when all are
 * complete: a parallel corpus must not come out with one language new and
 * another old or missing. */
static int moses_commit(void *state, pa_error *err)
{
    moses_state *m = state;
    int rc = 0;
    for (size_t l = 0; l < m->n && rc == 0; l++)
        if (pa_line_output_flush(m->files[l], 1, err) != 0 || pa_output_finish(m->files[l]->out, err) != 0) rc = -1;
    for (size_t l = 0; l < m->n; l++) {
        pa_line_output *f = m->files[l];
        if (rc == 0) rc = pa_output_publish(f->out, err);
        else pa_output_abort(f->out);
        pa_buf_free(&f->buf), pa_free(f);
    }
    pa_free(m->files), pa_free(m);
    return rc;
}

const pa_format pa_format_moses = {"moses", NULL, 0, 0, moses_open, moses_unit, moses_commit, moses_abort, NULL};
