/* alloc.h - the one allocation policy of polyalign.
 *
 * Out of memory is not an error the library reports case by case: these
 * wrappers call the out-of-memory handler (pa_set_oom_handler in
 * polyalign.h; by default it prints one line and aborts, like Redis's
 * zmalloc), which does not return, so that every other call site can assume
 * success. Everything else is plain malloc/free.
 */
#ifndef PA_ALLOC_H
#define PA_ALLOC_H

#include <stddef.h>

#include "align/polyalign.h"

void *pa_malloc(size_t n);
void *pa_calloc(size_t count, size_t size);
void *pa_realloc(void *p, size_t n);
char *pa_strdup(const char *s);
char *pa_strndup(const char *s, size_t n);

/* Grows the array `*items` (of `*cap` elements of `size` bytes) so that it
 * holds at least `need` elements; capacity doubles, so appends are amortised
 * O(1). Checks the multiplication for overflow. */
void pa_grow(void **items, size_t *cap, size_t need, size_t size);

#define PA_GROW(arr, cap, need) pa_grow((void **)&(arr), &(cap), (need), sizeof *(arr))

/* pa_grow that zero-fills the elements it adds (for tables indexed by id). */
void pa_grow_zero(void **items, size_t *cap, size_t need, size_t size);

#define PA_GROW_ZERO(arr, cap, need) pa_grow_zero((void **)&(arr), &(cap), (need), sizeof *(arr))

#endif
