/* fuzz_text - the text pipeline of `polyalign segment` on arbitrary bytes:
 * decoding, cleaning and NFC (pa_decode_text), reflow (pa_reflow) and
 * sentence segmentation with the built-in rules.
 *
 * The first byte chooses the language (zh en fr ar ru), the reflow mode (off
 * as --reflow off, detect, wrapped, lines) and the declared encoding (auto,
 * UTF-8, GB18030, windows-1251, UTF-16LE); the rest is the file. Beyond
 * "no crash" it asserts that:
 *  - decoded text is valid UTF-8, NUL-terminated, NFC, free of the
 *    characters cleaning removes (C0/C1 controls but tab and LF, CR, U+2028,
 *    U+2029, U+FEFF, U+FFFE, U+FFFF), and decoding it again changes nothing;
 *  - Arabic text stays so after the gaps inside words are closed (only
 *    spaces move), after the lam-alef repair of the text reader
 *    (text/lamalef.h; forced, so that it runs on every input) and after its
 *    dictionary pass (with a word list made up from a hash);
 *  - reflow output is valid UTF-8 ending in a line feed and keeps every
 *    character but white space and the hyphens it may join across lines;
 *  - the segmented document keeps the invariants of document.h and loses
 *    no text (fuzz_check_document).
 */
#include "fuzz.h"

#include "align/text/lamalef.h"
#include "align/text/ltrrun.h"
#include "align/text/reflow.h"
#include "align/util/alloc.h"
#include "align/util/buf.h"

#include <unicode/unorm2.h>
#include <unicode/ustring.h>

static const char *const encodings[] = {NULL, "UTF-8", "GB18030", "windows-1251", "UTF-16LE"};

/* A word list for the lam-alef dictionary pass: about a third of all
 * strings, by a hash of their bytes. */
static int some_words(void *ctx, const char *w, size_t n)
{
    (void)ctx;
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)w[i]) * 16777619u;
    return h % 3 == 0;
}

/* Asserts what cleaning and NFC promise about decoded text (input.h). */
static void check_clean(const char *s, size_t len)
{
    FUZZ_CHECK(fuzz_utf8_ok(s, len), "decoded text is not valid UTF-8 at byte %zu", pa_utf8_validate(s, len));
    FUZZ_CHECK(s[len] == '\0', "decoded text not NUL-terminated");
    for (size_t i = 0; i < len; i++) {
        const unsigned char *u = (const unsigned char *)s + i;
        FUZZ_CHECK(u[0] >= 0x20 ? u[0] != 0x7F : u[0] == '\n' || u[0] == '\t', "control 0x%02X at byte %zu", u[0], i);
        FUZZ_CHECK(!(u[0] == 0xC2 && u[1] < 0xA0), "C1 control at byte %zu", i);
        FUZZ_CHECK(!(u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0xA8 || u[2] == 0xA9)), "U+2028/9 at byte %zu", i);
        FUZZ_CHECK(!(u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF), "U+FEFF at byte %zu", i);
        FUZZ_CHECK(!(u[0] == 0xEF && u[1] == 0xBF && (u[2] == 0xBE || u[2] == 0xBF)), "U+FFFE/F at byte %zu", i);
    }
    UErrorCode st = U_ZERO_ERROR;
    int32_t ulen = 0;
    u_strFromUTF8(NULL, 0, &ulen, s, (int32_t)len, &st);
    UChar *u = pa_malloc(((size_t)ulen + 1) * sizeof *u);
    st = U_ZERO_ERROR;
    u_strFromUTF8(u, ulen + 1, NULL, s, (int32_t)len, &st);
    FUZZ_CHECK(U_SUCCESS(st), "ICU cannot read decoded text: %s", u_errorName(st));
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&st);
    UBool is_nfc = unorm2_isNormalized(nfc, u, ulen, &st);
    FUZZ_CHECK(U_SUCCESS(st) && is_nfc, "decoded text is not NFC");
    free(u);
}

/* True for what reflow may drop: white space at line edges (space_at in
 * reflow.c, and line feeds) and a hyphen joined across a line break. */
static size_t reflow_droppable(const char *s, size_t i, size_t len)
{
    unsigned char c = (unsigned char)s[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '-') return 1;
    if (c == 0xC2 && i + 1 < len && ((unsigned char)s[i + 1] == 0xA0 || (unsigned char)s[i + 1] == 0xAD)) return 2;
    if (i + 2 < len && memcmp(s + i, "\xE3\x80\x80", 3) == 0) return 3; /* U+3000 */
    if (i + 2 < len && memcmp(s + i, "\xE2\x80\x90", 3) == 0) return 3; /* U+2010 */
    return 0;
}

/* Asserts that `out` holds the characters of `in` in order, but for those
 * reflow may drop (it inserts only spaces, line feeds). */
static void check_reflow_keeps_text(const char *in, size_t inlen, const char *out, size_t outlen)
{
    size_t i = 0, o = 0, n;
    for (;;) {
        while (i < inlen && (n = reflow_droppable(in, i, inlen)) > 0) i += n;
        while (o < outlen && (n = reflow_droppable(out, o, outlen)) > 0) o += n;
        if (i >= inlen || o >= outlen) break;
        FUZZ_CHECK(in[i] == out[o], "reflow changed the text: input byte %zu, output byte %zu", i, o);
        i++, o++;
    }
    FUZZ_CHECK(i >= inlen && o >= outlen, "reflow %s text (input at %zu of %zu, output at %zu of %zu)",
               i < inlen ? "lost" : "added", i, inlen, o, outlen);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) return 0;
    unsigned sel = data[0];
    const char *lang = fuzz_langs[sel % FUZZ_NLANGS];
    int mode = (int)(sel / FUZZ_NLANGS % 4); /* 0 = off, else 1 + pa_reflow_kind */
    pa_text_opts opts = {encodings[sel / (FUZZ_NLANGS * 4) % 5], 0, 0};
    const char *bytes = (const char *)data + 1;
    size_t len = size - 1;

    pa_error err;
    pa_error_clear(&err);
    pa_buf text = PA_BUF_INIT;
    /* pdftotext's left-to-right runs (text/ltrrun.h), forced: any bytes,
     * the length kept, a second repair of an unchanged run a no-op */
    pa_buf runs = PA_BUF_INIT;
    pa_buf_append(&runs, bytes, len);
    size_t changed = pa_ltr_runs_repair(runs.data, len), sum_in = 0, sum_out = 0;
    for (size_t k = 0; k < len; k++) sum_in += (unsigned char)bytes[k], sum_out += (unsigned char)runs.data[k];
    FUZZ_CHECK(changed <= len && sum_in == sum_out, "ltr runs: the bytes are not only reordered");
    (void)pa_ltr_runs_damaged(runs.data, len);
    pa_buf_free(&runs);
    size_t bad = pa_utf8_validate(bytes, len), icu_bad = fuzz_utf8_first_bad(bytes, len);
    FUZZ_CHECK(bad == icu_bad, "pa_utf8_validate says byte %zu, ICU's U8_NEXT byte %zu", bad, icu_bad);
    if (pa_decode_text("fuzz", bytes, len, &opts, &text, &err) != 0) {
        FUZZ_CHECK(err.code != PA_OK && err.msg[0], "failure without a message");
        pa_buf_free(&text);
        return 0;
    }
    if (!text.data) pa_buf_putc(&text, '\0'), text.len = 0;
    check_clean(text.data, text.len);

    /* Decoding is idempotent on its own output. */
    pa_buf again = PA_BUF_INIT;
    FUZZ_CHECK(pa_decode_text("fuzz", text.data, text.len, NULL, &again, &err) == 0, "decoding again: %s", err.msg);
    FUZZ_CHECK(again.len == text.len && (text.len == 0 || memcmp(again.data, text.data, text.len) == 0),
               "decoding decoded text changed it (%zu -> %zu bytes)", text.len, again.len);
    pa_buf_free(&again);
    if (strcmp(lang, "ar") == 0) {
        /* closing gaps inside words moves spaces and nothing else */
        char *before = pa_malloc(text.len + 1), *after = pa_malloc(text.len + 1);
        size_t nb = 0, na = 0;
        for (size_t i = 0; i < text.len; i++) if (text.data[i] != ' ') before[nb++] = text.data[i];
        pa_arabic_join_gaps(text.data, text.len, some_words, NULL);
        for (size_t i = 0; i < text.len; i++) if (text.data[i] != ' ') after[na++] = text.data[i];
        FUZZ_CHECK(na == nb && memcmp(before, after, na) == 0, "closing gaps changed more than spaces");
        pa_free(before), pa_free(after);
        check_clean(text.data, text.len);
        pa_lamalef_repair(text.data, text.len);
        check_clean(text.data, text.len);
        pa_lamalef_repair_words(text.data, text.len, some_words, NULL);
        check_clean(text.data, text.len);
    }

    size_t dlen;
    char *dtext;
    if (mode == 0) {
        dtext = pa_buf_detach(&text, &dlen);
    } else {
        pa_buf flowed = PA_BUF_INIT;
        pa_reflow_kind kind = pa_reflow(text.data, text.len, lang, (pa_reflow_kind)(mode - 1), &flowed);
        FUZZ_CHECK(kind == PA_REFLOW_WRAPPED || kind == PA_REFLOW_LINES, "reflow kind %d", (int)kind);
        FUZZ_CHECK(flowed.len > 0 && flowed.data[flowed.len - 1] == '\n' && flowed.data[flowed.len] == '\0',
                   "reflow output does not end with a line feed");
        FUZZ_CHECK(fuzz_utf8_ok(flowed.data, flowed.len), "reflow output is not valid UTF-8 at byte %zu",
                   pa_utf8_validate(flowed.data, flowed.len));
        check_reflow_keeps_text(text.data, text.len, flowed.data, flowed.len);
        pa_buf_free(&text);
        dtext = pa_buf_detach(&flowed, &dlen);
    }

    pa_document *d = pa_document_new("fuzz", lang);
    pa_document_set_text(d, dtext, dlen);
    pa_document_split_paragraphs(d);
    fuzz_check_document(d, 0, 1);
    int rc = pa_segment_document(fuzz_segmenter(lang), d, &err);
    FUZZ_CHECK(rc == 0, "segmentation failed: %s", err.msg);
    fuzz_check_document(d, 1, 1);
    pa_document_free(d);
    return 0;
}
