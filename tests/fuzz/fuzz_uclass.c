/* fuzz_uclass - align/segment/uclass.c against ICU's own reading of
 * UnicodeSet patterns: whenever ICU builds a set from the pattern,
 * pa_uclass_open builds the same one; whenever ICU refuses it, so does
 * pa_uclass_open.
 *
 * Valid UTF-8 input is the pattern. Other input is read a byte at a time,
 * each one piece of the pattern syntax (brackets, negation, ranges,
 * escapes of every kind, properties, set operators, strings, literal
 * characters), so that random bytes still make patterns of the shapes
 * the reader must tell apart. One cache serves every input, as one serves
 * a ruleset's classes.
 */
#include "fuzz.h"

#include "align/segment/uclass.h"
#include "align/util/buf.h"

#include <unicode/ustring.h>

static pa_uclass_cache *cache;

static const char *const pieces[] = {
    "[", "]", "[", "]", "[^", "^", "-", "-", "a", "z", "A", "0", " ", ".", "&", "$", "{ab}", ":", "[:Lu:]",
    "\\p{L}", "\\p{Lu}", "\\p{Nd}", "\\P{L}", "\\p{Z}", "\\p{gc=Pe}", "\\p{NoSuch}", "\\pL", "\\t", "\\n",
    "\\x0B", "\\x8", "\\x{41}", "\\u00A0", "\\uD83D", "\\uDE00", "\\U0001F600", "\\U0011FFFF", "\\]", "\\[",
    "\\-", "\\\\", "\\^", "\\v", "\\N{SPACE}", "\\d", "«", "“", "。", "\xf0\x9f\x98\x80", "\\", "}",
};
#define N_PIECES (sizeof pieces / sizeof *pieces)

static USet *icu_set(const char *pat, size_t len, UErrorCode *st)
{
    UChar u[4096];
    int32_t ulen = 0;
    *st = U_ZERO_ERROR;
    u_strFromUTF8(u, 4096, &ulen, pat, (int32_t)len, st);
    USet *s = U_SUCCESS(*st) ? uset_openPatternOptions(u, ulen, 0, st) : NULL;
    if (U_FAILURE(*st) && s) uset_close(s), s = NULL;
    return s;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!cache) cache = pa_uclass_cache_new();
    if (size > 1024) return 0;
    pa_buf pat = PA_BUF_INIT;
    if (fuzz_utf8_ok((const char *)data, size)) pa_buf_append(&pat, data, size);
    else
        for (size_t i = 0; i < size; i++) pa_buf_puts(&pat, pieces[data[i] % N_PIECES]);
    if (pat.len == 0 || memchr(pat.data, 0, pat.len)) {
        pa_buf_free(&pat);
        return 0;
    }
    UErrorCode st_ref, st;
    USet *ref = icu_set(pat.data, pat.len, &st_ref);
    USet *got = pa_uclass_open(cache, pat.data, pat.len, &st, NULL);
    FUZZ_CHECK(!ref == !got, "'%s': ICU %s (%s), pa_uclass_open %s (%s)", pat.data, ref ? "builds it" : "refuses it",
               u_errorName(st_ref), got ? "builds it" : "refuses it", u_errorName(st));
    FUZZ_CHECK(!ref || uset_equals(ref, got), "'%s': pa_uclass_open's set differs from ICU's", pat.data);
    if (ref) uset_close(ref);
    if (got) uset_close(got);
    pa_buf_free(&pat);
    return 0;
}
