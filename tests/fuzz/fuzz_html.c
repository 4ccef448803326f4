/* fuzz_html - the HTML reader (align/readers/html.c: the declared charset,
 * libxml2's HTML parser, the walk of its tree, pa_blocks) on any bytes.
 *
 * The first byte chooses the language (zh en fr ar ru) and, with its high
 * bit, a user's --encoding (windows-1252); the rest is the page. Beyond
 * "no crash, no leak" it asserts that:
 *  - a refused page gets a PA_EINPUT (or, for the encoding, PA_EUSAGE)
 *    message of one line that names the file;
 *  - a page that is read has valid UTF-8 text, paragraphs in order, each
 *    non-empty, trimmed, of a known kind, without a blank line inside, and
 *    keeps the invariants of document.h once segmented;
 *  - the declared charset is found the same way twice (no state).
 */
#define _GNU_SOURCE /* memmem */
#include "fuzz.h"

#include "align/readers/html_charset.h"
#include "align/readers/reader.h"

#define HTML_MAX_INPUT (64 * 1024)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > HTML_MAX_INPUT) return 0;
    const char *lang = fuzz_langs[data[0] % FUZZ_NLANGS];
    const char *enc = data[0] & 0x80 ? "windows-1252" : NULL;
    const char *bytes = (const char *)data + 1;
    size_t len = size - 1;

    char a[64], b[64];
    pa_html_declared_charset(bytes, len, a, sizeof a);
    pa_html_declared_charset(bytes, len, b, sizeof b);
    FUZZ_CHECK(strcmp(a, b) == 0, "declared charset differs: '%s' then '%s'", a, b);

    pa_document *d = pa_document_new("fuzz.html", lang);
    pa_read_opts o = {enc, 0, -1, NULL};
    pa_error err;
    pa_error_clear(&err);
    if (pa_reader_html.read(bytes, len, &o, d, &err) != 0) {
        FUZZ_CHECK(err.code == PA_EINPUT || err.code == PA_EUSAGE, "refusal with code %d: %s", err.code, err.msg);
        FUZZ_CHECK(err.msg[0] && !strchr(err.msg, '\n'), "refusal message empty or not one line");
        FUZZ_CHECK(strstr(err.msg, "fuzz.html") != NULL, "refusal does not name the file: %s", err.msg);
        pa_document_free(d);
        return 0;
    }
    FUZZ_CHECK(!d->needs_layout && d->n_paras > 0, "a page read without paragraphs");
    FUZZ_CHECK(fuzz_utf8_ok(d->text, d->len), "read text is not valid UTF-8");
    for (size_t p = 0; p < d->n_paras; p++) {
        const pa_paragraph *pp = &d->paras[p];
        const char *t = d->text + pp->span.start;
        FUZZ_CHECK(pp->span.len > 0, "paragraph %zu is empty", p);
        FUZZ_CHECK(pp->kind <= PA_PARA_FOOTNOTE, "paragraph %zu has kind %d", p, (int)pp->kind);
        FUZZ_CHECK(t[0] != ' ' && t[0] != '\n' && t[pp->span.len - 1] != ' ' && t[pp->span.len - 1] != '\n',
                   "paragraph %zu is not trimmed", p);
        FUZZ_CHECK(!memmem(t, pp->span.len, "\n\n", 2), "paragraph %zu holds a blank line", p);
    }
    fuzz_segment_and_free(d, lang);
    return 0;
}
