/* lexicon.h - learning translation links from the documents themselves.
 *
 * IBM Model 1 (Brown et al. 1993), trained in both directions by EM on the
 * beads of an earlier pass over the same documents. A word pair becomes a
 * link when each word gives the other a good share of its translation
 * probability (p(t|s) and p(s|t) both at least PA_LINK_MIN_PROB) and both
 * words occur at least twice, so that one coincidence cannot make a link.
 */
#ifndef PA_LEXICON_H
#define PA_LEXICON_H

#include "align/aligner/bead.h"
#include "align/aligner/features.h"
#include "align/aligner/links.h"
#include "align/util/log.h"

#define PA_LINK_MIN_PROB 0.1

/* Training stops adding beads past this many word pairs: for one document
 * pair the table's quality saturates long before, and time stays bounded. */
#define PA_LEXICON_DOC_PAIRS ((size_t)2 << 20)

typedef struct pa_lexicon_entry {
    uint32_t src, tgt; /* word ids in pf->src.vocab, pf->tgt.vocab */
    float p_ts, p_st;  /* p(t|s), p(s|t) */
} pa_lexicon_entry;

/* Trains on the beads of `a` (both sides non-empty), using beads until
 * `max_pairs` word pairs, and returns the links with their probabilities
 * in *out (free it); `*n_beads` tells how many beads were used. */
size_t pa_lexicon_train(const pa_pair_features *pf, const pa_alignment *a, size_t max_pairs,
                        pa_lexicon_entry **out, size_t *n_beads, const pa_logger *log);

/* pa_lexicon_train for one document pair, as links. */
void pa_lexicon_learn(const pa_pair_features *pf, const pa_alignment *a, pa_links *out, const pa_logger *log);

#endif
