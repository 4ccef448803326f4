/* test_batch.c - the document sets of `polyalign batch` on the cases of
 * batch.cases: directory scans and manifests grouped and sorted, shards,
 * the pivot put first, failing sets, malformed manifest lines; and the
 * parsing of --shard. */
#include "align/pipeline/batch.h"
#include "align/util/buf.h"
#include "tests/tap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct test_case {
    char desc[256];
    char files[1024];
    pa_buf manifest;
    int has_manifest;
    unsigned shard_k, shard_n;
    char sets[1024];
    int has_sets;
    long unnamed;
    char error[256];
    char prepare[1024];
} test_case;

/* Makes an empty directory under TMPDIR; returns its name (to free). */
static char *make_dir(void)
{
    const char *tmp = getenv("TMPDIR");
    char *d = malloc(4096);
    snprintf(d, 4096, "%s/test_batch.XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(d)) {
        perror("mkdtemp");
        exit(1);
    }
    return d;
}

/* Removes the files of `dir` made for a case, then `dir`. */
static void remove_dir(const char *dir, const test_case *t)
{
    char list[1024], path[4200];
    snprintf(list, sizeof list, "%s manifest.tsv", t->files);
    for (char *name = strtok(list, " "); name; name = strtok(NULL, " ")) {
        snprintf(path, sizeof path, "%s/%s", dir, name);
        unlink(path);
    }
    rmdir(dir);
}

/* The sets as the cases write them: "a=en,zh b=en". */
static void describe(const pa_batch *b, pa_buf *out)
{
    for (size_t k = 0; k < b->n; k++) {
        const pa_batch_set *s = &b->sets[k];
        pa_buf_printf(out, "%s%s=", k ? " " : "", s->docid);
        for (size_t f = 0; f < s->n_files; f++) pa_buf_printf(out, "%s%s", f ? "," : "", s->files[f].lang);
    }
}

static void run_case(test_case *t)
{
    char *dir = make_dir();
    pa_batch b = PA_BATCH_INIT;
    pa_error err;
    pa_error_clear(&err);
    int rc;
    if (t->has_manifest) {
        char path[4200];
        snprintf(path, sizeof path, "%s/manifest.tsv", dir);
        FILE *f = fopen(path, "w");
        fwrite(t->manifest.data ? t->manifest.data : "", 1, t->manifest.len, f);
        fclose(f);
        rc = pa_batch_read_manifest(&b, path, &err);
    } else {
        char list[1024], path[4200];
        snprintf(list, sizeof list, "%s", t->files);
        for (char *name = strtok(list, " "); name; name = strtok(NULL, " ")) {
            snprintf(path, sizeof path, "%s/%s", dir, name);
            FILE *f = fopen(path, "w");
            fputs("x\n", f);
            fclose(f);
        }
        rc = pa_batch_scan_dir(&b, dir, &err);
    }
    if (t->error[0]) {
        ok(rc != 0 && strstr(err.msg, t->error) != NULL, "%s: error holding '%s' (%s)", t->desc, t->error, err.msg);
    } else if (!ok(rc == 0, "%s: read (%s)", t->desc, rc == 0 ? "ok" : err.msg)) {
        /* nothing more to check */
    } else {
        pa_batch_sort(&b);
        if (t->shard_n) pa_batch_shard(&b, t->shard_k, t->shard_n);
        if (t->has_sets) {
            pa_buf got = PA_BUF_INIT;
            describe(&b, &got);
            ok(strcmp(got.data ? got.data : "", t->sets) == 0, "%s: sets '%s' (got '%s')", t->desc, t->sets,
               got.data ? got.data : "");
            pa_buf_free(&got);
        }
        if (t->unnamed >= 0)
            ok(b.unnamed == (size_t)t->unnamed, "%s: %ld unnamed (got %zu)", t->desc, t->unnamed, b.unnamed);
        if (t->prepare[0]) {
            char pivot[64] = "", *sp = strchr(t->prepare, ' ');
            snprintf(pivot, sizeof pivot, "%.*s", sp ? (int)(sp - t->prepare) : 0, t->prepare);
            pa_buf got = PA_BUF_INIT, want = PA_BUF_INIT;
            pa_buf_puts(&want, sp ? sp + 1 : "");
            for (size_t k = 0; k < b.n; k++) {
                pa_batch_set *s = &b.sets[k];
                pa_error e2;
                pa_error_clear(&e2);
                if (pa_batch_prepare(s, pivot, &e2) == 0) {
                    pa_buf_printf(&got, "%s%s=", k ? " " : "", s->docid);
                    for (size_t f = 0; f < s->n_files; f++) pa_buf_printf(&got, "%s%s", f ? "," : "", s->files[f].lang);
                } else {
                    /* the expected word must be in the reason: keep the word if so */
                    const char *at = strstr(want.data, s->docid);
                    const char *bang = at ? strchr(at, '!') : NULL;
                    char word[64] = "";
                    if (bang) sscanf(bang + 1, "%63[^ ]", word);
                    pa_buf_printf(&got, "%s%s!%s", k ? " " : "", s->docid,
                                  word[0] && strstr(e2.msg, word) ? word : e2.msg);
                }
            }
            ok(strcmp(got.data ? got.data : "", want.data) == 0, "%s: prepare with pivot %s: '%s' (got '%s')",
               t->desc, pivot, want.data, got.data ? got.data : "");
            pa_buf_free(&got), pa_buf_free(&want);
        }
    }
    pa_batch_free(&b);
    remove_dir(dir, t);
    free(dir);
}

static void reset(test_case *t)
{
    pa_buf_free(&t->manifest);
    memset(t, 0, sizeof *t);
    t->unnamed = -1;
}

/* Reads the cases file and runs each case. */
static void run_file(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        ok(0, "cannot open %s", path);
        return;
    }
    test_case t;
    memset(&t, 0, sizeof t);
    reset(&t);
    char line[2048];
    int open_case = 0;
    for (;;) {
        char *got = fgets(line, sizeof line, f);
        if (got) line[strcspn(line, "\n")] = '\0';
        if (!got || line[0] == '\0') {
            if (open_case) run_case(&t);
            reset(&t);
            open_case = 0;
            if (!got) break;
            continue;
        }
        if (line[0] == '#') continue;
        char *arg = strchr(line, ' ');
        arg = arg ? arg + 1 : line + strlen(line);
        if (strncmp(line, "case ", 5) == 0) snprintf(t.desc, sizeof t.desc, "%s", arg), open_case = 1;
        else if (strncmp(line, "files ", 6) == 0) snprintf(t.files, sizeof t.files, "%s", arg);
        else if (strncmp(line, "line", 4) == 0) {
            for (char *p = arg; *p; p++)
                if (*p == '|') *p = '\t';
            pa_buf_puts(&t.manifest, arg);
            pa_buf_putc(&t.manifest, '\n');
            t.has_manifest = 1;
        } else if (strncmp(line, "shard ", 6) == 0) {
            pa_error e;
            ok(pa_batch_parse_shard(arg, &t.shard_k, &t.shard_n, &e) == 0, "%s: --shard %s parses", t.desc, arg);
        } else if (strncmp(line, "sets", 4) == 0) snprintf(t.sets, sizeof t.sets, "%s", arg), t.has_sets = 1;
        else if (strncmp(line, "unnamed ", 8) == 0) t.unnamed = strtol(arg, NULL, 10);
        else if (strncmp(line, "error ", 6) == 0) snprintf(t.error, sizeof t.error, "%s", arg);
        else if (strncmp(line, "prepare ", 8) == 0) snprintf(t.prepare, sizeof t.prepare, "%s", arg);
        else ok(0, "%s: unknown line '%s'", path, line);
    }
    fclose(f);
}

/* --shard values: good ones give K and N, bad ones are usage errors. */
static void test_shard_specs(void)
{
    static const struct {
        const char *spec;
        unsigned k, n; /* 0 = an error */
    } cases[] = {
        {"1/1", 1, 1}, {"2/5", 2, 5}, {"10/10", 10, 10}, {"0/2", 0, 0}, {"3/2", 0, 0}, {"1", 0, 0},
        {"1/0", 0, 0}, {"-1/2", 0, 0}, {"1/-2", 0, 0}, {"a/b", 0, 0}, {"1/2x", 0, 0}, {"", 0, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        unsigned k = 0, n = 0;
        pa_error e;
        pa_error_clear(&e);
        int rc = pa_batch_parse_shard(cases[i].spec, &k, &n, &e);
        if (cases[i].k) ok(rc == 0 && k == cases[i].k && n == cases[i].n, "--shard %s is %u/%u", cases[i].spec, cases[i].k, cases[i].n);
        else ok(rc != 0 && e.code == PA_EUSAGE && strstr(e.msg, "--shard"), "--shard '%s' is refused (%s)", cases[i].spec, e.msg);
    }
}

int main(void)
{
    const char *srcdir = getenv("top_srcdir");
    char path[4096];
    snprintf(path, sizeof path, "%s/tests/batch/batch.cases", srcdir ? srcdir : ".");
    run_file(path);
    test_shard_specs();
    return done_testing();
}
