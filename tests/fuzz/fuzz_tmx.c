/* fuzz_tmx - the TMX reader (pa_tmx_reader.h) on arbitrary bytes, written to a
 * scratch file (the reader reads files only; gzip input is detected there).
 *
 * Beyond "no crash" it asserts that:
 *  - no external entity, DTD or other resource is ever requested: libxml2's
 *    entity loader is replaced by one that aborts;
 *  - libxml2 prints nothing on stderr (its fallback error channel aborts):
 *    every error goes through the reader's handler;
 *  - a failure is a PA_EINPUT error whose message names the file, and every
 *    later call fails too;
 *  - every unit's texts and languages are valid UTF-8 of their stated
 *    length without characters XML 1.0 forbids (C0 controls but tab, LF,
 *    CR; U+FFFE, U+FFFF), and so are tuid, srclang and document;
 *  - what was read survives the writer: the units written with pa_tmx_writer
 *    and read back have the same languages, texts, tuids, documents and
 *    (to 4 decimals) scores.
 */
#include "fuzz.h"

#include "align/util/alloc.h"
#include "align/util/output.h"
#include "tmx/tmx_reader.h"
#include "tmx/tmx_writer.h"

#include <math.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

/* Units kept beyond this are not compared (bounds the work per input). */
#define MAX_UNITS 256

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz_deny_xml_io();
    return 0;
}

/* Asserts that s[0..len) is UTF-8 that XML 1.0 can carry, without NUL. */
static void check_xml_text(const char *what, const char *s, size_t len)
{
    FUZZ_CHECK(s != NULL, "%s is NULL", what);
    FUZZ_CHECK(strlen(s) == len, "%s: NUL byte inside (%zu of %zu bytes)", what, strlen(s), len);
    FUZZ_CHECK(fuzz_utf8_ok(s, len), "%s: invalid UTF-8 at byte %zu", what, pa_utf8_validate(s, len));
    for (size_t i = 0; i < len; i++) {
        const unsigned char *u = (const unsigned char *)s + i;
        FUZZ_CHECK(u[0] >= 0x20 || u[0] == '\t' || u[0] == '\n' || u[0] == '\r', "%s: control 0x%02X at byte %zu",
                   what, u[0], i);
        FUZZ_CHECK(!(u[0] == 0xEF && u[1] == 0xBF && (u[2] == 0xBE || u[2] == 0xBF)), "%s: U+FFFE/F at byte %zu",
                   what, i);
    }
}

static void check_str(const char *what, const char *s)
{
    if (s) check_xml_text(what, s, strlen(s));
}

/* A unit as read, copied out of the reader. */
typedef struct kept {
    char *tuid, *document;
    double score;
    pa_tmx_variant *v;
    size_t n;
} kept;

static void kept_free(kept *k, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < k[i].n; j++) free((char *)k[i].v[j].lang), free((char *)k[i].v[j].text);
        free(k[i].v), free(k[i].tuid), free(k[i].document);
    }
    free(k);
}

static char *dup_or_null(const char *s) { return s ? pa_strdup(s) : NULL; }

/* Asserts that a unit read back from the writer's output equals `k`. */
static void check_same(size_t i, const kept *k, const pa_tmx_read_unit *u)
{
    FUZZ_CHECK(u->n_variants == k->n, "unit %zu: %zu variants written, %zu read back", i, k->n, u->n_variants);
    if (k->tuid) FUZZ_CHECK(u->tuid && strcmp(u->tuid, k->tuid) == 0, "unit %zu: tuid changed", i);
    FUZZ_CHECK(!k->document == !u->document && (!k->document || strcmp(k->document, u->document) == 0),
               "unit %zu: document changed", i);
    if (k->score >= 0 && k->score < 1e9)
        FUZZ_CHECK(fabs(u->score - k->score) <= 1e-4, "unit %zu: score %g read back as %g", i, k->score, u->score);
    for (size_t j = 0; j < k->n; j++) {
        const pa_tmx_read_variant *v = &u->variants[j];
        FUZZ_CHECK(strcmp(v->lang, k->v[j].lang) == 0, "unit %zu variant %zu: language '%s' read back as '%s'", i,
                   j, k->v[j].lang, v->lang);
        FUZZ_CHECK(v->len == k->v[j].len && memcmp(v->text, k->v[j].text, v->len) == 0,
                   "unit %zu variant %zu: text changed (%zu -> %zu bytes)", i, j, k->v[j].len, v->len);
    }
}

/* Writes the units to scratch file 1 and reads them back. */
static void round_trip(const kept *k, size_t n)
{
    pa_error err;
    pa_error_clear(&err);
    const char *path = fuzz_scratch_path(1);
    pa_output *out = pa_output_open(path, 0, &err);
    FUZZ_CHECK(out != NULL, "%s", err.msg);
    pa_tmx_header_info h = {0};
    h.creation_time = 1;
    pa_tmx_writer *w = pa_tmx_writer_open(out, &h, &err);
    FUZZ_CHECK(w != NULL, "%s", err.msg);
    for (size_t i = 0; i < n; i++) {
        pa_tmx_unit u = {.tuid = k[i].tuid, .document = k[i].document, .score = k[i].score, .note = NULL, .variants = k[i].v, .n_variants = k[i].n};
        FUZZ_CHECK(pa_tmx_writer_add_unit(w, &u, &err) == 0, "writing unit %zu: %s", i, err.msg);
    }
    FUZZ_CHECK(pa_tmx_writer_finish(w, &err) == 0, "%s", err.msg);
    FUZZ_CHECK(pa_output_commit(out, &err) == 0, "%s", err.msg);

    pa_tmx_reader *r = pa_tmx_reader_open(path, &err);
    FUZZ_CHECK(r != NULL, "reading back: %s", err.msg);
    const pa_tmx_read_unit *u;
    size_t i = 0;
    int rc;
    while ((rc = pa_tmx_reader_next(r, &u, &err)) == 1) {
        FUZZ_CHECK(i < n, "more units read back than written");
        check_same(i, &k[i], u);
        i++;
    }
    FUZZ_CHECK(rc == 0, "reading back: %s", err.msg);
    FUZZ_CHECK(i == n, "%zu units written, %zu read back", n, i);
    pa_tmx_reader_close(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fuzz_write_scratch(0, data, size);
    size_t plen = strlen(path);
    pa_error err;
    pa_error_clear(&err);
    pa_tmx_reader *r = pa_tmx_reader_open(path, &err);
    if (!r) {
        FUZZ_CHECK(err.code == PA_EINPUT && strncmp(err.msg, path, plen) == 0,
                   "open failed with code %d, message not naming the file: %s", err.code, err.msg);
        return 0;
    }
    check_str("header srclang", pa_tmx_reader_srclang(r));
    kept *k = pa_calloc(MAX_UNITS, sizeof *k);
    size_t nk = 0;
    const pa_tmx_read_unit *u;
    int rc;
    while ((rc = pa_tmx_reader_next(r, &u, &err)) == 1) {
        check_str("tuid", u->tuid);
        check_str("srclang", u->srclang);
        check_str("document", u->document);
        for (size_t i = 0; i < u->n_variants; i++) {
            check_xml_text("lang", u->variants[i].lang, strlen(u->variants[i].lang));
            check_xml_text("text", u->variants[i].text, u->variants[i].len);
            const pa_tmx_read_variant *m = pa_tmx_unit_variant(u, u->variants[i].lang);
            FUZZ_CHECK(m != NULL, "pa_tmx_unit_variant does not find its own language '%s'", u->variants[i].lang);
        }
        if (u->n_variants == 0 || nk == MAX_UNITS) continue; /* the writer refuses empty units */
        kept *c = &k[nk++];
        c->tuid = dup_or_null(u->tuid);
        c->document = dup_or_null(u->document);
        c->score = u->score;
        c->n = u->n_variants;
        c->v = pa_calloc(c->n, sizeof *c->v);
        for (size_t i = 0; i < c->n; i++) {
            c->v[i].lang = pa_strdup(u->variants[i].lang);
            c->v[i].text = pa_strndup(u->variants[i].text, u->variants[i].len);
            c->v[i].len = u->variants[i].len;
        }
    }
    if (rc < 0) {
        FUZZ_CHECK(err.code == PA_EINPUT && strncmp(err.msg, path, plen) == 0,
                   "read failed with code %d, message not naming the file: %s", err.code, err.msg);
        pa_error e2;
        FUZZ_CHECK(pa_tmx_reader_next(r, &u, &e2) == -1, "a read after an error succeeded");
    }
    pa_tmx_reader_close(r);
    if (rc == 0) round_trip(k, nk);
    kept_free(k, nk);
    return 0;
}
