/* writers.c - the table of output formats and the public pa_writer. */
#include "align/writers/writer.h"
#include "align/util/alloc.h"
#include "align/util/buf.h"
#include "tmx/langtag.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* One line a format. */
static const pa_format *const formats[] = {
    &pa_format_tmx, &pa_format_tsv, &pa_format_beads, &pa_format_moses, &pa_format_report,
};
#define N_FORMATS (sizeof formats / sizeof *formats)

struct pa_writer {
    const pa_format *fmt;
    void *state;
    size_t n_langs;
    double min_score;
    pa_writer_counts counts;
    char **tmx_tags;
    int broken; /* an add ran out of memory: only pa_writer_abort is left */
};

int pa_writer_options_init(pa_writer_options *o, unsigned version)
{
    if (version != PA_WRITER_OPTIONS_VERSION) return -1;
    *o = (pa_writer_options)PA_WRITER_OPTIONS_INIT;
    return 0;
}

const char *pa_writer_format(size_t k)
{
    /* every format, then the compressed forms of those that have a suffix */
    static const char *const gz[] = {"tmx.gz", "tsv.gz", "beads.gz", "moses.gz"};
    if (k < N_FORMATS) return formats[k]->name;
    k -= N_FORMATS;
    return k < sizeof gz / sizeof *gz ? gz[k] : NULL;
}

static int has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcasecmp(s + n - k, suffix) == 0;
}

const pa_format *pa_format_by_name(const char *name, int *gzip)
{
    char base[32];
    size_t n = strlen(name);
    *gzip = has_suffix(name, ".gz");
    if (*gzip) n -= 3;
    if (n >= sizeof base) return NULL;
    memcpy(base, name, n), base[n] = '\0';
    if (strcasecmp(base, "align") == 0) return &pa_format_beads;
    for (size_t k = 0; k < N_FORMATS; k++)
        if (strcasecmp(base, formats[k]->name) == 0) return formats[k];
    return NULL;
}

const pa_format *pa_format_by_path(const char *path, int *gzip)
{
    *gzip = has_suffix(path, ".gz");
    char stem[4096];
    size_t n = strlen(path) - (*gzip ? 3 : 0);
    if (n >= sizeof stem) return NULL;
    memcpy(stem, path, n), stem[n] = '\0';
    if (has_suffix(stem, ".align")) return &pa_format_beads;
    for (size_t k = 0; k < N_FORMATS; k++)
        if (formats[k]->suffix && has_suffix(stem, formats[k]->suffix)) return formats[k];
    return NULL;
}

/* pa_writer_open's work, inside its allocation frame. */
static pa_writer *open_writer(const char *path, const char *const *langs, size_t n_langs, const pa_writer_options *o,
                              pa_error *err)
{
    pa_writer_options defaults;
    if (!o) pa_writer_options_init(&defaults, PA_WRITER_OPTIONS_VERSION), o = &defaults;
    if (o->version != PA_WRITER_OPTIONS_VERSION) {
        pa_error_set(err, PA_EUSAGE, "writer options of version %u, expected %u", o->version,
                     PA_WRITER_OPTIONS_VERSION);
        return NULL;
    }
    int gzip = 0;
    const pa_format *fmt;
    if (o->format) {
        if (!(fmt = pa_format_by_name(o->format, &gzip))) {
            pa_error_set(err, PA_EUSAGE, "unknown format '%s'", o->format);
            return NULL;
        }
        if (pa_path_is_gzip(path)) gzip = 1; /* -f tmx -o x.tmx.gz, -f tsv -o x.gz */
    } else if (!(fmt = pa_format_by_path(path, &gzip))) {
        fmt = &pa_format_tsv;
    }
    if (fmt->max_langs && n_langs > fmt->max_langs) {
        pa_error_set(err, PA_EUSAGE, "the %s format holds %zu languages, not %zu", fmt->name, fmt->max_langs, n_langs);
        return NULL;
    }
    pa_writer *w = pa_calloc(1, sizeof *w);
    w->fmt = fmt, w->n_langs = n_langs, w->min_score = o->min_score;
    w->tmx_tags = pa_calloc(n_langs ? n_langs : 1, sizeof *w->tmx_tags);
    for (size_t l = 0; l < n_langs; l++)
        w->tmx_tags[l] = pa_strdup(o->tags && o->tags[l] ? o->tags[l] : pa_tmx_langtags_get(NULL, langs[l]));
    pa_writer_setup s = {langs, (const char *const *)w->tmx_tags, n_langs, gzip, o->inputs, o->n_inputs, o->min_score};
    if (!(w->state = fmt->open(path, &s, err))) {
        pa_writer_abort(w);
        return NULL;
    }
    return w;
}

pa_writer *pa_writer_open(const char *path, const char *const *langs, size_t n_langs, const pa_writer_options *o,
                          pa_error *err)
{
    pa_writer *w;
    PA_ALLOC_CALL(w, open_writer(path, langs, n_langs, o, err), err, NULL);
    return w;
}

/* pa_writer_add's work. It runs in a frame: what it allocates and keeps
 * must exist before (the formats reserve their buffers when they open), as a
 * failing add frees what it allocated. */
static int add_units(pa_writer *w, const pa_units *u, pa_error *err)
{
    if (pa_units_languages(u) != w->n_langs)
        return pa_error_set(err, PA_EUSAGE, "units of %zu languages given to a writer of %zu", pa_units_languages(u),
                            w->n_langs);
    pa_unit x;
    for (size_t i = 0; pa_units_get(u, i, &x) == 0; i++) {
        if (!w->fmt->every_unit) {
            size_t with_text = 0;
            for (size_t l = 0; l < w->n_langs; l++) with_text += x.count[l] > 0;
            if (with_text < 2) {
                w->counts.skipped++;
                continue;
            }
            if (x.score < w->min_score) {
                w->counts.dropped++;
                continue;
            }
        }
        int rc = w->fmt->unit(w->state, u, &x, err);
        if (rc < 0) return -1;
        if (rc == 0) w->counts.written++;
        else w->counts.skipped++;
    }
    return 0;
}

int pa_writer_add(pa_writer *w, const pa_units *u, pa_error *err)
{
    if (w->broken) return pa_error_set(err, PA_EUSAGE, "pa_writer_add: the writer failed before; abort it");
    int rc;
    PA_ALLOC_CALL(rc, add_units(w, u, err), err, (w->broken = 1, -1));
    return rc;
}

void pa_writer_get_counts(const pa_writer *w, pa_writer_counts *out)
{
    *out = w->counts;
}

size_t pa_writer_bytes(const pa_writer *w)
{
    return w->fmt->bytes ? w->fmt->bytes(w->state) : 0;
}

/* Frees what the writer itself holds. */
static void writer_free(pa_writer *w)
{
    for (size_t l = 0; l < w->n_langs; l++) pa_free(w->tmx_tags[l]);
    pa_free(w->tmx_tags);
    pa_free(w);
}

int pa_writer_commit(pa_writer *w, pa_error *err)
{
    if (w->broken) {
        pa_writer_abort(w);
        return pa_error_set(err, PA_EUSAGE, "pa_writer_commit: the writer failed before; nothing was written");
    }
    int rc = w->fmt->commit(w->state, err);
    writer_free(w);
    return rc;
}

void pa_writer_abort(pa_writer *w)
{
    if (!w) return;
    if (w->state) w->fmt->abort(w->state);
    writer_free(w);
}
