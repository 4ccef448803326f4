/* cmd_batch.c - `polyalign batch`: every document set of a directory or a
 * manifest aligned by a pool of threads sharing one context, a file per
 * set in OUTDIR, and the run's report, OUTDIR/run.json. */
#include "config.h"

#include "align/cli/cli.h"
#include "align/pipeline/batch.h"
#include "align/pipeline/merge.h"
#include "align/readers/layout.h"
#include "align/util/alloc.h"
#include "align/util/error.h"
#include "align/util/output.h"

#include <errno.h>
#include <libxml/parser.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static const char usage[] =
    "usage: polyalign batch [OPTIONS] --dir DIR -o OUTDIR\n"
    "       polyalign batch [OPTIONS] MANIFEST.tsv -o OUTDIR\n"
    "\n"
    "Aligns every document set of DIR (files named DOCID.LANG.EXT, grouped by\n"
    "DOCID) or of MANIFEST (docid<TAB>lang<TAB>path lines, # comments; a\n"
    "relative path is taken from the manifest's directory) into one\n"
    "multilingual file per set, OUTDIR/DOCID.tmx.gz, and writes OUTDIR/run.json.\n"
    "A set that fails is named on stderr and in run.json and skipped.\n"
    "\n"
    "      --dir DIR         the directory of document sets (not recursive)\n"
    "  -o, --output OUTDIR   where the outputs go (created if missing)\n"
    "  -j, --jobs N          documents aligned at once (default: the online cores);\n"
    "                        N more threads wait on the disk for them meanwhile\n"
    "      --pivot LANG      the language every other is aligned with (default zh)\n"
    "  -f, --format FMT      tmx.gz (default), tmx, tsv, tsv.gz, beads, beads.gz,\n"
    "                        report (the review page of each set: DOCID.html);\n"
    "                        the output is OUTDIR/DOCID.FMT (beads: .align)\n"
    "      --merge FILE      also one memory of every set, FILE (.tmx.gz, .tmx,\n"
    "                        .tsv), each distinct unit once (same text in every\n"
    "                        language), in the order the sets finish\n"
    "      --split-size SIZE the --merge memory in numbered complete files,\n"
    "                        FILE with .001, .002 ... before its suffix, a new\n"
    "                        one after the set that takes a file past SIZE bytes\n"
    "                        uncompressed (K, M, G: 900M stays below the 1 GB\n"
    "                        import limit of Trados Cloud and Phrase)\n"
    "      --moses PREFIX    also plain parallel text of every set, PREFIX.LANG a\n"
    "                        language of the run, line k of each the same unit;\n"
    "                        only units with text in every language of the run\n"
    "      --resume          skip the sets whose output exists already (not with\n"
    "                        --merge or --moses)\n"
    "      --shard K/N       only the K-th of N slices: the sets sorted by DOCID,\n"
    "                        those whose index modulo N is K-1; the report is\n"
    "                        then OUTDIR/run.K-of-N.json\n"
    "      --presplit        inputs hold one sentence a line; no segmentation\n"
    "      --reflow MODE     undo hard line breaks: auto, on, off (default auto)\n"
    "      --min-score X     leave units scoring below X (0..1) out\n"
    "      --srx FILE        segmentation rules (SRX 2.0) instead of the shipped ones\n"
    "      --dict FILE       dictionary for the pivot and English (pivot-en only)\n"
    "      --max-bead N      most sentences in one bead, both sides (2..6, default 6)\n"
    "      --model M         full (default), anchors, length\n"
    CLI_LIMIT_HELP
    "  -v, --verbose         also each document's messages, prefixed by its DOCID\n"
    "  -q, --quiet           no progress and no notes on stderr (errors only)\n"
    "      --progress        show progress even when stderr is not a terminal\n"
    "  -h, --help            this help\n"
    "\n"
    "exit status: 0 every set written, 5 some sets failed, 1 nothing done\n"
    "(no sets, or every set failed), 2 usage error, 3 OUTDIR, --merge or --moses\n"
    "not writable.\n";

enum { OPT_DIR = 256, OPT_PIVOT, OPT_RESUME, OPT_SHARD, OPT_PRESPLIT, OPT_REFLOW, OPT_MIN_SCORE, OPT_SRX,
       OPT_DICT, OPT_PROGRESS, OPT_MERGE, OPT_MOSES, OPT_SPLIT_SIZE };

static const struct option options[] = {
    {"dir", required_argument, NULL, OPT_DIR},           {"output", required_argument, NULL, 'o'},
    {"jobs", required_argument, NULL, 'j'},              {"pivot", required_argument, NULL, OPT_PIVOT},
    {"format", required_argument, NULL, 'f'},            {"resume", no_argument, NULL, OPT_RESUME},
    {"shard", required_argument, NULL, OPT_SHARD},       {"presplit", no_argument, NULL, OPT_PRESPLIT},
    {"reflow", required_argument, NULL, OPT_REFLOW},     {"min-score", required_argument, NULL, OPT_MIN_SCORE},
    {"srx", required_argument, NULL, OPT_SRX},           {"dict", required_argument, NULL, OPT_DICT},
    CLI_MODEL_OPTIONS,
    {"verbose", no_argument, NULL, 'v'},                 {"quiet", no_argument, NULL, 'q'},
    {"progress", no_argument, NULL, OPT_PROGRESS},       {"help", no_argument, NULL, 'h'},
    {"merge", required_argument, NULL, OPT_MERGE},       {"moses", required_argument, NULL, OPT_MOSES},
    {"split-size", required_argument, NULL, OPT_SPLIT_SIZE},
    CLI_LIMIT_OPTIONS,
    {NULL, 0, NULL, 0},
};

typedef struct batch_args {
    const char *dir, *manifest, *outdir, *format, *pivot, *srx, *dict, *merge, *moses;
    size_t split_size;
    char suffix[32];
    unsigned jobs, shard_k, shard_n;
    int resume, presplit, reflow_given;
    double min_score;
    pa_align_options align;
    cli_messages msg;
} batch_args;

/* What the workers share; `lock` guards next, done, slots and stderr.
 * There are twice as many workers as -j: a worker holds one of the -j
 * compute slots while it reads and aligns, and gives it up to commit its
 * output, whose fsync waits on the disk; meanwhile another worker computes.
 * So -j N keeps N cores busy instead of N cores minus the disk waits. */
typedef struct batch_run {
    const batch_args *a;
    pa_context *ctx;
    pa_batch *b;
    pthread_mutex_t lock;
    pthread_cond_t slot_free;
    unsigned slots; /* compute slots free */
    size_t next, done, todo;
    cli_progress *bar;
    pa_merge *merge; /* --merge, --moses: NULL = neither */
} batch_run;

/* A document's messages under -v, prefixed by its DOCID. */
typedef struct doc_log {
    batch_run *r;
    const char *docid;
} doc_log;

/* The output's suffix for format `f`: ".FMT", beads as ".align", report as
 * ".html"; -1 for
 * formats that are not one file (moses) or unknown. */
static int format_suffix(const char *f, char *out, size_t size)
{
    const char *name;
    int known = 0;
    for (size_t k = 0; (name = pa_writer_format(k)) != NULL; k++) known |= strcasecmp(name, f) == 0;
    if (!known || strncasecmp(f, "moses", 5) == 0) return -1;
    if (strncasecmp(f, "beads", 5) == 0) snprintf(out, size, ".align%s", f + 5);
    else if (strcasecmp(f, "report") == 0) snprintf(out, size, ".html"); /* the review page */
    else snprintf(out, size, ".%s", f);
    for (char *p = out; *p; p++)
        if (*p >= 'A' && *p <= 'Z') *p = (char)(*p - 'A' + 'a');
    return 0;
}

/* Reads the options into `a`; a usage error's status, -1 after --help, 0. */
static int parse_args(int argc, char **argv, batch_args *a)
{
    pa_error err;
    pa_error_clear(&err);
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "o:j:f:vqh", options, NULL)) != -1) {
        switch (c) {
        case OPT_DIR: a->dir = optarg; break;
        case 'o': a->outdir = optarg; break;
        case 'j':
            if (cli_parse_jobs("batch", optarg, &a->jobs) != 0) return PA_EUSAGE;
            break;
        case OPT_PIVOT: a->pivot = optarg; break;
        case 'f': a->format = optarg; break;
        case OPT_RESUME: a->resume = 1; break;
        case OPT_MERGE: a->merge = optarg; break;
        case OPT_MOSES: a->moses = optarg; break;
        case OPT_SPLIT_SIZE:
            if (cli_parse_size("batch", "--split-size", optarg, 1, &a->split_size) != 0) return PA_EUSAGE;
            break;
        case OPT_SHARD:
            if (pa_batch_parse_shard(optarg, &a->shard_k, &a->shard_n, &err) != 0)
                return cli_usage_error("batch", "%s", err.msg);
            break;
        case OPT_PRESPLIT: a->presplit = 1; break;
        case OPT_REFLOW:
            if (pa_reflow_mode_parse(optarg, &a->align.reflow) != 0)
                return cli_usage_error("batch", "--reflow: '%s' is not auto, on or off", optarg);
            a->reflow_given = 1;
            break;
        case OPT_MIN_SCORE:
            if (cli_parse_double("batch", "--min-score", optarg, 0, 1, &a->min_score) != 0) return PA_EUSAGE;
            break;
        case OPT_SRX: a->srx = optarg; break;
        case OPT_DICT: a->dict = optarg; break;
        case 'v': a->msg.verbosity++; break;
        case 'q': a->msg.quiet = 1; break;
        case OPT_PROGRESS: a->msg.progress = 1; break;
        case 'h': fputs(usage, stdout); return -1;

        default:
            switch (cli_parse_align_option("batch", c, optarg, &a->align)) {
            case 1: break;
            case 0: return cli_unknown_option("batch", argv[optind - 1], options);
            default: return PA_EUSAGE;
            }
        }
    }
    int n = argc - optind;
    if (n > 1) return cli_usage_error("batch", "one MANIFEST at most");
    if (n == 1) a->manifest = argv[optind];
    if (!a->dir == !a->manifest) return cli_usage_error("batch", "give either --dir DIR or a MANIFEST");
    if (!a->outdir) return cli_usage_error("batch", "give the output directory: -o OUTDIR");
    if (format_suffix(a->format, a->suffix, sizeof a->suffix) != 0)
        return cli_usage_error("batch", "--format: '%s' is not tmx, tmx.gz, tsv, tsv.gz, beads, beads.gz or report", a->format);
    if (a->split_size && !a->merge) return cli_usage_error("batch", "--split-size needs --merge");
    if (a->resume && (a->merge || a->moses))
        return cli_usage_error("batch", "--resume leaves sets out: it cannot be combined with --merge or --moses");
    if (a->presplit && a->reflow_given) return cli_usage_error("batch", "--presplit and --reflow exclude each other");
    a->align.split = a->presplit ? PA_SPLIT_LINES : a->reflow_given ? PA_SPLIT_SEGMENT : PA_SPLIT_AUTO;
    char tag[64];
    pa_input in = {.lang = a->pivot};
    if (pa_input_language(&in, tag, sizeof tag, &err) != 0) return cli_usage_error("batch", "--pivot: %s", err.msg);
    if (a->jobs == 0) a->jobs = cli_online_cores();
    return 0;
}

/* Seconds on the monotonic clock. */
static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* "OUTDIR/DOCID.SUFFIX", to free. */
static char *output_path(const batch_args *a, const char *docid)
{
    size_t n = strlen(a->outdir) + strlen(docid) + strlen(a->suffix) + 2;
    char *p = pa_malloc(n);
    snprintf(p, n, "%s/%s%s", a->outdir, docid, a->suffix);
    return p;
}

/* Prints a line on stderr beside the progress line; call under the lock. */
static void say(batch_run *r, const char *line)
{
    if (r->bar) cli_progress_note(r->bar, line);
    else fprintf(stderr, "%s\n", line);
}

/* The library's messages about one document, under -v only. */
static void on_doc_log(void *data, int level, const char *message)
{
    doc_log *d = data;
    char line[1200];
    snprintf(line, sizeof line, "polyalign: %s: %s", d->docid, message);
    pthread_mutex_lock(&d->r->lock);
    say(d->r, line);
    pthread_mutex_unlock(&d->r->lock);
    (void)level;
}

/* The files the options name (--dict, --srx, the manifest; NULL where
 * none), which no output may replace, into `out`; returns their count. */
#define OPTION_FILES 3
static size_t option_files(const batch_args *a, const char **out)
{
    out[0] = a->dict, out[1] = a->srx, out[2] = a->manifest;
    return OPTION_FILES;
}

static void slot_take(batch_run *r)
{
    pthread_mutex_lock(&r->lock);
    while (r->slots == 0) pthread_cond_wait(&r->slot_free, &r->lock);
    r->slots--;
    pthread_mutex_unlock(&r->lock);
}

static void slot_give(batch_run *r)
{
    pthread_mutex_lock(&r->lock);
    r->slots++;
    pthread_cond_signal(&r->slot_free);
    pthread_mutex_unlock(&r->lock);
}

/* Aligns set `s` and writes its output; on failure records why. Holds a
 * compute slot until the output is written, not yet committed (with
 * --merge, until the set is merged too). */
static void process(batch_run *r, pa_batch_set *s)
{
    const batch_args *a = r->a;
    slot_take(r);
    double t0 = now();
    pa_error err;
    pa_error_clear(&err);
    if (pa_batch_prepare(s, a->pivot, &err) != 0) {
        slot_give(r);
        pa_batch_fail(s, err.msg);
        s->seconds = now() - t0;
        return;
    }
    size_t n = s->n_files;
    pa_input *in = pa_calloc(n, sizeof *in);
    const char **langs = pa_calloc(n, sizeof *langs);
    const char **inputs = pa_calloc(n + OPTION_FILES, sizeof *inputs); /* what the output must not be */
    for (size_t f = 0; f < n; f++) {
        in[f].path = inputs[f] = s->files[f].path;
        in[f].lang = langs[f] = s->files[f].lang;
    }
    size_t n_inputs = n + option_files(a, inputs + n);
    pa_align_options o = a->align;
    doc_log dl = {r, s->docid};
    o.log = a->msg.verbosity ? on_doc_log : NULL;
    o.log_level = a->msg.verbosity > 0 ? a->msg.verbosity - 1 : 0;
    o.progress = NULL;
    o.callback_data = &dl;
    pa_units *u = pa_align(r->ctx, in, n, &o, &err);
    pa_writer *w = NULL;
    char *path = output_path(a, s->docid);
    pa_writer_options wo = PA_WRITER_OPTIONS_INIT;
    wo.format = a->format, wo.min_score = a->min_score;
    wo.inputs = inputs, wo.n_inputs = n_inputs;
    int rc = u ? 0 : -1;
    if (rc == 0 && !(w = pa_writer_open(path, langs, n, &wo, &err))) rc = -1;
    if (rc == 0) rc = pa_writer_add(w, u, &err);
    pa_writer_counts wc = {0};
    if (w) pa_writer_get_counts(w, &wc);
    if (!r->merge) slot_give(r);
    if (rc == 0) rc = pa_writer_commit(w, &err);
    else pa_writer_abort(w);
    if (rc == 0) {
        s->sentences = pa_calloc(n, sizeof *s->sentences);
        for (size_t f = 0; f < n; f++) s->sentences[f] = pa_units_sentences(u, f);
        double sum = 0;
        size_t count = pa_units_count(u);
        pa_unit unit;
        for (size_t i = 0; i < count; i++)
            if (pa_units_get(u, i, &unit) == 0) sum += unit.score;
        s->mean_score = count ? sum / (double)count : 0;
        s->units = wc.written;
        s->status = PA_BATCH_DONE;
        if (r->merge) pa_merge_add(r->merge, u, NULL); /* a failure is reported once, at the end */
    } else {
        pa_batch_fail(s, err.msg);
    }
    s->seconds = now() - t0;
    if (r->merge) slot_give(r);
    pa_units_free(u);
    pa_free(path), pa_free(in), pa_free(langs), pa_free(inputs);
}

/* A worker: takes the next pending set until there is none. */
static void *worker(void *data)
{
    batch_run *r = data;
    for (;;) {
        pthread_mutex_lock(&r->lock);
        while (r->next < r->b->n && r->b->sets[r->next].status != PA_BATCH_PENDING) r->next++;
        size_t i = r->next < r->b->n ? r->next++ : r->b->n;
        pthread_mutex_unlock(&r->lock);
        if (i == r->b->n) break;
        pa_batch_set *s = &r->b->sets[i];
        process(r, s);
        pthread_mutex_lock(&r->lock);
        r->done++;
        if (s->status == PA_BATCH_FAILED) {
            char line[1200];
            snprintf(line, sizeof line, "polyalign: %s: %s", s->docid, s->reason);
            say(r, line);
        }
        if (r->bar) cli_progress_update(r->bar, "batch", r->done, r->todo, "documents");
        pthread_mutex_unlock(&r->lock);
    }
    return NULL;
}

/* --resume: marks the sets whose output exists; returns how many. */
static size_t mark_existing(const batch_args *a, pa_batch *b)
{
    size_t found = 0;
    for (size_t k = 0; k < b->n; k++) {
        char *path = output_path(a, b->sets[k].docid);
        struct stat st;
        if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) b->sets[k].status = PA_BATCH_SKIPPED, found++;
        pa_free(path);
    }
    return found;
}

/* Opens --merge and --moses for the languages of the run's sets (the pivot
 * first), refusing to write over any input. */
static pa_merge *open_merge(const batch_args *a, pa_batch *b, pa_error *err)
{
    size_t n_langs = 0, n_inputs = 0;
    const char **langs = pa_batch_languages(b, a->pivot, &n_langs);
    if (n_langs < 2) {
        pa_free(langs);
        pa_error_set(err, PA_EINPUT, "--merge, --moses: no set has the pivot and another language");
        return NULL;
    }
    for (size_t k = 0; k < b->n; k++) n_inputs += b->sets[k].n_files;
    const char **inputs = pa_calloc(n_inputs + OPTION_FILES, sizeof *inputs);
    n_inputs = 0;
    for (size_t k = 0; k < b->n; k++)
        for (size_t f = 0; f < b->sets[k].n_files; f++) inputs[n_inputs++] = b->sets[k].files[f].path;
    n_inputs += option_files(a, inputs + n_inputs);
    pa_merge_options mo = {a->merge, a->moses, a->min_score, a->split_size, inputs, n_inputs};
    pa_merge *m = pa_merge_open(&mo, langs, n_langs, err);
    pa_free(inputs), pa_free(langs);
    return m;
}

/* The run report's path: OUTDIR/run.json, or run.K-of-N.json for a shard. */
static void report_path(const batch_args *a, char *path, size_t size)
{
    if (a->shard_n) snprintf(path, size, "%s/run.%u-of-%u.json", a->outdir, a->shard_k, a->shard_n);
    else snprintf(path, size, "%s/run.json", a->outdir);
}

/* Runs the workers over the sets of `b`; returns the exit status. */
static int run_sets(const batch_args *a, pa_context *ctx, pa_batch *b)
{
    batch_run r = {.a = a, .ctx = ctx, .b = b};
    pa_error err;
    pa_error_clear(&err);
    if ((a->merge || a->moses) && !(r.merge = open_merge(a, b, &err))) return cli_report(&err);
    pthread_mutex_init(&r.lock, NULL);
    pthread_cond_init(&r.slot_free, NULL);
    r.slots = a->jobs;
    size_t existing = a->resume ? mark_existing(a, b) : 0;
    r.todo = b->n - existing;
    if (existing) cli_note(&a->msg, "%zu of %zu sets already written in %s (--resume)", existing, b->n, a->outdir);
    size_t temps = a->resume ? pa_output_remove_stale(a->outdir) : 0;
    if (temps) cli_note(&a->msg, "removed %zu temporary files an interrupted run left in %s", temps, a->outdir);
    /* documents aligned at once, as run.json reports them; twice as many
     * workers (see batch_run) */
    unsigned jobs = a->jobs < r.todo ? a->jobs : (unsigned)(r.todo ? r.todo : 1);
    unsigned threads = 2 * (size_t)a->jobs < r.todo ? 2 * a->jobs : (unsigned)(r.todo ? r.todo : 1);
    if (!a->msg.quiet) r.bar = cli_progress_new(stderr, a->msg.progress ? CLI_PROGRESS_ALWAYS : CLI_PROGRESS_AUTO);
    double t0 = now();
    pthread_t *tid = pa_calloc(threads, sizeof *tid);
    xmlInitParser(); /* before the threads that may read XML, as libxml2 asks */
    unsigned started = 0;
    for (; started < threads; started++)
        if (pthread_create(&tid[started], NULL, worker, &r) != 0) break;
    if (started == 0) worker(&r); /* no thread could be started: do the work here */
    for (unsigned k = 0; k < started; k++) pthread_join(tid[k], NULL);
    pa_free(tid);
    cli_progress_free(r.bar);
    pthread_mutex_destroy(&r.lock);
    pthread_cond_destroy(&r.slot_free);
    size_t failed = 0, done = 0;
    for (size_t k = 0; k < b->n; k++) {
        failed += b->sets[k].status == PA_BATCH_FAILED;
        done += b->sets[k].status == PA_BATCH_DONE;
    }
    double seconds = now() - t0;
    int merge_rc = 0;
    if (r.merge) {
        pa_merge_counts mc;
        if (pa_merge_commit(r.merge, &mc, &err) != 0) merge_rc = cli_report(&err);
        else if (a->merge && mc.parts)
            cli_note(&a->msg, "%s: %zu units in %zu files, %zu duplicates left out (hash set: %zu KiB)", a->merge,
                     mc.written, mc.parts, mc.duplicates, mc.hash_bytes / 1024);
        else if (a->merge)
            cli_note(&a->msg, "%s: %zu units, %zu duplicates left out (hash set: %zu KiB)", a->merge, mc.written,
                     mc.duplicates, mc.hash_bytes / 1024);
        if (merge_rc == 0 && a->moses) cli_note(&a->msg, "%s.LANG: %zu lines", a->moses, mc.moses);
        pa_error_clear(&err);
    }
    char report[4096];
    report_path(a, report, sizeof report);
    if (pa_batch_write_report(b, report, seconds, jobs, &err) != 0) return cli_report(&err);
    cli_note(&a->msg, "%zu sets written, %zu failed, %zu already there, in %.1f s (threads: %u); report: %s", done,
             failed, existing, seconds, jobs, report);
    if (merge_rc) return merge_rc;
    if (failed == 0) return PA_OK;
    return done + existing == 0 ? PA_EINPUT : PA_EPARTIAL;
}

/* Creates OUTDIR when missing (one level, as mkdir). Shards of one run
 * start at once into the same OUTDIR (a job array): the one that loses
 * the race to create it finds it made. */
static int make_outdir(const char *dir, pa_error *err)
{
    struct stat st;
    if (mkdir(dir, 0777) == 0) return 0;
    int e = errno;
    if (stat(dir, &st) == 0) {
        if (S_ISDIR(st.st_mode)) return 0;
        return pa_error_set(err, PA_EOUTPUT, "%s: not a directory", dir);
    }
    return pa_error_set(err, PA_EOUTPUT, "%s: cannot create the directory: %s", dir, strerror(e));
}

/* Finds the sets, builds the one context, runs them; the exit status. */
static int run(batch_args *a)
{
    pa_error err;
    pa_error_clear(&err);
    pa_batch b = PA_BATCH_INIT;
    /* The report is written last: refuse a report that would replace the
     * manifest (or --srx, --dict) before any work. The sets' outputs and
     * --merge, --moses check the inputs when they open. */
    char report[4096];
    const char *named[OPTION_FILES];
    report_path(a, report, sizeof report);
    if (pa_output_refuse_inputs(report, named, option_files(a, named), &err) != 0) return cli_report(&err);
    int rc = a->dir ? pa_batch_scan_dir(&b, a->dir, &err) : pa_batch_read_manifest(&b, a->manifest, &err);
    if (rc != 0) {
        pa_batch_free(&b);
        return cli_report(&err);
    }
    if (b.unnamed) cli_note(&a->msg, "%s: files not named DOCID.LANG.EXT left out: %zu", a->dir, b.unnamed);
    if (b.n == 0) {
        pa_batch_free(&b);
        fprintf(stderr, "polyalign: %s: no document sets (files named DOCID.LANG.EXT)\n",
                a->dir ? a->dir : a->manifest);
        return PA_EINPUT;
    }
    pa_batch_sort(&b);
    size_t all = b.n;
    if (a->shard_n) {
        pa_batch_shard(&b, a->shard_k, a->shard_n);
        if (a->msg.verbosity) cli_note(&a->msg, "shard %u/%u: %zu of %zu sets", a->shard_k, a->shard_n, b.n, all);
    }
    if (make_outdir(a->outdir, &err) != 0) {
        pa_batch_free(&b);
        return cli_report(&err);
    }
    pa_context_options co = PA_CONTEXT_OPTIONS_INIT;
    co.srx_path = a->srx;
    pa_context *ctx = pa_context_new(&co, &err);
    if (ctx && a->dict && pa_context_add_dictionary(ctx, a->pivot, "en", a->dict, &err) != 0) {
        pa_context_free(ctx);
        ctx = NULL;
    }
    rc = ctx ? run_sets(a, ctx, &b) : cli_report(&err);
    pa_context_free(ctx);
    pa_batch_free(&b);
    return rc;
}

int cmd_batch(int argc, char **argv)
{
    batch_args a;
    memset(&a, 0, sizeof a);
    a.format = "tmx.gz";
    a.pivot = "zh";
    pa_align_options_init(&a.align, PA_ALIGN_OPTIONS_VERSION);
    int rc = parse_args(argc, argv, &a);
    if (rc == 0) rc = run(&a);
    return rc < 0 ? 0 : rc;
}
