/* alloc.c - see alloc.h. */
#include "align/util/alloc.h"

#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The default out-of-memory handler: one line, then abort (Redis's way). */
static void default_oom(size_t n)
{
    fprintf(stderr, "polyalign: out of memory (allocating %zu bytes)\n", n);
    abort();
}

/* The one piece of process-wide state: set before threads start, read by
 * any thread, hence atomic. */
static _Atomic(pa_oom_handler) oom_handler = default_oom;

pa_oom_handler pa_set_oom_handler(pa_oom_handler h)
{
    return atomic_exchange(&oom_handler, h ? h : default_oom);
}

static void out_of_memory(size_t n)
{
    atomic_load(&oom_handler)(n);
    abort(); /* a handler that returns: nothing sensible is left to do */
}

void *pa_malloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) out_of_memory(n);
    return p;
}

void *pa_calloc(size_t count, size_t size)
{
    void *p = calloc(count ? count : 1, size ? size : 1);
    if (!p) out_of_memory(count * size);
    return p;
}

void *pa_realloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) out_of_memory(n);
    return q;
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
