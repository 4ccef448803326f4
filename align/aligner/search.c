/* search.c - see search.h. */
#include "align/aligner/search.h"
#include "align/util/alloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void pa_band_free(pa_band *b)
{
    pa_free(b->lo);
    pa_free(b->hi);
    pa_free(b->off);
    memset(b, 0, sizeof *b);
}

static void band_alloc(pa_band *b, size_t n, size_t m)
{
    b->n = n;
    b->m = m;
    b->lo = pa_malloc((n + 1) * sizeof *b->lo);
    b->hi = pa_malloc((n + 1) * sizeof *b->hi);
    b->off = pa_malloc((n + 2) * sizeof *b->off);
}

/* Row offsets; a row with lo > hi is empty. */
static void band_finish(pa_band *b)
{
    b->off[0] = 0;
    for (size_t i = 0; i <= b->n; i++)
        b->off[i + 1] = b->off[i] + (b->hi[i] >= b->lo[i] ? b->hi[i] - b->lo[i] + 1 : 0);
    b->cells = b->off[b->n + 1];
}

void pa_band_full(pa_band *b, size_t n, size_t m)
{
    band_alloc(b, n, m);
    for (size_t i = 0; i <= n; i++) b->lo[i] = 0, b->hi[i] = m;
    band_finish(b);
}

void pa_band_init(pa_band *b, size_t n, size_t m)
{
    band_alloc(b, n, m);
    for (size_t i = 0; i <= n; i++) b->lo[i] = m, b->hi[i] = 0;
    b->lo[0] = 0, b->hi[n] = m;
    band_finish(b);
}

void pa_band_add_path(pa_band *b, const size_t *pi, const size_t *pj, size_t npts, const size_t *radius,
                      size_t r)
{
    size_t n = b->n, m = b->m;
    for (size_t k = 0; k + 1 < npts; k++) {
        size_t rad = radius ? radius[k] : r;
        size_t i0 = pi[k] > rad ? pi[k] - rad : 0;
        size_t i1 = pi[k + 1] + rad < n ? pi[k + 1] + rad : n;
        size_t j0 = pj[k] > rad ? pj[k] - rad : 0;
        size_t j1 = pj[k + 1] + rad < m ? pj[k + 1] + rad : m;
        for (size_t i = i0; i <= i1; i++) {
            if (j0 < b->lo[i]) b->lo[i] = j0;
            if (j1 > b->hi[i]) b->hi[i] = j1;
        }
    }
    band_finish(b);
}

void pa_band_update(pa_band *b) { band_finish(b); }

void pa_band_copy(pa_band *b, const pa_band *from)
{
    band_alloc(b, from->n, from->m);
    memcpy(b->lo, from->lo, (from->n + 1) * sizeof *b->lo);
    memcpy(b->hi, from->hi, (from->n + 1) * sizeof *b->hi);
    band_finish(b);
}

void pa_band_add_line(pa_band *b, size_t i0, size_t j0, size_t i1, size_t j1, size_t r)
{
    size_t first = i0 > r ? i0 - r : 0, last = i1 + r < b->n ? i1 + r : b->n;
    for (size_t i = first; i <= last; i++) {
        /* the line's columns over rows i-r .. i+r, clipped to the segment */
        size_t ta = i > i0 + r ? i - r : i0, tb = i + r < i1 ? i + r : i1;
        if (ta > i1) ta = i1;
        if (tb < i0) tb = i0;
        size_t ja = j0, jb = j1;
        if (i1 > i0) {
            ja = j0 + (size_t)((double)(ta - i0) * (double)(j1 - j0) / (double)(i1 - i0));
            jb = j0 + (size_t)ceil((double)(tb - i0) * (double)(j1 - j0) / (double)(i1 - i0));
        }
        size_t lo = ja > r ? ja - r : 0, hi = jb + r < b->m ? jb + r : b->m;
        if (lo < b->lo[i]) b->lo[i] = lo;
        if (hi > b->hi[i]) b->hi[i] = hi;
    }
    band_finish(b);
}

void pa_band_intersect(pa_band *b, const pa_band *region)
{
    for (size_t i = 0; i <= b->n; i++) {
        if (region->lo[i] > b->lo[i]) b->lo[i] = region->lo[i];
        if (region->hi[i] < b->hi[i]) b->hi[i] = region->hi[i];
    }
    band_finish(b);
}

static inline int in_row(const pa_band *b, size_t i, size_t j) { return j >= b->lo[i] && j <= b->hi[i]; }
static inline size_t cell(const pa_band *b, size_t i, size_t j) { return b->off[i] + (j - b->lo[i]); }

static double log_sum(const double *v, size_t n)
{
    double mx = -INFINITY;
    for (size_t k = 0; k < n; k++) if (v[k] > mx) mx = v[k];
    if (mx == -INFINITY) return mx;
    double s = 0;
    for (size_t k = 0; k < n; k++) s += exp(v[k] - mx);
    return mx + log(s);
}

/* The forward pass keeps each edge's score, by the cell it enters and its
 * bead type, for the backward pass and the trace (which would otherwise
 * score every bead again), while that takes at most this many bytes;
 * past it, they score again. NAN marks an edge the forward pass skipped. */
#define EDGE_CACHE_BYTES ((size_t)48 << 20)

/* The score of the bead of type `t` from (i, j): from the cache when the
 * forward pass scored it. */
static inline double edge_logp(const double *edges, size_t q, size_t t, size_t n_types, pa_bead_logp_fn logp,
                               void *ctx, size_t i, size_t di, size_t j, size_t dj)
{
    if (edges) {
        double lp = edges[q * n_types + t];
        if (!isnan(lp)) return lp;
    }
    return logp(ctx, i, di, j, dj);
}

int pa_search(const pa_band *band, const pa_bead_type *types, size_t n_types, pa_bead_logp_fn logp, void *ctx,
              int posteriors, pa_search_result *out)
{
    size_t n = band->n, m = band->m;
    double *edges = NULL;
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
            size_t c = cell(band, i, j);
            double best = -INFINITY;
            uint8_t arg = 0xFF;
            size_t nt_terms = 0;
            if (i == 0 && j == 0) best = 0, terms[nt_terms++] = 0;
            double *edge = edges ? edges + c * n_types : NULL;
            for (size_t t = 0; t < n_types; t++) {
                if (edge) edge[t] = NAN;
                size_t di = types[t].ns, dj = types[t].nt;
                if (di > i || dj > j || !in_row(band, i - di, j - dj)) continue;
                size_t p = cell(band, i - di, j - dj);
                if (vit[p] == -INFINITY) continue;
                double lp = logp(ctx, i - di, di, j - dj, dj);
                if (edge) edge[t] = lp;
                if (lp == -INFINITY) continue;
                double v = vit[p] + lp;
                if (v > best) best = v, arg = (uint8_t)t;
                if (fwd) terms[nt_terms++] = fwd[p] + lp;
            }
            vit[c] = best;
            back[c] = arg;
            if (fwd) fwd[c] = log_sum(terms, nt_terms);
        }
    }
    size_t end = cell(band, n, m);
    if (!in_row(band, n, m) || vit[end] == -INFINITY) {
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
                    if (i + di > n || j + dj > m || !in_row(band, i + di, j + dj)) continue;
                    size_t q = cell(band, i + di, j + dj);
                    if (bwd[q] == -INFINITY) continue;
                    double lp = edge_logp(edges, q, t, n_types, logp, ctx, i, di, j, dj);
                    if (lp == -INFINITY) continue;
                    terms[nt_terms++] = bwd[q] + lp;
                }
                bwd[cell(band, i, j)] = log_sum(terms, nt_terms);
            }
        }
        out->log_z = fwd[end];
    } else {
        out->log_z = vit[end];
    }

    /* Trace back the Viterbi path, then reverse it. */
    size_t i = n, j = m;
    while (i > 0 || j > 0) {
        size_t c = cell(band, i, j);
        const pa_bead_type *t = &types[back[c]];
        size_t pi = i - t->ns, pj = j - t->nt;
        pa_bead b = {pi, t->ns, pj, t->nt, 1.0};
        if (posteriors) {
            double lp = edge_logp(edges, c, back[c], n_types, logp, ctx, pi, t->ns, pj, t->nt);
            double post = exp(fwd[cell(band, pi, pj)] + lp + bwd[c] - out->log_z);
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

int pa_band_on_edge(const pa_band *b, size_t i, size_t j)
{
    return (j <= b->lo[i] && b->lo[i] > 0) || (j >= b->hi[i] && b->hi[i] < b->m);
}
