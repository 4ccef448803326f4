/* fuzz.h - helpers shared by the libFuzzer targets of tests/fuzz/.
 *
 * Header-only (each target is one file linked against libpolyalign.a).
 * FUZZ_CHECK turns a broken invariant into an abort, which libFuzzer
 * reports as a crash with the input that caused it. The only state kept
 * between inputs is what a fuzzer needs to stay fast: compiled segmenters,
 * one per language, and the names of two scratch files. No target reads
 * the system's spelling dictionaries (DICPATH is emptied at start).
 */
#ifndef PA_FUZZ_H
#define PA_FUZZ_H

#include "align/segment/segmenter.h"
#include "align/readers/document.h"
#include "align/text/input.h"
#include "align/util/alloc.h"
#include "align/util/error.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <stddef.h>
#include <stdint.h>
#include <unicode/utf8.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define FUZZ_UNUSED __attribute__((unused))

/* Aborts with a message when `cond` is false. */
#define FUZZ_CHECK(cond, ...)                                                    \
    do {                                                                         \
        if (!(cond)) {                                                           \
            fprintf(stderr, "%s:%d: check failed: %s: ", __FILE__, __LINE__, #cond); \
            fprintf(stderr, __VA_ARGS__);                                        \
            fputc('\n', stderr);                                                 \
            abort();                                                             \
        }                                                                        \
    } while (0)

/* No target reads the system's hunspell dictionaries (text/wordlist.h):
 * parsing the Arabic one takes 10 s under AddressSanitizer, a timeout for
 * every input that looks like reversed Arabic, and a target's result must
 * not depend on what the machine has installed. fuzz_text runs the
 * dictionary pass with a word list of its own. */
__attribute__((constructor)) static void fuzz_no_dictionaries(void)
{
    setenv("DICPATH", "", 1);
}

/* The languages a target picks from with one byte of its input. */
static const char *const fuzz_langs[] = {"zh", "en", "fr", "ar", "ru"};
#define FUZZ_NLANGS (sizeof fuzz_langs / sizeof fuzz_langs[0])

/* The offset of the first ill-formed sequence of s[0, len) (len if none),
 * by ICU's U8_NEXT: a reading independent of pa_utf8_validate, which the
 * text target holds to it. */
static FUZZ_UNUSED size_t fuzz_utf8_first_bad(const char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        size_t at = i;
        if (len - i > INT32_MAX) return at; /* beyond what the fuzzers give */
        int32_t k = 0, n = (int32_t)(len - i);
        UChar32 c;
        U8_NEXT((const uint8_t *)s + i, k, n, c);
        if (c < 0) return at;
        i += (size_t)k;
    }
    return len;
}

/* True when s[0..len) is valid UTF-8. */
static FUZZ_UNUSED int fuzz_utf8_ok(const char *s, size_t len)
{
    return fuzz_utf8_first_bad(s, len) == len;
}

/* The segmenter of `lang` with the built-in rules, made on first use and
 * kept for the life of the process (compiling the rules costs far more
 * than segmenting a small input). */
static FUZZ_UNUSED pa_segmenter *fuzz_segmenter(const char *lang)
{
    static struct { char lang[PA_LANG_MAX]; pa_segmenter *seg; } cache[8];
    for (size_t i = 0; i < sizeof cache / sizeof cache[0]; i++) {
        if (cache[i].seg && strcmp(cache[i].lang, lang) == 0) return cache[i].seg;
        if (!cache[i].seg) {
            pa_error err;
            pa_error_clear(&err);
            cache[i].seg = pa_segmenter_new(lang, NULL, &err);
            FUZZ_CHECK(cache[i].seg != NULL, "segmenter for %s: %s", lang, err.msg);
            snprintf(cache[i].lang, sizeof cache[i].lang, "%s", lang);
            return cache[i].seg;
        }
    }
    FUZZ_CHECK(0, "segmenter cache full");
    return NULL;
}

/* Names of this process's two scratch files ("" until created). */
static FUZZ_UNUSED char fuzz_scratch[2][256];

/* Removes the scratch files at exit. */
static FUZZ_UNUSED void fuzz_scratch_remove(void)
{
    for (int k = 0; k < 2; k++)
        if (fuzz_scratch[k][0]) unlink(fuzz_scratch[k]);
}

/* The path of scratch file `k` (0 or 1), created on first use in $TMPDIR
 * (default /tmp). */
static FUZZ_UNUSED const char *fuzz_scratch_path(int k)
{
    if (!fuzz_scratch[k][0]) {
        const char *dir = getenv("TMPDIR");
        snprintf(fuzz_scratch[k], sizeof fuzz_scratch[k], "%s/pa-fuzz-XXXXXX", dir && *dir ? dir : "/tmp");
        int fd = mkstemp(fuzz_scratch[k]);
        FUZZ_CHECK(fd >= 0, "cannot create a scratch file in %s", dir ? dir : "/tmp");
        close(fd);
        if (!fuzz_scratch[!k][0]) atexit(fuzz_scratch_remove);
    }
    return fuzz_scratch[k];
}

/* Replaces the content of scratch file `k` by data[0..size); returns its
 * path. */
static FUZZ_UNUSED const char *fuzz_write_scratch(int k, const uint8_t *data, size_t size)
{
    const char *path = fuzz_scratch_path(k);
    FILE *f = fopen(path, "wb");
    FUZZ_CHECK(f != NULL, "cannot write %s", path);
    FUZZ_CHECK(fwrite(data, 1, size, f) == size, "short write to %s", path);
    FUZZ_CHECK(fclose(f) == 0, "cannot write %s", path);
    return path;
}

/* True for the bytes the document model trims off spans (trim_span in
 * document.c): ASCII space, tab, line feed; U+3000 is checked apart. */
static FUZZ_UNUSED int fuzz_trim_space(const char *t, size_t i, size_t end, size_t *n)
{
    if (t[i] == ' ' || t[i] == '\t' || t[i] == '\n') return *n = 1, 1;
    if (end - i >= 3 && memcmp(t + i, "\xE3\x80\x80", 3) == 0) return *n = 3, 1;
    return 0;
}

/* True when byte offset `i` of `t` (length `len`) starts a character. */
static FUZZ_UNUSED int fuzz_char_start(const char *t, size_t len, size_t i)
{
    return i >= len || ((unsigned char)t[i] & 0xC0) != 0x80;
}

/* Checks the document model's invariants (document.h) after segmentation
 * or splitting: paragraphs and sentences in order, never overlapping, each
 * sentence inside its paragraph and cut at character boundaries, and no
 * text lost: between the sentences of a paragraph only trimmed white
 * space (with `split`, once sentences were made: a paragraph's text is all
 * in its sentences). With `all_text`, only trimmed white space lies outside
 * the paragraphs too. */
static FUZZ_UNUSED void fuzz_check_document(const pa_document *d, int split, int all_text)
{
    FUZZ_CHECK(d->text && d->text[d->len] == '\0', "text not NUL-terminated");
    size_t end = 0, s = 0;
    for (size_t p = 0; p < d->n_paras; p++) {
        const pa_paragraph *pp = &d->paras[p];
        FUZZ_CHECK(pp->span.start >= end && pp->span.start + pp->span.len <= d->len,
                   "paragraph %zu [%zu,+%zu) out of order or out of the text", p, pp->span.start, pp->span.len);
        FUZZ_CHECK(pp->n_sents == 0 || pp->first_sent == s, "paragraph %zu: first sentence %zu, want %zu", p,
                   pp->first_sent, s);
        size_t at = pp->span.start;
        if (all_text) {
            for (size_t i = end, n; i < pp->span.start; i += n)
                FUZZ_CHECK(fuzz_trim_space(d->text, i, pp->span.start, &n), "text lost before paragraph %zu at %zu",
                           p, i);
        }
        for (size_t k = 0; k < pp->n_sents; k++, s++) {
            FUZZ_CHECK(s < d->n_sents, "paragraph %zu counts more sentences than the document", p);
            const pa_sentence *st = &d->sents[s];
            FUZZ_CHECK(st->para == p, "sentence %zu in paragraph %zu, listed under %zu", s, st->para, p);
            FUZZ_CHECK(st->span.len > 0, "sentence %zu is empty", s);
            FUZZ_CHECK(st->span.start >= at && st->span.start + st->span.len <= pp->span.start + pp->span.len,
                       "sentence %zu [%zu,+%zu) outside paragraph %zu [%zu,+%zu) or before the previous one", s,
                       st->span.start, st->span.len, p, pp->span.start, pp->span.len);
            FUZZ_CHECK(fuzz_char_start(d->text, d->len, st->span.start) &&
                           fuzz_char_start(d->text, d->len, st->span.start + st->span.len),
                       "sentence %zu cut inside a character", s);
            for (size_t i = at, n; i < st->span.start; i += n)
                FUZZ_CHECK(fuzz_trim_space(d->text, i, st->span.start, &n), "text lost before sentence %zu at %zu",
                           s, i);
            at = st->span.start + st->span.len;
        }
        if (split) {
            for (size_t i = at, n; i < pp->span.start + pp->span.len; i += n)
                FUZZ_CHECK(fuzz_trim_space(d->text, i, pp->span.start + pp->span.len, &n),
                           "text lost at the end of paragraph %zu at %zu", p, i);
        }
        end = pp->span.start + pp->span.len;
    }
    FUZZ_CHECK(s == d->n_sents, "%zu sentences, paragraphs count %zu", d->n_sents, s);
    if (all_text) {
        for (size_t i = end, n; i < d->len; i += n)
            FUZZ_CHECK(fuzz_trim_space(d->text, i, d->len, &n), "text lost after the last paragraph at %zu", i);
    }
}

/* Segments a document read by a reader with `lang`'s built-in rules,
 * checks it (fuzz_check_document, split) and frees it: the last step of
 * every reader's target. */
static FUZZ_UNUSED void fuzz_segment_and_free(pa_document *d, const char *lang)
{
    pa_error err;
    pa_error_clear(&err);
    FUZZ_CHECK(pa_segment_document(fuzz_segmenter(lang), d, &err) == 0, "segmentation failed: %s", err.msg);
    fuzz_check_document(d, 1, 0);
    pa_document_free(d);
}

/* libxml2's entity loader for this process: polyalign reads XML without
 * external entities or DTDs, so nothing may get here. */
static FUZZ_UNUSED xmlParserInputPtr fuzz_deny_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
    (void)ctxt;
    fprintf(stderr, "external resource requested: url=%s id=%s\n", url ? url : "-", id ? id : "-");
    abort();
}

/* libxml2's fallback error channel, which prints on stderr: polyalign's
 * readers report every error through their own handlers. */
static FUZZ_UNUSED void fuzz_deny_generic_error(void *ctx, const char *fmt, ...)
{
    (void)ctx;
    fprintf(stderr, "libxml2 printed an error outside polyalign's handlers: %s\n", fmt);
    abort();
}

/* Makes any external load or stray libxml2 message a crash. */
static FUZZ_UNUSED void fuzz_deny_xml_io(void)
{
    xmlInitParser();
    xmlSetExternalEntityLoader(fuzz_deny_loader);
    xmlSetGenericErrorFunc(NULL, fuzz_deny_generic_error);
}

#endif
