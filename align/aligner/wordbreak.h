/* wordbreak.h - word boundaries and their rule statuses, as ICU's word break
 * iterator gives them, without the start-up cost of ICU's Chinese and
 * Japanese dictionary engine.
 *
 * Why: the first Han character that any ICU word iterator meets makes ICU
 * build its CjkBreakEngine, whose constructor builds UnicodeSets from
 * property patterns: about 7.6M instructions, 2 ms, in every process. A
 * corpus builder runs one process per document. This breaker runs ICU's own
 * word rules with their dictionary classes switched off, then divides each
 * rule segment that holds Chinese or Japanese characters itself: ICU's own
 * dictionary (cjdict, read by our walker of its trie format) and the same
 * cost minimisation ICU's engine runs. The result is the same list of
 * (boundary, status) pairs ICU gives, checked line by line against ICU on the
 * shared corpora and generated text (tests/aligner/test_wordbreak.c,
 * tests/fuzz/fuzz_wordbreak.c).
 *
 * That reading depends on ICU internals (the binary rule layout, the
 * dictionary's name, the engine's costs), so it is only built for the ICU
 * major version it was checked against (72, Debian bookworm) and only used
 * when the rules' layout is the expected one; otherwise, and for Thai, Lao,
 * Khmer and Myanmar text, ICU's own iterator does the work.
 *
 * One difference is chosen: ICU sends ー ｰ ﾞ ﾟ (script Common) to its CJK
 * engine only once some earlier Han or kana text in the process has built
 * that engine. This breaker always behaves as if it had been built.
 *
 * One breaker per thread; it keeps its buffers between calls.
 */
#ifndef PA_WORDBREAK_H
#define PA_WORDBREAK_H

#include <stddef.h>
#include <stdint.h>

#include "align/util/error.h"

typedef struct pa_word_breaker pa_word_breaker;

typedef struct pa_word_boundary {
    int32_t pos;    /* byte offset of the boundary, as ubrk_next on UTF-8 */
    int32_t status; /* ubrk_getRuleStatus there (UBRK_WORD_NONE, _LETTER, ...) */
} pa_word_boundary;

/* The word breaker of language `lang` (a BCP 47 tag). With `icu_only` set it
 * always uses ICU's own iterator, after making ICU build its CJK engine (the
 * reference the tests compare with). NULL with `err` set when ICU cannot
 * open its rules. */
pa_word_breaker *pa_word_breaker_new(const char *lang, int icu_only, pa_error *err);
void pa_word_breaker_free(pa_word_breaker *b);

/* Breaks the UTF-8 text s[0, len) (len < INT32_MAX). Returns the number of
 * boundaries after 0, in order, and points *out at them (the breaker's
 * array, valid until its next call); -1 with `err` set on an ICU failure. */
long pa_word_breaker_run(pa_word_breaker *b, const char *s, size_t len, const pa_word_boundary **out,
                         pa_error *err);

/* The languages whose breakers read ICU's root word rules from ICU's data
 * instead of opening ICU's iterator (NULL-terminated; for the test that
 * holds them to the rules ICU's iterator has). */
extern const char *const pa_word_breaker_root_langs[];

/* Opens, and closes again, what a breaker of a language with ICU's root
 * word rules opens in ICU: once, before threads make breakers, so that
 * ICU's first-use initialisation happens on one thread (ThreadSanitizer
 * cannot see ICU's own once-flags). */
void pa_word_breaker_warm_up(void);

/* How the breaker works: 1 when it divides dictionary text itself, 0 when
 * everything goes to ICU's iterator. For tests and --version. */
int pa_word_breaker_is_own(const pa_word_breaker *b);

/* Runs handed to ICU's iterator because they hold Thai, Lao, Khmer or
 * Myanmar text (which ICU divides with dictionaries not reproduced here). */
long pa_word_breaker_fallbacks(const pa_word_breaker *b);

#endif
