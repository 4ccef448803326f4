/* eval.c - see eval.h. Beads are compared as index lists exactly as written,
 * and each file's beads as a set (duplicates count once), like score.py. */
#include "align/aligner/eval.h"
#include "align/util/alloc.h"

#include <stdlib.h>
#include <string.h>

/* One bead as a view into a pa_bead_sets. */
typedef struct bead_view {
    const size_t *src, *tgt;
    size_t n_src, n_tgt;
} bead_view;

static int cmp_runs(const size_t *a, size_t na, const size_t *b, size_t nb)
{
    size_t n = na < nb ? na : nb;
    for (size_t k = 0; k < n; k++)
        if (a[k] != b[k]) return a[k] < b[k] ? -1 : 1;
    return na < nb ? -1 : na > nb;
}

static int cmp_beads(const void *x, const void *y)
{
    const bead_view *a = x, *b = y;
    int c = cmp_runs(a->src, a->n_src, b->src, b->n_src);
    return c ? c : cmp_runs(a->tgt, a->n_tgt, b->tgt, b->n_tgt);
}

/* The distinct beads of `s`, sorted; with `full_only`, only beads with both
 * sides non-empty, else all but the empty "[]:[]". */
static bead_view *bead_set(const pa_bead_sets *s, int full_only, size_t *n)
{
    static const size_t none[1] = {0};
    const size_t *idx = s->idx ? s->idx : none; /* a file of "[]:[]" has no indices */
    bead_view *v = pa_malloc((s->n ? s->n : 1) * sizeof *v);
    size_t k = 0;
    for (size_t i = 0; i < s->n; i++) {
        bead_view b = {idx + s->src_at[i], idx + s->tgt_at[i], s->tgt_at[i] - s->src_at[i],
                       pa_bead_sets_end(s, i) - s->tgt_at[i]};
        if (full_only ? (b.n_src && b.n_tgt) : (b.n_src || b.n_tgt)) v[k++] = b;
    }
    qsort(v, k, sizeof *v, cmp_beads);
    size_t u = 0;
    for (size_t i = 0; i < k; i++)
        if (u == 0 || cmp_beads(&v[u - 1], &v[i]) != 0) v[u++] = v[i];
    *n = u;
    return v;
}

/* Links of a bead set: every (source, target) index pair its beads join,
 * sorted, so that a lookup costs a binary search whatever the indices are
 * (a bead file may name index 10^14). */
typedef struct links {
    size_t (*pair)[2];
    size_t n;
} links;

static int cmp_pair(const void *a, const void *b)
{
    const size_t *x = a, *y = b;
    if (x[0] != y[0]) return x[0] < y[0] ? -1 : 1;
    return (x[1] > y[1]) - (x[1] < y[1]);
}

static links links_of(const bead_view *v, size_t n)
{
    links l = {NULL, 0};
    size_t total = 0;
    for (size_t i = 0; i < n; i++) total += v[i].n_src * v[i].n_tgt;
    l.pair = pa_malloc((total + 1) * sizeof *l.pair);
    for (size_t i = 0; i < n; i++)
        for (size_t a = 0; a < v[i].n_src; a++)
            for (size_t b = 0; b < v[i].n_tgt; b++) l.pair[l.n][0] = v[i].src[a], l.pair[l.n++][1] = v[i].tgt[b];
    if (l.n > 1) qsort(l.pair, l.n, sizeof *l.pair, cmp_pair);
    return l;
}

static int linked(const links *l, const bead_view *b)
{
    for (size_t a = 0; a < b->n_src; a++)
        for (size_t t = 0; t < b->n_tgt; t++) {
            size_t key[2] = {b->src[a], b->tgt[t]};
            if (l->n && bsearch(key, l->pair, l->n, sizeof *l->pair, cmp_pair)) return 1;
        }
    return 0;
}

/* score.py's counts(): judges each bead of `test` against `gold`. */
static void count(const bead_view *gold, size_t ng, const bead_view *test, size_t nt, size_t out[4])
{
    links l = links_of(gold, ng);
    for (size_t i = 0; i < nt; i++) {
        if (bsearch(&test[i], gold, ng, sizeof *gold, cmp_beads)) {
            out[0]++, out[2]++;
            continue;
        }
        out[1]++;
        if (linked(&l, &test[i])) out[2]++;
        else out[3]++;
    }
    pa_free(l.pair);
}

void pa_eval_add(pa_eval_counts *c, const pa_bead_sets *gold, const pa_bead_sets *test)
{
    size_t ng, nt, ngf, ntf;
    bead_view *g = bead_set(gold, 0, &ng), *t = bead_set(test, 0, &nt);
    bead_view *gf = bead_set(gold, 1, &ngf), *tf = bead_set(test, 1, &ntf);
    size_t p[4] = {0}, r[4] = {0};
    count(g, ng, t, nt, p);
    count(tf, ntf, gf, ngf, r);
    c->p_strict_tp += p[0], c->p_strict_fp += p[1], c->p_lax_tp += p[2], c->p_lax_fp += p[3];
    c->r_strict_tp += r[0], c->r_strict_fp += r[1], c->r_lax_tp += r[2], c->r_lax_fp += r[3];
    pa_free(g), pa_free(t), pa_free(gf), pa_free(tf);
}

static double ratio(size_t a, size_t b) { return a + b ? (double)a / (double)(a + b) : 0.0; }
static double f1(double x, double y) { return x + y > 0 ? 2 * x * y / (x + y) : 0.0; }

pa_eval_scores pa_eval_scores_of(const pa_eval_counts *c)
{
    pa_eval_scores s;
    s.precision_strict = ratio(c->p_strict_tp, c->p_strict_fp);
    s.precision_lax = ratio(c->p_lax_tp, c->p_lax_fp);
    s.recall_strict = ratio(c->r_strict_tp, c->r_strict_fp);
    s.recall_lax = ratio(c->r_lax_tp, c->r_lax_fp);
    s.f1_strict = f1(s.precision_strict, s.recall_strict);
    s.f1_lax = f1(s.precision_lax, s.recall_lax);
    return s;
}
