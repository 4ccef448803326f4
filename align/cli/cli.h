/* cli.h - what the polyalign subcommands share: reporting errors and
 * notes, progress, option errors with suggestions. The subcommands parse
 * options and call the library (align/polyalign.h); nothing else. */
#ifndef PA_CLI_H
#define PA_CLI_H

#include <getopt.h>

#include "align/polyalign.h"
#include "align/cli/progress.h"

/* Each subcommand: argc/argv start at the subcommand's name; returns the
 * process exit status (enum pa_status). */
int cmd_align(int argc, char **argv);
int cmd_batch(int argc, char **argv);
int cmd_segment(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_lexicon(int argc, char **argv);
int cmd_tmx(int argc, char **argv);
int cmd_report(int argc, char **argv);

/* Prints "polyalign: MESSAGE" on stderr and returns the error's code. */
int cli_report(const pa_error *err);

/* Prints "polyalign CMD: MESSAGE" and a hint to --help; returns PA_EUSAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The usage error for an unknown or incomplete option `arg`, with the
 * nearest option of `opts` when one is close ("did you mean --src-lang?"). */
int cli_unknown_option(const char *cmd, const char *arg, const struct option *opts);

/* The options every command that aligns takes alike (options.c): the
 * limits (--max-input-bytes N[K|M|G], --max-sentences N; segment takes
 * them too), --max-bead N and --model M, into `o`. Returns 1 when `opt` is
 * one of them and was applied, 0 when it is another option, -1 (reported)
 * on a bad value. */
int cli_parse_align_option(const char *cmd, int opt, const char *value, pa_align_options *o);

/* Their getopt_long ids and table entries. */
#define CLI_OPT_MAX_INPUT_BYTES 0x4000
#define CLI_OPT_MAX_SENTENCES 0x4001
#define CLI_OPT_MAX_BEAD 0x4002
#define CLI_OPT_MODEL 0x4003
#define CLI_LIMIT_OPTIONS \
    {"max-input-bytes", required_argument, NULL, CLI_OPT_MAX_INPUT_BYTES}, \
    {"max-sentences", required_argument, NULL, CLI_OPT_MAX_SENTENCES}
#define CLI_MODEL_OPTIONS \
    {"max-bead", required_argument, NULL, CLI_OPT_MAX_BEAD}, {"model", required_argument, NULL, CLI_OPT_MODEL}
#define CLI_LIMIT_HELP \
    "      --max-input-bytes N  refuse an input larger than N bytes after gzip\n" \
    "                        (K, M, G suffixes; default 1G); memory while\n" \
    "                        reading stays close to it\n" \
    "      --max-sentences N refuse a document of more than N sentences\n" \
    "                        (default 10000000)\n"

/* Parses a positive whole number for option `name`, with K, M, G (binary)
 * suffixes when `suffixes`; a usage error (-1) otherwise. */
int cli_parse_size(const char *cmd, const char *name, const char *value, int suffixes, size_t *out);

/* Parses a number option within [lo, hi]; on error reports it and returns -1. */
int cli_parse_double(const char *cmd, const char *opt, const char *value, double lo, double hi, double *out);

/* Parses --jobs N: a whole number from 1 to 1024; on error reports it and
 * returns -1. */
int cli_parse_jobs(const char *cmd, const char *value, unsigned *out);

/* The cores online, 1 to 1024: what --jobs is when not given. */
unsigned cli_online_cores(void);

/* What a command says on stderr besides errors: notes ("polyalign: ..."),
 * -v messages from the library, and the progress line. */
typedef struct cli_messages {
    int verbosity; /* -v count */
    int quiet;     /* -q: errors only */
    int progress;  /* --progress: even when stderr is not a terminal */
    cli_progress *bar;
} cli_messages;

/* Points the library's log and progress callbacks of `o` at `m`. */
void cli_messages_attach(cli_messages *m, pa_align_options *o);

/* Ends the progress line (call before printing results). */
void cli_messages_done(cli_messages *m);

/* Prints "polyalign: NOTE" unless quiet. */
void cli_note(const cli_messages *m, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
