/* alloc.h - the one allocation policy of polyalign.
 *
 * Call sites never check for NULL: the wrappers below either succeed or do
 * not return. When an allocation fails inside a library call (a public
 * function of polyalign.h that opened a frame, see below), the call is
 * unwound with longjmp to its entry, which frees every block allocated
 * during the call and not yet freed, runs the cleanups registered with
 * pa_alloc_defer, and returns PA_EINTERNAL "out of memory (allocating N
 * bytes)". Outside any frame the process aborts after one line (Redis's
 * zmalloc). The user's handler (pa_set_oom_handler) is called first either
 * way and may choose to exit or abort.
 *
 * What this asks of the code:
 * - Free with pa_free, never pa_free(): a block still recorded by a frame
 *   would otherwise be freed twice when the call fails. pa_free on memory
 *   from malloc (realpath, getline) is fine.
 * - Memory that a longer-lived object holds (a context's segmenter pool, a
 *   writer's buffers) is allocated inside a keep or an untracked scope
 *   (below), so that a failing call does not free it under the object.
 * - A resource that is not our memory (an ICU or libxml2 object, a file, a
 *   held lock) and is held across an allocation is registered with
 *   pa_alloc_defer and released with pa_alloc_undefer.
 * tests/pipeline/test_oom.c fails the Nth allocation for every N of a
 * sample run through the public API, which finds what the rules miss.
 */
#ifndef PA_ALLOC_H
#define PA_ALLOC_H

#include <setjmp.h>
#include <stddef.h>

#include "align/polyalign.h"
#include "align/util/error.h"

void *pa_malloc(size_t n);
void *pa_calloc(size_t count, size_t size);
void *pa_realloc(void *p, size_t n);
char *pa_strdup(const char *s);
char *pa_strndup(const char *s, size_t n);

/* Frees `p` (NULL is fine) and forgets it in the frames of this thread. */
void pa_free(void *p);

/* Grows the array `*items` (of `*cap` elements of `size` bytes) so that it
 * holds at least `need` elements; capacity doubles, so appends are amortised
 * O(1). Checks the multiplication for overflow. */
void pa_grow(void **items, size_t *cap, size_t need, size_t size);

#define PA_GROW(arr, cap, need) pa_grow((void **)&(arr), &(cap), (need), sizeof *(arr))

/* pa_grow that zero-fills the elements it adds (for tables indexed by id). */
void pa_grow_zero(void **items, size_t *cap, size_t need, size_t size);

#define PA_GROW_ZERO(arr, cap, need) pa_grow_zero((void **)&(arr), &(cap), (need), sizeof *(arr))

/* ---- Frames: allocation failure as an error ------------------------- */

/* A frame records the blocks allocated while it is the innermost one of
 * its thread (an open-addressing set of pointers) and the cleanups to run
 * if the call fails. It lives on the stack of the function that opens it. */
typedef struct pa_alloc_defer_entry {
    void (*fn)(void *);
    void *arg;
} pa_alloc_defer_entry;

typedef struct pa_alloc_frame {
    jmp_buf *jump; /* where a failure goes; NULL for a keep scope */
    struct pa_alloc_frame *outer;
    void **slots; /* the set: NULL is empty; capacity a power of two */
    size_t cap, n;
    pa_alloc_defer_entry *defers;
    size_t n_defers, cap_defers;
    size_t failed; /* bytes of the allocation that failed */
    int untracked; /* records nothing (pa_alloc_untracked_begin) */
} pa_alloc_frame;

/* Opens a frame for a public entry point (PA_ALLOC_CALL below does it
 * all); `jump` is set by setjmp in the caller right after, as in:
 *
 *     pa_alloc_frame f;
 *     jmp_buf jb;
 *     pa_alloc_enter(&f, &jb);
 *     if (setjmp(jb)) return pa_alloc_failed(&f, err), NULL;
 *     ... the work ...
 *     pa_alloc_leave(&f);
 *
 * (setjmp must be called after pa_alloc_enter, in the entry point itself.) */
void pa_alloc_enter(pa_alloc_frame *f, jmp_buf *jump);

/* The usual entry point: `result = call` inside a frame; if an allocation
 * fails, `err` says so and the enclosing function returns `fail`:
 *
 *     pa_units *u;
 *     PA_ALLOC_CALL(u, align_inputs(c, in, n, o, err), err, NULL);
 *     return u;
 *
 * (`call` runs after setjmp: nothing it changes is read after a failure.) */
#define PA_ALLOC_CALL(result, call, err, fail)                                                                        \
    do {                                                                                                              \
        pa_alloc_frame frame_;                                                                                        \
        jmp_buf jump_;                                                                                                \
        pa_alloc_enter(&frame_, &jump_);                                                                              \
        if (setjmp(jump_)) {                                                                                          \
            pa_alloc_failed(&frame_, err);                                                                            \
            return fail;                                                                                              \
        }                                                                                                             \
        result = call;                                                                                                \
        pa_alloc_leave(&frame_);                                                                                      \
    } while (0)

/* Closes a frame that succeeded: the blocks it still records now belong to
 * what the call returns; an enclosing frame takes them over with the
 * cleanups (so that its own failure frees them), else they are forgotten. */
void pa_alloc_leave(pa_alloc_frame *f);

/* After the longjmp: closes the frame (its blocks are freed and cleanups
 * run already) and sets `err` to PA_EINTERNAL "out of memory (allocating
 * N bytes)". */
void pa_alloc_failed(pa_alloc_frame *f, pa_error *err);

/* A keep scope builds an object that outlives the call (a segmenter for a
 * context's pool): its blocks are forgotten when the scope ends, and its
 * cleanups dropped, but freed and run if the call fails inside it. */
void pa_alloc_keep_begin(pa_alloc_frame *f);
void pa_alloc_keep_end(pa_alloc_frame *f);

/* An untracked scope records nothing: for code that stores each block in a
 * longer-lived object as soon as it has it (growing a context's table, a
 * writer's buffers), so that a failure leaves the object whole. */
void pa_alloc_untracked_begin(pa_alloc_frame *f);
void pa_alloc_untracked_end(pa_alloc_frame *f);

/* Runs fn(arg) if the current call fails before pa_alloc_undefer(arg).
 * Outside any frame, does nothing. fn must not allocate. */
void pa_alloc_defer(void (*fn)(void *), void *arg);
void pa_alloc_undefer(void *arg);

/* True while a library call's frame is open on this thread: a failure now
 * becomes that call's error (the CLI's handler leaves it to the library). */
int pa_alloc_in_frame(void);

/* Testing: makes the `nth` allocation from now on this thread fail (once);
 * 0 disables. pa_alloc_count counts this thread's allocations. */
void pa_alloc_fail_at(unsigned long nth);
unsigned long pa_alloc_count(void);

#endif
