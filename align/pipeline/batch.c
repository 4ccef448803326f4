/* batch.c - see batch.h. */
#include "config.h"

#include "align/pipeline/batch.h"
#include "align/text/lang.h"
#include "align/util/alloc.h"
#include "align/util/buf.h"
#include "align/util/error.h"
#include "align/util/output.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

/* A file found, before grouping. */
typedef struct entry {
    char *docid, *path;
    char lang[PA_LANG_MAX];
} entry;

typedef struct entries {
    entry *items;
    size_t n, cap;
} entries;

/* Adds a file of set `docid` (`docid_len` bytes); takes `path`. */
static void entries_add(entries *e, const char *docid, size_t docid_len, char *path, const char *lang)
{
    PA_GROW(e->items, e->cap, e->n + 1);
    entry *x = &e->items[e->n++];
    x->docid = pa_strndup(docid, docid_len);
    x->path = path;
    snprintf(x->lang, sizeof x->lang, "%s", lang);
}

/* Frees the entries and the paths not handed to a set. */
static void entries_free(entries *e)
{
    for (size_t k = 0; k < e->n; k++) pa_free(e->items[k].docid), pa_free(e->items[k].path);
    pa_free(e->items);
}

/* The set named `docid`, added when new (linear: sets are grouped once). */
static pa_batch_set *set_for(pa_batch *b, const char *docid)
{
    for (size_t k = b->n; k-- > 0;)
        if (strcmp(b->sets[k].docid, docid) == 0) return &b->sets[k];
    PA_GROW(b->sets, b->cap, b->n + 1);
    pa_batch_set *s = &b->sets[b->n++];
    memset(s, 0, sizeof *s);
    s->docid = pa_strdup(docid);
    return s;
}

/* Moves the entries into sets (takes their paths). */
static void group(pa_batch *b, entries *e)
{
    for (size_t k = 0; k < e->n; k++) {
        pa_batch_set *s = set_for(b, e->items[k].docid);
        PA_GROW(s->files, s->cap_files, s->n_files + 1);
        pa_batch_file *f = &s->files[s->n_files++];
        f->path = e->items[k].path;
        memcpy(f->lang, e->items[k].lang, sizeof f->lang);
        e->items[k].path = NULL;
    }
}

/* Splits a base name DOCID.LANG.EXT[.gz] into the DOCID's length and the
 * LANG (canonical, via pa_input_language); -1 for other names. */
static int split_name(const char *path, const char *base, size_t *docid_len, char lang[PA_LANG_MAX])
{
    size_t n = strlen(base);
    if (n > 3 && strcasecmp(base + n - 3, ".gz") == 0) n -= 3;
    const char *ext = NULL, *dot = NULL;
    for (size_t k = n; k-- > 0;)
        if (base[k] == '.') {
            if (!ext) ext = base + k;
            else {
                dot = base + k;
                break;
            }
        }
    if (!dot || dot == base || ext - dot < 2) return -1;
    char given[PA_LANG_MAX];
    size_t len = (size_t)(ext - dot - 1);
    if (len >= sizeof given) return -1;
    memcpy(given, dot + 1, len), given[len] = '\0';
    pa_input in = {.path = path, .lang = given};
    if (pa_input_language(&in, lang, PA_LANG_MAX, NULL) != 0) return -1;
    *docid_len = (size_t)(dot - base);
    return 0;
}

int pa_batch_scan_dir(pa_batch *b, const char *dir, pa_error *err)
{
    DIR *d = opendir(dir);
    if (!d) return pa_error_set(err, PA_EINPUT, "%s: cannot read the directory: %s", dir, strerror(errno));
    entries e = {0};
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.') continue;
        size_t n = strlen(dir) + strlen(de->d_name) + 2;
        char *path = pa_malloc(n);
        snprintf(path, n, "%s/%s", dir, de->d_name);
        struct stat st;
        size_t docid_len;
        char lang[PA_LANG_MAX];
        if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
            pa_free(path);
            continue;
        }
        if (split_name(path, de->d_name, &docid_len, lang) != 0) {
            b->unnamed++;
            pa_free(path);
            continue;
        }
        entries_add(&e, de->d_name, docid_len, path, lang);
    }
    closedir(d);
    group(b, &e);
    entries_free(&e);
    return 0;
}

/* Strips a trailing "\r\n" or "\n". */
static void chomp(char *line)
{
    size_t n = strlen(line);
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = '\0';
}

/* `path` taken from the manifest's directory unless absolute. */
static char *manifest_path(const char *manifest, const char *path)
{
    const char *slash = strrchr(manifest, '/');
    if (path[0] == '/' || !slash) return pa_strdup(path);
    size_t dirlen = (size_t)(slash - manifest) + 1, n = dirlen + strlen(path) + 1;
    char *p = pa_malloc(n);
    snprintf(p, n, "%.*s%s", (int)dirlen, manifest, path);
    return p;
}

int pa_batch_read_manifest(pa_batch *b, const char *path, pa_error *err)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
    if (!f) return pa_error_set(err, PA_EINPUT, "%s: cannot open: %s", path, strerror(errno));
    entries e = {0};
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    int rc = 0;
    while (rc == 0 && getline(&line, &cap, f) != -1) {
        lineno++;
        chomp(line);
        const char *p = line;
        while (*p == ' ' || *p == '\t') p++;
        if (*p == '\0' || *p == '#') continue;
        char *tab1 = strchr(line, '\t'), *tab2 = tab1 ? strchr(tab1 + 1, '\t') : NULL;
        if (!tab2 || strchr(tab2 + 1, '\t') || tab1 == line || tab2 == tab1 + 1 || tab2[1] == '\0') {
            rc = pa_error_set(err, PA_EINPUT, "%s:%zu: expected docid<TAB>lang<TAB>path", path, lineno);
            break;
        }
        *tab1 = *tab2 = '\0';
        if (strchr(line, '/')) {
            rc = pa_error_set(err, PA_EINPUT, "%s:%zu: docid '%s' holds a '/'", path, lineno, line);
            break;
        }
        char lang[PA_LANG_MAX];
        pa_error e2;
        pa_input in = {.path = tab2 + 1, .lang = tab1 + 1};
        if (pa_input_language(&in, lang, sizeof lang, &e2) != 0) {
            rc = pa_error_set(err, PA_EINPUT, "%s:%zu: %s", path, lineno, e2.msg);
            break;
        }
        entries_add(&e, line, strlen(line), manifest_path(path, tab2 + 1), lang);
    }
    if (rc == 0 && ferror(f)) rc = pa_error_set(err, PA_EINPUT, "%s: read error: %s", path, strerror(errno));
    pa_free(line);
    if (f != stdin) fclose(f);
    if (rc == 0) group(b, &e);
    entries_free(&e);
    return rc;
}

/* Orders sets by DOCID, bytewise: the same order everywhere, for --shard. */
static int by_docid(const void *a, const void *b)
{
    return strcmp(((const pa_batch_set *)a)->docid, ((const pa_batch_set *)b)->docid);
}

/* Orders a set's files by tag. */
static int by_lang(const void *a, const void *b)
{
    return strcmp(((const pa_batch_file *)a)->lang, ((const pa_batch_file *)b)->lang);
}

void pa_batch_sort(pa_batch *b)
{
    if (b->n > 1) qsort(b->sets, b->n, sizeof *b->sets, by_docid);
    for (size_t k = 0; k < b->n; k++)
        if (b->sets[k].n_files > 1) qsort(b->sets[k].files, b->sets[k].n_files, sizeof *b->sets[k].files, by_lang);
}

int pa_batch_parse_shard(const char *spec, unsigned *k, unsigned *n, pa_error *err)
{
    char *end;
    errno = 0;
    unsigned long a = strtoul(spec, &end, 10);
    if (errno || end == spec || *end != '/' || spec[0] == '-')
        return pa_error_set(err, PA_EUSAGE, "--shard: '%s' is not K/N", spec);
    const char *q = end + 1;
    unsigned long c = strtoul(q, &end, 10);
    if (errno || end == q || *end || q[0] == '-' || c == 0 || c > 1000000 || a < 1 || a > c)
        return pa_error_set(err, PA_EUSAGE, "--shard: '%s' is not K/N with 1 <= K <= N", spec);
    *k = (unsigned)a, *n = (unsigned)c;
    return 0;
}

/* Frees what a set owns (not the set itself). */
static void set_free(pa_batch_set *s)
{
    for (size_t f = 0; f < s->n_files; f++) pa_free(s->files[f].path);
    pa_free(s->files), pa_free(s->docid), pa_free(s->reason), pa_free(s->sentences);
}

void pa_batch_shard(pa_batch *b, unsigned k, unsigned n)
{
    size_t kept = 0;
    for (size_t i = 0; i < b->n; i++) {
        if (i % n == k - 1) b->sets[kept++] = b->sets[i];
        else set_free(&b->sets[i]);
    }
    b->n = kept;
}

int pa_batch_prepare(pa_batch_set *s, const char *pivot, pa_error *err)
{
    char want[PA_LANG_MAX], code[PA_LANG_MAX], prev[PA_LANG_MAX] = "";
    if (pa_lang_normalize(pivot, want, err) != 0) return -1;
    size_t at = s->n_files;
    for (size_t f = 0; f < s->n_files; f++) {
        if (pa_lang_normalize(s->files[f].lang, code, NULL) != 0) code[0] = '\0';
        if (f > 0 && strcmp(code, prev) == 0)
            return pa_error_set(err, PA_EINPUT, "two %s versions (%s, %s)", code, s->files[f - 1].path,
                                s->files[f].path);
        memcpy(prev, code, sizeof prev);
        if (strcmp(code, want) == 0) at = f;
    }
    if (s->n_files < 2)
        return pa_error_set(err, PA_EINPUT, "only one language (%s: %s)", s->files[0].lang, s->files[0].path);
    if (at == s->n_files) return pa_error_set(err, PA_EINPUT, "no %s version (the pivot)", want);
    pa_batch_file p = s->files[at];
    memmove(s->files + 1, s->files, at * sizeof *s->files);
    s->files[0] = p;
    return 0;
}

/* Orders tags bytewise. */
static int by_tag(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

const char **pa_batch_languages(pa_batch *b, const char *pivot, size_t *n)
{
    const char **tags = NULL;
    size_t cap = 0, count = 0, n_pivot = 0;
    char want[PA_LANG_MAX], code[PA_LANG_MAX];
    if (pa_lang_normalize(pivot, want, NULL) != 0) want[0] = '\0';
    for (size_t k = 0; k < b->n; k++) {
        pa_batch_set *s = &b->sets[k];
        if (pa_batch_prepare(s, pivot, NULL) != 0) continue;
        for (size_t f = 0; f < s->n_files; f++) {
            size_t q = 0;
            while (q < count && strcmp(tags[q], s->files[f].lang) != 0) q++;
            if (q < count) continue;
            PA_GROW(tags, cap, count + 1);
            tags[count++] = s->files[f].lang;
        }
    }
    /* the pivot's tags to the front, each part by tag */
    for (size_t q = 0; q < count; q++) {
        if (pa_lang_normalize(tags[q], code, NULL) != 0 || strcmp(code, want) != 0) continue;
        const char *t = tags[q];
        tags[q] = tags[n_pivot], tags[n_pivot++] = t;
    }
    if (n_pivot > 1) qsort(tags, n_pivot, sizeof *tags, by_tag);
    if (count - n_pivot > 1) qsort(tags + n_pivot, count - n_pivot, sizeof *tags, by_tag);
    *n = count;
    return tags;
}

void pa_batch_fail(pa_batch_set *s, const char *reason)
{
    pa_free(s->reason);
    s->reason = pa_strdup(reason);
    s->status = PA_BATCH_FAILED;
}

/* The status as run.json writes it. */
static const char *status_name(pa_batch_status s)
{
    switch (s) {
    case PA_BATCH_DONE: return "done";
    case PA_BATCH_SKIPPED: return "skipped";
    case PA_BATCH_FAILED: return "failed";
    default: return "pending";
    }
}

/* One set's object in run.json. */
static void report_set(pa_buf *j, const pa_batch_set *s)
{
    pa_buf_puts(j, "    {\"docid\": ");
    pa_buf_json_string(j, s->docid, strlen(s->docid));
    pa_buf_printf(j, ", \"status\": \"%s\", \"languages\": [", status_name(s->status));
    for (size_t f = 0; f < s->n_files; f++) {
        if (f) pa_buf_puts(j, ", ");
        pa_buf_json_string(j, s->files[f].lang, strlen(s->files[f].lang));
    }
    pa_buf_puts(j, "]");
    if (s->status == PA_BATCH_DONE) {
        pa_buf_puts(j, ", \"sentences\": {");
        for (size_t f = 0; f < s->n_files; f++) {
            if (f) pa_buf_puts(j, ", ");
            pa_buf_json_string(j, s->files[f].lang, strlen(s->files[f].lang));
            pa_buf_printf(j, ": %zu", s->sentences ? s->sentences[f] : 0);
        }
        pa_buf_printf(j, "}, \"units\": %zu, \"mean_score\": %.4f", s->units, s->mean_score);
    }
    if (s->status == PA_BATCH_DONE || s->status == PA_BATCH_FAILED) pa_buf_printf(j, ", \"seconds\": %.3f", s->seconds);
    if (s->reason) {
        pa_buf_puts(j, ", \"reason\": ");
        pa_buf_json_string(j, s->reason, strlen(s->reason));
    }
    pa_buf_puts(j, "}");
}

int pa_batch_write_report(const pa_batch *b, const char *path, double seconds, unsigned threads, pa_error *err)
{
    pa_buf j = PA_BUF_INIT;
    size_t count[4] = {0}, sentences = 0, units = 0;
    pa_buf_puts(&j, "{\n  \"sets\": [\n");
    for (size_t k = 0; k < b->n; k++) {
        const pa_batch_set *s = &b->sets[k];
        count[s->status]++;
        if (s->status == PA_BATCH_DONE) {
            units += s->units;
            for (size_t f = 0; f < s->n_files && s->sentences; f++) sentences += s->sentences[f];
        }
        report_set(&j, s);
        pa_buf_puts(&j, k + 1 < b->n ? ",\n" : "\n");
    }
    pa_buf_printf(&j,
                  "  ],\n  \"totals\": {\"sets\": %zu, \"done\": %zu, \"skipped\": %zu, \"failed\": %zu, "
                  "\"sentences\": %zu, \"units\": %zu, \"seconds\": %.3f, \"threads\": %u}\n}\n",
                  b->n, count[PA_BATCH_DONE], count[PA_BATCH_SKIPPED], count[PA_BATCH_FAILED], sentences, units,
                  seconds, threads);
    pa_output *o = pa_output_open(path, 0, err);
    int rc = o ? pa_output_write(o, j.data, j.len, err) : -1;
    if (o && rc == 0) rc = pa_output_commit(o, err);
    else pa_output_abort(o);
    pa_buf_free(&j);
    return rc;
}

void pa_batch_free(pa_batch *b)
{
    for (size_t k = 0; k < b->n; k++) set_free(&b->sets[k]);
    pa_free(b->sets);
    b->sets = NULL, b->n = b->cap = 0;
}
