/* cmd_tmx.c - `polyalign tmx stats|validate|merge|filter|convert`: the
 * tools a translation memory needs after it is written. Options only; the
 * work is in tmx/ (tmx_stats, tmx_validate, tmx_copy, tmx_filter). */
#include "align/cli/cli.h"
#include "align/util/alloc.h"
#include "align/util/buf.h"
#include "tmx/tmx_copy.h"
#include "tmx/tmx_stats.h"
#include "tmx/tmx_validate.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: polyalign tmx stats [OPTIONS] FILE...\n"
    "       polyalign tmx validate [--dtd FILE] [OPTIONS] FILE...\n"
    "       polyalign tmx merge -o OUT [OPTIONS] FILE...\n"
    "       polyalign tmx filter -o OUT [CRITERIA] [OPTIONS] FILE...\n"
    "       polyalign tmx convert --to tsv|moses|tmx -o OUT [OPTIONS] FILE...\n"
    "\n"
    "Reads translation memories (TMX 1.1-1.4, UTF-8 or UTF-16, plain or .gz)\n"
    "one unit at a time: memory does not grow with the units, but for 16 to 32\n"
    "bytes a distinct unit where duplicates are counted or removed.\n"
    "\n"
    "  stats      units, languages, segments and characters per language,\n"
    "             duplicates, empty and one-sided units, x-score histogram\n"
    "  validate   well-formed, TMX 1.4b DTD (--dtd FILE, or the file named by\n"
    "             $POLYALIGN_TMX_DTD), header attributes, language tags, source\n"
    "             language in every unit, no empty seg; one line FILE:LINE: ...\n"
    "             a problem on standard output, then FILE: valid|N problems;\n"
    "             status 1 when any file is not valid\n"
    "  merge      the units of every FILE into OUT, each distinct unit once\n"
    "             (same texts in the same languages, white space and tag case\n"
    "             aside), languages unioned, in input order\n"
    "  filter     the units of FILE... that meet every CRITERIA into OUT\n"
    "  convert    to TSV (a column a language, x-score first), Moses (OUT.LANG,\n"
    "             one file a language, units with every language) or TMX\n"
    "\n"
    "  -o, --output OUT       output (.tmx, .tmx.gz, .tsv; -f for another format;\n"
    "                         written whole or not at all; an input is refused)\n"
    "  -f, --format, --to FMT tmx, tsv, moses (.gz forms compress)\n"
    "      --langs L1,L2,...  keep these languages, in this order (\"zh\" takes\n"
    "                         zh-CN, zh-TW...); units lacking one are left out:\n"
    "                         a multilingual memory to a bilingual one\n"
    "      --lang-tag FROM=TO write tuvs tagged FROM (any case; a bare language\n"
    "                         takes its regions) as TO; repeatable\n"
    "      --dedup            leave out units whose texts came before (filter,\n"
    "                         convert; merge always does)\n"
    "      --markup MODE      inline codes of seg (bpt, ept, ph, it, hi, sub): strip\n"
    "                         (default: text only, hi's text kept) or keep (as XML)\n"
    "      --dtd FILE         validate: the TMX 1.4b DTD to check against\n"
    "      --max-input-bytes N  refuse an input larger than N bytes once\n"
    "                         decompressed (K, M, G; default no limit)\n"
    "  -q, --quiet            no counts on standard error\n"
    "criteria (filter):\n"
    "      --min-score X, --max-score X   x-score within (units without one fail)\n"
    "      --max-ratio R      longest side at most R times the shortest (characters)\n"
    "      --numbers-agree    the numbers of every side the same (1,000 = 1 000)\n"
    "      --min-length N, --max-length N  characters of every segment\n"
    "      --no-empty         no empty segment\n"
    "      --no-one-sided     text in two languages at least\n"
    "  -h, --help             this help\n"
    "\n"
    "exit status: 0 success, 1 bad input (validate: a file not valid), 2 usage,\n"
    "3 output not written.\n";

enum {
    OPT_LANGS = 0x100, OPT_LANG_TAG, OPT_DEDUP, OPT_MARKUP, OPT_DTD, OPT_MIN_SCORE, OPT_MAX_SCORE,
    OPT_MAX_RATIO, OPT_NUMBERS, OPT_MIN_LEN, OPT_MAX_LEN, OPT_NO_EMPTY, OPT_NO_ONE_SIDED
};

typedef struct tmx_args {
    const char *output, *dtd;
    int quiet;
    char **langs;
    size_t n_langs;
    const char **retag;
    size_t n_retag;
    pa_tmx_copy_options copy;
    pa_tmx_filter filter;
    int filtering;
} tmx_args;

/* Splits "zh,en" into a'->langs. */
static void split_langs(tmx_args *a, const char *list)
{
    size_t cap = 0;
    for (const char *p = list; *p;) {
        size_t n = strcspn(p, ",");
        if (n) {
            PA_GROW(a->langs, cap, a->n_langs + 1);
            a->langs[a->n_langs++] = pa_strndup(p, n);
        }
        p += n + (p[n] == ',');
    }
}

/* A whole number of characters for --min-length, --max-length. */
static int parse_count(const char *opt, const char *value, size_t *out)
{
    double x;
    if (cli_parse_double("tmx", opt, value, 1, 1e12, &x) != 0) return -1;
    if (x != (double)(size_t)x) return cli_usage_error("tmx", "%s: '%s' is not a whole number", opt, value), -1;
    *out = (size_t)x;
    return 0;
}

/* Parses the options of every tmx command; 1 = go on, 0 = done (help), -1
 * = usage error (reported). */
static int parse(int argc, char **argv, tmx_args *a)
{
    static const struct option opts[] = {
        {"output", required_argument, NULL, 'o'}, {"format", required_argument, NULL, 'f'},
        {"to", required_argument, NULL, 'f'}, {"langs", required_argument, NULL, OPT_LANGS},
        {"lang-tag", required_argument, NULL, OPT_LANG_TAG}, {"dedup", no_argument, NULL, OPT_DEDUP},
        {"markup", required_argument, NULL, OPT_MARKUP}, {"dtd", required_argument, NULL, OPT_DTD},
        {"min-score", required_argument, NULL, OPT_MIN_SCORE}, {"max-score", required_argument, NULL, OPT_MAX_SCORE},
        {"max-ratio", required_argument, NULL, OPT_MAX_RATIO}, {"numbers-agree", no_argument, NULL, OPT_NUMBERS},
        {"min-length", required_argument, NULL, OPT_MIN_LEN}, {"max-length", required_argument, NULL, OPT_MAX_LEN},
        {"no-empty", no_argument, NULL, OPT_NO_EMPTY}, {"no-one-sided", no_argument, NULL, OPT_NO_ONE_SIDED},
        {"quiet", no_argument, NULL, 'q'}, {"help", no_argument, NULL, 'h'},
        CLI_LIMIT_OPTIONS, {NULL, 0, NULL, 0},
    };
    pa_align_options ao = PA_ALIGN_OPTIONS_INIT;
    size_t cap = 0;
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "o:f:qh", opts, NULL)) != -1) {
        switch (c) {
        case 'o': a->output = optarg; break;
        case 'f': a->copy.format = optarg; break;
        case 'q': a->quiet = 1; break;
        case 'h': fputs(usage, stdout); return 0;
        case OPT_LANGS: split_langs(a, optarg); break;
        case OPT_LANG_TAG:
            if (!strchr(optarg, '=') || optarg[0] == '=' || !strchr(optarg, '=')[1])
                return cli_usage_error("tmx", "--lang-tag: '%s' is not FROM=TO", optarg), -1;
            PA_GROW(a->retag, cap, a->n_retag + 1);
            a->retag[a->n_retag++] = optarg;
            break;
        case OPT_DEDUP: a->copy.dedup = 1; break;
        case OPT_MARKUP:
            if (strcmp(optarg, "keep") && strcmp(optarg, "strip"))
                return cli_usage_error("tmx", "--markup: '%s' is not keep or strip", optarg), -1;
            a->copy.read.keep_markup = strcmp(optarg, "keep") == 0;
            break;
        case OPT_DTD: a->dtd = optarg; break;
        case OPT_MIN_SCORE:
            if (cli_parse_double("tmx", "--min-score", optarg, 0, 1, &a->filter.min_score)) return -1;
            a->filtering = 1;
            break;
        case OPT_MAX_SCORE:
            if (cli_parse_double("tmx", "--max-score", optarg, 0, 1, &a->filter.max_score)) return -1;
            a->filtering = 1;
            break;
        case OPT_MAX_RATIO:
            if (cli_parse_double("tmx", "--max-ratio", optarg, 1, 1e9, &a->filter.max_ratio)) return -1;
            a->filtering = 1;
            break;
        case OPT_NUMBERS: a->filter.numbers_agree = a->filtering = 1; break;
        case OPT_MIN_LEN:
            if (parse_count("--min-length", optarg, &a->filter.min_chars)) return -1;
            a->filtering = 1;
            break;
        case OPT_MAX_LEN:
            if (parse_count("--max-length", optarg, &a->filter.max_chars)) return -1;
            a->filtering = 1;
            break;
        case OPT_NO_EMPTY: a->filter.no_empty = a->filtering = 1; break;
        case OPT_NO_ONE_SIDED: a->filter.no_one_sided = a->filtering = 1; break;
        case CLI_OPT_MAX_INPUT_BYTES:
        case CLI_OPT_MAX_SENTENCES:
            if (cli_parse_align_option("tmx", c, optarg, &ao) < 0) return -1;
            a->copy.read.max_bytes = ao.max_input_bytes;
            break;
        default: return cli_unknown_option("tmx", argv[optind - 1], opts), -1;
        }
    }
    a->copy.langs = (const char *const *)a->langs, a->copy.n_langs = a->n_langs;
    a->copy.retag = a->retag, a->copy.n_retag = a->n_retag;
    return 1;
}

static int run_stats(tmx_args *a, char **files, int n)
{
    int status = 0;
    for (int f = 0; f < n; f++) {
        pa_tmx_stats st;
        pa_error err;
        pa_error_clear(&err);
        if (pa_tmx_stats_file(files[f], &a->copy.read, &st, &err) != 0) {
            status = cli_report(&err);
        } else {
            pa_buf out = PA_BUF_INIT;
            if (f) pa_buf_putc(&out, '\n');
            pa_tmx_stats_format(&st, files[f], &out);
            fwrite(out.data, 1, out.len, stdout);
            pa_buf_free(&out);
        }
        pa_tmx_stats_free(&st);
    }
    return status;
}

/* Prints a problem line of validate. */
static void print_problem(void *data, const char *line)
{
    if (!*(int *)data) puts(line);
}

static int run_validate(tmx_args *a, char **files, int n)
{
    const char *dtd = a->dtd ? a->dtd : getenv("POLYALIGN_TMX_DTD");
    if (dtd && !*dtd) dtd = NULL;
    int status = 0;
    for (int f = 0; f < n; f++) {
        size_t problems = pa_tmx_validate_file(files[f], dtd, a->copy.read.max_bytes, print_problem, &a->quiet);
        if (problems) status = PA_EINPUT;
        if (a->quiet) continue;
        if (problems) printf("%s: %zu problem%s\n", files[f], problems, problems == 1 ? "" : "s");
        else printf("%s: valid%s\n", files[f], dtd ? "" : " (no DTD given: structure checked without it)");
    }
    return status;
}

static int run_copy(const char *cmd, tmx_args *a, char **files, int n)
{
    if (!a->output) return cli_usage_error(cmd, "give the output with -o OUT");
    if (strcmp(cmd, "convert") == 0 && !a->copy.format) return cli_usage_error(cmd, "give the format with --to");
    if (strcmp(cmd, "merge") == 0) a->copy.dedup = 1;
    if (a->filtering && strcmp(cmd, "filter") != 0) return cli_usage_error(cmd, "criteria are options of 'tmx filter'");
    if (a->filtering) a->copy.filter = &a->filter;
    pa_tmx_copy_counts c;
    pa_error err;
    pa_error_clear(&err);
    if (pa_tmx_copy(a->output, (const char *const *)files, (size_t)n, &a->copy, &c, &err) != 0)
        return cli_report(&err);
    if (!a->quiet) {
        fprintf(stderr, "polyalign: %zu units read, %zu written", c.read, c.written);
        if (a->copy.dedup) fprintf(stderr, ", %zu duplicates left out (%zu bytes of keys)", c.duplicates, c.key_bytes);
        if (c.lacking) fprintf(stderr, ", %zu lacking a language of --langs", c.lacking);
        if (c.filtered) fprintf(stderr, ", %zu filtered out (mostly: %s)", c.filtered, c.reason);
        if (c.skipped) fprintf(stderr, ", %zu without text in enough languages for the format", c.skipped);
        fputc('\n', stderr);
    }
    return 0;
}

int cmd_tmx(int argc, char **argv)
{
    static const char *const subs[] = {"stats", "validate", "merge", "filter", "convert"};
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        fputs(usage, argc < 2 ? stderr : stdout);
        return argc < 2 ? PA_EUSAGE : 0;
    }
    const char *cmd = argv[1];
    size_t k = 0;
    while (k < 5 && strcmp(cmd, subs[k]) != 0) k++;
    if (k == 5) return cli_usage_error("tmx", "unknown command 'tmx %s': stats, validate, merge, filter or convert", cmd);
    tmx_args a = {0};
    a.filter = (pa_tmx_filter)PA_TMX_FILTER_INIT;
    int rc = parse(argc - 1, argv + 1, &a), status;
    char **files = argv + 1 + optind;
    int n = argc - 1 - optind;
    if (rc <= 0) status = rc == 0 ? 0 : PA_EUSAGE;
    else if (n < 1) status = cli_usage_error("tmx", "'tmx %s' needs at least one FILE", cmd);
    else if (k == 0) status = run_stats(&a, files, n);
    else if (k == 1) status = run_validate(&a, files, n);
    else status = run_copy(cmd, &a, files, n);
    for (size_t l = 0; l < a.n_langs; l++) pa_free(a.langs[l]);
    pa_free(a.langs), pa_free(a.retag);
    return status;
}
