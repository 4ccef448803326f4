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

/* Whether to undo hard line breaks (text/reflow.h). */
typedef enum pa_reflow_mode {
    PA_REFLOW_AUTO = 0, /* detect wrapped text by its line-length profile and
                           repair it; otherwise each line is a paragraph */
    PA_REFLOW_ON,       /* the text is wrapped: always repair */
    PA_REFLOW_OFF       /* text as read: paragraphs at blank lines, and every
                           line break inside a paragraph ends a sentence */
} pa_reflow_mode;

typedef struct pa_load_opts {
    const char *lang;      /* short language code (required) */
    int presplit;          /* one sentence a line, blank line = paragraph end */
    pa_reflow_mode reflow;
    pa_text_opts text;     /* encoding, size limit */
} pa_load_opts;

/* "auto", "on", "off" -> mode; -1 for anything else. */
int pa_reflow_mode_parse(const char *s, pa_reflow_mode *mode);

/* Reads and segments `path`. `seg` is the segmenter to use for `o->lang`
 * (NULL with presplit). Returns NULL on error. */
pa_document *pa_load_document(const char *path, const pa_load_opts *o, pa_segmenter *seg, pa_error *err);

#endif
