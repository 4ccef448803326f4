/* test_progress.c - the progress line (align/cli/progress.c) on a fake
 * clock, written into memory: silence in the first second, the redraw
 * throttle on a terminal, plain lines elsewhere (no escape codes), the
 * time-left arithmetic, the 79-column limit, NEVER and AUTO, notes. */
#include "align/cli/progress.h"
#include "tests/tap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define MS UINT64_C(1000000)

/* A clock the test moves by hand. */
typedef struct fake_clock {
    uint64_t ns;
} fake_clock;

static uint64_t fake_now(void *ctx)
{
    return ((fake_clock *)ctx)->ns;
}

/* A progress reporter writing into memory, on a fake clock at 0. */
typedef struct rig {
    FILE *f;
    char *buf;
    size_t len;
    fake_clock clock;
    cli_progress *p;
} rig;

/* Opens `r` in `mode`; terminal 1 or 0 overrides isatty, -1 keeps it. */
static void rig_open(rig *r, cli_progress_mode mode, int terminal)
{
    memset(r, 0, sizeof *r);
    r->f = open_memstream(&r->buf, &r->len);
    r->p = cli_progress_new(r->f, mode);
    cli_progress_set_clock(r->p, fake_now, &r->clock);
    if (terminal >= 0) cli_progress_set_terminal(r->p, terminal);
}

/* Everything written so far (valid until the next write). */
static const char *rig_text(rig *r)
{
    fflush(r->f);
    return r->buf ? r->buf : "";
}

/* Frees the reporter (which may write) and returns what was written in all;
 * the caller frees it. */
static char *rig_close(rig *r)
{
    cli_progress_free(r->p);
    fclose(r->f);
    return r->buf;
}

/* Moves the clock to `ms` and reports. */
static void at(rig *r, uint64_t ms, const char *phase, size_t done, size_t total, const char *unit)
{
    r->clock.ns = ms * MS;
    cli_progress_update(r->p, phase, done, total, unit);
}

/* How many times `needle` occurs in `s`. */
static int count(const char *s, const char *needle)
{
    int n = 0;
    for (const char *q = strstr(s, needle); q; q = strstr(q + strlen(needle), needle)) n++;
    return n;
}

/* The last line drawn in place ("\r" LINE "\033[K") into `out`. */
static void last_drawn(const char *s, char *out, size_t size)
{
    out[0] = '\0';
    const char *from = strrchr(s, '\r');
    if (!from) return;
    from++;
    const char *end = strstr(from, "\033[K");
    size_t n = end ? (size_t)(end - from) : strlen(from);
    snprintf(out, size, "%.*s", (int)n, from);
}

/* The last plain line written into `out` (without its newline). */
static void last_plain(const char *s, char *out, size_t size)
{
    size_t n = strlen(s);
    if (n && s[n - 1] == '\n') n--;
    size_t b = n;
    while (b > 0 && s[b - 1] != '\n') b--;
    snprintf(out, size, "%.*s", (int)(n - b), s + b);
}

/* Nothing in the first second, in either style; then a line at once. */
static void test_silence(void)
{
    for (int term = 0; term <= 1; term++) {
        rig r;
        rig_open(&r, CLI_PROGRESS_ALWAYS, term);
        for (uint64_t ms = 0; ms < 1000; ms++) at(&r, ms, "loading", ms, 1000, "files");
        ok(strlen(rig_text(&r)) == 0, "%s: silent for the first second", term ? "terminal" : "plain");
        at(&r, 1000, "loading", 1000, 1000, "files");
        ok(strstr(rig_text(&r), "loading: 1,000/1,000 files (100%), 0:01 elapsed") != NULL,
           "%s: a line at 1.0 s", term ? "terminal" : "plain");
        char *all = rig_close(&r);
        free(all);
    }
    rig r;
    rig_open(&r, CLI_PROGRESS_ALWAYS, 1);
    at(&r, 0, "quick", 0, 10, "items");
    at(&r, 300, "quick", 10, 10, "items");
    char *all = rig_close(&r);
    ok(all && all[0] == '\0', "a run shorter than a second writes nothing, not even a clear at the end");
    free(all);
}

/* On a terminal: at most 10 redraws a second, each in place. */
static void test_terminal_throttle(void)
{
    rig r;
    rig_open(&r, CLI_PROGRESS_ALWAYS, 1);
    for (uint64_t ms = 0; ms <= 3000; ms++) at(&r, ms, "aligning zh-en", ms, 3000, "sentences");
    const char *s = rig_text(&r);
    int draws = count(s, "\r");
    ok(draws == 21, "updates every 1 ms from 0 to 3 s: 21 redraws (1.0, 1.1, ... 3.0 s), got %d", draws);
    ok(count(s, "\033[K") == draws, "each redraw clears the rest of the row");
    ok(strchr(s, '\n') == NULL, "no newline: the line is redrawn in place");
    char line[128];
    last_drawn(s, line, sizeof line);
    ok(strcmp(line, "aligning zh-en: 3,000/3,000 sentences (100%), 0:03 elapsed") == 0, "last redraw: '%s'", line);

    at(&r, 3050, "segmenting", 0, 10, "documents");
    ok(count(rig_text(&r), "\r") == draws, "a new phase 50 ms later waits for the throttle");
    at(&r, 3100, "segmenting", 1, 10, "documents");
    ok(count(rig_text(&r), "\r") == draws + 1, "and is drawn 100 ms after the last redraw");

    size_t before = strlen(rig_text(&r));
    char *all = rig_close(&r);
    ok(strcmp(all + before, "\r\033[K") == 0, "freeing clears the line");
    free(all);
}

/* Elsewhere: plain lines, one a second or one a phase; never an escape. */
static void test_plain_lines(void)
{
    rig r;
    rig_open(&r, CLI_PROGRESS_ALWAYS, 0);
    for (uint64_t ms = 0; ms <= 3500; ms += 10) at(&r, ms, "aligning zh-en", ms, 4000, "sentences");
    const char *s = rig_text(&r);
    ok(count(s, "\n") == 3, "updates every 10 ms to 3.5 s: 3 lines (at 1, 2 and 3 s), got %d", count(s, "\n"));
    const char *first = "aligning zh-en: 1,000/4,000 sentences (25%), 0:01 elapsed, 0:03 left\n";
    ok(strncmp(s, first, strlen(first)) == 0, "the first line: '%.*s'", (int)strlen(first) - 1, s);
    at(&r, 3510, "writing", 0, 5, "files");
    at(&r, 3520, "writing", 1, 5, "files");
    at(&r, 3530, "checking", 0, 5, "files");
    at(&r, 3540, "done", 0, 0, NULL);
    s = rig_text(&r);
    ok(count(s, "\n") == 6, "a line for each new phase, however soon: 6 lines, got %d", count(s, "\n"));
    char line[128];
    last_plain(s, line, sizeof line);
    ok(strcmp(line, "done: 0, 0:03 elapsed") == 0, "no unit, no total: '%s'", line);
    size_t before = strlen(s);
    char *all = rig_close(&r);
    ok(strlen(all) == before, "freeing writes nothing");
    ok(strchr(all, '\033') == NULL && strchr(all, '\r') == NULL, "no escape code and no carriage return");
    free(all);
}

/* The time left, from the rate within the current phase. */
static void test_eta(void)
{
    rig r;
    rig_open(&r, CLI_PROGRESS_ALWAYS, 1);
    char line[128];
    struct {
        uint64_t ms;
        const char *phase;
        size_t done, total;
        const char *want;
    } steps[] = {
        {0, "scoring", 0, 4875, NULL},
        /* 1234 in 1 s: 3641 left at 1234/s = 2.95 s, shown rounded up */
        {1000, "scoring", 1234, 4875, "scoring: 1,234/4,875 sentences (25%), 0:01 elapsed, 0:03 left"},
        /* a new phase: its rate starts again */
        {1100, "aligning zh-en", 0, 1000, "aligning zh-en: 0/1,000 sentences (0%), 0:01 elapsed"},
        /* 1% after 0.2 s: too early to say */
        {1300, "aligning zh-en", 10, 1000, "aligning zh-en: 10/1,000 sentences (1%), 0:01 elapsed"},
        /* 6% after 0.3 s: 940 * 0.3 / 60 = 4.7 s */
        {1400, "aligning zh-en", 60, 1000, "aligning zh-en: 60/1,000 sentences (6%), 0:01 elapsed, 0:05 left"},
        /* 6.1% after 0.5 s: 939 * 0.5 / 61 = 7.7 s */
        {1600, "aligning zh-en", 61, 1000, "aligning zh-en: 61/1,000 sentences (6%), 0:01 elapsed, 0:08 left"},
        /* counting again from 0 restarts the rate */
        {1700, "aligning zh-en", 0, 1000, "aligning zh-en: 0/1,000 sentences (0%), 0:01 elapsed"},
        {1800, "aligning zh-en", 10, 1000, "aligning zh-en: 10/1,000 sentences (1%), 0:01 elapsed"},
        /* 0.5 s of the phase is enough, even at 1%: 990 * 0.5 / 10 = 49.5 s */
        {2200, "aligning zh-en", 10, 1000, "aligning zh-en: 10/1,000 sentences (1%), 0:02 elapsed, 0:50 left"},
        /* finished: nothing left to estimate */
        {2300, "aligning zh-en", 1000, 1000, "aligning zh-en: 1,000/1,000 sentences (100%), 0:02 elapsed"},
        /* over 100 hours to go: no estimate */
        {2400, "slow", 0, 1000000000, NULL},
        {3400, "slow", 1, 1000000000, "slow: 1/1,000,000,000 sentences (0%), 0:03 elapsed"},
        /* 2 in 2 s, 3 to go */
        {4400, "slow", 2, 5, "slow: 2/5 sentences (40%), 0:04 elapsed, 0:03 left"},
        /* an hour and more: H:MM:SS */
        /* 7 * 3722.6 / 3 = 8686.07 s */
        {3725000, "slow", 3, 10, "slow: 3/10 sentences (30%), 1:02:05 elapsed, 2:24:47 left"},
    };
    for (size_t i = 0; i < sizeof steps / sizeof *steps; i++) {
        at(&r, steps[i].ms, steps[i].phase, steps[i].done, steps[i].total, "sentences");
        if (!steps[i].want) continue;
        last_drawn(rig_text(&r), line, sizeof line);
        if (!ok(strcmp(line, steps[i].want) == 0, "at %llu ms: '%s'", (unsigned long long)steps[i].ms, line))
            diag("want '%s'", steps[i].want);
    }
    free(rig_close(&r));
}

/* 79 columns at most: a long phase is cut, then the rest. */
static void test_width(void)
{
    rig r;
    rig_open(&r, CLI_PROGRESS_ALWAYS, 0);
    char phase[201];
    memset(phase, 'p', 200);
    phase[200] = '\0';
    at(&r, 1000, phase, 5, 10, "sentences");
    char line[256];
    last_plain(rig_text(&r), line, sizeof line);
    const char *tail = "...: 5/10 sentences (50%), 0:01 elapsed";
    ok(strlen(line) == 79, "a 200-byte phase: the line is 79 columns (%zu)", strlen(line));
    ok(strlen(line) >= strlen(tail) && strcmp(line + strlen(line) - strlen(tail), tail) == 0,
       "the phase is cut, ending in '...', and the counts are whole: '%s'", line);

    at(&r, 2000, "short", SIZE_MAX, SIZE_MAX, "units-of-a-rather-long-name-xyz");
    last_plain(rig_text(&r), line, sizeof line);
    ok(strlen(line) == 79 && strncmp(line, "18,446,744,073,709,551,615/", 27) == 0,
       "counts too wide for any phase: the rest alone, cut at 79 ('%s')", line);

    at(&r, 3000, "aligning zh-en", 1234, 4875, "sentences");
    last_plain(rig_text(&r), line, sizeof line);
    ok(strncmp(line, "aligning zh-en: 1,234/4,875 sentences (25%), 0:03 elapsed", 57) == 0 && strlen(line) <= 79,
       "a short phase is left whole: '%s'", line);
    free(rig_close(&r));
}

/* NEVER writes no progress, whatever `out` is; AUTO only on a terminal. */
static void test_modes(void)
{
    for (int term = 0; term <= 1; term++) {
        rig r;
        rig_open(&r, CLI_PROGRESS_NEVER, term);
        for (uint64_t ms = 0; ms <= 5000; ms += 10) at(&r, ms, ms < 2500 ? "one" : "two", ms, 5000, "items");
        char *all = rig_close(&r);
        ok(all && all[0] == '\0', "NEVER%s: nothing written in 5 s and two phases", term ? " on a terminal" : "");
        free(all);
    }
    rig r;
    rig_open(&r, CLI_PROGRESS_AUTO, -1);
    for (uint64_t ms = 0; ms <= 3000; ms += 10) at(&r, ms, "one", ms, 3000, "items");
    char *all = rig_close(&r);
    ok(all && all[0] == '\0', "AUTO into memory (not a terminal): nothing");
    free(all);

    rig_open(&r, CLI_PROGRESS_AUTO, 1);
    at(&r, 1000, "one", 1, 3, "items");
    ok(count(rig_text(&r), "\r") == 1, "AUTO told it is a terminal: drawn in place");
    free(rig_close(&r));

    /* The real clock: a run that ends at once stays silent. */
    FILE *f = tmpfile();
    cli_progress *p = cli_progress_new(f, CLI_PROGRESS_ALWAYS);
    cli_progress_update(p, "quick", 1, 1, "item");
    cli_progress_free(p);
    ok(ftell(f) == 0, "CLOCK_MONOTONIC: an instant run writes nothing");
    fclose(f);
    cli_progress_free(NULL);
    ok(1, "cli_progress_free(NULL) is a no-op");
}

/* Notes: whole lines, printed at once, never mixed with the progress line. */
static void test_notes(void)
{
    rig r;
    rig_open(&r, CLI_PROGRESS_ALWAYS, 0);
    cli_progress_note(r.p, "polyalign: warning: one");
    cli_progress_note(r.p, "polyalign: warning: two\n");
    ok(strcmp(rig_text(&r), "polyalign: warning: one\npolyalign: warning: two\n") == 0,
       "plain, in the first second: the notes at once, one newline each");
    at(&r, 1000, "phase", 1, 2, "items");
    cli_progress_note(r.p, "note");
    const char *s = rig_text(&r);
    ok(strcmp(s + strlen(s) - 5, "note\n") == 0 && strchr(s, '\033') == NULL, "plain: a note after a line");
    free(rig_close(&r));

    rig_open(&r, CLI_PROGRESS_ALWAYS, 1);
    cli_progress_note(r.p, "early");
    ok(strcmp(rig_text(&r), "early\n") == 0, "terminal, nothing shown yet: just the note");
    at(&r, 1000, "phase", 1, 2, "items");
    size_t before = strlen(rig_text(&r));
    cli_progress_note(r.p, "polyalign: warning: x");
    s = rig_text(&r) + before;
    ok(strcmp(s, "\r\033[Kpolyalign: warning: x\n\rphase: 1/2 items (50%), 0:01 elapsed\033[K") == 0,
       "terminal: the line is cleared, the note printed, the line drawn again");
    free(rig_close(&r));

    rig_open(&r, CLI_PROGRESS_NEVER, 1);
    at(&r, 2000, "phase", 1, 2, "items");
    cli_progress_note(r.p, "warning");
    char *all = rig_close(&r);
    ok(strcmp(all, "warning\n") == 0, "NEVER: notes are still printed, and only they");
    free(all);
}

int main(void)
{
    test_silence();
    test_terminal_throttle();
    test_plain_lines();
    test_eta();
    test_width();
    test_modes();
    test_notes();
    return done_testing();
}
