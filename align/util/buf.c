/* buf.c - see buf.h. */
#include "align/util/buf.h"
#include "align/util/alloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void pa_buf_reserve(pa_buf *b, size_t extra)
{
    size_t need = b->len + extra + 1;
    if (need > b->cap) {
        size_t cap = b->cap;
        pa_grow((void **)&b->data, &cap, need, 1);
        b->cap = cap;
    }
    b->data[b->len] = '\0'; /* a buffer reserved and then left empty is "", not garbage */
}

void pa_buf_append(pa_buf *b, const void *p, size_t n)
{
    pa_buf_reserve(b, n);
    if (n) memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void pa_buf_puts(pa_buf *b, const char *s) { pa_buf_append(b, s, strlen(s)); }

void pa_buf_putc(pa_buf *b, char c) { pa_buf_append(b, &c, 1); }

void pa_buf_printf(pa_buf *b, const char *fmt, ...)
{
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n > 0) {
        pa_buf_reserve(b, (size_t)n);
        vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap2);
        b->len += (size_t)n;
    }
    va_end(ap2);
}

/* Appends `n` bytes of `s` as a quoted JSON string; `html` also escapes
 * what would end or confuse an HTML <script> element around the JSON
 * (<, >, &) and what older JavaScript reads as line ends (U+2028, U+2029). */
static void json_string(pa_buf *b, const char *s, size_t n, int html)
{
    pa_buf_putc(b, '"');
    size_t run = 0; /* bytes copied as they are, in one append */
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        int sep = html && c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
                  ((unsigned char)s[i + 2] == 0xA8 || (unsigned char)s[i + 2] == 0xA9);
        if (c >= 0x20 && c != '"' && c != '\\' && !sep && !(html && (c == '<' || c == '>' || c == '&'))) continue;
        pa_buf_append(b, s + run, i - run);
        run = i + 1;
        if (sep) {
            pa_buf_printf(b, "\\u%04x", (unsigned char)s[i + 2] == 0xA8 ? 0x2028 : 0x2029);
            run = i + 3, i += 2;
            continue;
        }
        switch (c) {
        case '"': pa_buf_puts(b, "\\\""); break;
        case '\\': pa_buf_puts(b, "\\\\"); break;
        case '\n': pa_buf_puts(b, "\\n"); break;
        case '\t': pa_buf_puts(b, "\\t"); break;
        case '\r': pa_buf_puts(b, "\\r"); break;
        default: pa_buf_printf(b, "\\u%04x", c);
        }
    }
    pa_buf_append(b, s + run, n - run);
    pa_buf_putc(b, '"');
}

void pa_buf_json_string(pa_buf *b, const char *s, size_t n)
{
    json_string(b, s, n, 0);
}

void pa_buf_json_string_html(pa_buf *b, const char *s, size_t n)
{
    json_string(b, s, n, 1);
}

void pa_buf_reset(pa_buf *b)
{
    b->len = 0;
    if (b->data) b->data[0] = '\0';
}

char *pa_buf_detach(pa_buf *b, size_t *len)
{
    if (!b->data) pa_buf_reserve(b, 0), b->data[0] = '\0';
    char *d = b->data;
    if (len) *len = b->len;
    b->data = NULL;
    b->len = b->cap = 0;
    return d;
}

void pa_buf_free(pa_buf *b)
{
    pa_free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

void pa_put_one_line(pa_buf *out, const char *s, size_t n)
{
    size_t at = out->len;
    pa_buf_append(out, s, n);
    for (size_t k = at; k < out->len; k++)
        if (out->data[k] == '\t' || out->data[k] == '\n' || out->data[k] == '\r') out->data[k] = ' ';
}
