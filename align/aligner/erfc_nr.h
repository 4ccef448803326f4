/* erfc_nr.h - log(erfc(x)) by Numerical Recipes' Chebyshev fit, and its
 * derivative: what pa_log_erfc tabulates (gen_erfc.c, at build time) and
 * falls back on past the table. */
#ifndef PA_ERFC_NR_H
#define PA_ERFC_NR_H

#include <math.h>

/* erfc(x) = t exp(-x^2 + P(t)) with t = 1 / (1 + x/2) (Press et al., 6.2;
 * relative error below 1.2e-7 everywhere), so log(erfc(x)) = log t - x^2 +
 * P(t), which needs neither exp nor erfc (it underflows past x = 26). */
static const double pa_erfc_nr_coef[10] = {-1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806,
                                           0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277};

static inline double pa_log_erfc_nr(double x)
{
    double t = 1 / (1 + 0.5 * x), p = 0;
    for (int k = 9; k >= 0; k--) p = p * t + pa_erfc_nr_coef[k];
    return log(t) - x * x + p;
}

/* d/dx of pa_log_erfc_nr: dt/dx = -t^2 / 2. */
static inline double pa_log_erfc_nr_slope(double x)
{
    double t = 1 / (1 + 0.5 * x), dp = 0;
    for (int k = 9; k >= 1; k--) dp = dp * t + k * pa_erfc_nr_coef[k];
    return -0.5 * t - 2 * x - 0.5 * t * t * dp;
}

/* The table: x = 0 .. PA_ERFC_TABLE_MAX in steps of 1 / PA_ERFC_TABLE_STEPS. */
#define PA_ERFC_TABLE_STEPS 64
#define PA_ERFC_TABLE_MAX 32
#define PA_ERFC_TABLE_N (PA_ERFC_TABLE_MAX * PA_ERFC_TABLE_STEPS + 1)

#endif
