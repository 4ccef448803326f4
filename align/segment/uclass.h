/* uclass.h - UnicodeSet patterns built with their property classes cached.
 *
 * ICU builds the set of a property (\p{L}, \p{Z}) anew in every pattern
 * that names it, some 0.3M instructions each, and the prefilters of a
 * ruleset's rules name the same few again and again (\p{Z} in every \s,
 * \p{Nd} in every digit): on a short raw-text document that was a tenth of
 * the run. A pa_uclass_cache asks ICU for each property once, and builds
 * the patterns of the common shape from it: unions of characters, ranges,
 * properties and nested sets, any of them negated. Any other pattern
 * (set operations, POSIX [:..:] classes, strings, escapes it does not
 * know) goes to ICU whole, so that the set is always the one ICU builds
 * from the pattern.
 */
#ifndef PA_UCLASS_H
#define PA_UCLASS_H

#include <stddef.h>
#include <unicode/uset.h>

typedef struct pa_uclass_cache pa_uclass_cache;

pa_uclass_cache *pa_uclass_cache_new(void);
void pa_uclass_cache_free(pa_uclass_cache *c);

/* The set of UnicodeSet pattern `pat` (UTF-8, `len` bytes; white space is
 * literal, as with uset_openPatternOptions(pat, 0)): a new set, not
 * frozen, which the caller closes; NULL with `*st` telling why when ICU
 * refuses the pattern. `*fast`, when not NULL, says whether the cache
 * built it (1) or ICU parsed it whole (0). */
USet *pa_uclass_open(pa_uclass_cache *c, const char *pat, size_t len, UErrorCode *st, int *fast);

#endif
