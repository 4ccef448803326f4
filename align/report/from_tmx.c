/* from_tmx.c - the review page of an existing TMX memory (report.h).
 *
 * The languages of a memory are known only once it is read, so the units
 * are read into memory first: their texts in one buffer, and for each unit
 * its variants as (language, offset, length). Then the page is written from
 * them. The columns keep the memory's order of languages, which its units
 * show (a unit's variants come in that order, those without text left
 * out): a language met first is put after the one before it in its unit.
 * What polyalign's TMX writer adds is used when there: x-bead (sentences a
 * language, in that order) and x-paragraph; the numbers are compared as
 * its x-numbers does, for any memory. */
#include "align/report/report.h"
#include "align/text/numbers.h"
#include "align/util/alloc.h"
#include "align/util/buf.h"
#include "align/util/output.h"
#include "tmx/tmx_reader.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_LANGS 64

typedef struct stored_variant {
    size_t lang, off, len;
} stored_variant;

#define NONE ((size_t)-1)

typedef struct stored_unit {
    double score;
    long paragraph;        /* x-paragraph - 1, or -1 */
    size_t doc, bead;      /* offsets of x-document and x-bead in the text, or NONE */
    size_t first, n;       /* its variants */
} stored_unit;

typedef struct memory {
    pa_buf text;
    stored_unit *units;
    size_t n_units, cap_units;
    stored_variant *vars;
    size_t n_vars, cap_vars;
    char *langs[MAX_LANGS];  /* by id, in the order met */
    size_t n_langs;
    size_t order[MAX_LANGS]; /* the ids in column order */
} memory;

/* The id of language `tag`; a new one goes into the column order after
 * `after` (an id; NONE = first). -1 past MAX_LANGS. */
static long lang_id(memory *m, const char *tag, size_t after)
{
    for (size_t k = 0; k < m->n_langs; k++)
        if (strcasecmp(m->langs[k], tag) == 0) return (long)k;
    if (m->n_langs == MAX_LANGS) return -1;
    size_t at = 0;
    if (after != NONE)
        while (m->order[at++] != after) continue;
    memmove(m->order + at + 1, m->order + at, (m->n_langs - at) * sizeof *m->order);
    m->order[at] = m->n_langs;
    m->langs[m->n_langs] = pa_strdup(tag);
    return (long)m->n_langs++;
}

/* Stores `n` bytes of `s` (and a NUL) in the text buffer; its offset. */
static size_t store(memory *m, const char *s, size_t n)
{
    size_t at = m->text.len;
    pa_buf_append(&m->text, s, n);
    pa_buf_putc(&m->text, '\0');
    return at;
}

/* Reads every unit of `path` into `m`. */
static int read_memory(const char *path, memory *m, pa_error *err)
{
    pa_tmx_reader *r = pa_tmx_reader_open(path, err);
    if (!r) return -1;
    const char *src = pa_tmx_reader_srclang(r);
    if (src && strcasecmp(src, "*all*") != 0) lang_id(m, src, NONE);
    const pa_tmx_read_unit *u;
    int rc;
    while ((rc = pa_tmx_reader_next(r, &u, err)) == 1) {
        if (m->n_units == m->cap_units) {
            m->cap_units = m->cap_units ? 2 * m->cap_units : 256;
            m->units = pa_realloc(m->units, m->cap_units * sizeof *m->units);
        }
        stored_unit *s = &m->units[m->n_units++];
        const char *bead = pa_tmx_unit_prop(u, "x-bead"), *para = pa_tmx_unit_prop(u, "x-paragraph");
        s->score = u->score;
        s->paragraph = para && atol(para) > 0 ? atol(para) - 1 : -1;
        s->doc = u->document ? store(m, u->document, strlen(u->document)) : NONE;
        s->bead = bead ? store(m, bead, strlen(bead)) : NONE;
        s->first = m->n_vars, s->n = 0;
        size_t prev = NONE;
        for (size_t k = 0; k < u->n_variants; k++) {
            long l = lang_id(m, u->variants[k].lang, prev);
            prev = (size_t)l;
            if (l < 0) {
                rc = pa_error_set(err, PA_EINPUT, "%s: more than %d languages", path, MAX_LANGS);
                break;
            }
            if (m->n_vars == m->cap_vars) {
                m->cap_vars = m->cap_vars ? 2 * m->cap_vars : 512;
                m->vars = pa_realloc(m->vars, m->cap_vars * sizeof *m->vars);
            }
            const pa_tmx_read_variant *v = &u->variants[k];
            m->vars[m->n_vars++] = (stored_variant){(size_t)l, store(m, v->text, v->len), v->len};
            s->n++;
        }
        if (rc < 0) break;
    }
    pa_tmx_reader_close(r);
    return rc < 0 ? -1 : 0;
}

/* The sentences a column of an x-bead ("2-1-0", one number a language of
 * the memory) into `count`; 0 when it does not give one a column. */
static int parse_bead(const char *s, size_t *count, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        char *end;
        if (*s < '0' || *s > '9') return 0;
        count[k] = strtoul(s, &end, 10);
        if (*end != (k + 1 < n ? '-' : '\0')) return 0;
        s = end + (k + 1 < n);
    }
    return 1;
}

/* Whether the numbers of a variant of `s` differ from those of its first,
 * as the TMX writer's x-numbers says. */
static int numbers_differ(const memory *m, const stored_unit *s)
{
    const stored_variant *v = m->vars + s->first;
    for (size_t k = 1; k < s->n; k++)
        if (pa_numbers_differ(m->text.data + v[0].off, v[0].len, m->text.data + v[k].off, v[k].len)) return 1;
    return 0;
}

/* Writes the units of `m` as the page at `path`. */
static int write_page(const memory *m, const char *path, const pa_report_info *info, pa_error *err)
{
    pa_report *rep = pa_report_open(path, info, err);
    if (!rep) return -1;
    const char *text[MAX_LANGS];
    size_t len[MAX_LANGS], count[MAX_LANGS], col[MAX_LANGS];
    for (size_t c = 0; c < m->n_langs; c++) col[m->order[c]] = c;
    for (size_t i = 0; i < m->n_units; i++) {
        const stored_unit *s = &m->units[i];
        for (size_t l = 0; l < m->n_langs; l++) text[l] = NULL, len[l] = 0;
        for (size_t k = s->first; k < s->first + s->n; k++) {
            const stored_variant *v = &m->vars[k];
            size_t c = col[v->lang];
            if (!text[c]) text[c] = m->text.data + v->off, len[c] = v->len;
        }
        int counted = s->bead != NONE && parse_bead(m->text.data + s->bead, count, m->n_langs);
        for (size_t l = 0; l < m->n_langs && counted; l++) counted = (count[l] > 0) == (text[l] != NULL);
        pa_report_unit ru = {s->score, s->paragraph, counted ? count : NULL, text, len, numbers_differ(m, s),
                             s->doc == NONE ? NULL : m->text.data + s->doc};
        if (pa_report_add(rep, &ru, err) != 0) {
            pa_report_abort(rep);
            return -1;
        }
    }
    return pa_report_commit(rep, err);
}

int pa_report_from_tmx(const char *tmx, const char *path, const pa_report_tmx_options *o, pa_error *err)
{
    /* refuse an output that is the memory before reading it */
    const char *inputs[65];
    size_t n_inputs = 0;
    inputs[n_inputs++] = tmx;
    for (size_t k = 0; k < o->n_inputs && n_inputs < sizeof inputs / sizeof *inputs; k++) inputs[n_inputs++] = o->inputs[k];
    if (pa_output_refuse_inputs(path, inputs, n_inputs, err) != 0) return -1;
    memory m;
    memset(&m, 0, sizeof m);
    int rc = read_memory(tmx, &m, err);
    if (rc == 0 && m.n_langs == 0) rc = pa_error_set(err, PA_EINPUT, "%s: no translation units", tmx);
    if (rc == 0) {
        char title[256];
        pa_report_title(o->title ? o->title : strcmp(tmx, "-") == 0 ? "memory" : tmx, title, sizeof title);
        const char *langs[MAX_LANGS];
        for (size_t c = 0; c < m.n_langs; c++) langs[c] = m.langs[m.order[c]];
        pa_report_info info = {title, "tmx", langs, langs, m.n_langs, o->min_score, inputs, n_inputs};
        rc = write_page(&m, path, &info, err);
    }
    for (size_t k = 0; k < m.n_langs; k++) pa_free(m.langs[k]);
    pa_free(m.units), pa_free(m.vars);
    pa_buf_free(&m.text);
    return rc;
}
