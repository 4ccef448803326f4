/* load.h - from a file name to a segmented document.
 *
 * The pipeline every command shares: read and clean the text (input.h),
 * undo hard line breaks inside paragraphs, find paragraphs, split them into
 * sentences (segmenter.h) - or, for pre-split input, take one sentence a line.
 */
#ifndef PA_LOAD_H
#define PA_LOAD_H

#include "align/segment/segmenter.h"
#include "align/text/document.h"
#include "align/text/input.h"

typedef struct pa_load_opts {
    const char *lang;   /* short language code (required) */
    int presplit;       /* one sentence a line, blank line = paragraph end */
    pa_text_opts text;  /* encoding, size limit */
} pa_load_opts;

/* Reads and segments `path`. `seg` is the segmenter to use for `o->lang`
 * (NULL with presplit). Returns NULL on error. */
pa_document *pa_load_document(const char *path, const pa_load_opts *o, pa_segmenter *seg, pa_error *err);

#endif
