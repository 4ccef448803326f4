/* tmx_validate.c - see tmx_validate.h. */
#include "tmx/tmx_validate.h"
#include "tmx/langtag.h"
#include "align/text/utf8.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

typedef struct checker {
    const char *name;
    pa_tmx_report_fn report;
    void *data;
    size_t problems;
    int dtd;          /* the DTD judges required attributes and content: not said twice */
} checker;

/* Reports "NAME:LINE: message" (or "NAME: message" when line < 1). */
__attribute__((format(printf, 3, 4)))
static void problem(checker *c, long line, const char *fmt, ...)
{
    char msg[768], full[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (line > 0) snprintf(full, sizeof full, "%s:%ld: %s", c->name, line, msg);
    else snprintf(full, sizeof full, "%s: %s", c->name, msg);
    c->problems++;
    if (c->report) c->report(c->data, full);
}

/* The reader's problem function: the DTD's complaints. */
static void dtd_problem(void *data, long line, const char *message)
{
    problem(data, line, "%s", message);
}

int pa_tmx_langtag_valid(const char *tag)
{
    size_t n = 0, sub = 0;
    for (const char *p = tag;; p++) {
        int alpha = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z');
        int digit = *p >= '0' && *p <= '9';
        if (alpha || (digit && sub > 0)) {
            if (++n > 8) return 0;
        } else if ((*p == '-' || *p == '\0') && n > 0) {
            if (*p == '\0') return 1;
            n = 0, sub++;
        } else {
            return 0;
        }
    }
}

/* The header's attributes. */
static void check_header(checker *c, const pa_tmx_reader *r)
{
    static const char *const required[] = {"creationtool", "creationtoolversion", "segtype", "o-tmf",
                                           "adminlang", "srclang", "datatype"};
    long line = pa_tmx_reader_header_line(r);
    const char *version = pa_tmx_reader_version(r);
    if (!version || strcmp(version, "1.4") != 0)
        problem(c, -1, "<tmx version=\"%s\">: TMX 1.4b says version=\"1.4\"", version ? version : "");
    if (line < 0) {
        problem(c, -1, "no <header> before <body>");
        return;
    }
    for (size_t i = 0; i < sizeof required / sizeof *required && !c->dtd; i++)
        if (!pa_tmx_reader_header(r, required[i])) problem(c, line, "<header> lacks the attribute %s", required[i]);
    const char *seg = pa_tmx_reader_header(r, "segtype");
    if (seg && !c->dtd && strcmp(seg, "block") && strcmp(seg, "paragraph") && strcmp(seg, "sentence") && strcmp(seg, "phrase"))
        problem(c, line, "<header> segtype=\"%s\" is not block, paragraph, sentence or phrase", seg);
    const char *src = pa_tmx_reader_header(r, "srclang");
    if (src && strcmp(src, "*all*") != 0 && !pa_tmx_langtag_valid(src))
        problem(c, line, "<header> srclang=\"%s\" is not a language tag", src);
    const char *admin = pa_tmx_reader_header(r, "adminlang");
    if (admin && !pa_tmx_langtag_valid(admin)) problem(c, line, "<header> adminlang=\"%s\" is not a language tag", admin);
}

/* One <tu>: its variants and its source language. */
static void check_unit(checker *c, const pa_tmx_read_unit *u, const char *header_src)
{
    if (u->n_variants == 0 && !c->dtd) problem(c, u->line, "<tu> without <tuv>");
    for (size_t i = 0; i < u->n_variants; i++) {
        const pa_tmx_read_variant *v = &u->variants[i];
        if (!pa_tmx_langtag_valid(v->lang)) problem(c, u->line, "<tuv xml:lang=\"%s\">: not a language tag", v->lang);
        if (pa_utf8_blank(v->text, v->len)) problem(c, u->line, "empty <seg> (%s)", v->lang);
    }
    const char *src = u->srclang ? u->srclang : header_src;
    if (src && strcmp(src, "*all*") != 0 && u->n_variants) {
        size_t n = strlen(src), i;
        for (i = 0; i < u->n_variants; i++)
            if (pa_tmx_langtag_equal(u->variants[i].lang, strlen(u->variants[i].lang), src, n)) break;
        if (i == u->n_variants) problem(c, u->line, "<tu> has no <tuv> in its source language %s", src);
    }
}

size_t pa_tmx_validate_file(const char *path, const char *dtd, size_t max_bytes, pa_tmx_report_fn report,
                            void *data)
{
    checker c = {path, report, data, 0, dtd != NULL};
    pa_tmx_reader_options o = {.dtd = dtd, .problem = dtd_problem, .data = &c, .max_bytes = max_bytes};
    pa_error err;
    pa_error_clear(&err);
    pa_tmx_reader *r = pa_tmx_reader_open_with(path, &o, &err);
    if (!r) {
        c.problems++;
        if (report) report(data, err.msg);
        return c.problems;
    }
    c.name = pa_tmx_reader_name(r);
    check_header(&c, r);
    const pa_tmx_read_unit *u;
    int rc;
    while ((rc = pa_tmx_reader_next(r, &u, &err)) > 0) check_unit(&c, u, pa_tmx_reader_srclang(r));
    if (rc < 0) {
        c.problems++;
        if (report) report(data, err.msg);
    }
    pa_tmx_reader_close(r);
    return c.problems;
}
