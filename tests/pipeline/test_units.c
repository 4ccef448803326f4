/* test_units.c - units from the alignments of a document set, on the
 * cases of units.cases: every sentence of every language in exactly the
 * units expected, and the count of joins. */
#include "align/aligner/bead.h"
#include "align/pipeline/units.h"
#include "align/readers/document.h"
#include "align/util/alloc.h"
#include "tests/tap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_LANGS 6

typedef struct test_case {
    char desc[256];
    size_t n_langs, sents[MAX_LANGS];
    pa_alignment al[MAX_LANGS];
    char units[4096];
    long joins;
} test_case;

/* A document of `n` sentences "sN" in one paragraph. */
static pa_document *make_doc(size_t n, size_t lang)
{
    static const char *const codes[MAX_LANGS] = {"zh", "en", "fr", "es", "ru", "ar"};
    pa_document *d = pa_document_new(codes[lang], codes[lang]);
    pa_buf b = PA_BUF_INIT;
    for (size_t i = 0; i < n; i++) pa_buf_printf(&b, "s%zu\n", i);
    size_t len;
    char *text = pa_buf_detach(&b, &len);
    pa_document_set_text(d, text, len);
    pa_document_split_lines(d);
    return d;
}

/* Parses "[0]:[0] [1,2]:[1]" into consecutive beads. */
static int parse_beads(const char *s, pa_alignment *out)
{
    char text[4096];
    snprintf(text, sizeof text, "%s", s);
    for (char *p = text; *p; p++)
        if (*p == ' ') *p = '\n';
    pa_bead_sets sets = {0};
    pa_error err;
    if (pa_bead_sets_parse("case", text, strlen(text), &sets, &err) != 0) return diag("%s", err.msg), -1;
    for (size_t k = 0; k < sets.n; k++) {
        size_t s0 = sets.src_at[k], t0 = sets.tgt_at[k], e = pa_bead_sets_end(&sets, k);
        pa_bead b = {0, t0 - s0, 0, e - t0, 0.9};
        b.src = t0 > s0 ? sets.idx[s0] : 0;
        b.tgt = e > t0 ? sets.idx[t0] : 0;
        pa_alignment_add(out, b);
    }
    pa_bead_sets_free(&sets);
    /* empty sides sit where the previous bead ended */
    size_t si = 0, ti = 0;
    for (size_t k = 0; k < out->n; k++) {
        if (!out->beads[k].n_src) out->beads[k].src = si;
        if (!out->beads[k].n_tgt) out->beads[k].tgt = ti;
        si = out->beads[k].src + out->beads[k].n_src, ti = out->beads[k].tgt + out->beads[k].n_tgt;
    }
    return 0;
}

/* The units as written in the cases file. */
static void format_units(const pa_units *u, pa_buf *out)
{
    pa_unit x;
    for (size_t i = 0; pa_units_get(u, i, &x) == 0; i++) {
        if (i) pa_buf_putc(out, ' ');
        for (size_t l = 0; l < pa_units_languages(u); l++) {
            pa_buf_puts(out, l ? ":[" : "[");
            for (size_t k = 0; k < x.count[l]; k++) pa_buf_printf(out, k ? ",%zu" : "%zu", x.first[l] + k);
            pa_buf_putc(out, ']');
        }
    }
}

static void run_case(test_case *c)
{
    pa_document *docs[MAX_LANGS];
    for (size_t l = 0; l < c->n_langs; l++) docs[l] = make_doc(c->sents[l], l);
    pa_units *u = pa_units_build(docs, c->n_langs, c->al + 1, "case", PA_SPLIT_LINES);
    pa_buf got = PA_BUF_INIT;
    format_units(u, &got);
    if (!ok(got.data && strcmp(got.data, c->units) == 0, "%s: units", c->desc))
        diag("got  %s\n# want %s", got.data ? got.data : "", c->units);
    ok((long)pa_units_joins(u) == c->joins, "%s: %ld joins", c->desc, c->joins);
    /* the texts are those of the sentences named */
    pa_unit x;
    int texts = 1;
    for (size_t i = 0; pa_units_get(u, i, &x) == 0; i++)
        for (size_t l = 0; l < c->n_langs; l++)
            if (x.count[l]) {
                char want[32];
                snprintf(want, sizeof want, "s%zu", x.first[l]);
                texts &= strncmp(x.text[l], want, strlen(want)) == 0 && x.text[l][x.len[l]] == '\0';
            }
    ok(texts, "%s: each text starts with its first sentence and ends with NUL", c->desc);
    int empty = 1;
    for (size_t i = 0; pa_units_get(u, i, &x) == 0; i++)
        for (size_t l = 0; l < c->n_langs; l++)
            if (!x.count[l]) empty &= x.len[l] == 0 && x.text[l][0] == '\0';
    ok(empty, "%s: a language without sentences in a unit has the empty text", c->desc);
    pa_buf_free(&got);
    pa_units_free(u);
    for (size_t l = 0; l < c->n_langs; l++) pa_document_free(docs[l]);
    for (size_t l = 0; l < MAX_LANGS; l++) pa_alignment_free(&c->al[l]);
}

int main(void)
{
    const char *top = getenv("top_srcdir");
    char path[4096];
    snprintf(path, sizeof path, "%s/tests/pipeline/units.cases", top ? top : ".");
    FILE *f = fopen(path, "r");
    if (!ok(f != NULL, "read %s", path)) return done_testing();
    test_case c;
    memset(&c, 0, sizeof c);
    int in_case = 0;
    char line[8192];
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = '\0';
        if (line[0] == '#') continue;
        if (line[0] == '\0') {
            if (in_case) run_case(&c);
            memset(&c, 0, sizeof c);
            in_case = 0;
            continue;
        }
        in_case = 1;
        if (strncmp(line, "case ", 5) == 0) {
            snprintf(c.desc, sizeof c.desc, "%s", line + 5);
        } else if (strncmp(line, "sents ", 6) == 0) {
            char *p = line + 6, *end;
            while (c.n_langs < MAX_LANGS && (c.sents[c.n_langs] = strtoul(p, &end, 10), end != p)) c.n_langs++, p = end;
        } else if (strncmp(line, "align ", 6) == 0) {
            char *end;
            unsigned long k = strtoul(line + 6, &end, 10);
            if (k < 1 || k >= MAX_LANGS || parse_beads(end + 1, &c.al[k]) != 0) ok(0, "bad line: %s", line);
        } else if (strncmp(line, "units ", 6) == 0) {
            snprintf(c.units, sizeof c.units, "%s", line + 6);
        } else if (strncmp(line, "joins ", 6) == 0) {
            c.joins = strtol(line + 6, NULL, 10);
        } else {
            ok(0, "unknown line: %s", line);
        }
    }
    if (in_case) run_case(&c);
    fclose(f);
    return done_testing();
}
