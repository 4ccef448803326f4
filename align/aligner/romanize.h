/* romanize.h - words in any script as lower-case ASCII letters and digits,
 * for cognates and names (features.c).
 *
 * The result is what ICU's "Any-Latin; Latin-ASCII; Lower" transliterator
 * gives, with everything but a-z and 0-9 dropped. Words of ASCII, Chinese
 * characters and Latin letters with diacritics (the bulk of a pair with
 * English, French, Spanish or Chinese) take a fast path: ASCII is
 * lower-cased, other characters are looked up in the table generated from
 * the same transliterator at build time (pinyin.h). Other words (Cyrillic,
 * Arabic, Greek, combining marks) go through the transliterator itself,
 * opened on first need, so a process that never meets them never pays for
 * compiling it. */
#ifndef PA_ROMANIZE_H
#define PA_ROMANIZE_H

#include <stddef.h>

#include "align/util/buf.h"
#include "align/util/error.h"

/* The transliterator, once opened. One per thread. */
typedef struct pa_romanizer pa_romanizer;

pa_romanizer *pa_romanizer_new(void);
void pa_romanizer_free(pa_romanizer *r);

/* Romanizes UTF-8 `s` into `out` (reset first). Returns 0, or -1 with `err`
 * set when the transliterator cannot be opened. */
int pa_romanize(pa_romanizer *r, const char *s, size_t len, pa_buf *out, pa_error *err);

/* The same through the transliterator always (tests compare the two). */
int pa_romanize_icu(pa_romanizer *r, const char *s, size_t len, pa_buf *out, pa_error *err);

#endif
