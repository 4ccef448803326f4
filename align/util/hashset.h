/* hashset.h - a set of 64-bit hashes (open addressing, linear probing),
 * for deduplicating by content without keeping the content: 8 bytes a
 * member at a load of at most one half, so 16 to 32 bytes a member. */
#ifndef PA_HASHSET_H
#define PA_HASHSET_H

#include <stddef.h>
#include <stdint.h>

typedef struct pa_hashset {
    uint64_t *slots; /* 0 = empty; the hash 0 is kept in `has_zero` */
    size_t cap, n;
    int has_zero;
} pa_hashset;

#define PA_HASHSET_INIT {NULL, 0, 0, 0}

/* Adds `h`; 1 when it was new, 0 when it was there already. */
int pa_hashset_add(pa_hashset *s, uint64_t h);

/* Bytes the set holds. */
size_t pa_hashset_bytes(const pa_hashset *s);

void pa_hashset_free(pa_hashset *s);

/* FNV-1a, 64 bits, of `n` bytes of `p` continued from `h` (start with
 * PA_HASH_SEED), with a final mix when done (pa_hash_finish). */
#define PA_HASH_SEED UINT64_C(14695981039346656037)
uint64_t pa_hash_bytes(uint64_t h, const void *p, size_t n);
uint64_t pa_hash_finish(uint64_t h);

#endif
