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
 * one-line message saying so. In right-to-left words (Arabic) the page is
 * also drawn, through cairo, and its ink decides what poppler's text gets
 * wrong there, which pdftotext's text can only guess from the words
 * (text/lamalef.h): the order of a lam-alef ligature's two letters and
 * the spaces that justification leaves inside words (repair_by_ink).
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

#include <glib.h>
#include <math.h>
#include <poppler.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The functions of poppler-glib and GLib the reader calls, then those it
 * draws a page with (load_drawing): poppler_page_render and cairo's. */
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
    int can_draw; /* all of the below were found */
    void (*render)(PopplerPage *, cairo_t *);
    int (*stride_for_width)(cairo_format_t, int);
    cairo_surface_t *(*surface_for_data)(unsigned char *, cairo_format_t, int, int, int);
    cairo_status_t (*surface_status)(cairo_surface_t *);
    void (*surface_flush)(cairo_surface_t *);
    void (*surface_destroy)(cairo_surface_t *);
    cairo_t *(*cairo_create)(cairo_surface_t *);
    void (*cairo_scale)(cairo_t *, double, double);
    cairo_status_t (*cairo_status)(cairo_t *);
    void (*cairo_destroy)(cairo_t *);
} poppler_api;

/* Finds the functions that draw a page, which the text does not need:
 * poppler_page_render (absent from a poppler-glib built without cairo)
 * and cairo's own, through poppler-glib's handle (it links cairo).
 * api->can_draw is 0 when one is missing: no page is drawn, and the
 * text's guesses (lamalef.h) stand in for the ink. */
static void load_drawing(poppler_api *api)
{
    const pa_dynsym syms[] = {
        {&api->render, "poppler_page_render"},
        {&api->stride_for_width, "cairo_format_stride_for_width"},
        {&api->surface_for_data, "cairo_image_surface_create_for_data"},
        {&api->surface_status, "cairo_surface_status"},
        {&api->surface_flush, "cairo_surface_flush"},
        {&api->surface_destroy, "cairo_surface_destroy"},
        {&api->cairo_create, "cairo_create"},
        {&api->cairo_scale, "cairo_scale"},
        {&api->cairo_status, "cairo_status"},
        {&api->cairo_destroy, "cairo_destroy"},
    };
    api->can_draw = pa_dynlib_find(api->lib, syms, sizeof syms / sizeof *syms) == NULL;
}

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
    if (api->lib) {
        load_drawing(api);
        return 0;
    }
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

/* A character of a page's text: its code point and bytes in poppler's
 * text, the box poppler gives at its place and its own box (below). */
typedef struct pchar {
    uint32_t c;
    size_t at, n;                /* bytes in the text; n 0: a word space put back, " " */
    const PopplerRectangle *box; /* poppler's box at its place (NULL: none) */
    PopplerRectangle own;        /* its own box (none: all zero) */
    unsigned word;               /* the right-to-left word it is in, 0: none */
    unsigned char out;           /* left out of the text: a space inside a word */
} pchar;

/* The characters of a page's text `t` and their boxes `r` (`nr`: one a
 * character but the bidirectional embeddings, in the text's order) into
 * *cs (*n). poppler gives a right-to-left word in reading order inside an
 * embedding (U+202B ... U+202C): its characters reversed from the order
 * they were drawn in, but for the left-to-right runs inside it (digits,
 * a full stop: U+202A ... U+202C), which keep theirs; its boxes stay in
 * drawing order, left to right. So in such a word (`word` numbers them)
 * the k-th character's own box is the k-th box from its end, and in a
 * run inside it the k-th from the run's end of those. A word with deeper
 * embeddings is left unnumbered. An embedding closing where the next
 * opens is the word space poppler leaves out: a space without a box. */
static pchar *page_chars(const char *t, const PopplerRectangle *r, guint nr, size_t *n_out)
{
    size_t len = strlen(t), n = 0, cap = 0, k = 0, start = 0, cl;
    size_t runs[16][2], nruns = 0; /* the left-to-right runs of the word */
    pchar *cs = NULL;
    unsigned words = 0;
    int depth = 0, plain = 0;
    for (size_t i = 0; i < len; i += cl) {
        uint32_t c = pa_utf8_at(t, len, i, &cl);
        if (c == 0x202C) {
            if (depth == 2 && plain) runs[nruns - 1][1] = n;
            if (depth > 0 && --depth == 0 && plain && n > start) {
                size_t e = n;
                words++;
                for (size_t j = start; j < e; j++) cs[j].own = *cs[start + e - 1 - j].box, cs[j].word = words;
                for (size_t q = 0; q < nruns; q++) /* back in drawing order: mirrored twice */
                    for (size_t j = runs[q][0]; j < runs[q][1]; j++)
                        cs[j].own = *cs[start + e - 1 - (runs[q][0] + runs[q][1] - 1 - j)].box;
            }
            if (depth == 0 && pa_utf8_at(t, len, i + cl, NULL) == 0x202B) {
                PA_GROW(cs, cap, n + 1);
                cs[n++] = (pchar){' ', i, 0, NULL, {0, 0, 0, 0}, 0, 0};
            }
            continue;
        }
        if (is_bidi_embedding(c)) {
            if (depth == 0) start = n, plain = c == 0x202B, nruns = 0;
            else if (depth == 1 && c == 0x202A && nruns < sizeof runs / sizeof *runs) runs[nruns][0] = runs[nruns][1] = n, nruns++;
            else plain = 0;
            depth++;
            continue;
        }
        const PopplerRectangle *b = k < nr ? &r[k] : NULL;
        k++;
        if (depth > 0 && (!b || c == '\n')) plain = 0;
        PA_GROW(cs, cap, n + 1);
        cs[n++] = (pchar){c, i, cl, b, b ? *b : (PopplerRectangle){0, 0, 0, 0}, 0, 0};
    }
    *n_out = n;
    return cs;
}

/* A page drawn on white by cairo (CAIRO_FORMAT_RGB24): a pixel is a
 * uint32_t in the machine's byte order, 0xXXRRGGBB, so which byte of the
 * four holds a colour depends on that order; ink_at reads the whole word.
 * `floor` has a byte a row, for least_ink. */
typedef struct ink_image {
    unsigned char *px, *floor;
    int w, h, stride;
    double scale; /* pixels a point */
} ink_image;

/* The ink of pixel (x, y): 0 (paper, white) to 255 (black), 255 less its
 * luma (Rec. 601 weights in 256ths); a grey's ink is 255 less its level. */
static unsigned ink_at(const ink_image *im, int x, int y)
{
    uint32_t v;
    memcpy(&v, im->px + (size_t)y * (size_t)im->stride + 4 * (size_t)x, sizeof v);
    return 255u - ((77u * (v >> 16 & 0xFF) + 150u * (v >> 8 & 0xFF) + 29u * (v & 0xFF)) >> 8);
}

/* The largest image drawn: 2^23 pixels (32 MiB at 4 bytes a pixel), each
 * side at most cairo's 32,767 pixels. */
#define INK_MAX_PIXELS 8388608.0
#define INK_MAX_SIDE 32767.0

/* Draws `page` on white into `im`: 3 pixels a point, fewer on a page whose
 * image would exceed INK_MAX_PIXELS once its sides are rounded up to whole
 * pixels, none under 2 (-1); a side longer than INK_MAX_SIDE pixels is cut
 * there (what lies beyond is not measured: least_ink). Returns 0, or -1
 * when it could not be drawn (or cairo was not found: load_drawing). */
static int ink_draw(const poppler_api *api, PopplerPage *page, ink_image *im)
{
    double w = 0, h = 0;
    if (!api->can_draw) return -1;
    api->get_size(page, &w, &h);
    if (!(w > 0 && h > 0 && isfinite(w) && isfinite(h) && isfinite(w * h))) return -1;
    /* the largest s with (w s + 1)(h s + 1) <= INK_MAX_PIXELS, the most
     * the rounded sides can take: w h s^2 + (w + h) s + 1 - max = 0 */
    double b = w + h, s = (sqrt(b * b + 4 * w * h * (INK_MAX_PIXELS - 1)) - b) / (2 * w * h);
    if (!(s >= 2)) return -1;
    if (s > 3) s = 3;
    double pw = fmin(fmax(ceil(w * s), 1), INK_MAX_SIDE), ph = fmin(fmax(ceil(h * s), 1), INK_MAX_SIDE);
    if (pw * ph > INK_MAX_PIXELS) return -1; /* not reached: (w s + 1)(h s + 1) bounds it */
    im->w = (int)pw, im->h = (int)ph, im->scale = s;
    im->stride = api->stride_for_width(CAIRO_FORMAT_RGB24, im->w);
    if (im->stride < 4 * im->w) return -1;
    size_t size = (size_t)im->stride * (size_t)im->h;
    im->px = pa_malloc(size + (size_t)im->h);
    im->floor = im->px + size;
    memset(im->px, 0xFF, size);
    cairo_surface_t *sf = api->surface_for_data(im->px, CAIRO_FORMAT_RGB24, im->w, im->h, im->stride);
    int rc = -1;
    if (api->surface_status(sf) == CAIRO_STATUS_SUCCESS) {
        cairo_t *cr = api->cairo_create(sf);
        api->cairo_scale(cr, s, s);
        api->render(page, cr);
        rc = api->cairo_status(cr) == CAIRO_STATUS_SUCCESS ? 0 : -1;
        api->cairo_destroy(cr);
        api->surface_flush(sf);
    }
    api->surface_destroy(sf);
    if (rc != 0) {
        pa_free(im->px);
        im->px = im->floor = NULL;
    }
    return rc;
}

/* The pixel index `v` (a whole number of pixels, or not a number) held to
 * [lo, hi], NaN to lo: a box's edges may lie anywhere, or nowhere. */
static int pixel_in(double v, int lo, int hi)
{
    return !(v > lo) ? lo : v < hi ? (int)v : hi;
}

/* The least ink of the pixel columns from x0 to x1 (points), each summed
 * over the rows from y0 to y1, in points (a column of black as tall as
 * the rows gives y1 - y0), into *ink. Ink is counted above the paper,
 * which is each row's least ink in a reference span (refs[k][0] to
 * refs[k][1], their columns that the span does not touch), the darkest of
 * the `nrefs` spans' where they differ: a shading, a highlight or an
 * underline under a reference then carries none, and the strokes of
 * glyphs, which leave paper somewhere along every row of a word, theirs.
 * What is above the paper counts in proportion to what black would add
 * (on paper as dark as middle grey or darker, as on middle grey), so that
 * a glyph on grey carries what it does on white. Returns 0, or -1 when
 * there is nothing to measure: no whole pixel column of the span, or no
 * row, on the image (a box off the page or off the part drawn, empty, or
 * not a number). */
static int least_ink(ink_image *im, double x0, double x1, double y0, double y1, const double (*refs)[2], int nrefs,
                     double *ink)
{
    const double s = im->scale;
    if (!(x0 <= x1 && y0 < y1)) return -1;
    int a = pixel_in(ceil(x0 * s), 0, im->w), e = pixel_in(floor(x1 * s), -1, im->w - 1);
    int top = pixel_in(floor(y0 * s), 0, im->h), bottom = pixel_in(ceil(y1 * s), 0, im->h);
    if (a > e || top >= bottom) return -1;
    /* the paper: the darkest of the references' lightest pixels, taken
     * from their whole columns off the span's (even in part) */
    int ia = pixel_in(floor(x0 * s), 0, im->w), ie = pixel_in(ceil(x1 * s), -1, im->w - 1);
    memset(im->floor + top, 0, (size_t)(bottom - top));
    for (int k = 0; k < nrefs; k++) {
        int ra = pixel_in(ceil(refs[k][0] * s), 0, im->w), re = pixel_in(floor(refs[k][1] * s), -1, im->w - 1);
        for (int y = top; y < bottom; y++) {
            unsigned least = 255, any = 0;
            for (int x = ra; x <= re && least > im->floor[y]; x++) {
                if (x >= ia && x <= ie) x = ie + 1;
                if (x > re) break;
                unsigned v = ink_at(im, x, y);
                if (v < least) least = v;
                any = 1;
            }
            if (any && least > im->floor[y]) im->floor[y] = (unsigned char)least;
        }
    }
    double least = INFINITY;
    for (int x = a; x <= e; x++) {
        double sum = 0;
        for (int y = top; y < bottom; y++) {
            unsigned v = ink_at(im, x, y), f = im->floor[y];
            if (v > f) sum += (double)(v - f) / (f < 128 ? 255 - f : 127);
        }
        if (sum < least) least = sum;
    }
    *ink = least / s;
    return 0;
}

static int is_alef_letter(uint32_t c) { return c == 0x627 || c == 0x623 || c == 0x625 || c == 0x622; }

static int is_arabic_letter(uint32_t c) { return c >= 0x621 && c <= 0x64A; }

static int is_arabic_mark(uint32_t c) { return (c >= 0x64B && c <= 0x65F) || c == 0x670; }

/* The end of the line of poppler's text starting at cs[a]: its '\n', or n. */
static size_t line_end(const pchar *cs, size_t a, size_t n)
{
    while (a < n && cs[a].c != '\n') a++;
    return a;
}

/* Whether box `b` has numbers for edges (a damaged file's may not). */
static int box_finite(const PopplerRectangle *b)
{
    return isfinite(b->x1) && isfinite(b->x2) && isfinite(b->y1) && isfinite(b->y2);
}

/* Whether a right-to-left word's text order alef + lam at cs[i], cs[i+1]
 * may be a lam-alef ligature poppler split and reversed: two boxes side by
 * side, the lam's left of the alef's. */
static int lamalef_candidate(const pchar *cs, size_t i, size_t n)
{
    if (i + 1 >= n || !cs[i].word || cs[i + 1].word != cs[i].word) return 0;
    if (!is_alef_letter(cs[i].c) || cs[i + 1].c != 0x644) return 0;
    const PopplerRectangle *alef = &cs[i].own, *lam = &cs[i + 1].own;
    double h = lam->y2 - lam->y1;
    return h > 0 && lam->x2 > lam->x1 && alef->x2 > alef->x1 && fabs(lam->x2 - alef->x1) < 0.05 * h;
}

/* The extent of the letters among cs[a, e) (their own boxes) into *x0,
 * *x1, *y0, *y1; 0 when there is none. */
static int word_letters(const pchar *cs, size_t a, size_t e, double *x0, double *x1, double *y0, double *y1)
{
    int any = 0;
    for (size_t j = a; j < e; j++) {
        if (!is_arabic_letter(cs[j].c)) continue;
        const PopplerRectangle *b = &cs[j].own;
        if (!any || b->x1 < *x0) *x0 = b->x1;
        if (!any || b->x2 > *x1) *x1 = b->x2;
        if (!any || b->y1 < *y0) *y0 = b->y1;
        if (!any || b->y2 > *y1) *y1 = b->y2;
        any = 1;
    }
    return any;
}

/* The end of the right-to-left word starting at cs[a]. */
static size_t word_end(const pchar *cs, size_t a, size_t n)
{
    size_t e = a;
    while (e < n && cs[e].word == cs[a].word) e++;
    return e;
}

/* Whether the page's text needs its image: a right-to-left word holding
 * alef + lam as read, or two Arabic words side by side. */
static int needs_ink(const pchar *cs, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (lamalef_candidate(cs, i, n) ||
            (cs[i].c == ' ' && i > 0 && i + 1 < n && cs[i - 1].word && cs[i + 1].word && is_arabic_letter(cs[i - 1].c)))
            return 1;
    return 0;
}

/* The start of the right-to-left word holding cs[i], not before cs[a]. */
static size_t word_start(const pchar *cs, size_t a, size_t i)
{
    while (i > a && cs[i - 1].word == cs[i].word) i--;
    return i;
}

/* Puts back, by the ink of the page, what poppler's text gets wrong in
 * right-to-left words (lamalef.h). Measured on the UDHR typeset by
 * LibreOffice (a line's box 14.3 points tall, drawn at 3 pixels a point;
 * 136 ligatures, 354 alef + lam, 227 kashida gaps, 1,151 other gaps):
 *   - a lam-alef ligature is one glyph that maps to two characters: poppler
 *     splits its box in two and reverses the pair with the word (alef +
 *     lam as read). Drawn, it is one shape: every pixel column about the
 *     middle of its box carries ink (1.66 points at least, summed down the
 *     column). An alef + lam that are two glyphs were written so: alef
 *     joins no letter after it, and paper shows between the two (0.43
 *     points of edge ink at most). A sixteenth of the line's height
 *     decides; a ligature's letters are put in order.
 *   - where justification stretched a word between two joined letters (a
 *     kashida), poppler sees two words and writes a space: across that gap
 *     the kashida's stroke inks every column (0.65 points at least, read
 *     from an eighth of the line's height below its top to an eighth above
 *     its bottom, where a highlight of the next line may reach), a word
 *     space leaves paper (none); a forty-eighth of the line's height
 *     decides, in a line that also holds a blank gap. Letters that touch
 *     (less than a sixteenth of the line's height apart: a word poppler
 *     cut at a mark drawn on its own) are one word too.
 * Ink is counted above the paper (least_ink): for a pair, a row's lightest
 * pixel in its word, for a gap the darker of the two words' (each a
 * sixteenth of the line's height in from its outer end, where a shading
 * may stop a pixel short). Counted from white, a shaded paragraph, a
 * highlight or an underline inked every gap between two glyphs as a
 * ligature's middle and every word space as a kashida (the UDHR with its
 * body shaded grey, highlighted pink and underlined bold, and some words
 * highlighted dark grey and underlined twice: 689 of its 1,533 Arabic
 * words read were not the page's; 7 of 1,306 now, as unshaded). So drawn,
 * a ligature still has 1.66 points at least, two glyphs 0.50 at most, a
 * kashida 0.60 at least, a word space none. A line without a blank gap
 * still decides no gap. A space before a word of marks only goes (no word
 * starts with a mark). Returns how many pairs and gaps had nothing to
 * measure (a box off the image), left as poppler gave them. */
static size_t repair_by_ink(ink_image *im, pchar *cs, size_t n)
{
    size_t unknown = 0;
    for (size_t i = 0; i < n; i++) {
        if (!lamalef_candidate(cs, i, n)) continue;
        const PopplerRectangle *alef = &cs[i].own, *lam = &cs[i + 1].own;
        double h = lam->y2 - lam->y1, mid = lam->x2, wx0 = mid, wx1 = mid, wy0 = 0, wy1 = 0, ink;
        word_letters(cs, word_start(cs, 0, i), word_end(cs, i, n), &wx0, &wx1, &wy0, &wy1);
        const double word[1][2] = {{wx0 + h / 16, wx1 - h / 16}};
        if (least_ink(im, mid - 0.3 * (lam->x2 - lam->x1), mid + 0.3 * (alef->x2 - alef->x1), lam->y1, lam->y2, word, 1,
                      &ink) != 0) {
            unknown++;
            continue;
        }
        if (ink < h / 16) continue;
        pchar x = cs[i];
        cs[i].c = cs[i + 1].c, cs[i].at = cs[i + 1].at, cs[i].n = cs[i + 1].n;
        cs[i + 1].c = x.c, cs[i + 1].at = x.at, cs[i + 1].n = x.n;
        i++;
    }
    /* the gaps, a line at a time: first whether the line has a blank one */
    for (size_t a = 0; a < n;) {
        size_t e = line_end(cs, a, n);
        for (int pass = 0, blank = 0; pass < 2; pass++) {
            for (size_t i = a + 1; i + 1 < e; i++) {
                if (cs[i].c != ' ' || !cs[i - 1].word || !cs[i + 1].word || cs[i - 1].word == cs[i + 1].word) continue;
                size_t wa = word_start(cs, a, i - 1), we = word_end(cs, i + 1, e);
                double rx0, rx1, ry0, ry1, lx0, lx1, ly0, ly1, ink;
                int marks = 1;
                for (size_t j = i + 1; j < we; j++) marks &= is_arabic_mark(cs[j].c);
                if (marks) {
                    cs[i].out = 1;
                    continue;
                }
                if (!word_letters(cs, wa, i, &rx0, &rx1, &ry0, &ry1) || !word_letters(cs, i + 1, we, &lx0, &lx1, &ly0, &ly1))
                    continue;
                double y0 = fmin(ry0, ly0), y1 = fmax(ry1, ly1), h = y1 - y0, gap = rx0 - lx1;
                if (h <= 0 || fabs(gap) > h || fmin(ry1, ly1) - fmax(ry0, ly0) < h / 2) continue; /* not side by side */
                if (fabs(gap) < h / 16) {
                    cs[i].out = 1; /* letters that touch: no word space */
                    continue;
                }
                if (gap < 0) continue;
                const double words[2][2] = {{lx0 + h / 16, lx1}, {rx0, rx1 - h / 16}};
                if (least_ink(im, lx1, rx0, y0 + h / 8, y1 - h / 8, words, 2, &ink) != 0) {
                    unknown += !pass;
                    continue;
                }
                if (!pass) blank |= ink == 0;
                else if (blank && ink >= h / 48) cs[i].out = 1;
            }
            if (!pass && !blank) break;
        }
        a = e + 1;
    }
    return unknown;
}

/* A line of poppler's text, cs[a, e) ('\n' at e, or the text's end), as
 * a piece of a printed line: the extent of its Arabic letters' own boxes
 * (x0, x1), of its marks' (mx0, mx1) and of all its boxes (y0, y1). */
typedef struct piece {
    size_t a, e;
    double x0, x1, mx0, mx1, y0, y1;
    int rtl;        /* Arabic letters, as many as its other characters at least */
    int marks_only; /* Arabic marks and nothing else */
} piece;

static piece measure_piece(const pchar *cs, size_t a, size_t e)
{
    piece p = {a, e, INFINITY, -INFINITY, INFINITY, -INFINITY, INFINITY, -INFINITY, 0, 0};
    size_t letters = 0, marks = 0, other = 0;
    for (size_t j = a; j < e; j++) {
        const PopplerRectangle *b = &cs[j].own;
        if (!cs[j].n || !cs[j].box || cs[j].c == ' ') continue;
        if (!box_finite(b)) return p;
        if (is_arabic_letter(cs[j].c)) {
            letters++;
        } else if (is_arabic_mark(cs[j].c)) {
            marks++;
            p.mx0 = fmin(p.mx0, b->x1), p.mx1 = fmax(p.mx1, b->x2);
        } else {
            other++;
        }
        p.y0 = fmin(p.y0, b->y1), p.y1 = fmax(p.y1, b->y2);
    }
    double ly0, ly1;
    if (letters) word_letters(cs, a, e, &p.x0, &p.x1, &ly0, &ly1);
    p.rtl = letters > 0 && letters >= other;
    p.marks_only = marks > 0 && letters == 0 && other == 0;
    return p;
}

/* Whether piece `p` is more of the printed right-to-left line whose
 * pieces so far span `g`: at its height (sharing half the smaller
 * height), its letters next to an end of the line so far (half a line's
 * height apart at most: a column's gutter is wider) or, marks alone, over
 * its letters. */
static int continues_row(const piece *g, const piece *p)
{
    double h = fmin(g->y1 - g->y0, p->y1 - p->y0), tol = h / 2;
    if (!(h > 0) || fmin(g->y1, p->y1) - fmax(g->y0, p->y0) < h / 2) return 0;
    if (p->marks_only) return p->mx0 >= g->x0 - tol && p->mx1 <= g->x1 + tol;
    return p->rtl && (fabs(p->x0 - g->x1) <= tol || fabs(g->x0 - p->x1) <= tol);
}

static int cmp_piece_right(const void *a, const void *b)
{
    const piece *x = a, *y = b;
    return x->x1 > y->x1 ? -1 : x->x1 < y->x1;
}

/* The Arabic letter among row[0, n) whose own box holds the left edge of
 * mark `m`'s, or else the nearest; n when the row has no letter. */
static size_t mark_host(const pchar *row, size_t n, const pchar *m)
{
    size_t best = n;
    double best_d = INFINITY, x = m->own.x1;
    for (size_t j = 0; j < n; j++) {
        if (!is_arabic_letter(row[j].c)) continue;
        double d = x < row[j].own.x1 ? row[j].own.x1 - x : x > row[j].own.x2 ? x - row[j].own.x2 : 0;
        if (d < best_d) best = j, best_d = d;
    }
    return best;
}

/* Appends the pieces ps[0, np) of one printed right-to-left line to *out
 * (*n, *cap), right to left with a word space between two, then puts each
 * mark that stood alone where poppler cut the line (a piece of marks
 * only, or a word of marks only ending a piece) after the letter under
 * it. */
static void emit_row(const pchar *cs, piece *ps, size_t np, pchar **out, size_t *n, size_t *cap)
{
    qsort(ps, np, sizeof *ps, cmp_piece_right);
    size_t start = *n, nm = 0, capm = 0;
    pchar *marks = NULL;
    for (size_t k = 0; k < np; k++) {
        size_t a = ps[k].a, e = ps[k].e;
        if (ps[k].marks_only) { /* a piece of marks: each set aside */
            for (size_t j = a; j < e; j++) {
                if (!is_arabic_mark(cs[j].c)) continue;
                PA_GROW(marks, capm, nm + 1);
                marks[nm++] = cs[j];
            }
            continue;
        }
        if (*n > start && (*out)[*n - 1].c != ' ') {
            PA_GROW(*out, *cap, *n + 1);
            (*out)[(*n)++] = (pchar){' ', cs[a].at, 0, NULL, {0, 0, 0, 0}, 0, 0};
        }
        for (size_t j = a; j < e; j++) {
            size_t w = j;
            while (w < e && is_arabic_mark(cs[w].c)) w++;
            if (w > j && w == e && j > a && cs[j - 1].c == ' ') {
                /* a word of marks only that ends the piece, where poppler
                 * cut the word it belongs to: set aside, with its space
                 * (inside a piece, it follows its word, as read) */
                if (*n > start && (*out)[*n - 1].c == ' ') (*n)--;
                for (; j < w; j++) {
                    PA_GROW(marks, capm, nm + 1);
                    marks[nm++] = cs[j];
                }
                j = w - 1;
                continue;
            }
            if (cs[j].c == ' ' && *n > start && (*out)[*n - 1].c == ' ') continue;
            PA_GROW(*out, *cap, *n + 1);
            (*out)[(*n)++] = cs[j];
        }
    }
    for (size_t q = 0; q < nm; q++) {
        size_t len = *n - start, h = mark_host(*out + start, len, &marks[q]);
        PA_GROW(*out, *cap, *n + 1);
        pchar *row = *out + start;
        if (h == len) { /* no letter in the row: the marks stay at its end */
            row[len] = marks[q];
        } else {
            while (h + 1 < len && is_arabic_mark(row[h + 1].c)) h++;
            memmove(row + h + 2, row + h + 1, (len - h - 1) * sizeof *row);
            row[h + 1] = marks[q];
            row[h + 1].word = row[h].word;
        }
        (*n)++;
    }
    pa_free(marks);
}

/* The end of the printed line whose first piece is ps[i]: the pieces
 * after it that continue it (continues_row) up to k, returned. */
static size_t row_end(const piece *ps, size_t np, size_t i)
{
    piece g = ps[i];
    size_t k = i + 1;
    while (g.rtl && k < np && continues_row(&g, &ps[k])) {
        if (!ps[k].marks_only) g.x0 = fmin(g.x0, ps[k].x0), g.x1 = fmax(g.x1, ps[k].x1);
        g.y0 = fmin(g.y0, ps[k].y0), g.y1 = fmax(g.y1, ps[k].y1);
        k++;
    }
    return k;
}

/* poppler cuts a justified right-to-left line into pieces where a vowel
 * mark stands apart (the tanween of أحرارًا, وضميرًا, بعضًا in the UDHR's
 * Article 1 as LibreOffice sets it) and gives them as lines of their own,
 * out of the line's order, the mark a piece or a word of its own. The
 * pieces of one printed line (consecutive in poppler's text, at one
 * height, each next to an end of the line so far, or marks over its
 * letters) are put back in one line, right to left, and each such mark
 * after the letter under it; the ink then decides the joins between the
 * pieces (repair_by_ink). Returns the characters, *n of them now; cs is
 * taken. */
static pchar *join_rtl_pieces(pchar *cs, size_t *n)
{
    if (*n == 0) return cs; /* no text (cs may be NULL) */
    size_t np = 0, capp = 0, m = 0, cap = 0, cut = 0;
    piece *ps = NULL;
    for (size_t a = 0; a <= *n;) {
        size_t e = line_end(cs, a, *n);
        PA_GROW(ps, capp, np + 1);
        ps[np++] = measure_piece(cs, a, e);
        a = e + 1;
    }
    for (size_t i = 0; i < np && !cut;) {
        size_t k = row_end(ps, np, i);
        cut = k - i > 1;
        i = k;
    }
    if (!cut) { /* nothing cut: the characters as they were */
        pa_free(ps);
        return cs;
    }
    pchar *out = NULL;
    for (size_t i = 0; i < np;) {
        size_t k = row_end(ps, np, i), last = ps[k - 1].e;
        if (k - i > 1) {
            emit_row(cs, ps + i, k - i, &out, &m, &cap);
        } else {
            PA_GROW(out, cap, m + (ps[i].e - ps[i].a) + 1);
            memcpy(out + m, cs + ps[i].a, (ps[i].e - ps[i].a) * sizeof *out);
            m += ps[i].e - ps[i].a;
        }
        if (last < *n) {
            PA_GROW(out, cap, m + 1);
            out[m++] = cs[last]; /* its '\n' */
        }
        i = k;
    }
    pa_free(ps);
    pa_free(cs);
    *n = m;
    return out;
}

/* A page's text and boxes from poppler (page_text), GLib's memory, held
 * while the reader allocates its own: drop_page_text frees them, and so
 * does a failing allocation (pa_alloc_defer). */
typedef struct page_glib {
    void (*free)(gpointer);
    char *t;
    PopplerRectangle *r;
} page_glib;

static void drop_page_text(void *p)
{
    page_glib *g = p;
    g->free(g->r);
    g->free(g->t);
}

/* The lines of one page into `text` and `ls`; adds to the character width
 * sums. A page whose right-to-left words need it is drawn and its
 * ligatures and gaps put right (repair_by_ink). *settled is cleared when
 * the ink did not decide all the page's Arabic: the page could not be
 * drawn, a box there had nothing to measure, or Arabic letters lie
 * outside the right-to-left words page_chars numbers (which alone are
 * repaired). */
static void page_lines(const poppler_api *api, PopplerPage *page, unsigned pno, pa_buf *text, pline **ls, size_t *n,
                       size_t *cap, double *wsum, double *wcols, int *settled)
{
    page_glib g = {api->free, NULL, NULL};
    guint nr;
    if (page_text(api, page, &g.t, &g.r, &nr) != 0) return;
    pa_alloc_defer(drop_page_text, &g);
    const char *t = g.t;
    size_t nc;
    pchar *cs = join_rtl_pieces(page_chars(t, g.r, nr, &nc), &nc);
    for (size_t j = 0; j < nc; j++)
        if (!cs[j].word && is_arabic_letter(cs[j].c)) *settled = 0;
    if (needs_ink(cs, nc)) {
        ink_image im;
        if (ink_draw(api, page, &im) == 0) {
            if (repair_by_ink(&im, cs, nc)) *settled = 0;
            pa_free(im.px);
        } else {
            *settled = 0;
        }
    }
    for (size_t a = 0; a < nc;) {
        size_t e = line_end(cs, a, nc);
        pline l = {text->len, 0, INFINITY, -INFINITY, 0, INFINITY, -INFINITY, pno};
        int in_first = 1, seen = 0;
        for (size_t j = a; j < e; j++) {
            uint32_t c = cs[j].c;
            const PopplerRectangle *b = cs[j].box;
            if (cs[j].n == 0) continue; /* the word space put back: no box */
            if (!b) break;
            if (!box_finite(b)) continue;
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
        if (seen) {
            /* the rest of the line above? poppler cuts a justified line
             * whose word gaps are wide into pieces at the same height */
            pline *prev = *n && (*ls)[*n - 1].page == pno ? &(*ls)[*n - 1] : NULL;
            int rest = prev && same_line(prev, &l);
            if (rest) text->data[prev->e] = ' '; /* its line feed */
            for (size_t j = a; j < e; j++) {
                if (cs[j].out) continue;
                if (cs[j].n) pa_buf_append(text, t + cs[j].at, cs[j].n);
                else pa_buf_putc(text, ' ');
            }
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
        a = e + 1;
    }
    pa_free(cs);
    pa_alloc_undefer(&g);
    drop_page_text(&g);
}

/* A distance of `points` in columns of `cw` points, rounded (up when
 * `up`): 0 where it is not a positive number (a damaged file's boxes can
 * be NaN or infinite, and a page whose letters have no width gives no
 * column width), at most 2^20, which no line reaches: a double outside
 * int's range must not be converted. */
static int columns(double points, double cw, int up)
{
    double v = points / cw;
    if (!(v > 0)) return 0;
    if (v > 1048576) return 1048576;
    return (int)(up ? ceil(v) : lround(v));
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* The distance from line `a` down to line `b` (on one page, below it) in
 * heights of `a`'s box, which a font's size sets: 0 when not measured. */
static double pitch(const pline *a, const pline *b)
{
    double h = a->y1 - a->y0;
    return a->page == b->page && b->y0 > a->y0 && h > 0 ? (b->y0 - a->y0) / h : 0;
}

/* The placed lines: geometry in columns, a gap line before a line whose
 * distance from the one above, in heights of that line, exceeds 1.25 times
 * the lower quartile of those distances: the pitch of lines inside a
 * paragraph, which the median is not where most paragraphs are a line or
 * two (the UDHR: the median was the paragraphs' spacing, and no gap was
 * seen); in heights, so that footnotes set smaller have the body's
 * pitch. */
static pa_placed_line *place(const pline *ls, size_t n, double cw, size_t *m_out)
{
    double *xs = pa_malloc((n ? n : 1) * sizeof *xs), *ds = pa_malloc((n ? n : 1) * sizeof *ds);
    size_t nd = 0;
    for (size_t i = 0; i < n; i++) {
        xs[i] = ls[i].x0;
        double d = i > 0 ? pitch(&ls[i - 1], &ls[i]) : 0;
        if (d > 0) ds[nd++] = d;
    }
    qsort(xs, n, sizeof *xs, cmp_double);
    qsort(ds, nd, sizeof *ds, cmp_double);
    double margin = n ? xs[n / 10] : 0, lead = nd ? ds[nd / 4] : 0;
    pa_placed_line *out = pa_malloc((2 * n + 1) * sizeof *out);
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        const pline *l = &ls[i];
        if (i > 0 && lead > 0 && pitch(&ls[i - 1], l) > lead * 1.25)
            out[m++] = (pa_placed_line){l->a, l->a, 0, 0, 0, l->page, 1};
        out[m++] = (pa_placed_line){l->a,
                                    l->e,
                                    columns(l->x0 - margin, cw, 0),
                                    columns(l->x1 - l->x0, cw, 0),
                                    columns(l->fw - l->x0, cw, 1),
                                    l->page,
                                    0};
    }
    pa_free(xs);
    pa_free(ds);
    *m_out = m;
    return out;
}

/* Runs of spaces of the NUL-terminated s[0, n) made one, in place;
 * returns the new length, and the text stays terminated there (a
 * document's text is, and a shorter text left the old end's NUL behind).
 * The Arabic repair moves the spaces of the gaps it closes next to the
 * word's own space (lamalef.h), which the text reader's reflow takes for
 * one and the placed lines here, already flowed, would keep. */
static size_t squeeze_spaces(char *s, size_t n)
{
    size_t w = 0;
    for (size_t i = 0; i < n; i++)
        if (!(s[i] == ' ' && w > 0 && s[w - 1] == ' ')) s[w++] = s[i];
    s[w] = '\0';
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
    /* poppler's objects are not our memory: unreferenced if ours runs out */
    pa_alloc_defer(api.object_unref, doc);
    pa_buf text = PA_BUF_INIT;
    pline *ls = NULL;
    size_t n = 0, cap = 0;
    double wsum = 0, wcols = 0;
    int pages = api.get_n_pages(doc), settled = 1;
    for (int p = 0; p < pages; p++) {
        PopplerPage *page = api.get_page(doc, p);
        if (!page) continue;
        pa_alloc_defer(api.object_unref, page);
        page_lines(&api, page, (unsigned)p, &text, &ls, &n, &cap, &wsum, &wcols, &settled);
        pa_alloc_undefer(page);
        api.object_unref(page);
    }
    pa_alloc_undefer(doc);
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
            /* the pages' ink decided the ligatures and gaps, and the
             * text's guesses (lamalef.h) could only undo that; they run
             * when a page that needed it could not be drawn (for the
             * whole text: they look for reversal on it all) */
            if (strcmp(d->lang, "ar") == 0 && !settled) {
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
