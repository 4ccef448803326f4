/* vocab.h - interning strings as small integer ids.
 *
 * Words, anchors and name keys are compared as ids, not strings: a sentence
 * becomes a sorted set of ids, and matching two sentences is a merge of two
 * integer arrays. Ids are dense (0, 1, 2, ...) so tables can be indexed by
 * them. Open addressing, strings kept in one growing arena.
 */
#ifndef PA_VOCAB_H
#define PA_VOCAB_H

#include <stddef.h>
#include <stdint.h>

#include "align/util/buf.h"

typedef struct pa_vocab pa_vocab;

pa_vocab *pa_vocab_new(void);
void pa_vocab_free(pa_vocab *v);

/* The id of `s` (`len` bytes), adding it if new. */
uint32_t pa_vocab_intern(pa_vocab *v, const char *s, size_t len);

/* The id of `s`, or UINT32_MAX when absent. */
uint32_t pa_vocab_find(const pa_vocab *v, const char *s, size_t len);

/* Number of distinct strings. */
size_t pa_vocab_size(const pa_vocab *v);

/* The string of `id` (NUL-terminated) and its length. */
const char *pa_vocab_string(const pa_vocab *v, uint32_t id, size_t *len);

/* Appends a snapshot of `v` to `out`, for caches (the same ids; read
 * back without rehashing). Returns -1 (nothing written) where the snapshot
 * format does not fit the platform. */
int pa_vocab_dump(const pa_vocab *v, pa_buf *out);

/* A vocabulary that reads the snapshot at *p (8-byte aligned) in place,
 * without copying (*p advanced past it; the memory must outlive it and not
 * change; interning makes it copy first), or NULL when the bytes up to
 * `end` are not a consistent snapshot. */
pa_vocab *pa_vocab_view(const char **p, const char *end);

#endif
