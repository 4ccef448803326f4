/* pa_tmx_reader.c - see pa_tmx_reader.h.
 *
 * libxml2's xmlTextReader pulls bytes from a pa_source (so gzip input reads
 * like plain input) and keeps only the current part of the tree. The reader
 * walks <tmx>, <header> and <body> once in pa_tmx_reader_open, then one <tu>
 * per pa_tmx_reader_next call. Parser errors arrive through a per-reader
 * structured handler, never through libxml2's global one.
 */
#include "tmx/tmx_reader.h"
#include "tmx/langtag.h"
#include "align/util/alloc.h"
#include "align/util/buf.h"
#include "align/util/source.h"

#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>

/* libxml2 2.12 made the error passed to structured handlers const. */
#if LIBXML_VERSION >= 21200
typedef const xmlError *pa_tmx_xml_error;
#else
typedef xmlError *pa_tmx_xml_error;
#endif

/* Never load external entities, DTDs or anything over the network (no
 * NOENT, DTDLOAD, DTDVALID, XINCLUDE or HUGE: libxml2's depth and size
 * limits stay on); report errors only through the reader's handler. */
#define TMX_PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)

/* Bytes kept between reads to find "<!ENTITY" split across them. */
#define GUARD_TAIL 14

/* libxml2 raises some errors (input conversion, I/O) outside the parser
 * context, through its per-thread global handlers, which print them on
 * stderr ("xmlParseChunk: encoder error" even directly). While the reader
 * parses they go to its own handler instead: quiet_begin installs it,
 * quiet_end restores the caller's handlers. The handlers are per-thread
 * globals that libxml2 reads through function calls: they are swapped
 * once a call of the reader's (pa_tmx_reader_next, the opening), not once
 * a node, which took a tenth of reading a memory. */
typedef struct quiet_state {
    xmlStructuredErrorFunc fn;
    void *ctx;
    xmlGenericErrorFunc gfn;
    void *gctx;
} quiet_state;

struct pa_tmx_reader {
    xmlTextReaderPtr xr;
    pa_source *src;
    const char *mem;         /* instead of `src`: the bytes of the document ... */
    size_t mem_len, mem_at;  /* ... their count, and how many were read */
    char *mem_name;          /* its name in messages */
    pa_error src_err;        /* first failure of `src` (I/O, truncated gzip, entities) */
    int src_failed;
    int in_root;             /* the root element was reached: no DTD can follow */
    unsigned char tail[GUARD_TAIL]; /* last bytes read, for patterns across reads */
    size_t tail_len;
    char xml_err[512];       /* first parser error, "LINE: message" */
    int xml_code;            /* its libxml2 error code */
    size_t bytes_read;       /* from `src`, decompressed */
    int failed;              /* an error was reported: stays at -1 */
    int body_depth;          /* depth of <body> */
    int body_done;           /* </body> (or <body/>) was read */
    int root_done;           /* </tmx> was read */
    char *srclang;
    pa_tmx_read_prop *header; /* attributes of <header>: name, value */
    size_t n_header;
    long header_line;
    char *version;            /* <tmx version>, NULL when absent */
    pa_tmx_reader_options opt;
    xmlDtdPtr dtd;            /* opt.dtd, parsed */
    locale_t c_locale;       /* for strtod on x-score */
    pa_tmx_read_unit unit;      /* the current unit */
    size_t variants_cap, props_cap;
    pa_buf text;             /* scratch for element content */
    quiet_state outer;       /* the caller's handlers, while the reader's are installed */
    int type;                /* the node type of the node advance moved to (libxml2
                                works it out anew at each call: a tenth of reading) */
};

static const char *reader_name(const pa_tmx_reader *r) { return r->src ? pa_source_name(r->src) : r->mem_name; }

/* True when `p` contains "<!ENTITY" in an ASCII-compatible encoding or
 * in UTF-16 (the one UTF-16 pattern matches both byte orders). */
static int has_entity_decl(const unsigned char *p, size_t n)
{
    static const char ascii[] = "<!ENTITY", utf16[] = "<\0!\0E\0N\0T\0I\0T\0Y";
    for (size_t i = 0; i < n; i++) {
        if (p[i] != '<') continue;
        if (n - i >= 8 && memcmp(p + i, ascii, 8) == 0) return 1;
        if (n - i >= 15 && memcmp(p + i, utf16, 15) == 0) return 1;
    }
    return 0;
}

/* Looks for entity declarations in the raw bytes of the prologue. libxml2
 * parses up to the end of the root's start tag before the reader shows the
 * DTD, and entity references in that tag's attributes already cost memory
 * (about 50 times their size), so declarations are refused here, before
 * libxml2 sees them. The check on the DTD node in read_to_body backs this
 * up for other encodings (UCS-4, EBCDIC). */
static int entity_guard(pa_tmx_reader *r, const unsigned char *p, size_t n)
{
    /* The end of the previous read joined to the start of this one. */
    unsigned char edge[2 * GUARD_TAIL];
    size_t head = n < GUARD_TAIL ? n : GUARD_TAIL, edge_len = r->tail_len + head;
    memcpy(edge, r->tail, r->tail_len);
    memcpy(edge + r->tail_len, p, head);
    if (has_entity_decl(edge, edge_len) || has_entity_decl(p, n)) return -1;
    /* Keep the last GUARD_TAIL bytes read so far (fewer at the start). */
    const unsigned char *end = n >= GUARD_TAIL ? p + n : edge + edge_len;
    r->tail_len = n >= GUARD_TAIL || edge_len > GUARD_TAIL ? GUARD_TAIL : edge_len;
    memcpy(r->tail, end - r->tail_len, r->tail_len);
    return 0;
}

/* Input callback of libxml2: reads from the pa_source and keeps its error,
 * which is more precise than what libxml2 would make of it. */
static int read_from_source(void *ctx, char *buf, int len)
{
    pa_tmx_reader *r = ctx;
    if (r->src_failed) return -1;
    ssize_t got = (ssize_t)(r->mem_len - r->mem_at < (size_t)len ? r->mem_len - r->mem_at : (size_t)len);
    if (r->mem) memcpy(buf, r->mem + r->mem_at, (size_t)got), r->mem_at += (size_t)got;
    else got = pa_source_read(r->src, buf, (size_t)len, &r->src_err);
    if (got < 0) {
        r->src_failed = 1;
        return -1;
    }
    r->bytes_read += (size_t)got;
    if (r->opt.max_bytes && r->bytes_read > r->opt.max_bytes) {
        r->src_failed = 1;
        pa_error_set(&r->src_err, PA_EINPUT, "%s: more than %zu bytes once decompressed (the limit)",
                     reader_name(r), r->opt.max_bytes);
        return -1;
    }
    if (!r->in_root && entity_guard(r, (const unsigned char *)buf, (size_t)got) < 0) {
        r->src_failed = 1;
        pa_error_set(&r->src_err, PA_EINPUT,
                     "%s: entity declarations are not allowed in TMX", reader_name(r));
        return -1;
    }
    return (int)got;
}

/* Structured error handler of this reader: keeps the first error. Errors
 * raised without a parser (input conversion) carry no line: the reader's
 * is used. */
static void keep_xml_error(void *ctx, pa_tmx_xml_error e)
{
    pa_tmx_reader *r = ctx;
    if (r->xml_err[0] || !e || e->level < XML_ERR_ERROR) return;
    const char *msg = e->message ? e->message : "XML error";
    int n = (int)strlen(msg);
    while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' ')) n--;
    int line = e->line > 0 ? e->line : r->xr ? xmlTextReaderGetParserLineNumber(r->xr) : 1;
    int col = e->line > 0 ? e->int2 : r->xr ? xmlTextReaderGetParserColumnNumber(r->xr) : 0;
    if (col > 0) snprintf(r->xml_err, sizeof r->xml_err, "%d:%d: %.*s", line, col, n, msg);
    else snprintf(r->xml_err, sizeof r->xml_err, "%d: %.*s", line, n, msg);
    r->xml_code = e->code;
}

/* Drops a message libxml2 would print with its generic handler (the error
 * behind it reaches keep_xml_error too). */
static void ignore_generic_error(void *ctx, const char *msg, ...) { (void)ctx, (void)msg; }

static quiet_state quiet_begin(pa_tmx_reader *r)
{
    quiet_state q = {xmlStructuredError, xmlStructuredErrorContext, xmlGenericError, xmlGenericErrorContext};
    xmlSetStructuredErrorFunc(r, keep_xml_error);
    xmlSetGenericErrorFunc(NULL, ignore_generic_error);
    return q;
}

static void quiet_end(quiet_state q)
{
    xmlSetStructuredErrorFunc(q.ctx, q.fn);
    xmlSetGenericErrorFunc(q.gctx, q.gfn);
}

/* Reports an error at the current line: "FILE:LINE: message". */
__attribute__((format(printf, 3, 4)))
static int fail_at(pa_tmx_reader *r, pa_error *err, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    r->failed = 1;
    xmlNodePtr node = xmlTextReaderCurrentNode(r->xr);
    long line = node ? xmlGetLineNo(node) : -1;
    return pa_error_set(err, PA_EINPUT, "%s:%ld: %s", reader_name(r),
                        line > 0 ? line : (long)xmlTextReaderGetParserLineNumber(r->xr), msg);
}

/* Reports why the parser stopped: the input's own error first, then the
 * parser's, else a document that ended too early. libxml2's reader calls a
 * document cut short "extra content at the end", which is translated. */
static int fail_parse(pa_tmx_reader *r, pa_error *err)
{
    r->failed = 1;
    if (r->src_failed) { /* where the parser had got to: the end of what was read */
        const char *name = reader_name(r), *msg = r->src_err.msg;
        size_t n = strlen(name);
        if (r->xr && r->in_root && strncmp(msg, name, n) == 0 && msg[n] == ':' && msg[n + 1] == ' ')
            return pa_error_set(err, r->src_err.code, "%s:%d:%d: %s", name, xmlTextReaderGetParserLineNumber(r->xr),
                                xmlTextReaderGetParserColumnNumber(r->xr), msg + n + 2);
        if (err) *err = r->src_err;
        return -1;
    }
    if (r->bytes_read == 0)
        return pa_error_set(err, PA_EINPUT, "%s: empty file, not a TMX document", reader_name(r));
    if (r->xml_code == XML_ERR_DOCUMENT_END && !r->root_done)
        return fail_at(r, err, r->in_root ? "the document ends too early (truncated file?)"
                                          : "no XML document found");
    if (r->xml_err[0])
        return pa_error_set(err, PA_EINPUT, "%s:%s", reader_name(r), r->xml_err);
    return fail_at(r, err, "unexpected end of the document");
}

/* Moves to the next node, or past the current subtree when `skip`: 1 on a
 * node, 0 at the end of the document, -1 on error. */
static int advance(pa_tmx_reader *r, int skip, pa_error *err)
{
    /* the reader's handlers are in place: its callers install them */
    int rc = skip ? xmlTextReaderNext(r->xr) : xmlTextReaderRead(r->xr);
    r->type = rc == 1 ? xmlTextReaderNodeType(r->xr) : XML_READER_TYPE_NONE;
    if (rc < 0 || r->src_failed || r->xml_err[0]) return fail_parse(r, err);
    if (rc == 1 && r->type == XML_READER_TYPE_ENTITY_REFERENCE)
        return fail_at(r, err, "reference to an undeclared entity &%s;",
                       (const char *)xmlTextReaderConstLocalName(r->xr));
    return rc;
}

/* Like advance, but the document must not end here. */
static int advance_inside(pa_tmx_reader *r, int skip, pa_error *err)
{
    int rc = advance(r, skip, err);
    return rc == 0 ? fail_parse(r, err) : rc;
}

static int is_element(pa_tmx_reader *r, const char *name)
{
    return r->type == XML_READER_TYPE_ELEMENT &&
           strcmp((const char *)xmlTextReaderConstLocalName(r->xr), name) == 0;
}

/* True on the end tag of the element opened at `depth`. */
static int is_end_of(pa_tmx_reader *r, int depth)
{
    return r->type == XML_READER_TYPE_END_ELEMENT &&
           xmlTextReaderDepth(r->xr) == depth;
}

/* The attribute `name` of the current element as a pa_malloc'd string. */
static char *attr_dup(pa_tmx_reader *r, const char *name)
{
    xmlChar *v = xmlTextReaderGetAttribute(r->xr, BAD_CAST name);
    if (!v) return NULL;
    char *s = pa_strdup((const char *)v);
    xmlFree(v);
    return s;
}

/* Native codes and sub-flows, whose content is not part of the text. */
static int is_inline_code(const char *name)
{
    static const char *const codes[] = {"bpt", "ept", "ph", "it", "ut", "sub"};
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
        if (strcmp(name, codes[i]) == 0) return 1;
    return 0;
}

/* Appends the text inside the current element to `out`, leaving out the
 * content of inline codes (that of <hi> and unknown elements is kept), and
 * stops on the element's end tag. */
static int collect_text(pa_tmx_reader *r, pa_buf *out, pa_error *err)
{
    if (xmlTextReaderIsEmptyElement(r->xr)) return 0;
    int depth = xmlTextReaderDepth(r->xr);
    int rc = advance_inside(r, 0, err);
    while (rc > 0 && !is_end_of(r, depth)) {
        int type = r->type, skip = 0;
        if (type == XML_READER_TYPE_ELEMENT)
            skip = is_inline_code((const char *)xmlTextReaderConstLocalName(r->xr));
        else if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
                 type == XML_READER_TYPE_WHITESPACE ||
                 type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE)
            pa_buf_puts(out, (const char *)xmlTextReaderConstValue(r->xr));
        rc = advance_inside(r, skip, err);
    }
    return rc > 0 ? 0 : -1;
}

/* Frees the strings of the current unit, keeping the variant array. */
static void unit_clear(pa_tmx_read_unit *u)
{
    for (size_t i = 0; i < u->n_variants; i++) {
        pa_free(u->variants[i].lang);
        pa_free(u->variants[i].text);
    }
    u->n_variants = 0;
    for (size_t i = 0; i < u->n_props; i++) {
        pa_free(u->props[i].type);
        pa_free(u->props[i].value);
    }
    u->n_props = 0;
    pa_free(u->tuid);
    pa_free(u->srclang);
    pa_free(u->document);
    u->tuid = u->srclang = u->document = NULL;
    u->score = -1;
}

/* Reads a <prop> of the current <tu> into the unit's props; x-document
 * and x-score also into their fields. */
static int read_prop(pa_tmx_reader *r, pa_error *err)
{
    char *type = attr_dup(r, "type");
    pa_buf_reset(&r->text);
    int rc = collect_text(r, &r->text, err);
    if (rc == 0) {
        pa_tmx_read_unit *u = &r->unit;
        PA_GROW(u->props, r->props_cap, u->n_props + 1);
        u->props[u->n_props].type = pa_strdup(type ? type : "");
        u->props[u->n_props++].value = pa_strndup(r->text.data ? r->text.data : "", r->text.len);
    }
    if (rc == 0 && type && strcmp(type, "x-document") == 0) {
        pa_free(r->unit.document);
        r->unit.document = pa_buf_detach(&r->text, NULL);
    } else if (rc == 0 && type && strcmp(type, "x-score") == 0 && r->text.len) {
        locale_t old = uselocale(r->c_locale);
        char *end;
        double v = strtod(r->text.data, &end);
        uselocale(old);
        end += strspn(end, " \t\r\n");
        if (end != r->text.data && *end == '\0') r->unit.score = v;
    }
    pa_free(type);
    return rc;
}

/* Structured handler while the DTD judges a subtree: each error goes to
 * the caller's problem function with the line of its element. */
static void pass_validity_error(void *ctx, pa_tmx_xml_error e)
{
    pa_tmx_reader *r = ctx;
    if (!e || !r->opt.problem) return;
    const char *msg = e->message ? e->message : "not valid";
    int n = (int)strlen(msg);
    while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' ')) n--;
    char line[512];
    snprintf(line, sizeof line, "%.*s (TMX 1.4b DTD)", n, msg);
    r->opt.problem(r->opt.data, e->line > 0 ? e->line : -1, line);
}

/* Validates the element the reader is on, and everything inside it,
 * against the DTD of the options (read ahead to the element's end). */
static int validate_subtree(pa_tmx_reader *r, pa_error *err)
{
    if (!r->dtd) return 0;
    xmlNodePtr node = xmlTextReaderExpand(r->xr); /* under the reader's handlers */
    if (!node || r->src_failed || r->xml_err[0]) return fail_parse(r, err);
    xmlDocPtr doc = node->doc;
    xmlValidCtxtPtr vc = xmlNewValidCtxt();
    if (!vc) return pa_error_set(err, PA_EINTERNAL, "%s: out of libxml2 memory", reader_name(r));
    xmlDtdPtr own = doc->intSubset, ext = doc->extSubset;
    doc->intSubset = r->dtd, doc->extSubset = NULL;
    /* the caller's problem function runs with the caller's handlers */
    quiet_end(r->outer);
    xmlStructuredErrorFunc fn = xmlStructuredError;
    void *ctx = xmlStructuredErrorContext;
    xmlSetStructuredErrorFunc(r, pass_validity_error);
    xmlValidateElement(vc, doc, node);
    xmlSetStructuredErrorFunc(ctx, fn);
    r->outer = quiet_begin(r);
    doc->intSubset = own, doc->extSubset = ext;
    xmlFreeValidCtxt(vc);
    return 0;
}

/* Reads a <tuv>: its language (xml:lang, or TMX 1.1's lang) and the text of
 * its <seg>; <prop> and <note> of the variant are skipped. */
static int read_tuv(pa_tmx_reader *r, pa_error *err)
{
    char *lang = attr_dup(r, "xml:lang");
    if (!lang) lang = attr_dup(r, "lang");
    if (!lang) return fail_at(r, err, "<tuv> without xml:lang");
    pa_buf seg = PA_BUF_INIT;
    int rc = 1, depth = xmlTextReaderDepth(r->xr);
    if (!xmlTextReaderIsEmptyElement(r->xr)) {
        rc = advance_inside(r, 0, err);
        while (rc > 0 && !is_end_of(r, depth)) {
            int is_seg = is_element(r, "seg");
            if (is_seg && r->opt.keep_markup) { /* the content as XML, then past </seg> */
                xmlChar *xml = xmlTextReaderReadInnerXml(r->xr);
                if (xml) pa_buf_puts(&seg, (const char *)xml);
                xmlFree(xml);
                rc = advance_inside(r, 1, err);
                continue;
            }
            if (is_seg && collect_text(r, &seg, err) < 0) rc = -1;
            else rc = advance_inside(r, !is_seg, err);
        }
    }
    if (rc < 0) {
        pa_free(lang);
        pa_buf_free(&seg);
        return -1;
    }
    pa_tmx_read_unit *u = &r->unit;
    PA_GROW(u->variants, r->variants_cap, u->n_variants + 1);
    pa_tmx_read_variant *v = &u->variants[u->n_variants++];
    v->lang = lang;
    v->text = pa_buf_detach(&seg, &v->len);
    return 0;
}

/* Reads the <tu> the reader is on into r->unit. */
static int read_tu(pa_tmx_reader *r, pa_error *err)
{
    unit_clear(&r->unit);
    r->unit.line = (long)xmlGetLineNo(xmlTextReaderCurrentNode(r->xr));
    r->unit.tuid = attr_dup(r, "tuid");
    r->unit.srclang = attr_dup(r, "srclang");
    if (validate_subtree(r, err) < 0) return -1;
    if (xmlTextReaderIsEmptyElement(r->xr)) return 0;
    int depth = xmlTextReaderDepth(r->xr);
    int rc = advance_inside(r, 0, err);
    while (rc > 0 && !is_end_of(r, depth)) {
        int skip = 0;
        if (is_element(r, "tuv")) rc = read_tuv(r, err);
        else if (is_element(r, "prop")) rc = read_prop(r, err);
        else skip = 1;
        if (rc >= 0) rc = advance_inside(r, skip, err);
    }
    return rc > 0 ? 0 : -1;
}

/* Keeps every attribute of <header>. */
static void read_header(pa_tmx_reader *r)
{
    size_t cap = 0;
    r->header_line = (long)xmlGetLineNo(xmlTextReaderCurrentNode(r->xr));
    while (xmlTextReaderMoveToNextAttribute(r->xr) == 1) {
        PA_GROW(r->header, cap, r->n_header + 1);
        r->header[r->n_header].type = pa_strdup((const char *)xmlTextReaderConstName(r->xr));
        r->header[r->n_header++].value = pa_strdup((const char *)xmlTextReaderConstValue(r->xr));
    }
    xmlTextReaderMoveToElement(r->xr);
}

/* Reads the prologue up to the inside of <body>: the root must be <tmx>,
 * the document must declare no entities, the header gives srclang. */
static int read_to_body(pa_tmx_reader *r, pa_error *err)
{
    int rc;
    while ((rc = advance(r, 0, err)) > 0) {
        int type = r->type;
        if (type == XML_READER_TYPE_DOCUMENT_TYPE) {
            xmlDtdPtr dtd = (xmlDtdPtr)xmlTextReaderCurrentNode(r->xr);
            if (dtd && (dtd->entities || dtd->pentities))
                return fail_at(r, err, "entity declarations are not allowed in TMX");
        } else if (type == XML_READER_TYPE_ELEMENT) {
            break;
        }
    }
    if (rc == 0) return fail_at(r, err, "no root element: not an XML document");
    if (rc < 0) return -1;
    r->in_root = 1;
    if (!is_element(r, "tmx"))
        return fail_at(r, err, "not a TMX document (the root element is <%s>, not <tmx>)",
                       (const char *)xmlTextReaderConstName(r->xr));
    r->version = attr_dup(r, "version");
    if (xmlTextReaderIsEmptyElement(r->xr)) return fail_at(r, err, "<tmx> without <body>");
    int depth = xmlTextReaderDepth(r->xr);
    rc = advance_inside(r, 0, err);
    while (rc > 0 && !is_end_of(r, depth)) {
        if (xmlTextReaderDepth(r->xr) == depth + 1 && is_element(r, "body")) {
            r->body_depth = depth + 1;
            r->body_done = xmlTextReaderIsEmptyElement(r->xr);
            return 0;
        }
        if (xmlTextReaderDepth(r->xr) == depth + 1 && is_element(r, "header") && !r->srclang) {
            r->srclang = attr_dup(r, "srclang");
            read_header(r);
            if (validate_subtree(r, err) < 0) return -1;
        }
        rc = advance_inside(r, r->type == XML_READER_TYPE_ELEMENT, err);
    }
    return rc > 0 ? fail_at(r, err, "<tmx> without <body>") : -1;
}

/* Parses the DTD file of the options (the user's file: not one a memory
 * names). */
static int load_dtd(pa_tmx_reader *r, pa_error *err)
{
    if (!r->opt.dtd) return 0;
    xmlParserInputBufferPtr in = xmlParserInputBufferCreateFilename(r->opt.dtd, XML_CHAR_ENCODING_NONE);
    if (in) r->dtd = xmlIOParseDTD(NULL, in, XML_CHAR_ENCODING_NONE); /* frees `in` */
    if (!r->dtd) return pa_error_set(err, PA_EINPUT, "%s: cannot read this DTD", r->opt.dtd);
    return 0;
}

pa_tmx_reader *pa_tmx_reader_open(const char *path, pa_error *err)
{
    return pa_tmx_reader_open_with(path, NULL, err);
}

/* Makes the XML reader of `r` (its input set) and reads up to <body>;
 * frees `r` on failure. */
static pa_tmx_reader *reader_start(pa_tmx_reader *r, const pa_tmx_reader_options *o, pa_error *err)
{
    if (o) r->opt = *o;
    r->unit.score = -1;
    r->header_line = -1;
    r->c_locale = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
    if (load_dtd(r, err) < 0) {
        pa_tmx_reader_close(r);
        return NULL;
    }
    quiet_state q = quiet_begin(r);
    r->xr = xmlReaderForIO(read_from_source, NULL, r, reader_name(r), NULL, TMX_PARSE_OPTIONS);
    quiet_end(q);
    if (!r->xr && r->src_failed) {
        if (err) *err = r->src_err;
        pa_tmx_reader_close(r);
        return NULL;
    }
    if (!r->xr || !r->c_locale) {
        pa_error_set(err, PA_EINTERNAL, "%s: cannot create an XML reader (libxml2)", reader_name(r));
        pa_tmx_reader_close(r);
        return NULL;
    }
    xmlTextReaderSetStructuredErrorHandler(r->xr, keep_xml_error, r);
    r->outer = quiet_begin(r);
    int rc = read_to_body(r, err);
    quiet_end(r->outer);
    if (rc < 0) {
        pa_tmx_reader_close(r);
        return NULL;
    }
    return r;
}

pa_tmx_reader *pa_tmx_reader_open_with(const char *path, const pa_tmx_reader_options *o, pa_error *err)
{
    xmlInitParser();
    pa_source *src = pa_source_open(path, err);
    if (!src) return NULL;
    pa_tmx_reader *r = pa_calloc(1, sizeof *r);
    r->src = src;
    return reader_start(r, o, err);
}

pa_tmx_reader *pa_tmx_reader_open_bytes(const char *bytes, size_t len, const char *name,
                                        const pa_tmx_reader_options *o, pa_error *err)
{
    xmlInitParser();
    pa_tmx_reader *r = pa_calloc(1, sizeof *r);
    r->mem = bytes ? bytes : "", r->mem_len = len;
    r->mem_name = pa_strdup(name);
    return reader_start(r, o, err);
}

const char *pa_tmx_reader_srclang(const pa_tmx_reader *r) { return r->srclang; }

const char *pa_tmx_reader_name(const pa_tmx_reader *r) { return reader_name(r); }

long pa_tmx_reader_header_line(const pa_tmx_reader *r) { return r->header_line; }

const char *pa_tmx_reader_version(const pa_tmx_reader *r) { return r->version; }

const char *pa_tmx_reader_header(const pa_tmx_reader *r, const char *name)
{
    for (size_t i = 0; i < r->n_header; i++)
        if (strcmp(r->header[i].type, name) == 0) return r->header[i].value;
    return NULL;
}

/* pa_tmx_reader_next, with the reader's error handlers installed. */
static int next_unit(pa_tmx_reader *r, const pa_tmx_read_unit **u, pa_error *err)
{
    if (r->failed)
        return pa_error_set(err, PA_EINPUT, "%s: reading stopped at an earlier error",
                            reader_name(r));
    int skip = 0;
    while (!r->body_done) {
        if (advance_inside(r, skip, err) < 0) return -1;
        skip = 0;
        if (is_end_of(r, r->body_depth)) {
            r->body_done = 1;
        } else if (is_element(r, "tu")) {
            if (read_tu(r, err) < 0) return -1;
            *u = &r->unit;
            return 1;
        } else {
            skip = r->type == XML_READER_TYPE_ELEMENT; /* not TMX */
        }
    }
    /* What follows </body> must still be well-formed. */
    int rc;
    while ((rc = advance(r, 0, err)) > 0)
        if (xmlTextReaderDepth(r->xr) == 0 &&
            r->type == XML_READER_TYPE_END_ELEMENT)
            r->root_done = 1;
    return rc;
}

int pa_tmx_reader_next(pa_tmx_reader *r, const pa_tmx_read_unit **u, pa_error *err)
{
    r->outer = quiet_begin(r);
    int rc = next_unit(r, u, err);
    quiet_end(r->outer);
    return rc;
}

const pa_tmx_read_variant *pa_tmx_unit_variant(const pa_tmx_read_unit *u, const char *lang)
{
    size_t n = strlen(lang);
    for (size_t i = 0; i < u->n_variants; i++) /* the same tag first */
        if (pa_tmx_langtag_equal(u->variants[i].lang, strlen(u->variants[i].lang), lang, n))
            return &u->variants[i];
    if (strcspn(lang, "-_") < n) return NULL; /* "zh-TW" matches only zh-TW */
    for (size_t i = 0; i < u->n_variants; i++) { /* "zh" matches "zh-CN", "zh_Hans" */
        const char *v = u->variants[i].lang;
        if (pa_tmx_langtag_equal(v, strcspn(v, "-_"), lang, n)) return &u->variants[i];
    }
    return NULL;
}

const char *pa_tmx_unit_prop(const pa_tmx_read_unit *u, const char *type)
{
    for (size_t i = 0; i < u->n_props; i++)
        if (strcmp(u->props[i].type, type) == 0) return u->props[i].value;
    return NULL;
}

void pa_tmx_reader_close(pa_tmx_reader *r)
{
    if (!r) return;
    if (r->xr) xmlFreeTextReader(r->xr);
    pa_source_close(r->src);
    pa_free(r->mem_name);
    unit_clear(&r->unit);
    pa_free(r->unit.variants);
    pa_free(r->unit.props);
    pa_free(r->srclang);
    pa_free(r->version);
    for (size_t i = 0; i < r->n_header; i++) pa_free(r->header[i].type), pa_free(r->header[i].value);
    pa_free(r->header);
    if (r->dtd) xmlFreeDtd(r->dtd);
    pa_buf_free(&r->text);
    if (r->c_locale) freelocale(r->c_locale);
    pa_free(r);
}
