/* test_ltrrun.c - align/text/ltrrun.c on the cases of tests/text/ltrrun.cases
 * (or the file given as argument). */
#include "align/text/ltrrun.h"
#include "align/util/alloc.h"
#include "tests/cases.h"
#include "tests/tap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* repair READ WANT: the repair keeps the length and gives WANT; a second
 * repair changes nothing more than the first did (runs left as found stay). */
static void check_repair(char *read, char *want)
{
    char *orig = pa_strdup(read);
    size_t n = cases_unescape(read), m = cases_unescape(want);
    size_t runs = pa_ltr_runs_repair(read, n);
    ok(n == m && memcmp(read, want, n) == 0, "repair '%s' (%zu runs) -> want '%s'", orig, runs, want);
    pa_free(orig);
}

/* damaged TEXT yes|no */
static void check_damaged(char *text, const char *want)
{
    size_t n = cases_unescape(text);
    int got = pa_ltr_runs_damaged(text, n);
    ok(got == (strcmp(want, "yes") == 0), "damaged '%s' -> %s (want %s)", text, got ? "yes" : "no", want);
}

static void run_case(char **f, size_t n)
{
    if (strcmp(f[0], "repair") == 0 && n == 3) check_repair(f[1], f[2]);
    else if (strcmp(f[0], "damaged") == 0 && n == 3) check_damaged(f[1], f[2]);
    else ok(0, "malformed case line starting '%s'", f[0]);
}

int main(int argc, char **argv)
{
    if (cases_run(argc, argv, "tests/text/ltrrun.cases", run_case) != 0) return 1;
    char s[] = "\xE2\x80\xAB\xE2\x80\xAA .1\xE2\x80\xAC";
    ok(pa_ltr_runs_repair(s, sizeof s - 5) == 0 && memcmp(s, "\xE2\x80\xAB\xE2\x80\xAA .1", 9) == 0,
       "a run cut by the end of the buffer is left alone");
    ok(pa_ltr_runs_repair(s, 0) == 0 && !pa_ltr_runs_damaged("", 0), "empty text");
    return done_testing();
}
