/* cmd_report.c - `polyalign report`: options in, pa_report_from_tmx out. */
#include "align/cli/cli.h"
#include "align/report/report.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static const char usage[] =
    "usage: polyalign report [OPTIONS] MEMORY.tmx[.gz]\n"
    "\n"
    "Writes the review page of a translation memory: one self-contained HTML\n"
    "file (nothing loaded from elsewhere; opens from disk) with a row a unit and\n"
    "a column a language, doubtful units flagged, a summary and a plot of the\n"
    "alignment path. Units can be marked wrong, merged, split and edited there,\n"
    "and the corrected memory exported as TMX or TSV. \"-\" = standard input.\n"
    "\n"
    "  -o, --output FILE     the page (default \"-\", standard output); written to\n"
    "                        a temporary file and renamed when complete\n"
    "      --min-score X     mark units scoring below X (0..1) as dropped; an\n"
    "                        export leaves them out\n"
    "      --title TEXT      the page's title (default: the memory's base name)\n"
    "  -h, --help            this help\n";

enum { OPT_MIN_SCORE = 256, OPT_TITLE };

int cmd_report(int argc, char **argv)
{
    static const struct option opts[] = {
        {"output", required_argument, NULL, 'o'},          {"min-score", required_argument, NULL, OPT_MIN_SCORE},
        {"title", required_argument, NULL, OPT_TITLE},     {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *output = "-";
    pa_report_tmx_options o = {NULL, 0.0, NULL, 0};
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "o:h", opts, NULL)) != -1) {
        switch (c) {
        case 'o': output = optarg; break;
        case OPT_MIN_SCORE:
            if (cli_parse_double("report", "--min-score", optarg, 0, 1, &o.min_score) != 0) return PA_EUSAGE;
            break;
        case OPT_TITLE: o.title = optarg; break;
        case 'h': fputs(usage, stdout); return 0;
        default: return cli_unknown_option("report", argv[optind - 1], opts);
        }
    }
    if (argc - optind != 1) return cli_usage_error("report", "expected one MEMORY.tmx file");
    pa_error err;
    pa_error_clear(&err);
    return pa_report_from_tmx(argv[optind], output, &o, &err) == 0 ? 0 : cli_report(&err);
}
