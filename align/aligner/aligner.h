/* aligner.h - sentence alignment of two documents.
 *
 * pa_align_documents takes two segmented documents and returns beads that
 * cover both in order, each with a confidence in [0,1]. The model scores a
 * bead by its type's prior and the evidence of model.h (lengths, anchors,
 * word links), measured on the pair itself over four passes. When both
 * sides have paragraphs, a bead that takes sentences from two paragraphs
 * of one side pays a penalty (a thousandth), and the documents are aligned
 * paragraph by paragraph first:
 * the sentence search then runs around the paragraph path, wider where the
 * paragraphs' alignment is in doubt. The search runs coarse to fine: sentences are merged into
 * blocks, the blocks aligned, and each finer level searched only in a band
 * around the coarser path, so time and memory are linear in the length.
 * Nothing here is global: documents may be aligned on several threads.
 */
#ifndef PA_ALIGNER_H
#define PA_ALIGNER_H

#include "align/aligner/bead.h"
#include "align/aligner/dict.h"
#include "align/readers/document.h"
#include "align/util/error.h"
#include "align/util/log.h"

typedef struct pa_align_opts {
    pa_align_model model;
    int max_bead;        /* most sentences in a bead, both sides together (default 6) */
    size_t band_radius;  /* initial search radius around the coarse path (default 8) */
    int paragraphs_first; /* align paragraphs first when both sides have several (default 1) */
    const pa_logger *log; /* estimated parameters (PA_LOG_DEBUG), progress; NULL = none */
    const char *phase;    /* progress phase name ("aligning zh-en"), NULL = no progress */
    const pa_dict *dict;  /* bilingual dictionary or lexicon file, NULL = none (shared, read-only) */
    unsigned threads;     /* most threads at once (default 1): with 2, a big band's backward
                             pass runs beside its forward pass, with the same result */
} pa_align_opts;

void pa_align_opts_init(pa_align_opts *o);

/* Aligns `src` with `tgt` (both segmented). `out` receives the beads.
 * Progress counts the passes (4). */
int pa_align_documents(const pa_document *src, const pa_document *tgt, const pa_align_opts *opts,
                       pa_alignment *out, pa_error *err);

#endif
