/* tmx_validate.h - checking a translation memory (`polyalign tmx validate`).
 *
 * Streams the file once and reports every problem it finds, one line each,
 * "FILE:LINE: message" (the line of the element at fault; "FILE:LINE:COL"
 * where the XML parser stops on a malformed document, which ends the
 * check):
 *   - well-formedness, and what the reader refuses (entity declarations,
 *     external DTDs and entities are never loaded; see tmx_reader.h);
 *   - the TMX 1.4b DTD, when given: the header and every <tu>, each as it
 *     is read (the DTD file comes from the user, never from the memory);
 *   - the header's required attributes (creationtool, creationtoolversion,
 *     segtype, o-tmf, adminlang, srclang, datatype) and segtype's values;
 *   - language tags of the header and of every <tuv> (RFC 3066 syntax,
 *     "*all*" for srclang only), a <tu> without <tuv>, an empty <seg>, and
 *     a <tu> without a <tuv> in its source language (the tu's srclang, else
 *     the header's, unless "*all*").
 */
#ifndef PA_TMX_VALIDATE_H
#define PA_TMX_VALIDATE_H

#include <stddef.h>

#include "tmx/tmx_reader.h"

/* Receives each problem, a full line ("FILE:LINE: message"). */
typedef void (*pa_tmx_report_fn)(void *data, const char *line);

/* Checks `path` against `dtd` (a DTD file; NULL = the checks without it);
 * returns the number of problems found (0: valid). `report` may be NULL. */
size_t pa_tmx_validate_file(const char *path, const char *dtd, size_t max_bytes, pa_tmx_report_fn report,
                            void *data);

/* True when `tag` is a language tag by RFC 3066's syntax: subtags of 1 to
 * 8 letters or digits joined by '-', the first letters only. */
int pa_tmx_langtag_valid(const char *tag);

#endif
