/* html.c - the HTML and XHTML reader.
 *
 * The page is decoded to UTF-8 first (html_charset.h: the user's
 * --encoding, a byte-order mark, the declared charset, else UTF-8), then
 * parsed by libxml2's HTML parser (forgiving as browsers are, XHTML too;
 * no network, no messages; entities decoded) into a tree, which is walked
 * without recursion (nesting depth is the page's to choose):
 *
 *  - block elements (p, li, h1-h6, td, th, dd, dt, blockquote, div, ...)
 *    start and end paragraphs; text directly in a div is a paragraph of
 *    its own; a paragraph's kind comes from its nearest heading, list item
 *    or table cell; <br> is a line break, <pre> keeps its line ends;
 *  - what is not the document's text is dropped: head, script, style,
 *    noscript, template, nav, aside, forms' controls, embedded objects,
 *    comments, elements marked hidden or aria-hidden, and the page's
 *    header and footer chrome. A <header> or <footer> inside an article,
 *    section or main is the article's and kept; one of the page is chrome
 *    unless it holds running text (PA_HTML_CHROME_CHARS characters outside
 *    links): the UDHR pages put their preamble in one.
 *
 * The text goes through pa_blocks (blocks.h): white space collapsed, soft
 * hyphens dropped, each paragraph cleaned like text input.
 */
#include "align/readers/blocks.h"
#include "align/readers/html_charset.h"
#include "align/readers/reader.h"
#include "align/text/input.h"
#include "align/text/utf8.h"
#include "align/util/alloc.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>

/* Characters of text (outside links) that make a page's header or footer
 * content rather than chrome. */
#define PA_HTML_CHROME_CHARS 200

/* What an element does to the text. */
enum role {
    INLINE = 0, /* its text runs on in the paragraph */
    BLOCK,      /* starts and ends a paragraph */
    HEADING,    /* a block whose paragraphs are headings */
    ITEM,       /* a block whose paragraphs are list items */
    CELL,       /* a block whose paragraphs are table cells */
    SECTION,    /* a block that owns the headers and footers inside it */
    PRE,        /* a block whose line ends are line breaks */
    CHROME,     /* header or footer: a block, or the page's chrome */
    BREAK,      /* a line break */
    SKIP        /* nothing in it is text */
};

static const struct {
    const char *name;
    enum role role;
} roles[] = {
    {"address", BLOCK},   {"applet", SKIP},    {"article", SECTION}, {"aside", SKIP},      {"audio", SKIP},
    {"blockquote", BLOCK}, {"body", BLOCK},    {"br", BREAK},        {"button", SKIP},     {"canvas", SKIP},
    {"caption", BLOCK},   {"center", BLOCK},   {"dd", ITEM},         {"details", BLOCK},   {"dialog", BLOCK},
    {"dir", BLOCK},       {"div", BLOCK},      {"dl", BLOCK},        {"dt", ITEM},         {"embed", SKIP},
    {"fieldset", BLOCK},  {"figcaption", BLOCK}, {"figure", BLOCK},  {"footer", CHROME},   {"form", BLOCK},
    {"frameset", SKIP},   {"h1", HEADING},     {"h2", HEADING},      {"h3", HEADING},      {"h4", HEADING},
    {"h5", HEADING},      {"h6", HEADING},     {"head", SKIP},       {"header", CHROME},   {"hgroup", BLOCK},
    {"hr", BLOCK},        {"html", BLOCK},     {"iframe", SKIP},     {"input", SKIP},      {"legend", BLOCK},
    {"li", ITEM},         {"listing", PRE},    {"main", SECTION},    {"map", SKIP},        {"math", SKIP},
    {"menu", BLOCK},      {"nav", SKIP},       {"noembed", SKIP},    {"noframes", SKIP},   {"noscript", SKIP},
    {"object", SKIP},     {"ol", BLOCK},       {"option", BLOCK},    {"p", BLOCK},         {"plaintext", PRE},
    {"pre", PRE},         {"script", SKIP},    {"section", SECTION}, {"select", SKIP},     {"style", SKIP},
    {"summary", BLOCK},   {"svg", SKIP},       {"table", BLOCK},     {"tbody", BLOCK},     {"td", CELL},
    {"template", SKIP},   {"textarea", SKIP},  {"tfoot", BLOCK},     {"th", CELL},         {"thead", BLOCK},
    {"title", SKIP},      {"tr", BLOCK},       {"ul", BLOCK},        {"video", SKIP},      {"xmp", PRE},
};

/* The role of element `n` (the HTML parser gives lower-case names). */
static enum role role_of(xmlNodePtr n)
{
    const char *name = (const char *)n->name;
    if (!name) return INLINE;
    for (size_t k = 0; k < sizeof roles / sizeof *roles; k++)
        if (roles[k].name[0] == name[0] && strcmp(roles[k].name, name) == 0) return roles[k].role;
    return INLINE;
}

/* The value of attribute `name` of `n`, or NULL. */
static const char *attr(xmlNodePtr n, const char *name)
{
    xmlAttrPtr a = xmlHasProp(n, (const xmlChar *)name);
    if (!a) return NULL;
    if (a->children && a->children->type == XML_TEXT_NODE && a->children->content)
        return (const char *)a->children->content;
    return "";
}

/* True when `n` is marked as not shown, or as navigation. */
static int hidden(xmlNodePtr n)
{
    if (!n->properties) return 0;
    const char *v;
    if (attr(n, "hidden")) return 1;
    if ((v = attr(n, "aria-hidden")) && strcmp(v, "true") == 0) return 1;
    if ((v = attr(n, "role")) && (strcmp(v, "navigation") == 0 || strcmp(v, "search") == 0)) return 1;
    return 0;
}

/* The next node after `n` in document order below `top`, not entering
 * n's children; NULL past the end. */
static xmlNodePtr after(xmlNodePtr n, xmlNodePtr top)
{
    while (n && n != top && !n->next) n = n->parent;
    return n && n != top ? n->next : NULL;
}

/* Counts the characters (not white space) of text below `top` outside
 * links and skipped elements, stopping at `enough`. */
static size_t content_chars(xmlNodePtr top, size_t enough)
{
    size_t count = 0;
    xmlNodePtr n = top->children;
    while (n && count < enough) {
        int down = 0;
        if (n->type == XML_TEXT_NODE && n->content) {
            for (const unsigned char *p = n->content; *p; p++)
                count += (*p & 0xC0) != 0x80 && *p != ' ' && *p != '\n' && *p != '\t' && *p != '\r';
        } else if (n->type == XML_ELEMENT_NODE) {
            down = role_of(n) != SKIP && !hidden(n) && !(n->name && strcmp((const char *)n->name, "a") == 0);
        }
        n = down && n->children ? n->children : after(n, top);
    }
    return count;
}

/* An open element of the walk. */
typedef struct level {
    pa_paragraph_kind kind; /* of the paragraphs inside it */
    enum role role;
    int kept_chrome;        /* a page header or footer kept as content */
} level;

typedef struct walker {
    pa_blocks *b;
    level *stack;
    size_t depth, cap;
    int pre;         /* open <pre> elements */
    int sections;    /* open article, section, main */
    int kept_chrome; /* open page headers and footers kept as content */
} walker;

static pa_paragraph_kind kind_here(const walker *w)
{
    return w->depth ? w->stack[w->depth - 1].kind : PA_PARA_BODY;
}

/* Whether a header or footer is the page's chrome (dropped). */
static int is_chrome(const walker *w, xmlNodePtr n)
{
    if (w->sections || w->kept_chrome) return 0;
    return content_chars(n, PA_HTML_CHROME_CHARS) < PA_HTML_CHROME_CHARS;
}

/* The line of the first visible character of text node `s`: libxml2
 * gives a text node the line where the parser finished it, so the line
 * ends after that character are taken off. */
static size_t first_line(const char *s, long line)
{
    const char *p = s + strspn(s, " \t\r\n\f");
    for (; *p; p++) line -= *p == '\n';
    return line > 0 ? (size_t)line : 0;
}

/* Appends the text of a text node. The HTML parser leaves XHTML's CDATA
 * sections in the text as they are written: their markers are dropped,
 * their content kept. */
static void text(walker *w, const char *s, long line)
{
    size_t ln = first_line(s, line);
    while (*s) {
        const char *a = strstr(s, "<![CDATA["), *z = strstr(s, "]]>");
        const char *cut = a && (!z || a < z) ? a : z;
        size_t n = cut ? (size_t)(cut - s) : strlen(s);
        if (w->pre) pa_blocks_pre(w->b, s, n, ln);
        else pa_blocks_text(w->b, s, n, ln);
        if (!cut) break;
        s = cut + (cut == a ? 9 : 3);
    }
}

/* Handles node `n` on the way down; returns 1 when the walk goes into
 * it (an element: a level was pushed). */
static int enter(walker *w, xmlNodePtr n)
{
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        if (n->content) text(w, (const char *)n->content, xmlGetLineNo(n));
        return 0;
    }
    if (n->type != XML_ELEMENT_NODE) return 0;
    enum role r = role_of(n);
    if (r == SKIP || hidden(n)) return 0;
    if (r == BREAK) {
        pa_blocks_break(w->b);
        return 0;
    }
    level lv = {kind_here(w), r, 0};
    if (r == CHROME) {
        if (is_chrome(w, n)) return 0;
        lv.kept_chrome = !w->sections && !w->kept_chrome;
        w->kept_chrome += lv.kept_chrome;
    }
    if (r == HEADING) lv.kind = PA_PARA_HEADING;
    else if (r == ITEM) lv.kind = PA_PARA_LIST_ITEM;
    else if (r == CELL) lv.kind = PA_PARA_TABLE_CELL;
    w->sections += r == SECTION;
    w->pre += r == PRE;
    PA_GROW(w->stack, w->cap, w->depth + 1);
    w->stack[w->depth++] = lv;
    if (r != INLINE) pa_blocks_begin(w->b, lv.kind);
    return 1;
}

/* Handles element `n` on the way up: undoes what enter did. */
static void leave(walker *w)
{
    level lv = w->stack[--w->depth];
    w->sections -= lv.role == SECTION;
    w->pre -= lv.role == PRE;
    w->kept_chrome -= lv.kept_chrome;
    if (lv.role != INLINE) pa_blocks_begin(w->b, kind_here(w));
}

/* Walks the tree of `doc` in document order, without recursion. */
static void walk(walker *w, xmlDocPtr doc)
{
    xmlNodePtr top = (xmlNodePtr)doc, n = doc->children;
    while (n) {
        if (enter(w, n)) {
            if (n->children) {
                n = n->children;
                continue;
            }
            leave(w);
        }
        while (n && n != top && !n->next) {
            n = n->parent;
            if (n && n != top) leave(w);
        }
        n = n && n != top ? n->next : NULL;
    }
}

/* Parses UTF-8 `html` with libxml2's HTML parser: recovering, no network,
 * no messages, the page's own encoding hints ignored (it is UTF-8 now),
 * line numbers past 65535 kept. */
static xmlDocPtr parse(const char *html, size_t len)
{
    htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(html, (int)len);
    if (!ctxt) return NULL;
    htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                 HTML_PARSE_NODEFDTD | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC);
    ctxt->options |= XML_PARSE_BIG_LINES;
    ctxt->linenumbers = 1;
    xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
    htmlParseDocument(ctxt);
    xmlDocPtr doc = ctxt->myDoc;
    ctxt->myDoc = NULL;
    htmlFreeParserCtxt(ctxt);
    return doc;
}

static int read_html(const char *bytes, size_t len, const pa_read_opts *o, pa_document *d, pa_error *err)
{
    pa_buf utf8 = PA_BUF_INIT;
    if (pa_html_decode(d->name, bytes, len, o ? o->encoding : NULL, o ? o->max_bytes : 0, &utf8, err) != 0) {
        pa_buf_free(&utf8);
        return -1;
    }
    if (utf8.len > INT_MAX) {
        pa_buf_free(&utf8);
        return pa_error_set(err, PA_EINPUT, "%s: too large for an HTML page (2 GiB at most)", d->name);
    }
    xmlInitParser();
    xmlDocPtr doc = parse(utf8.data ? utf8.data : "", utf8.len);
    pa_buf_free(&utf8);
    if (!doc) return pa_error_set(err, PA_EINPUT, "%s: not an HTML page libxml2 can parse", d->name);
    walker w = {pa_blocks_new(d->name), NULL, 0, 0, 0, 0, 0};
    walk(&w, doc);
    xmlFreeDoc(doc);
    int rc = pa_blocks_finish(w.b, d, err);
    pa_blocks_free(w.b);
    pa_free(w.stack);
    return rc;
}

const pa_reader pa_reader_html = {"html", PA_INPUT_HTML, read_html};
