/* test_pairs.c - the pair table's word matches against their definition.
 *
 * A linked word of sentence a (source) is matched when a link of either
 * kind joins it to some word of sentence b (target), and likewise for b's
 * words. The pair table finds them through a table of the target words a's
 * words reach (built once a source sentence); the reference here walks
 * every word pair and every link. Random sentences and two random link
 * tables, one with a smaller vocabulary than the documents' (words past it
 * have no links of that kind), every pair visited in two orders so that
 * the per-sentence table is built afresh and reused. */
#include "align/aligner/links.h"
#include "align/aligner/pairs.h"
#include "align/aligner/search_run.h"
#include "align/aligner/vocab.h"
#include "align/util/alloc.h"
#include "tests/aligner/random_side.h"
#include "tests/tap.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* `np` random links between source ids < ns and target ids < nt. */
static void random_links(pa_links *l, uint32_t ns, uint32_t nt, size_t np)
{
    uint32_t *pairs = pa_malloc((2 * np + 1) * sizeof *pairs);
    for (size_t k = 0; k < np; k++) pairs[2 * k] = rnd(ns), pairs[2 * k + 1] = rnd(nt);
    pa_links_build(l, ns, nt, pairs, np);
    pa_free(pairs);
}

static int linked(const pa_links *l, uint32_t s, uint32_t t)
{
    if (s >= l->n_src) return 0;
    for (size_t e = l->fwd_at[s]; e < l->fwd_at[s + 1]; e++)
        if (l->fwd[e] == t) return 1;
    return 0;
}

static int has_links(const pa_links *const links[2], uint32_t w, int side)
{
    for (int l = 0; l < 2; l++) {
        size_t n = side ? links[l]->n_tgt : links[l]->n_src;
        const size_t *at = side ? links[l]->bwd_at : links[l]->fwd_at;
        if (w < n && at[w] < at[w + 1]) return 1;
    }
    return 0;
}

/* The distinct linked words of sentence k, and how many of them some word
 * of sentence o of the other side is linked to. */
static void reference(const pa_pair_features *pf, const pa_links *const links[2], int side, size_t k, size_t o,
                      unsigned *n_linked, unsigned *n_matched)
{
    const pa_doc_features *me = side ? &pf->tgt : &pf->src, *other = side ? &pf->src : &pf->tgt;
    *n_linked = *n_matched = 0;
    for (size_t q = me->word_at[k]; q < me->word_at[k + 1]; q++) {
        uint32_t w = me->words[q];
        int seen = 0;
        for (size_t r = me->word_at[k]; r < q; r++) seen |= me->words[r] == w;
        if (seen || !has_links(links, w, side)) continue;
        (*n_linked)++;
        int hit = 0;
        for (size_t r = other->word_at[o]; r < other->word_at[o + 1] && !hit; r++) {
            uint32_t x = other->words[r];
            for (int l = 0; l < 2 && !hit; l++) hit = side ? linked(links[l], x, w) : linked(links[l], w, x);
        }
        *n_matched += (unsigned)hit;
    }
}

static int check_pair(pa_pair_table *pt, const pa_pair_features *pf, const pa_links *const links[2], size_t a,
                      size_t b)
{
    unsigned m[PA_EV_COUNT][2], ns[PA_EV_COUNT], nt[PA_EV_COUNT];
    pa_pair_counts(pt, pf, a, b, m, ns, nt);
    unsigned rl_s, rm_s, rl_t, rm_t;
    reference(pf, links, 0, a, b, &rl_s, &rm_s);
    reference(pf, links, 1, b, a, &rl_t, &rm_t);
    return ns[PA_EV_LEXICAL] + ns[PA_EV_DICT] == rl_s && nt[PA_EV_LEXICAL] + nt[PA_EV_DICT] == rl_t &&
           m[PA_EV_LEXICAL][0] + m[PA_EV_DICT][0] == rm_s && m[PA_EV_LEXICAL][1] + m[PA_EV_DICT][1] == rm_t;
}

/* Two random sides of `least` to `least + spread - 1` sentences, and two
 * random link tables between them, the external one over half the
 * vocabularies (words past half have no link of that kind). */
static void random_pair(pa_pair_features *pf, pa_links *learned, pa_links *external, uint32_t least, uint32_t spread)
{
    memset(pf, 0, sizeof *pf);
    uint32_t vs = 60 + rnd(40), vt = 60 + rnd(40);
    random_side(&pf->src, least + rnd(spread), vs, 1, 0);
    random_side(&pf->tgt, least + rnd(spread), vt, 1, 0);
    random_links(learned, vs, vt, 80 + rnd(80));
    random_links(external, vs / 2, vt / 2, 40 + rnd(40));
}

static void test_seed(unsigned seed)
{
    rng_state = seed;
    pa_pair_features pf;
    pa_links learned, external;
    random_pair(&pf, &learned, &external, 30, 20);
    const pa_links *links[PA_LINK_KINDS] = {&learned, &external};
    pa_pair_table pt;
    pa_pair_table_init(&pt, &pf, links, NULL);
    size_t bad = 0, pairs = 0, matched = 0;
    for (size_t a = 0; a < pf.src.n; a++) /* a source sentence at a time */
        for (size_t b = 0; b < pf.tgt.n; b++, pairs++) bad += !check_pair(&pt, &pf, links, a, b);
    for (size_t b = 0; b < pf.tgt.n; b++) /* the source changing at every call */
        for (size_t a = 0; a < pf.src.n; a++, pairs++) bad += !check_pair(&pt, &pf, links, a, b);
    for (size_t a = 0; a < pf.src.n; a++)
        for (size_t b = 0; b < pf.tgt.n; b++) {
            unsigned l, k;
            reference(&pf, links, 0, a, b, &l, &k);
            matched += k;
        }
    ok(bad == 0 && matched > 0, "seed %u: word matches of %zu pairs as defined (%zu differ; %zu matches in all)", seed,
       pairs, bad, matched);
    pa_pair_table_free(&pt);
    pa_links_free(&learned), pa_links_free(&external);
    free_side(&pf.src), free_side(&pf.tgt);
}

/* Random anchors for every sentence of `df`: 0 to 5 unique ids below
 * `n_ids`, sorted, a third of them candidates (which match, but take no
 * slot). */
static void random_anchors(pa_doc_features *df, uint32_t n_ids)
{
    df->anc = pa_malloc((df->n * 6 + 1) * sizeof *df->anc);
    size_t at = 0;
    for (size_t i = 0; i < df->n; i++) {
        df->anc_at[i] = at;
        for (uint32_t id = 0, want = rnd(6); id < n_ids && want; id++)
            if (rnd(n_ids) < 2 * want) df->anc[at++] = id | (rnd(3) ? 0 : PA_ANCHOR_CANDIDATE), want--;
    }
    df->anc_at[df->n] = at;
}

/* Of sentence k's anchors with a slot, by class, those whose id sentence o
 * of the other side has too (candidate or not). */
static void anchor_reference(const pa_pair_features *pf, int side, size_t k, size_t o, unsigned m[PA_AC_COUNT])
{
    const pa_doc_features *me = side ? &pf->tgt : &pf->src, *other = side ? &pf->src : &pf->tgt;
    memset(m, 0, PA_AC_COUNT * sizeof *m);
    for (size_t x = me->anc_at[k]; x < me->anc_at[k + 1]; x++) {
        if (me->anc[x] & PA_ANCHOR_CANDIDATE) continue;
        for (size_t y = other->anc_at[o]; y < other->anc_at[o + 1]; y++)
            if ((other->anc[y] & ~PA_ANCHOR_CANDIDATE) == me->anc[x]) m[pf->anchor_class[me->anc[x]]]++;
    }
}

/* The pair table's anchor matches (a table of the source sentence's
 * anchors, built once a source sentence) against the definition: the ids
 * both sentences have, each side's slotted ones counted by class; every
 * pair visited in two orders, so that the table is built afresh and
 * reused. */
static void test_anchors(unsigned seed)
{
    rng_state = seed;
    pa_pair_features pf;
    memset(&pf, 0, sizeof pf);
    random_side(&pf.src, 30 + rnd(20), 50, 1, 0);
    random_side(&pf.tgt, 30 + rnd(20), 50, 1, 0);
    uint32_t n_ids = 24;
    uint8_t cls[24];
    for (uint32_t k = 0; k < n_ids; k++) cls[k] = (uint8_t)rnd(PA_AC_COUNT);
    pf.anchor_class = cls, pf.n_anchor_class = n_ids;
    random_anchors(&pf.src, n_ids);
    random_anchors(&pf.tgt, n_ids);
    const pa_links *links[PA_LINK_KINDS] = {NULL, NULL};
    pa_pair_table pt;
    pa_pair_table_init(&pt, &pf, links, NULL);
    size_t bad = 0, pairs = 0, matched = 0;
    for (int order = 0; order < 2; order++)
        for (size_t p = 0; p < pf.src.n; p++)
            for (size_t q = 0; q < pf.tgt.n; q++, pairs++) {
                size_t a = order ? (q * 7 + p) % pf.src.n : p, b = q;
                unsigned m[PA_EV_COUNT][2], ns[PA_EV_COUNT], nt[PA_EV_COUNT], rs[PA_AC_COUNT], rt[PA_AC_COUNT];
                pa_pair_counts(&pt, &pf, a, b, m, ns, nt);
                anchor_reference(&pf, 0, a, b, rs);
                anchor_reference(&pf, 1, b, a, rt);
                int same = 1;
                for (int c = 0; c < PA_AC_COUNT; c++) same &= m[c][0] == rs[c] && m[c][1] == rt[c], matched += rs[c];
                bad += !same;
            }
    ok(bad == 0 && matched > 0, "seed %u: anchor matches of %zu pairs as defined (%zu differ; %zu matches in all)",
       seed, pairs, bad, matched);
    pa_pair_table_free(&pt);
    pa_free(pf.src.anc), pa_free(pf.tgt.anc);
    free_side(&pf.src), free_side(&pf.tgt);
}

/* The search skips a bead whose evidence bound cannot beat its cell's
 * best entry: the bound must hold for every bead that starts and ends in
 * the band, of every shape up to `max_side` sources, with every class
 * weighted (random rates, the translation's above chance), in a full band
 * or a narrow one with empty rows, asked row by row as a search does or
 * in random order (the block sums are kept in a ring by row). */
static void test_bound(unsigned seed, size_t max_side, int narrow, int shuffled)
{
    rng_state = seed;
    pa_pair_features pf;
    pa_links learned, external;
    random_pair(&pf, &learned, &external, 20, 10);
    const pa_links *links[PA_LINK_KINDS] = {&learned, &external};
    pa_evidence_weights w;
    memset(&w, 0, sizeof w);
    for (int c = 0; c < PA_EV_COUNT; c++)
        for (int d = 0; d < 2; d++) {
            w.qr[c][d] = 0.01 + rnd(30) / 100.0;
            w.qa[c][d] = w.qr[c][d] + 0.05 + rnd(60) / 100.0;
            w.share[c][d] = rnd(2) ? 0.5 : 1.0;
        }
    pa_pair_table pt;
    pa_pair_table_init(&pt, &pf, links, &w);
    size_t n = pf.src.n, m = pf.tgt.n;
    pa_band band;
    if (narrow) {
        pa_band_init(&band, n, m);
        pa_band_add_line(&band, 0, 0, n, m, 3);
        for (size_t i = 1; i < n; i++)
            if (rnd(6) == 0) band.lo[i] = 1, band.hi[i] = 0; /* an empty row */
        pa_band_update(&band);
    } else {
        pa_band_full(&band, n, m);
    }
    pa_pair_table_set_band(&pt, &band, max_side);
    /* the beads, in search order or shuffled */
    size_t cap = (n + 1) * (m + 1) * PA_MAX_SIDE * PA_MAX_SIDE, nb = 0;
    size_t (*bead)[4] = pa_malloc(cap * sizeof *bead);
    for (size_t r = 1; r <= n; r++) /* by the row the bead ends on */
        for (size_t j = 0; j < m; j++)
            for (size_t ns = 1; ns <= max_side && ns <= r; ns++)
                for (size_t nt = 1; ns + nt <= max_side + 1 && j + nt <= m; nt++) {
                    size_t i = r - ns;
                    if (!pa_band_in_row(&band, i, j) || !pa_band_in_row(&band, r, j + nt)) continue;
                    bead[nb][0] = i, bead[nb][1] = ns, bead[nb][2] = j, bead[nb][3] = nt, nb++;
                }
    for (size_t k = nb; shuffled && k > 1; k--) {
        size_t q = rnd((uint32_t)k), t[4];
        memcpy(t, bead[k - 1], sizeof t), memcpy(bead[k - 1], bead[q], sizeof t), memcpy(bead[q], t, sizeof t);
    }
    size_t bad = 0, positive = 0;
    for (size_t k = 0; k < nb; k++) {
        size_t i = bead[k][0], ns = bead[k][1], j = bead[k][2], nt = bead[k][3];
        double most = pa_pair_table_bead_bound(&pt, i, ns, j, nt);
        double ev = pa_pair_table_bead(&pt, i, ns, j, nt);
        bad += ev > most + 1e-9 * (1 + fabs(most));
        positive += ev > 0;
    }
    ok(bad == 0 && positive > 0 && pt.block_ok,
       "seed %u, %zu a side, %s band, %s: the evidence bound holds for %zu beads (%zu exceed it; %zu with evidence > 0)",
       seed, max_side, narrow ? "a narrow" : "the full", shuffled ? "shuffled" : "row by row", nb, bad, positive);
    pa_free(bead);
    pa_band_free(&band);
    pa_pair_table_free(&pt);
    pa_links_free(&learned), pa_links_free(&external);
    free_side(&pf.src), free_side(&pf.tgt);
}

/* Where a gain grows with the other side's sentences (only rounding does
 * that, at chance rates near 1), the bound is every token matched. A 1-1
 * bead whose N tokens all match then has the most evidence it can, summed
 * from its cells' float gains: the bound must stay above it. */
static void test_fallback_bound(void)
{
    size_t checked = 0, bad = 0, fallback = 0;
    uint32_t ids[64];
    uint8_t cls[64];
    for (uint32_t k = 0; k < 64; k++) ids[k] = k, cls[k] = PA_AC_NUMBER;
    for (int q = 0; q < 6; q++)
        for (size_t n_tok = 1; n_tok <= 64; n_tok++) {
            pa_pair_features pf;
            memset(&pf, 0, sizeof pf);
            pf.anchor_class = cls, pf.n_anchor_class = 64;
            size_t anc_at[2] = {0, n_tok}, word_at[2] = {0, 0};
            uint32_t no_words[1] = {0};
            pa_doc_features *side[2] = {&pf.src, &pf.tgt};
            for (int d = 0; d < 2; d++)
                side[d]->n = 1, side[d]->anc = ids, side[d]->anc_at = anc_at, side[d]->words = no_words,
                side[d]->word_at = word_at;
            pa_evidence_weights w;
            memset(&w, 0, sizeof w);
            for (int d = 0; d < 2; d++)
                w.qa[PA_AC_NUMBER][d] = 0.999, w.qr[PA_AC_NUMBER][d] = 0.993 + q * 0.001, w.share[PA_AC_NUMBER][d] = 0.5;
            const pa_links *links[PA_LINK_KINDS] = {NULL, NULL};
            pa_pair_table pt;
            pa_pair_table_init(&pt, &pf, links, &w);
            pa_band band;
            pa_band_full(&band, 1, 1);
            pa_pair_table_set_band(&pt, &band, PA_MAX_SIDE);
            double ev = pa_pair_table_bead(&pt, 0, 1, 0, 1), most = pa_pair_table_bead_bound(&pt, 0, 1, 0, 1);
            fallback += !pt.block_ok;
            bad += !isnan(most) && ev > most; /* a NaN bound (chance rates too near 1) never skips */
            checked++;
            pa_pair_table_free(&pt);
            pa_band_free(&band);
        }
    ok(bad == 0 && fallback > 0, "every-token bound holds for %zu beads of 1 to 64 matched tokens (%zu exceed it; %zu on that bound)",
       checked, bad, fallback);
}

int main(void)
{
    for (unsigned seed = 1; seed <= 6; seed++) test_seed(seed);
    for (unsigned seed = 1; seed <= 3; seed++) test_anchors(seed);
    for (unsigned seed = 1; seed <= 4; seed++) test_bound(seed, PA_MAX_SIDE, 0, 0);
    test_bound(5, PA_MAX_SIDE, 1, 0);
    test_bound(6, PA_MAX_SIDE, 1, 1);
    test_bound(7, 3, 1, 0);
    test_bound(8, 2, 0, 1);
    test_fallback_bound();
    return done_testing();
}
