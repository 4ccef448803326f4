/* test_search.c - the banded search against brute force.
 *
 * On small lattices with pseudo-random bead scores, every path is
 * enumerated: the search's Viterbi path must be the best one, each bead's
 * posterior must equal the summed probability of the paths through it, and
 * a band must restrict the search to the paths inside it. A forward pass
 * that starts from an earlier one's rows (a widened band) must hold what a
 * fresh one holds, cell for cell. */
#include "align/aligner/search.h"
#include "align/aligner/search_run.h"
#include "tests/tap.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const pa_bead_type types[] = {{1, 1}, {1, 0}, {0, 1}, {2, 1}, {1, 2}, {2, 2}, {1, 3}, {3, 1}};
#define N_TYPES (sizeof types / sizeof *types)

/* A score that depends only on the bead, reproducibly. */
static double fake_logp(void *ctx, size_t i, size_t ns, size_t j, size_t nt)
{
    unsigned seed = *(unsigned *)ctx;
    uint64_t h = seed * 0x9E3779B97F4A7C15ULL ^ (i * 1000003 + ns * 101 + j * 7919 + nt);
    h ^= h >> 31, h *= 0xBF58476D1CE4E5B9ULL, h ^= h >> 29;
    return -3.0 * (double)(h % 1000) / 1000.0 - (ns != nt) * 0.5;
}

typedef struct brute {
    const pa_band *band;
    unsigned seed;
    double best, z;
    pa_bead best_path[32], path[32];
    size_t best_len;
    double *post; /* summed probability of paths through (i, ns, j, nt): indexed by bead key */
} brute;

static size_t key(size_t i, size_t ns, size_t j, size_t nt) { return ((i * 4 + ns) * 16 + j) * 4 + nt; }

static int in_band(const pa_band *b, size_t i, size_t j) { return j >= b->lo[i] && j <= b->hi[i]; }

/* Depth-first enumeration of all paths from (i, j) to (n, m). */
static void enumerate(brute *br, size_t i, size_t j, size_t depth, double score)
{
    const pa_band *b = br->band;
    if (i == b->n && j == b->m) {
        double p = exp(score);
        br->z += p;
        for (size_t k = 0; k < depth; k++) {
            const pa_bead *x = &br->path[k];
            br->post[key(x->src, x->n_src, x->tgt, x->n_tgt)] += p;
        }
        if (score > br->best) {
            br->best = score;
            br->best_len = depth;
            memcpy(br->best_path, br->path, depth * sizeof *br->path);
        }
        return;
    }
    for (size_t t = 0; t < N_TYPES; t++) {
        size_t ni = i + types[t].ns, nj = j + types[t].nt;
        if (ni > b->n || nj > b->m || !in_band(b, ni, nj)) continue;
        br->path[depth] = (pa_bead){i, types[t].ns, j, types[t].nt, 0};
        enumerate(br, ni, nj, depth + 1, score + fake_logp(&br->seed, i, types[t].ns, j, types[t].nt));
    }
}

static void check(const pa_band *band, unsigned seed, const char *what)
{
    brute br;
    memset(&br, 0, sizeof br);
    br.band = band;
    br.seed = seed;
    br.best = -INFINITY;
    br.post = calloc(key(band->n + 1, 4, band->m + 1, 4), sizeof *br.post);
    enumerate(&br, 0, 0, 0, 0);

    pa_search_result r;
    int rc = pa_search(band, types, N_TYPES, fake_logp, &seed, 1, &r);
    ok(rc == 0, "%s: a path is found", what);
    if (rc != 0) {
        free(br.post);
        return;
    }
    int same = r.path.n == br.best_len;
    for (size_t k = 0; same && k < r.path.n; k++) {
        const pa_bead *a = &r.path.beads[k], *b = &br.best_path[k];
        same = a->src == b->src && a->n_src == b->n_src && a->tgt == b->tgt && a->n_tgt == b->n_tgt;
    }
    ok(same, "%s: Viterbi path is the best of all paths", what);
    ok(fabs(r.log_z - log(br.z)) < 1e-9, "%s: log Z %.12f = brute force %.12f", what, r.log_z, log(br.z));
    double worst = 0;
    for (size_t k = 0; k < r.path.n; k++) {
        const pa_bead *a = &r.path.beads[k];
        double want = br.post[key(a->src, a->n_src, a->tgt, a->n_tgt)] / br.z;
        if (fabs(a->score - want) > worst) worst = fabs(a->score - want);
    }
    ok(worst < 1e-9, "%s: posteriors equal brute-force marginals (max error %.2g)", what, worst);
    pa_alignment_free(&r.path);
    free(br.post);
}

/* Whether the first `cells` values of two tables are the same bits. */
static int same_cells(const void *a, const void *b, size_t cells, size_t size)
{
    return (!a && !b) || (a && b && memcmp(a, b, cells * size) == 0);
}

/* A forward pass over a band widened at its end, started from the rows a
 * pass over the narrower band shares with it (pa_search_forward_from with
 * prev), against a fresh pass over the wider band: every table the
 * posteriors read (Viterbi, forward sums, entry scores, back pointers, edge
 * cache) is the same, and so are the path's posteriors. */
static void check_resume(unsigned seed)
{
    size_t pi[] = {0, 1, 2, 3, 4, 5, 6}, pj[] = {0, 1, 2, 4, 5, 6, 7};
    pa_band narrow, wide;
    pa_band_init(&narrow, 6, 7);
    pa_band_add_path(&narrow, pi, pj, 7, NULL, 1);
    pa_band_copy(&wide, &narrow);
    for (size_t r = 4; r <= 6; r++) wide.lo[r] = 0, wide.hi[r] = 7; /* the last rows whole */
    pa_band_update(&wide);
    size_t first = 0;
    while (first <= 6 && narrow.lo[first] == wide.lo[first] && narrow.hi[first] == wide.hi[first]) first++;
    ok(first > 0 && wide.cells > narrow.cells, "seed %u: the wider band differs from row %zu on", seed, first);
    pa_search_state st_narrow, st_fresh, st_resumed;
    int rc = pa_search_forward(&st_narrow, &narrow, types, N_TYPES, fake_logp, &seed, NULL, 1);
    rc |= pa_search_forward(&st_fresh, &wide, types, N_TYPES, fake_logp, &seed, NULL, 1);
    rc |= pa_search_forward_from(&st_resumed, &wide, types, N_TYPES, fake_logp, &seed, NULL, 1, &st_narrow);
    ok(rc == 0, "seed %u: the three forward passes find a path", seed);
    if (rc != 0) return;
    size_t c = wide.cells;
    ok(same_cells(st_fresh.vit, st_resumed.vit, c, sizeof(double)) &&
           same_cells(st_fresh.fwd, st_resumed.fwd, c, sizeof(double)) &&
           same_cells(st_fresh.entry, st_resumed.entry, c, sizeof(double)) &&
           same_cells(st_fresh.back, st_resumed.back, c, 1) &&
           same_cells(st_fresh.edges, st_resumed.edges, c * N_TYPES, sizeof(double)),
       "seed %u: resumed from the narrower band's rows, every table equals a fresh pass's", seed);
    pa_alignment fresh, resumed;
    pa_search_trace(&st_fresh, &fresh);
    pa_search_trace(&st_resumed, &resumed);
    pa_search_backward(&st_fresh, fake_logp, &seed, &fresh);
    pa_search_backward(&st_resumed, fake_logp, &seed, &resumed);
    ok(fresh.n == resumed.n && memcmp(fresh.beads, resumed.beads, fresh.n * sizeof *fresh.beads) == 0,
       "seed %u: the same path and posteriors", seed);
    pa_alignment_free(&fresh), pa_alignment_free(&resumed);
    pa_search_state_free(&st_narrow), pa_search_state_free(&st_fresh), pa_search_state_free(&st_resumed);
    pa_band_free(&narrow), pa_band_free(&wide);
}

/* fake_logp with scores of a few values only, so that many beads into a
 * cell tie (the row-wise passes must break ties as the other does). */
static double tied_logp(void *ctx, size_t i, size_t ns, size_t j, size_t nt)
{
    return floor(fake_logp(ctx, i, ns, j, nt));
}

typedef struct row_ctx {
    unsigned seed;
    int tied;
} row_ctx;

static double ctx_logp(void *ctx, size_t i, size_t ns, size_t j, size_t nt)
{
    row_ctx *r = ctx;
    return r->tied ? tied_logp(&r->seed, i, ns, j, nt) : fake_logp(&r->seed, i, ns, j, nt);
}

/* The same scores a row at a time (pa_bead_row_fn). */
static void ctx_row(void *ctx, size_t i, size_t ns, size_t nt, size_t j0, size_t j1, double *out)
{
    for (size_t j = j0; j <= j1; j++) out[j - j0] = ctx_logp(ctx, i - ns, ns, j - nt, nt);
}

/* The row-wise passes (pa_search_forward_rows_from, pa_search_backward_rows)
 * against the others on the same band: every table the same bits, with
 * posteriors and without, with and without the edge cache, started fresh
 * and from a narrower band's rows. */
static void check_rows(const pa_band *band, const pa_band *narrow, row_ctx *rc, const char *what)
{
    for (int posteriors = 0; posteriors <= 1; posteriors++) {
        pa_search_state a, b, pn, bn;
        int r = pa_search_forward(&a, band, types, N_TYPES, ctx_logp, rc, NULL, posteriors);
        r |= pa_search_forward_rows_from(&b, band, types, N_TYPES, ctx_row, rc, posteriors, NULL);
        r |= pa_search_forward(&pn, narrow, types, N_TYPES, ctx_logp, rc, NULL, posteriors);
        r |= pa_search_forward_rows_from(&bn, band, types, N_TYPES, ctx_row, rc, posteriors, &pn);
        ok(r == 0, "%s%s: the forward passes find a path", what, posteriors ? ", posteriors" : "");
        if (r != 0) continue;
        size_t c = band->cells;
        int same = 1;
        for (int k = 0; k < 2; k++) {
            pa_search_state *x = k ? &bn : &b;
            same &= same_cells(a.vit, x->vit, c, sizeof(double)) && same_cells(a.fwd, x->fwd, c, sizeof(double)) &&
                    same_cells(a.entry, x->entry, c, sizeof(double)) && same_cells(a.back, x->back, c, 1);
        }
        ok(same, "%s%s: row-wise, fresh and resumed, every table equals the bead-wise pass's", what,
           posteriors ? ", posteriors" : "");
        if (!posteriors) {
            /* a bound above every score (they are at most 0), with a margin */
            double bound[N_TYPES];
            for (size_t t = 0; t < N_TYPES; t++) bound[t] = 1e-3;
            pa_search_state g, rb;
            int r2 = pa_search_forward(&g, band, types, N_TYPES, ctx_logp, rc, bound, 0);
            r2 |= pa_search_forward_rows_bounded(&rb, band, types, N_TYPES, ctx_logp, rc, bound);
            ok(r2 == 0 && same_cells(a.vit, g.vit, c, sizeof(double)) && same_cells(a.back, g.back, c, 1) &&
                   same_cells(a.vit, rb.vit, c, sizeof(double)) && same_cells(a.back, rb.back, c, 1),
               "%s: with a bound, bead-wise and row-wise, the tables are those without", what);
            if (r2 == 0) pa_search_state_free(&g), pa_search_state_free(&rb);
        }
        if (posteriors) {
            /* the edges the bead-wise pass scored hold the same scores */
            int edges_ok = (a.edges != NULL) == (b.edges != NULL);
            for (size_t e = 0; edges_ok && a.edges && e < c * N_TYPES; e++)
                edges_ok = isnan(a.edges[e]) || a.edges[e] == b.edges[e];
            ok(edges_ok, "%s: the row-wise edge cache holds the scores the bead-wise one holds", what);
            double *bw_a = malloc(c * sizeof *bw_a), *bw_b = malloc(c * sizeof *bw_b), *bw_c = malloc(c * sizeof *bw_c);
            double *scratch = malloc(2 * N_TYPES * (band->m + 1) * sizeof *scratch);
            pa_search_backward_table(band, types, N_TYPES, NULL, ctx_logp, rc, a.spans, a.terms, bw_a, band->n, NULL);
            pa_search_backward_rows(band, types, N_TYPES, NULL, ctx_row, rc, b.spans, scratch, bw_b, band->n, NULL);
            pa_search_backward_rows(band, types, N_TYPES, b.edges, ctx_row, rc, b.spans, scratch, bw_c, band->n, NULL);
            ok(same_cells(bw_a, bw_b, c, sizeof(double)) && same_cells(bw_a, bw_c, c, sizeof(double)),
               "%s: row-wise backward tables (scored, and from the edge cache) equal the bead-wise one", what);
            free(bw_a), free(bw_b), free(bw_c), free(scratch);
        }
        pa_search_state_free(&a), pa_search_state_free(&b), pa_search_state_free(&pn), pa_search_state_free(&bn);
    }
}

/* check_rows with seed's scores as they are, then tied. */
static void check_rows_tied(const pa_band *band, const pa_band *narrow, unsigned seed, const char *band_name)
{
    for (int tied = 0; tied <= 1; tied++) {
        row_ctx rc = {seed, tied};
        char what[64];
        snprintf(what, sizeof what, "seed %u%s%s", seed, band_name, tied ? ", tied scores" : "");
        check_rows(band, narrow, &rc, what);
    }
}

int main(void)
{
    for (unsigned seed = 1; seed <= 3; seed++) {
        pa_band full;
        pa_band_full(&full, 5, 6);
        check(&full, seed, "full 5x6 lattice");
        pa_band_free(&full);

        /* a tube of radius 1 around the diagonal path */
        size_t pi[] = {0, 1, 2, 3, 4, 5}, pj[] = {0, 1, 2, 4, 5, 6};
        pa_band tube;
        pa_band_init(&tube, 5, 6);
        pa_band_add_path(&tube, pi, pj, 6, NULL, 1);
        ok(tube.cells < 42, "tube has fewer cells (%zu) than the lattice (42)", tube.cells);
        check(&tube, seed, "radius-1 tube");
        pa_band_free(&tube);
    }
    for (unsigned seed = 1; seed <= 3; seed++) check_resume(seed);
    for (unsigned seed = 1; seed <= 3; seed++) {
        /* a tube, and the same tube with its last rows whole */
        size_t pi[] = {0, 1, 2, 3, 4, 5, 6, 7, 8}, pj[] = {0, 1, 2, 4, 5, 6, 7, 9, 10};
        pa_band narrow, wide;
        pa_band_init(&narrow, 8, 10);
        pa_band_add_path(&narrow, pi, pj, 9, NULL, 2);
        pa_band_copy(&wide, &narrow);
        for (size_t r = 5; r <= 8; r++) wide.lo[r] = 0, wide.hi[r] = 10;
        pa_band_update(&wide);
        check_rows_tied(&wide, &narrow, seed, "");
        pa_band_free(&narrow), pa_band_free(&wide);
    }
    for (unsigned seed = 1; seed <= 3; seed++) {
        /* a band that jumps right at row 4, so that some types' beads
         * into a row start left of it (none of them in the band), and the
         * same band narrower in its last rows */
        static const size_t lo[] = {0, 0, 1, 2, 6, 6, 7, 8, 9}, hi[] = {3, 4, 4, 5, 8, 9, 10, 12, 12};
        static const size_t nlo[] = {7, 8, 10}, nhi[] = {9, 11, 12};
        pa_band jump, narrow;
        pa_band_init(&jump, 8, 12);
        for (size_t r = 0; r <= 8; r++) jump.lo[r] = lo[r], jump.hi[r] = hi[r];
        pa_band_update(&jump);
        pa_band_copy(&narrow, &jump);
        for (size_t r = 6; r <= 8; r++) narrow.lo[r] = nlo[r - 6], narrow.hi[r] = nhi[r - 6];
        pa_band_update(&narrow);
        check_rows_tied(&jump, &narrow, seed, ", a band that jumps");
        pa_band_free(&jump), pa_band_free(&narrow);
    }
    /* widening keeps what the band had */
    pa_band b;
    pa_band_init(&b, 4, 4);
    size_t pi[] = {0, 4}, pj[] = {0, 4};
    pa_band_add_path(&b, pi, pj, 2, NULL, 0);
    size_t before = b.cells;
    size_t qi[] = {0, 2, 4}, qj[] = {0, 2, 4}, rad[] = {1, 0};
    pa_band_add_path(&b, qi, qj, 3, rad, 0);
    ok(b.cells >= before, "adding a path never removes cells");
    ok(pa_band_on_edge(&b, 2, 4) == 0 || b.hi[2] < 4, "edge test is consistent with the band");
    pa_band_free(&b);
    return done_testing();
}
