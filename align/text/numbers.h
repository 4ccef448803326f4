/* numbers.h - the numbers a segment holds, for checking that a translation
 * unit's sides agree on them (`tmx filter --numbers-differ`, the x-numbers
 * property of the TMX writer; Bitextor flags units likewise).
 *
 * A number is a run of decimal digits of any script (ASCII, full-width
 * ０-９ as Chinese text has them, Arabic-Indic ٠-٩ and the other Unicode
 * decimal digits), written normalised in ASCII: leading zeros of the
 * integer part and trailing zeros of the fraction dropped, the decimal
 * separator a point. Digit grouping is read as people write it:
 *   - a space (also no-break, narrow no-break, thin and figure spaces), an
 *     apostrophe or the Arabic thousands separator groups digits when
 *     exactly three digits follow and the first group has at most three;
 *   - a comma or a point (also full-width ，．) followed by exactly three
 *     digits groups them ("1,000" = "1.000" = "1 000" = 1000) unless the
 *     number so far is 0 ("0.125" is a fraction); repeated, it must be the
 *     same character each time;
 *   - another comma or point (or the Arabic decimal separator) followed by
 *     digits is the decimal separator ("3,5" = "3.5"; "1.000,5" = 1000.5),
 *     once a number.
 * Numerals written in words or in Chinese characters (二〇一八) are not
 * numbers here.
 */
#ifndef PA_NUMBERS_H
#define PA_NUMBERS_H

#include <stddef.h>

#include "align/util/buf.h"

/* Appends the numbers of `s` (`len` bytes of UTF-8) to `out` in the order
 * they occur, each normalised and followed by '\n'; returns how many. */
size_t pa_numbers_scan(const char *s, size_t len, pa_buf *out);

/* 1 when the sets of numbers of `a` and `b` differ (a number on one side
 * only; how often each occurs does not count), else 0. */
int pa_numbers_differ(const char *a, size_t alen, const char *b, size_t blen);

#endif
