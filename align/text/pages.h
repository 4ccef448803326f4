/* pages.h - what a printed page holds besides its body text.
 *
 * Text from a PDF (pdftotext, which ends every page with a form feed, or
 * poppler's text layout) carries each page's running head and foot and its
 * footnotes. They must not become units, nor run into the paragraph a page
 * break cuts. Working on the lines of the pages only (no geometry):
 *
 *  - running heads and feet: the lines at the top and bottom of a page
 *    (up to three from each edge, taken from the edge inwards while they
 *    qualify) that repeat, digits aside, on at least half of the pages
 *    (two at least), or that consist only of page numbers ("3", "3/8",
 *    "- 3 -", "Page 3 of 8"), job numbers ("GE.18-14958", "18-14958 (C)",
 *    "*1814958*") and document symbols ("A/HRC/39/L.1", "S/RES/2310
 *    (2016)"), in fields separated by runs of spaces as pdftotext -layout
 *    writes them; bidirectional controls are ignored;
 *  - footnotes: on a page whose body holds the reference mark of the next
 *    footnote number (digits glued to a word or punctuation:
 *    "Development,8"), the lines from the first one that starts with that
 *    number ("8 See", "8See") to the page's foot.
 *
 * Repetitions are counted in a hash table of the lines' keys: linear time.
 */
#ifndef PA_PAGES_H
#define PA_PAGES_H

#include <stddef.h>

/* A line's role on its page. */
enum { PA_LINE_BODY = 0, PA_LINE_FURNITURE = 1, PA_LINE_NOTE = 2, PA_LINE_NOTE_START = 3 };

/* A line as pages.c sees it: its bytes in the text, its page, whether it
 * is blank. */
typedef struct pa_page_line {
    size_t a, e;
    unsigned page;
    unsigned char blank;
} pa_page_line;

/* Sets role[i] for each of the `n` lines (role[] is zeroed by the caller):
 * PA_LINE_FURNITURE for running heads and feet, PA_LINE_NOTE_START for
 * the first line of a footnote and PA_LINE_NOTE for the rest of it. */
void pa_pages_classify(const char *text, const pa_page_line *lines, size_t n, unsigned char *role);

/* True when the trimmed line s[a..e) is only page numbers, job numbers and
 * document symbols (see above). */
int pa_pages_is_furniture_text(const char *s, size_t a, size_t e);

#endif
