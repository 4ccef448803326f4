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

/* log P(length match) for a bead of source length ls and target length lt. */
double pa_length_logp(const pa_length_model *lm, double ls, double lt);

/* log(erfc(x)) for x >= 0, accurate where erfc underflows. */
double pa_log_erfc(double x);

#endif
