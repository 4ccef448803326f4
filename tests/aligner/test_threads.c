/* test_threads.c - several threads align at once through the public API.
 *
 * One context is shared by every thread (its segmenter pool and
 * dictionaries are what threads contend for). The sample pair is aligned
 * from raw text (so each thread segments, taking segmenters from the pool)
 * on one thread, then on four threads together, twice over; every thread
 * must produce exactly the single-threaded units and scores. Then the
 * options' versions: 1 (before `threads`) still works, 3 is refused. */
#include "align/polyalign.h"
#include "tests/tap.h"

#include <libxml/parser.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct job {
    pa_context *ctx;
    const pa_input *in;
    pa_units *out;
    pa_error err;
} job;

static void *run(void *arg)
{
    job *j = arg;
    j->out = pa_align(j->ctx, j->in, 2, NULL, &j->err);
    return NULL;
}

/* Same units: sentence ranges, scores and texts. */
static int same(const pa_units *a, const pa_units *b)
{
    if (!a || !b || pa_units_count(a) != pa_units_count(b)) return 0;
    pa_unit x, y;
    for (size_t i = 0; pa_units_get(a, i, &x) == 0; i++) {
        pa_units_get(b, i, &y);
        if (x.score != y.score) return 0;
        for (size_t l = 0; l < 2; l++)
            if (x.first[l] != y.first[l] || x.count[l] != y.count[l] || x.len[l] != y.len[l] ||
                memcmp(x.text[l], y.text[l], x.len[l]) != 0)
                return 0;
    }
    return 1;
}

int main(void)
{
    const char *top = getenv("top_srcdir");
    char zh[4096], en[4096];
    snprintf(zh, sizeof zh, "%s/corpora/sample/cd-note.zh.txt", top ? top : ".");
    snprintf(en, sizeof en, "%s/corpora/sample/cd-note.en.txt", top ? top : ".");
    pa_input in[2] = {{.path = zh}, {.path = en}};
    xmlInitParser();
    pa_error err;
    pa_context *ctx = pa_context_new(NULL, &err);
    if (!ok(ctx != NULL, "a context")) {
        diag("%s", err.msg);
        return done_testing();
    }
    job one = {ctx, in, NULL, {0}};
    run(&one);
    if (!ok(one.out && pa_units_count(one.out) > 20, "single-threaded alignment: %zu units",
            one.out ? pa_units_count(one.out) : 0))
        diag("%s", one.err.msg);
    for (int round = 0; round < 2; round++) {
        job jobs[4];
        pthread_t th[4];
        for (int k = 0; k < 4; k++) {
            jobs[k] = (job){ctx, in, NULL, {0}};
            pthread_create(&th[k], NULL, run, &jobs[k]);
        }
        for (int k = 0; k < 4; k++) pthread_join(th[k], NULL);
        for (int k = 0; k < 4; k++) {
            ok(same(jobs[k].out, one.out), "round %d, thread %d: the same units and scores", round, k);
            pa_units_free(jobs[k].out);
        }
    }
    /* Options of version 1, from before `threads`: init writes their part
     * only, pa_align reads their part only (and runs on one thread); an
     * unknown version is refused. */
    struct {
        pa_align_options o;
        unsigned char after[16];
    } v1;
    memset(&v1, 0x5a, sizeof v1);
    int init1 = pa_align_options_init(&v1.o, 1);
    ok(init1 == 0 && v1.o.version == 1 && v1.o.max_bead == 6 && v1.o.threads == 0x5a5a5a5aU,
       "pa_align_options_init(o, 1) fills version 1's fields and nothing past them");
    pa_units *u1 = pa_align(ctx, in, 2, &v1.o, &err);
    ok(same(u1, one.out), "pa_align with version 1 options: the same units and scores");
    pa_units_free(u1);
    pa_align_options o3;
    ok(pa_align_options_init(&o3, 3) == -1, "pa_align_options_init refuses version 3");
    pa_align_options_init(&o3, PA_ALIGN_OPTIONS_VERSION);
    o3.version = 3;
    pa_units *u3 = pa_align(ctx, in, 2, &o3, &err);
    ok(!u3 && err.code == PA_EUSAGE, "pa_align refuses options of version 3: %s", err.msg);
    pa_units_free(u3);
    pa_units_free(one.out);
    pa_context_free(ctx);
    xmlCleanupParser();
    return done_testing();
}
