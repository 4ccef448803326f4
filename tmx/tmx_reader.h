/* pa_tmx_reader.h - streaming TMX reader (libxml2 xmlTextReader).
 *
 * Reads TMX 1.1-1.4 as real tools write it: UTF-8 or UTF-16 (with or without
 * BOM), gzip-compressed or not, `xml:lang` or the older `lang`, language tags
 * in any case. Inline markup is flattened to plain text: the content of <hi>
 * is kept, the native codes in <bpt>, <ept>, <ph>, <it>, <ut> and sub-flows in
 * <sub> are left out. Whitespace inside <seg> is kept as written.
 *
 * The reader never loads external entities, DTDs (a DOCTYPE is ignored) or
 * anything over the network, and refuses documents that declare entities
 * (even unused ones: the raw bytes are checked before parsing, so entity
 * bombs cost nothing) or nest deeper than libxml2's default limit of 256. A
 * malformed, truncated or hostile file is a one-line PA_EINPUT error naming
 * the file and, when known, the line: "FILE:LINE: message".
 *
 * Readers share no mutable state: one per thread is fine. Opening a reader
 * initialises libxml2 (xmlInitParser, which 2.9+ guards with a lock); as
 * libxml2 advises, a multithreaded program should call xmlInitParser() (or
 * open one reader or writer) in its main thread before starting threads.
 */
#ifndef PA_TMX_READER_H
#define PA_TMX_READER_H

#include <stddef.h>

#include "align/util/error.h"

typedef struct pa_tmx_read_variant {
    char *lang;  /* as written in the file */
    char *text;  /* UTF-8, NUL-terminated, inline codes flattened */
    size_t len;
} pa_tmx_read_variant;

/* A <prop> of a <tu>: its type attribute ("" when absent) and its text. */
typedef struct pa_tmx_read_prop {
    char *type;
    char *value;
} pa_tmx_read_prop;

typedef struct pa_tmx_read_unit {
    char *tuid;          /* NULL when the <tu> has none */
    char *srclang;       /* the <tu>'s own srclang, NULL when absent */
    char *document;      /* <prop type="x-document">, NULL when absent */
    double score;        /* <prop type="x-score">, -1 when absent */
    pa_tmx_read_variant *variants;
    size_t n_variants;
    pa_tmx_read_prop *props; /* every <prop> of the <tu> in document order,
                                x-document and x-score included */
    size_t n_props;
    long line;               /* the line of the <tu>'s start tag (1-based; -1 unknown) */
} pa_tmx_read_unit;

typedef struct pa_tmx_reader pa_tmx_reader;

/* Opens `path` ("-" = standard input; gzip is detected) and reads up to
 * the <body>: fails unless the root is <tmx> and has a <body>. */
pa_tmx_reader *pa_tmx_reader_open(const char *path, pa_error *err);

/* Header attribute `srclang` ("*all*" is possible), NULL when absent. */
const char *pa_tmx_reader_srclang(const pa_tmx_reader *r);

/* Reads the next <tu>: 1 when `*u` was filled, 0 at the end, -1 on error.
 * `*u` belongs to the reader and stays valid until the next call. A <tuv>
 * without xml:lang or lang is an error; after an error every call fails. */
int pa_tmx_reader_next(pa_tmx_reader *r, const pa_tmx_read_unit **u, pa_error *err);

void pa_tmx_reader_close(pa_tmx_reader *r);

/* Returns the variant of `u` whose language matches `lang` ("zh" matches
 * "zh-CN", "ZH-cn", "zh_Hans"; "zh-TW" matches only zh-TW), or NULL. */
const pa_tmx_read_variant *pa_tmx_unit_variant(const pa_tmx_read_unit *u, const char *lang);

/* The text of the first <prop> of `u` whose type is `type`, or NULL. */
const char *pa_tmx_unit_prop(const pa_tmx_read_unit *u, const char *type);

#endif
