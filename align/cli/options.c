/* options.c - the options that every command which aligns takes alike
 * (limits, model, bead size), parsed in one place. */
#include "align/cli/cli.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A size or count given on the command line (see cli.h). */
int cli_parse_size(const char *cmd, const char *name, const char *value, int suffixes, size_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = value[0] >= '0' && value[0] <= '9' ? strtoull(value, &end, 10) : (end = (char *)value, 0);
    unsigned long long unit = 1;
    if (suffixes && *end && !end[1] && strchr("KkMmGg", *end)) {
        unit = 1ULL << (10 * (strchr("KMG", *end & ~0x20) - "KMG" + 1));
        end++;
    }
    if (errno || end == value || *end || v == 0 || v > (unsigned long long)SIZE_MAX / unit) {
        cli_usage_error(cmd, "%s: '%s' is not a positive whole number%s", name, value,
                        suffixes ? " (K, M, G suffixes)" : "");
        return -1;
    }
    *out = (size_t)(v * unit);
    return 0;
}

/* --max-input-bytes (K, M, G suffixes) and --max-sentences. */
static int parse_limit(const char *cmd, int opt, const char *value, pa_align_options *o)
{
    int bytes = opt == CLI_OPT_MAX_INPUT_BYTES;
    size_t v;
    if (cli_parse_size(cmd, bytes ? "--max-input-bytes" : "--max-sentences", value, bytes, &v) != 0) return -1;
    if (bytes) o->max_input_bytes = v;
    else o->max_sentences = v;
    return 1;
}

int cli_parse_align_option(const char *cmd, int opt, const char *value, pa_align_options *o)
{
    double x;
    switch (opt) {
    case CLI_OPT_MAX_INPUT_BYTES:
    case CLI_OPT_MAX_SENTENCES: return parse_limit(cmd, opt, value, o);
    case CLI_OPT_MAX_BEAD:
        if (cli_parse_double(cmd, "--max-bead", value, 2, 6, &x) != 0) return -1;
        if (x != (int)x) return cli_usage_error(cmd, "--max-bead: '%s' is not a whole number", value), -1;
        o->max_bead = (int)x;
        return 1;
    case CLI_OPT_MODEL:
        if (strcmp(value, "full") == 0) o->model = PA_MODEL_FULL;
        else if (strcmp(value, "anchors") == 0) o->model = PA_MODEL_ANCHORS;
        else if (strcmp(value, "length") == 0) o->model = PA_MODEL_LENGTH;
        else return cli_usage_error(cmd, "--model: '%s' is not full, anchors or length", value), -1;
        return 1;
    default: return 0;
    }
}

int cli_parse_jobs(const char *cmd, const char *value, unsigned *out)
{
    double x;
    if (cli_parse_double(cmd, "--jobs", value, 1, 1024, &x) != 0) return -1;
    if (x != (int)x) return cli_usage_error(cmd, "--jobs: '%s' is not a whole number", value), -1;
    *out = (unsigned)x;
    return 0;
}

unsigned cli_online_cores(void)
{
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    return cores > 0 ? (unsigned)(cores > 1024 ? 1024 : cores) : 1;
}
