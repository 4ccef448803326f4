/* segmenter.h - sentence segmentation.
 *
 * A segmenter splits paragraphs into sentences for one language with SRX
 * rules (srx.h, rules.h). polyalign's own rules (corpora/srx/polyalign.srx,
 * built in) take ICU's sentence BreakIterator for the language as the base:
 * the candidate positions are ICU's boundaries (moved back over white space)
 * and the places a break rule's pattern is found; at each, the first rule
 * that matches decides, and where none does ICU's boundary stands. A piece
 * holding no letter or digit (a stray closing quote, "[...]") is joined to
 * the sentence before it. A user's SRX file (--srx) without polyalign's
 * extension is applied as OmegaT applies it: only break rules make breaks.
 *
 * A line break inside a paragraph (text kept unreflowed) always ends a
 * sentence. A segmenter holds ICU state and is not shared between threads:
 * make one per thread.
 */
#ifndef PA_SEGMENTER_H
#define PA_SEGMENTER_H

#include <stddef.h>

#include "align/readers/document.h"
#include "align/segment/srx.h"
#include "align/util/error.h"

typedef struct pa_segmenter_opts {
    const char *srx_path;  /* user SRX rules; NULL = the rules shipped for the language */
} pa_segmenter_opts;

typedef struct pa_segmenter pa_segmenter;

/* A segmenter for language `lang` (short code, see lang.h). `opts` may be
 * NULL. Fails when the SRX file cannot be read, a rule does not compile or
 * no language map of the file matches `lang`. */
pa_segmenter *pa_segmenter_new(const char *lang, const pa_segmenter_opts *opts, pa_error *err);
/* The same from rules already read (srx.h), which stay the caller's:
 * rules read once serve every language and thread. */
pa_segmenter *pa_segmenter_from_srx(const pa_srx *srx, const char *lang, pa_error *err);

/* Builds the tables ICU makes on first use of what reading text uses (the
 * NFC data; the word breakers have pa_word_breaker_warm_up, and segmenters
 * are made under their context's lock). ICU guards
 * them with once-flags whose atomics ThreadSanitizer cannot see in an
 * uninstrumented ICU, so a context calls this before its threads, which
 * then find them built (ordered by thread creation). Failures are left for
 * the real use to report. */
void pa_segmenter_warm_up_icu(void);

/* The same for the regex engine's static sets, which only segmentation
 * needs and which cost more (about 8 million instructions, a tenth of a
 * small document's run): a context builds them under its lock when the
 * first segmenter is taken, which orders them before every thread's use. */
void pa_segmenter_warm_up_regex(void);

void pa_segmenter_free(pa_segmenter *s);

/* Splits every paragraph of `d` into sentences (replacing any it had). */
int pa_segment_document(pa_segmenter *s, pa_document *d, pa_error *err);

/* Splits paragraph `para` of `d` into sentences appended to `d`. */
int pa_segment_paragraph(pa_segmenter *s, pa_document *d, size_t para, pa_error *err);

#endif
