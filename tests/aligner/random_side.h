/* random_side.h - random word features for the aligner's tests: a
 * reproducible generator (seed rng_state) and one side of a random
 * corpus, for checks of the lexicon and the pair table against plain
 * reference implementations. */
#ifndef PA_TEST_RANDOM_SIDE_H
#define PA_TEST_RANDOM_SIDE_H

#include "align/aligner/features.h"
#include "align/aligner/vocab.h"
#include "align/util/alloc.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint64_t rng_state;

/* A number in [0, n). */
static inline uint32_t rnd(uint32_t n)
{
    rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (uint32_t)(rng_state >> 33) % n;
}

/* n sentences of min_len to min_len + 11 words from a vocabulary of `v`
 * (words w0, w1, ...), no anchors; with `skew`, two words in three drawn
 * toward small ids, so that a few recur and most occur once or twice. */
static inline void random_side(pa_doc_features *df, size_t n, uint32_t v, size_t min_len, int skew)
{
    memset(df, 0, sizeof *df);
    df->vocab = pa_vocab_new();
    char w[32];
    for (uint32_t k = 0; k < v; k++) {
        int len = snprintf(w, sizeof w, "w%u", k);
        pa_vocab_intern(df->vocab, w, (size_t)len);
    }
    df->n = n;
    df->word_at = pa_malloc((n + 1) * sizeof *df->word_at);
    df->anc_at = pa_calloc(n + 1, sizeof *df->anc_at);
    df->words = pa_malloc((n * (min_len + 11) + 1) * sizeof *df->words);
    size_t at = 0;
    for (size_t i = 0; i < n; i++) {
        df->word_at[i] = at;
        size_t len = min_len + rnd(12);
        for (size_t q = 0; q < len; q++) {
            uint32_t r = rnd(v);
            df->words[at++] = skew && rnd(3) ? r * r / v : r;
        }
    }
    df->word_at[n] = at;
}

static inline void free_side(pa_doc_features *df)
{
    pa_vocab_free(df->vocab);
    pa_free(df->words), pa_free(df->word_at), pa_free(df->anc_at);
}

#endif
