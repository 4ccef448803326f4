/* numbers.c - see numbers.h. */
#include "align/text/numbers.h"
#include "align/text/utf8.h"
#include "align/util/alloc.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>

/* What a character between digits can be. */
enum sep_kind { SEP_NONE, SEP_GROUP, SEP_DECIMAL, SEP_EITHER };

static enum sep_kind sep_kind(uint32_t c)
{
    switch (c) {
    case ' ': case 0x00A0: case 0x2007: case 0x2009: case 0x202F: /* spaces */
    case '\'': case 0x2019: case 0x066C:                           /* apostrophes, Arabic thousands */
        return SEP_GROUP;
    case 0x066B: /* Arabic decimal separator */
        return SEP_DECIMAL;
    case ',': case '.': case 0xFF0C: case 0xFF0E:
        return SEP_EITHER;
    default:
        return SEP_NONE;
    }
}

/* The value 0-9 of a decimal digit of any script, else -1. */
static int digit_value(uint32_t c)
{
    if (c < 0x80) return c >= '0' && c <= '9' ? (int)(c - '0') : -1;
    if (u_charType((UChar32)c) != U_DECIMAL_DIGIT_NUMBER) return -1;
    return u_charDigitValue((UChar32)c);
}

/* Appends the digits (as ASCII) of the run starting at s[*i] to `out` and
 * moves `*i` past it; returns how many. */
static size_t take_digits(const char *s, size_t len, size_t *i, pa_buf *out)
{
    size_t n = 0, k;
    int d;
    while (*i < len && (d = digit_value(pa_utf8_at(s, len, *i, &k))) >= 0) {
        if (out) pa_buf_putc(out, (char)('0' + d));
        *i += k, n++;
    }
    return n;
}

/* Appends the number whose integer digits are int_part[0..n) and fraction
 * frac[0..m), normalised, and a '\n'. */
static void put_number(pa_buf *out, const char *int_part, size_t n, const char *frac, size_t m)
{
    while (n > 1 && int_part[0] == '0') int_part++, n--;
    while (m > 0 && frac[m - 1] == '0') m--;
    pa_buf_append(out, int_part, n);
    if (m) pa_buf_putc(out, '.'), pa_buf_append(out, frac, m);
    pa_buf_putc(out, '\n');
}

size_t pa_numbers_scan(const char *s, size_t len, pa_buf *out)
{
    size_t count = 0, i = 0, k;
    pa_buf digits = PA_BUF_INIT;
    while (i < len) {
        if (digit_value(pa_utf8_at(s, len, i, &k)) < 0) {
            i += k;
            continue;
        }
        pa_buf_reset(&digits);
        size_t first = take_digits(s, len, &i, &digits), frac_at = 0;
        uint32_t group = 0; /* the grouping character once seen */
        int decimal = 0;
        while (i < len && !decimal) {
            uint32_t c = pa_utf8_at(s, len, i, &k);
            enum sep_kind kind = sep_kind(c);
            if (kind == SEP_GROUP && c != '\'' && c != 0x2019 && c != 0x066C) c = ' '; /* one kind of space */
            size_t j = i + k, after = kind == SEP_NONE ? 0 : take_digits(s, len, &j, NULL);
            if (after == 0) break;
            int groups = kind != SEP_DECIMAL && after == 3 && (group ? group == c : first <= 3) &&
                         !(digits.len == 1 && digits.data[0] == '0');
            if (groups) {
                group = c;
            } else if ((kind == SEP_EITHER && c != group) || kind == SEP_DECIMAL) {
                decimal = 1, frac_at = digits.len;
            } else {
                break;
            }
            i += k;
            take_digits(s, len, &i, &digits);
        }
        if (!decimal) frac_at = digits.len;
        put_number(out, digits.data, frac_at, digits.data + frac_at, digits.len - frac_at);
        count++;
    }
    pa_buf_free(&digits);
    return count;
}

static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Splits the lines of `b` in place into a sorted array without repeats;
 * returns how many. */
static size_t number_set(pa_buf *b, size_t n, char ***out)
{
    char **v = pa_malloc((n ? n : 1) * sizeof *v);
    char *p = b->data;
    for (size_t k = 0; k < n; k++) {
        char *nl = strchr(p, '\n');
        *nl = '\0';
        v[k] = p, p = nl + 1;
    }
    qsort(v, n, sizeof *v, compare_strings);
    size_t m = 0;
    for (size_t k = 0; k < n; k++)
        if (m == 0 || strcmp(v[m - 1], v[k]) != 0) v[m++] = v[k];
    *out = v;
    return m;
}

int pa_numbers_differ(const char *a, size_t alen, const char *b, size_t blen)
{
    pa_buf ba = PA_BUF_INIT, bb = PA_BUF_INIT;
    size_t na = pa_numbers_scan(a, alen, &ba), nb = pa_numbers_scan(b, blen, &bb);
    int differ = 0;
    if (na || nb) {
        char **va, **vb;
        na = number_set(&ba, na, &va), nb = number_set(&bb, nb, &vb);
        differ = na != nb;
        for (size_t k = 0; !differ && k < na; k++) differ = strcmp(va[k], vb[k]) != 0;
        pa_free(va), pa_free(vb);
    }
    pa_buf_free(&ba), pa_buf_free(&bb);
    return differ;
}
