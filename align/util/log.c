/* log.c - see log.h. */
#include "align/util/log.h"

#include <stdarg.h>
#include <stdio.h>

void pa_log(const pa_logger *l, int level, const char *fmt, ...)
{
    if (!pa_log_enabled(l, level)) return;
    char line[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    l->fn(l->data, level, line);
}

void pa_log_progress(const pa_logger *l, const char *phase, size_t done, size_t total, const char *unit)
{
    if (!l || !l->progress) return;
    pa_progress p = {phase, done, total, unit};
    l->progress(l->data, &p);
}
