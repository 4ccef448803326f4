/* cmd_align.c - `polyalign align`: align a document with its translation. */
#include "config.h"

#include "align/aligner/aligner.h"
#include "align/cli/cli.h"
#include "align/output/export.h"
#include "align/segment/load.h"
#include "align/util/alloc.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: polyalign align [OPTIONS] SOURCE TARGET\n"
    "\n"
    "Aligns the sentences of SOURCE with those of TARGET (\"-\" = standard input;\n"
    "gzip is read transparently) and writes a translation memory or the beads.\n"
    "\n"
    "  -s, --src-lang LANG   source language (zh, en, fr, es, ru, ar, ...);\n"
    "                        default: from the file name (NAME.LANG.txt)\n"
    "  -t, --tgt-lang LANG   target language, likewise\n"
    "  -o, --output FILE     output file (default \"-\", standard output); written\n"
    "                        to a temporary file and renamed when complete\n"
    "  -f, --format FMT      tmx, tmx.gz, beads, tsv (default: from the output\n"
    "                        name: .tmx, .tmx.gz, .align/.beads, .tsv; else tsv)\n"
    "      --presplit        inputs hold one sentence a line (blank line =\n"
    "                        paragraph end); no segmentation\n"
    "      --lang-tag L=TAG  language tag written to TMX for L (default zh-CN,\n"
    "                        en-US, fr-FR, es-ES, ru-RU, ar-SA), e.g. zh=zh-Hans\n"
    "      --min-score X     leave beads scoring below X (0..1) out of TMX and TSV\n"
    "      --encoding ENC    encoding of both inputs (default: UTF-8, or UTF-16\n"
    "                        by its BOM); --src-encoding, --tgt-encoding for one\n"
    "      --srx FILE        segmentation rules (SRX 2.0) instead of the shipped ones\n"
    "      --reflow MODE     undo hard line breaks inside paragraphs: auto (detect\n"
    "                        text extracted from PDF), on, off (default auto)\n"
    "      --dict FILE       bilingual dictionary: CC-CEDICT, hunalign (\"target @\n"
    "                        source\") or TSV (\"source<TAB>target\"); repeatable\n"
    "      --lexicon FILE    word links learned by 'polyalign lexicon train'\n"
    "      --max-bead N      most sentences in one bead, both sides (2..6, default 6)\n"
    "      --model M         evidence to use: full (default), anchors (lengths and\n"
    "                        anchors only), length (Gale & Church), for comparison\n"
    "  -v, --verbose         report estimated parameters and counts on stderr\n"
    "  -h, --help            this help\n";

enum { OPT_PRESPLIT = 256, OPT_LANG_TAG, OPT_MIN_SCORE, OPT_ENCODING, OPT_SRC_ENCODING, OPT_TGT_ENCODING,
       OPT_MAX_BEAD, OPT_SRX, OPT_REFLOW, OPT_MODEL, OPT_DICT };

typedef struct align_args {
    const char *src_path, *tgt_path, *output;
    char src_lang[PA_LANG_MAX], tgt_lang[PA_LANG_MAX];
    pa_format format;
    int gzip, presplit, verbose;
    double min_score;
    pa_load_opts src_load, tgt_load;
    pa_segmenter_opts seg;
    pa_align_opts align;
    pa_tmx_langtags *tags;
    const char *dicts[16]; /* --dict and --lexicon files, loaded once languages are known */
    int n_dicts;
} align_args;

/* Determines each side's language: option, else file name. */
static int resolve_lang(const char *opt, const char *path, const char *which, char code[PA_LANG_MAX])
{
    pa_error err;
    pa_error_clear(&err);
    if (opt) return pa_lang_normalize(opt, code, &err) == 0 ? 0 : (cli_report(&err), -1);
    if (pa_lang_from_filename(path, code) == 0) return 0;
    cli_usage_error("align", "%s: cannot tell the language from the file name; give --%s-lang", path, which);
    return -1;
}

static int parse_args(int argc, char **argv, align_args *a)
{
    static const struct option opts[] = {
        {"src-lang", required_argument, NULL, 's'},    {"tgt-lang", required_argument, NULL, 't'},
        {"output", required_argument, NULL, 'o'},      {"format", required_argument, NULL, 'f'},
        {"presplit", no_argument, NULL, OPT_PRESPLIT}, {"lang-tag", required_argument, NULL, OPT_LANG_TAG},
        {"min-score", required_argument, NULL, OPT_MIN_SCORE},
        {"encoding", required_argument, NULL, OPT_ENCODING},
        {"src-encoding", required_argument, NULL, OPT_SRC_ENCODING},
        {"tgt-encoding", required_argument, NULL, OPT_TGT_ENCODING},
        {"max-bead", required_argument, NULL, OPT_MAX_BEAD},
        {"model", required_argument, NULL, OPT_MODEL},
        {"dict", required_argument, NULL, OPT_DICT},   {"lexicon", required_argument, NULL, OPT_DICT},
        {"srx", required_argument, NULL, OPT_SRX},     {"reflow", required_argument, NULL, OPT_REFLOW},
        {"verbose", no_argument, NULL, 'v'},           {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *src_lang = NULL, *tgt_lang = NULL, *format = NULL;
    pa_error err;
    pa_error_clear(&err);
    double x;
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "s:t:o:f:vh", opts, NULL)) != -1) {
        switch (c) {
        case 's': src_lang = optarg; break;
        case 't': tgt_lang = optarg; break;
        case 'o': a->output = optarg; break;
        case 'f': format = optarg; break;
        case 'v': a->verbose = 1, a->align.verbose++; break;
        case OPT_PRESPLIT: a->presplit = 1; break;
        case OPT_LANG_TAG:
            if (pa_tmx_langtags_set(a->tags, optarg, &err) != 0) return cli_report(&err);
            break;
        case OPT_MIN_SCORE:
            if (cli_parse_double("align", "--min-score", optarg, 0, 1, &a->min_score) != 0) return PA_EUSAGE;
            break;
        case OPT_ENCODING: a->src_load.text.encoding = a->tgt_load.text.encoding = optarg; break;
        case OPT_SRC_ENCODING: a->src_load.text.encoding = optarg; break;
        case OPT_TGT_ENCODING: a->tgt_load.text.encoding = optarg; break;
        case OPT_MAX_BEAD:
            if (cli_parse_double("align", "--max-bead", optarg, 2, 6, &x) != 0) return PA_EUSAGE;
            if (x != (int)x) return cli_usage_error("align", "--max-bead: '%s' is not a whole number", optarg);
            a->align.max_bead = (int)x;
            break;
        case OPT_SRX: a->seg.srx_path = optarg; break;
        case OPT_DICT:
            if (a->n_dicts == 16) return cli_usage_error("align", "at most 16 --dict and --lexicon files");
            a->dicts[a->n_dicts++] = optarg;
            break;
        case OPT_MODEL:
            if (strcmp(optarg, "full") == 0) a->align.model = PA_MODEL_FULL;
            else if (strcmp(optarg, "anchors") == 0) a->align.model = PA_MODEL_ANCHORS;
            else if (strcmp(optarg, "length") == 0) a->align.model = PA_MODEL_LENGTH;
            else return cli_usage_error("align", "--model: '%s' is not full, anchors or length", optarg);
            break;
        case OPT_REFLOW:
            if (pa_reflow_mode_parse(optarg, &a->src_load.reflow) != 0)
                return cli_usage_error("align", "--reflow: '%s' is not auto, on or off", optarg);
            a->tgt_load.reflow = a->src_load.reflow;
            break;
        case 'h': fputs(usage, stdout); return -1;
        default: return cli_usage_error("align", "unknown or incomplete option '%s'", argv[optind - 1]);
        }
    }
    if (argc - optind != 2) return cli_usage_error("align", "expected SOURCE and TARGET files");
    a->src_path = argv[optind];
    a->tgt_path = argv[optind + 1];
    int stdin_uses = (strcmp(a->src_path, "-") == 0) + (strcmp(a->tgt_path, "-") == 0);
    for (int k = 0; k < a->n_dicts; k++) stdin_uses += strcmp(a->dicts[k], "-") == 0;
    if (stdin_uses > 1) return cli_usage_error("align", "standard input ('-') can be read only once");
    if (resolve_lang(src_lang, a->src_path, "src", a->src_lang) != 0) return PA_EUSAGE;
    if (resolve_lang(tgt_lang, a->tgt_path, "tgt", a->tgt_lang) != 0) return PA_EUSAGE;
    if (strcmp(a->src_lang, a->tgt_lang) == 0)
        return cli_usage_error("align", "source and target are both '%s'; give two different languages",
                               a->src_lang);
    if (format) {
        if (pa_format_parse(format, &a->format, &a->gzip) != 0)
            return cli_usage_error("align", "--format: unknown format '%s' (tmx, tmx.gz, beads, tsv)", format);
        int gz;
        if (pa_format_from_path(a->output, &gz) != PA_FORMAT_NONE && gz) a->gzip = 1;
    } else {
        a->format = pa_format_from_path(a->output, &a->gzip);
        if (a->format == PA_FORMAT_NONE) a->format = PA_FORMAT_TSV;
    }
    a->src_load.lang = a->src_lang, a->tgt_load.lang = a->tgt_lang;
    a->src_load.presplit = a->tgt_load.presplit = a->presplit;
    return 0;
}

/* Loads one side: reads, cleans and segments it. */
static pa_document *load_side(const char *path, const pa_load_opts *lo, const pa_segmenter_opts *so,
                              pa_error *err)
{
    pa_segmenter *seg = NULL;
    if (!lo->presplit && !(seg = pa_segmenter_new(lo->lang, so, err))) return NULL;
    pa_document *d = pa_load_document(path, lo, seg, err);
    pa_segmenter_free(seg);
    return d;
}

/* The base name of a path, for the TMX x-document property. */
static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

static int write_output(const align_args *a, const pa_document *src, const pa_document *tgt,
                        const pa_alignment *al, pa_export_stats *st, pa_error *err)
{
    pa_output *out = pa_output_open(a->output, a->gzip, err);
    if (!out) return -1;
    int rc;
    if (a->format == PA_FORMAT_TMX) {
        pa_tmx_header_info h = {0};
        h.srclang = pa_tmx_langtags_get(a->tags, src->lang);
        pa_tmx_writer *w = pa_tmx_writer_open(out, &h, err);
        rc = w ? pa_export_tmx(w, a->tags, src, tgt, al, a->min_score, base_name(a->src_path), st, err) : -1;
        if (rc == 0) rc = pa_tmx_writer_finish(w, err);
        else pa_tmx_writer_free(w);
    } else if (a->format == PA_FORMAT_BEADS) {
        rc = pa_export_beads(out, al, st, err);
    } else {
        rc = pa_export_tsv(out, src, tgt, al, a->min_score, st, err);
    }
    if (rc != 0) {
        pa_output_abort(out);
        return -1;
    }
    return pa_output_commit(out, err);
}

int cmd_align(int argc, char **argv)
{
    align_args a;
    memset(&a, 0, sizeof a);
    a.output = "-";
    pa_align_opts_init(&a.align);
    a.tags = pa_tmx_langtags_new();
    int rc = parse_args(argc, argv, &a);
    if (rc != 0) {
        pa_tmx_langtags_free(a.tags);
        return rc < 0 ? 0 : rc;
    }
    pa_error err;
    pa_error_clear(&err);
    pa_alignment al = {0};
    pa_export_stats st = {0};
    pa_dict *dict = NULL;
    if (a.n_dicts) {
        dict = pa_dict_new(a.src_lang, a.tgt_lang);
        for (int k = 0; k < a.n_dicts && rc == 0; k++) rc = pa_dict_load(dict, a.dicts[k], &err);
        if (rc != 0) {
            pa_dict_free(dict);
            pa_tmx_langtags_free(a.tags);
            return cli_report(&err);
        }
        a.align.dict = dict;
    }
    pa_document *src = load_side(a.src_path, &a.src_load, &a.seg, &err);
    pa_document *tgt = src ? load_side(a.tgt_path, &a.tgt_load, &a.seg, &err) : NULL;
    rc = tgt ? pa_align_documents(src, tgt, &a.align, &al, &err) : -1;
    if (rc == 0) rc = write_output(&a, src, tgt, &al, &st, &err);
    if (rc == 0 && a.verbose)
        fprintf(stderr, "polyalign: %zu + %zu sentences, %zu beads, %zu written, %zu below --min-score, %zu "
                        "deletions\n", src->n_sents, tgt->n_sents, al.n, st.written, st.dropped, st.skipped);
    else if (rc == 0 && st.dropped)
        fprintf(stderr, "polyalign: %zu beads scored below --min-score %.2f and were left out\n", st.dropped,
                a.min_score);
    pa_alignment_free(&al);
    pa_dict_free(dict);
    pa_document_free(src);
    pa_document_free(tgt);
    pa_tmx_langtags_free(a.tags);
    return rc == 0 ? 0 : cli_report(&err);
}
