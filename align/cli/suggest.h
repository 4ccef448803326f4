/* suggest.h - "did you mean ...?" for mistyped commands and options.
 *
 * The nearest candidate by optimal-string-alignment distance (Levenshtein
 * plus the transposition of two adjacent characters, each edit costing 1),
 * compared case-insensitively (ASCII) and without leading dashes. A
 * candidate is close enough when its distance to the word is at most
 * max(len, 3) / 3, len being the word's length without dashes (so 1 edit for
 * words of up to 5 bytes, 2 up to 8, 3 up to 11, ...), and smaller than the
 * length of both (a single letter is never the typo of another). Two
 * different candidates at the same smallest distance are a tie: no
 * suggestion, since either could be meant; so is a word that begins two
 * different candidates ("--src" of --src-lang and --src-encoding is an
 * ambiguous abbreviation, not a typo of --srx). Names longer than 63 bytes
 * are never matched. Unique prefixes get no rule of their own: getopt_long
 * accepts them already.
 */
#ifndef PA_CLI_SUGGEST_H
#define PA_CLI_SUGGEST_H

#include <getopt.h>
#include <stddef.h>

/* Returns the candidate nearest to `word` (pointer into `candidates`, as
 * given, dashes and all), or NULL when none is close enough or the nearest
 * is tied. An exact match (distance 0) is returned too. `word` and the
 * candidates may carry leading dashes ("--srclang" finds "src-lang" as well
 * as "--src-lang"); NULL entries are skipped. */
const char *cli_suggest(const char *word, const char *const *candidates, size_t n);

/* For an argv element that getopt_long rejected ("--srclang=zh",
 * "--srclang", "-srclang"), writes the nearest long option of `opts` (ended
 * by a zero entry) to `out` as "--NAME" and returns 0. Any "=VALUE" is
 * ignored. Returns -1 when nothing is close enough, when `arg` is not an
 * option, when it already names an option exactly (then the trouble is a
 * missing or unwanted argument, not the spelling), or when "--NAME" does
 * not fit in `outsz` bytes. */
int cli_suggest_option(const char *arg, const struct option *opts, char *out, size_t outsz);

#endif
