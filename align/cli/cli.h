/* cli.h - what the polyalign subcommands share. */
#ifndef PA_CLI_H
#define PA_CLI_H

#include "align/util/error.h"

/* Each subcommand: argc/argv start at the subcommand's name; returns the
 * process exit status (enum pa_status). */
int cmd_align(int argc, char **argv);
int cmd_segment(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_lexicon(int argc, char **argv);

/* Prints "polyalign: MESSAGE" on stderr and returns the error's code. */
int cli_report(const pa_error *err);

/* Prints "polyalign CMD: MESSAGE" and a hint to --help; returns PA_EUSAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Parses a number option; on error reports it and returns -1. */
int cli_parse_double(const char *cmd, const char *opt, const char *value, double lo, double hi, double *out);

#endif
