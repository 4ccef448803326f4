/* context.h - what is costly to build, built once and shared.
 *
 * A context holds the segmentation rules (read and checked once), a pool
 * of compiled segmenters per language (a segmenter holds ICU state, so a
 * thread takes one for its use and gives it back; the pool grows to the
 * number of threads segmenting that language at once) and the
 * dictionaries per language pair (read-only once loaded), and a pool of
 * word lists per language, for the repairs of PDF text. The lock guards
 * the pools only: dictionaries are added before aligning starts.
 */
#ifndef PA_CONTEXT_H
#define PA_CONTEXT_H

#include "align/aligner/dict.h"
#include "align/polyalign.h"
#include "align/segment/segmenter.h"
#include "align/text/wordlist.h"

/* A segmenter for language `code`, from the pool or newly compiled. */
pa_segmenter *pa_context_take_segmenter(pa_context *c, const char *code, pa_error *err);

/* Gives a segmenter taken for `code` back to the pool. NULL is fine. */
void pa_context_give_segmenter(pa_context *c, const char *code, pa_segmenter *s);

/* The context's pool of word lists (text/wordlist.h), as a source for
 * readers: a hunspell dictionary is parsed once per context, and a thread
 * takes a list for its use and gives it back, like a segmenter. */
void pa_context_wordlists(pa_context *c, pa_wordlist_source *src);

/* The dictionary for `src` -> `tgt` (short codes), NULL when none. */
const pa_dict *pa_context_dictionary(const pa_context *c, const char *src, const char *tgt);

#endif
