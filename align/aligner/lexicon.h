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

#define PA_LINK_MIN_PROB 0.1

/* Trains on the beads of `a` (both sides non-empty) and fills `out` with
 * links between pf->src.vocab and pf->tgt.vocab. */
void pa_lexicon_learn(const pa_pair_features *pf, const pa_alignment *a, pa_links *out, int verbose);

#endif
