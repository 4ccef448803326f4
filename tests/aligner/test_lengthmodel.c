/* test_lengthmodel.c - the length model's log(erfc(x)): the table the
 * build generates (gen_erfc.c) against the fit it tabulates, and the fit
 * against libm's erfc where that does not underflow. */
#include "align/aligner/erfc_nr.h"
#include "align/aligner/lengthmodel.h"
#include "tests/tap.h"

#include <math.h>

int main(void)
{
    double worst = 0, worst_x = 0;
    for (long i = 0; i <= 2000000; i++) {
        double x = (double)i * 2e-5; /* 0 .. 40: the table, its edge and past it */
        double d = fabs(pa_log_erfc(x) - pa_log_erfc_nr(x));
        if (d > worst) worst = d, worst_x = x;
    }
    ok(worst < 1e-9, "table within 1e-9 of the fit on [0, 40] (worst %.3g at %.5f)", worst, worst_x);
    ok(pa_log_erfc(-0.5) == pa_log_erfc_nr(-0.5) && pa_log_erfc(100) == pa_log_erfc_nr(100),
       "outside the table: the fit itself");
    double rel = 0;
    for (double x = 0; x < 25; x += 0.001) {
        double want = log(erfc(x)), got = pa_log_erfc(x);
        /* the fit's error is relative on erfc: absolute on its log */
        if (fabs(got - want) > rel) rel = fabs(got - want);
    }
    ok(rel < 2e-7, "within 2e-7 of log(erfc(x)) from libm on [0, 25) (worst %.3g)", rel);
    ok(pa_log_erfc(0) > -1e-7 && pa_log_erfc(0) < 1e-7, "log(erfc(0)) = 0 (%.3g)", pa_log_erfc(0));
    return done_testing();
}
