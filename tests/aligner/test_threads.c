/* test_threads.c - the library aligns documents on several threads at once.
 *
 * The same document pair is aligned on one thread, then on four threads
 * together; every thread must produce exactly the single-threaded beads
 * and scores (no shared mutable state). */
#include "align/aligner/aligner.h"
#include "align/segment/load.h"
#include "tests/tap.h"

#include <libxml/parser.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

typedef struct job {
    const pa_document *src, *tgt;
    pa_alignment out;
    int rc;
} job;

static void *run(void *arg)
{
    job *j = arg;
    pa_error err;
    j->rc = pa_align_documents(j->src, j->tgt, NULL, &j->out, &err);
    return NULL;
}

static int same(const pa_alignment *a, const pa_alignment *b)
{
    if (a->n != b->n) return 0;
    for (size_t k = 0; k < a->n; k++)
        if (memcmp(&a->beads[k], &b->beads[k], sizeof *a->beads) != 0) return 0;
    return 1;
}

int main(void)
{
    const char *top = getenv("top_srcdir");
    char zh[4096], en[4096];
    snprintf(zh, sizeof zh, "%s/corpora/sample/cd-note.zh.sent", top ? top : ".");
    snprintf(en, sizeof en, "%s/corpora/sample/cd-note.en.sent", top ? top : ".");
    pa_error err;
    pa_load_opts zo = {.lang = "zh", .presplit = 1}, eo = {.lang = "en", .presplit = 1};
    pa_document *s = pa_load_document(zh, &zo, NULL, &err), *t = s ? pa_load_document(en, &eo, NULL, &err) : NULL;
    if (!ok(s && t, "sample documents load")) {
        diag("%s", err.msg);
        return done_testing();
    }
    job one = {s, t, {0}, 0};
    run(&one);
    ok(one.rc == 0 && one.out.n > 0, "single-threaded alignment: %zu beads", one.out.n);
    job jobs[4];
    pthread_t th[4];
    for (int k = 0; k < 4; k++) {
        jobs[k] = (job){s, t, {0}, 0};
        pthread_create(&th[k], NULL, run, &jobs[k]);
    }
    for (int k = 0; k < 4; k++) pthread_join(th[k], NULL);
    for (int k = 0; k < 4; k++) {
        ok(jobs[k].rc == 0 && same(&jobs[k].out, &one.out), "thread %d: same beads and scores", k);
        pa_alignment_free(&jobs[k].out);
    }
    pa_alignment_free(&one.out);
    pa_document_free(s);
    pa_document_free(t);
    xmlCleanupParser();
    return done_testing();
}
