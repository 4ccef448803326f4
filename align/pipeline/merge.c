/* merge.c - see merge.h. */
#include "align/pipeline/merge.h"
#include "align/util/alloc.h"
#include "align/util/error.h"
#include "align/util/hashset.h"
#include "align/util/output.h"
#include "align/writers/writer.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct pa_merge {
    char **langs; /* copied */
    size_t n_langs;
    double min_score;
    pa_writer *tmx, *moses; /* either may be NULL */
    char *path;             /* the memory's name as given; NULL = none */
    size_t split_size;      /* start a new part past this many bytes; 0 = one file */
    size_t part;            /* parts opened so far (split only) */
    size_t part_written;    /* units of the parts already committed */
    const char *const *inputs;
    size_t n_inputs;
    pa_hashset seen;
    size_t duplicates;
    pthread_mutex_t lock;   /* guards everything below the options */
    int failed;
    pa_error first;         /* the first failure, reported at commit */
};

/* The name of part `k` (1-based) of `path`: the number goes before the
 * suffix, "all.tmx.gz" -> "all.003.tmx.gz", so the parts sort in order and
 * keep their format. */
static char *part_name(const char *path, size_t k)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    if (dot && dot > base && pa_path_is_gzip(path)) {
        const char *prev = dot;
        while (prev > base && prev[-1] != '.') prev--;
        if (prev > base + 1) dot = prev - 1;
    }
    if (!dot || dot == base) dot = base + strlen(base);
    size_t stem = (size_t)(dot - path), n = strlen(path) + 32;
    char *name = pa_malloc(n);
    snprintf(name, n, "%.*s.%03zu%s", (int)stem, path, k, dot);
    return name;
}

/* Opens the memory, or its next part when split. */
static int open_memory(pa_merge *m, pa_error *err)
{
    pa_writer_options wo = PA_WRITER_OPTIONS_INIT;
    wo.min_score = m->min_score, wo.inputs = m->inputs, wo.n_inputs = m->n_inputs;
    char *name = m->split_size ? part_name(m->path, ++m->part) : NULL;
    m->tmx = pa_writer_open(name ? name : m->path, (const char *const *)m->langs, m->n_langs, &wo, err);
    pa_free(name);
    return m->tmx ? 0 : -1;
}

/* Commits the current part of a split memory. */
static int close_part(pa_merge *m, pa_error *err)
{
    pa_writer_counts wc;
    pa_writer_get_counts(m->tmx, &wc);
    m->part_written += wc.written;
    int rc = pa_writer_commit(m->tmx, err);
    m->tmx = NULL;
    return rc;
}

pa_merge *pa_merge_open(const pa_merge_options *o, const char *const *langs, size_t n_langs, pa_error *err)
{
    pa_merge *m = pa_calloc(1, sizeof *m);
    m->langs = pa_calloc(n_langs ? n_langs : 1, sizeof *m->langs);
    for (size_t l = 0; l < n_langs; l++) m->langs[l] = pa_strdup(langs[l]);
    m->n_langs = n_langs, m->min_score = o->min_score;
    m->path = o->path ? pa_strdup(o->path) : NULL;
    m->split_size = o->split_size;
    m->inputs = o->inputs, m->n_inputs = o->n_inputs;
    pthread_mutex_init(&m->lock, NULL);
    if (m->path && open_memory(m, err) != 0) goto fail;
    pa_writer_options wo = PA_WRITER_OPTIONS_INIT;
    wo.min_score = o->min_score, wo.inputs = o->inputs, wo.n_inputs = o->n_inputs;
    wo.format = "moses";
    if (o->moses_prefix && !(m->moses = pa_writer_open(o->moses_prefix, langs, n_langs, &wo, err))) goto fail;
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
        if (v && m->path && !m->tmx) rc = open_memory(m, &m->first); /* the next part */
        if (v && rc == 0 && m->tmx) rc = pa_writer_add(m->tmx, v, &m->first);
        if (rc == 0 && m->tmx && m->split_size && pa_writer_bytes(m->tmx) >= m->split_size)
            rc = close_part(m, &m->first);
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
    for (size_t l = 0; l < m->n_langs; l++) pa_free(m->langs[l]);
    pa_free(m->langs), pa_free(m->path);
    pa_hashset_free(&m->seen);
    pthread_mutex_destroy(&m->lock);
    pa_free(m);
}

int pa_merge_commit(pa_merge *m, pa_merge_counts *c, pa_error *err)
{
    pa_writer_counts wt = {0}, wm = {0};
    if (m->tmx) pa_writer_get_counts(m->tmx, &wt);
    if (m->moses) pa_writer_get_counts(m->moses, &wm);
    if (c)
        *c = (pa_merge_counts){m->part_written + wt.written, m->duplicates, wm.written, pa_hashset_bytes(&m->seen),
                               m->part};
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
