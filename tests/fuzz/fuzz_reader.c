/* fuzz_reader - reading an input as polyalign does (align/readers/): content
 * sniffing, the reader table, and plain text's two layouts.
 *
 * The first byte chooses the language (zh en fr ar ru), the file name
 * given as a hint (none, .txt, .docx, .pdf, .html, .doc, .tmx, .tsv), the
 * reflow mode and the input's place (alone, or the target: a table's
 * column); the rest is the file. Beyond "no crash" it asserts that:
 *  - every kind has a name, and a kind no reader reads is refused with a
 *    PA_EINPUT message of one line that names the file;
 *  - a document that is read holds valid, NUL-terminated text, and both
 *    layouts (one sentence a line; running text, reflowed and segmented)
 *    keep the invariants of document.h (fuzz_check_document);
 *  - the sentence-lines test gives the same answer twice (no state).
 */
#include "fuzz.h"

#include "align/readers/layout.h"
#include "align/readers/reader.h"
#include "align/readers/sentence_lines.h"

#define READER_MAX_INPUT (64 * 1024)

static const char *const langs[] = {"zh", "en", "fr", "ar", "ru"};
static const char *const hints[] = {"fuzz",     "fuzz.txt", "fuzz.docx", "fuzz.pdf",
                                    "fuzz.html", "fuzz.doc", "fuzz.tmx",  "fuzz.tsv"};

/* Reads the bytes as a document of `lang`; NULL when refused. */
static pa_document *read_doc(const char *bytes, size_t len, const char *lang, const char *hint, int position)
{
    pa_read_opts o = {NULL, 0, position, NULL};
    pa_input in = {.bytes = bytes, .len = len, .label = hint};
    pa_error err;
    pa_error_clear(&err);
    pa_document *d = pa_read_input(&in, hint, lang, lang, &o, &err);
    if (!d) {
        FUZZ_CHECK(err.code == PA_EINPUT || err.code == PA_EUSAGE, "refusal with code %d: %s", err.code, err.msg);
        FUZZ_CHECK(err.msg[0] && !strchr(err.msg, '\n'), "refusal message empty or not one line");
        FUZZ_CHECK(strstr(err.msg, hint) != NULL, "refusal does not name the file: %s", err.msg);
    }
    return d;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > READER_MAX_INPUT) return 0;
    const char *lang = langs[data[0] % 5];
    const char *hint = hints[data[0] / 5 % 8];
    int position = data[0] / 120 % 2 ? 1 : -1;
    const char *bytes = (const char *)data + 1;
    size_t len = size - 1;

    pa_input_kind kind = pa_sniff((const unsigned char *)bytes, len, hint);
    FUZZ_CHECK(pa_input_kind_name(kind) != NULL, "kind %d has no name", (int)kind);
    FUZZ_CHECK(pa_sniff((const unsigned char *)bytes, len, hint) == kind, "sniffing twice differs");
    if (!pa_reader_for(kind)) {
        pa_error err;
        pa_error_clear(&err);
        FUZZ_CHECK(pa_sniff_refuse(kind, hint, &err) == -1 && err.code == PA_EINPUT, "kind %d not refused", (int)kind);
    }

    pa_document *d = read_doc(bytes, len, lang, hint, position);
    if (!d) return 0;
    FUZZ_CHECK(fuzz_utf8_ok(d->text, d->len) && d->text[d->len] == '\0', "read text is not valid UTF-8");
    int lines = pa_layout_is_sentence_lines(d);
    FUZZ_CHECK(lines == pa_layout_is_sentence_lines(d), "the sentence-lines test changed its answer");
    if (d->needs_layout) {
        pa_layout_lines(d);
        fuzz_check_document(d, 1, 1);
    }
    pa_document_free(d);

    d = read_doc(bytes, len, lang, hint, position);
    FUZZ_CHECK(d != NULL, "the same bytes read once, refused the second time");
    if (d->needs_layout) pa_layout_paragraphs(d, (pa_reflow_mode)(data[0] / 40 % 3));
    fuzz_segment_and_free(d, lang);
    return 0;
}
