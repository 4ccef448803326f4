/* tmx_reader.h - streaming TMX reader (libxml2 xmlTextReader).
 *
 * Reads TMX 1.1-1.4 as real tools write it: UTF-8 or UTF-16 (with or without
 * BOM), gzip-compressed or not, `xml:lang` or the older `lang`, language tags
 * in any case. Inline markup is flattened to plain text: the content of <hi>
 * is kept, the native codes in <bpt>, <ept>, <ph>, <it>, <ut> and sub-flows in
 * <sub> are left out. The reader never loads external entities, DTDs or
 * anything over the network, and refuses entity declarations and documents
 * nested deeper than libxml2's default limit: a malformed or hostile file is
 * a one-line error naming the file and the line.
 */
#ifndef PA_TMX_READER_H
#define PA_TMX_READER_H

#include <stddef.h>

#include "align/util/error.h"

typedef struct tmx_read_variant {
    char *lang;  /* as written in the file */
    char *text;  /* UTF-8, NUL-terminated, inline codes flattened */
    size_t len;
} tmx_read_variant;

typedef struct tmx_read_unit {
    char *tuid;          /* NULL when the <tu> has none */
    char *document;      /* <prop type="x-document">, NULL when absent */
    double score;        /* <prop type="x-score">, -1 when absent */
    tmx_read_variant *variants;
    size_t n_variants;
} tmx_read_unit;

typedef struct tmx_reader tmx_reader;

/* Opens `path` ("-" = standard input) and reads up to the <body>. */
tmx_reader *tmx_reader_open(const char *path, pa_error *err);

/* Header attribute `srclang` ("*all*" is possible), NULL when absent. */
const char *tmx_reader_srclang(const tmx_reader *r);

/* Reads the next <tu>: 1 when `*u` was filled, 0 at the end, -1 on error.
 * `*u` belongs to the reader and stays valid until the next call. */
int tmx_reader_next(tmx_reader *r, const tmx_read_unit **u, pa_error *err);

void tmx_reader_close(tmx_reader *r);

/* Returns the variant of `u` whose language matches `lang` ("zh" matches
 * "zh-CN", "ZH-cn", "zh_Hans"; "zh-TW" matches only zh-TW), or NULL. */
const tmx_read_variant *tmx_unit_variant(const tmx_read_unit *u, const char *lang);

#endif
