/* search_run.h - the dynamic programme of pa_search (search.h), as an
 * inline function: each caller that passes its own scorer gets a copy of
 * the loops with the scorer inlined, which spares a call and its argument
 * shuffling per edge (tens of millions on a big document). search.c
 * builds pa_search from it for every other caller. */
#ifndef PA_SEARCH_RUN_H
#define PA_SEARCH_RUN_H

#include "align/aligner/search.h"
#include "align/util/alloc.h"

#include <math.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>

static inline int pa_band_in_row(const pa_band *b, size_t i, size_t j) { return j >= b->lo[i] && j <= b->hi[i]; }
static inline size_t pa_band_cell(const pa_band *b, size_t i, size_t j) { return b->off[i] + (j - b->lo[i]); }

/* A term this far below the largest adds less than e^-40 (4e-18) to a sum
 * of at least 1: a few ulps of it together at most, so its exp() is not
 * worth computing (most beads of a cell are that unlikely). */
#define PA_LOG_SUM_CUTOFF 40.0

/* log(exp(0) + sum(exp(v[t * stride]))) over t < n, the 0 only when
 * `has_first`, without overflow: a cell's sum over its entries, read from
 * a list (stride 1) or from a column of the row-wise passes' terms. A
 * term of -INFINITY, as a bead that is not there, is left out (the
 * cut-off below), so the sum is the same as over the terms that are. */
static inline double pa_search_log_sum_column(const double *v, size_t n, size_t stride, int has_first)
{
    double mx = has_first ? 0 : -INFINITY;
    for (size_t t = 0; t < n; t++)
        if (v[t * stride] > mx) mx = v[t * stride];
    if (mx == -INFINITY) return mx;
    double s = 0;
    if (has_first && -mx > -PA_LOG_SUM_CUTOFF) s += exp(-mx);
    for (size_t t = 0; t < n; t++)
        if (v[t * stride] - mx > -PA_LOG_SUM_CUTOFF) s += exp(v[t * stride] - mx);
    return mx + log(s);
}

/* log(sum(exp(v[k]))), without overflow. */
static inline double pa_search_log_sum(const double *v, size_t n) { return pa_search_log_sum_column(v, n, 1, 0); }

/* The forward pass keeps each edge's score, by the cell it enters and its
 * bead type, for the backward pass and the trace (which would otherwise
 * score every bead again), while that takes at most this many bytes;
 * past it, they score again. NAN marks an edge the forward pass skipped.
 * Past a few megabytes the cache costs more in memory traffic than the
 * scoring it saves: a 4,937-sentence chapter (27 MB of edges) ran in
 * 0.87-0.95 s without it and 0.95-1.00 s with it, and its 4x repetition in
 * 1.13 s of the last pass without and 1.76 s with; a 1,500-sentence one
 * (8 MB) in 0.25 s with and 0.27-0.33 s without; a 40-sentence
 * document scores 11% fewer instructions with it. */
#define EDGE_CACHE_BYTES ((size_t)16 << 20)

/* The score of the bead of type `t` from (i, j): from the cache when the
 * forward pass scored it. */
static inline double pa_search_edge_logp(const double *edges, size_t q, size_t t, size_t n_types, pa_bead_logp_fn logp,
                               void *ctx, size_t i, size_t di, size_t j, size_t dj)
{
    if (edges) {
        double lp = edges[q * n_types + t];
        if (!isnan(lp)) return lp;
    }
    return logp(ctx, i, di, j, dj);
}

/* A search in progress: the forward pass's tables over one band, kept so
 * that a caller can look at the Viterbi path before paying for the
 * backward pass (which it skips when it will search a wider band). */
typedef struct pa_search_state {
    const pa_band *band;
    const pa_bead_type *types;
    size_t n_types;
    double *vit, *fwd, *edges, *terms; /* fwd, edges: NULL without posteriors */
    /* With posteriors, the score of each cell's Viterbi entry (the bead
     * back[] names): the posteriors of the path read it here, where
     * scoring the path's beads again, after a backward pass that left the
     * pair table's ring at the top rows, computed every row's evidence
     * once more (4,937 of a chapter's 28,400 row computations). */
    double *entry;
    uint8_t *back;
    size_t *spans; /* per bead type: the row's reach (pa_search_row_spans) */
    double *rows;  /* scratch of the row-wise passes (pa_search_row_scratch) */
    uint8_t *row_arg;
} pa_search_state;

static inline void pa_search_state_free(pa_search_state *st)
{
    pa_free(st->vit), pa_free(st->fwd), pa_free(st->entry), pa_free(st->back), pa_free(st->terms),
        pa_free(st->edges);
    pa_free(st->spans), pa_free(st->rows), pa_free(st->row_arg);
    memset(st, 0, sizeof *st);
}

/* For each bead type t, the columns of row i whose predecessor over the
 * bead, row i - ns, column j - nt, lies in the band: lo[t] <= j <= hi[t]
 * (empty when lo > hi); that cell is j + base[t] (modulo 2^64: the sum
 * wraps back into range). Worked out once a row, it spares every edge the
 * loads and tests of the predecessor row's span. `spans` holds 3 x n_types:
 * lo, hi, base. With `down`, the successors instead: row i + ns, column
 * j + nt, which lies in the band when lo[t] <= j + nt <= hi[t], cell
 * (j + nt) + base[t]. */
static inline void pa_search_row_spans(const pa_band *band, const pa_bead_type *types, size_t n_types, size_t i,
                                       int down, size_t *spans)
{
    size_t *lo = spans, *hi = spans + n_types, *base = spans + 2 * n_types;
    for (size_t t = 0; t < n_types; t++) {
        size_t di = types[t].ns, dj = down ? 0 : types[t].nt;
        if (down ? i + di > band->n : di > i) {
            lo[t] = 1, hi[t] = 0;
            continue;
        }
        size_t r = down ? i + di : i - di;
        lo[t] = band->lo[r] + dj, hi[t] = band->hi[r] + dj;
        base[t] = band->off[r] - band->lo[r] - dj;
    }
}

/* The tables of a forward pass over `band` into `st`, allocated; with
 * `prev` (a forward pass over a band of the same lattice), the rows before
 * the first whose span differs from prev's hold the same cells at the same
 * offsets, and a cell depends only on rows above it: prev's tables become
 * st's, resized (realloc keeps those rows' values, and a block of pages
 * grows in place), and prev is freed. Copying them, both passes' tables
 * were held at once: 20 MB more at the peak of a widened 19,748-sentence
 * band. Returns the first row left to compute. */
static inline size_t pa_search_begin(pa_search_state *st, const pa_band *band, const pa_bead_type *types,
                                     size_t n_types, int posteriors, pa_search_state *prev)
{
    size_t n = band->n, m = band->m;
    memset(st, 0, sizeof *st);
    st->band = band, st->types = types, st->n_types = n_types;
    int edges = posteriors && n_types && band->cells <= EDGE_CACHE_BYTES / sizeof *st->edges / n_types;
    size_t first = 0;
    if (prev && prev->band->n == n && prev->band->m == m && !!prev->fwd == !!posteriors && (!edges || prev->edges))
        while (first <= n && prev->band->lo[first] == band->lo[first] && prev->band->hi[first] == band->hi[first])
            first++;
    if (prev && first == 0) pa_search_state_free(prev); /* nothing to keep: new tables */
    pa_search_state none = {0}, *from = prev ? prev : &none;
    size_t cells = band->cells;
    st->vit = pa_realloc(from->vit, cells * sizeof *st->vit), from->vit = NULL;
    st->back = pa_realloc(from->back, cells), from->back = NULL;
    if (posteriors) {
        st->fwd = pa_realloc(from->fwd, cells * sizeof *st->fwd), from->fwd = NULL;
        st->entry = pa_realloc(from->entry, cells * sizeof *st->entry), from->entry = NULL;
    }
    if (edges) st->edges = pa_realloc(from->edges, cells * n_types * sizeof *st->edges), from->edges = NULL;
    if (prev) pa_search_state_free(prev);
    st->terms = pa_malloc((n_types + 1) * sizeof *st->terms);
    st->spans = pa_malloc((3 * n_types + 1) * sizeof *st->spans);
    return first;
}

/* The end of a forward pass: 0, or -1 (and `st` freed) when no path
 * reaches the lattice's last node. */
static inline int pa_search_finish(pa_search_state *st)
{
    const pa_band *band = st->band;
    if (!pa_band_in_row(band, band->n, band->m) || st->vit[pa_band_cell(band, band->n, band->m)] == -INFINITY) {
        pa_search_state_free(st);
        return -1;
    }
    return 0;
}

/* The forward pass over `band`: Viterbi, and with `posteriors` the
 * sum-product too. Returns -1 (and frees `st`) when no path reaches the
 * end. `bound`, when not NULL, holds for each bead type a number no bead of
 * the type scores above: a Viterbi-only search (no posteriors) skips the
 * beads that could not beat the best entry into their cell found so far
 * (types are tried in order, so put the likely ones first). The path is
 * the same: a skipped bead could not have been taken. With `prev` (NULL:
 * none), a forward pass
 * over a narrower band of the same lattice, the rows they share are
 * copied from it, and prev is freed (pa_search_begin). */
static inline __attribute__((always_inline)) int pa_search_forward_from(pa_search_state *st, const pa_band *band,
                                                                        const pa_bead_type *types, size_t n_types,
                                                                        pa_bead_logp_fn logp, void *ctx,
                                                                        const double *bound, int posteriors,
                                                                        pa_search_state *prev)
{
    if (posteriors) bound = NULL; /* forward sums need every bead */
    size_t first = pa_search_begin(st, band, types, n_types, posteriors, prev);
    size_t n = band->n;
    double *vit = st->vit, *fwd = st->fwd, *entry = st->entry, *edges = st->edges, *terms = st->terms;
    uint8_t *back = st->back;
    size_t *spans = st->spans;
    const size_t *span_lo = spans, *span_hi = spans + n_types, *span_base = spans + 2 * n_types;
    for (size_t i = first; i <= n; i++) {
        if (band->hi[i] < band->lo[i]) continue;
        pa_search_row_spans(band, types, n_types, i, 0, spans);
        for (size_t j = band->lo[i]; j <= band->hi[i]; j++) {
            size_t c = pa_band_cell(band, i, j);
            double best = -INFINITY, best_lp = -INFINITY;
            uint8_t arg = 0xFF;
            size_t nt_terms = 0;
            if (i == 0 && j == 0) best = 0, terms[nt_terms++] = 0;
            double *edge = edges ? edges + c * n_types : NULL;
            for (size_t t = 0; t < n_types; t++) {
                if (edge) edge[t] = NAN;
                if (j < span_lo[t] || j > span_hi[t]) continue;
                size_t p = j + span_base[t];
                if (vit[p] == -INFINITY) continue;
                size_t di = types[t].ns, dj = types[t].nt;
                if (bound && vit[p] + bound[t] <= best) continue;
                double lp = logp(ctx, i - di, di, j - dj, dj);
                if (edge) edge[t] = lp;
                if (lp == -INFINITY) continue;
                double v = vit[p] + lp;
                if (v > best) best = v, arg = (uint8_t)t, best_lp = lp;
                if (fwd) terms[nt_terms++] = fwd[p] + lp;
            }
            vit[c] = best;
            back[c] = arg;
            if (fwd) fwd[c] = pa_search_log_sum(terms, nt_terms), entry[c] = best_lp;
        }
    }
    return pa_search_finish(st);
}

/* pa_search_forward_from with nothing to start from. */
static inline __attribute__((always_inline)) int pa_search_forward(pa_search_state *st, const pa_band *band,
                                                                   const pa_bead_type *types, size_t n_types,
                                                                   pa_bead_logp_fn logp, void *ctx,
                                                                   const double *bound, int posteriors)
{
    return pa_search_forward_from(st, band, types, n_types, logp, ctx, bound, posteriors, NULL);
}

/* Scores of the beads of type (ns, nt) that end in row i at the columns
 * j0..j1: out[j - j0] = the score of the bead of source units [i - ns, i)
 * and target units [j - nt, j) (a pa_bead_logp_fn's, bit for bit). A row
 * and a bead type at a time, a scorer works out once what the beads
 * share (their sources' lengths, evidence rows and paragraphs), which a
 * bead at a time it did for each of them. */
typedef void (*pa_bead_row_fn)(void *ctx, size_t i, size_t ns, size_t nt, size_t j0, size_t j1, double *out);

/* The cells of the band's widest row (at least 1): what the row-wise
 * passes' scratch is sized for. */
static inline size_t pa_band_widest_row(const pa_band *band)
{
    size_t w = 1;
    for (size_t i = 0; i <= band->n; i++)
        if (band->hi[i] >= band->lo[i] && band->hi[i] - band->lo[i] + 1 > w) w = band->hi[i] - band->lo[i] + 1;
    return w;
}

/* Scratch of the row-wise passes, sized for the band's widest row: per
 * cell of a row, its best entry and that entry's score, and per bead type
 * the scores of the beads into it and the terms of its sum. */
static inline void pa_search_row_scratch(pa_search_state *st)
{
    size_t w = pa_band_widest_row(st->band);
    st->rows = pa_malloc((2 + 2 * st->n_types) * w * sizeof *st->rows);
    st->row_arg = pa_malloc(w);
}

/* Sets a type's terms over a row (columns lo .. lo + w - 1) to -INFINITY
 * outside columns j0..j1 (all of them when j0 > j1). */
static inline void pa_search_clear_outside(double *tt, size_t lo, size_t w, size_t j0, size_t j1)
{
    size_t x0 = j0 > j1 ? w : j0 - lo, x1 = j0 > j1 ? w - 1 : j1 - lo;
    for (size_t x = 0; x < x0; x++) tt[x] = -INFINITY;
    for (size_t x = x1 + 1; x < w; x++) tt[x] = -INFINITY;
}

/* pa_search_forward_from, its beads scored a row and a type at a time by
 * `row`, with posteriors or without (then every bead is scored, where the
 * other skips those a bound rules out: the same path, as a skipped bead
 * could not have been taken). The same tables, bit for bit: a cell's
 * Viterbi entry is the first type, in type order, to reach the best
 * score, and its sum takes the same terms in the same order. Types whose
 * beads start in the row itself (no source unit) come last, a cell at a
 * time, as their predecessors are the row's cells to the left. */
static inline __attribute__((always_inline)) int pa_search_forward_rows_from(pa_search_state *st,
                                                                             const pa_band *band,
                                                                             const pa_bead_type *types,
                                                                             size_t n_types, pa_bead_row_fn row,
                                                                             void *ctx, int posteriors,
                                                                             pa_search_state *prev)
{
    size_t first = pa_search_begin(st, band, types, n_types, posteriors, prev);
    pa_search_row_scratch(st);
    size_t n = band->n;
    double *vit = st->vit, *fwd = st->fwd, *entry = st->entry, *edges = st->edges;
    uint8_t *back = st->back, *arg = st->row_arg;
    const size_t *span_lo = st->spans, *span_hi = st->spans + n_types, *span_base = st->spans + 2 * n_types;
    for (size_t i = first; i <= n; i++) {
        if (band->hi[i] < band->lo[i]) continue;
        size_t lo = band->lo[i], hi = band->hi[i], w = hi - lo + 1, c0 = band->off[i];
        pa_search_row_spans(band, types, n_types, i, 0, st->spans);
        double *best = st->rows, *best_lp = best + w, *term = best_lp + w, *score = term + n_types * w;
        for (size_t x = 0; x < w; x++) best[x] = -INFINITY, best_lp[x] = -INFINITY, arg[x] = 0xFF;
        int origin = i == 0 && lo == 0;
        if (origin) best[0] = 0;
        if (edges)
            for (size_t e = 0; e < w * n_types; e++) edges[c0 * n_types + e] = NAN;
        for (size_t t = 0; t < n_types; t++) {
            double *tt = term + t * w, *lp = score + t * w;
            size_t j0 = span_lo[t] > lo ? span_lo[t] : lo, j1 = span_hi[t] < hi ? span_hi[t] : hi;
            if (fwd) pa_search_clear_outside(tt, lo, w, j0, j1);
            if (j0 > j1) continue;
            row(ctx, i, types[t].ns, types[t].nt, j0, j1, lp + (j0 - lo)); /* lp[x]: column lo + x */
            if (types[t].ns == 0) continue; /* below, a cell at a time */
            for (size_t j = j0; j <= j1; j++) {
                size_t x = j - lo, p = j + span_base[t];
                double l = lp[x], v = vit[p] + l;
                if (edges) edges[(c0 + x) * n_types + t] = l;
                if (v > best[x]) best[x] = v, arg[x] = (uint8_t)t, best_lp[x] = l;
                if (fwd) tt[x] = fwd[p] + l;
            }
        }
        for (size_t x = 0; x < w; x++) {
            size_t j = lo + x;
            for (size_t t = 0; t < n_types; t++) {
                if (types[t].ns != 0 || j < span_lo[t] || j > span_hi[t]) continue;
                size_t p = j + span_base[t];
                double l = score[t * w + x], v = vit[p] + l;
                if (edges) edges[(c0 + x) * n_types + t] = l;
                /* the first type to reach the best score, as in type order */
                if (v > best[x] || (v == best[x] && v != -INFINITY && t < arg[x]))
                    best[x] = v, arg[x] = (uint8_t)t, best_lp[x] = l;
                if (fwd) term[t * w + x] = fwd[p] + l;
            }
            vit[c0 + x] = best[x], back[c0 + x] = arg[x];
            if (fwd)
                fwd[c0 + x] = pa_search_log_sum_column(term + x, n_types, w, origin && x == 0),
                         entry[c0 + x] = best_lp[x];
        }
    }
    return pa_search_finish(st);
}

/* A Viterbi pass (no posteriors) like pa_search_forward_from with a
 * `bound` (NULL not allowed), its loops a row and a type at a time:
 * beads scored one by one by `logp`, but only where one could beat the
 * cell's best entry so far. The same tables, bit for bit. Types without
 * a source unit come last, a cell at a time (their predecessors are the
 * row's cells to the left); the bound's margin keeps a bead it skips
 * there below the cell's best, so the skip cannot change the entry. */
static inline __attribute__((always_inline)) int pa_search_forward_rows_bounded(pa_search_state *st,
                                                                                const pa_band *band,
                                                                                const pa_bead_type *types,
                                                                                size_t n_types, pa_bead_logp_fn logp,
                                                                                void *ctx, const double *bound)
{
    pa_search_begin(st, band, types, n_types, 0, NULL);
    pa_search_row_scratch(st);
    size_t n = band->n;
    double *vit = st->vit;
    uint8_t *back = st->back, *arg = st->row_arg;
    const size_t *span_lo = st->spans, *span_hi = st->spans + n_types, *span_base = st->spans + 2 * n_types;
    for (size_t i = 0; i <= n; i++) {
        if (band->hi[i] < band->lo[i]) continue;
        size_t lo = band->lo[i], hi = band->hi[i], w = hi - lo + 1, c0 = band->off[i];
        pa_search_row_spans(band, types, n_types, i, 0, st->spans);
        double *best = st->rows;
        for (size_t x = 0; x < w; x++) best[x] = -INFINITY, arg[x] = 0xFF;
        if (i == 0 && lo == 0) best[0] = 0;
        for (size_t t = 0; t < n_types; t++) {
            size_t ns = types[t].ns, nt = types[t].nt;
            if (ns == 0) continue; /* below, a cell at a time */
            size_t j0 = span_lo[t] > lo ? span_lo[t] : lo, j1 = span_hi[t] < hi ? span_hi[t] : hi;
            double bt = bound[t];
            for (size_t j = j0; j <= j1; j++) {
                size_t x = j - lo;
                double vp = vit[j + span_base[t]];
                if (vp + bt <= best[x]) continue; /* also when vp is -INFINITY */
                double v = vp + logp(ctx, i - ns, ns, j - nt, nt);
                if (v > best[x]) best[x] = v, arg[x] = (uint8_t)t;
            }
        }
        for (size_t x = 0; x < w; x++) {
            size_t j = lo + x;
            for (size_t t = 0; t < n_types; t++) {
                if (types[t].ns != 0 || j < span_lo[t] || j > span_hi[t]) continue;
                double vp = vit[j + span_base[t]];
                if (vp + bound[t] <= best[x]) continue;
                double v = vp + logp(ctx, i, 0, j - types[t].nt, types[t].nt);
                if (v > best[x] || (v == best[x] && v != -INFINITY && t < arg[x])) best[x] = v, arg[x] = (uint8_t)t;
            }
            vit[c0 + x] = best[x], back[c0 + x] = arg[x];
        }
    }
    return pa_search_finish(st);
}

/* The Viterbi path of a forward pass, every bead scored 1. */
static inline void pa_search_trace(const pa_search_state *st, pa_alignment *path)
{
    const pa_band *band = st->band;
    memset(path, 0, sizeof *path);
    size_t i = band->n, j = band->m;
    while (i > 0 || j > 0) {
        const pa_bead_type *t = &st->types[st->back[pa_band_cell(band, i, j)]];
        size_t pi = i - t->ns, pj = j - t->nt;
        pa_alignment_add(path, (pa_bead){pi, t->ns, pj, t->nt, 1.0});
        i = pi, j = pj;
    }
    for (size_t a = 0, z = path->n; a + 1 < z; a++, z--) {
        pa_bead tmp = path->beads[a];
        path->beads[a] = path->beads[z - 1];
        path->beads[z - 1] = tmp;
    }
}

/* The backward table over `band`: bwd[c], the log of the summed scores of
 * the paths from cell c to the end, for the rows `top` and above (the
 * rows below filled already: a cell depends on the rows below it only).
 * Edge scores come from `edges` where the forward pass cached them (NULL:
 * none cached). `spans` (3 n_types + 1) and `terms` (n_types + 1) are
 * scratch. It reads nothing of the forward pass but its cache, so it can
 * run beside the forward pass over the same band, on another thread with
 * a scorer of its own; that thread is told to give up by `stop` (NULL:
 * never), read once a row. Returns 0, or -1 when it gave up (the table
 * unfinished). */
static inline __attribute__((always_inline)) int pa_search_backward_table(const pa_band *band,
                                                                          const pa_bead_type *types, size_t n_types,
                                                                          const double *edges, pa_bead_logp_fn logp,
                                                                          void *ctx, size_t *spans, double *terms,
                                                                          double *bwd, size_t top, atomic_int *stop)
{
    size_t n = band->n, m = band->m;
    const size_t *span_lo = spans, *span_hi = spans + n_types, *span_base = spans + 2 * n_types;
    for (size_t i = (top < n ? top : n) + 1; i-- > 0;) {
        if (stop && atomic_load_explicit(stop, memory_order_relaxed)) return -1;
        if (band->hi[i] < band->lo[i]) continue;
        pa_search_row_spans(band, types, n_types, i, 1, spans);
        for (size_t j = band->hi[i] + 1; j-- > band->lo[i];) {
            size_t nt_terms = 0;
            if (i == n && j == m) terms[nt_terms++] = 0;
            for (size_t t = 0; t < n_types; t++) {
                size_t di = types[t].ns, dj = types[t].nt;
                if (j + dj < span_lo[t] || j + dj > span_hi[t]) continue;
                size_t q = j + dj + span_base[t];
                if (bwd[q] == -INFINITY) continue;
                double lp = pa_search_edge_logp(edges, q, t, n_types, logp, ctx, i, di, j, dj);
                if (lp == -INFINITY) continue;
                terms[nt_terms++] = bwd[q] + lp;
            }
            bwd[pa_band_cell(band, i, j)] = pa_search_log_sum(terms, nt_terms);
        }
    }
    return 0;
}

/* pa_search_backward_table, its beads scored a row and a type at a time
 * by `row` where `edges` holds no score; the same table, bit for bit.
 * Types whose beads end in the row itself come last, a cell at a time,
 * from the right. `scratch` holds 2 n_types x the band's widest row (the
 * `rows` of pa_search_row_scratch). */
static inline __attribute__((always_inline)) int pa_search_backward_rows(const pa_band *band,
                                                                         const pa_bead_type *types, size_t n_types,
                                                                         const double *edges, pa_bead_row_fn row,
                                                                         void *ctx, size_t *spans, double *scratch,
                                                                         double *bwd, size_t top, atomic_int *stop)
{
    size_t n = band->n, m = band->m;
    const size_t *span_lo = spans, *span_hi = spans + n_types, *span_base = spans + 2 * n_types;
    for (size_t i = (top < n ? top : n) + 1; i-- > 0;) {
        if (stop && atomic_load_explicit(stop, memory_order_relaxed)) return -1;
        if (band->hi[i] < band->lo[i]) continue;
        size_t lo = band->lo[i], hi = band->hi[i], w = hi - lo + 1, c0 = band->off[i];
        pa_search_row_spans(band, types, n_types, i, 1, spans);
        double *term = scratch, *score = scratch + n_types * w;
        for (size_t t = 0; t < n_types; t++) {
            size_t ns = types[t].ns, nt = types[t].nt;
            double *tt = term + t * w, *lp = score + t * w;
            /* the beads from (i, j) whose ends (i + ns, j + nt) are in the
             * band: span_lo <= j + nt <= span_hi (none when lo > hi) */
            size_t j0 = span_lo[t] > lo + nt ? span_lo[t] - nt : lo, j1 = span_hi[t] < hi + nt ? span_hi[t] - nt : hi;
            if (span_lo[t] > span_hi[t] || span_hi[t] < lo + nt) j0 = hi + 1, j1 = hi;
            pa_search_clear_outside(tt, lo, w, j0, j1);
            if (j0 > j1) continue;
            if (!edges) row(ctx, i + ns, ns, nt, j0 + nt, j1 + nt, lp + (j0 - lo)); /* lp[x]: column lo + x */
            for (size_t j = j0; edges && j <= j1; j++) {
                lp[j - lo] = edges[(j + nt + span_base[t]) * n_types + t];
                if (isnan(lp[j - lo])) row(ctx, i + ns, ns, nt, j + nt, j + nt, lp + (j - lo)); /* not cached */
            }
            if (ns == 0) continue; /* below, a cell at a time */
            for (size_t j = j0; j <= j1; j++) tt[j - lo] = bwd[j + nt + span_base[t]] + lp[j - lo];
        }
        for (size_t x = w; x-- > 0;) {
            size_t j = lo + x;
            for (size_t t = 0; t < n_types; t++) {
                size_t nt = types[t].nt;
                if (types[t].ns != 0 || j + nt < span_lo[t] || j + nt > span_hi[t]) continue;
                term[t * w + x] = bwd[j + nt + span_base[t]] + score[t * w + x];
            }
            bwd[c0 + x] = pa_search_log_sum_column(term + x, n_types, w, i == n && j == m);
        }
    }
    return 0;
}

/* Sets the scores of `path` (the Viterbi path of the forward state `st`)
 * to their posteriors, from `bwd`, the backward table over st's band;
 * returns log Z. */
static inline double pa_search_posteriors(const pa_search_state *st, const double *bwd, pa_alignment *path)
{
    const pa_band *band = st->band;
    double log_z = st->fwd[pa_band_cell(band, band->n, band->m)];
    for (size_t k = 0; k < path->n; k++) {
        pa_bead *b = &path->beads[k];
        size_t c = pa_band_cell(band, b->src + b->n_src, b->tgt + b->n_tgt);
        double post = exp(st->fwd[pa_band_cell(band, b->src, b->tgt)] + st->entry[c] + bwd[c] - log_z);
        b->score = post > 1 ? 1 : post;
    }
    return log_z;
}

/* The backward pass of a forward pass with posteriors: every bead of
 * `path` (its Viterbi path) gets its posterior as its score; returns log Z. */
static inline __attribute__((always_inline)) double pa_search_backward(pa_search_state *st, pa_bead_logp_fn logp,
                                                                       void *ctx, pa_alignment *path)
{
    double *bwd = pa_malloc(st->band->cells * sizeof *bwd);
    pa_search_backward_table(st->band, st->types, st->n_types, st->edges, logp, ctx, st->spans, st->terms, bwd,
                             st->band->n, NULL);
    double log_z = pa_search_posteriors(st, bwd, path);
    pa_free(bwd);
    return log_z;
}

/* pa_search_backward with the beads scored by `row` (the state of
 * pa_search_forward_rows_from, or of pa_search_forward_from). */
static inline __attribute__((always_inline)) double pa_search_backward_by_rows(pa_search_state *st,
                                                                               pa_bead_row_fn row, void *ctx,
                                                                               pa_alignment *path)
{
    if (!st->rows) pa_search_row_scratch(st);
    double *bwd = pa_malloc(st->band->cells * sizeof *bwd);
    pa_search_backward_rows(st->band, st->types, st->n_types, st->edges, row, ctx, st->spans, st->rows, bwd,
                            st->band->n, NULL);
    double log_z = pa_search_posteriors(st, bwd, path);
    pa_free(bwd);
    return log_z;
}

/* The whole search (pa_search in search.h): forward, the Viterbi path, and
 * with `posteriors` the backward pass and the path's posteriors. */
static inline __attribute__((always_inline)) int pa_search_run(const pa_band *band, const pa_bead_type *types,
                                                               size_t n_types, pa_bead_logp_fn logp, void *ctx,
                                                               const double *bound, int posteriors,
                                                               pa_search_result *out)
{
    pa_search_state st;
    memset(out, 0, sizeof *out);
    if (pa_search_forward(&st, band, types, n_types, logp, ctx, bound, posteriors) != 0) return -1;
    pa_search_trace(&st, &out->path);
    if (posteriors) out->log_z = pa_search_backward(&st, logp, ctx, &out->path);
    else out->log_z = st.vit[pa_band_cell(band, band->n, band->m)];
    pa_search_state_free(&st);
    return 0;
}

#endif
