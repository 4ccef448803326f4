/* ltrrun.h - numbers and punctuation that pdftotext gives in visual order
 * inside right-to-left text.
 *
 * pdftotext (poppler's TextOutputDev) writes a right-to-left line in
 * logical order, wrapped in U+202B (RLE) ... U+202C (PDF), and every run it
 * reads left to right inside it (digits, Latin, the punctuation next to
 * them) in U+202A (LRE) ... U+202C, in the order of the page: left to
 * right. The punctuation and spaces such a run starts with stand to the
 * left of its digits or letters on the page, so in the right-to-left flow
 * they come after them: "1. لكل" is set with the full stop left of the 1
 * and comes out ‪" .1"‬ + "لكل" (".1لكل" once the embeddings are dropped),
 * "10 - يقرر" as ‪" - 10"‬, "3.5 في" as ‪" 3.5"‬, "2015." as ‪".2015"‬, a
 * comma and its space "، " as ‪" ،"‬ and a full stop ending a sentence
 * before the next as ‪" ."‬.
 *
 * The repair puts the leading white space and punctuation of each such
 * run after the rest of it, in reverse order (‪" .1"‬ -> ‪"1. "‬, ‪" ،"‬ ->
 * ‪"، "‬): the order of the right-to-left flow they belong to. It looks only
 * at runs an LRE opens directly inside an RLE, which is pdftotext's mark of
 * the damage (text written with embeddings has its runs in logical order,
 * but it has no form feeds: see pa_ltr_runs_damaged). Punctuation here is a
 * character of bidirectional class WS, CS, ES or ON that is not mirrored
 * (brackets, whose glyph poppler may give mirrored, stay). The bytes of a
 * run are only reordered, so the text keeps its length; no allocation,
 * linear time, bytes that are not UTF-8 end a run's leading punctuation
 * and nothing is read past `len`.
 */
#ifndef PA_LTRRUN_H
#define PA_LTRRUN_H

#include <stddef.h>

/* True when `len` bytes look like pdftotext's text of right-to-left
 * writing: a form feed (its page end) and an LRE run inside an RLE run. */
int pa_ltr_runs_damaged(const char *s, size_t len);

/* Puts the leading white space and punctuation of every LRE run inside an
 * RLE run after the rest of the run, reversed (see above), in place;
 * returns how many runs it changed. Call it on text pa_ltr_runs_damaged
 * accepts, before the embeddings are dropped. */
size_t pa_ltr_runs_repair(char *s, size_t len);

#endif
