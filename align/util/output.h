/* output.h - atomic, optionally gzip-compressed output files.
 *
 * Output goes to a temporary file in the target's directory and is renamed
 * over the target only by pa_output_commit, after an fsync (and the directory
 * is synced after the rename), so a failed run or a power cut leaves no
 * partial file and keeps an older one. A symbolic link stays a link: the file it
 * points to is replaced. "-" (standard output), pipes and devices are
 * written in place (not atomic, by nature). Writes are buffered; errors are sticky and reported by the
 * write that hits them and again by commit.
 */
#ifndef PA_OUTPUT_H
#define PA_OUTPUT_H

#include <stddef.h>

#include "align/util/error.h"

typedef struct pa_output pa_output;

/* Opens an output. `gzip` compresses with zlib (level 6). */
pa_output *pa_output_open(const char *path, int gzip, pa_error *err);

int pa_output_write(pa_output *o, const void *p, size_t n, pa_error *err);
int pa_output_printf(pa_output *o, pa_error *err, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Flushes, closes and renames into place; frees `o` whatever the result. On
 * failure the temporary file is removed and the target left untouched. */
int pa_output_commit(pa_output *o, pa_error *err);

/* pa_output_commit in two steps, for outputs that must appear together
 * (one file a language): finish flushes, closes and syncs, leaving `o` to
 * publish (the rename) or to abort; publish renames and frees `o`. */
int pa_output_finish(pa_output *o, pa_error *err);
int pa_output_publish(pa_output *o, pa_error *err);

/* Discards everything written (written in place: what is still buffered);
 * frees `o`. NULL is fine. */
void pa_output_abort(pa_output *o);

/* The target name as given ("<stdout>" for "-"). */
const char *pa_output_name(const pa_output *o);

/* Bytes written so far, before compression (what a reader unpacks). */
size_t pa_output_bytes(const pa_output *o);

/* Refuses (PA_EUSAGE) an output `path` that is one of the `n` files
 * `inputs` ("-" and NULL entries are skipped): the same regular file, by
 * device and inode, however it is named (a symbolic link, "dir/../x").
 * Writing it would destroy the input. */
int pa_output_refuse_inputs(const char *path, const char *const *inputs, size_t n, pa_error *err);

/* Removes the temporary files in `dir` that outputs of this host left when
 * their process died: those no live writer holds locked (a writer holds
 * its file's lock until the rename). A live writer's or another host's are
 * kept. Returns how many were removed. pa_output_open needs no such sweep:
 * an output's temporary names are fixed slots (".NAME.tmp-HOST-N"), so it
 * reuses a dead writer's slot, and removes the dead ones above it, by name. */
size_t pa_output_remove_stale(const char *dir);

/* True when `path` ends in ".gz" (case-insensitive). */
int pa_path_is_gzip(const char *path);

/* True when `path` names a file of several languages by its extension:
 * ".tmx" or ".tsv", either with ".gz" (case-insensitive). */
int pa_path_is_parallel(const char *path);

#endif
