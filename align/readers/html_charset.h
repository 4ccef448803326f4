/* html_charset.h - the character encoding of a web page.
 *
 * A page says how it is encoded: a byte-order mark, or in its first bytes
 * <meta charset="gb2312">, <meta http-equiv="Content-Type"
 * content="text/html; charset=windows-1252"> or an XML declaration's
 * encoding="...". The order of precedence is the HTML standard's: the
 * user's --encoding, the mark, the declaration; without any, UTF-8 (and a
 * page that is not valid UTF-8 is an error naming the byte, as for text:
 * polyalign never guesses). Labels are read as browsers read them:
 * iso-8859-1 and us-ascii mean windows-1252, gb2312 and gbk mean GB18030
 * (their superset), utf-16 in a declaration (without a mark) means UTF-8.
 */
#ifndef PA_HTML_CHARSET_H
#define PA_HTML_CHARSET_H

#include <stddef.h>

#include "align/util/buf.h"
#include "align/util/error.h"

/* Bytes of the head searched for a declaration. */
#define PA_HTML_PRESCAN ((size_t)8192)

/* Copies to `label` (lower-case, at most `size` - 1 bytes) the encoding the
 * page s[0..len) declares in its head, or "" when it declares none. */
void pa_html_declared_charset(const char *s, size_t len, char *label, size_t size);

/* The ICU converter for a declared label, or NULL for UTF-8 ("utf-8",
 * "utf-16"); the label itself when no browser mapping applies. */
const char *pa_html_charset_converter(const char *label);

/* Decodes and cleans the page s[0..len) into `out` (text/input.h's
 * pa_decode_text) in the encoding chosen as above; `encoding` is the
 * user's (NULL for none). An unknown declared label and bytes that are not
 * of the encoding are one-line errors naming `name` and the declaration. */
int pa_html_decode(const char *name, const char *s, size_t len, const char *encoding, size_t max_bytes, pa_buf *out,
                   pa_error *err);

#endif
