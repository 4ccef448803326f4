/* tap.h - minimal Test Anything Protocol output for C unit tests.
 * Each test program prints "ok N - ..." lines and a closing plan; Automake's
 * tap-driver.sh counts them. Header-only so every test binary stays one file. */
#ifndef PA_TAP_H
#define PA_TAP_H

#include <stdarg.h>
#include <stdio.h>

static int tap_count, tap_failed;

__attribute__((format(printf, 2, 3)))
static int ok(int cond, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    printf("%s %d - ", cond ? "ok" : "not ok", ++tap_count);
    vprintf(fmt, ap);
    printf("\n");
    va_end(ap);
    if (!cond) tap_failed++;
    fflush(stdout);
    return cond;
}

__attribute__((format(printf, 1, 2), unused))
static void diag(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    printf("# ");
    vprintf(fmt, ap);
    printf("\n");
    va_end(ap);
}

static int done_testing(void)
{
    printf("1..%d\n", tap_count);
    return 0;
}

#endif
