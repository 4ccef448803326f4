/* batch.h - the document sets of a batch run: found in a directory
 * (DOCID.LANG.EXT files grouped by DOCID) or listed in a manifest
 * (docid<TAB>lang<TAB>path lines), sorted by DOCID, optionally cut into
 * deterministic shards, and the run report (run.json) of what became of
 * each. No threads here: the command hands sets to its workers by index;
 * a worker writes only its own set's result fields.
 */
#ifndef PA_BATCH_H
#define PA_BATCH_H

#include <stddef.h>

#include "align/polyalign.h"
#include "align/text/lang.h"

/* One language version of a set. */
typedef struct pa_batch_file {
    char *path;
    char lang[PA_LANG_MAX]; /* canonical BCP 47 tag */
} pa_batch_file;

/* What became of a set. */
typedef enum pa_batch_status {
    PA_BATCH_PENDING = 0,
    PA_BATCH_DONE,    /* aligned and written */
    PA_BATCH_SKIPPED, /* --resume: its output was there already */
    PA_BATCH_FAILED   /* `reason` says why */
} pa_batch_status;

typedef struct pa_batch_set {
    char *docid;
    pa_batch_file *files; /* after pa_batch_prepare: the pivot first, then by tag */
    size_t n_files, cap_files;
    /* results, filled by the worker that took the set */
    pa_batch_status status;
    char *reason;        /* failed: one line */
    size_t *sentences;   /* per file, in the order of `files` */
    size_t units;        /* units written */
    double mean_score;   /* over all units of the alignment */
    double seconds;
} pa_batch_set;

typedef struct pa_batch {
    pa_batch_set *sets;
    size_t n, cap;
    size_t unnamed; /* files of a directory not named DOCID.LANG.EXT */
} pa_batch;

#define PA_BATCH_INIT {NULL, 0, 0, 0}

/* Adds the regular files of `dir` named DOCID.LANG.EXT (or
 * DOCID.LANG.EXT.gz), LANG a tag pa_input_language accepts; hidden files
 * are ignored and other names counted in `unnamed`. Not recursive. */
int pa_batch_scan_dir(pa_batch *b, const char *dir, pa_error *err);

/* Adds the sets listed in the manifest `path`: docid<TAB>lang<TAB>path
 * lines; blank lines and lines starting with # are ignored; a relative
 * path is taken from the manifest's directory. A malformed line or a bad
 * tag is an error naming FILE:LINE. */
int pa_batch_read_manifest(pa_batch *b, const char *path, pa_error *err);

/* Sorts the sets by DOCID (bytewise) and each set's files by tag. */
void pa_batch_sort(pa_batch *b);

/* Parses "K/N" (1 <= K <= N). */
int pa_batch_parse_shard(const char *spec, unsigned *k, unsigned *n, pa_error *err);

/* Keeps the K-th of N slices of the sorted sets: those whose index in the
 * DOCID order is congruent to K-1 modulo N. The same sets in, the same
 * slices out, so shards of one run can run anywhere. */
void pa_batch_shard(pa_batch *b, unsigned k, unsigned n);

/* Checks that a set can be aligned with `pivot` (a tag; matched on its
 * language code, so zh finds zh-CN) and moves the pivot's file first; -1
 * with a reason when it has one language only, no pivot version, or two
 * versions of one language. */
int pa_batch_prepare(pa_batch_set *s, const char *pivot, pa_error *err);

/* The languages of the sets that pa_batch_prepare accepts (it is called
 * on each), each tag once: those of the pivot's language first, then the
 * others, by tag. Pointers into `b`'s sets (valid while `b` lives) in an
 * array to free; `*n` gets their count. */
const char **pa_batch_languages(pa_batch *b, const char *pivot, size_t *n);

/* Marks a set failed with `reason` (copied). */
void pa_batch_fail(pa_batch_set *s, const char *reason);

/* Writes the run report of the sets to `path`, atomically: per set its
 * docid, status, languages, sentences per language, units written, mean
 * score, seconds and the failure reason; totals at the end. */
int pa_batch_write_report(const pa_batch *b, const char *path, double seconds, unsigned threads, pa_error *err);

void pa_batch_free(pa_batch *b);

#endif
