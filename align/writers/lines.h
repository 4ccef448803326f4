/* lines.h - the state of the line formats (TSV, beads): one output and a
 * buffer flushed every 64 KiB. */
#ifndef PA_WRITERS_LINES_H
#define PA_WRITERS_LINES_H

#include "align/util/buf.h"
#include "align/writers/writer.h"

typedef struct pa_line_output {
    pa_output *out;
    pa_buf buf;
    size_t n_langs;
} pa_line_output;

/* Opens `path` for a line format. */
void *pa_line_output_open(const char *path, const pa_writer_setup *s, pa_error *err);
/* Writes the buffer out once it is big. */
int pa_line_output_flush(pa_line_output *o, int force, pa_error *err);
int pa_line_output_commit(void *state, pa_error *err);
void pa_line_output_abort(void *state);
/* Bytes written, counting what the buffer still holds. */
size_t pa_line_output_bytes(void *state);

#endif
