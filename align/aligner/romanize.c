/* romanize.c - see romanize.h. */
#include "align/aligner/romanize.h"
#include "align/aligner/pinyin.h"
#include "align/util/alloc.h"

#include <stdlib.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>
#include <unicode/utrans.h>

/* Capacities of the transliterator's input and output (UTF-16 units); a word
 * that overflows them romanizes to nothing, on both paths. */
#define IN_CAP 200
#define OUT_CAP 256
/* The most UTF-16 units the transliterator's intermediate text can take for
 * one non-ASCII character (a syllable with its tone mark and a separator),
 * with room to spare: words that might come near OUT_CAP take the slow path. */
#define CHAR_UNITS_MAX 16

struct pa_romanizer {
    UTransliterator *t; /* NULL until first needed */
};

pa_romanizer *pa_romanizer_new(void)
{
    return pa_calloc(1, sizeof(pa_romanizer));
}

void pa_romanizer_free(pa_romanizer *r)
{
    if (!r) return;
    if (r->t) utrans_close(r->t);
    pa_free(r);
}

int pa_romanize_icu(pa_romanizer *r, const char *s, size_t len, pa_buf *out, pa_error *err)
{
    pa_buf_reset(out);
    UErrorCode st = U_ZERO_ERROR;
    if (!r->t) {
        UChar id[64];
        u_uastrcpy(id, "Any-Latin; Latin-ASCII; Lower");
        r->t = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &st);
        if (U_FAILURE(st)) {
            r->t = NULL;
            return pa_error_set(err, PA_EINTERNAL, "cannot open ICU transliterator: %s", u_errorName(st));
        }
    }
    UChar u[OUT_CAP];
    int32_t ulen = 0;
    u_strFromUTF8(u, IN_CAP, &ulen, s, (int32_t)len, &st);
    if (U_FAILURE(st)) return 0;
    int32_t limit = ulen;
    utrans_transUChars(r->t, u, &ulen, OUT_CAP, 0, &limit, &st);
    if (U_FAILURE(st)) return 0;
    for (int32_t k = 0; k < ulen; k++)
        if ((u[k] >= 'a' && u[k] <= 'z') || (u[k] >= '0' && u[k] <= '9')) pa_buf_putc(out, (char)u[k]);
    return 0;
}

int pa_romanize(pa_romanizer *r, const char *s, size_t len, pa_buf *out, pa_error *err)
{
    pa_buf_reset(out);
    size_t units = 0, bound = 0;
    int32_t q = 0, n = (int32_t)len;
    int other = 0, space = 0;
    if (len > (size_t)4 * IN_CAP) return pa_romanize_icu(r, s, len, out, err);
    if (n == 0) return 0;
    UChar32 c;
    U8_NEXT(s, q, n, c);
    for (;;) {
        /* c is the current code point; the next one is read ahead, for ICU
         * reads a few characters differently before a given one (pinyin.h) */
        int more = q < n;
        UChar32 next = 0;
        if (more) U8_NEXT(s, q, n, next);
        if (c < 0) return pa_romanize_icu(r, s, len, out, err);
        units += U16_LENGTH(c);
        if (c < 0x80) {
            bound++;
            space |= c == ' ';
            if (c >= 'A' && c <= 'Z') pa_buf_putc(out, (char)(c + 32));
            else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) pa_buf_putc(out, (char)c);
        } else {
            const char *py = pa_roman_char_before((uint32_t)c, more && next > 0 ? (uint32_t)next : 0);
            if (!py) return pa_romanize_icu(r, s, len, out, err);
            other = 1;
            bound += CHAR_UNITS_MAX;
            pa_buf_puts(out, py);
        }
        if (!more) break;
        c = next;
    }
    /* spaces between Chinese characters take part in ICU's context rules */
    if (units > IN_CAP || bound > OUT_CAP || (other && space)) return pa_romanize_icu(r, s, len, out, err);
    return 0;
}
