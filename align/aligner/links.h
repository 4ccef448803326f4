/* links.h - translation links between the word vocabularies of a pair.
 *
 * A link says "source word s may translate as target word t". Links come
 * from a lexicon learned from the documents (IBM Model 1, lexicon.h), from
 * a reusable lexicon file, or from a bilingual dictionary. Stored both ways
 * in CSR form: for each source word its target words, sorted, and back.
 */
#ifndef PA_LINKS_H
#define PA_LINKS_H

#include <stddef.h>
#include <stdint.h>

typedef struct pa_links {
    size_t n_src, n_tgt;   /* vocabulary sizes */
    size_t *fwd_at;        /* source word s: fwd[fwd_at[s] .. fwd_at[s+1]) */
    uint32_t *fwd;
    size_t *bwd_at;        /* target word t: bwd[bwd_at[t] .. bwd_at[t+1]) */
    uint32_t *bwd;
} pa_links;

/* Builds the CSR tables from a list of (source, target) pairs (duplicates
 * allowed). */
void pa_links_build(pa_links *l, size_t n_src, size_t n_tgt, const uint32_t *pairs, size_t n_pairs);
void pa_links_free(pa_links *l);

/* Sorts `n` word ids ascending. */
void pa_ids_sort(uint32_t *ids, size_t n);

/* Sorts `n` word ids and removes duplicates; returns how many remain. */
size_t pa_ids_sort_unique(uint32_t *ids, size_t n);

static inline size_t pa_links_count_src(const pa_links *l, uint32_t s)
{
    return s < l->n_src ? l->fwd_at[s + 1] - l->fwd_at[s] : 0;
}

static inline size_t pa_links_count_tgt(const pa_links *l, uint32_t t)
{
    return t < l->n_tgt ? l->bwd_at[t + 1] - l->bwd_at[t] : 0;
}

#endif
