/* stem.h - reducing words to the keys the lexicon matches on.
 *
 * Dictionaries list base forms ("say", "thigh"), texts inflect them
 * ("said", "thighs"); a lexicon learned from a few thousand sentences sees
 * each inflected form too rarely. Word keys are therefore stems: English
 * words lose their regular inflections (Porter's step 1) and irregular verbs
 * map to their base form. Other languages keep the case-folded word. The
 * same function serves texts, dictionaries and lexicon files, so keys agree.
 */
#ifndef PA_STEM_H
#define PA_STEM_H

#include <stddef.h>

/* Stems the NUL-terminated, case-folded word `w` of language `lang` in
 * place and returns its new length. */
size_t pa_stem(const char *lang, char *w, size_t len);

/* pa_stem for one language, as a function (NULL: its words are kept as
 * they are), for callers that stem every word of a text: they look the
 * language up once. */
typedef size_t (*pa_stem_fn)(char *w, size_t len);
pa_stem_fn pa_stemmer(const char *lang);

/* True for function words of `lang` that dictionary glosses are full of
 * ("to", "the", "of"): they are not linked. */
int pa_is_stopword(const char *lang, const char *w);

#endif
