/* align_pair.c - align a document with its translation through libpolyalign.
 *
 *     cc align_pair.c $(pkg-config --cflags --libs polyalign) -o align_pair
 *     ./align_pair report.zh.txt report.en.txt
 *
 * prints one "score<TAB>source<TAB>target" line per aligned unit. The
 * languages come from the file names (NAME.LANG.txt).
 */
#include <polyalign.h>

#include <stdio.h>

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s SOURCE.LANG.txt TARGET.LANG.txt\n", argv[0]);
        return 2;
    }
    pa_error err;

    /* A context holds what is costly to build (compiled segmentation
     * rules, dictionaries); make one and reuse it for every document. */
    pa_context *ctx = pa_context_new(NULL, &err);
    if (!ctx) {
        fprintf(stderr, "%s\n", err.msg);
        return 1;
    }

    /* The two language versions; the first is the pivot. */
    pa_input in[2] = {{.path = argv[1]}, {.path = argv[2]}};

    /* Options start from their _INIT value; NULL would do here too. */
    pa_align_options opts = PA_ALIGN_OPTIONS_INIT;
    pa_units *units = pa_align(ctx, in, 2, &opts, &err);
    if (!units) {
        fprintf(stderr, "%s\n", err.msg);
        pa_context_free(ctx);
        return 1;
    }

    /* A unit has text in each language (count 0 where a sentence has no
     * counterpart: skip those). */
    pa_unit u;
    for (size_t i = 0; pa_units_get(units, i, &u) == 0; i++)
        if (u.count[0] && u.count[1]) printf("%.4f\t%s\t%s\n", u.score, u.text[0], u.text[1]);

    pa_units_free(units);
    pa_context_free(ctx);
    return 0;
}
