/* fuzz_pdf - the PDF reader (align/readers/pdf.c) on arbitrary bytes:
 * poppler-glib's pages, lines and character boxes, the right-to-left box
 * mapping, the page drawn through cairo and its ink read where Arabic
 * words need it, and the reflow of the placed lines. poppler itself is
 * not instrumented (it is loaded at run time); pdf.c and everything after
 * it is. In a build without poppler every input is refused, which is
 * checked the same way.
 *
 * The first byte chooses the language (en zh ar ru fr es) and the reflow
 * mode; the rest is the file, read as "fuzz.pdf". Seeds are LibreOffice
 * PDFs (corpus/pdf: English, Chinese, Arabic, Russian, Spanish) and two
 * damaged files it found bugs with. Beyond "no crash" it asserts that:
 *  - a refusal is a PA_EINPUT message of one line naming the file;
 *  - a document read holds valid, NUL-terminated UTF-8 with no
 *    bidirectional embedding (pdf.c leaves them out) and keeps the
 *    invariants of document.h after layout and segmentation;
 *  - reading the same bytes twice gives the same text (no state kept
 *    between documents, as threads of a batch rely on).
 */
#include "fuzz.h"

#include "align/readers/layout.h"
#include "align/readers/reader.h"

#define PDF_MAX_INPUT (64 * 1024)

static const char *const langs[] = {"en", "zh", "ar", "ru", "fr", "es"};

/* Reads the bytes as a PDF of `lang`; NULL when refused. */
static pa_document *read_pdf(const char *bytes, size_t len, const char *lang)
{
    pa_read_opts o = {NULL, 0, -1, NULL};
    pa_input in = {.bytes = bytes, .len = len, .label = "fuzz.pdf"};
    pa_error err;
    pa_error_clear(&err);
    pa_document *d = pa_read_input(&in, "fuzz.pdf", lang, lang, &o, &err);
    if (!d) {
        FUZZ_CHECK(err.code == PA_EINPUT, "refusal with code %d: %s", err.code, err.msg);
        FUZZ_CHECK(err.msg[0] && !strchr(err.msg, '\n'), "refusal message empty or not one line");
        FUZZ_CHECK(strstr(err.msg, "fuzz.pdf") != NULL, "refusal does not name the file: %s", err.msg);
    }
    return d;
}

/* 1 when `s` holds U+202A..U+202E (E2 80 AA..AE in UTF-8). */
static int has_embedding(const char *s, size_t len)
{
    for (size_t i = 0; i + 2 < len; i++)
        if ((unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] >= 0xAA &&
            (unsigned char)s[i + 2] <= 0xAE)
            return 1;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > PDF_MAX_INPUT) return 0;
    const char *lang = langs[data[0] % 6];
    pa_reflow_mode mode = (pa_reflow_mode)(data[0] / 6 % 3);
    const char *bytes = (const char *)data + 1;
    size_t len = size - 1;

    pa_document *d = read_pdf(bytes, len, lang);
    if (!d) return 0;
    FUZZ_CHECK(fuzz_utf8_ok(d->text, d->len) && d->text[d->len] == '\0', "read text is not valid UTF-8");
    FUZZ_CHECK(!has_embedding(d->text, d->len), "a bidirectional embedding is left in the text");
    char *first = malloc(d->len + 1);
    FUZZ_CHECK(first != NULL, "out of memory");
    memcpy(first, d->text, d->len + 1);
    size_t first_len = d->len;
    pa_document_free(d);

    d = read_pdf(bytes, len, lang);
    FUZZ_CHECK(d != NULL, "the same bytes read once, refused the second time");
    FUZZ_CHECK(d->len == first_len && memcmp(d->text, first, first_len) == 0, "the same bytes read twice differ");
    free(first);
    if (d->needs_layout) pa_layout_paragraphs(d, mode);
    fuzz_segment_and_free(d, lang);
    return 0;
}
