/* pdf.c - the PDF reader, through poppler-glib (built only with
 * configure --with-poppler, the default where pkg-config finds it).
 *
 * poppler's text layout gives each page's text in reading order, a line a
 * line, with a box for every character (selected from the corner where
 * that order starts, the top right on a right-to-left page: page_text).
 * From the boxes each line gets its left edge, width and first word's
 * width in columns (the document's mean character width, a wide character
 * counting two) and a vertical gap before it where the space between
 * lines exceeds the usual leading by half; text/reflow.h's
 * pa_reflow_placed then rebuilds the paragraphs, drops running heads and
 * feet and moves footnotes after the body, as for text from pdftotext. An
 * encrypted PDF and one without a text layer (a scan) are refused with a
 * one-line message saying so.
 *
 * poppler-glib is loaded with dlopen when a PDF is read, not linked:
 * linked, it maps poppler, cairo, GLib and X11 into every run of
 * polyalign, PDF or not (and they do not fit the memory limits some runs
 * set). Its headers give the types; the functions come from a table.
 */
#include "align/readers/reader.h"
#include "align/text/input.h"
#include "align/text/lamalef.h"
#include "align/text/reflow.h"
#include "align/text/utf8.h"
#include "align/util/alloc.h"
#include "align/util/dynlib.h"

#include <dlfcn.h>
#include <glib.h>
#include <math.h>
#include <poppler.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The functions of poppler-glib and GLib the reader calls. */
typedef struct poppler_api {
    void *lib;
    GBytes *(*bytes_new)(gconstpointer, gsize);
    void (*bytes_unref)(GBytes *);
    void (*error_free)(GError *);
    void (*object_unref)(gpointer);
    void (*free)(gpointer);
    GQuark (*error_quark)(void);
    PopplerDocument *(*document_new_from_bytes)(GBytes *, const char *, GError **);
    int (*get_n_pages)(PopplerDocument *);
    PopplerPage *(*get_page)(PopplerDocument *, int);
    void (*get_size)(PopplerPage *, double *, double *);
    char *(*get_selected_text)(PopplerPage *, PopplerSelectionStyle, PopplerRectangle *);
    gboolean (*get_text_layout_for_area)(PopplerPage *, PopplerRectangle *, PopplerRectangle **, guint *);
} poppler_api;

/* Loads poppler-glib into `api`; 0 or -1 (with a message naming `name`). */
static int load_poppler(poppler_api *api, const char *name, pa_error *err)
{
    static const char *const sonames[] = {"libpoppler-glib.so.8", "libpoppler-glib.so"};
    const pa_dynsym syms[] = {
        {&api->bytes_new, "g_bytes_new"},
        {&api->bytes_unref, "g_bytes_unref"},
        {&api->error_free, "g_error_free"},
        {&api->object_unref, "g_object_unref"},
        {&api->free, "g_free"},
        {&api->error_quark, "poppler_error_quark"},
        {&api->document_new_from_bytes, "poppler_document_new_from_bytes"},
        {&api->get_n_pages, "poppler_document_get_n_pages"},
        {&api->get_page, "poppler_document_get_page"},
        {&api->get_size, "poppler_page_get_size"},
        {&api->get_selected_text, "poppler_page_get_selected_text"},
        {&api->get_text_layout_for_area, "poppler_page_get_text_layout_for_area"},
    };
    const char *missing;
    char why[512];
    api->lib = pa_dynlib_open(sonames, sizeof sonames / sizeof *sonames, syms, sizeof syms / sizeof *syms, &missing,
                              why, sizeof why);
    if (api->lib) return 0;
    if (missing) return pa_error_set(err, PA_EINPUT, "%s is a PDF file; poppler-glib lacks %s", name, missing);
    return pa_error_set(err, PA_EINPUT, "%s is a PDF file; poppler-glib cannot be loaded (%s): run `pdftotext -enc UTF-8 %s` and align the text",
                        name, why, name);
}

typedef struct pline {
    size_t a, e;               /* bytes in the text buffer */
    double x0, x1, fw, y0, y1; /* left, right, first word's right edge, top, bottom (points) */
    unsigned page;
} pline;

/* Whether `l` goes on line `prev`, to its right: the same height (tops
 * and bottoms within a quarter of the line's height), next in poppler's
 * reading order (which reads a column's block whole before the next, so
 * two columns' lines at one height do not follow each other), and less
 * than twelve line heights apart: the word gaps of a justified line
 * stretched over a long word or address that did not fit reach eight. */
static int same_line(const pline *prev, const pline *l)
{
    double h = prev->y1 - prev->y0, tol = 0.25 * h;
    return h > 0 && fabs(l->y0 - prev->y0) <= tol && fabs(l->y1 - prev->y1) <= tol && l->x0 >= prev->x1 - tol &&
           l->x0 - prev->x1 < 12 * h;
}

/* U+202A-U+202E: poppler's selected text wraps every right-to-left run in
 * these bidirectional embeddings, which have no box in the text layout. */
static int is_bidi_embedding(uint32_t c) { return c >= 0x202A && c <= 0x202E; }

/* Appends the text [p, end) to `text` without its bidirectional
 * embeddings. poppler wraps every right-to-left word in its own embedding,
 * words apart by a space, but leaves out the space after the first word
 * of a right-to-left line: an embedding that closes where the next opens
 * (U+202C U+202B) is a word space. It has no box, as the embeddings. */
static void append_without_embeddings(pa_buf *text, const char *p, const char *end)
{
    const char *run = p;
    size_t cl;
    for (const char *q = p; q < end; q += cl) {
        uint32_t c = pa_utf8_at(q, (size_t)(end - q), 0, &cl);
        if (!is_bidi_embedding(c)) continue;
        pa_buf_append(text, run, (size_t)(q - run));
        run = q + cl;
        if (c == 0x202C && pa_utf8_at(run, (size_t)(end - run), 0, NULL) == 0x202B) pa_buf_putc(text, ' ');
    }
    pa_buf_append(text, run, (size_t)(end - run));
}

/* A page's text and its boxes (one a character, in the text's order)
 * into `*t` and `*r` (`*nr` of them); 0, or -1 when the page has none.
 * poppler gives the text of a selection between two points: from the
 * block nearest the first to the block nearest the second, in its reading
 * order, and in the first block from where that point falls in it.
 * poppler_page_get_text selects from the page's top-left corner to its
 * bottom right, which fits a page poppler reads left to right. On a page
 * it reads right to left, that corner is nearest a block inside the page
 * (in the Arabic UDHR the title, or page 3's first paragraph): the blocks
 * before it (the header, at the right) are lost, and so is its first
 * line, which the selection enters at its end (its left edge). Such a
 * page is read whole from above and right of all its text, where poppler
 * starts at its first block, to below and left of it. Which of the two
 * fits a page is measured: each selection is a run of the page's text in
 * poppler's order, and the one with more boxes is kept (the top-left one
 * on a tie). */
static int page_text(const poppler_api *api, PopplerPage *page, char **t, PopplerRectangle **r, guint *nr)
{
    const double far = 1e6; /* points: beyond any page's edges */
    double w = 0, h = 0;
    api->get_size(page, &w, &h);
    PopplerRectangle areas[2] = {{0, 0, w, h}, {far, -far, -far, far}};
    PopplerRectangle *rs[2] = {NULL, NULL};
    guint ns[2] = {0, 0};
    for (int i = 0; i < 2; i++)
        if (!api->get_text_layout_for_area(page, &areas[i], &rs[i], &ns[i])) ns[i] = 0;
    int best = ns[1] > ns[0];
    api->free(rs[!best]);
    *t = ns[best] ? api->get_selected_text(page, POPPLER_SELECTION_GLYPH, &areas[best]) : NULL;
    if (!*t) {
        api->free(rs[best]);
        return -1;
    }
    *r = rs[best];
    *nr = ns[best];
    return 0;
}

/* The lines of one page into `text` and `ls`; adds to the character width
 * sums. */
static void page_lines(const poppler_api *api, PopplerPage *page, unsigned pno, pa_buf *text, pline **ls, size_t *n,
                       size_t *cap, double *wsum, double *wcols)
{
    char *t;
    PopplerRectangle *r;
    guint nr;
    if (page_text(api, page, &t, &r, &nr) != 0) return;
    size_t k = 0; /* character index into r */
    const char *p = t;
    while (*p) {
        const char *nl = strchr(p, '\n');
        const char *end = nl ? nl : p + strlen(p);
        pline l = {text->len, 0, INFINITY, -INFINITY, 0, INFINITY, -INFINITY, pno};
        int in_first = 1, seen = 0;
        size_t cl;
        for (const char *q = p; q < end; q += cl) {
            uint32_t c = pa_utf8_at(q, (size_t)(end - q), 0, &cl);
            if (is_bidi_embedding(c)) continue; /* no box of its own */
            if (k >= nr) break;
            const PopplerRectangle *b = &r[k++];
            if (c == ' ' || c == '\t' || c == 0xA0 || c == 0x3000 || (c >= 0x2000 && c <= 0x200B)) {
                if (seen) in_first = 0;
                continue;
            }
            seen = 1;
            if (b->x1 < l.x0) l.x0 = b->x1;
            if (b->x2 > l.x1) l.x1 = b->x2;
            if (b->y1 < l.y0) l.y0 = b->y1;
            if (b->y2 > l.y1) l.y1 = b->y2;
            if (in_first) l.fw = b->x2;
            int wide = pa_is_unspaced_char(c);
            *wsum += b->x2 - b->x1;
            *wcols += wide ? 2 : 1;
            if (wide && in_first) in_first = 0;
        }
        k++; /* the line feed has a box too */
        if (seen) {
            /* the rest of the line above? poppler cuts a justified line
             * whose word gaps are wide into pieces at the same height */
            pline *prev = *n && (*ls)[*n - 1].page == pno ? &(*ls)[*n - 1] : NULL;
            int rest = prev && same_line(prev, &l);
            if (rest) text->data[prev->e] = ' '; /* its line feed */
            append_without_embeddings(text, p, end);
            if (rest) {
                prev->e = text->len;
                if (l.x1 > prev->x1) prev->x1 = l.x1;
                if (l.y0 < prev->y0) prev->y0 = l.y0;
                if (l.y1 > prev->y1) prev->y1 = l.y1;
            } else {
                l.e = text->len;
                PA_GROW(*ls, *cap, *n + 1);
                (*ls)[(*n)++] = l;
            }
            pa_buf_putc(text, '\n');
        }
        if (!nl) break;
        p = nl + 1;
    }
    api->free(r);
    api->free(t);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* The placed lines: geometry in columns, a gap line before a line whose
 * distance from the one above exceeds 1.25 times the median. */
static pa_placed_line *place(const pline *ls, size_t n, double cw, size_t *m_out)
{
    double *xs = pa_malloc((n ? n : 1) * sizeof *xs), *ds = pa_malloc((n ? n : 1) * sizeof *ds);
    size_t nd = 0;
    for (size_t i = 0; i < n; i++) {
        xs[i] = ls[i].x0;
        if (i > 0 && ls[i].page == ls[i - 1].page && ls[i].y0 > ls[i - 1].y0) ds[nd++] = ls[i].y0 - ls[i - 1].y0;
    }
    qsort(xs, n, sizeof *xs, cmp_double);
    qsort(ds, nd, sizeof *ds, cmp_double);
    double margin = n ? xs[n / 10] : 0, lead = nd ? ds[nd / 2] : 0;
    pa_placed_line *out = pa_malloc((2 * n + 1) * sizeof *out);
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        const pline *l = &ls[i];
        if (i > 0 && l->page == ls[i - 1].page && lead > 0 && l->y0 - ls[i - 1].y0 > lead * 1.25)
            out[m++] = (pa_placed_line){l->a, l->a, 0, 0, 0, l->page, 1};
        double left = (l->x0 - margin) / cw;
        out[m++] = (pa_placed_line){l->a, l->e, left > 0 ? (int)lround(left) : 0, (int)lround((l->x1 - l->x0) / cw),
                                    (int)ceil((l->fw - l->x0) / cw), l->page, 0};
    }
    pa_free(xs);
    pa_free(ds);
    *m_out = m;
    return out;
}

/* Runs of spaces of s[0, n) made one, in place; returns the new length.
 * The Arabic repair moves the spaces of the gaps it closes next to the
 * word's own space (lamalef.h), which the text reader's reflow takes for
 * one and the placed lines here, already flowed, would keep. */
static size_t squeeze_spaces(char *s, size_t n)
{
    size_t w = 0;
    for (size_t i = 0; i < n; i++)
        if (!(s[i] == ' ' && w > 0 && s[w - 1] == ' ')) s[w++] = s[i];
    return w;
}

static int read_pdf(const char *bytes, size_t len, const pa_read_opts *o, pa_document *d, pa_error *err)
{
    poppler_api api;
    if (load_poppler(&api, d->name, err) != 0) return -1;
    GError *ge = NULL;
    GBytes *gb = api.bytes_new(bytes, len);
    PopplerDocument *doc = api.document_new_from_bytes(gb, NULL, &ge);
    api.bytes_unref(gb);
    if (!doc) {
        int enc = ge && ge->domain == api.error_quark() && ge->code == POPPLER_ERROR_ENCRYPTED;
        int rc = enc ? pa_error_set(err, PA_EINPUT, "%s: the PDF is encrypted (password-protected); not read", d->name)
                     : pa_error_set(err, PA_EINPUT, "%s is a PDF file that cannot be read, damaged or cut short (%s)", d->name,
                                    ge ? ge->message : "unreadable");
        if (ge) api.error_free(ge);
        return rc;
    }
    pa_buf text = PA_BUF_INIT;
    pline *ls = NULL;
    size_t n = 0, cap = 0;
    double wsum = 0, wcols = 0;
    int pages = api.get_n_pages(doc);
    for (int p = 0; p < pages; p++) {
        PopplerPage *page = api.get_page(doc, p);
        if (!page) continue;
        page_lines(&api, page, (unsigned)p, &text, &ls, &n, &cap, &wsum, &wcols);
        api.object_unref(page);
    }
    api.object_unref(doc);
    int rc = 0;
    if (n == 0 || wcols == 0) {
        rc = pa_error_set(err, PA_EINPUT, "%s: the PDF has no text layer (scanned pages?); run OCR on it first", d->name);
    } else {
        /* the lines' text as the text reader would clean it (NFC, controls out) */
        size_t m;
        pa_placed_line *pl = place(ls, n, wsum / wcols, &m);
        pa_buf flowed = PA_BUF_INIT;
        pa_reflow_placed(text.data, text.len, pl, m, d->lang, &flowed);
        pa_free(pl);
        pa_buf clean = PA_BUF_INIT;
        pa_text_opts to = {NULL, o ? o->max_bytes : 0, 0};
        rc = pa_decode_text(d->name, flowed.data, flowed.len, &to, &clean, err);
        pa_buf_free(&flowed);
        if (rc == 0) {
            size_t cl;
            char *c = pa_buf_detach(&clean, &cl);
            if (strcmp(d->lang, "ar") == 0) {
                pa_lamalef_fix(c, cl, o ? o->words : NULL);
                cl = squeeze_spaces(c, cl);
            }
            pa_document_set_text(d, c, cl);
            pa_document_split_paragraphs(d);
        }
        pa_buf_free(&clean);
    }
    pa_free(ls);
    pa_buf_free(&text);
    return rc;
}

const pa_reader pa_reader_pdf = {"pdf", PA_INPUT_PDF, read_pdf};
