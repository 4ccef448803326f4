/* test_lexicon.c - the learned lexicon against a plain IBM Model 1, and
 * the id sort it and the pair table rely on.
 *
 * pa_lexicon_train folds the words seen once into one token per bead and
 * keeps its tables in a hash of the pairs seen; the reference here is the
 * textbook algorithm on dense tables, every word its own. On random
 * corpora with many once-seen words both must find the same links with the
 * same probabilities. */
#include "align/aligner/lexicon.h"
#include "align/aligner/links.h"
#include "align/aligner/vocab.h"
#include "align/util/alloc.h"
#include "tests/aligner/random_side.h"
#include "tests/tap.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* pa_ids_sort and pa_ids_sort_unique against qsort on arrays of every
 * shape the partition has edge cases for. */
static void test_sort(void)
{
    static const size_t sizes[] = {0, 1, 2, 3, 15, 16, 17, 31, 100, 1000, 5000};
    int bad = 0, cases = 0;
    for (size_t si = 0; si < sizeof sizes / sizeof *sizes; si++) {
        size_t n = sizes[si];
        for (int shape = 0; shape < 6; shape++) {
            uint32_t *a = pa_malloc((n + 1) * sizeof *a), *b = pa_malloc((n + 1) * sizeof *b);
            for (size_t k = 0; k < n; k++) {
                switch (shape) {
                case 0: a[k] = rnd(1u << 30); break;           /* distinct, mostly */
                case 1: a[k] = rnd(4); break;                  /* many duplicates */
                case 2: a[k] = (uint32_t)k; break;             /* sorted */
                case 3: a[k] = (uint32_t)(n - k); break;       /* reversed */
                case 4: a[k] = 7; break;                       /* all equal */
                default: a[k] = k % 2 ? UINT32_MAX : 0; break; /* extremes */
                }
            }
            memcpy(b, a, n * sizeof *a);
            pa_ids_sort(a, n);
            if (n) qsort(b, n, sizeof *b, cmp_u32);
            cases++;
            if (n && memcmp(a, b, n * sizeof *a) != 0) bad++;
            size_t u = pa_ids_sort_unique(a, n), v = 0;
            for (size_t k = 0; k < n; k++)
                if (v == 0 || b[k] != b[v - 1]) b[v++] = b[k];
            if (u != v || (u && memcmp(a, b, u * sizeof *a) != 0)) bad++;
            pa_free(a), pa_free(b);
        }
    }
    ok(bad == 0, "pa_ids_sort and pa_ids_sort_unique agree with qsort on %d arrays", cases);
}

/* Textbook IBM Model 1 in both directions on dense tables, NULL as the
 * last word of each side, the same five iterations from the same uniform
 * start; p_ts[s * (nt + 1) + t] = p(t|s), p_st likewise p(s|t). */
static void reference_ibm1(const pa_pair_features *pf, const pa_alignment *a, double *p_ts, double *p_st)
{
    size_t ns = pa_vocab_size(pf->src.vocab), nt = pa_vocab_size(pf->tgt.vocab), W = nt + 1;
    size_t cells = (ns + 1) * W;
    double *c_ts = pa_malloc(cells * sizeof *c_ts), *c_st = pa_malloc(cells * sizeof *c_st);
    double *cs = pa_malloc((ns + 1) * sizeof *cs), *ct = pa_malloc((nt + 1) * sizeof *ct);
    for (size_t k = 0; k < cells; k++) p_ts[k] = p_st[k] = 1;
    for (int it = 0; it < 5; it++) {
        memset(c_ts, 0, cells * sizeof *c_ts), memset(c_st, 0, cells * sizeof *c_st);
        for (size_t b = 0; b < a->n; b++) {
            const pa_bead *bd = &a->beads[b];
            /* word counts of the bead, NULL counted once */
            memset(cs, 0, (ns + 1) * sizeof *cs), memset(ct, 0, (nt + 1) * sizeof *ct);
            for (size_t q = pf->src.word_at[bd->src]; q < pf->src.word_at[bd->src + bd->n_src]; q++) cs[pf->src.words[q]]++;
            for (size_t q = pf->tgt.word_at[bd->tgt]; q < pf->tgt.word_at[bd->tgt + bd->n_tgt]; q++) ct[pf->tgt.words[q]]++;
            cs[ns] = ct[nt] = 1;
            for (size_t t = 0; t < nt; t++) {
                if (!ct[t]) continue;
                double z = 0;
                for (size_t s = 0; s <= ns; s++) z += cs[s] * p_ts[s * W + t];
                for (size_t s = 0; s <= ns; s++) c_ts[s * W + t] += ct[t] * cs[s] * p_ts[s * W + t] / z;
            }
            for (size_t s = 0; s < ns; s++) {
                if (!cs[s]) continue;
                double z = 0;
                for (size_t t = 0; t <= nt; t++) z += ct[t] * p_st[s * W + t];
                for (size_t t = 0; t <= nt; t++) c_st[s * W + t] += cs[s] * ct[t] * p_st[s * W + t] / z;
            }
        }
        for (size_t s = 0; s <= ns; s++) {
            double tot = 0;
            for (size_t t = 0; t <= nt; t++) tot += c_ts[s * W + t];
            for (size_t t = 0; t <= nt; t++) p_ts[s * W + t] = tot > 0 ? c_ts[s * W + t] / tot : 0;
        }
        for (size_t t = 0; t <= nt; t++) {
            double tot = 0;
            for (size_t s = 0; s <= ns; s++) tot += c_st[s * W + t];
            for (size_t s = 0; s <= ns; s++) p_st[s * W + t] = tot > 0 ? c_st[s * W + t] / tot : 0;
        }
    }
    pa_free(c_ts), pa_free(c_st), pa_free(cs), pa_free(ct);
}

/* Words occurring at least twice in the beads' text. */
static void count_words(const pa_doc_features *df, const pa_alignment *a, int side, unsigned *freq)
{
    for (size_t b = 0; b < a->n; b++) {
        size_t first = side ? a->beads[b].tgt : a->beads[b].src, n = side ? a->beads[b].n_tgt : a->beads[b].n_src;
        for (size_t q = df->word_at[first]; q < df->word_at[first + n]; q++) freq[df->words[q]]++;
    }
}

static void test_against_reference(unsigned seed)
{
    rng_state = seed;
    size_t n = 40;
    pa_pair_features pf;
    memset(&pf, 0, sizeof pf);
    random_side(&pf.src, n, 120, 2, 1);
    random_side(&pf.tgt, n, 150, 2, 1);
    /* 1-1 beads with a 2-1 and a 1-2 among them */
    pa_alignment a = {0};
    for (size_t i = 0, j = 0; i + 2 <= n && j + 2 <= n;) {
        size_t di = i == 10 ? 2 : 1, dj = j == 25 ? 2 : 1;
        pa_alignment_add(&a, (pa_bead){i, di, j, dj, 1.0});
        i += di, j += dj;
    }
    size_t ns = pa_vocab_size(pf.src.vocab), nt = pa_vocab_size(pf.tgt.vocab), W = nt + 1;
    double *p_ts = pa_malloc((ns + 1) * W * sizeof *p_ts), *p_st = pa_malloc((ns + 1) * W * sizeof *p_st);
    reference_ibm1(&pf, &a, p_ts, p_st);
    unsigned *fs = pa_calloc(ns + 1, sizeof *fs), *ft = pa_calloc(nt + 1, sizeof *ft);
    count_words(&pf.src, &a, 0, fs);
    count_words(&pf.tgt, &a, 1, ft);
    size_t once = 0, words = 0;
    for (size_t s = 0; s < ns; s++) words += fs[s] > 0, once += fs[s] == 1;

    pa_lexicon_entry *e;
    size_t used;
    size_t got = pa_lexicon_train(&pf, &a, PA_LEXICON_DOC_PAIRS, &e, &used, NULL);
    /* every link the trainer gives is a reference link, with its probabilities */
    int bad_p = 0, not_ref = 0;
    for (size_t k = 0; k < got; k++) {
        double rt = p_ts[e[k].src * W + e[k].tgt], rs = p_st[e[k].src * W + e[k].tgt];
        if (fabs(rt - e[k].p_ts) > 1e-4 || fabs(rs - e[k].p_st) > 1e-4) bad_p++;
        if (fs[e[k].src] < 2 || ft[e[k].tgt] < 2 || rt < PA_LINK_MIN_PROB - 1e-4 || rs < PA_LINK_MIN_PROB - 1e-4)
            not_ref++;
    }
    /* and every reference link clear of the threshold is among them */
    size_t ref = 0, missing = 0;
    for (size_t s = 0; s < ns; s++)
        for (size_t t = 0; t < nt; t++) {
            if (fs[s] < 2 || ft[t] < 2) continue;
            double rt = p_ts[s * W + t], rs = p_st[s * W + t];
            if (rt < PA_LINK_MIN_PROB + 1e-4 || rs < PA_LINK_MIN_PROB + 1e-4) continue;
            ref++;
            int found = 0;
            for (size_t k = 0; k < got && !found; k++) found = e[k].src == s && e[k].tgt == t;
            missing += !found;
        }
    ok(used == a.n, "seed %u: every bead trained on (%zu of %zu)", seed, used, a.n);
    ok(ref > 5 && missing == 0, "seed %u: all %zu reference links found (%zu missing; %zu of %zu source words once-seen)",
       seed, ref, missing, once, words);
    ok(not_ref == 0 && bad_p == 0, "seed %u: %zu links, none outside the reference (%d), probabilities within 1e-4 (%d off)",
       seed, got, not_ref, bad_p);
    pa_free(e), pa_free(p_ts), pa_free(p_st), pa_free(fs), pa_free(ft);
    pa_alignment_free(&a);
    free_side(&pf.src), free_side(&pf.tgt);
}

int main(void)
{
    rng_state = 12345;
    test_sort();
    for (unsigned seed = 1; seed <= 4; seed++) test_against_reference(seed);
    return done_testing();
}
