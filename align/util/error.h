/* error.h - the one error-reporting path of polyalign.
 *
 * Every function that can fail takes a `pa_error *` as its last argument,
 * returns -1 (or NULL) on failure and fills the error with a one-line,
 * human-readable message that already names the file and the problem.
 * Callers pass it up unchanged; only the CLI prints it ("polyalign: MSG").
 * A NULL `pa_error *` is allowed and means "don't tell me why".
 */
#ifndef PA_ERROR_H
#define PA_ERROR_H

#include "align/polyalign.h" /* pa_error, enum pa_status, pa_error_clear */

/* Sets code and a printf-style message; newlines in the result become spaces
 * so that the message stays on one line. Returns -1 so callers can write
 * `return pa_error_set(err, PA_EINPUT, "%s: empty file", path);`. */
int pa_error_set(pa_error *e, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
