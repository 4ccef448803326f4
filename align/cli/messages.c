/* messages.c - notes, -v messages and the progress line on stderr. */
#include "align/cli/cli.h"

#include <stdarg.h>
#include <stdio.h>

/* The library's log callback: notes and the -v levels asked for. */
static void on_log(void *data, int level, const char *message)
{
    cli_messages *m = data;
    if (m->quiet) return;
    char line[1100];
    snprintf(line, sizeof line, "polyalign: %s", message);
    if (m->bar) cli_progress_note(m->bar, line);
    else fprintf(stderr, "%s\n", line);
    (void)level;
}

static void on_progress(void *data, const pa_progress *p)
{
    cli_messages *m = data;
    if (m->bar) cli_progress_update(m->bar, p->phase, p->done, p->total, p->unit);
}

void cli_messages_attach(cli_messages *m, pa_align_options *o)
{
    o->log = on_log;
    o->log_level = m->verbosity;
    o->callback_data = m;
    if (!m->quiet) {
        m->bar = cli_progress_new(stderr, m->progress ? CLI_PROGRESS_ALWAYS : CLI_PROGRESS_AUTO);
        o->progress = on_progress;
    }
}

void cli_messages_done(cli_messages *m)
{
    cli_progress_free(m->bar);
    m->bar = NULL;
}

void cli_note(const cli_messages *m, const char *fmt, ...)
{
    if (m->quiet) return;
    va_list ap;
    va_start(ap, fmt);
    fputs("polyalign: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}
