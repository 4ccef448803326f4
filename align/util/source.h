/* source.h - the one way polyalign reads bytes from a file or standard input.
 *
 * A source is a file name ("-" for standard input) read sequentially through
 * zlib, so gzip-compressed input (detected by its magic bytes; concatenated
 * members are fine) and plain input read the same way. A truncated or corrupt
 * gzip stream is an error naming the file, never silently short text.
 */
#ifndef PA_SOURCE_H
#define PA_SOURCE_H

#include <stddef.h>
#include <sys/types.h>

#include "align/util/buf.h"
#include "align/util/error.h"

typedef struct pa_source pa_source;

/* Opens `path` ("-" = standard input). Directories and missing files are
 * errors. */
pa_source *pa_source_open(const char *path, pa_error *err);

/* Reads up to `n` bytes; returns the count, 0 at end of input, -1 on error. */
ssize_t pa_source_read(pa_source *s, void *dst, size_t n, pa_error *err);

/* Appends the whole remaining input to `out`; fails past `max_bytes` bytes
 * (0 = no limit), a guard against decompression bombs. */
int pa_source_read_all(pa_source *s, pa_buf *out, size_t max_bytes, pa_error *err);

/* The name used in error messages ("<stdin>" for "-"). */
const char *pa_source_name(const pa_source *s);

void pa_source_close(pa_source *s);

/* Convenience: open, read everything, close. */
int pa_read_file(const char *path, pa_buf *out, size_t max_bytes, pa_error *err);

#endif
