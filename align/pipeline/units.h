/* units.h - units from the alignments of a document set.
 *
 * Each language is aligned with the pivot on its own; units make them one.
 * A unit boundary is a place of the pivot where every language has a bead
 * boundary, so a unit is the smallest span of pivot sentences that all the
 * languages' beads agree on (with two languages: exactly the beads). A
 * language's sentences that pair with no pivot sentence (0-n beads) become
 * units of their own, in place. Linear in the sentences.
 */
#ifndef PA_UNITS_H
#define PA_UNITS_H

#include "align/aligner/bead.h"
#include "align/polyalign.h"
#include "align/readers/document.h"

/* Units of `docs` (docs[0] the pivot) from `al[k-1]`, the alignment of
 * docs[0] with docs[k]. `document` is the label the units carry. */
pa_units *pa_units_build(pa_document *const *docs, size_t n_docs, const pa_alignment *al, const char *document,
                         pa_split split);

/* One unit of the `n_langs` languages `tags` holding `text[l]` (`len[l]`
 * bytes; NULL or empty = absent, else counted as one sentence) with `score`,
 * labelled `document`: units that come from elsewhere (a TMX file) written
 * through the writer table. */
pa_units *pa_units_of_texts(const char *const *tags, size_t n_langs, const char *document, double score,
                            const char *const *text, const size_t *len);

#endif
