/* tmx_copy.h - units of translation memories streamed into one output:
 * what `polyalign tmx merge`, `filter` and `convert` share.
 *
 * The inputs (TMX, TMX.gz, any encoding the reader takes) are read one
 * after another, each unit at most once in memory. Each unit's languages
 * may be retagged ("zh-CN=zh-TW") and narrowed to some languages (a
 * multilingual memory to a bilingual one: units lacking one of them are
 * left out), filtered (tmx_filter.h), and, on request, left out when a
 * unit with the same texts came before (tmx/unit_key.h: a 64-bit key a
 * distinct unit is all that dedup keeps, 16 to 32 bytes each). They are
 * written, in input order, as TMX (through tmx_writer.h: every prop of the
 * unit kept, tuids renumbered), or as TSV or Moses text through the writer
 * table (align/writers), whose columns are the languages asked for, else
 * those of the inputs in order of first appearance (found by a first pass
 * over the inputs). Outputs appear whole or not at all (util/output.h); an
 * output that is one of the inputs is refused, and so is standard input
 * (the headers are read before the units: two passes).
 */
#ifndef PA_TMX_COPY_H
#define PA_TMX_COPY_H

#include <stddef.h>

#include "tmx/tmx_filter.h"
#include "tmx/tmx_reader.h"

typedef struct pa_tmx_copy_options {
    const char *format;         /* "tmx", "tsv", "moses" (".gz" compresses); NULL =
                                   from the output's name, else tmx */
    int dedup;                  /* leave out units whose texts came before */
    const char *const *langs;   /* keep only these languages, in this order; NULL = all */
    size_t n_langs;
    const char *const *retag;   /* "FROM=TO": a tuv tagged FROM (any case; a bare
                                   language takes its regions) is written TO */
    size_t n_retag;
    const pa_tmx_filter *filter; /* NULL = keep every unit */
    pa_tmx_reader_options read; /* markup, size limit */
} pa_tmx_copy_options;

typedef struct pa_tmx_copy_counts {
    size_t read;        /* units read */
    size_t written;     /* units written */
    size_t duplicates;  /* left out by dedup */
    size_t lacking;     /* left out: a language asked for is missing */
    size_t filtered;    /* left out by the filter */
    size_t skipped;     /* left out by the output format (TSV, Moses: one language or less) */
    size_t key_bytes;   /* what dedup held */
    const char *reason; /* the filter's most frequent reason, NULL = none */
} pa_tmx_copy_counts;

/* Copies the units of the `n` files `inputs` to `out` ("-" = standard
 * output; for Moses a prefix). `c` may be NULL. */
int pa_tmx_copy(const char *out, const char *const *inputs, size_t n, const pa_tmx_copy_options *o,
                pa_tmx_copy_counts *c, pa_error *err);

#endif
