/* tmx_filter.h - which units of a memory to keep (`polyalign tmx filter`).
 *
 * A unit passes when it meets every criterion that is set; the first one
 * it fails names the reason (for the counts on standard error).
 */
#ifndef PA_TMX_FILTER_H
#define PA_TMX_FILTER_H

#include <stddef.h>

#include "tmx/tmx_reader.h"
#include "tmx/tmx_writer.h"

typedef struct pa_tmx_filter {
    double min_score, max_score; /* x-score within; a unit without one fails
                                    once either is set; < 0 = not set */
    const char *const *langs;    /* text in each of these languages (tags: "zh"
                                    matches zh-CN, "zh-TW" only zh-TW) */
    size_t n_langs;
    double max_ratio;            /* longest side / shortest side in characters
                                    at most this; 0 = not set */
    int numbers_agree;           /* the numbers of every side the same (text/numbers.h) */
    size_t min_chars, max_chars; /* every segment that many characters; 0 = not set */
    int no_empty;                /* no empty or white-space seg */
    int no_one_sided;            /* text in two languages at least */
} pa_tmx_filter;

#define PA_TMX_FILTER_INIT {-1, -1, NULL, 0, 0, 0, 0, 0, 0, 0}

/* NULL when unit `u` (its variants `v`, `n` of them, as they will be
 * written) passes `f`, else the name of the criterion it fails
 * ("score", "languages", "ratio", "numbers", "length", "empty",
 * "one-sided"). */
const char *pa_tmx_filter_check(const pa_tmx_filter *f, const pa_tmx_read_unit *u, const pa_tmx_variant *v,
                                size_t n);

#endif
