/* pa_tmx_writer.c - see pa_tmx_writer.h.
 *
 * libxml2's xmlTextWriter does the escaping and the indentation; its output
 * buffer hands the bytes to a pa_output through a write callback. The
 * writer is flushed after every unit, so neither libxml2 nor polyalign keeps
 * more than one unit in memory. Text is cleaned of what XML 1.0 forbids
 * before libxml2 sees it, because xmlTextWriter writes whatever it is given.
 */
#include "config.h"

#include "tmx/tmx_writer.h"
#include "align/util/alloc.h"
#include "align/util/buf.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <libxml/xmlwriter.h>

struct pa_tmx_writer {
    xmlTextWriterPtr xw;
    pa_output *out;
    pa_error out_err;        /* first failure of `out`, reported by the next call */
    int out_failed;
    pa_buf clean;            /* scratch: a string without forbidden characters */
    char date[24];           /* creationdate of the header and every unit */
    unsigned long units;     /* units written so far, numbers tuids */
};

/* Length of the well-formed UTF-8 sequence at `s` (at most `n` bytes) that
 * encodes a character XML 1.0 allows, or 0 when the byte at `s` starts no
 * such sequence (malformed, overlong, surrogate, > U+10FFFF, control,
 * U+FFFE or U+FFFF). */
static size_t xml_char_len(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    if (c < 0x80) return (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') ? 1 : 0;
    size_t len;
    unsigned lo = 0x80, hi = 0xBF; /* allowed range of the second byte */
    if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0) lo = 0xA0;      /* overlong */
        if (c == 0xED) hi = 0x9F;      /* surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0) lo = 0x90;      /* overlong */
        if (c == 0xF4) hi = 0x8F;      /* beyond U+10FFFF */
    } else
        return 0;
    if (n < len || s[1] < lo || s[1] > hi) return 0;
    for (size_t i = 2; i < len; i++)
        if (s[i] < 0x80 || s[i] > 0xBF) return 0;
    if (c == 0xEF && s[1] == 0xBF && (s[2] == 0xBE || s[2] == 0xBF)) return 0; /* U+FFFE/F */
    return len;
}

/* Copies `s` (`len` bytes) into the writer's scratch buffer without the
 * bytes that XML 1.0 cannot carry, and returns the NUL-terminated result. */
static const xmlChar *clean_text(pa_tmx_writer *w, const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    pa_buf_reset(&w->clean);
    pa_buf_reserve(&w->clean, len);
    while (p < end) {
        /* a run of allowed characters is copied at once */
        const unsigned char *run = p;
        size_t n;
        while (p < end && (n = xml_char_len(p, (size_t)(end - p))) != 0) p += n;
        if (p > run) pa_buf_append(&w->clean, run, (size_t)(p - run));
        if (p < end) p++; /* a byte XML cannot carry */
    }
    return (const xmlChar *)w->clean.data;
}

static const xmlChar *clean_str(pa_tmx_writer *w, const char *s)
{
    return clean_text(w, s, strlen(s));
}

/* Output callback of libxml2. A failing pa_output is remembered and
 * reported by the writer's next call; libxml2 is told the write succeeded,
 * so that it does not print its own error through its global handler. */
static int write_to_output(void *ctx, const char *buf, int len)
{
    pa_tmx_writer *w = ctx;
    if (!w->out_failed && pa_output_write(w->out, buf, (size_t)len, &w->out_err) < 0)
        w->out_failed = 1;
    return len;
}

/* Turns the outcome of a series of xmlTextWriter calls (`failed` when any
 * returned < 0) and of the output into 0 or -1 with an error. */
static int writer_status(pa_tmx_writer *w, int failed, pa_error *err)
{
    if (w->out_failed) {
        if (err) *err = w->out_err;
        return -1;
    }
    if (failed)
        return pa_error_set(err, PA_EINTERNAL, "%s: libxml2 failed to write TMX",
                            pa_output_name(w->out));
    return 0;
}

/* Writes an attribute whose value comes from outside (cleaned first). */
static int write_attr(pa_tmx_writer *w, const char *name, const char *value)
{
    return xmlTextWriterWriteAttribute(w->xw, BAD_CAST name, clean_str(w, value));
}

/* Writes <name [attr="value"]>text</name>, the text cleaned and unindented. */
static int write_text_element(pa_tmx_writer *w, const char *name, const char *attr,
                              const char *value, const char *text, size_t len)
{
    int failed = xmlTextWriterStartElement(w->xw, BAD_CAST name) < 0;
    if (attr) failed |= write_attr(w, attr, value) < 0;
    failed |= xmlTextWriterWriteString(w->xw, clean_text(w, text, len)) < 0;
    failed |= xmlTextWriterEndElement(w->xw) < 0;
    return failed ? -1 : 0;
}

void pa_tmx_writer_free(pa_tmx_writer *w)
{
    if (!w) return;
    pa_alloc_undefer(w);
    w->out_failed = 1; /* the output may be gone already: write nothing more */
    if (w->xw) xmlFreeTextWriter(w->xw);
    pa_buf_free(&w->clean);
    pa_free(w);
}

static void free_writer(void *w)
{
    pa_tmx_writer_free(w);
}

int pa_tmx_creation_time(time_t *out, pa_error *err)
{
    const char *v = getenv("SOURCE_DATE_EPOCH");
    if (!v || !*v) {
        *out = time(NULL);
        return 0;
    }
    /* digits only (no sign, no spaces), and a time gmtime can write in
     * the four-digit years of the format */
    unsigned long long t = 0;
    const char *p = v;
    while (*p >= '0' && *p <= '9' && t <= 253402300799ULL) t = t * 10 + (unsigned)(*p++ - '0');
    if (*p || t > 253402300799ULL) { /* 9999-12-31T23:59:59Z */
        return pa_error_set(err, PA_EUSAGE, "SOURCE_DATE_EPOCH: '%.40s' is not a number of seconds since 1970 "
                                            "(up to 253402300799)", v);
    }
    *out = (time_t)t;
    return 0;
}

pa_tmx_writer *pa_tmx_writer_open(pa_output *out, const pa_tmx_header_info *h, pa_error *err)
{
    time_t t = h->creation_time;
    if (!t && pa_tmx_creation_time(&t, err) != 0) return NULL;
    xmlInitParser();
    pa_tmx_writer *w = pa_calloc(1, sizeof *w);
    w->out = out;
    xmlOutputBufferPtr ob = xmlOutputBufferCreateIO(write_to_output, NULL, w, NULL);
    if (ob) w->xw = xmlNewTextWriter(ob); /* owns `ob` from here on */
    if (!w->xw) {
        if (ob) xmlOutputBufferClose(ob);
        pa_error_set(err, PA_EINTERNAL, "%s: cannot create an XML writer (libxml2)",
                     pa_output_name(out));
        pa_free(w);
        return NULL;
    }
    pa_alloc_defer(free_writer, w); /* the libxml2 writer, if the call fails */
    pa_buf_reserve(&w->clean, 256); /* now: what an add allocates, a failing add frees */
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(w->date, sizeof w->date, "%Y%m%dT%H%M%SZ", &tm);

    int failed = xmlTextWriterSetIndent(w->xw, 1) < 0;
    failed |= xmlTextWriterSetIndentString(w->xw, BAD_CAST "  ") < 0;
    failed |= xmlTextWriterStartDocument(w->xw, "1.0", "UTF-8", NULL) < 0;
    failed |= xmlTextWriterStartElement(w->xw, BAD_CAST "tmx") < 0;
    failed |= write_attr(w, "version", "1.4") < 0;
    failed |= xmlTextWriterStartElement(w->xw, BAD_CAST "header") < 0;
    /* In the order in which the DTD lists them. */
    failed |= write_attr(w, "creationtool", h->creationtool ? h->creationtool : "polyalign") < 0;
    failed |= write_attr(w, "creationtoolversion",
                         h->creationtoolversion ? h->creationtoolversion : PACKAGE_VERSION) < 0;
    failed |= write_attr(w, "segtype", h->segtype ? h->segtype : "sentence") < 0;
    failed |= write_attr(w, "o-tmf", h->o_tmf ? h->o_tmf : "polyalign") < 0;
    failed |= write_attr(w, "adminlang", h->adminlang ? h->adminlang : "en-US") < 0;
    failed |= write_attr(w, "srclang", h->srclang ? h->srclang : "*all*") < 0;
    failed |= write_attr(w, "datatype", h->datatype ? h->datatype : "plaintext") < 0;
    failed |= write_attr(w, "creationdate", w->date) < 0;
    failed |= xmlTextWriterEndElement(w->xw) < 0;
    failed |= xmlTextWriterStartElement(w->xw, BAD_CAST "body") < 0;
    failed |= xmlTextWriterFlush(w->xw) < 0;
    if (writer_status(w, failed, err) < 0) {
        pa_tmx_writer_free(w);
        return NULL;
    }
    return w;
}

/* Formats a score with 4 decimals using integers only, so that no locale
 * can turn the point into a comma. */
static void format_score(double score, char buf[32])
{
    long long v = llround((score < 1e12 ? score : 1e12) * 10000.0);
    snprintf(buf, 32, "%lld.%04lld", v / 10000, v % 10000);
}

int pa_tmx_writer_add_unit(pa_tmx_writer *w, const pa_tmx_unit *u, pa_error *err)
{
    char tuid[32], score[32];
    if (u->n_variants == 0) /* <tu> needs a <tuv>: the file would be invalid */
        return pa_error_set(err, PA_EINTERNAL, "%s: a translation unit without any language",
                            pa_output_name(w->out));
    w->units++;
    snprintf(tuid, sizeof tuid, "%lu", w->units);
    int failed = xmlTextWriterStartElement(w->xw, BAD_CAST "tu") < 0;
    failed |= write_attr(w, "tuid", u->tuid ? u->tuid : tuid) < 0;
    failed |= write_attr(w, "creationdate", w->date) < 0;
    if (u->document)
        failed |= write_text_element(w, "prop", "type", "x-document", u->document,
                                     strlen(u->document)) < 0;
    if (u->score >= 0) { /* NaN is not >= 0 either */
        format_score(u->score, score);
        failed |= write_text_element(w, "prop", "type", "x-score", score, strlen(score)) < 0;
    }
    if (u->bead) failed |= write_text_element(w, "prop", "type", "x-bead", u->bead, strlen(u->bead)) < 0;
    if (u->paragraph) {
        char para[32];
        snprintf(para, sizeof para, "%zu", u->paragraph);
        failed |= write_text_element(w, "prop", "type", "x-paragraph", para, strlen(para)) < 0;
    }
    if (u->numbers_differ) failed |= write_text_element(w, "prop", "type", "x-numbers", "differ", 6) < 0;
    for (size_t i = 0; i < u->n_props; i++)
        failed |= write_text_element(w, "prop", "type", u->props[i].type, u->props[i].value,
                                     strlen(u->props[i].value)) < 0;
    if (u->note) failed |= write_text_element(w, "note", NULL, NULL, u->note, strlen(u->note)) < 0;
    for (size_t i = 0; i < u->n_variants; i++) {
        const pa_tmx_variant *v = &u->variants[i];
        failed |= xmlTextWriterStartElement(w->xw, BAD_CAST "tuv") < 0;
        failed |= write_attr(w, "xml:lang", v->lang) < 0;
        if (v->markup) {
            failed |= xmlTextWriterStartElement(w->xw, BAD_CAST "seg") < 0;
            failed |= xmlTextWriterWriteRaw(w->xw, clean_text(w, v->text, v->len)) < 0;
            failed |= xmlTextWriterEndElement(w->xw) < 0;
        } else {
            failed |= write_text_element(w, "seg", NULL, NULL, v->text, v->len) < 0;
        }
        failed |= xmlTextWriterEndElement(w->xw) < 0;
    }
    failed |= xmlTextWriterEndElement(w->xw) < 0;
    failed |= xmlTextWriterFlush(w->xw) < 0;
    return writer_status(w, failed, err);
}

int pa_tmx_writer_finish(pa_tmx_writer *w, pa_error *err)
{
    int failed = xmlTextWriterEndDocument(w->xw) < 0; /* closes <body> and <tmx> */
    failed |= xmlTextWriterFlush(w->xw) < 0;
    int rc = writer_status(w, failed, err);
    pa_tmx_writer_free(w); /* everything is flushed: nothing is lost */
    return rc;
}
