/* features.h - what the aligner knows about each sentence.
 *
 * Besides its length, a sentence is described by two sets of ids:
 *  - anchors: keys that match by identity across languages - numbers in any
 *    script ("2018", "二〇一八", "٢٠١٨" and "two thousand and eighteen"'s
 *    parts all become "#2018"), romanized names (a capitalized English word
 *    "Qingyang" matches the pinyin of 清扬), cognates (the ASCII-folded first
 *    letters of longer words: "expedition" ~ "expédition"), punctuation that
 *    carries over (? ! quotes ellipsis colon parentheses) and paragraph
 *    numbers. Each anchor belongs to a class; classes are scored separately
 *    (model.h) because they differ in how much they prove.
 *  - words: the sentence's tokens in its language's word vocabulary (ICU word
 *    break, dictionary-based for Chinese; case-folded), for the lexical model.
 * Anchor keys live in one vocabulary shared by both documents of a pair, so
 * matching is a merge of sorted id arrays.
 */
#ifndef PA_FEATURES_H
#define PA_FEATURES_H

#include <stddef.h>
#include <stdint.h>

#include "align/aligner/vocab.h"
#include "align/readers/document.h"
#include "align/util/error.h"

enum pa_anchor_class {
    PA_AC_NUMBER,   /* numbers in any script or as words */
    PA_AC_NAME,     /* romanized names against pinyin (a pair with Chinese) */
    PA_AC_COGNATE,  /* same first letters after romanization */
    PA_AC_QUESTION, /* ? ？ ؟ */
    PA_AC_EXCLAIM,  /* ! ！ */
    PA_AC_QUOTE,    /* quotation marks of any style */
    PA_AC_ELLIPSIS, /* … ... …… */
    PA_AC_COLON,    /* : ： */
    PA_AC_PAREN,    /* ( （ [ */
    PA_AC_PARANUM,  /* a paragraph or list number opening the paragraph */
    PA_AC_COUNT
};

/* An anchor id with this bit set is a candidate key, not a token of the
 * sentence: it can be matched but is not counted (pinyin readings of the
 * Chinese side, which has no names of its own to count). */
#define PA_ANCHOR_CANDIDATE 0x80000000u

typedef struct pa_doc_features {
    size_t n;          /* sentences */
    double *len;       /* length of each sentence (non-space code points) */
    uint32_t *anc;     /* sentence i: anc[anc_at[i] .. anc_at[i+1]), sorted, unique */
    size_t *anc_at;
    uint32_t *words;   /* sentence i: words[word_at[i] .. word_at[i+1]), in order */
    size_t *word_at;
    pa_vocab *vocab;   /* this side's words */
    char lang[PA_LANG_MAX];
} pa_doc_features;

typedef struct pa_pair_features {
    pa_vocab *anchors;     /* keys shared by both sides */
    uint8_t *anchor_class; /* class of each anchor id */
    size_t n_anchor_class, cap_anchor_class;
    /* name_shape[len]: bit (c & 31) set when a name key ("n:" + its
     * romanization) of `len` bytes starting with c exists; the Chinese
     * side tries every run of characters' pinyin as a name, and most runs
     * need no look-up */
    uint32_t name_shape[128];
    pa_doc_features src, tgt;
} pa_pair_features;

/* ICU state for extracting features (break iterators, transliterator,
 * caches). One per thread; reusable across documents. */
typedef struct pa_feature_extractor pa_feature_extractor;

pa_feature_extractor *pa_feature_extractor_new(pa_error *err);
void pa_feature_extractor_free(pa_feature_extractor *fx);

/* Extracts the features of both documents. */
int pa_pair_features_build(pa_feature_extractor *fx, const pa_document *src, const pa_document *tgt,
                           pa_pair_features *out, pa_error *err);
void pa_pair_features_free(pa_pair_features *pf);

/* The sentence lengths of both documents alone, anchors and words left
 * empty: all that a lengths-only model reads, without the word breaking
 * and anchor scanning that are most of the features' time. */
void pa_pair_features_build_lengths(const pa_document *src, const pa_document *tgt, pa_pair_features *out);

/* Word key of a token for the lexicon: case-folded UTF-8 (as stored in the
 * word vocabularies); exposed so that lexicon files use the same keys. */
void pa_word_key(const char *s, size_t len, char *out, size_t *out_len, size_t cap);

#endif
