/* log.h - messages from the library to whoever runs it.
 *
 * The library never prints: it hands one-line messages to the caller's
 * pa_log_fn (see polyalign.h), which the command line prints on stderr.
 * A logger travels in the options of the layer that needs it; a NULL
 * logger, or one without a function, drops everything.
 */
#ifndef PA_LOG_H
#define PA_LOG_H

#include "align/polyalign.h"

typedef struct pa_logger {
    pa_log_fn fn;
    void *data;
    int level; /* the highest level passed on */
    pa_progress_fn progress;
} pa_logger;

/* True when a message of `level` would be passed on (to skip costly
 * formatting). */
static inline int pa_log_enabled(const pa_logger *l, int level)
{
    return l && l->fn && level <= l->level;
}

/* Formats and passes on one message line. */
void pa_log(const pa_logger *l, int level, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Reports progress: `done` of `total` `unit` in `phase`. */
void pa_log_progress(const pa_logger *l, const char *phase, size_t done, size_t total, const char *unit);

#endif
