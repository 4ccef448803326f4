/* progress.c - see progress.h. */
#include "align/cli/progress.h"
#include "align/util/alloc.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define NS_PER_S UINT64_C(1000000000)
#define SILENT_NS NS_PER_S        /* nothing in the run's first second */
#define REDRAW_NS (NS_PER_S / 10) /* terminal: at most 10 redraws a second */
#define PLAIN_NS NS_PER_S         /* plain lines: at most one a second per phase */
#define ETA_MIN_NS (NS_PER_S / 2) /* time left: after 0.5 s of the phase ... */
#define ETA_MIN_FRACTION 0.05     /* ... or 5% of its total */
#define ETA_MAX_S (100 * 3600)    /* beyond 100 hours, say nothing */
#define MAX_COLUMNS 79

struct cli_progress {
    FILE *out;
    cli_progress_mode mode;
    int enabled;  /* progress lines are written at all */
    int terminal; /* in place with "\r" and "\033[K"; else plain lines */
    cli_progress_clock clock;
    void *clock_ctx;
    uint64_t start; /* the run's start (clock time) */

    char phase[128]; /* the current phase (phases equal in 127 bytes are one) */
    char unit[32];
    size_t done, total;
    uint64_t phase_start; /* when the rate estimate (re)started */
    size_t phase_done0;   /* `done` then */
    unsigned phase_gen;   /* counts phase changes */

    int drawn;          /* a line has been written */
    uint64_t last_draw; /* when */
    unsigned drawn_gen; /* during which phase */
    int shown;          /* terminal: `line` is on the screen */
    char line[MAX_COLUMNS + 1];
};

/* The default clock: CLOCK_MONOTONIC, which wall-clock changes don't move. */
static uint64_t monotonic_ns(void *ctx)
{
    (void)ctx;
    struct timespec ts;
    if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0) return 0;
    return (uint64_t)ts.tv_sec * NS_PER_S + (uint64_t)ts.tv_nsec;
}

/* Whether `out` is a terminal that understands "\033[K" (not TERM=dumb,
 * as in an Emacs shell buffer). */
static int is_terminal(FILE *out)
{
    int fd = fileno(out);
    if (fd < 0 || !isatty(fd)) return 0;
    const char *term = getenv("TERM");
    return !(term && strcmp(term, "dumb") == 0);
}

cli_progress *cli_progress_new(FILE *out, cli_progress_mode mode)
{
    cli_progress *p = pa_calloc(1, sizeof *p);
    p->out = out;
    p->mode = mode;
    p->terminal = is_terminal(out);
    p->enabled = mode == CLI_PROGRESS_ALWAYS || (mode == CLI_PROGRESS_AUTO && p->terminal);
    cli_progress_set_clock(p, monotonic_ns, NULL);
    return p;
}

void cli_progress_set_clock(cli_progress *p, cli_progress_clock clock, void *ctx)
{
    p->clock = clock;
    p->clock_ctx = ctx;
    p->start = p->phase_start = clock(ctx);
    p->phase_done0 = p->done;
}

/* Clears the progress line from the screen, if it is there. */
static void clear_line(cli_progress *p)
{
    if (p->terminal && p->shown) fputs("\r\033[K", p->out);
    p->shown = 0;
}

void cli_progress_set_terminal(cli_progress *p, int terminal)
{
    clear_line(p);
    p->terminal = terminal != 0;
    if (p->mode == CLI_PROGRESS_AUTO) p->enabled = p->terminal;
}

/* Writes `n` with thousands separators ("1,234,567") into `buf`. */
static void format_count(char *buf, size_t size, size_t n)
{
    char digits[32];
    int len = snprintf(digits, sizeof digits, "%zu", n);
    size_t k = 0;
    for (int i = 0; i < len && k + 2 < size; i++) {
        if (i > 0 && (len - i) % 3 == 0) buf[k++] = ',';
        buf[k++] = digits[i];
    }
    buf[k] = '\0';
}

/* Writes `secs` as M:SS, or H:MM:SS from an hour on. */
static void format_time(char *buf, size_t size, uint64_t secs)
{
    unsigned s = (unsigned)(secs % 60), m = (unsigned)(secs / 60 % 60);
    uint64_t h = secs / 3600;
    if (h) snprintf(buf, size, "%llu:%02u:%02u", (unsigned long long)h, m, s);
    else snprintf(buf, size, "%u:%02u", m, s);
}

/* The seconds the current phase still needs at its rate so far, rounded
 * up; 0 when there is no meaningful estimate yet (or none at all). */
static uint64_t seconds_left(const cli_progress *p, uint64_t now)
{
    if (p->total == 0 || p->done >= p->total || p->done <= p->phase_done0 || now <= p->phase_start) return 0;
    uint64_t ran = now - p->phase_start;
    double got = (double)(p->done - p->phase_done0);
    if (ran < ETA_MIN_NS && got < ETA_MIN_FRACTION * (double)p->total) return 0;
    double left = (double)(p->total - p->done) * ((double)ran / (double)NS_PER_S) / got;
    if (left >= ETA_MAX_S) return 0;
    uint64_t secs = (uint64_t)left;
    return secs + ((double)secs < left);
}

/* Composes the progress line at time `now` into p->line (at most
 * MAX_COLUMNS bytes): "PHASE: DONE/TOTAL UNIT (P%), E elapsed, L left". */
static void compose(cli_progress *p, uint64_t now)
{
    char done[32], total[32], counts[80], pct[16] = "", elapsed[32], left[32] = "", tail[256];
    format_count(done, sizeof done, p->done);
    format_count(total, sizeof total, p->total);
    if (p->total) {
        unsigned pc = p->done >= p->total ? 100 : (unsigned)(100.0 * (double)p->done / (double)p->total);
        snprintf(counts, sizeof counts, "%s/%s", done, total);
        snprintf(pct, sizeof pct, " (%u%%)", pc);
    } else {
        snprintf(counts, sizeof counts, "%s", done);
    }
    format_time(elapsed, sizeof elapsed, (now > p->start ? now - p->start : 0) / NS_PER_S);
    uint64_t secs = seconds_left(p, now);
    if (secs) format_time(left, sizeof left, secs);
    snprintf(tail, sizeof tail, "%s%s%s%s, %s elapsed%s%s%s", counts, p->unit[0] ? " " : "", p->unit, pct,
             elapsed, secs ? ", " : "", left, secs ? " left" : "");

    /* The phase is what gives way: cut to fit, ending in "...". */
    size_t tn = strlen(tail), pn = strlen(p->phase), sep = pn ? 2 : 0;
    size_t keep = pn, dots = 0;
    if (pn + sep + tn > MAX_COLUMNS) {
        if (tn + sep + 4 <= MAX_COLUMNS) /* room for at least "x..." */
            keep = MAX_COLUMNS - tn - sep - 3, dots = 3;
        else /* no room for the phase: the tail alone, cut */
            keep = 0, sep = 0, tn = tn < MAX_COLUMNS ? tn : MAX_COLUMNS;
    }
    char *o = p->line;
    memcpy(o, p->phase, keep), o += keep;
    memcpy(o, "...", dots), o += dots;
    memcpy(o, ": ", sep), o += sep;
    memcpy(o, tail, tn), o += tn;
    *o = '\0';
}

/* Writes p->line: in place on a terminal, else as a line of its own. */
static void draw(cli_progress *p)
{
    if (p->terminal) {
        fprintf(p->out, "\r%s\033[K", p->line);
        p->shown = 1;
    } else {
        fprintf(p->out, "%s\n", p->line);
    }
    fflush(p->out);
}

void cli_progress_update(cli_progress *p, const char *phase, size_t done, size_t total, const char *unit)
{
    uint64_t now = p->clock(p->clock_ctx);
    if (!phase) phase = "";
    if (strncmp(p->phase, phase, sizeof p->phase - 1) != 0) {
        snprintf(p->phase, sizeof p->phase, "%s", phase);
        p->phase_gen++;
        p->phase_start = now;
        p->phase_done0 = done;
    } else if (done < p->done) { /* counting again: a new rate */
        p->phase_start = now;
        p->phase_done0 = done;
    }
    snprintf(p->unit, sizeof p->unit, "%s", unit ? unit : "");
    p->done = done;
    p->total = total;

    if (!p->enabled || now < p->start || now - p->start < SILENT_NS) return;
    if (p->drawn) {
        uint64_t since = now >= p->last_draw ? now - p->last_draw : 0;
        if (p->terminal && since < REDRAW_NS) return;
        if (!p->terminal && since < PLAIN_NS && p->drawn_gen == p->phase_gen) return;
    }
    compose(p, now);
    draw(p);
    p->drawn = 1;
    p->last_draw = now;
    p->drawn_gen = p->phase_gen;
}

void cli_progress_note(cli_progress *p, const char *line)
{
    int redraw = p->terminal && p->shown;
    clear_line(p);
    size_t n = strlen(line);
    fputs(line, p->out);
    if (n == 0 || line[n - 1] != '\n') fputc('\n', p->out);
    if (redraw) draw(p);
    fflush(p->out);
}

void cli_progress_free(cli_progress *p)
{
    if (!p) return;
    clear_line(p);
    fflush(p->out);
    pa_free(p);
}
