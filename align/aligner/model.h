/* model.h - the bead scoring model.
 *
 * A bead's score is log P(type) plus, when both sides are non-empty, the
 * log-likelihood ratio of "these sentences translate each other" against
 * "they are unrelated", summed over independent pieces of evidence:
 *  - length: Gale & Church's normalised difference d is N(0,1) for
 *    translations and N(0, s_r^2) for unrelated sentences;
 *  - each anchor class and the lexical links: of the N tokens of a side that
 *    could match, M do; M is binomial with rate q_a for translations and q_r
 *    for unrelated sentences, so each match adds log(q_a/q_r) and each miss
 *    log((1-q_a)/(1-q_r)).
 * All rates are measured on the documents being aligned: q_a and the length
 * parameters on the 1-1 beads of the previous pass, q_r and s_r on pairs of
 * sentences a few beads apart. Evidence seen from both sides (anchors that
 * exist on both, lexical links) counts half from each side. A class whose
 * matches are no likelier in translations than by chance gets no weight.
 */
#ifndef PA_MODEL_H
#define PA_MODEL_H

#include "align/aligner/bead.h"
#include "align/aligner/features.h"
#include "align/aligner/lengthmodel.h"
#include "align/aligner/links.h"
#include "align/util/log.h"
#include "align/aligner/pairs.h"

typedef struct pa_score_model {
    pa_length_model lm;
    int length_llr;        /* 0: Gale & Church's two-tailed probability (first pass) */
    double len_null_var;   /* s_r^2 */
    double len_llr_scale, len_llr_const; /* 1 - 1/s_r^2 and log s_r */
    pa_evidence_weights ev;
    double log_prior[256]; /* by (ns << 4 | nt) */
} pa_score_model;

/* Re-estimates the length model, the null length variance and the weights
 * of every evidence class from `a` (the previous pass). links[k] NULL
 * leaves that kind of link out. Bead priors are the aligner's business. */
void pa_score_model_estimate(pa_score_model *sm, const pa_pair_features *pf,
                             const pa_links *const links[PA_LINK_KINDS], const pa_alignment *a, const pa_logger *log);

/* Length log-likelihood ratio (or, in the first pass, log probability).
 * Inline: the search scores every bead's lengths, tens of millions on a
 * big document, and a call cost as much as the arithmetic. */
static inline __attribute__((always_inline)) double pa_score_length(const pa_score_model *sm, double ls, double lt)
{
    if (!sm->length_llr) return pa_length_logp(&sm->lm, ls, lt);
    double mean = (ls + lt / sm->lm.c) / 2;
    if (mean <= 0) return 0;
    double d = lt - sm->lm.c * ls;
    double d2 = d * d / (sm->lm.s2 * mean);
    return -0.5 * d2 * sm->len_llr_scale + sm->len_llr_const;
}

#endif
