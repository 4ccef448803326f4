/* anchors.c - see anchors.h. */
#include "align/pipeline/anchors.h"
#include "align/util/alloc.h"

#include <stdlib.h>
#include <string.h>

static const char anchor_tag[] = "<anchor/>";

/* True when line [s, e) holds only `<anchor/>` (or `<anchor />`) between
 * spaces and tabs. */
static int is_anchor_line(const char *s, const char *e)
{
    while (s < e && (*s == ' ' || *s == '\t')) s++;
    while (e > s && (e[-1] == ' ' || e[-1] == '\t')) e--;
    size_t n = (size_t)(e - s);
    if (n == sizeof anchor_tag - 1 && memcmp(s, anchor_tag, n) == 0) return 1;
    return n == sizeof anchor_tag && memcmp(s, "<anchor />", n) == 0;
}

void pa_anchors_take(pa_document *d, pa_anchors *a)
{
    size_t cap = 0;
    a->at = NULL, a->n = 0;
    if (!d->text) return;
    char *p = d->text, *end = d->text + d->len;
    while (p < end) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        char *e = nl ? nl : end;
        if (is_anchor_line(p, e)) {
            memset(p, ' ', (size_t)(e - p));
            if (a->n == cap) a->at = pa_realloc(a->at, (cap = cap ? 2 * cap : 8) * sizeof *a->at);
            a->at[a->n++] = (size_t)(p - d->text);
        }
        p = e + 1;
    }
}

/* Length of `s`..`s+n` without the white space at its end. */
static size_t rtrim(const char *s, size_t n)
{
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n')) n--;
    return n;
}

void pa_anchors_to_sentences(pa_document *d, pa_anchors *a)
{
    if (!a->n) return;
    /* one pass over sentences and anchors (both in text order): a sentence
     * that starts before an anchor and ends after it becomes two */
    size_t extra = 0, k = 0;
    for (size_t i = 0; i < d->n_sents; i++) {
        size_t s = d->sents[i].span.start, e = s + d->sents[i].span.len;
        while (k < a->n && a->at[k] <= s) k++;
        for (size_t j = k; j < a->n && a->at[j] < e; j++) extra++;
    }
    if (extra) {
        pa_sentence *out = pa_malloc((d->n_sents + extra) * sizeof *out);
        size_t n = 0;
        k = 0;
        for (size_t i = 0; i < d->n_sents; i++) {
            pa_sentence x = d->sents[i];
            size_t e = x.span.start + x.span.len;
            while (k < a->n && a->at[k] <= x.span.start) k++;
            while (k < a->n && a->at[k] < e) {
                size_t cut = a->at[k++];
                size_t len = rtrim(d->text + x.span.start, cut - x.span.start);
                if (len) out[n++] = (pa_sentence){{x.span.start, len}, x.para};
                while (cut < e && (d->text[cut] == ' ' || d->text[cut] == '\t' || d->text[cut] == '\n')) cut++;
                x.span = (pa_span){cut, e - cut};
            }
            if (x.span.len) out[n++] = x;
        }
        pa_free(d->sents);
        d->sents = out, d->n_sents = n, d->cap_sents = d->n_sents + extra;
    }
    /* offsets -> index of the first sentence at or after each anchor */
    size_t i = 0;
    for (k = 0; k < a->n; k++) {
        while (i < d->n_sents && d->sents[i].span.start < a->at[k]) i++;
        a->at[k] = i;
    }
}

/* A document of sentences [first, first+n) of `d`: their text copied, a
 * paragraph for each run of them that shares one in `d`. */
static pa_document *section_of(const pa_document *d, size_t first, size_t n)
{
    pa_document *s = pa_document_new(d->name, d->lang);
    memcpy(s->tag, d->tag, sizeof s->tag);
    size_t start = d->sents[first].span.start;
    size_t end = d->sents[first + n - 1].span.start + d->sents[first + n - 1].span.len;
    char *text = pa_malloc(end - start + 1);
    memcpy(text, d->text + start, end - start);
    text[end - start] = '\0';
    pa_document_set_text(s, text, end - start);
    for (size_t i = first; i < first + n;) {
        size_t para = d->sents[i].para, j = i;
        while (j < first + n && d->sents[j].para == para) j++;
        size_t ps = d->sents[i].span.start, pe = d->sents[j - 1].span.start + d->sents[j - 1].span.len;
        pa_document_add_paragraph(s, ps - start, pe - ps);
        s->paras[s->n_paras - 1].kind = d->paras[para].kind;
        s->paras[s->n_paras - 1].line = d->paras[para].line;
        for (; i < j; i++) pa_document_add_sentence(s, s->n_paras - 1, d->sents[i].span.start - start, d->sents[i].span.len);
    }
    return s;
}

int pa_anchors_align(const pa_document *src, const size_t *as, const pa_document *tgt, const size_t *at, size_t n,
                     const pa_align_opts *o, pa_alignment *out, pa_error *err)
{
    for (size_t k = 0; k <= n; k++) {
        size_t s0 = k ? as[k - 1] : 0, s1 = k < n ? as[k] : src->n_sents;
        size_t t0 = k ? at[k - 1] : 0, t1 = k < n ? at[k] : tgt->n_sents;
        if (s0 == s1 || t0 == t1) { /* nothing to pair: one-sided beads */
            for (size_t i = s0; i < s1; i++) pa_alignment_add(out, (pa_bead){i, 1, t0, 0, 0.0});
            for (size_t j = t0; j < t1; j++) pa_alignment_add(out, (pa_bead){s1, 0, j, 1, 0.0});
            continue;
        }
        pa_document *ds = section_of(src, s0, s1 - s0), *dt = section_of(tgt, t0, t1 - t0);
        pa_alignment part = {0};
        int rc = pa_align_documents(ds, dt, o, &part, err);
        for (size_t b = 0; rc == 0 && b < part.n; b++) {
            pa_bead x = part.beads[b];
            x.src += s0, x.tgt += t0;
            pa_alignment_add(out, x);
        }
        pa_alignment_free(&part);
        pa_document_free(ds), pa_document_free(dt);
        if (rc != 0) return -1;
    }
    return 0;
}

void pa_anchors_free(pa_anchors *a)
{
    pa_free(a->at);
    a->at = NULL, a->n = 0;
}
