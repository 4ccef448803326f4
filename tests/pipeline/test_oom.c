/* test_oom.c - every allocation of a sample run fails once, in turn.
 *
 * SQLite's way of testing out-of-memory handling: the run (a context, a
 * dictionary, the alignment of the sample pair from raw text, a document
 * read on its own, a pair selected from the units, and a gzip TMX written
 * through a writer) is made once to count its allocations, then again for
 * every N from 1 to that count with the N-th allocation failing. Each call
 * of the public API must then succeed or fail with PA_EINTERNAL "out of
 * memory"; never crash. After a failure the objects made so far are freed,
 * no temporary file is left beside the output, an older output is left
 * alone, and the context (when there is one) still writes the reference
 * TMX. Then the same for a three-language set aligned on two threads (the
 * calling thread's allocations), and for a pair big enough that its last
 * pass's backward table is made on a second thread, a few allocations
 * failing while that thread runs. Leaks and bad frees are the sanitizers' to report
 * (make check-sanitizers runs this test too).
 *
 * OOM_STRIDE=K tries every K-th N only (for a quick look by hand). */
#include "align/polyalign.h"
#include "align/util/alloc.h"
#include "tests/tap.h"

#include <dirent.h>
#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

/* A short zh-en pair: three paragraphs, a few sentences each. */
static const char zh_text[] =
    "裁军谈判会议\n\n"
    "1. 会议于2018年1月23日开幕。主席宣布会议开幕。\n\n"
    "2. 各代表团欢迎新成员。会议通过了议程。秘书长致辞。\n";
static const char en_text[] =
    "Conference on Disarmament\n\n"
    "1. The Conference opened on 23 January 2018. The President declared the session open.\n\n"
    "2. Delegations welcomed the new members. The Conference adopted its agenda. The Secretary-General "
    "addressed the Conference.\n";
static const char dict_text[] = "conference @ 会议\nagenda @ 议程\nmembers @ 成员\n";

static char dir[256], out_path[300], dict_path[300];

/* Allocations counted after each step (shown for the reference run). */
static const char *step_names[] = {"context", "dictionary", "document", "align", "select", "writer open",
                                   "writer add", "writer commit"};
static unsigned long steps[8];
#define STEP(k) (steps[k] = pa_alloc_count())

/* One run's outcome: the TMX bytes written (when it got that far). */
typedef struct run_result {
    int failed_oom; /* some call failed with "out of memory" */
    int bad;        /* some call failed otherwise, or wrongly */
    char why[1100];
    size_t units;
    int has_dict; /* the context holds the dictionary */
} run_result;

/* True when `e` is the error an allocation failure must give. */
static int is_oom(const pa_error *e)
{
    return e->code == PA_EINTERNAL && strstr(e->msg, "out of memory (allocating ") != NULL;
}

/* Notes a failed call: fine if it is out of memory, bad otherwise. */
static void failed(run_result *r, const char *call, const pa_error *e)
{
    if (is_oom(e)) {
        r->failed_oom = 1;
    } else if (!r->bad) {
        r->bad = 1;
        snprintf(r->why, sizeof r->why, "%s: code %d, '%s'", call, e->code, e->msg);
    }
}

/* Temporary files left in the output folder ("." names with ".tmp-"). */
static int count_temps(void)
{
    int n = 0;
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d)))
        if (e->d_name[0] == '.' && strstr(e->d_name, ".tmp-")) n++;
    if (d) closedir(d);
    return n;
}

/* Reads the gzip file at `path` into `buf` with its creation date blanked
 * (it differs between runs); the size, or -1. */
static long slurp(const char *path, char *buf, size_t cap)
{
    gzFile f = gzopen(path, "rb");
    if (!f) return -1;
    int n = gzread(f, buf, (unsigned)cap - 1);
    gzclose(f);
    if (n < 0) return -1;
    buf[n] = '\0';
    for (char *p = buf; (p = strstr(p, "creationdate=\"")) != NULL; p++)
        for (char *q = p + 14; *q && *q != '"'; q++) *q = '0';
    return n;
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (!f || fputs(text, f) < 0 || fclose(f) != 0) {
        perror(path);
        exit(1);
    }
}

/* The calls of the run after the context is made; `ctx` survives. */
static void run_calls(pa_context *ctx, run_result *r)
{
    pa_error err = {0};
    pa_input in[2] = {{.bytes = zh_text, .len = sizeof zh_text - 1, .lang = "zh", .label = "cd"},
                      {.bytes = en_text, .len = sizeof en_text - 1, .lang = "en", .label = "cd"}};
    pa_document *d = pa_document_read(ctx, &in[1], NULL, &err);
    if (!d) return failed(r, "pa_document_read", &err);
    pa_document_free(d);
    STEP(2);
    pa_units *u = pa_align(ctx, in, 2, NULL, &err);
    if (!u) return failed(r, "pa_align", &err);
    r->units = pa_units_count(u);
    STEP(3);
    const char *pair[2] = {"en", "zh"};
    pa_units *v = pa_units_select(u, pair, 2, NULL, NULL);
    if (!v) {
        r->failed_oom = 1; /* its only failure */
        pa_units_free(u);
        return;
    }
    pa_units_free(v);
    STEP(4);
    const char *langs[2] = {"zh", "en"};
    pa_writer *w = pa_writer_open(out_path, langs, 2, NULL, &err);
    if (!w) {
        pa_units_free(u);
        return failed(r, "pa_writer_open", &err);
    }
    STEP(5);
    if (pa_writer_add(w, u, &err) != 0) {
        failed(r, "pa_writer_add", &err);
        /* a broken writer refuses to commit, and cleans up */
        pa_error e2 = {0};
        if (pa_writer_commit(w, &e2) == 0 && !r->bad) {
            r->bad = 1;
            snprintf(r->why, sizeof r->why, "pa_writer_commit after a failed add succeeded");
        }
        pa_units_free(u);
        return;
    }
    pa_units_free(u);
    STEP(6);
    if (pa_writer_commit(w, &err) != 0) return failed(r, "pa_writer_commit", &err);
    STEP(7);
}

/* The pair plus a third version (the English text standing for French)
 * aligned on two threads: the calling thread's allocations fail in turn,
 * among them those made after the threads have aligned the pairs (the
 * units), when a cleanup must free what the threads made. The units, or 0
 * with `err` set. */
static size_t align_on_threads(pa_context *ctx, pa_error *err)
{
    pa_input in[3] = {{.bytes = zh_text, .len = sizeof zh_text - 1, .lang = "zh", .label = "cd"},
                      {.bytes = en_text, .len = sizeof en_text - 1, .lang = "en", .label = "cd"},
                      {.bytes = en_text, .len = sizeof en_text - 1, .lang = "fr", .label = "cd"}};
    pa_align_options o = PA_ALIGN_OPTIONS_INIT;
    o.threads = 2;
    pa_units *u = pa_align(ctx, in, 3, &o, err);
    if (!u) return 0;
    size_t n = pa_units_count(u);
    pa_units_free(u);
    return n;
}

/* align_on_threads with each allocation of the calling thread failing in
 * turn: every run must fail with "out of memory", and the context then
 * align as before. */
static void oom_on_threads(void)
{
    pa_error err = {0};
    pa_context *ctx = pa_context_new(NULL, &err);
    if (!ok(ctx != NULL, "a context for the threads' runs")) return;
    /* counted on the second run: the first also fills the context's pools */
    size_t ref = align_on_threads(ctx, &err);
    unsigned long before = pa_alloc_count();
    ref = ref ? align_on_threads(ctx, &err) : 0;
    unsigned long count = pa_alloc_count() - before;
    ok(ref >= 4, "three versions on two threads: %zu units, %lu allocations of the calling thread", ref, count);
    unsigned long tried = 0, oom = 0, bad = 0, again_bad = 0;
    for (unsigned long n = 1; n <= count; n++) {
        pa_error_clear(&err);
        pa_alloc_fail_at(n);
        size_t got = align_on_threads(ctx, &err);
        pa_alloc_fail_at(0);
        tried++;
        if (got == 0 && is_oom(&err)) oom++;
        else if (bad++ < 5) diag("allocation %lu: %zu units, '%s'", n, got, err.msg);
        if (align_on_threads(ctx, &err) != ref && again_bad++ < 5) diag("allocation %lu: the context then failed", n);
    }
    ok(tried > 0 && oom == tried, "on two threads, each of %lu failing allocations failed the call with out of "
       "memory (%lu did)", tried, oom);
    ok(again_bad == 0, "after each, the context aligned the three versions again (%lu times it did not)", again_bad);
    pa_context_free(ctx);
}

/* A pair big enough that the last pass's backward table is made on a
 * second thread (aligner.c: a band of 500,000 cells or more): n sentences
 * a side, one a line, of random lengths (seeded), the English ones about
 * three times as long. */
static char *big_side(size_t n, int zh, unsigned seed)
{
    char *text = malloc(n * 200 + 1), *p = text;
    if (!text) exit(1);
    for (size_t i = 0; i < n; i++) {
        seed = seed * 1103515245u + 12345u;
        unsigned words = 3 + (seed >> 16) % 25;
        for (unsigned w = 0; w < words; w++) {
            if (zh) p += sprintf(p, "%s", "字");
            else p += sprintf(p, "%sw%u", w ? " " : "", (seed >> (w % 16)) % 97);
        }
        p += sprintf(p, "%s\n", zh ? "。" : ".");
    }
    *p = '\0';
    return text;
}

/* The aligner's debug line says when the backward job starts; the
 * callback runs on the calling thread, so it can make the `fail_after`-th
 * allocation of that thread from then on fail. */
static unsigned long fail_after;
static int job_seen;
static void note_job(void *data, int level, const char *message)
{
    (void)data, (void)level;
    if (!strstr(message, "the backward pass on a second thread")) return;
    job_seen = 1;
    if (fail_after) pa_alloc_fail_at(fail_after);
}

/* The big pair on two threads, the calling thread's allocations failing
 * while the backward job runs beside the forward pass (the 1st, 4th, 16th
 * and 64th after it starts): the call must fail with out of memory (its
 * cleanup stops and joins the job before the frame frees what the job
 * reads; the sanitizers see to the rest), and the context then align the
 * pair as before. */
static void oom_beside_job(void)
{
    const size_t n = 16000;
    char *zh = big_side(n, 1, 7), *en = big_side(n, 0, 7);
    pa_input in[2] = {{.bytes = zh, .len = strlen(zh), .lang = "zh", .label = "big"},
                      {.bytes = en, .len = strlen(en), .lang = "en", .label = "big"}};
    pa_align_options o = PA_ALIGN_OPTIONS_INIT;
    o.threads = 2, o.split = PA_SPLIT_LINES, o.log = note_job, o.log_level = PA_LOG_DEBUG;
    pa_error err = {0};
    pa_context *ctx = pa_context_new(NULL, &err);
    fail_after = 0, job_seen = 0;
    pa_units *u = ctx ? pa_align(ctx, in, 2, &o, &err) : NULL;
    size_t ref = u ? pa_units_count(u) : 0;
    pa_units_free(u);
    if (ok(ref > 0 && job_seen, "a %zu-sentence pair on two threads: %zu units, the backward job ran", n, ref)) {
        unsigned long bad = 0;
        const unsigned long at[] = {1, 4, 16, 64};
        for (size_t k = 0; k < sizeof at / sizeof *at; k++) {
            pa_error_clear(&err);
            fail_after = at[k], job_seen = 0;
            u = pa_align(ctx, in, 2, &o, &err);
            pa_alloc_fail_at(0);
            fail_after = 0;
            if (u || !job_seen || !is_oom(&err)) {
                if (bad++ < 3) diag("allocation %lu after the job's start: %s '%s'", at[k], u ? "succeeded" : "failed", err.msg);
            }
            pa_units_free(u);
        }
        ok(bad == 0, "the 1st, 4th, 16th or 64th allocation after the job's start failing fails the call with out of "
           "memory (%lu did not)", bad);
        u = pa_align(ctx, in, 2, &o, &err);
        ok(u && pa_units_count(u) == ref, "then the context aligns the pair as before");
        pa_units_free(u);
    }
    pa_context_free(ctx);
    free(zh), free(en);
}

/* The whole run; the context is freed unless `keep` takes it. */
static void run(run_result *r, pa_context **keep)
{
    memset(r, 0, sizeof *r);
    pa_error err = {0};
    pa_context *ctx = pa_context_new(NULL, &err);
    if (!ctx) return failed(r, "pa_context_new", &err);
    STEP(0);
    if (pa_context_add_dictionary(ctx, "zh", "en", dict_path, &err) != 0) {
        failed(r, "pa_context_add_dictionary", &err);
    } else {
        STEP(1);
        r->has_dict = 1;
        run_calls(ctx, r);
    }
    if (keep) *keep = ctx;
    else pa_context_free(ctx);
}

int main(void)
{
    xmlInitParser();
    snprintf(dir, sizeof dir, "%s/polyalign-oom.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    snprintf(out_path, sizeof out_path, "%s/out.tmx.gz", dir);
    snprintf(dict_path, sizeof dict_path, "%s/tiny.dict", dir);
    write_file(dict_path, dict_text);
    setenv("POLYALIGN_CACHE_DIR", "off", 1); /* the same allocations in every run */

    /* the reference run, counting allocations */
    run_result ref;
    unsigned long before = pa_alloc_count();
    run(&ref, NULL);
    unsigned long count = pa_alloc_count() - before;
    static char ref_tmx[1 << 16], got[1 << 16];
    long ref_len = slurp(out_path, ref_tmx, sizeof ref_tmx);
    if (!ok(!ref.bad && !ref.failed_oom && ref_len > 0 && ref.units >= 4,
            "the reference run: %zu units, %ld bytes of TMX, %lu allocations", ref.units, ref_len, count)) {
        diag("%s", ref.why);
        return done_testing();
    }
    for (int k = 0; k < 8; k++)
        diag("allocations of %s: %lu", step_names[k], steps[k] - (k ? steps[k - 1] : before));
    unsigned long stride = getenv("OOM_STRIDE") ? strtoul(getenv("OOM_STRIDE"), NULL, 10) : 1;
    if (stride == 0) stride = 1;
    unsigned long tried = 0, oom_failures = 0, successes = 0, bad = 0, temps = 0, reruns_bad = 0;
    for (unsigned long n = 1; n <= count; n += stride) {
        write_file(out_path, "older\n"); /* an output from before: kept when the run fails */
        run_result r;
        pa_context *ctx = NULL;
        pa_alloc_fail_at(n);
        run(&r, &ctx);
        pa_alloc_fail_at(0);
        tried++;
        if (r.bad) {
            if (bad++ < 5) diag("allocation %lu: %s", n, r.why);
        } else if (r.failed_oom) {
            oom_failures++;
            char now[16] = "";
            FILE *o = fopen(out_path, "r");
            if (o) {
                if (!fgets(now, sizeof now, o)) now[0] = '\0';
                fclose(o);
            }
            if (strcmp(now, "older\n") != 0 && bad++ < 5) diag("allocation %lu: the older output is gone", n);
        } else {
            if (successes++ < 5) diag("allocation %lu failed and the run succeeded", n);
        }
        if (count_temps() > 0) {
            if (temps++ < 5) diag("allocation %lu: a temporary file is left", n);
        }
        /* the context that survived a failure still aligns as before */
        if (ctx && r.failed_oom) {
            run_result again;
            memset(&again, 0, sizeof again);
            unlink(out_path);
            pa_error e = {0};
            if (!r.has_dict && pa_context_add_dictionary(ctx, "zh", "en", dict_path, &e) != 0)
                failed(&again, "pa_context_add_dictionary", &e);
            else
                run_calls(ctx, &again);
            long len = slurp(out_path, got, sizeof got);
            if (again.bad || again.failed_oom || len != ref_len || memcmp(got, ref_tmx, (size_t)len) != 0) {
                if (reruns_bad++ < 5)
                    diag("allocation %lu: the context then gave %zu units (%s)", n, again.units, again.why);
            }
        }
        pa_context_free(ctx);
    }
    ok(tried > 0 && bad == 0, "%lu runs with one allocation failing: each call succeeded or said out of memory (%lu "
       "failed so, %lu succeeded)", tried, oom_failures, successes);
    ok(oom_failures == tried, "every failing allocation made the run fail (%lu of %lu)", oom_failures, tried);
    ok(temps == 0, "no temporary file left after a failed run (%lu left one)", temps);
    ok(reruns_bad == 0, "after each failure the context writes the reference TMX again (%lu runs did not)", reruns_bad);

    oom_on_threads();
    oom_beside_job();

    unlink(out_path);
    unlink(dict_path);
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0) diag("could not remove %s", dir);
    xmlCleanupParser();
    return done_testing();
}
