/* test_lamalef.c - align/text/lamalef.c on the cases of
 * tests/text/lamalef.cases (or the file given as argument), then what the
 * cases file cannot spell: a buffer that ends inside a letter. The
 * dictionary pass runs on the word lists the cases give. */
#include "align/text/lamalef.h"
#include "align/util/alloc.h"
#include "tests/cases.h"
#include "tests/tap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* repair READ WANT: the repair, forced, keeps the length and gives WANT. */
static void check_repair(char *read, char *want)
{
    size_t n = cases_unescape(read), m = cases_unescape(want);
    char *orig = pa_strdup(read);
    size_t swaps = pa_lamalef_repair(read, n);
    ok(n == m && memcmp(read, want, n) == 0, "repair '%s' -> '%s' (want '%s', %zu swaps)", orig, read, want, swaps);
    pa_free(orig);
}

/* reversed TEXT yes|no */
static void check_reversed(char *text, const char *want)
{
    size_t n = cases_unescape(text);
    int got = pa_lamalef_reversed(text, n);
    ok(got == (strcmp(want, "yes") == 0), "reversed '%s' -> %s (want %s)", text, got ? "yes" : "no", want);
}

/* fix TEXT WANT: repaired only when reversed, and then no longer taken
 * for reversed text (a second fix changes nothing). */
static void check_fix(char *text, char *want)
{
    size_t n = cases_unescape(text), m = cases_unescape(want);
    pa_lamalef_fix(text, n, NULL);
    ok(n == m && memcmp(text, want, n) == 0 && !pa_lamalef_reversed(text, n), "fix -> '%s' (want '%s')", text, want);
}

/* A buffer that ends inside a letter: that letter is not read, nothing
 * past the end is written. */
static void check_cut(void)
{
    char s[] = "\xD8\xA7\xD9\x84\xD8\xA7\xD9\x84"; /* "الال" */
    size_t swaps = pa_lamalef_repair(s, 3);
    ok(swaps == 0 && memcmp(s, "\xD8\xA7\xD9\x84\xD8\xA7\xD9\x84", 8) == 0, "a cut letter ends the text");
    swaps = pa_lamalef_repair(s, 5);
    ok(swaps == 1 && memcmp(s, "\xD9\x84\xD8\xA7\xD8\xA7\xD9\x84", 8) == 0, "the word before the cut is repaired, no more");
    ok(!pa_lamalef_reversed("", 0) && pa_lamalef_repair(s, 0) == 0, "empty text");
}

/* The words of a case's word list, separated by spaces. */
static int in_list(void *list, const char *w, size_t n)
{
    for (const char *p = list; *p;) {
        const char *e = strchr(p, ' ');
        size_t k = e ? (size_t)(e - p) : strlen(p);
        if (k == n && memcmp(p, w, n) == 0) return 1;
        p = e ? e + 1 : p + k;
    }
    return 0;
}

/* words TEXT LIST WANT: the dictionary pass with the words of LIST gives
 * WANT, and keeps the length. */
static void check_words(char *text, char *list, char *want)
{
    size_t n = cases_unescape(text), m = cases_unescape(want);
    cases_unescape(list);
    char *orig = pa_strdup(text);
    size_t swaps = pa_lamalef_repair_words(text, n, in_list, list);
    ok(n == m && memcmp(text, want, n) == 0, "words '%s' [%s] -> '%s' (want '%s', %zu swaps)", orig, list, text, want,
       swaps);
    pa_free(orig);
}

/* gaps TEXT LIST WANT: pa_arabic_join_gaps with the words of LIST ("-": no
 * dictionary) gives WANT, and keeps the length. */
static void check_gaps(char *text, char *list, char *want)
{
    size_t n = cases_unescape(text), m = cases_unescape(want);
    cases_unescape(list);
    char *orig = pa_strdup(text);
    int none = strcmp(list, "-") == 0;
    pa_arabic_join_gaps(text, n, none ? NULL : in_list, none ? NULL : list);
    ok(n == m && memcmp(text, want, n) == 0, "gaps '%s' [%s] -> '%s' (want '%s')", orig, list, text, want);
    pa_free(orig);
}

/* One line of the cases file. */
static void run_case(char **f, size_t n)
{
    if (strcmp(f[0], "repair") == 0 && n == 3) check_repair(f[1], f[2]);
    else if (strcmp(f[0], "reversed") == 0 && n == 3) check_reversed(f[1], f[2]);
    else if (strcmp(f[0], "fix") == 0 && n == 3) check_fix(f[1], f[2]);
    else if (strcmp(f[0], "words") == 0 && n == 4) check_words(f[1], f[2], f[3]);
    else if (strcmp(f[0], "gaps") == 0 && n == 4) check_gaps(f[1], f[2], f[3]);
    else ok(0, "malformed case line starting '%s'", f[0]);
}

int main(int argc, char **argv)
{
    setenv("DICPATH", "", 1); /* fix: the rules alone, whatever dictionaries the system has */
    if (cases_run(argc, argv, "tests/text/lamalef.cases", run_case) != 0) return 1;
    check_cut();
    return done_testing();
}
