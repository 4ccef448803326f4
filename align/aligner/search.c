/* search.c - see search.h. */
#include "align/aligner/search.h"
#include "align/util/alloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void pa_band_free(pa_band *b)
{
    free(b->lo);
    free(b->hi);
    free(b->off);
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

static void band_finish(pa_band *b)
{
    b->off[0] = 0;
    for (size_t i = 0; i <= b->n; i++) b->off[i + 1] = b->off[i] + (b->hi[i] - b->lo[i] + 1);
    b->cells = b->off[b->n + 1];
}

void pa_band_full(pa_band *b, size_t n, size_t m)
{
    band_alloc(b, n, m);
    for (size_t i = 0; i <= n; i++) b->lo[i] = 0, b->hi[i] = m;
    band_finish(b);
}

void pa_band_around_path(pa_band *b, size_t n, size_t m, const size_t *pi, const size_t *pj, size_t npts,
                         size_t radius)
{
    band_alloc(b, n, m);
    /* pmin/pmax: the columns the path occupies in each row (monotone). */
    size_t *pmin = pa_malloc((n + 1) * sizeof *pmin), *pmax = pa_malloc((n + 1) * sizeof *pmax);
    for (size_t i = 0; i <= n; i++) pmin[i] = m, pmax[i] = 0;
    for (size_t k = 0; k + 1 < npts; k++)
        for (size_t i = pi[k]; i <= pi[k + 1] && i <= n; i++) {
            if (pj[k] < pmin[i]) pmin[i] = pj[k];
            if (pj[k + 1] > pmax[i]) pmax[i] = pj[k + 1];
        }
    if (npts == 1) pmin[pi[0]] = pmax[pi[0]] = pj[0];
    pmin[0] = 0, pmax[n] = m;
    for (size_t i = 1; i <= n; i++) if (pmax[i] < pmax[i - 1]) pmax[i] = pmax[i - 1];
    for (size_t i = n; i-- > 0;) if (pmin[i] > pmin[i + 1]) pmin[i] = pmin[i + 1];
    /* A tube: widen by `radius` rows and columns each way. */
    for (size_t i = 0; i <= n; i++) {
        size_t a = pmin[i > radius ? i - radius : 0];
        size_t z = pmax[i + radius < n ? i + radius : n];
        b->lo[i] = a > radius ? a - radius : 0;
        b->hi[i] = z + radius < m ? z + radius : m;
    }
    free(pmin);
    free(pmax);
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

int pa_search(const pa_band *band, const pa_bead_type *types, size_t n_types, pa_bead_logp_fn logp, void *ctx,
              int posteriors, pa_search_result *out)
{
    size_t n = band->n, m = band->m;
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
            for (size_t t = 0; t < n_types; t++) {
                size_t di = types[t].ns, dj = types[t].nt;
                if (di > i || dj > j || !in_row(band, i - di, j - dj)) continue;
                size_t p = cell(band, i - di, j - dj);
                if (vit[p] == -INFINITY) continue;
                double lp = logp(ctx, i - di, di, j - dj, dj);
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
        free(vit), free(fwd), free(back), free(terms);
        return -1;
    }

    /* Backward pass: bwd[i,j] = log-probability of all paths from (i,j) to
     * the end; with fwd it gives each bead's posterior. */
    double *bwd = NULL;
    if (posteriors) {
        bwd = pa_malloc(band->cells * sizeof *bwd);
        for (size_t i = n + 1; i-- > 0;) {
            for (size_t j = band->hi[i] + 1; j-- > band->lo[i];) {
                size_t nt_terms = 0;
                if (i == n && j == m) terms[nt_terms++] = 0;
                for (size_t t = 0; t < n_types; t++) {
                    size_t di = types[t].ns, dj = types[t].nt;
                    if (i + di > n || j + dj > m || !in_row(band, i + di, j + dj)) continue;
                    size_t q = cell(band, i + di, j + dj);
                    if (bwd[q] == -INFINITY) continue;
                    double lp = logp(ctx, i, di, j, dj);
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
            double lp = logp(ctx, pi, t->ns, pj, t->nt);
            double post = exp(fwd[cell(band, pi, pj)] + lp + bwd[c] - out->log_z);
            b.score = post > 1 ? 1 : post;
        }
        if ((j <= band->lo[i] && band->lo[i] > 0) || (j >= band->hi[i] && band->hi[i] < m))
            out->touched_edge = 1;
        pa_alignment_add(&out->path, b);
        i = pi, j = pj;
    }
    for (size_t a = 0, z = out->path.n; a + 1 < z; a++, z--) {
        pa_bead tmp = out->path.beads[a];
        out->path.beads[a] = out->path.beads[z - 1];
        out->path.beads[z - 1] = tmp;
    }
    free(vit), free(fwd), free(bwd), free(back), free(terms);
    return 0;
}
