/* units.c - see units.h and polyalign.h. */
#include "align/pipeline/units.h"
#include "align/util/alloc.h"
#include "align/util/buf.h"

#include <stdlib.h>
#include <string.h>

struct pa_units {
    size_t n_langs, n, cap;
    char **tags;
    size_t *n_sents;
    char *document;
    pa_split split;
    size_t joins;
    pa_units **pairs; /* n_langs > 2: pairs[k-1], the pivot with language k as that pair's own beads made
                         them, before any join; NULL otherwise */
    double *score;    /* per unit */
    size_t *para;     /* per unit */
    size_t *first, *count, *off, *len; /* per unit and language: n_langs a row */
    const char **text; /* made once the buffer stops moving */
    size_t *scratch;   /* 2 x n_langs, for building */
    pa_buf buf;
};

/* Appends a unit with room for every language (count 0 everywhere). */
static size_t add_unit(pa_units *u, double score, size_t para)
{
    if (u->n == u->cap) {
        /* one capacity for every array: units, and units times languages */
        size_t cap = u->cap ? 2 * u->cap : 64, L = u->n_langs;
        u->score = pa_realloc(u->score, cap * sizeof *u->score);
        u->para = pa_realloc(u->para, cap * sizeof *u->para);
        u->first = pa_realloc(u->first, cap * L * sizeof *u->first);
        u->count = pa_realloc(u->count, cap * L * sizeof *u->count);
        u->off = pa_realloc(u->off, cap * L * sizeof *u->off);
        u->len = pa_realloc(u->len, cap * L * sizeof *u->len);
        u->cap = cap;
    }
    size_t i = u->n++;
    u->score[i] = score, u->para[i] = para;
    for (size_t l = 0; l < u->n_langs; l++) {
        size_t k = i * u->n_langs + l;
        u->first[k] = u->count[k] = u->off[k] = u->len[k] = 0;
    }
    return i;
}

/* Sets language `l` of unit `i` to sentences [first, first+count) of `d`. */
static void set_text(pa_units *u, size_t i, size_t l, const pa_document *d, size_t first, size_t count)
{
    size_t k = i * u->n_langs + l;
    u->first[k] = first, u->count[k] = count;
    u->off[k] = u->buf.len;
    pa_document_join_sentences(d, first, count, &u->buf);
    u->len[k] = u->buf.len - u->off[k];
    pa_buf_putc(&u->buf, '\0');
}

static size_t pivot_para(const pa_document *p, size_t at)
{
    if (p->n_sents == 0) return 0;
    return p->sents[at < p->n_sents ? at : p->n_sents - 1].para;
}

/* Emits the beads that pair no pivot sentence and sit at pivot position
 * `at` (before the next bead that has pivot sentences), for every language.
 * When only one language has such sentences there, each bead is a unit of
 * its own. When several have, they are most likely the same entries,
 * missing from the pivot (real versions lack entries the others have): they
 * share units without the pivot, sentence by sentence in order when every
 * such language has the same number of them, else all in one unit. */
static void emit_insertions(pa_units *u, pa_document *const *docs, const pa_alignment *al, size_t *cur, size_t at)
{
    size_t L = u->n_langs, langs = 0, last = 0, common = 0, same = 1;
    size_t *first = u->scratch, *count = u->scratch + L;
    double score = 1.0;
    for (size_t l = 1; l < L; l++) {
        const pa_alignment *a = &al[l - 1];
        size_t k = cur[l];
        count[l] = 0;
        for (; k < a->n && a->beads[k].n_src == 0 && a->beads[k].src <= at; k++) {
            const pa_bead *b = &a->beads[k];
            if (!b->n_tgt) continue;
            if (!count[l]) first[l] = b->tgt;
            count[l] = b->tgt + b->n_tgt - first[l];
            if (b->score < score) score = b->score;
        }
        if (count[l]) {
            if (langs && count[l] != common) same = 0;
            common = count[l], last = l, langs++;
        }
    }
    if (langs == 1) { /* one language: its beads as they are */
        const pa_alignment *a = &al[last - 1];
        for (; cur[last] < a->n && a->beads[cur[last]].n_src == 0 && a->beads[cur[last]].src <= at; cur[last]++) {
            const pa_bead *b = &a->beads[cur[last]];
            if (!b->n_tgt) continue;
            size_t i = add_unit(u, b->score, pivot_para(docs[0], at));
            u->first[i * L] = at;
            set_text(u, i, last, docs[last], b->tgt, b->n_tgt);
        }
    }
    for (size_t l = 1; l < L; l++) /* skip what was gathered */
        while (cur[l] < al[l - 1].n && al[l - 1].beads[cur[l]].n_src == 0 && al[l - 1].beads[cur[l]].src <= at) cur[l]++;
    if (langs < 2) return;
    size_t units = same ? common : 1;
    for (size_t j = 0; j < units; j++) {
        size_t i = add_unit(u, score, pivot_para(docs[0], at));
        u->first[i * L] = at;
        for (size_t l = 1; l < L; l++)
            if (count[l]) set_text(u, i, l, docs[l], same ? first[l] + j : first[l], same ? 1 : count[l]);
    }
}

/* Makes the text pointers of `u` once its buffer is complete. */
static void set_text_pointers(pa_units *u)
{
    u->text = pa_malloc((u->n * u->n_langs + 1) * sizeof *u->text);
    for (size_t k = 0; k < u->n * u->n_langs; k++) u->text[k] = u->buf.data + u->off[k];
}

pa_units *pa_units_build(pa_document *const *docs, size_t n_docs, const pa_alignment *al, const char *document,
                         pa_split split)
{
    pa_units *u = pa_calloc(1, sizeof *u);
    size_t L = u->n_langs = n_docs;
    u->tags = pa_calloc(L, sizeof *u->tags);
    u->n_sents = pa_calloc(L, sizeof *u->n_sents);
    for (size_t l = 0; l < L; l++) u->tags[l] = pa_strdup(docs[l]->tag), u->n_sents[l] = docs[l]->n_sents;
    u->document = pa_strdup(document ? document : "");
    u->split = split;
    pa_buf_putc(&u->buf, '\0'); /* offset 0: the empty text of a language absent from a unit */

    /* cuts[p]: how many languages have a bead boundary at pivot position p */
    size_t n = docs[0]->n_sents;
    size_t *cuts = pa_calloc(n + 1, sizeof *cuts);
    for (size_t l = 1; l < L; l++)
        for (size_t k = 0; k < al[l - 1].n; k++)
            if (al[l - 1].beads[k].n_src) cuts[al[l - 1].beads[k].src + al[l - 1].beads[k].n_src]++;
    size_t *cur = pa_calloc(L, sizeof *cur);
    u->scratch = pa_calloc(2 * L, sizeof *u->scratch);
    size_t a = 0;
    while (a < n) {
        size_t b = a + 1;
        while (b < n && cuts[b] < L - 1) b++;
        emit_insertions(u, docs, al, cur, a);
        double score = 1.0;
        int joined = 0;
        size_t i = add_unit(u, 1.0, pivot_para(docs[0], a));
        set_text(u, i, 0, docs[0], a, b - a);
        for (size_t l = 1; l < L; l++) {
            const pa_alignment *x = &al[l - 1];
            size_t lo = (size_t)-1, hi = 0, with_pivot = 0;
            /* the beads inside [a, b): those with pivot sentences there, and
             * those without any that sit strictly inside */
            while (cur[l] < x->n) {
                const pa_bead *bd = &x->beads[cur[l]];
                if (bd->src >= b) break; /* starts the next unit */
                if (bd->n_tgt) {
                    if (bd->tgt < lo) lo = bd->tgt;
                    if (bd->tgt + bd->n_tgt > hi) hi = bd->tgt + bd->n_tgt;
                }
                if (bd->score < score) score = bd->score;
                with_pivot += bd->n_src > 0;
                cur[l]++;
            }
            if (with_pivot > 1) joined = 1;
            if (hi > 0 && lo < hi) set_text(u, i, l, docs[l], lo, hi - lo);
        }
        u->score[i] = score;
        u->joins += joined;
        a = b;
    }
    emit_insertions(u, docs, al, cur, n);
    pa_free(cur), pa_free(cuts), pa_free(u->scratch);
    u->scratch = NULL;
    set_text_pointers(u);
    if (L > 2) {
        /* each pair's own units too, for one file per pair (pa_units_pair) */
        u->pairs = pa_calloc(L - 1, sizeof *u->pairs);
        for (size_t l = 1; l < L; l++) {
            pa_document *pair[2] = {docs[0], docs[l]};
            u->pairs[l - 1] = pa_units_build(pair, 2, &al[l - 1], document, split);
        }
    }
    return u;
}

const pa_units *pa_units_pair(const pa_units *u, size_t k)
{
    if (k == 0 || k >= u->n_langs) return NULL;
    if (u->n_langs == 2) return u;
    return u->pairs ? u->pairs[k - 1] : NULL;
}

pa_units *pa_units_of_texts(const char *const *tags, size_t n_langs, const char *document, double score,
                            const char *const *text, const size_t *len)
{
    pa_units *u = pa_calloc(1, sizeof *u);
    u->n_langs = n_langs;
    u->tags = pa_calloc(n_langs ? n_langs : 1, sizeof *u->tags);
    u->n_sents = pa_calloc(n_langs ? n_langs : 1, sizeof *u->n_sents);
    for (size_t l = 0; l < n_langs; l++) u->tags[l] = pa_strdup(tags[l]), u->n_sents[l] = text[l] && len[l];
    u->document = pa_strdup(document ? document : "");
    u->split = PA_SPLIT_LINES;
    size_t i = add_unit(u, score, 0);
    for (size_t l = 0; l < n_langs; l++) {
        size_t k = i * n_langs + l;
        u->off[k] = u->buf.len;
        if (text[l] && len[l]) u->count[k] = 1, u->len[k] = len[l], pa_buf_append(&u->buf, text[l], len[l]);
        pa_buf_putc(&u->buf, '\0');
    }
    set_text_pointers(u);
    return u;
}

void pa_units_free(pa_units *u)
{
    if (!u) return;
    for (size_t l = 0; u->pairs && l + 1 < u->n_langs; l++) pa_units_free(u->pairs[l]);
    pa_free(u->pairs);
    for (size_t l = 0; l < u->n_langs; l++) pa_free(u->tags[l]);
    pa_free(u->tags), pa_free(u->n_sents), pa_free(u->document);
    pa_free(u->score), pa_free(u->para), pa_free(u->first), pa_free(u->count), pa_free(u->off), pa_free(u->len);
    pa_free(u->text);
    pa_buf_free(&u->buf);
    pa_free(u);
}

size_t pa_units_count(const pa_units *u) { return u->n; }
size_t pa_units_languages(const pa_units *u) { return u->n_langs; }
const char *pa_units_document(const pa_units *u) { return u->document; }
size_t pa_units_joins(const pa_units *u) { return u->joins; }
pa_split pa_units_split(const pa_units *u) { return u->split; }

const char *pa_units_language(const pa_units *u, size_t k)
{
    return k < u->n_langs ? u->tags[k] : NULL;
}

size_t pa_units_sentences(const pa_units *u, size_t k)
{
    return k < u->n_langs ? u->n_sents[k] : 0;
}

int pa_units_get(const pa_units *u, size_t i, pa_unit *out)
{
    if (i >= u->n) return -1;
    size_t r = i * u->n_langs;
    *out = (pa_unit){u->score[i], u->para[i], u->first + r, u->count + r, u->text + r, u->len + r};
    return 0;
}

/* Index of the language tagged `tag` in `u`, or (size_t)-1. */
static size_t language_index(const pa_units *u, const char *tag)
{
    for (size_t l = 0; l < u->n_langs; l++)
        if (strcmp(u->tags[l], tag) == 0) return l;
    return (size_t)-1;
}

/* pa_units_select's work, inside its allocation frame. */
static pa_units *select_units(const pa_units *u, const char *const *langs, size_t n_langs, pa_units_keep_fn keep,
                              void *data)
{
    pa_units *v = pa_calloc(1, sizeof *v);
    size_t L = v->n_langs = n_langs;
    size_t *from = pa_calloc(L, sizeof *from);
    v->tags = pa_calloc(L, sizeof *v->tags);
    v->n_sents = pa_calloc(L, sizeof *v->n_sents);
    for (size_t l = 0; l < L; l++) {
        from[l] = language_index(u, langs[l]);
        v->tags[l] = pa_strdup(langs[l]);
        v->n_sents[l] = from[l] == (size_t)-1 ? 0 : u->n_sents[from[l]];
    }
    v->document = pa_strdup(u->document);
    v->split = u->split;
    pa_unit x;
    for (size_t i = 0; pa_units_get(u, i, &x) == 0; i++) {
        size_t with_text = 0;
        for (size_t l = 0; l < L; l++) with_text += from[l] != (size_t)-1 && x.count[from[l]] > 0;
        if (with_text == 0) continue;
        if (keep && !keep(data, &x, from, L)) continue;
        size_t j = add_unit(v, x.score, x.paragraph);
        for (size_t l = 0; l < L; l++) {
            size_t k = j * L + l, f = from[l];
            v->off[k] = v->buf.len;
            if (f != (size_t)-1) {
                v->first[k] = x.first[f], v->count[k] = x.count[f], v->len[k] = x.len[f];
                pa_buf_append(&v->buf, x.text[f], x.len[f]);
            }
            pa_buf_putc(&v->buf, '\0');
        }
    }
    pa_free(from);
    set_text_pointers(v);
    return v;
}

pa_units *pa_units_select(const pa_units *u, const char *const *langs, size_t n_langs, pa_units_keep_fn keep,
                          void *data)
{
    if (n_langs == 0) return NULL;
    pa_units *v;
    PA_ALLOC_CALL(v, select_units(u, langs, n_langs, keep, data), NULL, NULL);
    return v;
}
