/* test_uclass.c - align/segment/uclass.c on the cases of
 * tests/segment/uclass.cases (or the file given as argument): every set is
 * the one ICU builds from the whole pattern, and the common shapes are
 * built from the cache. One cache serves all the cases, as one serves a
 * ruleset's classes. */
#include "align/segment/uclass.h"
#include "tests/cases.h"
#include "tests/tap.h"

#include <unicode/ustring.h>

static pa_uclass_cache *cache;

/* ICU's own reading of the whole pattern. */
static USet *icu_set(const char *pat, UErrorCode *st)
{
    UChar u[4096];
    int32_t ulen = 0;
    *st = U_ZERO_ERROR;
    u_strFromUTF8(u, 4096, &ulen, pat, -1, st);
    USet *s = U_SUCCESS(*st) ? uset_openPatternOptions(u, ulen, 0, st) : NULL;
    if (U_FAILURE(*st) && s) uset_close(s), s = NULL;
    return s;
}

static void each(char **f, size_t n)
{
    if (n < 2) {
        ok(0, "malformed case '%s'", f[0]);
        return;
    }
    const char *pat = f[0], *want = f[1];
    UErrorCode st_icu, st;
    int fast = -1;
    USet *ref = icu_set(pat, &st_icu);
    USet *got = pa_uclass_open(cache, pat, strlen(pat), &st, &fast);
    if (strcmp(want, "refused") == 0) {
        ok(!ref && !got && U_FAILURE(st), "%s: refused by ICU (%s) and by pa_uclass_open (%s)", pat,
           u_errorName(st_icu), u_errorName(st));
    } else {
        int same = ref && got && uset_equals(ref, got);
        ok(same && fast == (strcmp(want, "cache") == 0), "%s: the set ICU builds (%d ranges, %s), built by %s (want %s)",
           pat, ref ? uset_getItemCount(ref) : -1, same ? "equal" : "DIFFERENT", fast ? "the cache" : "ICU", want);
    }
    if (ref) uset_close(ref);
    if (got) uset_close(got);
}

int main(int argc, char **argv)
{
    cache = pa_uclass_cache_new();
    if (cases_run(argc, argv, "tests/segment/uclass.cases", each) != 0) return 1;
    pa_uclass_cache_free(cache);
    return done_testing();
}
