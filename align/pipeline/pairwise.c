/* pairwise.c - see pairwise.h. */
#include "align/pipeline/pairwise.h"

#include "align/aligner/aligner.h"
#include "align/util/alloc.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

/* What every pair needs. */
typedef struct pair_job {
    pa_document *const *docs;
    const pa_anchors *anchors;
    int anchored;
    const pa_align_options *o;
    const pa_dict **dicts; /* per pair, fetched before any thread starts */
    pa_alignment *al;
} pair_job;

/* Aligns pair k (docs[0] with docs[k + 1]) on up to `threads` threads;
 * `phase` names its progress (NULL: none). */
static int align_pair(const pair_job *job, size_t k, unsigned threads, const pa_logger *log, const char *phase,
                      pa_error *err)
{
    const pa_document *src = job->docs[0], *tgt = job->docs[k + 1];
    pa_align_opts ao;
    pa_align_opts_init(&ao);
    ao.model = job->o->model;
    ao.max_bead = job->o->max_bead;
    ao.log = log;
    ao.phase = phase;
    ao.dict = job->dicts[k];
    ao.threads = threads ? threads : 1;
    if (job->anchored)
        return pa_anchors_align(src, job->anchors[0].at, tgt, job->anchors[k + 1].at, job->anchors[0].n, &ao,
                                &job->al[k], err);
    return pa_align_documents(src, tgt, &ao, &job->al[k], err);
}

/* The pairs on threads: a counter hands them out, one lock serialises the
 * caller's callbacks and the pool's own fields. */
typedef struct pair_pool {
    const pair_job *job;
    size_t n_pairs, next, done;
    int failed;
    size_t failed_at;
    pa_error err;
    unsigned threads_each; /* what each pair may use */
    pthread_mutex_t lock;
    const pa_logger *log; /* the caller's */
    pa_logger locked;     /* the caller's messages, under `lock` */
} pair_pool;

static void locked_message(void *data, int level, const char *message)
{
    pair_pool *p = data;
    pthread_mutex_lock(&p->lock);
    p->log->fn(p->log->data, level, message);
    pthread_mutex_unlock(&p->lock);
}

/* align_pair inside a frame of this thread's own: running out of memory
 * fails the pair, not the process. */
static int align_pair_framed(pair_pool *p, size_t k, pa_error *err)
{
    int rc;
    PA_ALLOC_CALL(rc, align_pair(p->job, k, p->threads_each, &p->locked, NULL, err), err, -1);
    return rc;
}

static void *pair_thread(void *arg)
{
    pair_pool *p = arg;
    for (;;) {
        pthread_mutex_lock(&p->lock);
        size_t k = !p->failed && p->next < p->n_pairs ? p->next++ : SIZE_MAX;
        pthread_mutex_unlock(&p->lock);
        if (k == SIZE_MAX) return NULL;
        pa_error e;
        pa_error_clear(&e);
        int rc = align_pair_framed(p, k, &e);
        pthread_mutex_lock(&p->lock);
        if (rc != 0 && (!p->failed || k < p->failed_at)) p->failed = 1, p->failed_at = k, p->err = e;
        if (rc == 0) pa_log_progress(p->log, "aligning", ++p->done, p->n_pairs, "pairs");
        pthread_mutex_unlock(&p->lock);
    }
}

/* Cleanup of a failing call: the alignments the threads made, which no
 * frame of the calling thread holds. Frees only (a cleanup must not
 * allocate). */
static void free_alignments(void *arg)
{
    pa_pairwise *out = arg;
    for (size_t k = 0; k < out->n_pairs; k++) pa_alignment_free(&out->al[k]);
}

/* Runs the pairs on up to `threads` threads; returns the threads started
 * (0: none could be, nothing done). */
static unsigned run_threads(pair_pool *p, unsigned threads)
{
    pthread_t *tid = pa_calloc(threads, sizeof *tid);
    unsigned started = 0;
    for (; started < threads; started++)
        if (pthread_create(&tid[started], NULL, pair_thread, p) != 0) break;
    for (unsigned t = 0; t < started; t++) pthread_join(tid[t], NULL);
    pa_free(tid);
    return started;
}

int pa_align_pairwise(pa_context *c, pa_document *const *docs, const pa_anchors *anchors, int anchored, size_t n,
                      const pa_align_options *o, const pa_logger *log, pa_pairwise *out, pa_error *err)
{
    size_t n_pairs = n - 1;
    const pa_dict **dicts = pa_calloc(n_pairs, sizeof *dicts);
    for (size_t k = 0; k < n_pairs; k++) dicts[k] = pa_context_dictionary(c, docs[0]->lang, docs[k + 1]->lang);
    pair_job job = {docs, anchors, anchored, o, dicts, out->al};
    unsigned threads = o->threads < n_pairs ? o->threads : (unsigned)n_pairs;
    int rc = 0;
    if (threads > 1) {
        pair_pool p = {.job = &job, .n_pairs = n_pairs, .log = log, .threads_each = o->threads / threads};
        p.locked = (pa_logger){log->fn ? locked_message : NULL, &p, log->level, NULL};
        pthread_mutex_init(&p.lock, NULL);
        /* registered before any thread starts: nothing of this thread
         * allocates while they run, so it is in place before any
         * alignment exists */
        pa_alloc_defer(free_alignments, out);
        pa_log_progress(log, "aligning", 0, n_pairs, "pairs");
        unsigned started = run_threads(&p, threads);
        pthread_mutex_destroy(&p.lock);
        if (started == 0) {
            pa_alloc_undefer(out);
            threads = 1; /* no thread to be had: the calling thread does it all */
        } else if (p.failed) {
            *err = p.err;
            rc = -1;
        }
    }
    for (size_t k = 0; threads <= 1 && k < n_pairs && rc == 0; k++) {
        char phase[96];
        snprintf(phase, sizeof phase, "aligning %s-%s (%zu+%zu sentences)", docs[0]->tag, docs[k + 1]->tag,
                 docs[0]->n_sents, docs[k + 1]->n_sents);
        rc = align_pair(&job, k, o->threads, log, phase, err);
    }
    pa_free(dicts);
    return rc;
}

void pa_pairwise_release(pa_pairwise *out)
{
    pa_alloc_undefer(out);
}
