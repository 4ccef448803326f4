/* bead.c - see bead.h. */
#include "align/aligner/bead.h"
#include "align/util/alloc.h"
#include "align/util/source.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

void pa_alignment_add(pa_alignment *a, pa_bead b)
{
    PA_GROW(a->beads, a->cap, a->n + 1);
    a->beads[a->n++] = b;
}

void pa_alignment_free(pa_alignment *a)
{
    pa_free(a->beads);
    a->beads = NULL;
    a->n = a->cap = 0;
}

static void format_run(size_t first, size_t n, pa_buf *out)
{
    pa_buf_putc(out, '[');
    for (size_t k = 0; k < n; k++) {
        if (k) pa_buf_putc(out, ',');
        pa_buf_printf(out, "%zu", first + k);
    }
    pa_buf_putc(out, ']');
}

void pa_bead_format(const pa_bead *b, pa_buf *out)
{
    format_run(b->src, b->n_src, out);
    pa_buf_putc(out, ':');
    format_run(b->tgt, b->n_tgt, out);
    pa_buf_putc(out, '\n');
}

/* Parses "[1, 2]" at *p into s->idx; advances *p. */
static int parse_list(const char **p, const char *end, pa_bead_sets *s)
{
    const char *c = *p;
    while (c < end && (*c == ' ' || *c == '\t')) c++;
    if (c >= end || *c != '[') return -1;
    c++;
    for (;;) {
        while (c < end && (*c == ' ' || *c == '\t')) c++;
        if (c < end && *c == ']') { c++; break; }
        if (c >= end || !isdigit((unsigned char)*c)) return -1;
        size_t v = 0;
        while (c < end && isdigit((unsigned char)*c)) {
            if (v > ((size_t)-1 - 9) / 10) return -1;
            v = v * 10 + (size_t)(*c++ - '0');
        }
        PA_GROW(s->idx, s->cap_idx, s->n_idx + 1);
        s->idx[s->n_idx++] = v;
        while (c < end && (*c == ' ' || *c == '\t')) c++;
        if (c < end && *c == ',') { c++; continue; }
        if (c < end && *c == ']') { c++; break; }
        return -1;
    }
    *p = c;
    return 0;
}

int pa_bead_sets_parse(const char *name, const char *text, size_t len, pa_bead_sets *s, pa_error *err)
{
    const char *p = text, *end = text + len;
    size_t line = 0;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        line++;
        const char *c = p;
        while (c < le && isspace((unsigned char)*c)) c++;
        if (c < le) {
            size_t at = s->n_idx;
            PA_GROW(s->src_at, s->cap, s->n + 1);
            size_t cap2 = s->cap; /* src_at and tgt_at share a capacity */
            s->tgt_at = pa_realloc(s->tgt_at, cap2 * sizeof *s->tgt_at);
            int bad = parse_list(&c, le, s) != 0;
            size_t mid = s->n_idx;
            while (!bad && c < le && (*c == ' ' || *c == '\t')) c++;
            bad = bad || c >= le || *c++ != ':';
            bad = bad || parse_list(&c, le, s) != 0;
            while (!bad && c < le && isspace((unsigned char)*c)) c++;
            if (bad || c != le) {
                s->n_idx = at;
                return pa_error_set(err, PA_EINPUT, "%s:%zu: not a bead (expected e.g. [0,1]:[2])", name, line);
            }
            s->src_at[s->n] = at;
            s->tgt_at[s->n] = mid;
            s->n++;
        }
        p = nl ? nl + 1 : end;
    }
    return 0;
}

int pa_bead_sets_read(const char *path, pa_bead_sets *out, pa_error *err)
{
    pa_buf b = PA_BUF_INIT;
    int rc = pa_read_file(path, &b, 0, err);
    if (rc == 0) rc = pa_bead_sets_parse(strcmp(path, "-") == 0 ? "<stdin>" : path, b.data ? b.data : "", b.len, out, err);
    pa_buf_free(&b);
    return rc;
}

void pa_bead_sets_free(pa_bead_sets *s)
{
    pa_free(s->idx);
    pa_free(s->src_at);
    pa_free(s->tgt_at);
    memset(s, 0, sizeof *s);
}
