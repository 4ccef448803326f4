/* alloc.c - see alloc.h. */
#include "align/util/alloc.h"

#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The one piece of process-wide state: set before threads start, read by
 * any thread, hence atomic. NULL: no handler, failures are reported. */
static _Atomic(pa_oom_handler) oom_handler; /* zero: none (clang refuses NULL here) */

/* Per thread: the innermost open frame, and the fault injection of tests. */
static _Thread_local pa_alloc_frame *innermost;
static _Thread_local unsigned long fail_countdown, n_allocations;

pa_oom_handler pa_set_oom_handler(pa_oom_handler h)
{
    return atomic_exchange(&oom_handler, h);
}

/* The frame a failure unwinds to: the innermost with a jump. */
static pa_alloc_frame *jump_frame(void)
{
    pa_alloc_frame *f = innermost;
    while (f && !f->jump) f = f->outer;
    return f;
}

/* Runs the cleanups of `f`, newest first, and frees the blocks it records
 * and its own tables. */
static void frame_release(pa_alloc_frame *f)
{
    while (f->n_defers) {
        pa_alloc_defer_entry d = f->defers[--f->n_defers];
        d.fn(d.arg);
    }
    for (size_t i = 0; i < f->cap; i++)
        if (f->slots[i]) free(f->slots[i]);
    free(f->slots), free(f->defers);
    f->slots = NULL, f->defers = NULL, f->cap = f->n = f->cap_defers = 0;
}

/* Allocation failed for `n` bytes: the handler first, then unwind to the
 * entry point of the library call, or abort outside one. */
static _Noreturn void out_of_memory(size_t n)
{
    pa_oom_handler h = atomic_load(&oom_handler);
    if (h) h(n);
    pa_alloc_frame *target = jump_frame();
    if (!target) {
        fprintf(stderr, "polyalign: out of memory (allocating %zu bytes)\n", n);
        abort();
    }
    /* inner scopes first: their cleanups may use memory of outer ones */
    for (pa_alloc_frame *f = innermost; f != target->outer; f = f->outer) frame_release(f);
    innermost = target;
    target->failed = n;
    longjmp(*target->jump, 1);
}

/* ---- The set of blocks of a frame (linear probing) ------------------- */

static size_t slot_of(const pa_alloc_frame *f, const void *p)
{
    uint64_t h = (uint64_t)(uintptr_t)p * UINT64_C(0x9E3779B97F4A7C15);
    return (size_t)(h >> 32) & (f->cap - 1);
}

/* Records `p` in the innermost frame; false when the set cannot grow. */
static int frame_add(pa_alloc_frame *f, void *p)
{
    if (2 * (f->n + 1) > f->cap) {
        size_t cap = f->cap ? 2 * f->cap : 64;
        void **old = f->slots, **slots = calloc(cap, sizeof *slots);
        if (!slots) return 0;
        size_t old_cap = f->cap;
        f->slots = slots, f->cap = cap;
        for (size_t i = 0; i < old_cap; i++)
            if (old[i]) {
                size_t s = slot_of(f, old[i]);
                while (f->slots[s]) s = (s + 1) & (cap - 1);
                f->slots[s] = old[i];
            }
        free(old);
    }
    size_t s = slot_of(f, p);
    while (f->slots[s]) {
        if (f->slots[s] == p) return 1;
        s = (s + 1) & (f->cap - 1);
    }
    f->slots[s] = p;
    f->n++;
    return 1;
}

/* Forgets `p` in `f` if it is there (backward-shift deletion keeps every
 * probe chain whole). True if it was. */
static int frame_remove(pa_alloc_frame *f, const void *p)
{
    if (!f->n) return 0;
    size_t s = slot_of(f, p), mask = f->cap - 1;
    while (f->slots[s] != p) {
        if (!f->slots[s]) return 0;
        s = (s + 1) & mask;
    }
    f->slots[s] = NULL;
    f->n--;
    for (size_t j = (s + 1) & mask; f->slots[j]; j = (j + 1) & mask) {
        size_t home = slot_of(f, f->slots[j]);
        /* move j back into the hole if its home is not in (s, j] */
        if ((j > s && (home <= s || home > j)) || (j < s && home <= s && home > j)) {
            f->slots[s] = f->slots[j];
            f->slots[j] = NULL;
            s = j;
        }
    }
    return 1;
}

/* The frame of this thread that records `p`, if any. */
static pa_alloc_frame *frame_holding(const void *p)
{
    for (pa_alloc_frame *f = innermost; f; f = f->outer)
        if (f->n && frame_remove(f, p)) return f;
    return NULL;
}

/* Counts an allocation; true when the test's injected failure is due. */
static int injected_failure(void)
{
    n_allocations++;
    return fail_countdown && --fail_countdown == 0;
}

/* Records a new block `p` of `n` bytes in the innermost frame. */
static void *track(void *p, size_t n)
{
    if (innermost && !innermost->untracked && !frame_add(innermost, p)) {
        free(p);
        out_of_memory(n);
    }
    return p;
}

void *pa_malloc(size_t n)
{
    void *p = injected_failure() ? NULL : malloc(n ? n : 1);
    if (!p) out_of_memory(n);
    return track(p, n);
}

void *pa_calloc(size_t count, size_t size)
{
    void *p = injected_failure() ? NULL : calloc(count ? count : 1, size ? size : 1);
    if (!p) out_of_memory(count * size);
    return track(p, count * size);
}

/* A block keeps its owner: one recorded by a frame stays recorded there
 * under its new address; one that belongs to a longer-lived object (not
 * recorded) stays unrecorded; a new block (p NULL) goes to the innermost
 * frame. */
void *pa_realloc(void *p, size_t n)
{
    if (!p) return pa_malloc(n);
    if (injected_failure()) out_of_memory(n);
    pa_alloc_frame *owner = frame_holding(p); /* removed from it for now */
    void *q = realloc(p, n ? n : 1);
    if (!q) {
        if (owner) frame_add(owner, p); /* fits: it was there a moment ago */
        out_of_memory(n);
    }
    if (owner && !frame_add(owner, q)) {
        free(q);
        out_of_memory(n);
    }
    return q;
}

void pa_free(void *p)
{
    if (!p) return;
    if (innermost) frame_holding(p);
    free(p);
}

char *pa_strndup(const char *s, size_t n)
{
    char *d = pa_malloc(n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *pa_strdup(const char *s)
{
    return pa_strndup(s, strlen(s));
}

void pa_grow(void **items, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap) return;
    size_t n = *cap ? *cap : 8;
    while (n < need) {
        if (n > SIZE_MAX / 2) out_of_memory(SIZE_MAX);
        n *= 2;
    }
    if (n > SIZE_MAX / size) out_of_memory(SIZE_MAX);
    *items = pa_realloc(*items, n * size);
    *cap = n;
}

void pa_grow_zero(void **items, size_t *cap, size_t need, size_t size)
{
    size_t old = *cap;
    pa_grow(items, cap, need, size);
    if (*cap > old) memset((char *)*items + old * size, 0, (*cap - old) * size);
}

/* ---- Frames ---------------------------------------------------------- */

static void frame_open(pa_alloc_frame *f, jmp_buf *jump, int untracked)
{
    memset(f, 0, sizeof *f);
    f->jump = jump;
    f->untracked = untracked;
    f->outer = innermost;
    innermost = f;
}

void pa_alloc_enter(pa_alloc_frame *f, jmp_buf *jump)
{
    frame_open(f, jump, 0);
}

void pa_alloc_keep_begin(pa_alloc_frame *f)
{
    frame_open(f, NULL, 0);
}

/* Closes `f` without freeing its blocks; `into` (if any) takes them over,
 * and its cleanups. */
static void frame_close(pa_alloc_frame *f, pa_alloc_frame *into)
{
    innermost = f->outer;
    if (into)
        for (size_t i = 0; i < f->n_defers; i++) pa_alloc_defer(f->defers[i].fn, f->defers[i].arg);
    if (into)
        for (size_t i = 0; i < f->cap; i++)
            if (f->slots[i] && !frame_add(into, f->slots[i])) {
                /* cannot record the rest: free it and fail the enclosing
                 * call, which frees what it took over */
                for (size_t j = i; j < f->cap; j++) free(f->slots[j]);
                free(f->slots), free(f->defers);
                out_of_memory(sizeof(void *));
            }
    free(f->slots), free(f->defers);
}

void pa_alloc_leave(pa_alloc_frame *f)
{
    frame_close(f, f->outer);
}

void pa_alloc_keep_end(pa_alloc_frame *f)
{
    frame_close(f, NULL);
}

void pa_alloc_untracked_begin(pa_alloc_frame *f)
{
    frame_open(f, NULL, 1);
}

void pa_alloc_untracked_end(pa_alloc_frame *f)
{
    frame_close(f, NULL);
}

void pa_alloc_failed(pa_alloc_frame *f, pa_error *err)
{
    innermost = f->outer;
    pa_error_set(err, PA_EINTERNAL, "out of memory (allocating %zu bytes)", f->failed);
}

void pa_alloc_defer(void (*fn)(void *), void *arg)
{
    pa_alloc_frame *f = innermost;
    if (!f) return;
    if (f->n_defers == f->cap_defers) {
        size_t cap = f->cap_defers ? 2 * f->cap_defers : 8;
        pa_alloc_defer_entry *d = realloc(f->defers, cap * sizeof *d);
        if (!d) {
            fn(arg); /* cannot promise the cleanup: do it now and fail */
            out_of_memory(cap * sizeof *d);
        }
        f->defers = d, f->cap_defers = cap;
    }
    f->defers[f->n_defers++] = (pa_alloc_defer_entry){fn, arg};
}

void pa_alloc_undefer(void *arg)
{
    for (pa_alloc_frame *f = innermost; f; f = f->outer)
        for (size_t i = f->n_defers; i-- > 0;)
            if (f->defers[i].arg == arg) {
                memmove(&f->defers[i], &f->defers[i + 1], (f->n_defers - i - 1) * sizeof *f->defers);
                f->n_defers--;
                return;
            }
}

int pa_alloc_in_frame(void)
{
    return jump_frame() != NULL;
}

void pa_alloc_fail_at(unsigned long nth)
{
    fail_countdown = nth;
}

unsigned long pa_alloc_count(void)
{
    return n_allocations;
}
