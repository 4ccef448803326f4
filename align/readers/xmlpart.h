/* xmlpart.h - the XML parts of an office document, read safely.
 *
 * DOCX and ODT keep their text in XML parts of a ZIP container
 * (word/document.xml, content.xml) that the readers stream with libxml2's
 * xmlTextReader. The parts come from anyone, so: a part must be UTF-8 (as
 * Word and LibreOffice write them; then its prologue can be checked byte by
 * byte), a part that declares a document type (a DTD, internal or external,
 * and with it any entity) is refused before libxml2 sees it, and the reader
 * never loads anything (no network, no DTD, no entity substitution, libxml2's
 * depth and size limits on). Parser errors are kept, not printed, and come
 * back as one line naming the file, the part and the line.
 */
#ifndef PA_XMLPART_H
#define PA_XMLPART_H

#include <stddef.h>
#include <libxml/xmlreader.h>

#include "align/util/error.h"

typedef struct pa_xmlpart {
    xmlTextReaderPtr r;
    const char *file, *part; /* for messages; not owned */
    char first_error[256];   /* "LINE: message" of the first parser error */
} pa_xmlpart;

/* Opens a reader over xml[0..len) (which must outlive it); -1 with `err`
 * set when the part is not UTF-8 or declares a document type. */
int pa_xmlpart_open(pa_xmlpart *x, const char *file, const char *part, const char *xml, size_t len, pa_error *err);

/* xmlTextReaderRead, with a failure turned into a one-line error: 1 a
 * node, 0 the end, -1 an error. */
int pa_xmlpart_read(pa_xmlpart *x, pa_error *err);

/* xmlTextReaderNext (past the current node's subtree), likewise. */
int pa_xmlpart_skip(pa_xmlpart *x, pa_error *err);

/* True when the current node is an element or end tag (`end`) named
 * `local` in namespace `ns`. */
int pa_xmlpart_is(const pa_xmlpart *x, const char *ns, const char *local);

/* The value of the current element's attribute `local` in namespace `ns`
 * (NULL: no namespace), copied into val[0..size); 0 when it has none. */
int pa_xmlpart_attr(const pa_xmlpart *x, const char *local, const char *ns, char *val, size_t size);

void pa_xmlpart_close(pa_xmlpart *x);

#endif
