/* merge.h - one output streamed from every document of a batch run
 * (`batch --merge FILE.tmx.gz`, `--moses PREFIX`).
 *
 * Threads hand in each set's units as the set finishes; under one mutex
 * they are viewed as units of the run's languages (pa_units_select) and
 * appended to writers opened once for the whole run, so the outputs appear
 * whole, at the end, or not at all. A memory split by size (--split-size,
 * below the 1 GB import limit of Trados Cloud and Phrase) is the exception:
 * each part appears when it is full, complete (a valid TMX on its own). A unit whose texts (every language,
 * NFC already) were written before is left out: the set keeps a 64-bit
 * hash of the texts only, so memory grows by 16 to 32 bytes a distinct
 * unit, whatever their length (two different units would be taken for one
 * only if their hashes collided: odds about n^2/2^65 for n units).
 */
#ifndef PA_MERGE_H
#define PA_MERGE_H

#include "align/polyalign.h"

typedef struct pa_merge pa_merge;

typedef struct pa_merge_counts {
    size_t written;    /* distinct units written to the merged memory */
    size_t duplicates; /* left out: the same texts written before */
    size_t moses;      /* lines of the Moses files */
    size_t hash_bytes; /* what the hash set holds */
    size_t parts;      /* files of a split memory (0: not split) */
} pa_merge_counts;

typedef struct pa_merge_options {
    const char *path;         /* the merged memory (NULL = none); its format from
                                 the name, as pa_writer_open */
    const char *moses_prefix; /* Moses files PREFIX.LANG (NULL = none) */
    double min_score;         /* units scoring below are left out */
    size_t split_size;        /* >0: the memory in numbered parts, PATH with
                                 .001, .002 ... before its suffix; a part ends
                                 after the set whose units take it to this many
                                 bytes (uncompressed), so it exceeds it by at most
                                 one set's units */
    const char *const *inputs; /* files no output may be */
    size_t n_inputs;
} pa_merge_options;

/* Opens the outputs `o` names for the `n_langs` languages `langs` of the
 * run, the pivot first (the TMX header's srclang). Units scoring below the
 * minimum or with one language only are left out. */
pa_merge *pa_merge_open(const pa_merge_options *o, const char *const *langs, size_t n_langs, pa_error *err);

/* Appends the units of one set; safe to call from any thread. After a
 * failure, later calls do nothing and pa_merge_commit reports it. */
int pa_merge_add(pa_merge *m, const pa_units *u, pa_error *err);

/* Finishes and renames the outputs into place (all or none); fills `c`
 * (may be NULL) and frees `m` either way. */
int pa_merge_commit(pa_merge *m, pa_merge_counts *c, pa_error *err);

/* Discards the outputs; frees `m`. NULL is fine. */
void pa_merge_abort(pa_merge *m);

#endif
