/* input.c - see input.h. */
#include "align/text/input.h"
#include "align/text/ltrrun.h"
#include "align/text/utf8.h"
#include "align/util/alloc.h"
#include "align/util/source.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicode/ucnv.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

size_t pa_utf8_validate(const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < len) {
        unsigned c = s[i];
        if (c < 0x80) {
            /* ASCII fast path, 8 bytes at a time. */
            for (i++; i + 8 <= len; i += 8) {
                uint64_t w;
                memcpy(&w, s + i, 8);
                if (w & 0x8080808080808080ULL) break;
            }
            continue;
        }
        /* Three bytes whose lead admits no overlong form and no surrogate
         * (U+1000-CFFF, U+E000-FFFF: Chinese text, nearly all of it) */
        if (c >= 0xE1 && c <= 0xEF && c != 0xED && i + 2 < len && (s[i + 1] & 0xC0) == 0x80 &&
            (s[i + 2] & 0xC0) == 0x80) {
            i += 3;
            continue;
        }
        size_t n;
        unsigned min, cp;
        if (c >= 0xC2 && c <= 0xDF) n = 2, min = 0x80, cp = c & 0x1F;
        else if (c >= 0xE0 && c <= 0xEF) n = 3, min = 0x800, cp = c & 0x0F;
        else if (c >= 0xF0 && c <= 0xF4) n = 4, min = 0x10000, cp = c & 0x07;
        else return i;
        if (i + n > len) return i;
        for (size_t k = 1; k < n; k++) {
            if ((s[i + k] & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
        i += n;
    }
    return len;
}

/* Converts `len` bytes in `encoding` to UTF-8 with ICU, stopping at the first
 * byte sequence the converter cannot map. ucnv_convertEx pivots through
 * UTF-16 itself, so a character whose surrogates fall on both sides of a
 * buffer boundary is never split. */
static int convert_to_utf8(const char *name, const char *encoding, const char *bytes, size_t len,
                           pa_buf *out, pa_error *err)
{
    UErrorCode st = U_ZERO_ERROR;
    UConverter *cnv = ucnv_open(encoding, &st);
    if (U_FAILURE(st))
        return pa_error_set(err, PA_EUSAGE, "unknown encoding '%s' (ICU: %s)", encoding, u_errorName(st));
    UConverter *utf8 = ucnv_open("UTF-8", &st);
    ucnv_setToUCallBack(cnv, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &st);
    if (U_FAILURE(st)) {
        ucnv_close(cnv), ucnv_close(utf8);
        return pa_error_set(err, PA_EINTERNAL, "%s: cannot convert from %s: %s", name, encoding, u_errorName(st));
    }
    UChar pivot[4096], *pivot_src = pivot, *pivot_tgt = pivot;
    const char *src = bytes, *end = bytes + len;
    int rc = 0;
    for (UBool reset = 1;; reset = 0) {
        pa_buf_reserve(out, len + (1 << 16));
        char *t = out->data + out->len, *limit = out->data + out->cap - 1;
        st = U_ZERO_ERROR;
        ucnv_convertEx(utf8, cnv, &t, limit, &src, end, pivot, &pivot_src, &pivot_tgt, pivot + 4096, reset, 1,
                       &st);
        out->len = (size_t)(t - out->data);
        out->data[out->len] = '\0';
        if (st == U_BUFFER_OVERFLOW_ERROR) continue;
        if (U_FAILURE(st)) {
            /* `src` has moved past the offending bytes; report where they start. */
            char bad[8];
            int8_t nbad = (int8_t)sizeof bad;
            UErrorCode st2 = U_ZERO_ERROR;
            ucnv_getInvalidChars(cnv, bad, &nbad, &st2);
            size_t off = (size_t)(src - bytes) - (size_t)(nbad > 0 ? nbad : 0);
            rc = pa_error_set(err, PA_EINPUT, "%s: not valid %s at byte %zu", name, encoding, off);
        }
        break;
    }
    ucnv_close(cnv);
    ucnv_close(utf8);
    return rc;
}

/* True when `bytes` look like UTF-16 without a BOM: many NUL bytes. */
static int looks_like_utf16(const char *bytes, size_t len)
{
    size_t n = len < 4096 ? len : 4096, zeros = 0;
    for (size_t i = 0; i < n; i++) zeros += bytes[i] == 0;
    return n >= 4 && zeros * 4 >= n;
}

/* Copies `in` to `out`, normalising line ends and dropping characters that
 * have no place in text to align (see input.h). `in` is valid UTF-8. */
static void clean_text(const char *in, size_t len, int keep_ff, pa_buf *out)
{
    const unsigned char *s = (const unsigned char *)in;
    int pdftotext = keep_ff && memchr(in, '\f', len) != NULL; /* its page ends */
    pa_buf_reserve(out, len);
    char *d = out->data + out->len;
    size_t i = 0;
    while (i < len) {
        unsigned c = s[i];
        if (c >= 0x20 && c < 0x7F) { *d++ = (char)c; i++; continue; }
        if (c < 0x80) {
            if (c == '\n' || c == '\t') *d++ = (char)c;
            else if (c == '\r') { *d++ = '\n'; if (i + 1 < len && s[i + 1] == '\n') i++; }
            else if (c == '\f') *d++ = keep_ff ? '\f' : '\n';
            else if (c == '\v') *d++ = '\n';
            /* other C0 controls and DEL: dropped */
            i++;
            continue;
        }
        size_t n = pa_utf8_len((unsigned char)c);
        if (c == 0xC2 && s[i + 1] == 0x85) { *d++ = '\n'; i += 2; continue; } /* NEL ends a line */
        if (c == 0xC2 && s[i + 1] < 0xA0) { i += 2; continue; }           /* C1 controls */
        if (c == 0xE2 && s[i + 1] == 0x80 && (s[i + 2] == 0xA8 || s[i + 2] == 0xA9)) {
            *d++ = '\n'; i += 3; continue;                                  /* U+2028/2029 */
        }
        if (c == 0xEF && s[i + 1] == 0xBB && s[i + 2] == 0xBF) { i += 3; continue; } /* U+FEFF */
        if (pdftotext && c == 0xE2 && s[i + 1] == 0x80 && s[i + 2] >= 0xAA && s[i + 2] <= 0xAE) {
            i += 3; continue;                                               /* U+202A-202E */
        }
        if (c == 0xEF && s[i + 1] == 0xBF && (s[i + 2] == 0xBE || s[i + 2] == 0xBF)) {
            i += 3; continue;                                               /* U+FFFE/FFFF */
        }
        memcpy(d, s + i, n);
        d += n;
        i += n;
    }
    out->len = (size_t)(d - out->data);
    out->data[out->len] = '\0';
}

/* Whether the quick check passes every stretch of s[i, len) that holds
 * characters from U+0300 on (s[i] is the first such character's lead byte):
 * each stretch with the character before it, up to the next ASCII one.
 * Characters below U+0300 are NFC and start a combining sequence (ccc 0),
 * and none combines with what precedes an ASCII character, so the whole
 * text passes exactly when its stretches do; most text is ASCII with a
 * few quotation marks, and converting all of it to UTF-16 for one check
 * was 10% of segmenting English. 0 when a stretch fails (the caller then
 * checks and normalises the whole text), -1 on an ICU failure. */
static int nfc_stretches_pass(const UNormalizer2 *nfc, const char *s, size_t i, size_t len)
{
    UChar buf[256], *u = buf;
    size_t cap = sizeof buf / sizeof *buf;
    int rc = 1;
    while (i < len && rc == 1) {
        size_t a = i, z = i;
        if (a > 0)
            for (a--; a > 0 && ((unsigned char)s[a] & 0xC0) == 0x80; a--) {}
        while (z < len && (unsigned char)s[z] >= 0x80) z++;
        if (z - a + 1 > cap) { /* UTF-16 never takes more units than UTF-8 bytes */
            if (u != buf) pa_free(u);
            cap = z - a + 1;
            u = pa_malloc(cap * sizeof *u);
        }
        UErrorCode st = U_ZERO_ERROR;
        int32_t ulen = 0;
        u_strFromUTF8(u, (int32_t)cap, &ulen, s + a, (int32_t)(z - a), &st);
        int32_t span = U_SUCCESS(st) ? unorm2_spanQuickCheckYes(nfc, u, ulen, &st) : 0;
        if (U_FAILURE(st)) rc = -1;
        else if (span < ulen) rc = 0;
        for (i = z; i < len && (unsigned char)s[i] < 0xCC; i++) {}
    }
    if (u != buf) pa_free(u);
    return rc;
}

/* Replaces the UTF-8 text in `b` from `from` on by its NFC form. Most text is
 * already NFC: the quick check finds that without rewriting anything. */
static int normalize_nfc(const char *name, pa_buf *b, size_t from, pa_error *err)
{
    const char *s = b->data + from;
    size_t len = b->len - from;
    size_t i = 0;
    while (i < len && (unsigned char)s[i] < 0xCC) i++; /* below U+0300 all is NFC */
    if (i == len) return 0;
    if (len > INT32_MAX / 2) return pa_error_set(err, PA_EINPUT, "%s: text too large to normalize", name);
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&st);
    int pass = U_SUCCESS(st) ? nfc_stretches_pass(nfc, s, i, len) : -1;
    if (pass == 1) return 0;
    if (pass < 0) return pa_error_set(err, PA_EINTERNAL, "%s: normalization failed", name);
    int32_t ulen = 0;
    u_strFromUTF8(NULL, 0, &ulen, s, (int32_t)len, &st);
    st = U_ZERO_ERROR;
    UChar *u = pa_malloc(((size_t)ulen + 1) * sizeof *u);
    u_strFromUTF8(u, ulen + 1, NULL, s, (int32_t)len, &st);
    int32_t span = U_SUCCESS(st) ? unorm2_spanQuickCheckYes(nfc, u, ulen, &st) : 0;
    int rc = 0;
    if (U_FAILURE(st)) {
        rc = pa_error_set(err, PA_EINTERNAL, "%s: normalization failed: %s", name, u_errorName(st));
    } else if (span < ulen) {
        int32_t cap = ulen + ulen / 4 + 16;
        UChar *n = pa_malloc((size_t)cap * sizeof *n);
        memcpy(n, u, (size_t)span * sizeof *u);
        int32_t nlen = unorm2_normalizeSecondAndAppend(nfc, n, span, cap, u + span, ulen - span, &st);
        if (st == U_BUFFER_OVERFLOW_ERROR) {
            cap = nlen + 1;
            n = pa_realloc(n, (size_t)cap * sizeof *n);
            memcpy(n, u, (size_t)span * sizeof *u);
            st = U_ZERO_ERROR;
            nlen = unorm2_normalizeSecondAndAppend(nfc, n, span, cap, u + span, ulen - span, &st);
        }
        if (U_SUCCESS(st)) {
            int32_t blen = 0;
            UErrorCode st2 = U_ZERO_ERROR;
            u_strToUTF8(NULL, 0, &blen, n, nlen, &st2);
            b->len = from;
            pa_buf_reserve(b, (size_t)blen);
            st2 = U_ZERO_ERROR;
            u_strToUTF8(b->data + from, blen + 1, NULL, n, nlen, &st2);
            b->len = from + (size_t)blen;
            b->data[b->len] = '\0';
        } else {
            rc = pa_error_set(err, PA_EINTERNAL, "%s: normalization failed: %s", name, u_errorName(st));
        }
        pa_free(n);
    }
    pa_free(u);
    return rc;
}

int pa_decode_text(const char *name, const char *bytes, size_t len, const pa_text_opts *opts,
                   pa_buf *out, pa_error *err)
{
    const char *enc = opts && opts->encoding && strcasecmp(opts->encoding, "auto") != 0 ? opts->encoding : NULL;
    const unsigned char *u = (const unsigned char *)bytes;
    pa_buf utf8 = PA_BUF_INIT;
    size_t bom = 0; /* bytes of byte-order mark skipped */
    int rc = 0;

    if (!enc) {
        if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
            enc = u[0] == 0xFF ? "UTF-16LE" : "UTF-16BE", bom = 2;
        else if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
            bom = 3;
        else if (looks_like_utf16(bytes, len))
            return pa_error_set(err, PA_EINPUT,
                                "%s: looks like UTF-16 without a byte-order mark; name it with --encoding UTF-16LE or UTF-16BE",
                                name);
    }
    const char *text = bytes + bom;
    size_t tlen = len - bom;
    if (enc && !(strcasecmp(enc, "UTF-8") == 0 || strcasecmp(enc, "UTF8") == 0)) {
        if (convert_to_utf8(name, enc, text, tlen, &utf8, err) != 0) {
            pa_buf_free(&utf8);
            return -1;
        }
        text = utf8.data ? utf8.data : "";
        tlen = utf8.len;
        bom = 0; /* offsets below are into converted text, which is valid */
    }
    size_t bad = pa_utf8_validate(text, tlen);
    if (bad < tlen) {
        rc = pa_error_set(err, PA_EINPUT,
                          "%s: invalid UTF-8 at byte %zu (for other encodings use --encoding, e.g. GB18030)",
                          name, bad + bom);
    } else {
        /* pdftotext's right-to-left lines: their left-to-right runs into
         * logical order (ltrrun.h) while the embeddings that mark them are
         * still there; clean_text drops them */
        if (opts && opts->keep_form_feeds && pa_ltr_runs_damaged(text, tlen)) {
            if (text != utf8.data) pa_buf_append(&utf8, text, tlen), text = utf8.data;
            pa_ltr_runs_repair(utf8.data, tlen);
        }
        size_t from = out->len;
        clean_text(text, tlen, opts && opts->keep_form_feeds, out);
        rc = normalize_nfc(name, out, from, err);
    }
    pa_buf_free(&utf8);
    return rc;
}

int pa_read_text(const char *path, const pa_text_opts *opts, pa_buf *out, pa_error *err)
{
    pa_buf raw = PA_BUF_INIT;
    size_t max = opts && opts->max_bytes ? opts->max_bytes : PA_TEXT_MAX_BYTES;
    pa_source *src = pa_source_open(path, err);
    if (!src) return -1;
    const char *name = pa_source_name(src);
    int rc = pa_source_read_all(src, &raw, max, err);
    if (rc == 0 && raw.len == 0) rc = pa_error_set(err, PA_EINPUT, "%s: empty file", name);
    size_t from = out->len;
    if (rc == 0) rc = pa_decode_text(name, raw.data, raw.len, opts, out, err);
    if (rc == 0) {
        size_t i = from;
        while (i < out->len && (out->data[i] == ' ' || out->data[i] == '\n' || out->data[i] == '\t')) i++;
        if (i == out->len) rc = pa_error_set(err, PA_EINPUT, "%s: contains no text", name);
    }
    pa_source_close(src);
    pa_buf_free(&raw);
    return rc;
}
