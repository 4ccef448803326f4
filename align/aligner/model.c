/* model.c - see model.h. */
#include "align/aligner/model.h"
#include "align/util/alloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- estimation -------------------------------------------------------- */

/* What a class proves before the documents are measured: match rates for
 * translations and for unrelated sentences, as a Beta prior worth `weight`
 * tokens. They matter only in short documents, where a handful of tokens
 * cannot give a rate; a few hundred tokens outweigh them. Learned links
 * exist only where the documents have data: they get Jeffreys' prior
 * (half a match in one token), which keeps a rate never seen finite. */
typedef struct rate_prior {
    double qa, qr, weight;
} rate_prior;

static const rate_prior rate_priors[PA_EV_COUNT] = {
    [PA_AC_NUMBER] = {0.6, 0.03, 10},  [PA_AC_NAME] = {0.4, 0.05, 10},     [PA_AC_COGNATE] = {0.3, 0.05, 10},
    [PA_AC_QUESTION] = {0.5, 0.05, 10}, [PA_AC_EXCLAIM] = {0.5, 0.05, 10}, [PA_AC_QUOTE] = {0.5, 0.2, 10},
    [PA_AC_ELLIPSIS] = {0.4, 0.05, 10}, [PA_AC_COLON] = {0.4, 0.05, 10},   [PA_AC_PAREN] = {0.4, 0.05, 10},
    [PA_AC_PARANUM] = {0.7, 0.05, 10},  [PA_EV_LEXICAL] = {0.5, 0.5, 1},       [PA_EV_DICT] = {0.3, 0.1, 10},
};

/* Prior of the null length variance s_r^2, worth this many sentence pairs. */
#define NULL_VAR_PRIOR 8.0
#define NULL_VAR_WEIGHT 10.0

/* Sums of match and token counts over a set of sentence pairs. */
typedef struct tally {
    double m[PA_EV_COUNT][2], n[PA_EV_COUNT][2];
    double d2;   /* sum of squared normalised length differences */
    size_t pairs;
} tally;

static void tally_pair(tally *t, pa_pair_table *pt, const pa_pair_features *pf, const pa_length_model *lm,
                       size_t i, size_t j)
{
    unsigned m[PA_EV_COUNT][2], ns[PA_EV_COUNT], nt[PA_EV_COUNT];
    pa_pair_counts(pt, pf, i, j, m, ns, nt);
    for (int c = 0; c < PA_EV_COUNT; c++) {
        t->m[c][0] += m[c][0], t->m[c][1] += m[c][1];
        t->n[c][0] += ns[c], t->n[c][1] += nt[c];
    }
    double a = pf->src.len[i], b = pf->tgt.len[j], mean = (a + b / lm->c) / 2;
    if (mean > 0) t->d2 += (b - lm->c * a) * (b - lm->c * a) / (lm->s2 * mean);
    t->pairs++;
}

void pa_score_model_estimate(pa_score_model *sm, const pa_pair_features *pf,
                             const pa_links *const links[PA_LINK_KINDS], const pa_alignment *a, const pa_logger *logger)
{
    pa_pair_table counter;
    pa_pair_table_init(&counter, pf, links, NULL);
    /* the 1-1 beads of the previous pass */
    size_t n11 = 0;
    size_t *si = pa_malloc((a->n + 1) * sizeof *si), *ti = pa_malloc((a->n + 1) * sizeof *ti);
    for (size_t k = 0; k < a->n; k++)
        if (a->beads[k].n_src == 1 && a->beads[k].n_tgt == 1) si[n11] = a->beads[k].src, ti[n11++] = a->beads[k].tgt;
    double *ls_ = pa_malloc((n11 + 1) * sizeof *ls_), *lt_ = pa_malloc((n11 + 1) * sizeof *lt_);
    for (size_t k = 0; k < n11; k++) ls_[k] = pf->src.len[si[k]], lt_[k] = pf->tgt.len[ti[k]];
    sm->lm = pa_length_model_fit(ls_, lt_, n11, sm->lm);
    pa_free(ls_), pa_free(lt_);

    /* translations: the 1-1 beads; unrelated: each bead's source against
     * the target of the 1-1 beads 3 and 7 places on (near enough to share
     * the topic, far enough not to be a translation) */
    tally aligned = {0}, unrelated = {0};
    size_t near = n11 > 3 ? 3 : 1, far = n11 > 7 ? 7 : 2; /* offsets must not wrap to 0 */
    for (size_t k = 0; k < n11; k++) {
        tally_pair(&aligned, &counter, pf, &sm->lm, si[k], ti[k]);
        if (n11 > near) tally_pair(&unrelated, &counter, pf, &sm->lm, si[k], ti[(k + near) % n11]);
        if (n11 > far) tally_pair(&unrelated, &counter, pf, &sm->lm, si[k], ti[(k + far) % n11]);
    }
    /* The null variance, with a prior worth NULL_VAR_WEIGHT pairs for short
     * documents (unrelated lengths differ by several standard deviations of
     * translated ones). */
    sm->len_null_var = (unrelated.d2 + NULL_VAR_WEIGHT * NULL_VAR_PRIOR) / ((double)unrelated.pairs + NULL_VAR_WEIGHT);
    if (sm->len_null_var < 1.5) sm->len_null_var = 1.5;
    sm->len_llr_scale = 1 - 1 / sm->len_null_var;
    sm->len_llr_const = 0.5 * log(sm->len_null_var);
    sm->length_llr = 1;
    static const char *const names[PA_EV_COUNT] = {"number", "name", "cognate", "question", "exclaim", "quote",
                                                   "ellipsis", "colon", "paren", "paranum", "lexical", "dict"};
    for (int c = 0; c < PA_EV_COUNT; c++) {
        int sides = (aligned.n[c][0] > 0) + (aligned.n[c][1] > 0);
        for (int d = 0; d < 2; d++) {
            sm->ev.qa[c][d] = sm->ev.qr[c][d] = sm->ev.share[c][d] = 0;
            const rate_prior *rp = &rate_priors[c];
            if (aligned.n[c][d] + rp->weight < 5 || unrelated.n[c][d] + rp->weight < 5) continue;
            double qa = (aligned.m[c][d] + rp->weight * rp->qa) / (aligned.n[c][d] + rp->weight);
            double qr = (unrelated.m[c][d] + rp->weight * rp->qr) / (unrelated.n[c][d] + rp->weight);
            if (qa > 0.999) qa = 0.999;
            if (qa <= qr) continue; /* no evidence */
            sm->ev.qa[c][d] = qa, sm->ev.qr[c][d] = qr;
            sm->ev.share[c][d] = sides == 2 ? 0.5 : 1.0;
            if (pa_log_enabled(logger, PA_LOG_DEBUG) && aligned.n[c][d] > 0) {
                double match, miss;
                pa_evidence_llr(&sm->ev, c, d, 1, &match, &miss);
                pa_log(logger, PA_LOG_DEBUG, "evidence %-8s side %d: q_a %.3f (%g/%g) q_r %.3f -> match %+.2f miss %+.2f",
                        names[c], d, qa, aligned.m[c][d], aligned.n[c][d], qr, match, miss);
            }
        }
    }
    pa_log(logger, PA_LOG_DEBUG, "length c %.3f s2 %.3f null variance %.2f (%zu 1-1 beads)", sm->lm.c, sm->lm.s2,
                sm->len_null_var, n11);
    pa_pair_table_free(&counter);
    pa_free(si), pa_free(ti);
}
