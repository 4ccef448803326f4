/* vocab.c - see vocab.h. */
#include "align/aligner/vocab.h"
#include "align/util/alloc.h"

#include <stdlib.h>
#include <string.h>

struct pa_vocab {
    uint32_t *slots;  /* id + 1, 0 = empty; capacity is a power of two */
    size_t n_slots;
    size_t *offset;   /* id -> start of its string in `arena` */
    size_t n, cap;
    char *arena;
    size_t arena_len, arena_cap;
};

/* FNV-1a, 64-bit: short keys, good enough spread for open addressing. */
static uint64_t hash_bytes(const char *s, size_t len)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t k = 0; k < len; k++) h = (h ^ (unsigned char)s[k]) * 1099511628211ULL;
    return h ^ (h >> 29);
}

pa_vocab *pa_vocab_new(void)
{
    pa_vocab *v = pa_calloc(1, sizeof *v);
    v->n_slots = 1024;
    v->slots = pa_calloc(v->n_slots, sizeof *v->slots);
    return v;
}

void pa_vocab_free(pa_vocab *v)
{
    if (!v) return;
    free(v->slots);
    free(v->offset);
    free(v->arena);
    free(v);
}

static int same(const pa_vocab *v, uint32_t id, const char *s, size_t len)
{
    size_t a = v->offset[id], z = v->offset[id + 1] - 1; /* strings end in NUL */
    return z - a == len && memcmp(v->arena + a, s, len) == 0;
}

static size_t find_slot(const pa_vocab *v, const char *s, size_t len)
{
    size_t mask = v->n_slots - 1, k = (size_t)hash_bytes(s, len) & mask;
    while (v->slots[k] && !same(v, v->slots[k] - 1, s, len)) k = (k + 1) & mask;
    return k;
}

/* Doubles the table when it is half full, keeping probes short. */
static void rehash(pa_vocab *v)
{
    size_t n = v->n_slots * 2;
    uint32_t *slots = pa_calloc(n, sizeof *slots);
    for (size_t k = 0; k < v->n_slots; k++) {
        if (!v->slots[k]) continue;
        uint32_t id = v->slots[k] - 1;
        size_t a = v->offset[id];
        size_t q = (size_t)hash_bytes(v->arena + a, v->offset[id + 1] - 1 - a) & (n - 1);
        while (slots[q]) q = (q + 1) & (n - 1);
        slots[q] = id + 1;
    }
    free(v->slots);
    v->slots = slots;
    v->n_slots = n;
}

uint32_t pa_vocab_intern(pa_vocab *v, const char *s, size_t len)
{
    size_t k = find_slot(v, s, len);
    if (v->slots[k]) return v->slots[k] - 1;
    uint32_t id = (uint32_t)v->n;
    PA_GROW(v->offset, v->cap, v->n + 2);
    if (v->n == 0) v->offset[0] = 0;
    size_t at = v->offset[v->n];
    PA_GROW(v->arena, v->arena_cap, at + len + 1);
    memcpy(v->arena + at, s, len);
    v->arena[at + len] = '\0';
    v->offset[v->n + 1] = at + len + 1;
    v->n++;
    v->slots[k] = id + 1;
    if (v->n * 2 > v->n_slots) rehash(v);
    return id;
}

uint32_t pa_vocab_find(const pa_vocab *v, const char *s, size_t len)
{
    if (v->n == 0) return UINT32_MAX;
    size_t k = find_slot(v, s, len);
    return v->slots[k] ? v->slots[k] - 1 : UINT32_MAX;
}

size_t pa_vocab_size(const pa_vocab *v) { return v->n; }

const char *pa_vocab_string(const pa_vocab *v, uint32_t id, size_t *len)
{
    size_t a = v->offset[id];
    if (len) *len = v->offset[id + 1] - 1 - a;
    return v->arena + a;
}
