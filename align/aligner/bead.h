/* bead.h - alignment beads and the bead file format.
 *
 * A bead links a run of consecutive source sentences with a run of
 * consecutive target sentences (either run may be empty: a deletion or an
 * insertion). An alignment is a sequence of beads that covers both documents
 * in order. The file format is the one of the MAC-dev and Bleualign gold
 * files: one bead a line, "[0,1]:[0]", "[]:[3]", 0-based sentence indices.
 */
#ifndef PA_BEAD_H
#define PA_BEAD_H

#include <stddef.h>

#include "align/util/buf.h"
#include "align/util/error.h"

typedef struct pa_bead {
    size_t src, n_src; /* source sentences [src, src + n_src) */
    size_t tgt, n_tgt; /* target sentences [tgt, tgt + n_tgt) */
    double score;      /* confidence in [0,1]: posterior probability of the bead */
} pa_bead;

typedef struct pa_alignment {
    pa_bead *beads;
    size_t n, cap;
} pa_alignment;

void pa_alignment_add(pa_alignment *a, pa_bead b);
void pa_alignment_free(pa_alignment *a);

/* Appends "[s,s+1]:[t]\n" for `b` to `out`. */
void pa_bead_format(const pa_bead *b, pa_buf *out);

/* A bead as read from a file: index lists, which need not be consecutive. */
typedef struct pa_bead_sets {
    size_t *idx;     /* all indices, source lists then target lists */
    size_t n_idx, cap_idx;
    size_t *src_at;  /* bead k: source indices idx[src_at[k] .. tgt_at[k]) */
    size_t *tgt_at;  /* bead k: target indices idx[tgt_at[k] .. src_at[k+1]) */
    size_t n, cap;
} pa_bead_sets;

/* Reads a bead file ("-" = standard input); a malformed line is an error
 * naming file and line. */
int pa_bead_sets_read(const char *path, pa_bead_sets *out, pa_error *err);

/* Parses bead lines from memory (`name` for messages). */
int pa_bead_sets_parse(const char *name, const char *text, size_t len, pa_bead_sets *out, pa_error *err);

void pa_bead_sets_free(pa_bead_sets *s);

/* End of bead k's index lists (start of bead k+1's). */
static inline size_t pa_bead_sets_end(const pa_bead_sets *s, size_t k)
{
    return k + 1 < s->n ? s->src_at[k + 1] : s->n_idx;
}

#endif
