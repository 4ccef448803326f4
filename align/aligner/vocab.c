/* vocab.c - see vocab.h. */
#include "align/aligner/vocab.h"
#include "align/util/alloc.h"
#include "align/util/buf.h"

#include <stdlib.h>
#include <string.h>

struct pa_vocab {
    uint32_t *slots;  /* id + 1, 0 = empty; capacity is a power of two */
    size_t n_slots;
    size_t *offset;   /* id -> start of its string in `arena` */
    size_t n, cap;
    char *arena;
    size_t arena_len, arena_cap;
    int borrowed; /* a view of a snapshot (pa_vocab_view): the arrays are not ours */
};

static void own(pa_vocab *v);

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
    if (!v->borrowed) {
        pa_free(v->slots);
        pa_free(v->offset);
        pa_free(v->arena);
    }
    pa_free(v);
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
    pa_free(v->slots);
    v->slots = slots;
    v->n_slots = n;
}

uint32_t pa_vocab_intern(pa_vocab *v, const char *s, size_t len)
{
    if (v->borrowed) own(v);
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

/* pa_vocab_find in a view, whose bytes (a cache file) were not checked
 * entry by entry: every slot and offset it reads is checked before use,
 * and the probe ends after one round of the table, so damaged bytes give
 * "absent", never a read outside the view. */
static uint32_t find_in_view(const pa_vocab *v, const char *s, size_t len)
{
    size_t mask = v->n_slots - 1, k = (size_t)hash_bytes(s, len) & mask;
    for (size_t probes = 0; probes < v->n_slots; probes++, k = (k + 1) & mask) {
        uint32_t e = v->slots[k];
        if (!e || e > v->n) return UINT32_MAX;
        size_t a = v->offset[e - 1], z = v->offset[e];
        if (a >= z || z > v->arena_len) return UINT32_MAX;
        if (z - 1 - a == len && memcmp(v->arena + a, s, len) == 0) return e - 1;
    }
    return UINT32_MAX;
}

uint32_t pa_vocab_find(const pa_vocab *v, const char *s, size_t len)
{
    if (v->n == 0) return UINT32_MAX;
    if (v->borrowed) return find_in_view(v, s, len);
    size_t k = find_slot(v, s, len);
    return v->slots[k] ? v->slots[k] - 1 : UINT32_MAX;
}

size_t pa_vocab_size(const pa_vocab *v) { return v->n; }

const char *pa_vocab_string(const pa_vocab *v, uint32_t id, size_t *len)
{
    if (v->borrowed && !(v->offset[id] < v->offset[id + 1] && v->offset[id + 1] <= v->arena_len)) {
        if (len) *len = 0; /* a view's damaged offsets (see find_in_view) */
        return "";
    }
    size_t a = v->offset[id];
    if (len) *len = v->offset[id + 1] - 1 - a;
    return v->arena + a;
}

/* Snapshot layout (native byte order, 8-byte aligned parts; a cache, not an
 * exchange format): uint64 n, n_slots, arena_len; uint64 offset[n + 1];
 * uint32 slots[n_slots]; the arena, padded to a multiple of 8 bytes. */
int pa_vocab_dump(const pa_vocab *v, pa_buf *out)
{
    if (sizeof(size_t) != sizeof(uint64_t)) return -1;
    uint64_t h[3] = {v->n, v->n_slots, v->n ? v->offset[v->n] : 0};
    pa_buf_append(out, h, sizeof h);
    if (v->n) pa_buf_append(out, v->offset, (v->n + 1) * sizeof *v->offset);
    else pa_buf_append(out, &h[2], sizeof h[2]);
    pa_buf_append(out, v->slots, v->n_slots * sizeof *v->slots);
    if (h[2]) pa_buf_append(out, v->arena, (size_t)h[2]);
    static const char pad[8] = {0};
    pa_buf_append(out, pad, (size_t)(-h[2] & 7));
    return 0;
}

pa_vocab *pa_vocab_view(const char **p, const char *end)
{
    uint64_t h[3];
    if (sizeof(size_t) != sizeof(uint64_t) || (size_t)(end - *p) < sizeof h || ((uintptr_t)*p & 7)) return NULL;
    memcpy(h, *p, sizeof h);
    uint64_t n = h[0], n_slots = h[1], arena_len = h[2];
    /* a table at most half full, of a power-of-two size, in the bytes left */
    if (n_slots < 2 || (n_slots & (n_slots - 1)) || n * 2 > n_slots || n >= UINT32_MAX) return NULL;
    uint64_t left = (uint64_t)(end - *p) - sizeof h;
    if (n_slots > left / 4 || n + 1 > left / 8) return NULL;
    uint64_t fixed = (n + 1) * 8 + n_slots * 4;
    if (fixed > left || arena_len > left - fixed || ((arena_len + 7) & ~(uint64_t)7) > left - fixed) return NULL;
    const size_t *offset = (const size_t *)(const void *)(*p + sizeof h);
    const uint32_t *slots = (const uint32_t *)(const void *)(*p + sizeof h + (n + 1) * 8);
    /* Only the ends are checked here: a view is mapped so that a lookup
     * touches the pages of its own words, and checking every offset and
     * slot touched them all (CC-CEDICT's: 6.5M instructions a load).
     * find_in_view and own check what they read instead. */
    if (offset[0] != 0 || offset[n] != arena_len) return NULL;
    pa_vocab *v = pa_calloc(1, sizeof *v);
    v->borrowed = 1;
    v->n = (size_t)n;
    v->n_slots = (size_t)n_slots;
    v->offset = (size_t *)offset;
    v->slots = (uint32_t *)slots;
    v->arena = (char *)(*p + sizeof h + fixed);
    v->arena_len = (size_t)arena_len;
    *p += sizeof h + fixed + ((arena_len + 7) & ~(uint64_t)7);
    return v;
}

/* Gives a view its own copies, before it changes: the strings by id, and a
 * table built afresh from them. The view's bytes were not checked entry by
 * entry (pa_vocab_view): an id whose offsets are out of order or out of
 * range becomes the empty string, and a string already seen keeps its
 * first id, so damaged bytes make a consistent vocabulary, never a read
 * outside the view (nor strings that overlap, which would overrun the
 * copy). An intact view gives back its own ids and strings. The copy's
 * capacity is what was allocated, not what the strings took: damaged
 * offsets can take more than the view's arena (a NUL for each id). */
static void own(pa_vocab *v)
{
    size_t n = v->n;
    const size_t *from = v->offset;
    const char *text = v->arena;
    size_t text_len = v->arena_len;
    size_t arena_cap = text_len + n + 1; /* every string, and a NUL for each id */
    char *arena = pa_malloc(arena_cap);
    size_t *offset = pa_malloc((n + 2) * sizeof *offset);
    uint32_t *slots = pa_calloc(v->n_slots, sizeof *slots);
    /* all allocated (a failure leaves the view as it was): the copy is v's
     * from here, and find_slot probes the ids copied so far */
    v->arena = arena, v->arena_cap = arena_cap;
    v->offset = offset, v->cap = n + 2;
    v->slots = slots;
    v->borrowed = 0;
    size_t at = 0, lim = 0; /* lim: strings taken end there, so none overlap */
    v->offset[0] = 0;
    for (size_t id = 0; id < n; id++) {
        size_t a = from[id], z = from[id + 1], len = a >= lim && a < z && z <= text_len ? z - 1 - a : 0;
        if (len) lim = z, memcpy(v->arena + at, text + a, len);
        v->arena[at + len] = '\0';
        v->offset[id + 1] = at + len + 1;
        size_t k = find_slot(v, v->arena + at, len);
        if (!v->slots[k]) v->slots[k] = (uint32_t)id + 1; /* a string seen before keeps its first id */
        at += len + 1;
    }
    v->arena_len = at;
}
