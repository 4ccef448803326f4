/* links.c - see links.h. */
#include "align/aligner/links.h"
#include "align/util/alloc.h"

#include <stdlib.h>
#include <string.h>

/* Sorts ids[0..n) ascending: quicksort on the median of three, the smaller
 * part first by recursion (depth stays under log2 n), short runs by
 * insertion. Sentences' word lists are short, so this runs inline where
 * qsort would call a comparison function per step. */
void pa_ids_sort(uint32_t *ids, size_t n)
{
    while (n > 16) {
        uint32_t a = ids[0], b = ids[n / 2], c = ids[n - 1];
        uint32_t pivot = a < b ? (b < c ? b : a < c ? c : a) : (a < c ? a : b < c ? c : b);
        size_t i = 0, j = n - 1;
        for (;;) { /* Hoare partition: [0, j] <= pivot <= [j + 1, n) */
            while (ids[i] < pivot) i++;
            while (ids[j] > pivot) j--;
            if (i >= j) break;
            uint32_t t = ids[i];
            ids[i++] = ids[j], ids[j--] = t;
        }
        size_t left = j + 1;
        if (left < n - left) {
            pa_ids_sort(ids, left);
            ids += left, n -= left;
        } else {
            pa_ids_sort(ids + left, n - left);
            n = left;
        }
    }
    for (size_t k = 1; k < n; k++) {
        uint32_t v = ids[k];
        size_t q = k;
        while (q > 0 && ids[q - 1] > v) ids[q] = ids[q - 1], q--;
        ids[q] = v;
    }
}

size_t pa_ids_sort_unique(uint32_t *ids, size_t n)
{
    pa_ids_sort(ids, n);
    size_t w = 0;
    for (size_t k = 0; k < n; k++)
        if (w == 0 || ids[k] != ids[w - 1]) ids[w++] = ids[k];
    return w;
}

/* One direction: counting sort of pairs by key, then sort and dedupe
 * each row. */
static void build_csr(size_t n_keys, const uint32_t *pairs, size_t n_pairs, int key_at, size_t **at_out,
                      uint32_t **val_out)
{
    size_t *at = pa_calloc(n_keys + 1, sizeof *at);
    for (size_t k = 0; k < n_pairs; k++) at[pairs[2 * k + key_at] + 1]++;
    for (size_t s = 0; s < n_keys; s++) at[s + 1] += at[s];
    uint32_t *val = pa_malloc((n_pairs + 1) * sizeof *val);
    size_t *fill = pa_calloc(n_keys + 1, sizeof *fill);
    for (size_t k = 0; k < n_pairs; k++) {
        uint32_t key = pairs[2 * k + key_at];
        val[at[key] + fill[key]++] = pairs[2 * k + 1 - key_at];
    }
    pa_free(fill);
    /* sort and dedupe rows, compacting in place */
    size_t w = 0;
    for (size_t s = 0; s < n_keys; s++) {
        size_t a = at[s], z = at[s + 1];
        size_t u = pa_ids_sort_unique(val + a, z - a);
        memmove(val + w, val + a, u * sizeof *val);
        at[s] = w;
        w += u;
    }
    at[n_keys] = w;
    *at_out = at;
    *val_out = val;
}

void pa_links_build(pa_links *l, size_t n_src, size_t n_tgt, const uint32_t *pairs, size_t n_pairs)
{
    l->n_src = n_src;
    l->n_tgt = n_tgt;
    build_csr(n_src, pairs, n_pairs, 0, &l->fwd_at, &l->fwd);
    build_csr(n_tgt, pairs, n_pairs, 1, &l->bwd_at, &l->bwd);
}

void pa_links_free(pa_links *l)
{
    pa_free(l->fwd_at);
    pa_free(l->fwd);
    pa_free(l->bwd_at);
    pa_free(l->bwd);
    memset(l, 0, sizeof *l);
}
