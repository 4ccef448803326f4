/* document.c - see document.h. */
#include "align/readers/document.h"
#include "align/util/alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

pa_document *pa_document_new(const char *name, const char *lang)
{
    pa_document *d = pa_calloc(1, sizeof *d);
    d->name = pa_strdup(name ? name : "");
    snprintf(d->lang, sizeof d->lang, "%s", lang ? lang : "");
    snprintf(d->tag, sizeof d->tag, "%s", lang ? lang : "");
    d->text = pa_strdup("");
    return d;
}

void pa_document_free(pa_document *d)
{
    if (!d) return;
    pa_free(d->name);
    pa_free(d->text);
    pa_free(d->paras);
    pa_free(d->sents);
    pa_free(d);
}

void pa_document_set_text(pa_document *d, char *text, size_t len)
{
    pa_free(d->text);
    d->text = text;
    d->len = len;
    d->n_paras = 0;
    d->n_sents = 0;
}

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\n'; }

/* Trims ASCII white space and the ideographic space U+3000 off a span. */
static pa_span trim_span(const char *t, size_t start, size_t end)
{
    for (;;) {
        if (start < end && is_space(t[start])) start++;
        else if (end - start >= 3 && memcmp(t + start, "\xE3\x80\x80", 3) == 0) start += 3;
        else break;
    }
    for (;;) {
        if (end > start && is_space(t[end - 1])) end--;
        else if (end - start >= 3 && memcmp(t + end - 3, "\xE3\x80\x80", 3) == 0) end -= 3;
        else break;
    }
    return (pa_span){start, end - start};
}

/* The 1-based line of byte `at`. Paragraphs are added in order, so the
 * count resumes from the previous paragraph's line: linear overall. */
static size_t line_of(const pa_document *d, size_t at)
{
    size_t line = 1, from = 0;
    if (d->n_paras) line = d->paras[d->n_paras - 1].line, from = d->paras[d->n_paras - 1].span.start;
    const char *p = d->text + from, *end = d->text + (at < d->len ? at : d->len);
    while (p < end && (p = memchr(p, '\n', (size_t)(end - p))) != NULL) line++, p++;
    return line;
}

static void add_paragraph(pa_document *d, pa_span s)
{
    size_t line = line_of(d, s.start); /* before the count changes */
    PA_GROW(d->paras, d->cap_paras, d->n_paras + 1);
    d->paras[d->n_paras] = (pa_paragraph){s, PA_PARA_BODY, line, d->n_sents, 0};
    d->n_paras++;
}

void pa_document_add_paragraph(pa_document *d, size_t start, size_t len)
{
    add_paragraph(d, (pa_span){start, len});
}

/* Returns the end of the line starting at `i` (index of '\n' or len). */
static size_t line_end(const pa_document *d, size_t i)
{
    const char *nl = memchr(d->text + i, '\n', d->len - i);
    return nl ? (size_t)(nl - d->text) : d->len;
}

void pa_document_split_paragraphs(pa_document *d)
{
    d->n_paras = d->n_sents = 0;
    size_t i = 0, para_start = 0;
    int in_para = 0;
    while (i < d->len) {
        size_t e = line_end(d, i);
        pa_span line = trim_span(d->text, i, e);
        if (line.len == 0) {
            if (in_para) add_paragraph(d, trim_span(d->text, para_start, i));
            in_para = 0;
        } else if (!in_para) {
            para_start = i;
            in_para = 1;
        }
        i = e + 1;
    }
    if (in_para) add_paragraph(d, trim_span(d->text, para_start, d->len));
}

void pa_document_split_lines(pa_document *d)
{
    d->n_paras = d->n_sents = 0;
    size_t i = 0;
    int in_para = 0;
    while (i < d->len) {
        size_t e = line_end(d, i);
        pa_span line = trim_span(d->text, i, e);
        if (line.len == 0) {
            in_para = 0;
        } else {
            if (!in_para) add_paragraph(d, line);
            in_para = 1;
            pa_paragraph *p = &d->paras[d->n_paras - 1];
            p->span.len = line.start + line.len - p->span.start;
            pa_document_add_sentence(d, d->n_paras - 1, line.start, line.len);
        }
        i = e + 1;
    }
}

void pa_document_add_sentence(pa_document *d, size_t para, size_t start, size_t len)
{
    pa_span s = trim_span(d->text, start, start + len);
    if (s.len == 0) return;
    PA_GROW(d->sents, d->cap_sents, d->n_sents + 1);
    d->sents[d->n_sents] = (pa_sentence){s, para};
    pa_paragraph *p = &d->paras[para];
    if (p->n_sents == 0) p->first_sent = d->n_sents;
    p->n_sents++;
    d->n_sents++;
}

void pa_document_clear_sentences(pa_document *d)
{
    d->n_sents = 0;
    for (size_t i = 0; i < d->n_paras; i++) d->paras[i].n_sents = 0, d->paras[i].first_sent = 0;
}

void pa_document_join_sentences(const pa_document *d, size_t first, size_t n, pa_buf *out)
{
    int spaced = !pa_lang_is_unspaced(d->lang);
    for (size_t k = first; k < first + n; k++) {
        if (k > first && spaced) pa_buf_putc(out, ' ');
        pa_buf_append(out, pa_sentence_text(d, k), d->sents[k].span.len);
    }
}
