/* writer.h - output formats, behind one interface.
 *
 * A format is one file defining a pa_format and one line in the table of
 * writers.c. The public pa_writer (polyalign.h) picks the format, leaves
 * out units below the minimum score or with text in one language only
 * (unless the format keeps every unit, as bead files do), counts, and calls
 * the format for each unit it keeps. Formats write through util/output.h,
 * so what they write appears under its name only when complete.
 */
#ifndef PA_WRITER_H
#define PA_WRITER_H

#include "align/polyalign.h"
#include "align/util/buf.h"
#include "align/util/output.h"

/* What a format is opened with. */
typedef struct pa_writer_setup {
    const char *const *langs;    /* language tags, as the units carry them */
    const char *const *tmx_tags; /* the tags to write in TMX */
    size_t n_langs;
    int gzip;                    /* compress (the name ends in .gz, or the format says so) */
    const char *const *inputs;   /* files no output may be (pa_output_refuse_inputs) */
    size_t n_inputs;
    double min_score;            /* what the writer leaves out (the report marks it) */
} pa_writer_setup;

typedef struct pa_format {
    const char *name;      /* --format name, e.g. "tmx"; NAME.gz compresses */
    const char *suffix;    /* file name suffix that selects it (".tmx"), NULL = none */
    size_t max_langs;      /* most languages it holds, 0 = any */
    int every_unit;        /* keeps one-sided and low-scoring units (bead files) */
    /* Opens the output(s) at `path` (each checked against the inputs);
     * returns the format's state. */
    void *(*open)(const char *path, const pa_writer_setup *s, pa_error *err);
    /* Writes one unit of `u`: 0, or 1 when the format leaves it out, -1 on
     * error. */
    int (*unit)(void *state, const pa_units *u, const pa_unit *x, pa_error *err);
    /* Finishes and renames into place; frees the state either way. */
    int (*commit)(void *state, pa_error *err);
    /* Discards everything; frees the state. */
    void (*abort)(void *state);
    /* Bytes written so far, before compression (--split-size); NULL = not
     * told. Last, so that formats which do not tell may leave it out. */
    size_t (*bytes)(void *state);
} pa_format;

extern const pa_format pa_format_tmx, pa_format_tsv, pa_format_beads, pa_format_moses, pa_format_report;

/* The format named `name` ("tmx", "tmx.gz", "align" for beads ...) and
 * whether the name asks for gzip; NULL when unknown. */
const pa_format *pa_format_by_name(const char *name, int *gzip);

/* The format a file name implies ("x.tmx.gz" -> tmx, gzip), or NULL. */
const pa_format *pa_format_by_path(const char *path, int *gzip);

/* Bytes `w` has written so far, before compression; 0 when its format
 * does not tell. Within the library only (batch --split-size). */
size_t pa_writer_bytes(const pa_writer *w);

#endif
