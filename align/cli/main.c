/* main.c - the polyalign command: dispatches to subcommands. */
#include "config.h"

#include "align/cli/cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>
#include <unicode/uclean.h>

static const char usage[] =
    "usage: polyalign COMMAND [OPTIONS] [ARGS]\n"
    "\n"
    "Segments United Nations documents into sentences, aligns them across\n"
    "languages and writes translation memories (TMX).\n"
    "\n"
    "commands:\n"
    "  align     align a document with its translation (TMX, beads, TSV)\n"
    "  segment   split a document into sentences, one a line\n"
    "  eval      score alignments against gold beads (precision, recall, F1)\n"
    "  lexicon   learn word links from a corpus ('lexicon train') for --lexicon\n"
    "\n"
    "  polyalign COMMAND --help   options of a command\n"
    "  polyalign --version        version\n"
    "\n"
    "exit status: 0 success, 1 bad input, 2 usage error, 3 output not written,\n"
    "4 internal error.\n";

int cli_report(const pa_error *err)
{
    fprintf(stderr, "polyalign: %s\n", err->msg[0] ? err->msg : "unknown error");
    return err->code ? err->code : PA_EINTERNAL;
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "polyalign %s: ", cmd);
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, " (see 'polyalign %s --help')\n", cmd);
    va_end(ap);
    return PA_EUSAGE;
}

int cli_parse_double(const char *cmd, const char *opt, const char *value, double lo, double hi, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(value, &end);
    if (errno || end == value || *end || v < lo || v > hi) {
        cli_usage_error(cmd, "%s: '%s' is not a number from %g to %g", opt, value, lo, hi);
        return -1;
    }
    *out = v;
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(usage, stderr);
        return PA_EUSAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        fputs(usage, stdout);
        return 0;
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
        printf("polyalign %s\n", PACKAGE_VERSION);
        return 0;
    }
    /* libxml2 must be initialised once, before any thread uses it. */
    xmlInitParser();
    int rc;
    if (strcmp(cmd, "align") == 0) rc = cmd_align(argc - 1, argv + 1);
    else if (strcmp(cmd, "segment") == 0) rc = cmd_segment(argc - 1, argv + 1);
    else if (strcmp(cmd, "eval") == 0) rc = cmd_eval(argc - 1, argv + 1);
    else if (strcmp(cmd, "lexicon") == 0) rc = cmd_lexicon(argc - 1, argv + 1);
    else {
        fprintf(stderr, "polyalign: unknown command '%s' (see 'polyalign --help')\n", cmd);
        rc = PA_EUSAGE;
    }
    xmlCleanupParser();
    u_cleanup(); /* ICU's caches (transliterators, break rules): leak checkers see a clean exit */
    return rc;
}
