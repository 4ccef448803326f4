/* utf8.h - decoding UTF-8 one code point at a time.
 *
 * The text layer validates its input once (input.h), so these helpers assume
 * valid UTF-8 and never check continuation bytes; they only guard the ends of
 * the buffer. Header-only: they sit in the inner loops of repair and
 * segmentation.
 */
#ifndef PA_UTF8_H
#define PA_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Length in bytes of the sequence that starts with byte `c`. */
static inline size_t pa_utf8_len(unsigned char c)
{
    return c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
}

/* The code point starting at s[i] (0 at or past `len`); stores its length in
 * `*n` when `n` is not NULL. */
static inline uint32_t pa_utf8_at(const char *s, size_t len, size_t i, size_t *n)
{
    if (i >= len) {
        if (n) *n = 0;
        return 0;
    }
    const unsigned char *u = (const unsigned char *)s + i;
    size_t k = pa_utf8_len(u[0]);
    if (i + k > len) k = len - i;
    uint32_t cp = k == 1 ? u[0] : (uint32_t)(u[0] & (0x7F >> k));
    for (size_t j = 1; j < k; j++) cp = cp << 6 | (u[j] & 0x3F);
    if (n) *n = k;
    return cp;
}

/* The code point ending just before s[end] (0 at the start); stores where it
 * starts in `*start` when `start` is not NULL. */
static inline uint32_t pa_utf8_before(const char *s, size_t end, size_t *start)
{
    size_t k = end;
    while (k > 0 && ((unsigned char)s[k - 1] & 0xC0) == 0x80) k--;
    if (k == 0) {
        if (start) *start = 0;
        return 0;
    }
    k--;
    if (start) *start = k;
    return pa_utf8_at(s, end, k, NULL);
}

/* Characters (code points) of `len` bytes of UTF-8. */
static inline size_t pa_utf8_chars(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++) n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

/* True when `s` holds nothing but ASCII white space (or nothing). */
static inline int pa_utf8_blank(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r') return 0;
    return 1;
}

#endif
