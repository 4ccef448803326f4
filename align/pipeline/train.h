/* train.h - learning a lexicon from a corpus (polyalign lexicon train).
 *
 * A trainer gathers parallel units in two languages, from translation
 * memories or from aligned document pairs (pa_align's units), then trains
 * IBM Model 1 in both directions (aligner/lexicon.h) and writes the links
 * as a lexicon file that pa_context_add_dictionary reads.
 */
#ifndef PA_TRAIN_H
#define PA_TRAIN_H

#include "align/polyalign.h"
#include "align/util/log.h"

typedef struct pa_trainer pa_trainer;

/* A trainer for tags `src` -> `tgt` (their language codes are used). */
pa_trainer *pa_trainer_new(const char *src, const char *tgt, pa_error *err);
void pa_trainer_free(pa_trainer *t);

/* Adds the units of a TMX file that have text in both languages. */
int pa_trainer_add_tmx(pa_trainer *t, const char *path, pa_error *err);

/* Adds the units of an alignment with text in languages 0 and 1. */
void pa_trainer_add_units(pa_trainer *t, const pa_units *u);

/* Units gathered so far. */
size_t pa_trainer_count(const pa_trainer *t);

/* Trains on at most `max_pairs` word pairs and writes the lexicon to
 * `output` (atomically; .gz compresses). */
int pa_trainer_write(pa_trainer *t, size_t max_pairs, const char *output, const pa_logger *log, pa_error *err);

#endif
