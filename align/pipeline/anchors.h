/* anchors.h - hard anchors: points of a document set that the alignment
 * may not cross.
 *
 * A user who knows where sections start (the same articles, annexes or
 * pages in every language version) puts a line holding only `<anchor/>` at
 * each such place in every version (Bleualign's ".EOA" idea). When every
 * version of a set has the same number of anchors, the k-th anchor of each
 * is the same point: sections are aligned one by one, and a bead never
 * spans an anchor. When the numbers differ, the anchors are ignored with a
 * warning (a missing one would shift every later section). Either way the
 * anchor lines are not text: they are blanked before layout, and no
 * sentence runs across one.
 *
 * Plain text only: structured readers produce no anchor lines.
 */
#ifndef PA_ANCHORS_H
#define PA_ANCHORS_H

#include <stddef.h>

#include "align/aligner/aligner.h"
#include "align/readers/document.h"

typedef struct pa_anchors {
    size_t *at; /* byte offsets into the text; after pa_anchors_to_sentences,
                   the index of the first sentence after each anchor */
    size_t n;
} pa_anchors;

/* Finds the anchor lines of `d`'s text (before layout), blanks them (spaces,
 * so offsets hold and the line is empty) and records where they were. */
void pa_anchors_take(pa_document *d, pa_anchors *a);

/* After segmentation: cuts any sentence that runs across an anchor in two
 * and turns the anchors' offsets into sentence indices. */
void pa_anchors_to_sentences(pa_document *d, pa_anchors *a);

/* Aligns `src` with `tgt` section by section (both have `n` anchors, as
 * sentence indices in `as`, `at`); `out` receives the beads of the whole
 * documents, as pa_align_documents gives them. A section empty on one side
 * gives one-sided beads (score 0). */
int pa_anchors_align(const pa_document *src, const size_t *as, const pa_document *tgt, const size_t *at, size_t n,
                     const pa_align_opts *o, pa_alignment *out, pa_error *err);

void pa_anchors_free(pa_anchors *a);

#endif
