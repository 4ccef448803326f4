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

#include <stddef.h>

/* Error classes double as the CLI's exit codes. */
enum pa_status {
    PA_OK = 0,
    PA_EINPUT = 1,    /* unreadable, malformed or unsupported input */
    PA_EUSAGE = 2,    /* bad command line or option value */
    PA_EOUTPUT = 3,   /* output could not be written */
    PA_EINTERNAL = 4, /* a library (ICU, libxml2, zlib) failed unexpectedly */
    PA_EPARTIAL = 5   /* batch mode: some documents failed, the rest were written */
};

typedef struct pa_error {
    int code;        /* enum pa_status */
    char msg[1024];  /* one line, no trailing newline */
} pa_error;

/* Clears `e` (code PA_OK, empty message). */
void pa_error_clear(pa_error *e);

/* Sets code and a printf-style message; newlines in the result become spaces
 * so that the message stays on one line. Returns -1 so callers can write
 * `return pa_error_set(err, PA_EINPUT, "%s: empty file", path);`. */
int pa_error_set(pa_error *e, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
