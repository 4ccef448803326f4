/* cmd_eval.c - `polyalign eval`: strict and lax precision, recall and F1 of
 * test bead files against gold bead files, as ../shared/eval/score.py. */
#include "align/aligner/eval.h"
#include "align/cli/cli.h"
#include "align/util/alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: polyalign eval [--json] --gold G1 [G2 ...] --test T1 [T2 ...]\n"
    "\n"
    "Scores bead files (one bead a line, e.g. [0,1]:[0]) against gold, pairing\n"
    "the N-th --test file with the N-th --gold file. Counts add up over all\n"
    "pairs. Strict: exact beads. Lax: a bead also counts when gold links one of\n"
    "its target sentences to one of its source sentences.\n"
    "\n"
    "  --json   print one JSON object instead of the table\n";

static int cmd_eval_files(int argc, char **argv, const char **gold, const char **test);

int cmd_eval(int argc, char **argv)
{
    /* Each file goes to the list of the last --gold or --test before it. */
    const char **gold = pa_malloc((size_t)argc * sizeof *gold);
    const char **test = pa_malloc((size_t)argc * sizeof *test);
    int rc = cmd_eval_files(argc, argv, gold, test);
    pa_free(gold), pa_free(test);
    return rc;
}

static int cmd_eval_files(int argc, char **argv, const char **gold, const char **test)
{
    int ng = 0, nt = 0, json = 0;
    const char **list = NULL;
    int *count = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(usage, stdout);
            return 0;
        } else if (strcmp(a, "--json") == 0) {
            json = 1;
        } else if (strcmp(a, "--gold") == 0) {
            list = gold, count = &ng;
        } else if (strcmp(a, "--test") == 0) {
            list = test, count = &nt;
        } else if (a[0] == '-' && a[1] != '\0') {
            static const struct option known[] = {{"gold", 1, NULL, 0}, {"test", 1, NULL, 0}, {"json", 0, NULL, 0},
                                                  {"help", 0, NULL, 0},   {NULL, 0, NULL, 0}};
            return cli_unknown_option("eval", a, known);
        } else if (!list) {
            return cli_usage_error("eval", "'%s' comes before --gold or --test", a);
        } else {
            list[(*count)++] = a;
        }
    }
    if (ng == 0 || nt == 0) return cli_usage_error("eval", "need --gold and --test files");
    int stdin_uses = 0;
    for (int k = 0; k < ng; k++) stdin_uses += strcmp(gold[k], "-") == 0;
    for (int k = 0; k < nt; k++) stdin_uses += strcmp(test[k], "-") == 0;
    if (stdin_uses > 1) return cli_usage_error("eval", "standard input ('-') can be read only once");
    if (ng != nt) return cli_usage_error("eval", "%d --gold files but %d --test files", ng, nt);

    pa_eval_counts c = {0};
    for (int k = 0; k < ng; k++) {
        pa_bead_sets g = {0}, t = {0};
        pa_error err;
        pa_error_clear(&err);
        if (pa_bead_sets_read(gold[k], &g, &err) != 0 || pa_bead_sets_read(test[k], &t, &err) != 0) {
            pa_bead_sets_free(&g), pa_bead_sets_free(&t);
            return cli_report(&err);
        }
        pa_eval_add(&c, &g, &t);
        pa_bead_sets_free(&g), pa_bead_sets_free(&t);
    }
    pa_eval_scores s = pa_eval_scores_of(&c);
    if (json) {
        printf("{\"precision_strict\": %.6f, \"recall_strict\": %.6f, \"f1_strict\": %.6f, "
               "\"precision_lax\": %.6f, \"recall_lax\": %.6f, \"f1_lax\": %.6f}\n",
               s.precision_strict, s.recall_strict, s.f1_strict, s.precision_lax, s.recall_lax, s.f1_lax);
    } else {
        printf("            strict    lax\n");
        printf("precision   %.3f   %.3f\n", s.precision_strict, s.precision_lax);
        printf("recall      %.3f   %.3f\n", s.recall_strict, s.recall_lax);
        printf("f1          %.3f   %.3f\n", s.f1_strict, s.f1_lax);
    }
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "polyalign: <stdout>: write error\n");
        return PA_EOUTPUT;
    }
    return 0;
}
