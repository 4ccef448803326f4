/* search.c - see search.h. */
#include "align/aligner/search.h"
#include "align/aligner/search_run.h"
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

int pa_search(const pa_band *band, const pa_bead_type *types, size_t n_types, pa_bead_logp_fn logp, void *ctx,
              int posteriors, pa_search_result *out)
{
    return pa_search_run(band, types, n_types, logp, ctx, NULL, posteriors, out);
}

int pa_band_on_edge(const pa_band *b, size_t i, size_t j)
{
    return (j <= b->lo[i] && b->lo[i] > 0) || (j >= b->hi[i] && b->hi[i] < b->m);
}
