/* docx.c - the Word (DOCX) reader.
 *
 * word/document.xml is streamed (xmlpart.h) and its text read as Word
 * shows the document with all changes accepted:
 *  - runs are joined (Word splits them anywhere, even inside words, and
 *    puts proofing marks, bookmarks and revision marks between them);
 *    w:tab is a space, w:br and w:cr line breaks, w:noBreakHyphen '-',
 *    w:softHyphen nothing; hidden runs (w:vanish) are out;
 *  - fields: the instructions (w:instrText, and anything between a
 *    begin and a separate w:fldChar) out, the results in; w:fldSimple's
 *    content in; hyperlinks and content controls in;
 *  - tracked changes: deletions (w:del, w:delText, w:moveFrom) out,
 *    insertions (w:ins, w:moveTo) in; a paragraph whose mark was deleted
 *    runs on into the next;
 *  - a table cell is one paragraph (its paragraphs are lines of it);
 *  - headings: by the paragraph's outline level or its style's (styles.xml:
 *    the built-in "heading N" and "Title" styles and what is based on
 *    them); list items by numbering;
 *  - footnotes and endnotes (word/footnotes.xml, word/endnotes.xml; not
 *    the separators) are note paragraphs after the body; at its reference
 *    mark nothing is left. Headers, footers and comments live in parts of
 *    their own, which are not read. Alternate content is read once (its
 *    mc:Fallback is the same text for older readers).
 */
#include "align/readers/blocks.h"
#include "align/readers/reader.h"
#include "align/readers/xmlpart.h"
#include "align/readers/zip.h"
#include "align/text/input.h"
#include "align/util/alloc.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char W_NS[] = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
static const char W_STRICT_NS[] = "http://purl.oclc.org/ooxml/wordprocessingml/main";
static const char MC_NS[] = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/* A paragraph style: what its paragraphs are. */
typedef struct style {
    char id[128], based[128];
    int heading, list; /* -1 unknown (ask `based`), 0, 1 */
} style;

typedef struct docx {
    const char *name;
    pa_blocks *b;
    style *styles;
    size_t n_styles, cap_styles;
    const char *ns;     /* the WordprocessingML namespace of the part */
    unsigned char *fld; /* open complex fields: 1 once past their separator */
    size_t n_fld, cap_fld;
    int run_hidden;     /* the current run is hidden (w:vanish) */
    int cell;           /* open table cells */
    int cell_text;      /* the current cell has had a paragraph */
    int merge;          /* the last paragraph's mark was deleted */
} docx;

/* True when the current node is the w: element `local`. */
static int is_w(const docx *x, const pa_xmlpart *p, const char *local) { return pa_xmlpart_is(p, x->ns, local); }

/* Takes the WordprocessingML namespace of a part from its root element:
 * transitional (what Word writes) or strict. */
static void take_namespace(docx *x, const pa_xmlpart *p)
{
    const char *u = (const char *)xmlTextReaderConstNamespaceUri(p->r);
    x->ns = u && strcmp(u, W_STRICT_NS) == 0 ? W_STRICT_NS : W_NS;
}

/* True when the current node is in the w: namespace. */
static int in_w(const docx *x, const pa_xmlpart *p)
{
    const char *u = (const char *)xmlTextReaderConstNamespaceUri(p->r);
    return u && strcmp(u, x->ns) == 0;
}

/* The w:val of the current element, into v; 0 when there is none. */
static int w_val(const docx *x, const pa_xmlpart *p, char *v, size_t size)
{
    return pa_xmlpart_attr(p, "val", x->ns, v, size);
}

/* True when an on/off property (w:vanish, ...) is on: no w:val, or one
 * that is not false. */
static int on_off(const docx *x, const pa_xmlpart *p)
{
    char v[16];
    if (!w_val(x, p, v, sizeof v)) return 1;
    return !(strcmp(v, "0") == 0 || strcmp(v, "false") == 0 || strcmp(v, "off") == 0);
}

static int is_end(const pa_xmlpart *p) { return xmlTextReaderNodeType(p->r) == XML_READER_TYPE_END_ELEMENT; }
static int is_start(const pa_xmlpart *p) { return xmlTextReaderNodeType(p->r) == XML_READER_TYPE_ELEMENT; }

/* Reads the subtree of the current element (which must not be empty)
 * calling `fn` on each start tag inside it. */
static int each_inside(docx *x, pa_xmlpart *p, void (*fn)(docx *, pa_xmlpart *, void *), void *data, pa_error *err)
{
    if (xmlTextReaderIsEmptyElement(p->r)) return 0;
    int depth = xmlTextReaderDepth(p->r), rc;
    while ((rc = pa_xmlpart_read(p, err)) > 0) {
        if (xmlTextReaderDepth(p->r) == depth) return 0; /* its end tag */
        if (is_start(p)) fn(x, p, data);
    }
    return rc < 0 ? -1 : 0;
}

/* ---- styles.xml ---- */

/* Records what a property inside a w:style says. */
static void style_property(docx *x, pa_xmlpart *p, void *data)
{
    style *s = data;
    char v[128];
    if (is_w(x, p, "name") && w_val(x, p, v, sizeof v)) {
        if ((strncasecmp(v, "heading ", 8) == 0 && v[8] >= '1' && v[8] <= '9') || strcasecmp(v, "title") == 0)
            s->heading = 1;
    } else if (is_w(x, p, "basedOn") && w_val(x, p, v, sizeof v)) {
        snprintf(s->based, sizeof s->based, "%s", v);
    } else if (is_w(x, p, "outlineLvl") && w_val(x, p, v, sizeof v)) {
        s->heading = atoi(v) < 9;
    } else if (is_w(x, p, "numPr")) {
        s->list = 1;
    }
}

static int read_styles(docx *x, const char *xml, size_t len, pa_error *err)
{
    pa_xmlpart p;
    if (pa_xmlpart_open(&p, x->name, "word/styles.xml", xml, len, err) != 0) return -1;
    int rc, root = 1;
    while ((rc = pa_xmlpart_read(&p, err)) > 0) {
        if (is_start(&p) && root) take_namespace(x, &p), root = 0;
        if (!is_start(&p) || !is_w(x, &p, "style")) continue;
        char type[32] = "";
        pa_xmlpart_attr(&p, "type", x->ns, type, sizeof type);
        if (strcmp(type, "paragraph") != 0) continue;
        style s = {"", "", -1, -1};
        pa_xmlpart_attr(&p, "styleId", x->ns, s.id, sizeof s.id);
        if (each_inside(x, &p, style_property, &s, err) != 0) {
            rc = -1;
            break;
        }
        PA_GROW(x->styles, x->cap_styles, x->n_styles + 1);
        x->styles[x->n_styles++] = s;
    }
    pa_xmlpart_close(&p);
    return rc < 0 ? -1 : 0;
}

static const style *find_style(const docx *x, const char *id)
{
    for (size_t k = 0; k < x->n_styles; k++)
        if (strcmp(x->styles[k].id, id) == 0) return &x->styles[k];
    return NULL;
}

/* The kind of the paragraphs of style `id`, following w:basedOn (at most
 * 16 steps: chains are short, loops are possible). */
static pa_paragraph_kind style_kind(const docx *x, const char *id)
{
    int heading = -1, list = -1;
    const style *s = find_style(x, id);
    for (int step = 0; s && step < 16 && (heading < 0 || list < 0); step++) {
        if (heading < 0) heading = s->heading;
        if (list < 0) list = s->list;
        s = s->based[0] ? find_style(x, s->based) : NULL;
    }
    return heading == 1 ? PA_PARA_HEADING : list == 1 ? PA_PARA_LIST_ITEM : PA_PARA_BODY;
}

/* ---- document.xml, footnotes.xml, endnotes.xml ---- */

/* What a paragraph's properties say of it. */
typedef struct para_props {
    pa_paragraph_kind kind;
    int outline;      /* -1 or its w:outlineLvl */
    int numbered;     /* w:numPr with a w:numId other than 0 */
    int mark_deleted; /* w:rPr/w:del: the paragraph runs on into the next */
} para_props;

static void paragraph_property(docx *x, pa_xmlpart *p, void *data)
{
    para_props *pp = data;
    char v[128];
    if (is_w(x, p, "pStyle") && w_val(x, p, v, sizeof v)) pp->kind = style_kind(x, v);
    else if (is_w(x, p, "outlineLvl") && w_val(x, p, v, sizeof v)) pp->outline = atoi(v);
    else if (is_w(x, p, "numId") && w_val(x, p, v, sizeof v)) pp->numbered = strcmp(v, "0") != 0;
}

/* Reads w:pPr: the paragraph's kind, and whether its mark was deleted. */
static int read_paragraph_props(docx *x, pa_xmlpart *p, pa_error *err)
{
    para_props pp = {PA_PARA_BODY, -1, 0, 0};
    int depth = xmlTextReaderDepth(p->r);
    if (xmlTextReaderIsEmptyElement(p->r)) return 0;
    int rc;
    while ((rc = pa_xmlpart_read(p, err)) > 0) {
        int d = xmlTextReaderDepth(p->r);
        if (d == depth) break;
        if (!is_start(p)) continue;
        if (d == depth + 1 && is_w(x, p, "rPr")) {
            /* the paragraph mark's run properties: only w:del matters */
            if (!xmlTextReaderIsEmptyElement(p->r)) {
                int rd = d;
                while ((rc = pa_xmlpart_read(p, err)) > 0 && xmlTextReaderDepth(p->r) > rd)
                    if (is_start(p) && (is_w(x, p, "del") || is_w(x, p, "moveFrom"))) pp.mark_deleted = 1;
                if (rc < 0) return -1;
            }
        } else if (is_w(x, p, "pPrChange")) {
            if (pa_xmlpart_skip(p, err) < 0) return -1; /* the properties before the change */
            if (xmlTextReaderDepth(p->r) == depth) break;
            if (is_start(p)) paragraph_property(x, p, &pp);
        } else {
            paragraph_property(x, p, &pp);
        }
    }
    if (rc < 0) return -1;
    pa_paragraph_kind kind = pp.kind;
    if (pp.outline >= 0) kind = pp.outline < 9 ? PA_PARA_HEADING : PA_PARA_BODY;
    if (kind == PA_PARA_BODY && pp.numbered) kind = PA_PARA_LIST_ITEM;
    if (!x->cell) pa_blocks_set_kind(x->b, kind);
    x->merge = pp.mark_deleted;
    return 0;
}

/* True when text in the current place is shown: not in a field's
 * instructions, not in a hidden run. */
static int visible(const docx *x)
{
    if (x->run_hidden) return 0;
    for (size_t k = 0; k < x->n_fld; k++)
        if (!x->fld[k]) return 0;
    return 1;
}

static void field_char(docx *x, pa_xmlpart *p)
{
    char type[16] = "";
    pa_xmlpart_attr(p, "fldCharType", x->ns, type, sizeof type);
    if (strcmp(type, "begin") == 0) {
        PA_GROW(x->fld, x->cap_fld, x->n_fld + 1);
        x->fld[x->n_fld++] = 0;
    } else if (strcmp(type, "separate") == 0) {
        if (x->n_fld) x->fld[x->n_fld - 1] = 1;
    } else if (strcmp(type, "end") == 0) {
        if (x->n_fld) x->n_fld--;
    }
}

/* Reads the run properties w:rPr: whether the run is hidden. */
static void run_property(docx *x, pa_xmlpart *p, void *data)
{
    (void)data;
    if (is_w(x, p, "vanish")) x->run_hidden = on_off(x, p);
}

/* Handles the start tag of a w: element; sets *skip when its subtree is
 * not text. */
static int start_element(docx *x, pa_xmlpart *p, int *skip, pa_error *err)
{
    const char *l = (const char *)xmlTextReaderConstLocalName(p->r);
    int empty = xmlTextReaderIsEmptyElement(p->r);
    if (strcmp(l, "p") == 0) {
        if (x->cell) {
            if (x->cell_text) pa_blocks_break(x->b);
            x->cell_text = 1;
        } else if (!x->merge) {
            pa_blocks_begin(x->b, PA_PARA_BODY);
        }
        x->merge = 0;
    } else if (strcmp(l, "pPr") == 0) {
        return read_paragraph_props(x, p, err);
    } else if (strcmp(l, "rPr") == 0) {
        return each_inside(x, p, run_property, NULL, err);
    } else if (strcmp(l, "r") == 0) {
        x->run_hidden = 0;
    } else if (strcmp(l, "t") == 0) {
        if (!empty && visible(x)) {
            xmlChar *s = xmlTextReaderReadString(p->r);
            if (s) {
                pa_blocks_text(x->b, (const char *)s, strlen((const char *)s),
                               (size_t)xmlTextReaderGetParserLineNumber(p->r));
                xmlFree(s);
            }
        }
        *skip = 1;
    } else if (strcmp(l, "tab") == 0 || strcmp(l, "ptab") == 0) {
        if (visible(x)) pa_blocks_space(x->b);
    } else if (strcmp(l, "br") == 0 || strcmp(l, "cr") == 0) {
        if (visible(x)) pa_blocks_break(x->b);
    } else if (strcmp(l, "noBreakHyphen") == 0) {
        if (visible(x)) pa_blocks_text(x->b, "-", 1, 0);
    } else if (strcmp(l, "fldChar") == 0) {
        field_char(x, p);
    } else if (strcmp(l, "tc") == 0) {
        if (!x->cell) pa_blocks_begin(x->b, PA_PARA_TABLE_CELL);
        else pa_blocks_break(x->b);
        x->cell_text = 0;
        x->cell++; /* end_element undoes it, for an empty cell too */
    } else if (strcmp(l, "del") == 0 || strcmp(l, "moveFrom") == 0 || strcmp(l, "delText") == 0 ||
               strcmp(l, "instrText") == 0 || strcmp(l, "delInstrText") == 0 || strcmp(l, "sdtPr") == 0 ||
               strcmp(l, "sectPr") == 0 || strcmp(l, "tblPr") == 0 || strcmp(l, "tcPr") == 0 ||
               strcmp(l, "trPr") == 0 || strcmp(l, "tblGrid") == 0 || strcmp(l, "sym") == 0) {
        *skip = 1;
    } else if (strcmp(l, "footnote") == 0 || strcmp(l, "endnote") == 0) {
        char type[32] = "";
        pa_xmlpart_attr(p, "type", x->ns, type, sizeof type);
        *skip = type[0] && strcmp(type, "normal") != 0; /* separators, continuation notices */
        if (!*skip) pa_blocks_begin(x->b, PA_PARA_FOOTNOTE);
    }
    return 0;
}

static void end_element(docx *x, pa_xmlpart *p)
{
    const char *l = (const char *)xmlTextReaderConstLocalName(p->r);
    if (strcmp(l, "p") == 0) {
        if (!x->cell && !x->merge) pa_blocks_end(x->b);
    } else if (strcmp(l, "tc") == 0) {
        if (x->cell) x->cell--;
        if (!x->cell) pa_blocks_end(x->b);
        x->cell_text = 1;
    } else if (strcmp(l, "r") == 0) {
        x->run_hidden = 0;
    } else if (strcmp(l, "footnote") == 0 || strcmp(l, "endnote") == 0) {
        pa_blocks_end(x->b);
    }
}

/* Reads one story part (the body, the footnotes, the endnotes). */
static int read_story(docx *x, const char *part, const char *xml, size_t len, pa_error *err)
{
    pa_xmlpart p;
    if (pa_xmlpart_open(&p, x->name, part, xml, len, err) != 0) return -1;
    x->n_fld = 0, x->cell = 0, x->cell_text = 0, x->merge = 0, x->run_hidden = 0;
    int rc = pa_xmlpart_read(&p, err), root = 1;
    while (rc > 0) {
        int skip = 0;
        if (is_start(&p)) {
            if (root) take_namespace(x, &p), root = 0;
            if (in_w(x, &p)) {
                if (start_element(x, &p, &skip, err) != 0) {
                    rc = -1;
                    break;
                }
                if (xmlTextReaderIsEmptyElement(p.r) && !skip) end_element(x, &p);
            } else if (pa_xmlpart_is(&p, MC_NS, "Fallback")) {
                skip = 1;
            }
        } else if (is_end(&p) && in_w(x, &p)) {
            end_element(x, &p);
        }
        rc = skip ? pa_xmlpart_skip(&p, err) : pa_xmlpart_read(&p, err);
    }
    pa_xmlpart_close(&p);
    pa_blocks_end(x->b);
    return rc < 0 ? -1 : 0;
}

static int read_docx(const char *bytes, size_t len, const pa_read_opts *o, pa_document *d, pa_error *err)
{
    size_t max = o && o->max_bytes ? o->max_bytes : PA_TEXT_MAX_BYTES;
    pa_zip *z = pa_zip_open(d->name, bytes, len, max, err);
    if (!z) return -1;
    docx x = {d->name, pa_blocks_new(d->name), NULL, 0, 0, W_NS, NULL, 0, 0, 0, 0, 0, 0};
    pa_buf part = PA_BUF_INIT;
    int rc = 0;
    if (!pa_zip_has(z, "word/document.xml"))
        rc = pa_error_set(err, PA_EINPUT, "%s: a Word document without word/document.xml; not read", d->name);
    if (rc == 0 && pa_zip_has(z, "word/styles.xml"))
        rc = pa_zip_read(z, "word/styles.xml", &part, err) ||
             read_styles(&x, part.data, part.len, err);
    if (rc == 0)
        rc = pa_zip_read(z, "word/document.xml", &part, err) ||
             read_story(&x, "word/document.xml", part.data, part.len, err);
    static const char *const notes[] = {"word/footnotes.xml", "word/endnotes.xml"};
    pa_blocks_notes(x.b, 1);
    for (int k = 0; k < 2 && rc == 0; k++)
        if (pa_zip_has(z, notes[k]))
            rc = pa_zip_read(z, notes[k], &part, err) || read_story(&x, notes[k], part.data, part.len, err);
    if (rc == 0) rc = pa_blocks_finish(x.b, d, err);
    pa_buf_free(&part);
    pa_blocks_free(x.b);
    pa_free(x.styles);
    pa_free(x.fld);
    pa_zip_close(z);
    return rc ? -1 : 0;
}

const pa_reader pa_reader_docx = {"docx", PA_INPUT_DOCX, read_docx};
