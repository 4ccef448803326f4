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
#include <stdint.h>
#include <string.h>

static inline int pa_band_in_row(const pa_band *b, size_t i, size_t j) { return j >= b->lo[i] && j <= b->hi[i]; }
static inline size_t pa_band_cell(const pa_band *b, size_t i, size_t j) { return b->off[i] + (j - b->lo[i]); }

/* A term this far below the largest adds less than e^-40 (4e-18) to a sum
 * of at least 1: a few ulps of it together at most, so its exp() is not
 * worth computing (most beads of a cell are that unlikely). */
#define PA_LOG_SUM_CUTOFF 40.0

/* log(sum(exp(v[k]))), without overflow. */
static inline double pa_search_log_sum(const double *v, size_t n)
{
    double mx = -INFINITY;
    for (size_t k = 0; k < n; k++) if (v[k] > mx) mx = v[k];
    if (mx == -INFINITY) return mx;
    double s = 0;
    for (size_t k = 0; k < n; k++)
        if (v[k] - mx > -PA_LOG_SUM_CUTOFF) s += exp(v[k] - mx);
    return mx + log(s);
}

/* The forward pass keeps each edge's score, by the cell it enters and its
 * bead type, for the backward pass and the trace (which would otherwise
 * score every bead again), while that takes at most this many bytes;
 * past it, they score again. NAN marks an edge the forward pass skipped. */
#define EDGE_CACHE_BYTES ((size_t)48 << 20)

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

/* `bound`, when not NULL, holds for each bead type a number no bead of
 * the type scores above: a Viterbi-only search (no posteriors) skips the
 * beads that could not beat the best entry into their cell found so far
 * (types are tried in order, so put the likely ones first). The path is
 * the same: a skipped bead could not have been taken. */
static inline __attribute__((always_inline)) int pa_search_run(const pa_band *band, const pa_bead_type *types,
                                                               size_t n_types, pa_bead_logp_fn logp, void *ctx,
                                                               const double *bound, int posteriors,
                                                               pa_search_result *out)
{
    size_t n = band->n, m = band->m;
    double *edges = NULL;
    if (posteriors) bound = NULL; /* forward sums need every bead */
    if (posteriors && n_types && band->cells <= EDGE_CACHE_BYTES / sizeof *edges / n_types)
        edges = pa_malloc(band->cells * n_types * sizeof *edges);
    double *vit = pa_malloc(band->cells * sizeof *vit);
    double *fwd = posteriors ? pa_malloc(band->cells * sizeof *fwd) : NULL;
    uint8_t *back = pa_malloc(band->cells);
    double *terms = pa_malloc((n_types + 1) * sizeof *terms);
    memset(out, 0, sizeof *out);

    /* Forward: Viterbi and sum-product together. */
    for (size_t i = 0; i <= n; i++) {
        for (size_t j = band->lo[i]; j <= band->hi[i]; j++) {
            size_t c = pa_band_cell(band, i, j);
            double best = -INFINITY;
            uint8_t arg = 0xFF;
            size_t nt_terms = 0;
            if (i == 0 && j == 0) best = 0, terms[nt_terms++] = 0;
            double *edge = edges ? edges + c * n_types : NULL;
            for (size_t t = 0; t < n_types; t++) {
                if (edge) edge[t] = NAN;
                size_t di = types[t].ns, dj = types[t].nt;
                if (di > i || dj > j || !pa_band_in_row(band, i - di, j - dj)) continue;
                size_t p = pa_band_cell(band, i - di, j - dj);
                if (vit[p] == -INFINITY) continue;
                if (bound && vit[p] + bound[t] <= best) continue;
                double lp = logp(ctx, i - di, di, j - dj, dj);
                if (edge) edge[t] = lp;
                if (lp == -INFINITY) continue;
                double v = vit[p] + lp;
                if (v > best) best = v, arg = (uint8_t)t;
                if (fwd) terms[nt_terms++] = fwd[p] + lp;
            }
            vit[c] = best;
            back[c] = arg;
            if (fwd) fwd[c] = pa_search_log_sum(terms, nt_terms);
        }
    }
    size_t end = pa_band_cell(band, n, m);
    if (!pa_band_in_row(band, n, m) || vit[end] == -INFINITY) {
        pa_free(vit), pa_free(fwd), pa_free(back), pa_free(terms), pa_free(edges);
        return -1;
    }

    /* Backward pass: bwd[i,j] = log-probability of all paths from (i,j) to
     * the end; with fwd it gives each bead's posterior. */
    double *bwd = NULL;
    if (posteriors) {
        bwd = pa_malloc(band->cells * sizeof *bwd);
        for (size_t i = n + 1; i-- > 0;) {
            if (band->hi[i] < band->lo[i]) continue;
            for (size_t j = band->hi[i] + 1; j-- > band->lo[i];) {
                size_t nt_terms = 0;
                if (i == n && j == m) terms[nt_terms++] = 0;
                for (size_t t = 0; t < n_types; t++) {
                    size_t di = types[t].ns, dj = types[t].nt;
                    if (i + di > n || j + dj > m || !pa_band_in_row(band, i + di, j + dj)) continue;
                    size_t q = pa_band_cell(band, i + di, j + dj);
                    if (bwd[q] == -INFINITY) continue;
                    double lp = pa_search_edge_logp(edges, q, t, n_types, logp, ctx, i, di, j, dj);
                    if (lp == -INFINITY) continue;
                    terms[nt_terms++] = bwd[q] + lp;
                }
                bwd[pa_band_cell(band, i, j)] = pa_search_log_sum(terms, nt_terms);
            }
        }
        out->log_z = fwd[end];
    } else {
        out->log_z = vit[end];
    }

    /* Trace back the Viterbi path, then reverse it. */
    size_t i = n, j = m;
    while (i > 0 || j > 0) {
        size_t c = pa_band_cell(band, i, j);
        const pa_bead_type *t = &types[back[c]];
        size_t pi = i - t->ns, pj = j - t->nt;
        pa_bead b = {pi, t->ns, pj, t->nt, 1.0};
        if (posteriors) {
            double lp = pa_search_edge_logp(edges, c, back[c], n_types, logp, ctx, pi, t->ns, pj, t->nt);
            double post = exp(fwd[pa_band_cell(band, pi, pj)] + lp + bwd[c] - out->log_z);
            b.score = post > 1 ? 1 : post;
        }
        pa_alignment_add(&out->path, b);
        i = pi, j = pj;
    }
    for (size_t a = 0, z = out->path.n; a + 1 < z; a++, z--) {
        pa_bead tmp = out->path.beads[a];
        out->path.beads[a] = out->path.beads[z - 1];
        out->path.beads[z - 1] = tmp;
    }
    pa_free(vit), pa_free(fwd), pa_free(bwd), pa_free(back), pa_free(terms), pa_free(edges);
    return 0;
}

#endif
