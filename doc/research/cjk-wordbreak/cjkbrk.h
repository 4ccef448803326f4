/* cjkbrk.h -- word boundaries and rule statuses identical to ICU 72's
 * ubrk_open(UBRK_WORD, "zh") iterator on UTF-8 text, without making ICU
 * construct its CjkBreakEngine.  Plain C11 on ICU's public C API. */
#ifndef CJKBRK_H
#define CJKBRK_H

#include <stdint.h>
#include <unicode/utypes.h>

typedef struct cjk_breaker cjk_breaker;

typedef struct {
    int32_t pos;    /* byte offset of the boundary (as ubrk_next on a UTF-8 UText) */
    int32_t status; /* ubrk_getRuleStatus at that boundary */
} cjk_boundary;

cjk_breaker *cjk_breaker_open(UErrorCode *st); /* the "zh" word iterator */
/* The same for another locale's UBRK_WORD iterator (the dictionary handling
 * of ICU's word iterators does not depend on the locale). */
cjk_breaker *cjk_breaker_open_locale(const char *locale, UErrorCode *st);
void cjk_breaker_close(cjk_breaker *b);

/* Breaks s[0..len) (UTF-8).  Returns the boundaries after 0, in order, as
 * ubrk_first + ubrk_next would give them; *n receives their number.  The
 * array belongs to the breaker and is valid until the next call. */
const cjk_boundary *cjk_break_utf8(cjk_breaker *b, const char *s, int32_t len, int32_t *n, UErrorCode *st);

/* Lines handed to a real ICU iterator (Thai, Lao, Myanmar, Khmer text inside
 * a rule segment that the dictionary would see); for statistics. */
long cjk_breaker_fallbacks(const cjk_breaker *b);

#endif
