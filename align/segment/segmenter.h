/* segmenter.h - sentence segmentation.
 *
 * A segmenter splits paragraphs into sentences for one language. It is ICU's
 * sentence BreakIterator for that language (with ICU's abbreviation
 * suppressions, "@ss=standard"), corrected by rules. A segmenter holds ICU
 * state and is not shared between threads: make one per thread.
 */
#ifndef PA_SEGMENTER_H
#define PA_SEGMENTER_H

#include <stddef.h>

#include "align/text/document.h"
#include "align/util/error.h"

typedef struct pa_segmenter_opts {
    const char *srx_path;  /* user SRX rules; NULL = the rules shipped for the language */
} pa_segmenter_opts;

typedef struct pa_segmenter pa_segmenter;

/* A segmenter for language `lang` (short code, see lang.h). `opts` may be NULL. */
pa_segmenter *pa_segmenter_new(const char *lang, const pa_segmenter_opts *opts, pa_error *err);
void pa_segmenter_free(pa_segmenter *s);

/* Splits every paragraph of `d` into sentences (replacing any it had). */
int pa_segment_document(pa_segmenter *s, pa_document *d, pa_error *err);

/* Splits paragraph `para` of `d` into sentences appended to `d`. */
int pa_segment_paragraph(pa_segmenter *s, pa_document *d, size_t para, pa_error *err);

#endif
