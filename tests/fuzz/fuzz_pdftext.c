/* fuzz_pdftext - the PDF layer of reflow on arbitrary bytes: text as
 * pdftotext writes it (form feeds between pages, decoded with the text
 * reader's keep_form_feeds) through pa_reflow, which finds running heads
 * and feet and footnotes per page (text/pages.h); and the same bytes as
 * placed lines with geometry taken from the input (pa_reflow_placed, the
 * poppler reader's path).
 *
 * The first byte chooses the language (zh en fr ar ru); the rest is the
 * text. Beyond "no crash" it asserts that the output is valid UTF-8 ending
 * in a line feed, holds no form feed, and holds no character more often
 * than the input (it may drop furniture lines, white space and hyphens,
 * move footnotes after the body, but never invent text).
 */
#include "fuzz.h"

#include "align/text/reflow.h"
#include "align/util/alloc.h"
#include "align/util/buf.h"

/* Asserts that every byte value occurs in out at most as often as in in,
 * but line feeds and spaces (joins and paragraph breaks add them). */
static void check_no_new_text(const char *in, size_t inlen, const char *out, size_t outlen)
{
    size_t count[256] = {0};
    for (size_t i = 0; i < inlen; i++) count[(unsigned char)in[i]]++;
    for (size_t i = 0; i < outlen; i++) {
        unsigned char c = (unsigned char)out[i];
        FUZZ_CHECK(c != '\f', "form feed in the output at byte %zu", i);
        if (c == '\n' || c == ' ') continue;
        FUZZ_CHECK(count[c] > 0, "byte 0x%02X at %zu occurs more often than in the input", c, i);
        count[c]--;
    }
}

static void check_output(const char *in, size_t inlen, const pa_buf *out)
{
    FUZZ_CHECK(out->len > 0 && out->data[out->len - 1] == '\n', "output does not end with a line feed");
    FUZZ_CHECK(fuzz_utf8_ok(out->data, out->len), "output is not valid UTF-8 at byte %zu",
               pa_utf8_validate(out->data, out->len));
    check_no_new_text(in, inlen, out->data, out->len);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) return 0;
    const char *lang = fuzz_langs[data[0] % FUZZ_NLANGS];
    pa_text_opts opts = {NULL, 0, 1};
    pa_error err;
    pa_buf text = PA_BUF_INIT;
    if (pa_decode_text("fuzz", (const char *)data + 1, size - 1, &opts, &text, &err) != 0) {
        pa_buf_free(&text);
        return 0;
    }
    if (!text.data) pa_buf_putc(&text, '\0'), text.len = 0;

    pa_buf out = PA_BUF_INIT;
    pa_reflow(text.data, text.len, lang, PA_REFLOW_DETECT, &out);
    check_output(text.data, text.len, &out);

    /* The same lines placed: geometry from the bytes themselves. */
    pa_placed_line *ls = NULL;
    size_t n = 0, cap = 0;
    unsigned page = 0;
    for (size_t i = 0; i <= text.len;) {
        size_t e = i;
        while (e < text.len && text.data[e] != '\n' && text.data[e] != '\f') e++;
        PA_GROW(ls, cap, n + 1);
        unsigned char g = e > i ? (unsigned char)text.data[i] : 0;
        ls[n++] = (pa_placed_line){i, e, g % 8, (int)(e - i), (int)(g % 12), page, (unsigned char)(e == i)};
        if (e < text.len && text.data[e] == '\f') page++;
        if (e >= text.len) break;
        i = e + 1;
    }
    pa_buf_reset(&out);
    pa_reflow_placed(text.data, text.len, ls, n, lang, &out);
    check_output(text.data, text.len, &out);
    free(ls);
    pa_buf_free(&out);
    pa_buf_free(&text);
    return 0;
}
