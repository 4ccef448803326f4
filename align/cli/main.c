/* main.c - the polyalign command: dispatches to subcommands. */
#include "config.h"

#include "align/cli/cli.h"
#include "align/cli/suggest.h"
#include "align/util/alloc.h"
#include "tmx/tmx_writer.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <libxml/parser.h>
#if defined HAVE_MALLOC_H && defined HAVE_MALLOPT
#include <malloc.h>
#endif
#include <unicode/uclean.h>

static const char usage[] =
    "usage: polyalign COMMAND [OPTIONS] [ARGS]\n"
    "\n"
    "Segments United Nations documents into sentences, aligns them across\n"
    "languages and writes translation memories (TMX).\n"
    "\n"
    "commands:\n"
    "  align     align a document with its translation (TMX, beads, TSV)\n"
    "  batch     align every document set of a directory or a manifest (threads)\n"
    "  segment   split a document into sentences, one a line\n"
    "  eval      score alignments against gold beads (precision, recall, F1)\n"
    "  lexicon   learn word links from a corpus ('lexicon train') for --lexicon\n"
    "  tmx       translation memories: stats, validate, merge, filter, convert\n"
    "  report    write the review page of a memory (HTML: check, fix, export)\n"
    "\n"
    "  polyalign COMMAND --help   options of a command (or: polyalign help COMMAND)\n"
    "  polyalign --version        version\n"
    "\n"
    "exit status: 0 success, 1 bad input, 2 usage error, 3 output not written,\n"
    "4 internal error, 5 some documents of a batch failed.\n";

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

int cli_unknown_option(const char *cmd, const char *arg, const struct option *opts)
{
    char near[64];
    if (arg[0] == '-' && cli_suggest_option(arg, opts, near, sizeof near) == 0)
        return cli_usage_error(cmd, "unknown or incomplete option '%s'; did you mean %s?", arg, near);
    return cli_usage_error(cmd, "unknown or incomplete option '%s'", arg);
}

int cli_parse_double(const char *cmd, const char *opt, const char *value, double lo, double hi, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(value, &end);
    if (errno || end == value || *end || !(v >= lo && v <= hi)) { /* NaN fails both */
        cli_usage_error(cmd, "%s: '%s' is not a number from %g to %g", opt, value, lo, hi);
        return -1;
    }
    *out = v;
    return 0;
}

/* Out of memory. Inside a library call (pa_align, a writer's add...) the
 * call fails with the error "out of memory (allocating N bytes)", which the
 * command reports like any other, removing its temporary output, and ends
 * with status 4. Elsewhere (the command's own code): one line and status 4,
 * the internal error the help promises, instead of abort()'s core dump; a
 * temporary output is left to the next write of the same output, which
 * removes it (its writer is dead and its lock released). Only write(2) and
 * _exit: the heap is what just failed. */
static void out_of_memory(size_t size)
{
    if (pa_alloc_in_frame()) return;
    char msg[96], digits[24];
    size_t n = 0, k = sizeof digits;
    do digits[--k] = (char)('0' + size % 10), size /= 10;
    while (size && k);
    const char *parts[3] = {"polyalign: out of memory (allocating ", digits + k, " bytes)\n"};
    size_t lens[3] = {37, sizeof digits - k, 8};
    for (int p = 0; p < 3; p++) memcpy(msg + n, parts[p], lens[p]), n += lens[p];
    ssize_t w = write(STDERR_FILENO, msg, n);
    (void)w;
    _exit(PA_EINTERNAL);
}

/* The commands, in the order of the usage text. */
static const struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    int dates_tmx; /* can write a TMX memory, dated by SOURCE_DATE_EPOCH */
} commands[] = {
    {"align", cmd_align, 1}, {"batch", cmd_batch, 1}, {"segment", cmd_segment, 0}, {"eval", cmd_eval, 0},
    {"lexicon", cmd_lexicon, 0}, {"tmx", cmd_tmx, 1}, {"report", cmd_report, 0},
};
#define N_COMMANDS (sizeof commands / sizeof *commands)

static const struct command *find_command(const char *name)
{
    for (size_t k = 0; k < N_COMMANDS; k++)
        if (strcmp(name, commands[k].name) == 0) return &commands[k];
    return NULL;
}

/* "unknown command", with the nearest one when it is close. */
static int unknown_command(const char *name)
{
    const char *names[N_COMMANDS];
    for (size_t k = 0; k < N_COMMANDS; k++) names[k] = commands[k].name;
    const char *near = cli_suggest(name, names, N_COMMANDS);
    if (near) fprintf(stderr, "polyalign: unknown command '%s'; did you mean '%s'? (see 'polyalign --help')\n", name, near);
    else fprintf(stderr, "polyalign: unknown command '%s' (see 'polyalign --help')\n", name);
    return PA_EUSAGE;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(usage, stderr);
        return PA_EUSAGE;
    }
    const char *cmd = argv[1];
    static char help_flag[] = "--help";
    char *help_argv[4];
    if (strcmp(cmd, "help") == 0 && argc >= 3) {
        /* polyalign help CMD = polyalign CMD --help */
        if (!find_command(argv[2])) return unknown_command(argv[2]);
        help_argv[0] = argv[0], help_argv[1] = argv[2], help_argv[2] = help_flag, help_argv[3] = NULL;
        argv = help_argv, argc = 3, cmd = argv[1];
    }
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        fputs(usage, stdout);
        return 0;
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
        printf("polyalign %s\n", PACKAGE_VERSION);
        return 0;
    }
    /* Past a file-size limit (ulimit -f) a write fails with EFBIG and is
     * reported like any write error, the temporary file removed, instead
     * of the signal killing the process and leaving it behind. */
    signal(SIGXFSZ, SIG_IGN);
    pa_set_oom_handler(out_of_memory);
#if defined HAVE_MALLOC_H && defined HAVE_MALLOPT && defined M_MMAP_THRESHOLD && defined M_TRIM_THRESHOLD
    /* A batch allocates and frees the same few hundred kilobytes per
     * document; by default glibc maps blocks over 128 KB afresh and gives
     * freed memory back at once, so every document page-faulted its
     * tables in again (a sixth of the time on small documents). Freed
     * memory up to these sizes stays with the process instead. */
    mallopt(M_MMAP_THRESHOLD, 16 << 20);
    mallopt(M_TRIM_THRESHOLD, 32 << 20);
#endif
    /* libxml2 is initialised where it is used: by the library's readers
     * and writers of XML, HTML and TMX, and before batch starts its
     * threads (libxml2 asks multithreaded programs to initialise it
     * first). Plain text never pays for it: 0.3 ms of a 40-sentence
     * alignment's 8 ms. xmlCleanupParser does nothing when it was not. */
    const struct command *c = find_command(cmd);
    /* A bad SOURCE_DATE_EPOCH is refused before any work, not when the
     * first memory is written (after a whole alignment, or in every
     * document of a batch). */
    time_t date;
    pa_error err;
    pa_error_clear(&err);
    if (c && c->dates_tmx && pa_tmx_creation_time(&date, &err) != 0) return cli_report(&err);
    int rc = c ? c->run(argc - 1, argv + 1) : unknown_command(cmd);
    xmlCleanupParser();
    u_cleanup(); /* ICU's caches (transliterators, break rules): leak checkers see a clean exit */
    return rc;
}
