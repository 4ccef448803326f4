/* blocks.c - see blocks.h. Each stream keeps its finished paragraphs and
 * the current one in one buffer; a paragraph is a record of where its text
 * starts and ends there. */
#include "align/readers/blocks.h"
#include "align/text/input.h"
#include "align/text/reflow.h"
#include "align/text/utf8.h"
#include "align/util/alloc.h"
#include "align/util/buf.h"

#include <stdlib.h>
#include <string.h>

typedef struct block {
    size_t start, len;
    pa_paragraph_kind kind;
    size_t line;
} block;

typedef struct stream {
    pa_buf text;             /* the finished paragraphs, then the current one */
    block *blocks;
    size_t n, cap;
    size_t cur;              /* where the current paragraph starts in `text` */
    pa_paragraph_kind kind;  /* of the current paragraph */
    size_t line;             /* of its first text; 0 before it has any */
    int space;               /* collapsible white space is pending */
    int seg;                 /* ... and it held a line end */
} stream;

struct pa_blocks {
    char *name;
    stream s[2]; /* body, notes */
    int notes;
};

pa_blocks *pa_blocks_new(const char *name)
{
    pa_blocks *b = pa_calloc(1, sizeof *b);
    b->name = pa_strdup(name ? name : "input");
    return b;
}

void pa_blocks_free(pa_blocks *b)
{
    if (!b) return;
    for (int k = 0; k < 2; k++) pa_buf_free(&b->s[k].text), pa_free(b->s[k].blocks);
    pa_free(b->name);
    pa_free(b);
}

static stream *current(pa_blocks *b) { return &b->s[b->notes]; }

/* True when the current paragraph of `s` has text. */
static int has_text(const stream *s) { return s->text.len > s->cur; }

/* Closes the current paragraph of `s`: recorded when it has text (without
 * trailing line breaks), dropped otherwise; the next one is body text. */
static void close_paragraph(stream *s)
{
    while (s->text.len > s->cur && s->text.data[s->text.len - 1] == '\n') s->text.len--;
    if (has_text(s)) {
        PA_GROW(s->blocks, s->cap, s->n + 1);
        s->blocks[s->n++] = (block){s->cur, s->text.len - s->cur, s->kind, s->line ? s->line : 1};
    }
    s->cur = s->text.len;
    s->kind = PA_PARA_BODY;
    s->line = 0;
    s->space = s->seg = 0;
}

void pa_blocks_begin(pa_blocks *b, pa_paragraph_kind kind)
{
    stream *s = current(b);
    close_paragraph(s);
    s->kind = kind;
}

void pa_blocks_end(pa_blocks *b) { close_paragraph(current(b)); }

void pa_blocks_set_kind(pa_blocks *b, pa_paragraph_kind kind) { current(b)->kind = kind; }

void pa_blocks_space(pa_blocks *b)
{
    stream *s = current(b);
    s->space = 1;
    s->seg = 0;
}

void pa_blocks_break(pa_blocks *b)
{
    stream *s = current(b);
    s->space = s->seg = 0;
    if (!has_text(s)) return;
    if (s->text.data[s->text.len - 1] == '\n') {
        pa_paragraph_kind kind = s->kind;
        close_paragraph(s);
        s->kind = kind;
        return;
    }
    pa_buf_putc(&s->text, '\n');
}

void pa_blocks_notes(pa_blocks *b, int on) { b->notes = on ? 1 : 0; }

size_t pa_blocks_bytes(const pa_blocks *b) { return b->s[0].text.len + b->s[1].text.len; }

static int is_collapsible(unsigned c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

/* Appends the code point c (bytes p[0..k)) to the current paragraph after
 * the white space pending before it. */
static void put_char(stream *s, const char *p, size_t k, uint32_t c, size_t line)
{
    if (s->space && has_text(s) && s->text.data[s->text.len - 1] != '\n') {
        uint32_t prev = pa_utf8_before(s->text.data, s->text.len, NULL);
        if (!(s->seg && pa_is_unspaced_char(prev) && pa_is_unspaced_char(c))) pa_buf_putc(&s->text, ' ');
    }
    s->space = s->seg = 0;
    if (!has_text(s) && !s->line) s->line = line;
    pa_buf_append(&s->text, p, k);
}

/* The text appender of both modes: `pre` keeps line ends as breaks. */
static void append(pa_blocks *b, const char *str, size_t n, size_t line, int pre)
{
    for (size_t i = 0; i < n;) {
        size_t k;
        uint32_t c = pa_utf8_at(str, n, i, &k);
        if (k == 0) break;
        const char *p = str + i;
        i += k;
        stream *s = current(b);
        if (pre && (c == '\n' || c == '\r')) {
            if (c == '\r' && i < n && str[i] == '\n') i++;
            pa_blocks_break(b);
        } else if (is_collapsible(c)) {
            s->space = 1;
            s->seg |= c == '\n' || c == '\r';
        } else if (c == 0xAD || (c < 0x20 && c != '\t')) {
            /* soft hyphen: invisible; other controls: nothing to show */
        } else {
            put_char(s, p, k, c, line);
        }
    }
}

void pa_blocks_text(pa_blocks *b, const char *s, size_t n, size_t line) { append(b, s, n, line, 0); }

void pa_blocks_pre(pa_blocks *b, const char *s, size_t n, size_t line) { append(b, s, n, line, 1); }

/* Appends the cleaned paragraphs of stream `s` to `out` (each followed by
 * a blank line) and their records, with offsets into `out`, to `recs`. */
static int clean_stream(const char *name, stream *s, pa_paragraph_kind force, pa_buf *out, block **recs, size_t *n,
                        size_t *cap, pa_error *err)
{
    for (size_t i = 0; i < s->n; i++) {
        block *bl = &s->blocks[i];
        size_t from = out->len;
        if (pa_decode_text(name, s->text.data + bl->start, bl->len, NULL, out, err) != 0) return -1;
        size_t a = from, z = out->len;
        while (a < z && (out->data[a] == ' ' || out->data[a] == '\n' || out->data[a] == '\t')) a++;
        while (z > a && (out->data[z - 1] == ' ' || out->data[z - 1] == '\n' || out->data[z - 1] == '\t')) z--;
        if (a == z) {
            out->len = from; /* pa_decode_text reserved room: data is there */
            out->data[from] = '\0';
            continue;
        }
        PA_GROW(*recs, *cap, *n + 1);
        (*recs)[(*n)++] = (block){a, z - a, force != PA_PARA_BODY ? force : bl->kind, bl->line};
        pa_buf_puts(out, "\n\n");
    }
    return 0;
}

int pa_blocks_finish(pa_blocks *b, pa_document *d, pa_error *err)
{
    for (int k = 0; k < 2; k++) close_paragraph(&b->s[k]);
    pa_buf out = PA_BUF_INIT;
    block *recs = NULL;
    size_t n = 0, cap = 0;
    int rc = clean_stream(b->name, &b->s[0], PA_PARA_BODY, &out, &recs, &n, &cap, err);
    if (rc == 0) rc = clean_stream(b->name, &b->s[1], PA_PARA_FOOTNOTE, &out, &recs, &n, &cap, err);
    if (rc == 0 && n == 0) rc = pa_error_set(err, PA_EINPUT, "%s: contains no text", b->name);
    if (rc == 0) {
        size_t len;
        char *text = pa_buf_detach(&out, &len);
        pa_document_set_text(d, text, len);
        for (size_t i = 0; i < n; i++) {
            pa_document_add_paragraph(d, recs[i].start, recs[i].len);
            d->paras[d->n_paras - 1].kind = recs[i].kind;
            d->paras[d->n_paras - 1].line = recs[i].line;
        }
        d->needs_layout = 0;
    }
    pa_buf_free(&out);
    pa_free(recs);
    return rc;
}
