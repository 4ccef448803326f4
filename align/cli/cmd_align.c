/* cmd_align.c - `polyalign align`: options in, pa_align and a pa_writer out. */
#include "config.h"

#include "align/cli/cli.h"
#include "align/readers/layout.h"
#include "align/util/error.h"
#include "align/util/output.h"
#include "tmx/langtag.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char usage[] =
    "usage: polyalign align [OPTIONS] SOURCE TARGET [TARGET...]\n"
    "       polyalign align [OPTIONS] -s LANG -t LANG MEMORY.tmx|TABLE.tsv\n"
    "\n"
    "Aligns the sentences of SOURCE (the pivot) with those of each TARGET (\"-\" =\n"
    "standard input; gzip is read transparently) and writes a translation\n"
    "memory, the beads, TSV or plain parallel text. A TMX input is read as the\n"
    "document of its language (-s, -t, or the name): each unit with text in it\n"
    "is a paragraph; likewise a .tsv table, a row a paragraph, its language's\n"
    "column named by a header line (zh<TAB>en) or told by its script. One\n"
    "MEMORY.tmx or TABLE.tsv alone is both sides (re-alignment).\n"
    "\n"
    "  -s, --src-lang LANG   source language, a BCP 47 tag (zh, zh-TW, en-GB, ...);\n"
    "                        default: from the file name (NAME.LANG.txt)\n"
    "  -t, --tgt-lang LANG   language of the first TARGET, likewise\n"
    "  -o, --output FILE     output file (default \"-\", standard output); written\n"
    "                        to a temporary file and renamed when complete\n"
    "  -f, --format FMT      tmx, tmx.gz, beads, tsv, moses, report (default: from\n"
    "                        the output name: .tmx, .tmx.gz, .align/.beads, .tsv,\n"
    "                        .html; else tsv); moses writes OUTPUT.LANG files;\n"
    "                        report is the review page (see --report)\n"
    "      --pairs           one bilingual file per pivot-language pair instead of\n"
    "                        one multilingual one, named with the pair before the\n"
    "                        format's extension: -o A.tmx.gz writes A.zh-en.tmx.gz,\n"
    "                        A.zh-fr.tmx.gz, ... (no extension: A.zh-en); each\n"
    "                        the pair's own units, none joined for the others\n"
    "      --report FILE     also write the review page (one self-contained HTML\n"
    "                        file: every unit, doubtful ones flagged; fix the\n"
    "                        alignment there and export TMX or TSV); see\n"
    "                        'polyalign report'\n"
    "      --presplit        inputs hold one sentence a line (blank line =\n"
    "                        paragraph end); no segmentation. By default this is\n"
    "                        assumed when every input looks so (a note says so)\n"
    "      --lang-tag L=TAG  language tag written to TMX for L (default: the tag\n"
    "                        given; a bare code gets a region: zh-CN, en-US,\n"
    "                        fr-FR, es-ES, ru-RU, ar-SA), e.g. zh=zh-Hans\n"
    "      --min-score X     leave units scoring below X (0..1) out of TMX, TSV\n"
    "                        and moses\n"
    "      --encoding ENC    encoding of every input (default: UTF-8, or UTF-16\n"
    "                        by its BOM); --src-encoding, --tgt-encoding for one\n"
    "      --srx FILE        segmentation rules (SRX 2.0) instead of the shipped ones\n"
    "      --reflow MODE     undo hard line breaks inside paragraphs: auto (detect\n"
    "                        text extracted from PDF), on, off (default auto);\n"
    "                        giving it always segments\n"
    "      --dict FILE       bilingual dictionary: CC-CEDICT, hunalign (\"target @\n"
    "                        source\") or TSV (\"source<TAB>target\"); repeatable\n"
    "      --lexicon FILE    word links learned by 'polyalign lexicon train'\n"
    "      --max-bead N      most sentences in one bead, both sides (2..6, default 6)\n"
    "      --model M         evidence to use: full (default), anchors (lengths and\n"
    "                        anchors only), length (Gale & Church), for comparison\n"
    "  -j, --jobs N          threads: language pairs aligned at once, a thread\n"
    "                        each, and a big pair's last backward pass beside its\n"
    "                        forward pass (default: the online cores); the output\n"
    "                        is the same\n"
    CLI_LIMIT_HELP
    "  -v, --verbose         report estimated parameters and counts on stderr\n"
    "  -q, --quiet           no progress and no notes on stderr (errors only)\n"
    "      --progress        show progress even when stderr is not a terminal\n"
    "  -h, --help            this help\n";

enum { OPT_PRESPLIT = 256, OPT_LANG_TAG, OPT_MIN_SCORE, OPT_ENCODING, OPT_SRC_ENCODING, OPT_TGT_ENCODING,
       OPT_SRX, OPT_REFLOW, OPT_DICT, OPT_PROGRESS, OPT_PAIRS, OPT_REPORT };

static const struct option options[] = {
    {"src-lang", required_argument, NULL, 's'},    {"tgt-lang", required_argument, NULL, 't'},
    {"output", required_argument, NULL, 'o'},      {"format", required_argument, NULL, 'f'},
    {"presplit", no_argument, NULL, OPT_PRESPLIT}, {"lang-tag", required_argument, NULL, OPT_LANG_TAG},
    {"min-score", required_argument, NULL, OPT_MIN_SCORE},
    {"encoding", required_argument, NULL, OPT_ENCODING},
    {"src-encoding", required_argument, NULL, OPT_SRC_ENCODING},
    {"tgt-encoding", required_argument, NULL, OPT_TGT_ENCODING},
    CLI_MODEL_OPTIONS,
    {"dict", required_argument, NULL, OPT_DICT},   {"lexicon", required_argument, NULL, OPT_DICT},
    {"srx", required_argument, NULL, OPT_SRX},     {"reflow", required_argument, NULL, OPT_REFLOW},
    {"verbose", no_argument, NULL, 'v'},           {"quiet", no_argument, NULL, 'q'},
    {"progress", no_argument, NULL, OPT_PROGRESS}, {"help", no_argument, NULL, 'h'},
    {"pairs", no_argument, NULL, OPT_PAIRS},       {"report", required_argument, NULL, OPT_REPORT},
    {"jobs", required_argument, NULL, 'j'},        CLI_LIMIT_OPTIONS,
    {NULL, 0, NULL, 0},
};

#define MAX_INPUTS 16
#define MAX_DICTS 16

typedef struct align_args {
    pa_input in[MAX_INPUTS];
    char tags[MAX_INPUTS][64];
    size_t n_in;
    const char *output, *format, *srx, *report;
    const char *lang[2], *encoding[2], *all_encoding;
    double min_score;
    int presplit, reflow_given, pairs;
    pa_align_options align;
    pa_tmx_langtags *tags_table;
    const char *dicts[MAX_DICTS];
    int n_dicts;
    cli_messages msg;
} align_args;

/* Whether `name` is an output format (checked before any input is read). */
static int known_format(const char *name)
{
    const char *f;
    for (size_t k = 0; (f = pa_writer_format(k)) != NULL; k++)
        if (strcasecmp(name, f) == 0) return 1;
    return strcasecmp(name, "align") == 0;
}

static int parse_args(int argc, char **argv, align_args *a)
{
    pa_error err;
    pa_error_clear(&err);
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "s:t:o:f:j:vqh", options, NULL)) != -1) {
        switch (c) {
        case 's': a->lang[0] = optarg; break;
        case 't': a->lang[1] = optarg; break;
        case 'o': a->output = optarg; break;
        case 'f': a->format = optarg; break;
        case 'v': a->msg.verbosity++; break;
        case 'q': a->msg.quiet = 1; break;
        case OPT_PROGRESS: a->msg.progress = 1; break;
        case OPT_PRESPLIT: a->presplit = 1; break;
        case OPT_PAIRS: a->pairs = 1; break;
        case OPT_REPORT: a->report = optarg; break;
        case 'j':
            if (cli_parse_jobs("align", optarg, &a->align.threads) != 0) return PA_EUSAGE;
            break;
        case OPT_LANG_TAG:
            if (pa_tmx_langtags_set(a->tags_table, optarg, &err) != 0) return cli_report(&err);
            break;
        case OPT_MIN_SCORE:
            if (cli_parse_double("align", "--min-score", optarg, 0, 1, &a->min_score) != 0) return PA_EUSAGE;
            break;
        case OPT_ENCODING: a->all_encoding = optarg; break;
        case OPT_SRC_ENCODING: a->encoding[0] = optarg; break;
        case OPT_TGT_ENCODING: a->encoding[1] = optarg; break;
        case OPT_SRX: a->srx = optarg; break;
        case OPT_DICT:
            if (a->n_dicts == MAX_DICTS) return cli_usage_error("align", "at most 16 --dict and --lexicon files");
            a->dicts[a->n_dicts++] = optarg;
            break;
        case OPT_REFLOW:
            if (pa_reflow_mode_parse(optarg, &a->align.reflow) != 0)
                return cli_usage_error("align", "--reflow: '%s' is not auto, on or off", optarg);
            a->reflow_given = 1;
            break;
        case 'h': fputs(usage, stdout); return -1;
        default:
            switch (cli_parse_align_option("align", c, optarg, &a->align)) {
            case 1: break;
            case 0: return cli_unknown_option("align", argv[optind - 1], options);
            default: return PA_EUSAGE;
            }
        }
    }
    int n = argc - optind;
    /* One translation memory or table is both sides: -s and -t pick its languages. */
    const char *memory = n == 1 && pa_path_is_parallel(argv[optind]) ? argv[optind] : NULL;
    if (memory) n = 2;
    if (n < 2) return cli_usage_error("align", "expected SOURCE and TARGET files (or one MEMORY.tmx or TABLE.tsv with -s and -t)");
    if (n > MAX_INPUTS) return cli_usage_error("align", "at most %d files", MAX_INPUTS);
    if (a->format && !known_format(a->format))
        return cli_usage_error("align", "--format: unknown format '%s' (tmx, tmx.gz, tsv, beads, moses, report)", a->format);
    if (a->report && (strcmp(a->report, "-") == 0 || strcmp(a->report, a->output) == 0))
        return cli_usage_error("align", "--report needs a file of its own, not '%s'", a->report);
    if (a->pairs && strcmp(a->output, "-") == 0)
        return cli_usage_error("align", "--pairs writes one file per language pair: give -o FILE");
    if (a->presplit && a->reflow_given) return cli_usage_error("align", "--presplit and --reflow exclude each other");
    a->align.split = a->presplit ? PA_SPLIT_LINES : a->reflow_given ? PA_SPLIT_SEGMENT : PA_SPLIT_AUTO;
    int stdin_uses = 0;
    for (int k = 0; k < a->n_dicts; k++) stdin_uses += strcmp(a->dicts[k], "-") == 0;
    a->n_in = (size_t)n;
    for (size_t k = 0; k < a->n_in; k++) {
        pa_input *in = &a->in[k];
        in->path = memory ? memory : argv[optind + (int)k];
        stdin_uses += strcmp(in->path, "-") == 0;
        in->lang = k < 2 ? a->lang[k] : NULL;
        in->encoding = k < 2 && a->encoding[k] ? a->encoding[k] : a->all_encoding;
        if (pa_input_language(in, a->tags[k], sizeof a->tags[k], &err) != 0) {
            if (in->lang) return cli_report(&err);
            return cli_usage_error("align", "%s: cannot tell the language from the file name; give --%s-lang",
                                   in->path, k == 0 ? "src" : "tgt");
        }
        in->lang = a->tags[k];
    }
    if (stdin_uses > 1) return cli_usage_error("align", "standard input ('-') can be read only once");
    char code[MAX_INPUTS][PA_LANG_MAX];
    for (size_t k = 0; k < a->n_in; k++) {
        pa_lang_normalize(a->tags[k], code[k], NULL);
        for (size_t q = 0; q < k; q++)
            if (strcmp(code[k], code[q]) == 0)
                return cli_usage_error("align", "languages %s and %s are both '%s'; give each version its own",
                                       a->tags[q], a->tags[k], code[k]);
    }
    return 0;
}

/* Prints the counts (-v) or what was left out. */
static void report(const align_args *a, const pa_units *u, const pa_writer_counts *wc)
{
    if (a->msg.verbosity) {
        char line[512];
        size_t at = (size_t)snprintf(line, sizeof line, "%zu", pa_units_sentences(u, 0));
        for (size_t l = 1; l < pa_units_languages(u) && at < sizeof line; l++)
            at += (size_t)snprintf(line + at, sizeof line - at, " + %zu", pa_units_sentences(u, l));
        cli_note(&a->msg, "%s sentences, %zu units, %zu written, %zu below --min-score, %zu with one language",
                 line, pa_units_count(u), wc->written, wc->dropped, wc->skipped);
    } else if (wc->dropped) {
        cli_note(&a->msg, "%zu units scored below --min-score %.2f and were left out", wc->dropped, a->min_score);
    }
    if (pa_units_joins(u) && !a->pairs) /* --pairs writes each pair's own units */
        cli_note(&a->msg, "%zu units joined where languages paired the pivot's sentences differently",
                 pa_units_joins(u));
}

/* The file of the pair `src`-`tgt` under --pairs: ".SRC-TGT" inserted
 * before the format's extension (.tmx, .tmx.gz, .tsv, .tsv.gz, .align,
 * .beads and their .gz), else appended: A.tmx.gz -> A.zh-en.tmx.gz, and a
 * moses PREFIX -> PREFIX.zh-en (which writes PREFIX.zh-en.zh ...). */
static int pair_path(const char *output, const char *src, const char *tgt, char *out, size_t size)
{
    static const char *const exts[] = {".tmx.gz", ".tsv.gz", ".align.gz", ".beads.gz", ".tmx", ".tsv", ".align",
                                       ".beads"};
    size_t n = strlen(output), stem = n;
    for (size_t k = 0; k < sizeof exts / sizeof *exts && stem == n; k++) {
        size_t e = strlen(exts[k]);
        if (n > e && strcasecmp(output + n - e, exts[k]) == 0) stem = n - e;
    }
    int w = snprintf(out, size, "%.*s.%s-%s%s", (int)stem, output, src, tgt, output + stem);
    return w < 0 || (size_t)w >= size ? -1 : 0;
}

static int run(align_args *a, pa_error *err)
{
    /* The output first, before anything is read: one that names an input
     * (which writing would destroy) or cannot be written fails at once. */
    const char *langs[MAX_INPUTS], *tmx_tags[MAX_INPUTS], *inputs[MAX_INPUTS + MAX_DICTS + 1];
    size_t n_inputs = 0;
    for (size_t k = 0; k < a->n_in; k++) {
        langs[k] = a->tags[k];
        tmx_tags[k] = pa_tmx_langtags_get(a->tags_table, a->tags[k]);
        inputs[n_inputs++] = a->in[k].path;
    }
    for (int k = 0; k < a->n_dicts; k++) inputs[n_inputs++] = a->dicts[k];
    inputs[n_inputs++] = a->srx;
    pa_writer_options wo = PA_WRITER_OPTIONS_INIT;
    wo.format = a->format, wo.min_score = a->min_score, wo.tags = tmx_tags;
    wo.inputs = inputs, wo.n_inputs = n_inputs;
    /* --pairs: writer k takes the pair (pivot, k+1); else one writer */
    size_t n_w = a->pairs ? a->n_in - 1 : 1;
    pa_writer *w[MAX_INPUTS + 1] = {NULL};
    for (size_t k = 0; k < n_w + (a->report != NULL); k++) {
        if (k == n_w) { /* --report: every unit of every language; not the output either */
            pa_writer_options ro = wo;
            const char *not_these[MAX_INPUTS + MAX_DICTS + 2];
            memcpy(not_these, inputs, n_inputs * sizeof *inputs);
            not_these[n_inputs] = a->output;
            ro.format = "report", ro.inputs = not_these, ro.n_inputs = n_inputs + 1;
            w[k] = pa_writer_open(a->report, langs, a->n_in, &ro, err);
        } else if (!a->pairs) {
            w[k] = pa_writer_open(a->output, langs, a->n_in, &wo, err);
        } else {
            char path[4096];
            const char *pl[2] = {langs[0], langs[k + 1]}, *pt[2] = {tmx_tags[0], tmx_tags[k + 1]};
            pa_writer_options po = wo;
            po.tags = pt;
            if (pair_path(a->output, pl[0], pl[1], path, sizeof path) == 0)
                w[k] = pa_writer_open(path, pl, 2, &po, err);
            else pa_error_set(err, PA_EUSAGE, "%s: output name too long", a->output);
        }
        if (!w[k]) {
            for (size_t q = 0; q < k; q++) pa_writer_abort(w[q]);
            return -1;
        }
    }
    pa_context_options co = PA_CONTEXT_OPTIONS_INIT;
    co.srx_path = a->srx;
    pa_context *ctx = pa_context_new(&co, err);
    pa_units *u = NULL;
    int rc = ctx ? 0 : -1;
    for (int k = 0; k < a->n_dicts && rc == 0; k++)
        rc = pa_context_add_dictionary(ctx, a->tags[0], a->tags[1], a->dicts[k], err);
    cli_messages_attach(&a->msg, &a->align);
    if (rc == 0 && !(u = pa_align(ctx, a->in, a->n_in, &a->align, err))) rc = -1;
    cli_messages_done(&a->msg);
    if (rc == 0 && a->align.split == PA_SPLIT_AUTO && pa_units_split(u) == PA_SPLIT_LINES)
        cli_note(&a->msg, "every input holds one sentence a line: the lines were kept as sentences "
                          "(--presplit says so; --reflow on or off segments them)");
    pa_writer_counts wc = {0};
    if (rc == 0 && a->report) rc = pa_writer_add(w[n_w], u, err);
    for (size_t k = 0; k < n_w && rc == 0; k++) {
        if (!a->pairs) {
            rc = pa_writer_add(w[k], u, err);
        } else {
            /* the pair's own units, not the multilingual ones cut down:
             * no unit joined for another language's sake */
            rc = pa_writer_add(w[k], pa_units_pair(u, k + 1), err);
        }
        pa_writer_counts c;
        pa_writer_get_counts(w[k], &c);
        wc.written += c.written, wc.dropped += c.dropped, wc.skipped += c.skipped;
    }
    /* all complete before the first is renamed into place */
    for (size_t k = 0; k < n_w + (a->report != NULL); k++) {
        if (rc == 0) rc = pa_writer_commit(w[k], err);
        else pa_writer_abort(w[k]);
    }
    if (rc == 0) report(a, u, &wc);
    pa_units_free(u);
    pa_context_free(ctx);
    return rc;
}

int cmd_align(int argc, char **argv)
{
    align_args a;
    memset(&a, 0, sizeof a);
    a.output = "-";
    pa_align_options_init(&a.align, PA_ALIGN_OPTIONS_VERSION);
    a.align.threads = cli_online_cores();
    a.tags_table = pa_tmx_langtags_new();
    int rc = parse_args(argc, argv, &a);
    if (rc == 0) {
        pa_error err;
        pa_error_clear(&err);
        rc = run(&a, &err) == 0 ? 0 : cli_report(&err);
    }
    pa_tmx_langtags_free(a.tags_table);
    return rc < 0 ? 0 : rc;
}
