/* eval.h - scoring alignments against gold beads.
 *
 * The metric of Sennrich & Volk (2011), used by Bleualign, Vecalign and
 * Bertalign, and by ../shared/eval/score.py: precision over the test beads
 * (deletions included), recall over the gold beads that have both sides;
 * strict counts exact beads, lax also counts a bead one of whose target
 * sentences gold links to one of its source sentences. Counts add up over
 * document pairs before the ratios are taken.
 */
#ifndef PA_EVAL_H
#define PA_EVAL_H

#include "align/aligner/bead.h"

typedef struct pa_eval_counts {
    size_t p_strict_tp, p_strict_fp, p_lax_tp, p_lax_fp; /* precision side */
    size_t r_strict_tp, r_strict_fp, r_lax_tp, r_lax_fp; /* recall side */
} pa_eval_counts;

typedef struct pa_eval_scores {
    double precision_strict, recall_strict, f1_strict;
    double precision_lax, recall_lax, f1_lax;
} pa_eval_scores;

/* Adds the counts of `test` judged against `gold` (one document) to `c`. */
void pa_eval_add(pa_eval_counts *c, const pa_bead_sets *gold, const pa_bead_sets *test);

pa_eval_scores pa_eval_scores_of(const pa_eval_counts *c);

#endif
