/* pairwise.h - the pivot aligned with each other version of a set.
 *
 * The pairs share nothing but the pivot's document, which they only read,
 * and the context's dictionaries, also read-only: they can run at once, on
 * threads of their own, and give the same alignments as one after another.
 * A six-language set is five pairs: on a machine of several cores its
 * alignment takes the time of the longest pairs, not of all five.
 */
#ifndef PA_PAIRWISE_H
#define PA_PAIRWISE_H

#include "align/aligner/bead.h"
#include "align/pipeline/anchors.h"
#include "align/pipeline/context.h"
#include "align/readers/document.h"
#include "align/util/log.h"

/* Where the alignments go: al[k - 1] pairs docs[0] with docs[k]. */
typedef struct pa_pairwise {
    pa_alignment *al; /* n - 1 of them, zeroed by the caller */
    size_t n_pairs;
} pa_pairwise;

/* Aligns docs[0] with every docs[k], k = 1..n-1, into out->al, with the
 * anchors of every document when `anchored`, on up to o->threads threads
 * (one pair a thread at a time). On one thread, or with one pair, the
 * calling thread does the work and the alignments are blocks of the
 * calling frame like any other. On more, the pairs run on threads of their
 * own; `log` is then called from them, never two at once, and progress
 * counts finished pairs instead of passes. Their alignments are not in
 * the calling frame: they are freed by a cleanup if the call fails later,
 * until pa_pairwise_release. The first pair (in order) that fails gives
 * `err`; pairs not yet started are then skipped. */
int pa_align_pairwise(pa_context *c, pa_document *const *docs, const pa_anchors *anchors, int anchored, size_t n,
                      const pa_align_options *o, const pa_logger *log, pa_pairwise *out, pa_error *err);

/* Drops the cleanup that pa_align_pairwise may have registered, before the
 * caller frees out->al itself (harmless when none was). */
void pa_pairwise_release(pa_pairwise *out);

#endif
