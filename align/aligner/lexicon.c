/* lexicon.c - see lexicon.h. */
#include "align/aligner/lexicon.h"
#include "align/util/alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* EM iterations: Model 1's likelihood is convex, five get close. */
#define IBM1_ITERATIONS 5

/* Open-addressing map from a (source, target) word pair to a dense index;
 * `dense` lists the keys by index, so that the EM passes walk the pairs
 * seen, not the whole table (a 40-sentence document has a few thousand
 * pairs). The table holds indices only, the keys being in `dense`: 4
 * bytes a slot instead of 12, which matters most where it seems least,
 * in one short document a process, as every page a process touches
 * first costs a page fault (132 KB, 33 faults, on a 40-sentence one). */
typedef struct pair_map {
    uint32_t *slot; /* index + 1, 0 = empty */
    size_t cap, n;
    uint64_t *dense; /* the key (source << 32 | target) of each index, in the order first seen */
} pair_map;

static uint64_t mix64(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    return x;
}

/* Whether `need` pairs would fill the table past 70% (linear probing
 * stays short below that). */
static inline int pair_map_full(const pair_map *pm, size_t need) { return !pm->cap || need * 10 >= pm->cap * 7; }

/* Makes room for `need` pairs, rebuilding the table from the dense list
 * when it grows. */
static void pair_map_reserve(pair_map *pm, size_t need)
{
    if (!pair_map_full(pm, need)) return;
    size_t cap = pm->cap ? pm->cap : 64;
    while (need * 10 >= cap * 7) cap *= 2;
    uint32_t *slot = pa_calloc(cap, sizeof *slot);
    for (size_t i = 0; i < pm->n; i++) {
        size_t q = mix64(pm->dense[i] + 1) & (cap - 1);
        while (slot[q]) q = (q + 1) & (cap - 1);
        slot[q] = (uint32_t)i + 1;
    }
    pa_free(pm->slot);
    pm->slot = slot, pm->cap = cap;
}

static uint32_t pair_index(pair_map *pm, uint32_t s, uint32_t t)
{
    if (pair_map_full(pm, pm->n + 1)) pair_map_reserve(pm, pm->n + 1);
    uint64_t key = (uint64_t)s << 32 | t;
    size_t q = mix64(key + 1) & (pm->cap - 1);
    for (; pm->slot[q]; q = (q + 1) & (pm->cap - 1))
        if (pm->dense[pm->slot[q] - 1] == key) return pm->slot[q] - 1;
    pm->dense[pm->n] = key; /* sized for every grid cell */
    pm->slot[q] = (uint32_t)++pm->n;
    return pm->slot[q] - 1;
}

/* A training bead: unique words of each side with their counts. */
typedef struct bag {
    uint32_t *w;
    float *c;
    size_t n;
} bag;

/* The words of sentences [first, first+n) of `df` as a bag, plus NULL. */
static bag make_bag(const pa_doc_features *df, size_t first, size_t n, uint32_t null_id)
{
    size_t a = df->word_at[first], z = df->word_at[first + n];
    uint32_t *tmp = pa_malloc((z - a + 1) * sizeof *tmp);
    if (z > a) {
        memcpy(tmp, df->words + a, (z - a) * sizeof *tmp);
        pa_ids_sort(tmp, z - a);
    }
    bag b = {pa_malloc((z - a + 1) * sizeof *b.w), pa_malloc((z - a + 1) * sizeof *b.c), 0};
    for (size_t k = 0; k < z - a; k++) {
        if (b.n && b.w[b.n - 1] == tmp[k]) b.c[b.n - 1]++;
        else b.w[b.n] = tmp[k], b.c[b.n++] = 1;
    }
    b.w[b.n] = null_id, b.c[b.n++] = 1;
    pa_free(tmp);
    return b;
}

/* Replaces the words of `b` seen once in the whole training set (freq 1)
 * by one token, `rare`, counted once per word, keeping NULL last. Such
 * words are interchangeable: each occurs in this bead alone, once, and
 * starts from the same uniform probabilities, so EM gives every one of
 * them the same tables, and one token standing for all of them (its
 * counts the sum of theirs) carries exactly their share of every other
 * word's counts. They never become links (a link needs two occurrences),
 * and most words of a short document are such words: the token shrinks
 * the pair grid several times over at no cost in the links found. */
static void fold_singletons(bag *b, const float *freq, uint32_t rare)
{
    size_t w = 0;
    float folded = 0;
    for (size_t q = 0; q + 1 < b->n; q++) {
        if (freq[b->w[q]] < 2) folded += b->c[q];
        else b->w[w] = b->w[q], b->c[w++] = b->c[q];
    }
    if (folded > 0) b->w[w] = rare, b->c[w++] = folded;
    b->w[w] = b->w[b->n - 1], b->c[w++] = b->c[b->n - 1]; /* NULL */
    b->n = w;
}

size_t pa_lexicon_train(const pa_pair_features *pf, const pa_alignment *a, size_t max_pairs,
                        pa_lexicon_entry **out, size_t *n_beads, const pa_logger *logger)
{
    uint32_t ns = (uint32_t)pa_vocab_size(pf->src.vocab), nt = (uint32_t)pa_vocab_size(pf->tgt.vocab);
    size_t nb = 0, n_pairs = 0;
    bag *sb = pa_malloc((a->n + 1) * sizeof *sb), *tb = pa_malloc((a->n + 1) * sizeof *tb);
    float *freq_s = pa_calloc(ns + 1, sizeof *freq_s), *freq_t = pa_calloc(nt + 1, sizeof *freq_t);
    for (size_t k = 0; k < a->n && n_pairs < max_pairs; k++) {
        const pa_bead *b = &a->beads[k];
        if (!b->n_src || !b->n_tgt) continue;
        sb[nb] = make_bag(&pf->src, b->src, b->n_src, ns);
        tb[nb] = make_bag(&pf->tgt, b->tgt, b->n_tgt, nt);
        if (n_pairs + sb[nb].n * tb[nb].n > max_pairs || sb[nb].n * tb[nb].n > max_pairs / 8) {
            /* a bead that would take the budget (one huge paragraph) is left out */
            pa_free(sb[nb].w), pa_free(sb[nb].c), pa_free(tb[nb].w), pa_free(tb[nb].c);
            continue;
        }
        for (size_t q = 0; q + 1 < sb[nb].n; q++) freq_s[sb[nb].w[q]] += sb[nb].c[q];
        for (size_t q = 0; q + 1 < tb[nb].n; q++) freq_t[tb[nb].w[q]] += tb[nb].c[q];
        n_pairs += sb[nb].n * tb[nb].n;
        nb++;
    }
    /* Beads are chosen on their full size, so that the budget means the
     * same with and without folding; then each bead's once-seen words fold
     * into a token of its own (ids past NULL: ns + 1 + k). */
    for (size_t k = 0; k < nb; k++) {
        fold_singletons(&sb[k], freq_s, ns + 1 + (uint32_t)k);
        fold_singletons(&tb[k], freq_t, nt + 1 + (uint32_t)k);
    }
    n_pairs = 0;
    for (size_t k = 0; k < nb; k++) n_pairs += sb[k].n * tb[k].n;
    /* Pair indices of every bead, in (source, target) order; NULL x NULL
     * is never used but keeps the layout a plain grid. */
    pair_map pm = {0};
    /* Sized for the grid up front (at most one pair per grid cell, up to
     * 64K), so a small document neither rehashes nor clears a big table;
     * the key list holds a pair per cell at most, so it never moves
     * (moving it touched fresh pages twice over). */
    pair_map_reserve(&pm, n_pairs < ((size_t)1 << 16) ? n_pairs : (size_t)1 << 16);
    pm.dense = pa_malloc((n_pairs + 1) * sizeof *pm.dense);
    size_t *grid_at = pa_malloc((nb + 1) * sizeof *grid_at);
    uint32_t *grid = pa_malloc((n_pairs + 1) * sizeof *grid);
    grid_at[0] = 0;
    for (size_t k = 0; k < nb; k++) {
        size_t g = grid_at[k];
        for (size_t x = 0; x < sb[k].n; x++)
            for (size_t y = 0; y < tb[k].n; y++) grid[g++] = pair_index(&pm, sb[k].w[x], tb[k].w[y]);
        grid_at[k + 1] = g;
    }
    /* The table only finds indices: freed before the EM arrays, which
     * then take its pages instead of fresh ones (each page a process
     * touches first costs a fault). */
    pa_free(pm.slot);
    pm.slot = NULL;
    /* p_ts: p(t|s) (source NULL generates unaligned target words);
     * p_st: p(s|t). Uniform start. */
    float *p_ts = pa_malloc((pm.n + 1) * sizeof *p_ts), *p_st = pa_malloc((pm.n + 1) * sizeof *p_st);
    float *c_ts = pa_malloc((pm.n + 1) * sizeof *c_ts), *c_st = pa_malloc((pm.n + 1) * sizeof *c_st);
    size_t n_tot_s = ns + 1 + nb, n_tot_t = nt + 1 + nb; /* words, NULL, one folded token per bead */
    double *tot_s = pa_malloc(n_tot_s * sizeof *tot_s), *tot_t = pa_malloc(n_tot_t * sizeof *tot_t);
    for (size_t k = 0; k < pm.n; k++) p_ts[k] = p_st[k] = 1.0f;
    for (int it = 0; it < IBM1_ITERATIONS; it++) {
        memset(c_ts, 0, pm.n * sizeof *c_ts);
        memset(c_st, 0, pm.n * sizeof *c_st);
        for (size_t k = 0; k < nb; k++) {
            const uint32_t *g = grid + grid_at[k];
            size_t S = sb[k].n, T = tb[k].n;
            /* target words generated by source words (and source NULL) */
            for (size_t y = 0; y + 1 < T; y++) {
                double z = 0;
                for (size_t x = 0; x < S; x++) z += sb[k].c[x] * p_ts[g[x * T + y]];
                if (z <= 0) continue;
                double f = tb[k].c[y] / z;
                for (size_t x = 0; x < S; x++) c_ts[g[x * T + y]] += (float)(f * sb[k].c[x] * p_ts[g[x * T + y]]);
            }
            /* source words generated by target words (and target NULL) */
            for (size_t x = 0; x + 1 < S; x++) {
                double z = 0;
                for (size_t y = 0; y < T; y++) z += tb[k].c[y] * p_st[g[x * T + y]];
                if (z <= 0) continue;
                double f = sb[k].c[x] / z;
                for (size_t y = 0; y < T; y++) c_st[g[x * T + y]] += (float)(f * tb[k].c[y] * p_st[g[x * T + y]]);
            }
        }
        /* M-step: normalise per conditioning word. The grid visits each
         * (pair, bead) once; totals come from the keys. */
        memset(tot_s, 0, n_tot_s * sizeof *tot_s);
        memset(tot_t, 0, n_tot_t * sizeof *tot_t);
        for (size_t i = 0; i < pm.n;) {
            /* pairs come in runs of one source word (a bead's grid row):
             * its total is summed in a register over the run, in the same
             * order, not stored and reloaded a pair at a time */
            uint32_t s = (uint32_t)(pm.dense[i] >> 32);
            double acc = tot_s[s];
            for (; i < pm.n && (uint32_t)(pm.dense[i] >> 32) == s; i++) {
                acc += c_ts[i];
                tot_t[(uint32_t)pm.dense[i]] += c_st[i];
            }
            tot_s[s] = acc;
        }
        for (size_t i = 0; i < pm.n; i++) {
            uint64_t key = pm.dense[i];
            uint32_t s = (uint32_t)(key >> 32), t = (uint32_t)key;
            p_ts[i] = tot_s[s] > 0 ? (float)(c_ts[i] / tot_s[s]) : 0;
            p_st[i] = tot_t[t] > 0 ? (float)(c_st[i] / tot_t[t]) : 0;
        }
    }
    /* Links: pairs both directions agree on, between words seen twice. */
    size_t n_links = 0, cap_links = 0;
    pa_lexicon_entry *links = NULL;
    for (size_t i = 0; i < pm.n; i++) {
        uint64_t key = pm.dense[i];
        uint32_t s = (uint32_t)(key >> 32), t = (uint32_t)key;
        if (s >= ns || t >= nt || freq_s[s] < 2 || freq_t[t] < 2) continue;
        if (p_ts[i] < PA_LINK_MIN_PROB || p_st[i] < PA_LINK_MIN_PROB) continue;
        PA_GROW(links, cap_links, n_links + 1);
        links[n_links++] = (pa_lexicon_entry){s, t, p_ts[i], p_st[i]};
    }
    pa_log(logger, PA_LOG_DEBUG, "lexicon: %zu beads, %zu word pairs, %zu links", nb, pm.n, n_links);
    for (size_t k = 0; k < nb; k++) pa_free(sb[k].w), pa_free(sb[k].c), pa_free(tb[k].w), pa_free(tb[k].c);
    pa_free(sb), pa_free(tb), pa_free(freq_s), pa_free(freq_t), pa_free(grid_at), pa_free(grid);
    pa_free(p_ts), pa_free(p_st), pa_free(c_ts), pa_free(c_st), pa_free(tot_s), pa_free(tot_t);
    pa_free(pm.slot), pa_free(pm.dense);
    if (n_beads) *n_beads = nb;
    *out = links;
    return n_links;
}

void pa_lexicon_learn(const pa_pair_features *pf, const pa_alignment *a, pa_links *out, const pa_logger *logger)
{
    pa_lexicon_entry *e;
    size_t n = pa_lexicon_train(pf, a, PA_LEXICON_DOC_PAIRS, &e, NULL, logger);
    uint32_t *pairs = pa_malloc((2 * n + 1) * sizeof *pairs);
    for (size_t k = 0; k < n; k++) pairs[2 * k] = e[k].src, pairs[2 * k + 1] = e[k].tgt;
    pa_links_build(out, pa_vocab_size(pf->src.vocab), pa_vocab_size(pf->tgt.vocab), pairs, n);
    pa_free(pairs);
    pa_free(e);
}
