/* lengthmodel.c - see lengthmodel.h. */
#include "align/aligner/lengthmodel.h"
#include "align/aligner/erfc_nr.h"
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
