/* reflow.c - see reflow.h. */
#include "align/text/reflow.h"

#include <string.h>

int pa_is_unspaced_char(unsigned cp)
{
    return (cp >= 0x2E80 && cp <= 0x9FFF)     /* CJK radicals, punctuation, kana, Han */
        || (cp >= 0xAC00 && cp <= 0xD7AF)     /* Hangul syllables are spaced, but never split */
        || (cp >= 0xF900 && cp <= 0xFAFF)     /* compatibility ideographs */
        || (cp >= 0xFE30 && cp <= 0xFE4F)     /* CJK compatibility forms */
        || (cp >= 0xFF00 && cp <= 0xFFEF)     /* full-width forms */
        || (cp >= 0x20000 && cp <= 0x3FFFF);  /* Han extensions */
}

/* Decodes the code point ending at s[end-1] (valid UTF-8). */
static unsigned cp_before(const char *s, size_t end)
{
    size_t k = end;
    while (k > 0 && ((unsigned char)s[k - 1] & 0xC0) == 0x80) k--;
    if (k == 0) return 0;
    k--;
    const unsigned char *u = (const unsigned char *)s + k;
    size_t n = end - k;
    if (n == 1) return u[0];
    unsigned cp = u[0] & (0x3F >> (n - 1));
    for (size_t i = 1; i < n; i++) cp = cp << 6 | (u[i] & 0x3F);
    return cp;
}

static unsigned cp_at(const char *s, size_t len, size_t k)
{
    const unsigned char *u = (const unsigned char *)s + k;
    if (k >= len) return 0;
    if (u[0] < 0x80) return u[0];
    size_t n = u[0] >= 0xF0 ? 4 : u[0] >= 0xE0 ? 3 : 2;
    unsigned cp = u[0] & (0x3F >> (n - 1));
    for (size_t i = 1; i < n && k + i < len; i++) cp = cp << 6 | (u[i] & 0x3F);
    return cp;
}

static int is_digit_cp(unsigned cp) { return cp >= '0' && cp <= '9'; }

void pa_reflow(const char *text, size_t len, const char *lang, pa_buf *out)
{
    (void)lang;
    pa_buf_reserve(out, len);
    size_t i = 0;
    int pending_break = 0; /* a single line break waiting for the next line */
    int blank = 0;         /* a blank line was seen since the last text */
    while (i < len) {
        const char *nl = memchr(text + i, '\n', len - i);
        size_t e = nl ? (size_t)(nl - text) : len;
        size_t a = i, z = e;
        while (a < z && (text[a] == ' ' || text[a] == '\t')) a++;
        while (z > a && (text[z - 1] == ' ' || text[z - 1] == '\t')) z--;
        if (a == z) {
            blank = 1;
        } else {
            if (blank && out->len > 0) {
                pa_buf_append(out, "\n\n", 2);
            } else if (pending_break) {
                unsigned prev = cp_before(out->data, out->len), next = cp_at(text, len, a);
                int joined = (pa_is_unspaced_char(prev) && (pa_is_unspaced_char(next) || is_digit_cp(next)))
                          || (is_digit_cp(prev) && pa_is_unspaced_char(next));
                if (!joined) pa_buf_putc(out, ' ');
            }
            pa_buf_append(out, text + a, z - a);
            blank = 0;
            pending_break = 1;
        }
        i = e + 1;
    }
    pa_buf_putc(out, '\n');
}
