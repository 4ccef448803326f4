/* merge.c - see merge.h. */
#include "align/pipeline/merge.h"
#include "align/util/alloc.h"
#include "align/util/error.h"
#include "align/util/hashset.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

struct pa_merge {
    char **langs; /* copied */
    size_t n_langs;
    double min_score;
    pa_writer *tmx, *moses; /* either may be NULL */
    pa_hashset seen;
    size_t duplicates;
    pthread_mutex_t lock;   /* guards everything below the options */
    int failed;
    pa_error first;         /* the first failure, reported at commit */
};

pa_merge *pa_merge_open(const char *path, const char *moses_prefix, const char *const *langs, size_t n_langs,
                        double min_score, const char *const *inputs, size_t n_inputs, pa_error *err)
{
    pa_merge *m = pa_calloc(1, sizeof *m);
    m->langs = pa_calloc(n_langs ? n_langs : 1, sizeof *m->langs);
    for (size_t l = 0; l < n_langs; l++) m->langs[l] = pa_strdup(langs[l]);
    m->n_langs = n_langs, m->min_score = min_score;
    pthread_mutex_init(&m->lock, NULL);
    pa_writer_options wo = PA_WRITER_OPTIONS_INIT;
    wo.min_score = min_score, wo.inputs = inputs, wo.n_inputs = n_inputs;
    if (path && !(m->tmx = pa_writer_open(path, langs, n_langs, &wo, err))) goto fail;
    wo.format = "moses";
    if (moses_prefix && !(m->moses = pa_writer_open(moses_prefix, langs, n_langs, &wo, err))) goto fail;
    return m;
fail:
    pa_merge_abort(m);
    return NULL;
}

/* pa_units_select's filter: the units a writer keeps (two languages or
 * more, score at least the minimum) whose texts are new. */
static int keep_new(void *data, const pa_unit *x, const size_t *from, size_t n_langs)
{
    pa_merge *m = data;
    size_t with_text = 0;
    for (size_t l = 0; l < n_langs; l++) with_text += from[l] != (size_t)-1 && x->count[from[l]] > 0;
    if (with_text < 2 || x->score < m->min_score) return 0;
    uint64_t h = PA_HASH_SEED;
    for (size_t l = 0; l < n_langs; l++) {
        size_t len = from[l] != (size_t)-1 && x->count[from[l]] ? x->len[from[l]] : 0;
        h = pa_hash_bytes(h, &len, sizeof len); /* keeps "ab"+"c" apart from "a"+"bc" */
        if (len) h = pa_hash_bytes(h, x->text[from[l]], len);
    }
    if (pa_hashset_add(&m->seen, pa_hash_finish(h))) return 1;
    m->duplicates++;
    return 0;
}

int pa_merge_add(pa_merge *m, const pa_units *u, pa_error *err)
{
    pthread_mutex_lock(&m->lock);
    int rc = 0;
    if (!m->failed) {
        pa_units *v = pa_units_select(u, (const char *const *)m->langs, m->n_langs, keep_new, m);
        if (v && m->tmx) rc = pa_writer_add(m->tmx, v, &m->first);
        if (v && rc == 0 && m->moses) rc = pa_writer_add(m->moses, v, &m->first);
        pa_units_free(v);
        if (rc != 0) {
            m->failed = 1;
            if (err) *err = m->first;
        }
    } else {
        rc = -1;
        if (err) *err = m->first;
    }
    pthread_mutex_unlock(&m->lock);
    return rc;
}

/* Frees what `m` holds (its writers already committed or aborted). */
static void merge_free(pa_merge *m)
{
    for (size_t l = 0; l < m->n_langs; l++) free(m->langs[l]);
    free(m->langs);
    pa_hashset_free(&m->seen);
    pthread_mutex_destroy(&m->lock);
    free(m);
}

int pa_merge_commit(pa_merge *m, pa_merge_counts *c, pa_error *err)
{
    pa_writer_counts wt = {0}, wm = {0};
    if (m->tmx) pa_writer_get_counts(m->tmx, &wt);
    if (m->moses) pa_writer_get_counts(m->moses, &wm);
    if (c) *c = (pa_merge_counts){wt.written, m->duplicates, wm.written, pa_hashset_bytes(&m->seen)};
    int rc = 0;
    if (m->failed) {
        if (err) *err = m->first;
        rc = -1;
    }
    /* the memory, then the Moses files; after a failure, nothing more */
    if (rc == 0 && m->tmx) rc = pa_writer_commit(m->tmx, err), m->tmx = NULL;
    if (rc == 0 && m->moses) rc = pa_writer_commit(m->moses, err), m->moses = NULL;
    pa_writer_abort(m->tmx), pa_writer_abort(m->moses);
    merge_free(m);
    return rc;
}

void pa_merge_abort(pa_merge *m)
{
    if (!m) return;
    pa_writer_abort(m->tmx), pa_writer_abort(m->moses);
    merge_free(m);
}
