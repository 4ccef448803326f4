/* fuzz_docx - the ZIP container and the DOCX and ODT readers
 * (align/readers/zip.c, xmlpart.c, docx.c, odt.c) on any bytes.
 *
 * The first byte chooses the language (zh en fr ar ru); the rest is the
 * file, read as a ZIP (the entries the readers want), as a DOCX and as an
 * ODT, with entries limited to 1 MiB. Beyond "no crash, no leak, no read
 * past the bytes" it asserts that:
 *  - an entry that is read is NUL-terminated and within the limit;
 *  - a refusal is a PA_EINPUT message of one line naming the file;
 *  - a document that is read has valid UTF-8 text and paragraphs and
 *    keeps the invariants of document.h once segmented.
 */
#include "fuzz.h"

#include "align/readers/reader.h"
#include "align/readers/zip.h"

#define DOCX_MAX_INPUT (256 * 1024)
#define DOCX_MAX_ENTRY ((size_t)1 << 20)

/* A refusal must be one line naming the file. */
static void check_refusal(const pa_error *err)
{
    FUZZ_CHECK(err->code == PA_EINPUT, "refusal with code %d: %s", err->code, err->msg);
    FUZZ_CHECK(err->msg[0] && !strchr(err->msg, '\n'), "refusal message empty or not one line");
    FUZZ_CHECK(strstr(err->msg, "fuzz.docx") != NULL, "refusal does not name the file: %s", err->msg);
}

static void read_with(const pa_reader *r, const char *bytes, size_t len, const char *lang)
{
    pa_document *d = pa_document_new("fuzz.docx", lang);
    pa_read_opts o = {NULL, DOCX_MAX_ENTRY, -1, NULL};
    pa_error err;
    pa_error_clear(&err);
    if (r->read(bytes, len, &o, d, &err) != 0) {
        check_refusal(&err);
    } else {
        FUZZ_CHECK(d->n_paras > 0 && fuzz_utf8_ok(d->text, d->len), "a document read without valid text");
        FUZZ_CHECK(pa_segment_document(fuzz_segmenter(lang), d, &err) == 0, "segmentation failed: %s", err.msg);
        fuzz_check_document(d, 1, 0);
    }
    pa_document_free(d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > DOCX_MAX_INPUT) return 0;
    const char *lang = fuzz_langs[data[0] % FUZZ_NLANGS];
    const char *bytes = (const char *)data + 1;
    size_t len = size - 1;

    pa_error err;
    pa_error_clear(&err);
    pa_zip *z = pa_zip_open("fuzz.docx", bytes, len, DOCX_MAX_ENTRY, &err);
    if (!z) {
        check_refusal(&err);
    } else {
        static const char *const names[] = {"word/document.xml", "word/styles.xml", "content.xml", "mimetype"};
        pa_buf out = PA_BUF_INIT;
        for (size_t k = 0; k < sizeof names / sizeof *names; k++) {
            pa_error_clear(&err);
            if (pa_zip_read(z, names[k], &out, &err) == 0)
                FUZZ_CHECK(out.len <= DOCX_MAX_ENTRY && out.data && out.data[out.len] == '\0',
                           "entry %s read badly", names[k]);
            else
                check_refusal(&err);
        }
        pa_buf_free(&out);
        pa_zip_close(z);
    }
    read_with(&pa_reader_docx, bytes, len, lang);
    read_with(&pa_reader_odt, bytes, len, lang);
    return 0;
}
