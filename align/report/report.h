/* report.h - the review page: one self-contained HTML file of units.
 *
 * The page (page.html, page.css, page.js beside this file, compiled into
 * the library at build time) shows one row a unit and one column a
 * language, flags doubtful units and lets a translator correct the
 * alignment and export the corrected memory (TMX, TSV) from the browser.
 * The units are written into it as JSON, streamed: nothing is kept in
 * memory but the document labels. Every text is escaped so that it cannot
 * end the script element that holds it (pa_buf_json_string_html). The
 * output is atomic (util/output.h).
 *
 * Two callers: the "report" format of the writers (align --report, -f
 * report, -o X.html; writers/report.c) and `polyalign report FILE.tmx`,
 * which has TMX units, not pa_units: hence this interface of its own.
 */
#ifndef PA_REPORT_H
#define PA_REPORT_H

#include <stddef.h>

#include "align/util/error.h"

typedef struct pa_report pa_report;

typedef struct pa_report_info {
    const char *title;           /* on top of the page; exports are named after it */
    const char *source;          /* "align" or "tmx" */
    const char *const *langs;    /* tags, as the units carry them; langs[0] the pivot */
    const char *const *tmx_tags; /* the tags an exported TMX writes */
    size_t n_langs;
    double min_score;            /* units below were (or would be) left out */
    const char *const *inputs;   /* files the output must not be */
    size_t n_inputs;
} pa_report_info;

typedef struct pa_report_unit {
    double score;             /* -1 = unknown */
    long paragraph;           /* the pivot's, 0-based; -1 = unknown */
    const size_t *count;      /* sentences a language; NULL = unknown */
    const char *const *text;  /* a language; NULL = none */
    const size_t *len;        /* bytes of each text */
    int numbers;              /* 1 = the numbers differ, 0 = agree, -1 = unknown */
    const char *document;     /* its document's label; NULL = none */
} pa_report_unit;

/* Opens the page at `path` ("-" = standard output; refused when it is one
 * of the inputs) and writes all of it before the units. */
pa_report *pa_report_open(const char *path, const pa_report_info *info, pa_error *err);

/* Appends one unit. */
int pa_report_add(pa_report *r, const pa_report_unit *u, pa_error *err);

/* Writes the rest of the page and renames it into place; frees `r` either
 * way. */
int pa_report_commit(pa_report *r, pa_error *err);

/* Discards the page; frees `r`. NULL is fine. */
void pa_report_abort(pa_report *r);



/* The title of a page for the file `path`: its base name without .gz and
 * then .html or .tmx, into `out` (`size` bytes). */
void pa_report_title(const char *path, char *out, size_t size);

/* ---- A report of an existing memory ---------------------------------- */

typedef struct pa_report_tmx_options {
    const char *title;          /* NULL = the memory's base name */
    double min_score;           /* units below are marked (and left out of exports) */
    const char *const *inputs;  /* more files the output must not be */
    size_t n_inputs;
} pa_report_tmx_options;

/* Writes the review page of the TMX memory `tmx` ("-" = standard input;
 * gzip is detected) to `path`: a column a language (the header's srclang
 * first, then in the order met), a row a <tu>, with the score and the
 * document of its x-score and x-document properties. */
int pa_report_from_tmx(const char *tmx, const char *path, const pa_report_tmx_options *o, pa_error *err);
#endif
