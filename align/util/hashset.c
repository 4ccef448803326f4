/* hashset.c - see hashset.h. */
#include "align/util/hashset.h"
#include "align/util/alloc.h"

#include <stdlib.h>

/* The slot where `h` is or would go (cap a power of two). */
static size_t probe(const uint64_t *slots, size_t cap, uint64_t h)
{
    size_t k = (size_t)h & (cap - 1);
    while (slots[k] != 0 && slots[k] != h) k = (k + 1) & (cap - 1);
    return k;
}

/* Doubles the table (or makes the first one) and re-inserts the members. */
static void grow(pa_hashset *s)
{
    size_t cap = s->cap ? s->cap * 2 : 1024;
    uint64_t *slots = pa_calloc(cap, sizeof *slots);
    for (size_t k = 0; k < s->cap; k++)
        if (s->slots[k]) slots[probe(slots, cap, s->slots[k])] = s->slots[k];
    pa_free(s->slots);
    s->slots = slots, s->cap = cap;
}

int pa_hashset_add(pa_hashset *s, uint64_t h)
{
    if (h == 0) {
        int was = s->has_zero;
        s->has_zero = 1;
        return !was;
    }
    if (2 * (s->n + 1) > s->cap) grow(s);
    size_t k = probe(s->slots, s->cap, h);
    if (s->slots[k] == h) return 0;
    s->slots[k] = h;
    s->n++;
    return 1;
}

size_t pa_hashset_bytes(const pa_hashset *s)
{
    return s->cap * sizeof *s->slots;
}

void pa_hashset_free(pa_hashset *s)
{
    pa_free(s->slots);
    *s = (pa_hashset)PA_HASHSET_INIT;
}

uint64_t pa_hash_bytes(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t k = 0; k < n; k++) h = (h ^ b[k]) * UINT64_C(1099511628211);
    return h;
}

uint64_t pa_hash_finish(uint64_t h)
{
    /* the finaliser of MurmurHash3: spreads FNV's weak low bits, which pick the slot */
    h ^= h >> 33, h *= UINT64_C(0xff51afd7ed558ccd);
    h ^= h >> 33, h *= UINT64_C(0xc4ceb93fe53a87eb);
    return h ^ (h >> 33);
}
