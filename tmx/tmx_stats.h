/* tmx_stats.h - what a translation memory holds (`polyalign tmx stats`).
 *
 * One pass over the file with the streaming reader: memory is flat in the
 * number of units but for the duplicate count, which keeps a 64-bit key a
 * distinct unit (tmx/unit_key.h: 16 to 32 bytes each).
 */
#ifndef PA_TMX_STATS_H
#define PA_TMX_STATS_H

#include <stddef.h>

#include "align/util/buf.h"
#include "tmx/tmx_reader.h"

typedef struct pa_tmx_lang_stats {
    char *lang;        /* as first written in the file; tags that differ in case only are one */
    size_t segments;   /* <tuv>s of that language */
    size_t chars;      /* characters (code points) of their text */
    size_t empty;      /* of them empty or white space only */
} pa_tmx_lang_stats;

#define PA_TMX_SCORE_BINS 10

typedef struct pa_tmx_stats {
    char *srclang;            /* the header's, NULL = none */
    size_t units;
    size_t duplicates;        /* units whose texts came before (unit_key.h) */
    size_t empty_units;       /* no text in any language */
    size_t one_sided;         /* text in one language only */
    size_t scored;            /* units with an x-score */
    size_t bins[PA_TMX_SCORE_BINS]; /* x-score in [0,0.1), ..., [0.9,1]; out of range clamped */
    pa_tmx_lang_stats *langs; /* in order of first appearance */
    size_t n_langs, cap_langs;
    size_t key_bytes;         /* what the duplicate keys took */
} pa_tmx_stats;

/* Reads `path` and fills `st` (zeroed first). `ro` may be NULL. */
int pa_tmx_stats_file(const char *path, const pa_tmx_reader_options *ro, pa_tmx_stats *st, pa_error *err);

/* Appends the report of `st` for file `name`, a "key: value" line each. */
void pa_tmx_stats_format(const pa_tmx_stats *st, const char *name, pa_buf *out);

void pa_tmx_stats_free(pa_tmx_stats *st);

#endif
