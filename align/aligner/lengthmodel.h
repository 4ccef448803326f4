/* lengthmodel.h - the Gale & Church (1993) sentence-length model.
 *
 * A source text of length ls translates into a target of length about
 * c * ls with variance s2 * ls. A bead's length score is the two-tailed
 * probability of its normalised length difference. c and s2 are estimated
 * from the document pair itself (see pa_length_model_fit), never fixed per
 * language: they differ with language pair, text type and length unit.
 */
#ifndef PA_LENGTHMODEL_H
#define PA_LENGTHMODEL_H

#include "align/aligner/erfc_nr.h"

#include <math.h>
#include <stddef.h>

typedef struct pa_length_model {
    double c;  /* expected target length per source length unit */
    double s2; /* variance of the target length per source length unit */
} pa_length_model;

/* A first guess from the documents' total lengths alone: c is the ratio of
 * the totals; s2 assumes a relative spread of `rel_sd` for a sentence of
 * the mean source length `mean_src`. */
pa_length_model pa_length_model_guess(double total_src, double total_tgt, double mean_src, double rel_sd);

/* Maximum-likelihood c and s2 from (source, target) lengths of confident
 * 1-1 pairs; the worst 5% of squared residuals are left out so that a few
 * wrong pairs do not inflate the variance. Returns `prior` when fewer than
 * 10 pairs are given. */
pa_length_model pa_length_model_fit(const double *ls, const double *lt, size_t n, pa_length_model prior);

extern const double pa_log_erfc_table[PA_ERFC_TABLE_N][2];

/* log(erfc(x)) for x >= 0, accurate where erfc underflows: cubic Hermite
 * interpolation between the table's nodes (value and slope at each,
 * computed at build time from the same fit), within 1e-9 of the fit
 * itself and no log() per call; past the table, and below 0, the fit.
 * Inline, as the first pass's search calls it for every bead it scores. */
static inline __attribute__((always_inline)) double pa_log_erfc(double x)
{
    if (!(x >= 0 && x < PA_ERFC_TABLE_MAX)) return pa_log_erfc_nr(x);
    double s = x * PA_ERFC_TABLE_STEPS;
    int k = (int)s;
    double u = s - k, h = 1.0 / PA_ERFC_TABLE_STEPS;
    const double *a = pa_log_erfc_table[k], *b = pa_log_erfc_table[k + 1];
    double u2 = u * u, u3 = u2 * u;
    return (2 * u3 - 3 * u2 + 1) * a[0] + (u3 - 2 * u2 + u) * h * a[1] + (-2 * u3 + 3 * u2) * b[0] +
           (u3 - u2) * h * b[1];
}

/* log P(length match) for a bead of source length ls and target length lt:
 * Gale & Church's symmetric form, whose variance grows with the mean of
 * both lengths (in source units), so that 0-1 beads have a finite score. */
static inline __attribute__((always_inline)) double pa_length_logp(const pa_length_model *lm, double ls, double lt)
{
    double mean = (ls + lt / lm->c) / 2;
    if (mean <= 0) return 0;
    double z = fabs(lm->c * ls - lt) / sqrt(lm->s2 * mean);
    return pa_log_erfc(z / M_SQRT2);
}

#endif
