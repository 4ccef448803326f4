/* xmlpart.c - see xmlpart.h. */
#include "align/readers/xmlpart.h"
#include "align/text/input.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

/* libxml2 2.12 made the error passed to structured handlers const. */
#if LIBXML_VERSION >= 21200
typedef const xmlError *xml_error_ptr;
#else
typedef xmlError *xml_error_ptr;
#endif

/* Never load anything; report errors only through the handler. */
#define XMLPART_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)

/* Keeps the first error of the part's parser. */
static void keep_error(void *ctx, xml_error_ptr e)
{
    pa_xmlpart *x = ctx;
    if (x->first_error[0] || !e || e->level < XML_ERR_ERROR) return;
    const char *msg = e->message ? e->message : "XML error";
    int n = (int)strlen(msg);
    while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' ')) n--;
    snprintf(x->first_error, sizeof x->first_error, "%d: %.*s", e->line, n, msg);
}

/* True when the prologue of xml[0..len) (before the root element) holds a
 * markup declaration other than a comment: <!DOCTYPE, and with it any
 * <!ENTITY. */
static int declares_doctype(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) i++;
        if (i + 1 >= len || s[i] != '<') return 0;
        if (s[i + 1] == '?') {
            const char *e = strstr(s + i, "?>"); /* the part is NUL-terminated */
            if (!e) return 0;
            i = (size_t)(e - s) + 2;
        } else if (len - i >= 4 && memcmp(s + i, "<!--", 4) == 0) {
            const char *e = strstr(s + i + 4, "-->");
            if (!e) return 0;
            i = (size_t)(e - s) + 3;
        } else {
            return s[i + 1] == '!';
        }
    }
    return 0;
}

int pa_xmlpart_open(pa_xmlpart *x, const char *file, const char *part, const char *xml, size_t len, pa_error *err)
{
    memset(x, 0, sizeof *x);
    x->file = file, x->part = part;
    if (len >= 3 && memcmp(xml, "\xEF\xBB\xBF", 3) == 0) xml += 3, len -= 3;
    if (len > INT_MAX) return pa_error_set(err, PA_EINPUT, "%s: %s is too large (2 GiB at most)", file, part);
    size_t bad = pa_utf8_validate(xml, len);
    if (bad < len || memchr(xml, '\0', len))
        return pa_error_set(err, PA_EINPUT, "%s: %s is not UTF-8 (byte %zu); not read", file, part, bad);
    if (declares_doctype(xml, len))
        return pa_error_set(err, PA_EINPUT, "%s: %s declares a document type (DTD or entities); refused", file,
                            part);
    xmlInitParser();
    x->r = xmlReaderForMemory(xml, (int)len, part, "UTF-8", XMLPART_OPTIONS);
    if (!x->r) return pa_error_set(err, PA_EINTERNAL, "%s: cannot create an XML reader for %s", file, part);
    xmlTextReaderSetStructuredErrorHandler(x->r, keep_error, x);
    return 0;
}

/* The one-line error of a failed read. */
static int failed(pa_xmlpart *x, pa_error *err)
{
    return pa_error_set(err, PA_EINPUT, "%s: %s is not well-formed XML: line %s", x->file, x->part,
                        x->first_error[0] ? x->first_error : "?: parse error");
}

int pa_xmlpart_read(pa_xmlpart *x, pa_error *err)
{
    int rc = xmlTextReaderRead(x->r);
    if (rc < 0 || (rc == 0 && x->first_error[0])) return failed(x, err);
    if (rc == 1 && xmlTextReaderNodeType(x->r) == XML_READER_TYPE_DOCUMENT_TYPE)
        return pa_error_set(err, PA_EINPUT, "%s: %s declares a document type (DTD or entities); refused", x->file,
                            x->part);
    return rc;
}

int pa_xmlpart_skip(pa_xmlpart *x, pa_error *err)
{
    int rc = xmlTextReaderNext(x->r);
    if (rc < 0 || (rc == 0 && x->first_error[0])) return failed(x, err);
    return rc;
}

int pa_xmlpart_is(const pa_xmlpart *x, const char *ns, const char *local)
{
    const char *l = (const char *)xmlTextReaderConstLocalName(x->r);
    const char *u = (const char *)xmlTextReaderConstNamespaceUri(x->r);
    return l && u && strcmp(l, local) == 0 && strcmp(u, ns) == 0;
}

int pa_xmlpart_attr(const pa_xmlpart *x, const char *local, const char *ns, char *val, size_t size)
{
    xmlChar *v = ns ? xmlTextReaderGetAttributeNs(x->r, (const xmlChar *)local, (const xmlChar *)ns)
                    : xmlTextReaderGetAttribute(x->r, (const xmlChar *)local);
    if (!v) return 0;
    snprintf(val, size, "%s", (const char *)v);
    xmlFree(v);
    return 1;
}

void pa_xmlpart_close(pa_xmlpart *x)
{
    if (x->r) xmlFreeTextReader(x->r);
    x->r = NULL;
}
