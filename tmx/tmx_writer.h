/* pa_tmx_writer.h - streaming TMX 1.4b writer (libxml2 xmlTextWriter).
 *
 * Units are written as they come: memory does not grow with their number.
 * The output is valid against the TMX 1.4b DTD and OmegaT's strict TMX 1.4
 * XSD: UTF-8 without BOM, header attributes in the order the DTD lists them,
 * characters that XML 1.0 forbids (C0 controls other than tab/LF/CR, U+FFFE,
 * U+FFFF, lone surrogates, malformed UTF-8) dropped from text and attribute
 * values. Text inside <seg> is written exactly, never indented. The writer
 * does not own the pa_output: the caller commits it after pa_tmx_writer_finish,
 * or aborts it (before or after pa_tmx_writer_free).
 *
 * Writers share no mutable state: one per thread is fine (see pa_tmx_reader.h
 * about initialising libxml2 in multithreaded programs).
 */
#ifndef PA_TMX_WRITER_H
#define PA_TMX_WRITER_H

#include <stddef.h>
#include <time.h>

#include "align/util/error.h"
#include "align/util/output.h"

typedef struct pa_tmx_header_info {
    const char *srclang;      /* language tag of the source side, e.g. "zh-CN"; NULL = "*all*" */
    const char *adminlang;    /* NULL = "en-US" */
    const char *creationtool; /* NULL = "polyalign" */
    const char *creationtoolversion; /* NULL = PACKAGE_VERSION */
    const char *segtype;      /* NULL = "sentence" */
    const char *o_tmf;        /* NULL = "polyalign" */
    const char *datatype;     /* NULL = "plaintext" */
    time_t creation_time;     /* 0 = pa_tmx_creation_time's; written as YYYYMMDDThhmmssZ (UTC) */
} pa_tmx_header_info;

/* The creation time of a memory that gives none: SOURCE_DATE_EPOCH when
 * the environment sets it (seconds since 1970, the reproducible-builds
 * convention: the same inputs then make the same memory, byte for byte),
 * else now. A SOURCE_DATE_EPOCH that is not such a number is a usage
 * error (PA_EUSAGE), as the convention asks: a memory would otherwise be
 * dated now without a word. */
int pa_tmx_creation_time(time_t *out, pa_error *err);

/* One language version of a unit. `text` is UTF-8 of `len` bytes (it may
 * contain any character; forbidden ones are not written). */
typedef struct pa_tmx_variant {
    const char *lang;  /* language tag, e.g. "en-US" */
    const char *text;
    size_t len;
    int markup;        /* `text` is the content of a <seg> as XML (inline
                          codes and escaped text, as the reader keeps it),
                          written as it is */
} pa_tmx_variant;

/* A <prop> written as given: type and text. */
typedef struct pa_tmx_prop {
    const char *type;
    const char *value;
} pa_tmx_prop;

typedef struct pa_tmx_unit {
    const char *tuid;           /* NULL = the writer numbers units 1, 2, 3, ... */
    const char *document;       /* <prop type="x-document">, NULL = none */
    double score;               /* <prop type="x-score"> with 4 decimals and a point
                                   whatever the locale; < 0 or NaN = none */
    const char *note;           /* <note>, NULL = none */
    const pa_tmx_variant *variants;
    size_t n_variants;          /* at least 1 */
    const char *bead;           /* <prop type="x-bead">: sentences per language in
                                   the memory's order joined by '-' ("2-1"); NULL = none */
    size_t paragraph;           /* <prop type="x-paragraph">, 1-based; 0 = none */
    int numbers_differ;         /* nonzero: <prop type="x-numbers">differ</prop> */
    const pa_tmx_prop *props;   /* more props, written after those above */
    size_t n_props;
} pa_tmx_unit;

typedef struct pa_tmx_writer pa_tmx_writer;

/* Writes the XML declaration, <tmx version="1.4">, the <header> and <body>. */
pa_tmx_writer *pa_tmx_writer_open(pa_output *out, const pa_tmx_header_info *h, pa_error *err);

/* Appends one <tu> with a tuid, creationdate (that of the header), the
 * props x-document, x-score, x-bead, x-paragraph, x-numbers and the
 * others of `u` (in that order), the note, and one <tuv> per variant; then
 * flushes it to the pa_output. A unit without variants is refused. */
int pa_tmx_writer_add_unit(pa_tmx_writer *w, const pa_tmx_unit *u, pa_error *err);

/* Closes </body></tmx>, flushes into the pa_output and frees `w`. */
int pa_tmx_writer_finish(pa_tmx_writer *w, pa_error *err);

/* Frees a writer without finishing it (error paths). NULL is fine. */
void pa_tmx_writer_free(pa_tmx_writer *w);

#endif
