/* dict.h - bilingual dictionaries and lexicon files as word links.
 *
 * Formats, recognised line by line:
 *  - CC-CEDICT: "Traditional Simplified [pin1 yin1] /gloss/gloss/", for
 *    Chinese with English in either direction. Glosses are split at ';'
 *    and lose parenthetical remarks, classifier, variant and
 *    cross-reference entries, and definitions of more than three content
 *    words;
 *  - hunalign: "target phrase @ source phrase";
 *  - TSV: "source<TAB>target[<TAB>anything]"; polyalign lexicon files are
 *    TSV of word keys and begin with "# polyalign lexicon".
 * Lines starting with '#' are comments. Phrases become word keys as the
 * aligner makes them (case-folded, stemmed); function words are dropped;
 * a multi-word phrase is linked only to a single word.
 * A file parsed once is read from a cache the next time (dict_cache.h).
 * A loaded dictionary is read-only and may be shared by threads.
 */
#ifndef PA_DICT_H
#define PA_DICT_H

#include "align/aligner/features.h"
#include "align/aligner/links.h"
#include "align/util/error.h"

typedef struct pa_dict pa_dict;

/* An empty dictionary from `src_lang` to `tgt_lang` (short codes). */
pa_dict *pa_dict_new(const char *src_lang, const char *tgt_lang);
void pa_dict_free(pa_dict *d);

/* Adds the entries of `path` ("-" = standard input, gzip read
 * transparently). A file with no usable entry is an error. */
int pa_dict_load(pa_dict *d, const char *path, pa_error *err);

/* Adds one entry (phrases in the dictionary's source and target language). */
void pa_dict_add(pa_dict *d, const char *src, size_t src_len, const char *tgt, size_t tgt_len);

/* Number of word pairs. */
size_t pa_dict_size(const pa_dict *d);

/* The dictionary's pairs between words that occur in the two documents. */
void pa_dict_links(const pa_dict *d, const pa_pair_features *pf, pa_links *out);

#endif
