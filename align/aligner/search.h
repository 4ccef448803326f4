/* search.h - dynamic programming over a band of the alignment lattice.
 *
 * The lattice has a node (i, j) for "i source and j target units consumed";
 * a bead of type (ns, nt) is an edge (i, j) -> (i + ns, j + nt) whose
 * log-probability a callback supplies. The search is restricted to a band
 * (for each row i, the columns lo[i]..hi[i]) so that time and memory grow with
 * the band's area, linear in the document length, never n x m. It returns the
 * best path (Viterbi) with, for each bead on it, its posterior probability
 * (forward-backward), which is the bead's confidence.
 */
#ifndef PA_SEARCH_H
#define PA_SEARCH_H

#include <stddef.h>
#include <stdint.h>

#include "align/aligner/bead.h"

typedef struct pa_bead_type {
    uint8_t ns, nt; /* source and target units in the bead */
} pa_bead_type;

typedef struct pa_band {
    size_t n, m;  /* lattice is (n+1) x (m+1) */
    size_t *lo, *hi; /* row i spans columns lo[i]..hi[i] (inclusive) */
    size_t *off;  /* first cell of row i in row-major band storage */
    size_t cells; /* total number of cells */
} pa_band;

/* The whole lattice (use only when n x m is small). */
void pa_band_full(pa_band *b, size_t n, size_t m);

/* An empty band over an (n+1) x (m+1) lattice; add paths to it. */
void pa_band_init(pa_band *b, size_t n, size_t m);

/* Adds a tube around a monotone path given as bead corners (i_k, j_k),
 * k = 0..npts-1: the segment from corner k to k+1 is widened by radius[k]
 * rows and columns each way (radius NULL: `r` everywhere). The band keeps
 * what it had, so a tube can be widened where it needs to be. */
void pa_band_add_path(pa_band *b, const size_t *pi, const size_t *pj, size_t npts, const size_t *radius,
                      size_t r);

/* Adds a tube of `r` units around the straight line from node (i0, j0) to
 * node (i1, j1): for a long segment (a paragraph group of thousands of
 * sentences) its area grows with the length, not with length squared. */
void pa_band_add_line(pa_band *b, size_t i0, size_t j0, size_t i1, size_t j1, size_t r);

/* Makes `b` a copy of `from`. */
void pa_band_copy(pa_band *b, const pa_band *from);

/* Recomputes the row offsets after lo[] and hi[] were set by hand. */
void pa_band_update(pa_band *b);

/* Restricts `b` to the cells that `region` (same lattice) also has. */
void pa_band_intersect(pa_band *b, const pa_band *region);

void pa_band_free(pa_band *b);

/* True when lattice node (i, j) lies on the band's edge (and the edge is not
 * the lattice's own): a best path through it may have been cut short. */
int pa_band_on_edge(const pa_band *b, size_t i, size_t j);

/* Log-probability of the bead covering source units [i, i+ns) and target
 * units [j, j+nt); -INFINITY forbids it. */
typedef double (*pa_bead_logp_fn)(void *ctx, size_t i, size_t ns, size_t j, size_t nt);


typedef struct pa_search_result {
    pa_alignment path;  /* beads in unit indices, with posterior scores */
    double log_z;       /* log of the total probability of all paths */
} pa_search_result;

/* Runs Viterbi and forward-backward. `posteriors` = 0 skips the backward
 * pass (scores are then 1). Returns -1 when no path exists in the band. */
int pa_search(const pa_band *band, const pa_bead_type *types, size_t n_types, pa_bead_logp_fn logp, void *ctx,
              int posteriors, pa_search_result *out);

#endif
