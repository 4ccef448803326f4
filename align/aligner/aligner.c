/* aligner.c - see aligner.h. */
#include "align/aligner/aligner.h"
#include "align/aligner/dict.h"
#include "align/aligner/features.h"
#include "align/aligner/lengthmodel.h"
#include "align/aligner/lexicon.h"
#include "align/aligner/model.h"
#include "align/aligner/pairs.h"
#include "align/aligner/search.h"
#include "align/aligner/search_run.h"
#include "align/util/alloc.h"

#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Cells of the full lattice at which the coarsest level stops halving.
 * The coarsest level is searched whole, with every bead type: at 250,000
 * cells it was 40% of the work on a 1,500-sentence chapter, while the
 * tubes of the finer levels, 2 x radius units wide, absorb what a coarser
 * start misses (alignments of the 52 regression inputs and MAC-dev x8 are
 * the same at 250,000, 40,000, 10,000 and 2,500). */
#define FULL_SEARCH_CELLS 10000.0
/* Widening stops when the band reaches four times its first size plus
 * this many cells (25 bytes each), or this radius. */
#define MAX_EXTRA_CELLS ((size_t)1 << 20)
#define MAX_RADIUS 256
/* Posterior from which a paragraph bead is sure: its sentences may not
 * leave its group, whatever the sentence passes find, so it must be all
 * but certain. The paragraph model sums the evidence of whole paragraphs
 * as if their tokens were independent, and its posteriors run high: at
 * 0.9, 67 of the 396 paragraph beads of MAC-dev chapters paragraphed
 * differently on the two sides (tests/bench/bench-paragraphs.sh's three
 * sets of breaks) were sure and wrong, and the chapters scored
 * 0.735-0.790 strict F1 where without paragraphs they score 0.788; at
 * 0.999, 66 of 397 are sure and none is wrong. */
#define PARA_SURE_POSTERIOR 0.999
/* Beads over a paragraph boundary of one side: log-probability penalty. */
#define PARA_CROSS_LOGP (-6.9) /* log(0.001) */
/* Relative standard deviation of translated sentence lengths assumed before
 * the first pass measures it; it only seeds the estimate. */
#define INITIAL_REL_SD 0.35

/* Bead types and the priors that seed their estimation (Gale & Church's
 * figures, spread over the longer beads). */
typedef struct bead_prior {
    pa_bead_type type;
    double p;
} bead_prior;

static const bead_prior seed_priors[] = {
    {{1, 1}, 0.89}, {{1, 0}, 0.005}, {{0, 1}, 0.005}, {{2, 1}, 0.04}, {{1, 2}, 0.04},
    {{2, 2}, 0.01}, {{3, 1}, 0.005}, {{1, 3}, 0.005}, {{3, 2}, 0.001}, {{2, 3}, 0.001},
    {{4, 1}, 0.001}, {{1, 4}, 0.001}, {{4, 2}, 0.0002}, {{2, 4}, 0.0002}, {{3, 3}, 0.0002},
    {{5, 1}, 0.0002}, {{1, 5}, 0.0002},
};
#define N_SEED (sizeof seed_priors / sizeof *seed_priors)

/* Everything the bead scorer needs, for one level of the coarse-to-fine search. */
typedef struct scorer {
    const double *src_pre, *tgt_pre;   /* prefix sums of sentence lengths */
    const size_t *src_para, *tgt_para; /* paragraph of each sentence, NULL = ignore */
    size_t n, m;                       /* sentences */
    unsigned shift;                    /* a source unit is 2^shift sentences */
    double tgt_unit;                   /* a target unit is this many sentences (2^shift m/n) */
    size_t *tgt_at, n_tgt_at, cap_tgt_at; /* tgt_start of units 0..n_tgt_at-1 at level tgt_at_shift */
    unsigned tgt_at_shift;                /* 0: none */
    /* at level tgt_at_shift, the length prefix sums at each unit's first
     * sentence: src_pre[src_start(k)], k < n_src_unit_pre, and
     * tgt_pre[tgt_start(k)], k < n_tgt_at */
    double *src_unit_pre, *tgt_unit_pre;
    size_t n_src_unit_pre, cap_src_unit_pre, cap_tgt_unit_pre;
    pa_score_model sm;
    /* anchor and lexical evidence (NULL in the first pass); the table
     * covers the band being searched */
    const pa_pair_features *pf;
    const pa_links *links[PA_LINK_KINDS];
    pa_pair_table pt;
    int have_pt;
    const pa_band *region; /* where sentence beads may go at all (paragraph groups), NULL = anywhere */
    const size_t *src_group, *tgt_group; /* paragraph bead of each sentence, NULL = none */
    const uint8_t *group_sure;           /* per paragraph bead: its posterior is PARA_SURE_POSTERIOR or more */
} scorer;

/* Units of a level: source units are 2^shift sentences, target units
 * 2^shift * m/n sentences, so that coarse beads are 1-1 on average and
 * the bead priors and length model hold at every level. */
static inline size_t src_start(const scorer *s, size_t k)
{
    size_t v = k << s->shift;
    return v < s->n ? v : s->n;
}

static inline size_t tgt_start_of(const scorer *s, size_t k)
{
    size_t v = s->shift ? (size_t)llround((double)k * s->tgt_unit) : k;
    return v < s->m ? v : s->m;
}

/* tgt_start, read from the table set_level fills for a coarse level: the
 * bead scorer maps two target units an edge, and llround there was 2% of
 * the instructions of a 20,000-sentence run. */
static inline size_t tgt_start(const scorer *s, size_t k)
{
    if (s->shift && k < s->n_tgt_at) return s->tgt_at[k];
    return tgt_start_of(s, k);
}

/* Switches the scorer to level `shift`; returns the level's unit counts. */
static void set_level(scorer *s, unsigned shift, size_t *n, size_t *m)
{
    s->shift = shift;
    s->tgt_unit = shift ? ldexp((double)s->m / (double)s->n, (int)shift) : 1.0;
    /* A unit is never less than a sentence: where the target has under
     * half the source's sentences, units of a fraction of a sentence made
     * the coarse levels square, bigger than the sentence lattice itself
     * (9,874 x 9,874 for 19,748 x 50 sentences), all but empty targets.
     * Such a level coarsens the source side alone. */
    if (s->tgt_unit < 1) s->tgt_unit = 1;
    *n = (s->n + ((size_t)1 << shift) - 1) >> shift;
    *m = shift ? (size_t)ceil((double)s->m / s->tgt_unit) : s->m;
    if (shift && s->tgt_at_shift != shift) {
        /* units a bead can reach: the level's, plus a bead's longest side */
        size_t n_at = *m + PA_MAX_SIDE + 1;
        PA_GROW(s->tgt_at, s->cap_tgt_at, n_at);
        PA_GROW(s->tgt_unit_pre, s->cap_tgt_unit_pre, n_at);
        for (size_t k = 0; k < n_at; k++) s->tgt_at[k] = tgt_start_of(s, k), s->tgt_unit_pre[k] = s->tgt_pre[s->tgt_at[k]];
        size_t n_src = *n + PA_MAX_SIDE + 1;
        PA_GROW(s->src_unit_pre, s->cap_src_unit_pre, n_src);
        for (size_t k = 0; k < n_src; k++) s->src_unit_pre[k] = s->src_pre[src_start(s, k)];
        s->n_tgt_at = n_at, s->n_src_unit_pre = n_src, s->tgt_at_shift = shift;
    }
}

/* The sentences of the bead of units [i, i+ns) x [j, j+nt) at the
 * scorer's level: sources [a, b), targets [c, d). `fine` (a constant at
 * each use) says units are sentences. */
static inline __attribute__((always_inline)) void bead_sentences(const scorer *s, size_t i, size_t ns, size_t j,
                                                                 size_t nt, int fine, size_t *a, size_t *b, size_t *c,
                                                                 size_t *d)
{
    *a = fine ? i : src_start(s, i), *b = fine ? i + ns : src_start(s, i + ns);
    *c = fine ? j : tgt_start(s, j), *d = fine ? j + nt : tgt_start(s, j + nt);
}

/* Whether the bead of source sentences [a, b) and target sentences [c, d)
 * (both non-empty) takes a sentence of a sure paragraph group out of it:
 * sentences of a sure group stay in it. */
static inline __attribute__((always_inline)) int leaves_sure_group(const scorer *s, size_t a, size_t b, size_t c, size_t d)
{
    if (!s->src_group) return 0;
    size_t g0 = s->src_group[a], g1 = s->src_group[b - 1], h0 = s->tgt_group[c], h1 = s->tgt_group[d - 1];
    return (g0 != g1 || g0 != h0 || h0 != h1) &&
           (s->group_sure[g0] || s->group_sure[g1] || s->group_sure[h0] || s->group_sure[h1]);
}

/* Whether sentences [a, b) come from more than one paragraph. */
static int crosses(const size_t *para, size_t a, size_t b)
{
    return para && b > a + 1 && para[a] != para[b - 1];
}

/* The bead's score: prior and lengths, and at the sentence level the pair
 * table's evidence and the paragraph penalties. Inlined into the search's
 * loops (search_run.h): it runs for every edge of every pass. `fine`, a
 * constant at each use, says the level is the sentences' (shift 0), where
 * units are sentences and the unit-to-sentence mapping folds away. */
static inline __attribute__((always_inline)) double bead_score(scorer *s, size_t i, size_t ns, size_t j, size_t nt,
                                                               int fine)
{
    double lp = s->sm.log_prior[ns << 4 | nt];
    if (!fine && s->shift && i + ns < s->n_src_unit_pre && j + nt < s->n_tgt_at) {
        /* a coarse level: lengths only, from the level's own prefix sums */
        if ((ns && nt) || !s->sm.length_llr)
            lp += pa_score_length(&s->sm, s->src_unit_pre[i + ns] - s->src_unit_pre[i],
                                  s->tgt_unit_pre[j + nt] - s->tgt_unit_pre[j]);
        return lp;
    }
    size_t a, b, c, d;
    bead_sentences(s, i, ns, j, nt, fine, &a, &b, &c, &d);
    if ((ns && nt) || !s->sm.length_llr)
        lp += pa_score_length(&s->sm, s->src_pre[b] - s->src_pre[a], s->tgt_pre[d] - s->tgt_pre[c]);
    if (fine || s->shift == 0) {
        if (ns && nt && leaves_sure_group(s, a, b, c, d)) return -INFINITY;
        if (ns && nt && s->have_pt) lp += pa_pair_table_bead(&s->pt, a, ns, c, nt);
        if (crosses(s->src_para, a, b)) lp += PARA_CROSS_LOGP;
        if (crosses(s->tgt_para, c, d)) lp += PARA_CROSS_LOGP;
    }
    return lp;
}

/* bead_score at any level, and at the sentence level. */
static inline __attribute__((always_inline)) double bead_logp(void *ctx, size_t i, size_t ns, size_t j, size_t nt)
{
    return bead_score(ctx, i, ns, j, nt, 0);
}

static inline __attribute__((always_inline)) double bead_logp_fine(void *ctx, size_t i, size_t ns, size_t j,
                                                                   size_t nt)
{
    return bead_score(ctx, i, ns, j, nt, 1);
}

/* The scores of bead_row_fine's loop, columns f0..f1 into out[j - j0]:
 * bead_score's terms in its order, for beads whose every evidence row
 * holds their targets; with `groups` (a constant), beads that take a
 * sentence out of a sure paragraph group score -INFINITY. Inlined with
 * constant ns and nt for the common types (bead_row_fine's switch), so
 * that the window sums, ns + nt a bead, are loads from pointers that step
 * a row's stride a column. */
static inline __attribute__((always_inline)) void bead_row_loop(scorer *s, size_t i, size_t ns, size_t nt, size_t f0,
                                                                size_t f1, size_t j0, double *out, int groups)
{
    pa_pair_table *pt = &s->pt;
    size_t a = i - ns, K = pt->max_side;
    double prior = s->sm.log_prior[ns << 4 | nt], ls = s->src_pre[i] - s->src_pre[a];
    double src_const = pt->src.const_pre[nt][i] - pt->src.const_pre[nt][a];
    const double *tgt_const = pt->tgt.const_pre[ns];
    /* window sums at column f0, for each source row, and the first row's target windows */
    const double *win[PA_MAX_SIDE];
    for (size_t r = 0; r < ns; r++)
        win[r] = pt->src_win[pa_pair_table_windows_at(pt, a + r)] + (f0 - nt - pt->lo[a + r]) * K + nt - 1;
    const double *tw = pt->tgt_win[pa_pair_table_windows_at(pt, a)] + (f0 - nt - pt->lo[a]) * K + ns - 1;
    double src_cross = crosses(s->src_para, a, i) ? PARA_CROSS_LOGP : 0;
    /* the sources' paragraph groups (leaves_sure_group, its row half) */
    size_t g0 = groups ? s->src_group[a] : 0, g1 = groups ? s->src_group[i - 1] : 0;
    int src_sure = groups && (s->group_sure[g0] || s->group_sure[g1]);
    for (size_t j = f0; j <= f1; j++, tw += K) {
        size_t c = j - nt;
        double lp = prior + pa_score_length(&s->sm, ls, s->tgt_pre[j] - s->tgt_pre[c]);
        double v = src_const + tgt_const[j] - tgt_const[c];
        for (size_t r = 0; r < ns; r++) v += *win[r], win[r] += K;
        for (size_t b = 0; b < nt; b++) v += tw[b * K];
        lp += v;
        if (src_cross) lp += src_cross;
        if (crosses(s->tgt_para, c, j)) lp += PARA_CROSS_LOGP;
        if (groups) {
            size_t h0 = s->tgt_group[c], h1 = s->tgt_group[j - 1];
            if ((g0 != g1 || g0 != h0 || h0 != h1) && (src_sure || s->group_sure[h0] || s->group_sure[h1]))
                lp = -INFINITY;
        }
        out[j - j0] = lp;
    }
}

/* bead_score of the beads of type (ns, nt) that end in row i at columns
 * j0..j1 at the sentence level (pa_bead_row_fn), with what they share
 * worked out once: 1-1 and longer beads with evidence from the rows'
 * window sums; the others (and the columns where an evidence row's range
 * does not hold the targets) one by one. */
static inline __attribute__((always_inline)) void bead_row_fine(void *ctx, size_t i, size_t ns, size_t nt, size_t j0,
                                                                size_t j1, double *out)
{
    scorer *s = ctx;
    pa_pair_table *pt = &s->pt;
    size_t a = i - ns, K = pt->max_side;
    size_t f0 = j1 + 1, f1 = j1; /* the columns of the loop: none yet */
    if (ns && nt && s->have_pt && ns <= K && nt <= K) {
        f0 = j0 > nt + pt->lo[a] ? j0 : nt + pt->lo[a];
        for (size_t r = a; r < i; r++) {
            if (pt->hi[r] < pt->lo[r]) f0 = j1 + 1;
            if (nt + pt->lo[r] > f0) f0 = nt + pt->lo[r];
            if (pt->hi[r] + 1 < f1) f1 = pt->hi[r] + 1;
        }
        if (f0 > f1) f0 = j1 + 1, f1 = j1;
    }
    for (size_t j = j0; j <= j1 && j < f0; j++) out[j - j0] = bead_score(s, a, ns, j - nt, nt, 1);
    /* paragraph groups' test only where there are groups (a paragraphed
     * document pair), which keep the hoisting but not the unrolling */
    if (f0 <= f1 && s->src_group) bead_row_loop(s, i, ns, nt, f0, f1, j0, out, 1);
    else if (f0 <= f1) {
        switch (ns << 4 | nt) {
#define ROW_CASE(x, y) case x << 4 | y: bead_row_loop(s, i, x, y, f0, f1, j0, out, 0); break;
            ROW_CASE(1, 1) ROW_CASE(2, 1) ROW_CASE(1, 2) ROW_CASE(2, 2) ROW_CASE(3, 1) ROW_CASE(1, 3)
            ROW_CASE(3, 2) ROW_CASE(2, 3) ROW_CASE(4, 1) ROW_CASE(1, 4)
#undef ROW_CASE
        default: bead_row_loop(s, i, ns, nt, f0, f1, j0, out, 0);
        }
    }
    for (size_t j = f1 + 1; j <= j1; j++) out[j - j0] = bead_score(s, a, ns, j - nt, nt, 1);
}

/* What every level's search shares. */
typedef struct search_plan {
    pa_bead_type types[64];
    size_t n_types;
    size_t max_side; /* most sentences on one side of a bead */
    size_t radius;
    unsigned threads; /* 2 or more: a big band's backward pass beside its forward pass */
    const pa_logger *log;
} search_plan;

/* Upper bounds of bead_score by type, into `bound`, while no pair table
 * is on (lengths only, as in the first pass, whose whole lattice this
 * prunes): the prior plus the most a length score gives (the log of a
 * tail probability is at most 0, the log-likelihood ratio at most its
 * constant), with a margin for the log-erfc table's interpolation. NULL
 * when evidence, which can be positive, is scored. */
static const double *score_bounds(const scorer *s, const search_plan *plan, double bound[64])
{
    if (s->have_pt) return NULL;
    double most = (s->sm.length_llr ? (s->sm.len_llr_const > 0 ? s->sm.len_llr_const : 0) : 0) + 1e-3;
    for (size_t t = 0; t < plan->n_types; t++) bound[t] = s->sm.log_prior[plan->types[t].ns << 4 | plan->types[t].nt] + most;
    return bound;
}

/* The forward pass over `band` at the scorer's level, with the scorer's
 * sentence-level copy where the level is the sentences'. */
static int forward_level(scorer *s, const pa_band *band, const search_plan *plan, int posteriors,
                         pa_search_state *st, pa_search_state *prev)
{
    double bound[64];
    const double *b = score_bounds(s, plan, bound);
    if (s->shift == 0 && s->have_pt)
        return pa_search_forward_rows_from(st, band, plan->types, plan->n_types, bead_row_fine, s, posteriors, prev);
    if (b && !posteriors && !prev)
        return s->shift == 0 ? pa_search_forward_rows_bounded(st, band, plan->types, plan->n_types, bead_logp_fine, s, b)
                             : pa_search_forward_rows_bounded(st, band, plan->types, plan->n_types, bead_logp, s, b);
    if (s->shift == 0)
        return pa_search_forward_from(st, band, plan->types, plan->n_types, bead_logp_fine, s, b, posteriors, prev);
    return pa_search_forward_from(st, band, plan->types, plan->n_types, bead_logp, s, b, posteriors, prev);
}

/* The backward pass of forward_level's state, into `path`'s posteriors. */
static void backward_level(scorer *s, pa_search_state *st, pa_alignment *path)
{
    if (s->shift == 0 && s->have_pt) pa_search_backward_by_rows(st, bead_row_fine, s, path);
    else if (s->shift == 0) pa_search_backward(st, bead_logp_fine, s, path);
    else pa_search_backward(st, bead_logp, s, path);
}

/* The whole search over `band` at the scorer's level; the forward pass
 * starts from `prev`'s rows where the bands agree (prev NULL: from none). */
static int run_level(scorer *s, const pa_band *band, const search_plan *plan, int posteriors,
                     pa_search_state *prev, pa_search_result *r)
{
    pa_search_state st;
    memset(r, 0, sizeof *r);
    if (forward_level(s, band, plan, posteriors, &st, prev) != 0) return -1;
    pa_search_trace(&st, &r->path);
    if (posteriors) backward_level(s, &st, &r->path);
    pa_search_state_free(&st);
    return 0;
}

/* A backward table (pa_search_backward_table) made on a thread of its
 * own, beside the forward pass over the same band: the same numbers (the
 * same function on the same band; the thread's pair table is a copy, and
 * the scorer is otherwise only read), in the time of the longer pass. */
typedef struct backward_job {
    scorer s;    /* the caller's, with a pair table of its own */
    pa_band band; /* the caller's arrays, which must outlive the job */
    const search_plan *plan;
    size_t *spans;
    double *bwd, *scratch;
    size_t top; /* the lowest row to compute (the rows below it are copied) */
    atomic_int stop;
    pthread_t thread;
    int running, finished;
} backward_job;

static void *backward_thread(void *arg)
{
    backward_job *j = arg;
    j->finished = pa_search_backward_rows(&j->band, j->plan->types, j->plan->n_types, NULL, bead_row_fine, &j->s,
                                          j->spans, j->scratch, j->bwd, j->top, &j->stop) == 0;
    return NULL;
}

/* Waits for the job's thread, telling it first to give up when `stop`. */
static void backward_job_wait(backward_job *j, int stop)
{
    if (stop) atomic_store_explicit(&j->stop, 1, memory_order_relaxed);
    if (j->running) pthread_join(j->thread, NULL);
    j->running = 0;
}

/* The cleanup of a call that fails while the thread runs: stops it before
 * the frame frees what it reads (and allocates nothing). */
static void backward_job_cancel(void *arg)
{
    backward_job_wait(arg, 1);
}

/* Frees a job that has been waited for. */
static void backward_job_free(backward_job *j)
{
    pa_alloc_undefer(j);
    pa_pair_table_free_copy(&j->s.pt);
    pa_free(j->spans), pa_free(j->bwd), pa_free(j->scratch);
}

/* Ends a job whose table is not wanted: stops it, waits, frees. */
static void backward_job_drop(backward_job *j)
{
    backward_job_wait(j, 1);
    backward_job_free(j);
}

/* Starts the backward table of `band` (at the sentence level) on a thread
 * of its own: 1, or 0 when no thread could be had (nothing to free then).
 * With `prev`, a finished job over a band that the rows below some row
 * share with `band` (the band before a widening), those rows' cells are
 * copied from it and only the rows above are computed. Everything the
 * thread uses is allocated here, so that it allocates nothing. End it
 * with backward_job_wait, then backward_job_free. */
static int backward_job_start(backward_job *j, const scorer *s, const pa_band *band, const search_plan *plan,
                              const backward_job *prev)
{
    memset(j, 0, sizeof *j);
    j->s = *s;
    pa_pair_table_copy(&j->s.pt, &s->pt);
    j->band = *band, j->plan = plan;
    j->spans = pa_malloc((3 * plan->n_types + 1) * sizeof *j->spans);
    j->bwd = pa_malloc(band->cells * sizeof *j->bwd);
    j->scratch = pa_malloc(2 * plan->n_types * pa_band_widest_row(band) * sizeof *j->scratch);
    j->top = band->n;
    if (prev && prev->finished && prev->band.n == band->n && prev->band.m == band->m) {
        const pa_band *p = &prev->band;
        size_t top = band->n + 1; /* rows top.. hold the same cells in both */
        while (top > 0 && p->lo[top - 1] == band->lo[top - 1] && p->hi[top - 1] == band->hi[top - 1]) top--;
        if (top <= band->n) {
            size_t from = band->off[top], tail = band->cells - from;
            memcpy(j->bwd + from, prev->bwd + (p->cells - tail), tail * sizeof *j->bwd);
        }
        j->top = top ? top - 1 : 0;
    }
    atomic_init(&j->stop, 0);
    pa_alloc_defer(backward_job_cancel, j);
    j->running = pthread_create(&j->thread, NULL, backward_thread, j) == 0;
    pa_log(plan->log, PA_LOG_DEBUG, "level 0: %zu cells, the backward pass on %s (rows 0-%zu)", band->cells,
           j->running ? "a second thread" : "this thread (no second one could be started)", j->top);
    if (!j->running) backward_job_free(j);
    return j->running;
}

/* Cells a band needs for a backward job: its forward pass then keeps no
 * edge scores (search_run.h), so the backward pass scores every edge again,
 * as costly as the forward pass, and the band is big enough for the job to
 * pay. Measured on this project's 2-CPU machine, medians of alternate runs
 * with and without: 19,748 x 26,356 sentences (817,000 cells) 3.69 s of
 * wall time against 4.18 s, for 4.33 s of CPU against 4.09; 4,937 x 6,589
 * (207,000 cells) 1.11 s against 1.08, for 1.24 s of CPU against 1.05: no
 * gain, and the speculative job's rows cost CPU time. */
#define BACKWARD_JOB_MIN_CELLS ((size_t)500000)

/* Whether a backward job is worth its thread on `band`: at the sentence
 * level, with evidence, more than one thread allowed and a big band. */
static int backward_beside(const scorer *s, const pa_band *band, const search_plan *plan)
{
    return plan->threads > 1 && s->shift == 0 && s->have_pt && plan->n_types &&
           band->cells > EDGE_CACHE_BYTES / sizeof(double) / plan->n_types && band->cells >= BACKWARD_JOB_MIN_CELLS;
}

/* The posteriors of `path` from the forward state `st`: from the job's
 * table, which ends the job; from a backward pass here when there is no
 * job (NULL) or it gave up. */
static void backward_posteriors(backward_job *j, scorer *s, pa_search_state *st, pa_alignment *path)
{
    if (j) backward_job_wait(j, 0);
    if (j && j->finished) pa_search_posteriors(st, j->bwd, path);
    else backward_level(s, st, path);
    if (j) backward_job_free(j);
}

/* run_level with posteriors, the backward table made by a job while this
 * thread runs the forward pass (after it, if no thread can be had). The
 * forward pass starts from `prev`'s rows where the bands agree, the job
 * from `spec`'s (a job over prev's band; NULL: none), which it ends. */
static int run_level_beside(scorer *s, const pa_band *band, const search_plan *plan, pa_search_state *prev,
                            backward_job *spec, pa_search_result *r)
{
    backward_job j;
    if (spec) backward_job_wait(spec, 0);
    int beside = backward_job_start(&j, s, band, plan, spec);
    if (spec) backward_job_free(spec);
    memset(r, 0, sizeof *r);
    pa_search_state st;
    if (forward_level(s, band, plan, 1, &st, prev) != 0) {
        if (beside) backward_job_drop(&j);
        return -1;
    }
    pa_search_trace(&st, &r->path);
    backward_posteriors(beside ? &j : NULL, s, &st, &r->path);
    pa_search_state_free(&st);
    return 0;
}

/* Prefix sums of the sentence lengths the features measured. */
static double *length_prefix(const pa_doc_features *df)
{
    double *p = pa_malloc((df->n + 1) * sizeof *p);
    p[0] = 0;
    for (size_t i = 0; i < df->n; i++) p[i + 1] = p[i] + df->len[i];
    return p;
}

static size_t *paragraph_of(const pa_document *d)
{
    size_t *p = pa_malloc((d->n_sents ? d->n_sents : 1) * sizeof *p);
    for (size_t i = 0; i < d->n_sents; i++) p[i] = d->sents[i].para;
    return p;
}

/* Corners of the beads of `a` (k = 0..a->n), clipped
 * to the lattice: the path a band is built around. */
static size_t path_corners(const pa_alignment *a, size_t n, size_t m, size_t **pi, size_t **pj)
{
    size_t np = a->n + 1;
    *pi = pa_malloc(np * sizeof **pi), *pj = pa_malloc(np * sizeof **pj);
    (*pi)[0] = (*pj)[0] = 0;
    for (size_t k = 0; k < a->n; k++) {
        size_t ei = a->beads[k].src + a->beads[k].n_src;
        size_t ej = a->beads[k].tgt + a->beads[k].n_tgt;
        (*pi)[k + 1] = ei < n ? ei : n;
        (*pj)[k + 1] = ej < m ? ej : m;
    }
    (*pi)[np - 1] = n, (*pj)[np - 1] = m;
    return np;
}

/* Bead scores for a sub-lattice whose origin is (r0, c0) of the whole. */
typedef struct offset_scorer {
    scorer *s;
    size_t r0, c0;
} offset_scorer;

static double offset_logp(void *ctx, size_t i, size_t ns, size_t j, size_t nt)
{
    const offset_scorer *o = ctx;
    return bead_logp(o->s, i + o->r0, ns, j + o->c0, nt);
}

static double offset_logp_fine(void *ctx, size_t i, size_t ns, size_t j, size_t nt)
{
    const offset_scorer *o = ctx;
    return bead_logp_fine(o->s, i + o->r0, ns, j + o->c0, nt);
}

static inline __attribute__((always_inline)) void offset_row_fine(void *ctx, size_t i, size_t ns, size_t nt,
                                                                  size_t j0, size_t j1, double *out)
{
    const offset_scorer *o = ctx;
    bead_row_fine(o->s, i + o->r0, ns, nt, j0 + o->c0, j1 + o->c0, out);
}

/* Searches the part of `band` between nodes (r0, c0) and (r1, c1) (both on
 * the current path, so the part holds a path) and returns its beads in
 * whole-lattice indices. */
static int search_part(scorer *s, const search_plan *plan, const pa_band *band, size_t r0, size_t c0, size_t r1,
                       size_t c1, pa_alignment *out)
{
    pa_band part;
    pa_band_init(&part, r1 - r0, c1 - c0);
    for (size_t r = 0; r <= r1 - r0; r++) {
        size_t lo = band->lo[r0 + r], hi = band->hi[r0 + r];
        if (hi < c0 || lo > c1 || hi < lo) { /* the row misses the part: empty */
            part.lo[r] = 1, part.hi[r] = 0;
            continue;
        }
        part.lo[r] = lo > c0 ? lo - c0 : 0;
        part.hi[r] = (hi < c1 ? hi : c1) - c0;
    }
    pa_band_update(&part);
    offset_scorer o = {s, r0, c0};
    double bound[64];
    const double *b = score_bounds(s, plan, bound);
    /* a Viterbi pass, row-wise as forward_level's: with evidence (the
     * sentence level only), or by lengths with their bound */
    pa_search_state st;
    int rc;
    if (s->have_pt)
        rc = pa_search_forward_rows_from(&st, &part, plan->types, plan->n_types, offset_row_fine, &o, 0, NULL);
    else if (s->shift == 0)
        rc = pa_search_forward_rows_bounded(&st, &part, plan->types, plan->n_types, offset_logp_fine, &o, b);
    else
        rc = pa_search_forward_rows_bounded(&st, &part, plan->types, plan->n_types, offset_logp, &o, b);
    if (rc == 0) {
        pa_search_trace(&st, out);
        pa_search_state_free(&st);
        for (size_t k = 0; k < out->n; k++) out->beads[k].src += r0, out->beads[k].tgt += c0;
    }
    pa_band_free(&part);
    return rc;
}

/* Marks the path corners lying on the band's edge and the segments within
 * `radius` beads of them (rad[k] = radius for segment k); returns how many
 * corners touch. */
static size_t mark_edges(const pa_band *band, const size_t *pi, const size_t *pj, size_t np, size_t radius,
                         size_t *rad, const pa_logger *log)
{
    size_t touched = 0;
    for (size_t k = 0; k < np; k++) {
        if (!pa_band_on_edge(band, pi[k], pj[k])) continue;
        touched++;
        pa_log(log, PA_LOG_TRACE, "  edge at (%zu, %zu)", pi[k], pj[k]);
        size_t a = k > radius ? k - radius : 0, z = k + radius < np ? k + radius : np;
        for (size_t q = a; q < z; q++) rad[q] = radius;
    }
    return touched;
}

/* Re-searches the widened stretches of `path` (segments with rad > 0,
 * extended by `radius` corners each way, overlapping stretches merged) and
 * rebuilds the path once from the old beads and the new stretches. */
static int research_stretches(scorer *s, const search_plan *plan, const pa_band *band, pa_alignment *path,
                              const size_t *pi, const size_t *pj, const size_t *rad, size_t radius)
{
    size_t np = path->n + 1;
    pa_alignment rebuilt = {0};
    size_t next = 0; /* first bead of `path` not yet copied */
    int rc = 0;
    for (size_t k = 0; k + 1 < np && rc == 0;) {
        if (rad[k] == 0) {
            k++;
            continue;
        }
        size_t z = k;
        while (z + 1 < np && rad[z] != 0) z++;
        size_t a2 = k > radius ? k - radius : 0, z2 = z + radius < np - 1 ? z + radius : np - 1;
        if (a2 < next) a2 = next;
        /* absorb the stretches that overlap this one */
        for (size_t q = z; q < z2; q++)
            if (rad[q] != 0 && q + radius > z2) z2 = q + radius < np - 1 ? q + radius : np - 1;
        for (size_t q = next; q < a2; q++) pa_alignment_add(&rebuilt, path->beads[q]);
        pa_alignment part = {0};
        rc = search_part(s, plan, band, pi[a2], pj[a2], pi[z2], pj[z2], &part);
        for (size_t q = 0; q < part.n; q++) pa_alignment_add(&rebuilt, part.beads[q]);
        pa_alignment_free(&part);
        next = z2;
        k = z2;
    }
    for (size_t q = next; q < path->n; q++) pa_alignment_add(&rebuilt, path->beads[q]);
    if (rc != 0) {
        pa_alignment_free(&rebuilt);
        return -1;
    }
    pa_alignment_free(path);
    *path = rebuilt;
    return 0;
}

/* Searches level `shift` (units of 2^shift sentences) in `band` (which it
 * frees). Where the best path runs along the band's edge, the true one may
 * lie outside: the band is widened there, and only there, and only the
 * stretches of path around it are searched again, between path nodes a few
 * radii away, so that a widening costs what the stretches cost. With
 * `posteriors`, a last forward-backward over the final band gives every
 * bead its posterior under one and the same lattice. */
static int search_band(scorer *s, const search_plan *plan, unsigned shift, pa_band band, int posteriors,
                       pa_alignment *out)
{
    size_t n = band.n, m = band.m, ln, lm;
    size_t radius = plan->radius;
    set_level(s, shift, &ln, &lm);
    if (s->region && shift == 0) pa_band_intersect(&band, s->region);
    pa_log(plan->log, PA_LOG_DEBUG, "level %u: %zu x %zu units, %zu cells", shift, n, m, band.cells);
    if (s->have_pt && shift == 0) pa_pair_table_set_band(&s->pt, &band, plan->max_side);
    /* With posteriors, the forward pass is kept until the path is known
     * not to need a wider band: only then is its backward pass worth
     * running (a widened band gets a forward-backward of its own). With a
     * second thread, that backward pass starts at once beside the forward
     * pass, on the hope that the path stays inside (if not, it is stopped:
     * a second thread's time, not this one's). */
    pa_search_state st;
    backward_job spec;
    int speculating =
        posteriors && backward_beside(s, &band, plan) && backward_job_start(&spec, s, &band, plan, NULL);
    if (forward_level(s, &band, plan, posteriors, &st, NULL) != 0) {
        if (speculating) backward_job_drop(&spec);
        pa_band_free(&band);
        return -1;
    }
    pa_alignment path;
    pa_search_trace(&st, &path);
    if (!posteriors) pa_search_state_free(&st);
    /* The band the kept forward pass ran on, once the band is widened:
     * the final forward pass copies its rows above the first widened one. */
    pa_band first = {0};
    int widened = 0;
    size_t initial_cells = band.cells;
    int rc = 0;
    while (rc == 0 && radius < MAX_RADIUS && band.cells < (n + 1) * (m + 1)) {
        size_t *pi, *pj;
        size_t np = path_corners(&path, n, m, &pi, &pj);
        size_t *rad = pa_calloc(np, sizeof *rad);
        radius *= 2;
        size_t touched = mark_edges(&band, pi, pj, np, radius, rad, plan->log);
        /* widened into a copy: the kept forward pass needs the band it ran on */
        pa_band wider;
        pa_band_copy(&wider, &band);
        if (touched) {
            pa_band_add_path(&wider, pi, pj, np, rad, 0);
            if (s->region && shift == 0) pa_band_intersect(&wider, s->region);
        }
        if (wider.cells == band.cells || wider.cells > 4 * initial_cells + MAX_EXTRA_CELLS) {
            pa_band_free(&wider);
            pa_free(pi), pa_free(pj), pa_free(rad);
            break; /* nothing to widen, or the edge is the region's, or enough */
        }
        if (posteriors && !widened) first = band, st.band = &first;
        else pa_band_free(&band);
        band = wider;
        widened = 1;
        pa_log(plan->log, PA_LOG_DEBUG, "level %u: %zu edge nodes, radius %zu, %zu cells", shift, touched, radius,
                    band.cells);
        if (s->have_pt && shift == 0) pa_pair_table_set_band(&s->pt, &band, plan->max_side);
        rc = research_stretches(s, plan, &band, &path, pi, pj, rad, radius);
        pa_free(pi), pa_free(pj), pa_free(rad);
    }
    if (posteriors && !widened) {
        /* the path never left the first band: its forward pass stands */
        backward_posteriors(speculating ? &spec : NULL, s, &st, &path);
        speculating = 0;
    } else if (posteriors && rc == 0) {
        pa_alignment_free(&path);
        pa_search_result r;
        /* (a job on the first band: the rows below the last widened one
         * are the same, so the new job takes them from it) */
        if (backward_beside(s, &band, plan)) {
            rc = run_level_beside(s, &band, plan, &st, speculating ? &spec : NULL, &r);
        } else {
            if (speculating) backward_job_drop(&spec);
            rc = run_level(s, &band, plan, 1, &st, &r);
        }
        speculating = 0;
        if (rc == 0) path = r.path;
        else memset(&path, 0, sizeof path);
    }
    if (speculating) backward_job_drop(&spec); /* a failed widening */
    if (posteriors) pa_search_state_free(&st);
    pa_band_free(&first); /* empty unless widened with posteriors */
    pa_band_free(&band);
    if (rc != 0) {
        pa_alignment_free(&path);
        return -1;
    }
    *out = path;
    return 0;
}

/* search_band in a tube of the plan's radius around `guide` (a path at
 * level `guide_shift`, or at this level; NULL = the whole lattice). */
static int search_level(scorer *s, const search_plan *plan, unsigned shift, const pa_alignment *guide,
                        unsigned guide_shift, int posteriors, pa_alignment *out)
{
    size_t n, m;
    pa_band band;
    if (!guide) {
        set_level(s, shift, &n, &m);
        pa_band_full(&band, n, m);
    } else {
        /* the guide's corners in sentences, then in this level's units */
        size_t np = guide->n + 1;
        size_t *pi = pa_malloc(np * sizeof *pi), *pj = pa_malloc(np * sizeof *pj);
        set_level(s, guide_shift, &n, &m);
        pi[0] = pj[0] = 0;
        for (size_t k = 0; k < guide->n; k++) {
            const pa_bead *b = &guide->beads[k];
            pi[k + 1] = src_start(s, b->src + b->n_src);
            pj[k + 1] = tgt_start(s, b->tgt + b->n_tgt);
        }
        set_level(s, shift, &n, &m);
        for (size_t k = 0; k < np; k++) {
            pi[k] = pi[k] >= s->n ? n : pi[k] >> shift;
            pj[k] = pj[k] >= s->m ? m : (size_t)llround((double)pj[k] / s->tgt_unit);
            if (pj[k] > m) pj[k] = m;
        }
        pi[np - 1] = n, pj[np - 1] = m;
        /* A coarser level's path is off by a unit or two where its blocks
         * straddle beads; a wider tube lets the finer level correct it. */
        pa_band_init(&band, n, m);
        pa_band_add_path(&band, pi, pj, np, NULL, guide_shift > shift ? 2 * plan->radius : plan->radius);
        pa_free(pi), pa_free(pj);
    }
    return search_band(s, plan, shift, band, posteriors, out);
}

/* Viterbi alignment at level `shift`, guided by the next coarser level
 * unless the lattice is small enough to search whole. */
static int coarse_to_fine(scorer *s, const search_plan *plan, unsigned shift, pa_alignment *out)
{
    size_t n, m;
    set_level(s, shift, &n, &m);
    if ((double)(n + 1) * (double)(m + 1) <= FULL_SEARCH_CELLS || (n <= 2 && m <= 2))
        return search_level(s, plan, shift, NULL, shift, 0, out);
    pa_alignment coarse = {0};
    if (coarse_to_fine(s, plan, shift + 1, &coarse) != 0) return -1;
    int rc = search_level(s, plan, shift, &coarse, shift + 1, 0, out);
    pa_alignment_free(&coarse);
    return rc;
}

/* A document whose sentences are the paragraphs of `d`, each its own
 * paragraph; `sent_at[k]` receives the index of paragraph k's first
 * sentence in `d` (k = 0..n_paras). */
static pa_document *paragraph_document(const pa_document *d, size_t *sent_at)
{
    pa_document *p = pa_document_new(d->name, d->lang);
    pa_document_set_text(p, pa_strndup(d->text, d->len), d->len);
    sent_at[0] = 0;
    for (size_t k = 0; k < d->n_paras; k++) {
        const pa_paragraph *q = &d->paras[k];
        sent_at[k + 1] = sent_at[k] + q->n_sents;
        if (q->n_sents == 0) continue;
        const pa_sentence *a = &d->sents[q->first_sent], *z = &d->sents[q->first_sent + q->n_sents - 1];
        pa_document_add_paragraph(p, a->span.start, z->span.start + z->span.len - a->span.start);
        pa_document_add_sentence(p, p->n_paras - 1, a->span.start, z->span.start + z->span.len - a->span.start);
    }
    return p;
}

/* Pass 0 for documents with paragraphs: align the paragraphs (with
 * lengths and anchors: no lexicon, no dictionary), then search sentences
 * in the paragraph groups found: only inside a group whose paragraph bead
 * is sure (PARA_SURE_POSTERIOR), with the plan's radius around the others.
 * Every later pass searches around this path, so sentences stay in their
 * paragraph groups unless the paragraphs' alignment was in doubt. */
static int align_units(const pa_document *src, const pa_document *tgt, const pa_align_opts *opts, int paragraph_units,
                       pa_alignment *out, pa_error *err);

static int paragraphs_first(scorer *s, const search_plan *plan, const pa_document *src, const pa_document *tgt,
                            const pa_align_opts *opts, pa_band *region, size_t **groups, uint8_t **sure,
                            pa_alignment *out, pa_error *err)
{
    size_t *sa = pa_malloc((src->n_paras + 1) * sizeof *sa), *ta = pa_malloc((tgt->n_paras + 1) * sizeof *ta);
    pa_document *ps = paragraph_document(src, sa), *pt = paragraph_document(tgt, ta);
    /* paragraph index in ps/pt -> paragraph index in src/tgt (empty ones skipped) */
    size_t *smap = pa_malloc((ps->n_sents + 1) * sizeof *smap), *tmap = pa_malloc((pt->n_sents + 1) * sizeof *tmap);
    for (size_t k = 0, q = 0; k < src->n_paras; k++) if (src->paras[k].n_sents) smap[q++] = k;
    for (size_t k = 0, q = 0; k < tgt->n_paras; k++) if (tgt->paras[k].n_sents) tmap[q++] = k;
    smap[ps->n_sents] = src->n_paras, tmap[pt->n_sents] = tgt->n_paras;
    pa_align_opts po = *opts;
    po.paragraphs_first = 0;
    po.phase = NULL;
    /* A dictionary links words of any two long paragraphs by chance, and
     * its evidence made the paragraph beads wrong and sure: with CC-CEDICT,
     * MAC-dev chapters with the same paragraphs on both sides fell from
     * 0.869 strict F1 (no paragraphs) to 0.786 for one of three sets of
     * breaks (bench-paragraphs.sh). The sentence passes use it. */
    po.dict = NULL;
    /* Nor a lexicon: learned from a few dozen paragraph beads, it cost up
     * to a third of the work of a paragraphed document (the sample from
     * raw text 80.7M -> 73.0M instructions; 1,500 UN sentences, their
     * paragraphs joined and split on one side, 2.83G -> 2.11G), and
     * lengths and anchors did as well without it: bench-paragraphs.sh's
     * F1 moved by at most 0.007 a set of breaks, either way, and the
     * sample's alignment and UDHR's pair counts not at all. */
    if (po.model == PA_MODEL_FULL) po.model = PA_MODEL_ANCHORS;
    pa_alignment pal = {0};
    int rc = align_units(ps, pt, &po, 1, &pal, err);
    if (rc == 0) {
        size_t np = pal.n + 1;
        size_t *pi = pa_malloc(np * sizeof *pi), *pj = pa_malloc(np * sizeof *pj), *rad = pa_malloc(np * sizeof *rad);
        pi[0] = pj[0] = 0;
        *groups = pa_malloc((s->n + s->m + 1) * sizeof **groups);
        *sure = pa_malloc(pal.n + 1);
        for (size_t k = 0; k < pal.n; k++) {
            const pa_bead *b = &pal.beads[k];
            pi[k + 1] = sa[smap[b->src + b->n_src]];
            pj[k + 1] = ta[tmap[b->tgt + b->n_tgt]];
            (*sure)[k] = b->score >= PARA_SURE_POSTERIOR;
            rad[k] = (*sure)[k] ? 0 : plan->radius;
            pa_log(opts->log, PA_LOG_TRACE, "  paragraph bead %zu: sentences %zu-%zu : %zu-%zu, posterior %.6f%s", k,
                   pi[k], pi[k + 1], pj[k], pj[k + 1], b->score, (*sure)[k] ? ", sure" : "");
            for (size_t i = pi[k]; i < pi[k + 1]; i++) (*groups)[i] = k;
            for (size_t j = pj[k]; j < pj[k + 1]; j++) (*groups)[s->n + j] = k;
        }
        s->src_group = *groups;
        s->tgt_group = *groups + s->n;
        s->group_sure = *sure;
        pa_log(opts->log, PA_LOG_DEBUG, "paragraphs: %zu beads", pal.n);
        pa_band_init(region, s->n, s->m);
        for (size_t k = 0; k + 1 < np; k++) {
            /* a group's rectangle, unless it is large: then a tube along its
             * diagonal (the search widens it where the path needs it) */
            size_t rows = pi[k + 1] - pi[k], cols = pj[k + 1] - pj[k];
            if ((double)rows * (double)cols <= 64.0 * (double)(rows + cols + 1))
                pa_band_add_path(region, pi + k, pj + k, 2, rad + k, 0);
            else
                pa_band_add_line(region, pi[k], pj[k], pi[k + 1], pj[k + 1], 2 * plan->radius + rad[k]);
        }
        pa_band band;
        pa_band_copy(&band, region);
        pa_free(pi), pa_free(pj), pa_free(rad);
        s->region = region;
        rc = search_band(s, plan, 0, band, 0, out);
        if (rc != 0) pa_error_set(err, PA_EINTERNAL, "%s: no alignment found", src->name);
    }
    pa_alignment_free(&pal);
    pa_document_free(ps), pa_document_free(pt);
    pa_free(sa), pa_free(ta), pa_free(smap), pa_free(tmap);
    return rc;
}

void pa_align_opts_init(pa_align_opts *o)
{
    memset(o, 0, sizeof *o);
    o->paragraphs_first = 1;
    o->max_bead = 6;
    o->band_radius = 8;
    o->threads = 1;
}

/* The bead types allowed by `max_bead`, with seed priors. */
static size_t allowed_types(int max_bead, pa_bead_type *types, double *prior)
{
    size_t k = 0;
    for (size_t t = 0; t < N_SEED; t++) {
        const pa_bead_type *bt = &seed_priors[t].type;
        if (bt->ns + bt->nt > max_bead) continue;
        types[k] = *bt;
        prior[k] = seed_priors[t].p;
        k++;
    }
    return k;
}

static void set_priors(scorer *s, const pa_bead_type *types, const double *prior, size_t n)
{
    double z = 0;
    for (size_t k = 0; k < n; k++) z += prior[k];
    for (size_t k = 0; k < 256; k++) s->sm.log_prior[k] = -INFINITY;
    for (size_t k = 0; k < n; k++) s->sm.log_prior[types[k].ns << 4 | types[k].nt] = log(prior[k] / z);
}

/* Bead priors from the type counts of the previous pass, smoothed with the
 * seed priors as a Dirichlet prior worth 20 beads. */
static void reestimate_priors(scorer *s, const pa_alignment *a, const search_plan *plan, const double *seed)
{
    double prior[64] = {0};
    for (size_t b = 0; b < a->n; b++)
        for (size_t t = 0; t < plan->n_types; t++)
            if (plan->types[t].ns == a->beads[b].n_src && plan->types[t].nt == a->beads[b].n_tgt) prior[t]++;
    for (size_t t = 0; t < plan->n_types; t++) prior[t] += 20 * seed[t];
    set_priors(s, plan->types, prior, plan->n_types);
}

int pa_align_documents(const pa_document *src, const pa_document *tgt, const pa_align_opts *opts,
                       pa_alignment *out, pa_error *err)
{
    pa_align_opts defaults;
    if (!opts) pa_align_opts_init(&defaults), opts = &defaults;
    return align_units(src, tgt, opts, 0, out, err);
}

/* Aligns the sentences of `src` and `tgt`; with `paragraph_units` the
 * sentences are whole paragraphs (the paragraph pass), which never pay the
 * paragraph penalties. */
static int align_units(const pa_document *src, const pa_document *tgt, const pa_align_opts *opts, int paragraph_units,
                       pa_alignment *out, pa_error *err)
{
    memset(out, 0, sizeof *out);
    if (src->n_sents == 0 || tgt->n_sents == 0) {
        /* Nothing to pair: every sentence is a deletion or insertion. */
        for (size_t i = 0; i < src->n_sents; i++) pa_alignment_add(out, (pa_bead){i, 1, 0, 0, 1.0});
        for (size_t j = 0; j < tgt->n_sents; j++) pa_alignment_add(out, (pa_bead){0, 0, j, 1, 1.0});
        return 0;
    }
    search_plan plan = {.radius = opts->band_radius ? opts->band_radius : 8, .threads = opts->threads,
                        .log = opts->log};
    double seed[N_SEED];
    plan.n_types = allowed_types(opts->max_bead > 1 ? opts->max_bead : 2, plan.types, seed);
    for (size_t t = 0; t < plan.n_types; t++) {
        if (plan.types[t].ns > plan.max_side) plan.max_side = plan.types[t].ns;
        if (plan.types[t].nt > plan.max_side) plan.max_side = plan.types[t].nt;
    }

    pa_pair_features pf;
    if (opts->model == PA_MODEL_LENGTH) {
        pa_pair_features_build_lengths(src, tgt, &pf);
    } else {
        pa_feature_extractor *fx = pa_feature_extractor_new(err);
        if (!fx) return -1;
        if (pa_pair_features_build(fx, src, tgt, &pf, err) != 0) {
            pa_feature_extractor_free(fx);
            return -1;
        }
        pa_feature_extractor_free(fx);
    }

    scorer s;
    memset(&s, 0, sizeof s);
    double *sp = length_prefix(&pf.src), *tp = length_prefix(&pf.tgt);
    size_t *spara = NULL, *tpara = NULL;
    if (src->n_paras > 1 && tgt->n_paras > 1 && !paragraph_units)
        spara = paragraph_of(src), tpara = paragraph_of(tgt);
    s.src_pre = sp, s.tgt_pre = tp, s.src_para = spara, s.tgt_para = tpara;
    s.n = src->n_sents, s.m = tgt->n_sents;
    s.sm.lm = pa_length_model_guess(sp[s.n], tp[s.m], sp[s.n] / (double)s.n, INITIAL_REL_SD);
    set_priors(&s, plan.types, seed, plan.n_types);

    /* Pass 0: sentence lengths only, coarse to fine (Gale & Church).
     * Pass 1: anchors too, with rates measured on pass 0's beads.
     * Pass 2: a lexicon learned from pass 1's beads too.
     * Pass 3: every rate re-measured on pass 2, posteriors for the scores.
     * Passes 1-3 search a band around the previous path. */
    int rc = 0;
    pa_alignment prev = {0}, next = {0};
    pa_links learned = {0}, external = {0};
    if (opts->dict) {
        pa_dict_links(opts->dict, &pf, &external);
        s.links[1] = &external;
    }
    pa_band region = {0};
    size_t *groups = NULL;
    uint8_t *sure = NULL;
    if (opts->paragraphs_first && spara)
        rc = paragraphs_first(&s, &plan, src, tgt, opts, &region, &groups, &sure, &prev, err);
    else if (coarse_to_fine(&s, &plan, 0, &prev) != 0) rc = -1;
    for (int pass = 1; pass <= 3 && rc == 0; pass++) {
        if (opts->phase) pa_log_progress(opts->log, opts->phase, (size_t)pass, 4, "passes");
        if (opts->model == PA_MODEL_LENGTH && pass < 3) continue;
        if (opts->model == PA_MODEL_ANCHORS && pass == 2) continue;
        if (pass == 2) {
            pa_lexicon_learn(&pf, &prev, &learned, opts->log);
            s.links[0] = &learned;
        }
        pa_score_model_estimate(&s.sm, &pf, s.links, &prev, opts->log);
        reestimate_priors(&s, &prev, &plan, seed);
        s.pf = &pf;
        /* lengths only: no evidence, so no pair table to score it */
        s.have_pt = opts->model != PA_MODEL_LENGTH;
        if (s.have_pt) pa_pair_table_init(&s.pt, &pf, s.links, &s.sm.ev);
        if (search_level(&s, &plan, 0, &prev, 0, pass == 3, &next) != 0) rc = -1;
        pa_pair_table_free(&s.pt);
        s.have_pt = 0;
        pa_alignment_free(&prev);
        prev = next;
        memset(&next, 0, sizeof next);
    }
    if (rc != 0) {
        pa_error_set(err, PA_EINTERNAL, "%s: no alignment found", src->name);
        pa_alignment_free(&prev);
    } else {
        *out = prev;
        if (opts->phase) pa_log_progress(opts->log, opts->phase, 4, 4, "passes");
    }
    pa_links_free(&learned);
    pa_links_free(&external);
    pa_band_free(&region);
    pa_free(groups), pa_free(sure);
    pa_pair_features_free(&pf);
    pa_free(sp), pa_free(tp), pa_free(spara), pa_free(tpara), pa_free(s.tgt_at);
    pa_free(s.src_unit_pre), pa_free(s.tgt_unit_pre);
    return rc;
}
