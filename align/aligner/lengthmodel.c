/* lengthmodel.c - see lengthmodel.h. */
#include "align/aligner/lengthmodel.h"
#include "align/util/alloc.h"

#include <math.h>
#include <stdlib.h>

pa_length_model pa_length_model_guess(double total_src, double total_tgt, double mean_src, double rel_sd)
{
    pa_length_model lm;
    lm.c = total_src > 0 && total_tgt > 0 ? total_tgt / total_src : 1.0;
    double sd = rel_sd * lm.c * (mean_src > 1 ? mean_src : 1);
    lm.s2 = sd * sd / (mean_src > 1 ? mean_src : 1);
    if (lm.s2 < 1e-3) lm.s2 = 1e-3;
    return lm;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

pa_length_model pa_length_model_fit(const double *ls, const double *lt, size_t n, pa_length_model prior)
{
    if (n < 10) return prior;
    double ss = 0, st = 0;
    for (size_t k = 0; k < n; k++) ss += ls[k], st += lt[k];
    if (ss <= 0 || st <= 0) return prior;
    pa_length_model lm = {st / ss, 0};
    /* Residuals per unit of source length, squared; trim the largest. */
    double *r = pa_malloc(n * sizeof *r);
    for (size_t k = 0; k < n; k++) {
        double d = lt[k] - lm.c * ls[k];
        r[k] = ls[k] > 0 ? d * d / ls[k] : 0;
    }
    qsort(r, n, sizeof *r, cmp_double);
    size_t keep = n - n / 20;
    double sum = 0;
    for (size_t k = 0; k < keep; k++) sum += r[k];
    pa_free(r);
    lm.s2 = sum / (double)keep;
    if (lm.s2 < 1e-3) lm.s2 = 1e-3;
    return lm;
}

double pa_log_erfc(double x)
{
    /* Chebyshev fit of erfc (Press et al., Numerical Recipes, 6.2; relative
     * error below 1.2e-7 everywhere): erfc(x) = t exp(-x^2 + P(t)) with
     * t = 1 / (1 + x/2). Its logarithm needs neither exp nor erfc, which
     * underflows past x = 26, and it is called for every cell of the search. */
    double t = 1 / (1 + 0.5 * x);
    double p = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 +
               t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
    return log(t) - x * x + p;
}

double pa_length_logp(const pa_length_model *lm, double ls, double lt)
{
    /* Gale & Church's symmetric form: the variance grows with the mean of
     * both lengths (in source units), so that 0-1 beads have a finite score. */
    double mean = (ls + lt / lm->c) / 2;
    if (mean <= 0) return 0;
    double z = fabs(lm->c * ls - lt) / sqrt(lm->s2 * mean);
    return pa_log_erfc(z / M_SQRT2);
}
