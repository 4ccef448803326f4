/* tmx_copy.c - see tmx_copy.h. */
#include "tmx/tmx_copy.h"
#include "tmx/langtag.h"
#include "tmx/tmx_writer.h"
#include "tmx/unit_key.h"
#include "align/pipeline/units.h"
#include "align/util/alloc.h"
#include "align/util/hashset.h"
#include "align/writers/writer.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Where units go: a TMX writer, or a writer of the table. */
typedef struct sink {
    pa_output *out;          /* TMX */
    pa_tmx_writer *tmx;
    pa_writer *w;            /* TSV, Moses */
    char **cols;             /* the writer's languages */
    size_t n_cols;
} sink;

typedef struct copier {
    const pa_tmx_copy_options *o;
    pa_tmx_copy_counts c;
    pa_hashset seen;
    pa_tmx_variant *v;       /* the current unit's variants as written */
    size_t cap_v;
    pa_tmx_prop *props;
    size_t cap_props;
    size_t reasons[8];       /* filter failures by reason */
    const char *reason_names[8];
} copier;

/* The tag `lang` is written as, after the retag rules. */
static const char *retagged(const pa_tmx_copy_options *o, const char *lang)
{
    for (size_t k = 0; k < o->n_retag; k++) {
        const char *eq = strchr(o->retag[k], '=');
        char from[64];
        size_t n = eq ? (size_t)(eq - o->retag[k]) : 0;
        if (!eq || n >= sizeof from) continue;
        memcpy(from, o->retag[k], n), from[n] = '\0';
        if (pa_tmx_langtag_is(lang, from)) return eq + 1;
    }
    return lang;
}

/* Fills cp->v with the variants of `u` to write: retagged, and narrowed
 * to o->langs when given (in that order). Returns how many, or (size_t)-1
 * when one of o->langs is missing. */
static size_t unit_variants(copier *cp, const pa_tmx_read_unit *u)
{
    const pa_tmx_copy_options *o = cp->o;
    PA_GROW(cp->v, cp->cap_v, u->n_variants + o->n_langs + 1);
    if (!o->langs) {
        for (size_t i = 0; i < u->n_variants; i++)
            cp->v[i] = (pa_tmx_variant){retagged(o, u->variants[i].lang), u->variants[i].text, u->variants[i].len,
                                        o->read.keep_markup};
        return u->n_variants;
    }
    for (size_t k = 0; k < o->n_langs; k++) {
        size_t i = 0;
        while (i < u->n_variants && !pa_tmx_langtag_is(retagged(o, u->variants[i].lang), o->langs[k])) i++;
        if (i == u->n_variants) return (size_t)-1;
        cp->v[k] = (pa_tmx_variant){retagged(o, u->variants[i].lang), u->variants[i].text, u->variants[i].len,
                                    o->read.keep_markup};
    }
    return o->n_langs;
}

/* Counts a filter failure by its reason. */
static void count_reason(copier *cp, const char *why)
{
    for (size_t k = 0; k < 8; k++) {
        if (!cp->reason_names[k]) cp->reason_names[k] = why;
        if (cp->reason_names[k] == why || strcmp(cp->reason_names[k], why) == 0) {
            cp->reasons[k]++;
            return;
        }
    }
}

/* Writes one unit: to TMX with its props, else as a one-unit pa_units. */
static int sink_unit(sink *s, copier *cp, const pa_tmx_read_unit *u, size_t n, pa_error *err)
{
    if (s->tmx) {
        PA_GROW(cp->props, cp->cap_props, u->n_props + 1);
        for (size_t i = 0; i < u->n_props; i++) cp->props[i] = (pa_tmx_prop){u->props[i].type, u->props[i].value};
        pa_tmx_unit tu = {.score = -1, .variants = cp->v, .n_variants = n, .props = cp->props,
                          .n_props = u->n_props};
        return pa_tmx_writer_add_unit(s->tmx, &tu, err);
    }
    const char **text = pa_calloc(s->n_cols, sizeof *text);
    size_t *len = pa_calloc(s->n_cols, sizeof *len);
    for (size_t l = 0; l < s->n_cols; l++)
        for (size_t i = 0; i < n && !text[l]; i++)
            if (pa_tmx_langtag_is(cp->v[i].lang, s->cols[l])) text[l] = cp->v[i].text, len[l] = cp->v[i].len;
    pa_units *one = pa_units_of_texts((const char *const *)s->cols, s->n_cols, u->document, u->score, text, len);
    int rc = pa_writer_add(s->w, one, err);
    pa_units_free(one);
    pa_free(text), pa_free(len);
    return rc;
}

/* Copies the units of one input. */
static int copy_file(copier *cp, sink *s, const char *path, pa_error *err)
{
    pa_tmx_reader *r = pa_tmx_reader_open_with(path, &cp->o->read, err);
    if (!r) return -1;
    const pa_tmx_read_unit *u;
    int rc;
    while ((rc = pa_tmx_reader_next(r, &u, err)) > 0) {
        cp->c.read++;
        size_t n = unit_variants(cp, u);
        if (n == (size_t)-1 || n == 0) {
            cp->c.lacking++;
            continue;
        }
        const char *why = cp->o->filter ? pa_tmx_filter_check(cp->o->filter, u, cp->v, n) : NULL;
        if (why) {
            cp->c.filtered++;
            count_reason(cp, why);
            continue;
        }
        if (cp->o->dedup && !pa_hashset_add(&cp->seen, pa_tmx_unit_key(cp->v, n))) {
            cp->c.duplicates++;
            continue;
        }
        if (sink_unit(s, cp, u, n, err) < 0) {
            rc = -1;
            break;
        }
        if (s->tmx) cp->c.written++;
    }
    pa_tmx_reader_close(r);
    return rc < 0 ? -1 : 0;
}

/* Adds `lang` to the list unless a tag of the same spelling (any case) is there. */
static void add_lang(char ***langs, size_t *n, size_t *cap, const char *lang)
{
    for (size_t i = 0; i < *n; i++)
        if (pa_tmx_langtag_equal((*langs)[i], strlen((*langs)[i]), lang, strlen(lang))) return;
    PA_GROW(*langs, *cap, *n + 1);
    (*langs)[(*n)++] = pa_strdup(lang);
}

/* The languages of the output's columns: those asked for, else those of
 * every unit of the inputs (retagged), the first header's srclang first. */
static int find_columns(const pa_tmx_copy_options *o, const char *const *inputs, size_t n, sink *s,
                        pa_error *err)
{
    size_t cap = 0;
    if (o->langs) {
        for (size_t k = 0; k < o->n_langs; k++) add_lang(&s->cols, &s->n_cols, &cap, o->langs[k]);
        return 0;
    }
    for (size_t f = 0; f < n; f++) {
        pa_tmx_reader *r = pa_tmx_reader_open_with(inputs[f], &o->read, err);
        if (!r) return -1;
        const char *src = pa_tmx_reader_srclang(r);
        if (f == 0 && src && strcmp(src, "*all*") != 0) add_lang(&s->cols, &s->n_cols, &cap, retagged(o, src));
        const pa_tmx_read_unit *u;
        int rc;
        while ((rc = pa_tmx_reader_next(r, &u, err)) > 0)
            for (size_t i = 0; i < u->n_variants; i++)
                add_lang(&s->cols, &s->n_cols, &cap, retagged(o, u->variants[i].lang));
        pa_tmx_reader_close(r);
        if (rc < 0) return -1;
    }
    return 0;
}

/* The header attributes the output takes from the inputs: each one's
 * value when every input has the same (any case), else a fallback. */
#define N_SHARED 3
static const char *const shared_names[N_SHARED] = {"srclang", "segtype", "datatype"};
static const char *const shared_fallbacks[N_SHARED] = {"*all*", "sentence", "plaintext"};

/* Fills `vals` (N_SHARED strings of `size` bytes) from the inputs'
 * headers, in one pass over the headers. */
static int shared_header(const pa_tmx_copy_options *o, const char *const *inputs, size_t n, char vals[][64],
                         pa_error *err)
{
    int differ[N_SHARED] = {0};
    for (size_t f = 0; f < n; f++) {
        pa_tmx_reader *r = pa_tmx_reader_open_with(inputs[f], &o->read, err);
        if (!r) return -1;
        for (size_t k = 0; k < N_SHARED; k++) {
            const char *v = pa_tmx_reader_header(r, shared_names[k]);
            if (v && k == 0) v = retagged(o, v);
            if (!v || (f > 0 && strcasecmp(v, vals[k]) != 0)) differ[k] = 1;
            else if (f == 0) snprintf(vals[k], 64, "%s", v);
        }
        pa_tmx_reader_close(r);
    }
    for (size_t k = 0; k < N_SHARED; k++)
        if (differ[k] || n == 0) snprintf(vals[k], 64, "%s", shared_fallbacks[k]);
    return 0;
}

/* Opens the TMX output, its header made of the inputs' common values. */
static int open_tmx(sink *s, const char *path, int gzip, const pa_tmx_copy_options *o, const char *const *inputs,
                    size_t n, pa_error *err)
{
    char vals[N_SHARED][64];
    if (shared_header(o, inputs, n, vals, err) < 0) return -1;
    if (o->langs) snprintf(vals[0], sizeof vals[0], "%s", retagged(o, o->langs[0]));
    const char *seg = vals[1];
    if (strcmp(seg, "block") && strcmp(seg, "paragraph") && strcmp(seg, "sentence") && strcmp(seg, "phrase"))
        seg = "sentence";
    if (!(s->out = pa_output_open(path, gzip, err))) return -1;
    pa_tmx_header_info h = {.srclang = vals[0], .segtype = seg, .datatype = vals[2]};
    if (!(s->tmx = pa_tmx_writer_open(s->out, &h, err))) return -1;
    return 0;
}

static void sink_abort(sink *s)
{
    pa_tmx_writer_free(s->tmx);
    pa_output_abort(s->out);
    pa_writer_abort(s->w);
    for (size_t l = 0; l < s->n_cols; l++) pa_free(s->cols[l]);
    pa_free(s->cols);
}

/* Finishes the output (renamed into place); `s` is spent either way. */
static int sink_commit(sink *s, copier *cp, pa_error *err)
{
    int rc = 0;
    if (s->tmx) {
        rc = pa_tmx_writer_finish(s->tmx, err);
        s->tmx = NULL;
        if (rc == 0) rc = pa_output_commit(s->out, err), s->out = NULL;
    } else {
        pa_writer_counts wc;
        pa_writer_get_counts(s->w, &wc);
        cp->c.written = wc.written, cp->c.skipped = wc.skipped;
        rc = pa_writer_commit(s->w, err);
        s->w = NULL;
    }
    sink_abort(s);
    return rc;
}

/* Opens the output the options and the name ask for. */
static int sink_open(sink *s, const char *out, const char *const *inputs, size_t n, const pa_tmx_copy_options *o,
                     pa_error *err)
{
    int gzip = 0;
    const pa_format *fmt = o->format ? pa_format_by_name(o->format, &gzip) : pa_format_by_path(out, &gzip);
    if (o->format && !fmt) return pa_error_set(err, PA_EUSAGE, "unknown format '%s'", o->format);
    if (!fmt) fmt = &pa_format_tmx;
    if (pa_path_is_gzip(out)) gzip = 1;
    if (fmt != &pa_format_tmx && fmt != &pa_format_tsv && fmt != &pa_format_moses)
        return pa_error_set(err, PA_EUSAGE, "a memory is converted to tmx, tsv or moses, not %s", fmt->name);
    for (size_t f = 0; f < n; f++)
        if (strcmp(inputs[f], "-") == 0) /* the headers and the units are read in two passes */
            return pa_error_set(err, PA_EUSAGE, "standard input cannot be read twice: give the memory as a file");
    if (pa_output_refuse_inputs(out, inputs, n, err) != 0) return -1;
    if (fmt == &pa_format_tmx) return open_tmx(s, out, gzip, o, inputs, n, err);
    if (find_columns(o, inputs, n, s, err) < 0) return -1;
    if (s->n_cols == 0) return pa_error_set(err, PA_EINPUT, "%s: no language in the input", inputs[0]);
    char name[32];
    snprintf(name, sizeof name, "%s%s", fmt->name, gzip ? ".gz" : "");
    pa_writer_options wo = PA_WRITER_OPTIONS_INIT;
    wo.format = name, wo.min_score = -HUGE_VAL, wo.tags = (const char *const *)s->cols;
    wo.inputs = inputs, wo.n_inputs = n;
    s->w = pa_writer_open(out, (const char *const *)s->cols, s->n_cols, &wo, err);
    return s->w ? 0 : -1;
}

int pa_tmx_copy(const char *out, const char *const *inputs, size_t n, const pa_tmx_copy_options *o,
                pa_tmx_copy_counts *c, pa_error *err)
{
    sink s = {0};
    copier cp = {.o = o};
    int rc = sink_open(&s, out, inputs, n, o, err);
    for (size_t f = 0; f < n && rc == 0; f++) rc = copy_file(&cp, &s, inputs[f], err);
    if (rc == 0) rc = sink_commit(&s, &cp, err);
    else sink_abort(&s);
    cp.c.key_bytes = pa_hashset_bytes(&cp.seen);
    size_t best = 0;
    for (size_t k = 0; k < 8 && cp.reason_names[k]; k++)
        if (cp.reasons[k] > best) best = cp.reasons[k], cp.c.reason = cp.reason_names[k];
    if (c) *c = cp.c;
    pa_hashset_free(&cp.seen);
    pa_free(cp.v), pa_free(cp.props);
    return rc;
}
