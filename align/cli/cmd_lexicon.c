/* cmd_lexicon.c - `polyalign lexicon train`: learn word links from many
 * aligned documents or translation memories, for --lexicon. */
#include "align/aligner/aligner.h"
#include "align/aligner/lexicon.h"
#include "align/cli/cli.h"
#include "align/output/export.h"
#include "align/segment/load.h"
#include "align/util/alloc.h"
#include "tmx/tmx_reader.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char usage[] =
    "usage: polyalign lexicon train --src-lang L --tgt-lang L -o LEXICON [OPTIONS] FILE...\n"
    "\n"
    "Learns word translation links (IBM Model 1, both directions) from a corpus\n"
    "and writes them as a lexicon file for 'polyalign align --lexicon'. A FILE\n"
    "ending in .tmx or .tmx.gz is a translation memory (its units in the two\n"
    "languages are used as they are); other FILEs come in pairs, SOURCE TARGET,\n"
    "and are aligned first.\n"
    "\n"
    "  -s, --src-lang LANG   source language\n"
    "  -t, --tgt-lang LANG   target language\n"
    "  -o, --output FILE     the lexicon (TSV: source, target, p(t|s), p(s|t))\n"
    "      --presplit        document pairs hold one sentence a line\n"
    "      --dict FILE       dictionary used while aligning the document pairs\n"
    "      --max-pairs N     stop adding training units after N million word\n"
    "                        pairs (default 64; memory is about 4 bytes a pair\n"
    "                        and 35 bytes a distinct word pair)\n"
    "  -v, --verbose         progress on stderr\n"
    "  -h, --help            this help\n";

/* The training corpus: parallel units, one line a side in two texts. */
typedef struct corpus {
    pa_buf src, tgt;
    size_t units;
} corpus;

/* Appends one unit; line breaks inside become spaces. */
static void corpus_add(corpus *c, const char *s, size_t sn, const char *t, size_t tn)
{
    pa_buf *side[2] = {&c->src, &c->tgt};
    const char *text[2] = {s, t};
    size_t len[2] = {sn, tn};
    for (int k = 0; k < 2; k++) {
        size_t at = side[k]->len;
        pa_buf_append(side[k], text[k], len[k]);
        for (size_t q = at; q < side[k]->len; q++)
            if (side[k]->data[q] == '\n' || side[k]->data[q] == '\r') side[k]->data[q] = ' ';
        pa_buf_putc(side[k], '\n');
    }
    c->units++;
}

static int is_tmx(const char *path)
{
    size_t n = strlen(path);
    return (n >= 4 && strcasecmp(path + n - 4, ".tmx") == 0) || (n >= 7 && strcasecmp(path + n - 7, ".tmx.gz") == 0);
}

/* Units of a TMX file that have both languages and text on both sides. */
static int add_tmx(corpus *c, const char *path, const char *src_lang, const char *tgt_lang, pa_error *err)
{
    pa_tmx_reader *r = pa_tmx_reader_open(path, err);
    if (!r) return -1;
    const pa_tmx_read_unit *u;
    int rc;
    while ((rc = pa_tmx_reader_next(r, &u, err)) == 1) {
        const pa_tmx_read_variant *s = pa_tmx_unit_variant(u, src_lang), *t = pa_tmx_unit_variant(u, tgt_lang);
        if (s && t && s->len && t->len) corpus_add(c, s->text, s->len, t->text, t->len);
    }
    pa_tmx_reader_close(r);
    return rc < 0 ? -1 : 0;
}

/* Aligns a document pair and adds its beads as units. */
static int add_documents(corpus *c, const char *sp, const char *tp, const pa_load_opts *so, const pa_load_opts *to,
                         const pa_align_opts *ao, pa_error *err)
{
    pa_segmenter *ss = NULL, *ts = NULL;
    pa_document *s = NULL, *t = NULL;
    pa_alignment al = {0};
    int rc = -1;
    if (!so->presplit && (!(ss = pa_segmenter_new(so->lang, NULL, err)) || !(ts = pa_segmenter_new(to->lang, NULL, err))))
        goto done;
    if (!(s = pa_load_document(sp, so, ss, err)) || !(t = pa_load_document(tp, to, ts, err))) goto done;
    if (pa_align_documents(s, t, ao, &al, err) != 0) goto done;
    pa_buf a = PA_BUF_INIT, b = PA_BUF_INIT;
    for (size_t k = 0; k < al.n; k++) {
        const pa_bead *x = &al.beads[k];
        if (!x->n_src || !x->n_tgt) continue;
        pa_buf_reset(&a), pa_buf_reset(&b);
        pa_bead_side_text(s, x->src, x->n_src, &a);
        pa_bead_side_text(t, x->tgt, x->n_tgt, &b);
        corpus_add(c, a.data, a.len, b.data, b.len);
    }
    pa_buf_free(&a), pa_buf_free(&b);
    rc = 0;
done:
    pa_alignment_free(&al);
    pa_document_free(s), pa_document_free(t);
    pa_segmenter_free(ss), pa_segmenter_free(ts);
    return rc;
}

/* Makes a one-sentence-a-line document of a corpus side. */
static pa_document *corpus_document(pa_buf *text, const char *lang)
{
    pa_document *d = pa_document_new(lang, lang);
    size_t len;
    char *t = pa_buf_detach(text, &len);
    pa_document_set_text(d, t, len);
    pa_document_split_lines(d);
    return d;
}

/* Trains on the corpus and writes the lexicon. */
static int train_and_write(corpus *c, const char *src_lang, const char *tgt_lang, size_t max_pairs,
                           const char *output, int verbose, pa_error *err)
{
    pa_document *s = corpus_document(&c->src, src_lang), *t = corpus_document(&c->tgt, tgt_lang);
    int rc = -1;
    if (s->n_sents != t->n_sents) { /* a unit whose text was only white space on one side */
        pa_error_set(err, PA_EINPUT, "training units lost their pairing (a side with no text)");
        goto done;
    }
    pa_feature_extractor *fx = pa_feature_extractor_new(err);
    if (!fx) goto done;
    pa_pair_features pf;
    rc = pa_pair_features_build(fx, s, t, &pf, err);
    pa_feature_extractor_free(fx);
    if (rc != 0) goto done;
    pa_alignment units = {0};
    for (size_t k = 0; k < s->n_sents; k++) pa_alignment_add(&units, (pa_bead){k, 1, k, 1, 1.0});
    pa_lexicon_entry *e;
    size_t used;
    size_t n = pa_lexicon_train(&pf, &units, max_pairs, &e, &used, verbose);
    if (used < units.n)
        fprintf(stderr, "polyalign: trained on the first %zu of %zu units (--max-pairs)\n", used, units.n);
    pa_output *out = pa_output_open(output, pa_path_is_gzip(output), err);
    rc = out ? 0 : -1;
    if (out) rc = pa_output_printf(out, err, "# polyalign lexicon src=%s tgt=%s units=%zu\n", src_lang, tgt_lang, used);
    for (size_t k = 0; k < n && rc == 0; k++) {
        size_t ls, lt;
        const char *a = pa_vocab_string(pf.src.vocab, e[k].src, &ls), *b = pa_vocab_string(pf.tgt.vocab, e[k].tgt, &lt);
        rc = pa_output_printf(out, err, "%.*s\t%.*s\t%.4f\t%.4f\n", (int)ls, a, (int)lt, b, e[k].p_ts, e[k].p_st);
    }
    if (out) rc = rc == 0 ? pa_output_commit(out, err) : (pa_output_abort(out), -1);
    if (rc == 0 && verbose) fprintf(stderr, "polyalign: %zu units, %zu links written to %s\n", used, n, output);
    free(e);
    pa_alignment_free(&units);
    pa_pair_features_free(&pf);
done:
    pa_document_free(s), pa_document_free(t);
    return rc;
}

static int lexicon_train(int argc, char **argv)
{
    static const struct option opts[] = {
        {"src-lang", required_argument, NULL, 's'}, {"tgt-lang", required_argument, NULL, 't'},
        {"output", required_argument, NULL, 'o'},   {"presplit", no_argument, NULL, 'p'},
        {"dict", required_argument, NULL, 'd'},     {"max-pairs", required_argument, NULL, 'm'},
        {"verbose", no_argument, NULL, 'v'},        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *src_lang = NULL, *tgt_lang = NULL, *output = NULL, *dict_path = NULL;
    double max_pairs = 64;
    int presplit = 0, verbose = 0, c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "s:t:o:vh", opts, NULL)) != -1) {
        switch (c) {
        case 's': src_lang = optarg; break;
        case 't': tgt_lang = optarg; break;
        case 'o': output = optarg; break;
        case 'p': presplit = 1; break;
        case 'd': dict_path = optarg; break;
        case 'm':
            if (cli_parse_double("lexicon", "--max-pairs", optarg, 0.001, 4000, &max_pairs) != 0) return PA_EUSAGE;
            break;
        case 'v': verbose++; break;
        case 'h': fputs(usage, stdout); return 0;
        default: return cli_usage_error("lexicon", "unknown or incomplete option '%s'", argv[optind - 1]);
        }
    }
    if (!src_lang || !tgt_lang) return cli_usage_error("lexicon", "give --src-lang and --tgt-lang");
    if (!output) return cli_usage_error("lexicon", "give the output file with -o");
    if (optind == argc) return cli_usage_error("lexicon", "no input FILE");
    pa_error err;
    pa_error_clear(&err);
    char sl[PA_LANG_MAX], tl[PA_LANG_MAX];
    if (pa_lang_normalize(src_lang, sl, &err) != 0 || pa_lang_normalize(tgt_lang, tl, &err) != 0)
        return cli_report(&err);
    pa_load_opts so = {.lang = sl, .presplit = presplit}, to = {.lang = tl, .presplit = presplit};
    pa_align_opts ao;
    pa_align_opts_init(&ao);
    pa_dict *dict = NULL;
    if (dict_path) {
        dict = pa_dict_new(sl, tl);
        if (pa_dict_load(dict, dict_path, &err) != 0) {
            pa_dict_free(dict);
            return cli_report(&err);
        }
        ao.dict = dict;
    }
    corpus co = {PA_BUF_INIT, PA_BUF_INIT, 0};
    int rc = 0;
    for (int i = optind; i < argc && rc == 0; i++) {
        if (is_tmx(argv[i])) {
            rc = add_tmx(&co, argv[i], sl, tl, &err);
        } else if (i + 1 < argc && !is_tmx(argv[i + 1])) {
            rc = add_documents(&co, argv[i], argv[i + 1], &so, &to, &ao, &err);
            i++;
        } else {
            rc = pa_error_set(&err, PA_EUSAGE, "%s: a document needs its translation after it (SOURCE TARGET)", argv[i]);
        }
        if (rc == 0 && verbose) fprintf(stderr, "polyalign: %s: %zu units so far\n", argv[i], co.units);
    }
    if (rc == 0 && co.units == 0) rc = pa_error_set(&err, PA_EINPUT, "no %s-%s units found in the input", sl, tl);
    if (rc == 0) rc = train_and_write(&co, sl, tl, (size_t)(max_pairs * 1048576.0), output, verbose, &err);
    pa_buf_free(&co.src), pa_buf_free(&co.tgt);
    pa_dict_free(dict);
    return rc == 0 ? 0 : cli_report(&err);
}

int cmd_lexicon(int argc, char **argv)
{
    if (argc >= 2 && strcmp(argv[1], "train") == 0) return lexicon_train(argc - 1, argv + 1);
    if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        fputs(usage, stdout);
        return 0;
    }
    return cli_usage_error("lexicon", "expected 'polyalign lexicon train ...'");
}
