/* odt.c - the OpenDocument text (ODT) reader.
 *
 * content.xml is streamed (xmlpart.h) and the text of office:body read as
 * LibreOffice shows it with all changes accepted:
 *  - text:p and text:h are paragraphs (text:h a heading; inside
 *    text:list-item a list item); a table:table-cell is one paragraph (its
 *    paragraphs are lines of it);
 *  - spans and links run on; text:s and text:tab are spaces, text:line-break
 *    a line break; white space is collapsed as ODF says; soft hyphens are
 *    invisible (blocks.h);
 *  - text:note: its citation (the number) out, its body as note paragraphs
 *    after the body, never at its reference mark;
 *  - tracked changes: the text:tracked-changes region, which holds the
 *    deleted text, out; inserted text stands in the body and is in;
 *  - comments (office:annotation), the sources of indexes and the
 *    declarations of variables and sequences out.
 * Headers and footers live in styles.xml, which is not read.
 */
#include "align/readers/blocks.h"
#include "align/readers/reader.h"
#include "align/readers/xmlpart.h"
#include "align/readers/zip.h"
#include "align/text/input.h"

#include <string.h>

static const char TEXT_NS[] = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
static const char TABLE_NS[] = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
static const char OFFICE_NS[] = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
static const char SVG_NS[] = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0";

typedef struct odt {
    pa_blocks *b;
    int body;      /* inside office:body */
    int lists;     /* open text:list-item */
    int cell;      /* open table cells */
    int cell_text; /* the current cell has had a paragraph */
    int notes;     /* open text:note-body */
} odt;

/* Elements of the text namespace whose content is not the document's
 * text. */
static int skipped_text_element(const char *l)
{
    static const char *const names[] = {"tracked-changes",   "note-citation",      "sequence-decls",
                                        "variable-decls",    "user-field-decls",   "dde-connection-decls",
                                        "table-of-content-source", "alphabetical-index-source",
                                        "illustration-index-source", "table-index-source",
                                        "object-index-source", "user-index-source", "bibliography-source",
                                        "index-title-template"};
    for (size_t k = 0; k < sizeof names / sizeof *names; k++)
        if (strcmp(l, names[k]) == 0) return 1;
    return 0;
}

/* A paragraph (text:p or text:h) starts. */
static void start_paragraph(odt *x, pa_paragraph_kind kind)
{
    if (x->cell && !x->notes) {
        if (x->cell_text) pa_blocks_break(x->b);
        x->cell_text = 1;
        return;
    }
    pa_blocks_begin(x->b, kind != PA_PARA_BODY ? kind : x->lists ? PA_PARA_LIST_ITEM : PA_PARA_BODY);
}

/* Handles a start tag in the text namespace; sets *skip when its subtree
 * is not text. */
static void start_text_element(odt *x, pa_xmlpart *p, int *skip)
{
    const char *l = (const char *)xmlTextReaderConstLocalName(p->r);
    if (strcmp(l, "p") == 0) {
        start_paragraph(x, PA_PARA_BODY);
    } else if (strcmp(l, "h") == 0) {
        start_paragraph(x, PA_PARA_HEADING);
    } else if (strcmp(l, "list-item") == 0 || strcmp(l, "list-header") == 0) {
        x->lists++;
    } else if (strcmp(l, "s") == 0 || strcmp(l, "tab") == 0) {
        pa_blocks_space(x->b);
    } else if (strcmp(l, "line-break") == 0) {
        pa_blocks_break(x->b);
    } else if (strcmp(l, "note-body") == 0) {
        if (x->notes++ == 0) pa_blocks_notes(x->b, 1);
        pa_blocks_begin(x->b, PA_PARA_FOOTNOTE);
    } else if (skipped_text_element(l)) {
        *skip = 1;
    }
}

static void end_text_element(odt *x, pa_xmlpart *p)
{
    const char *l = (const char *)xmlTextReaderConstLocalName(p->r);
    if (strcmp(l, "p") == 0 || strcmp(l, "h") == 0) {
        if (!x->cell || x->notes) pa_blocks_end(x->b);
    } else if (strcmp(l, "list-item") == 0 || strcmp(l, "list-header") == 0) {
        if (x->lists) x->lists--;
    } else if (strcmp(l, "note-body") == 0) {
        pa_blocks_end(x->b);
        if (x->notes && --x->notes == 0) pa_blocks_notes(x->b, 0);
    }
}

/* Handles the start (or, `end`, the end) of a table:table-cell. */
static void table_cell(odt *x, int end)
{
    if (!end) {
        if (!x->cell) pa_blocks_begin(x->b, PA_PARA_TABLE_CELL);
        else pa_blocks_break(x->b);
        x->cell_text = 0;
        x->cell++;
        return;
    }
    if (x->cell) x->cell--;
    if (!x->cell) pa_blocks_end(x->b);
    x->cell_text = 1;
}

/* Handles one node of content.xml; sets *skip when its subtree is not
 * text. */
static void node(odt *x, pa_xmlpart *p, int *skip)
{
    int type = xmlTextReaderNodeType(p->r);
    int start = type == XML_READER_TYPE_ELEMENT, end = type == XML_READER_TYPE_END_ELEMENT;
    if (pa_xmlpart_is(p, OFFICE_NS, "body")) {
        x->body = start && !xmlTextReaderIsEmptyElement(p->r);
        return;
    }
    if (!x->body) return;
    const char *u = (const char *)xmlTextReaderConstNamespaceUri(p->r);
    if (start && (pa_xmlpart_is(p, OFFICE_NS, "annotation") || (u && strcmp(u, SVG_NS) == 0))) {
        *skip = 1; /* comments; the title and description of a drawing */
        return;
    }
    if ((start || end) && pa_xmlpart_is(p, TABLE_NS, "table-cell")) {
        table_cell(x, end);
        if (start && xmlTextReaderIsEmptyElement(p->r)) table_cell(x, 1);
        return;
    }
    int in_text = u && strcmp(u, TEXT_NS) == 0;
    if (start && in_text) {
        start_text_element(x, p, skip);
        if (!*skip && xmlTextReaderIsEmptyElement(p->r)) end_text_element(x, p);
    } else if (end && in_text) {
        end_text_element(x, p);
    } else if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
               type == XML_READER_TYPE_CDATA) {
        const char *s = (const char *)xmlTextReaderConstValue(p->r);
        if (s) pa_blocks_text(x->b, s, strlen(s), (size_t)xmlTextReaderGetParserLineNumber(p->r));
    }
}

static int read_odt(const char *bytes, size_t len, const pa_read_opts *o, pa_document *d, pa_error *err)
{
    size_t max = o && o->max_bytes ? o->max_bytes : PA_TEXT_MAX_BYTES;
    pa_zip *z = pa_zip_open(d->name, bytes, len, max, err);
    if (!z) return -1;
    pa_buf part = PA_BUF_INIT;
    pa_xmlpart p = {0};
    int rc = 0;
    if (!pa_zip_has(z, "content.xml"))
        rc = pa_error_set(err, PA_EINPUT, "%s: an OpenDocument text without content.xml; not read", d->name);
    else if (pa_zip_read(z, "content.xml", &part, err) != 0 ||
             pa_xmlpart_open(&p, d->name, "content.xml", part.data, part.len, err) != 0)
        rc = -1;
    odt x = {pa_blocks_new(d->name), 0, 0, 0, 0, 0};
    if (rc == 0) {
        int r = pa_xmlpart_read(&p, err);
        while (r > 0) {
            int skip = 0;
            node(&x, &p, &skip);
            r = skip ? pa_xmlpart_skip(&p, err) : pa_xmlpart_read(&p, err);
        }
        rc = r < 0 ? -1 : pa_blocks_finish(x.b, d, err);
    }
    pa_xmlpart_close(&p);
    pa_blocks_free(x.b);
    pa_buf_free(&part);
    pa_zip_close(z);
    return rc;
}

const pa_reader pa_reader_odt = {"odt", PA_INPUT_ODT, read_odt};
