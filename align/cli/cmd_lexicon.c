/* cmd_lexicon.c - `polyalign lexicon train`: learn word links from many
 * aligned documents or translation memories, for --lexicon. */
#include "align/cli/cli.h"
#include "align/pipeline/train.h"
#include "align/util/error.h"
#include "align/util/output.h"

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
    "  -v, --verbose         counts on stderr\n"
    "  -q, --quiet           no progress and no notes on stderr (errors only)\n"
    "      --progress        show progress even when stderr is not a terminal\n"
    "  -h, --help            this help\n";

/* A translation memory, by its name. */
static int is_tmx(const char *path)
{
    size_t n = strlen(path);
    return (n >= 4 && strcasecmp(path + n - 4, ".tmx") == 0) || (n >= 7 && strcasecmp(path + n - 7, ".tmx.gz") == 0);
}

static int lexicon_train(int argc, char **argv)
{
    static const struct option opts[] = {
        {"src-lang", required_argument, NULL, 's'}, {"tgt-lang", required_argument, NULL, 't'},
        {"output", required_argument, NULL, 'o'},   {"presplit", no_argument, NULL, 'p'},
        {"dict", required_argument, NULL, 'd'},     {"max-pairs", required_argument, NULL, 'm'},
        {"verbose", no_argument, NULL, 'v'},        {"help", no_argument, NULL, 'h'},
        {"quiet", no_argument, NULL, 'q'},          {"progress", no_argument, NULL, 'P'},
        {NULL, 0, NULL, 0},
    };
    const char *src_lang = NULL, *tgt_lang = NULL, *output = NULL, *dict_path = NULL;
    double max_pairs = 64;
    int presplit = 0, verbose = 0, quiet = 0, progress = 0, c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "s:t:o:vqh", opts, NULL)) != -1) {
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
        case 'q': quiet = 1; break;
        case 'P': progress = 1; break;
        case 'h': fputs(usage, stdout); return 0;
        default: return cli_unknown_option("lexicon", argv[optind - 1], opts);
        }
    }
    if (!src_lang || !tgt_lang) return cli_usage_error("lexicon", "give --src-lang and --tgt-lang");
    if (!output) return cli_usage_error("lexicon", "give the output file with -o");
    if (optind == argc) return cli_usage_error("lexicon", "no input FILE");
    pa_error err;
    pa_error_clear(&err);
    if (pa_output_refuse_inputs(output, (const char *const *)argv + optind, (size_t)(argc - optind), &err) != 0 ||
        pa_output_refuse_inputs(output, &dict_path, 1, &err) != 0)
        return cli_report(&err);
    pa_trainer *tr = pa_trainer_new(src_lang, tgt_lang, &err);
    if (!tr) return cli_report(&err);
    pa_context *ctx = pa_context_new(NULL, &err);
    int rc = ctx ? 0 : -1;
    if (rc == 0 && dict_path) rc = pa_context_add_dictionary(ctx, src_lang, tgt_lang, dict_path, &err);
    cli_messages msg = {.verbosity = verbose, .quiet = quiet, .progress = progress};
    pa_align_options ao = PA_ALIGN_OPTIONS_INIT;
    ao.split = presplit ? PA_SPLIT_LINES : PA_SPLIT_AUTO;
    cli_messages_attach(&msg, &ao);
    for (int i = optind; i < argc && rc == 0; i++) {
        if (is_tmx(argv[i])) {
            rc = pa_trainer_add_tmx(tr, argv[i], &err);
        } else if (i + 1 < argc && !is_tmx(argv[i + 1])) {
            pa_input in[2] = {{.path = argv[i], .lang = src_lang}, {.path = argv[i + 1], .lang = tgt_lang}};
            pa_units *u = pa_align(ctx, in, 2, &ao, &err);
            if (u) pa_trainer_add_units(tr, u);
            else rc = -1;
            pa_units_free(u);
            i++;
        } else {
            rc = pa_error_set(&err, PA_EUSAGE, "%s: a document needs its translation after it (SOURCE TARGET)", argv[i]);
        }
        if (rc == 0 && verbose) cli_note(&msg, "%s: %zu units so far", argv[i], pa_trainer_count(tr));
    }
    if (rc == 0 && pa_trainer_count(tr) == 0)
        rc = pa_error_set(&err, PA_EINPUT, "no %s-%s units found in the input", src_lang, tgt_lang);
    pa_logger log = {ao.log, ao.callback_data, ao.log_level, NULL};
    if (rc == 0) rc = pa_trainer_write(tr, (size_t)(max_pairs * 1048576.0), output, &log, &err);
    cli_messages_done(&msg);
    pa_trainer_free(tr);
    pa_context_free(ctx);
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
