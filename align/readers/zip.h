/* zip.h - reading entries of a ZIP container in memory (DOCX, ODT).
 *
 * Office documents are ZIP files of XML parts. This reads what they need
 * and nothing more, over zlib's inflate: the central directory (found from
 * the end record), entries stored or deflated, each entry's CRC checked.
 * A document comes from anyone, so the container is distrusted:
 *  - an entry name that could leave a directory (an absolute path, a
 *    drive letter, a ".." component, a backslash path) refuses the file;
 *  - an entry may expand to at most `max_entry` bytes, and an entry of more
 *    than PA_ZIP_RATIO_FLOOR bytes at most PA_ZIP_MAX_RATIO times its
 *    compressed size (a zip bomb expands a thousand times); an entry that
 *    inflates past the size its directory declares is refused;
 *  - ZIP64, multi-volume archives and encrypted entries are refused;
 *  - every offset and size is checked against the bytes there are, so a
 *    truncated or corrupt file is an error, never a read past its end.
 * Errors are one line naming the file ("x.docx: truncated or not a ZIP
 * file (no end-of-directory record)").
 */
#ifndef PA_ZIP_H
#define PA_ZIP_H

#include <stddef.h>

#include "align/util/buf.h"
#include "align/util/error.h"

#define PA_ZIP_MAX_RATIO 100
#define PA_ZIP_RATIO_FLOOR ((size_t)1 << 20)

typedef struct pa_zip pa_zip;

/* Reads the directory of the ZIP file bytes[0..len) (which must outlive
 * the handle); `name` names it in messages. */
pa_zip *pa_zip_open(const char *name, const char *bytes, size_t len, size_t max_entry, pa_error *err);
void pa_zip_close(pa_zip *z);

/* True when the archive has an entry named exactly `name`. */
int pa_zip_has(const pa_zip *z, const char *name);

/* Replaces the content of `out` by the entry's expanded bytes
 * (NUL-terminated); a missing entry is an error. */
int pa_zip_read(const pa_zip *z, const char *entry, pa_buf *out, pa_error *err);

#endif
