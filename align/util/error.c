/* error.c - see error.h. */
#include "align/util/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void pa_error_clear(pa_error *e)
{
    if (!e) return;
    e->code = PA_OK;
    e->msg[0] = '\0';
}

/* Messages are printed as one line: fold any control character to a space. */
static void flatten(char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s < 0x20) *s = ' ';
}

int pa_error_set(pa_error *e, int code, const char *fmt, ...)
{
    if (!e) return -1;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
    flatten(e->msg);
    e->code = code;
    return -1;
}

