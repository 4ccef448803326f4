/* progress.h - the progress line of long runs, on stderr.
 *
 *   aligning zh-en: 1,234/4,875 sentences (25%), 0:12 elapsed, 0:36 left
 *
 * Short runs stay silent: nothing is shown in the first second after
 * cli_progress_new. On a terminal the line is then redrawn in place ("\r",
 * the line, "\033[K" to clear what a longer line left) at most 10 times a
 * second and cleared by cli_progress_free. Anywhere else (ALWAYS into a
 * pipe or a file) it is written as plain lines, one a second or one when the
 * phase changes, never with an escape code. The time left is estimated from
 * the rate within the current phase, once the phase has run 0.5 s or done
 * 5% of its total. A line never exceeds 79 columns (a long phase name is
 * cut, ending in "..."). Time comes from CLOCK_MONOTONIC unless a test sets
 * its own clock. Not thread-safe: one thread reports.
 */
#ifndef PA_CLI_PROGRESS_H
#define PA_CLI_PROGRESS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef enum cli_progress_mode {
    CLI_PROGRESS_AUTO,   /* only on a terminal (isatty) whose TERM is not "dumb" */
    CLI_PROGRESS_ALWAYS, /* also into a pipe or a file, as plain lines */
    CLI_PROGRESS_NEVER   /* no progress line; notes are still printed */
} cli_progress_mode;

typedef struct cli_progress cli_progress;

/* A monotonic time in nanoseconds (any origin). */
typedef uint64_t (*cli_progress_clock)(void *ctx);

/* A progress reporter writing to `out` (normally stderr); the clock starts
 * now. Never NULL (out of memory aborts, as everywhere in polyalign). */
cli_progress *cli_progress_new(FILE *out, cli_progress_mode mode);

/* Reports that `done` of `total` `unit`s of `phase` are done ("aligning
 * zh-en", 1234, 4875, "sentences"); total 0 means unknown (no percentage,
 * no time left). Phase and unit are copied (up to 127 and 31 bytes), so the
 * caller may reuse its buffers; a phase is told apart from the last by its
 * text. A new phase restarts the rate estimate, as does `done` going
 * backwards. Cheap enough to call for every item: it reads the clock and
 * writes only when a line is due. NULL phase or unit means "". */
void cli_progress_update(cli_progress *p, const char *phase, size_t done, size_t total, const char *unit);

/* Prints `line` (a note or a warning; a newline is added if missing) at
 * once, in every mode: on a terminal the progress line is cleared first and
 * redrawn after, so the two never share a row. */
void cli_progress_note(cli_progress *p, const char *line);

/* Clears the progress line (on a terminal) and frees `p`; NULL is allowed. */
void cli_progress_free(cli_progress *p);

/* Replaces the clock (for tests) and restarts the run and the phase at its
 * current time. */
void cli_progress_set_clock(cli_progress *p, cli_progress_clock clock, void *ctx);

/* Overrides whether `out` counts as a terminal, i.e. in-place redraws with
 * escape codes (1) or plain lines (0): for tests, and for callers that know
 * better than isatty. In AUTO mode this also turns the line on or off;
 * NEVER stays silent. */
void cli_progress_set_terminal(cli_progress *p, int terminal);

#endif
