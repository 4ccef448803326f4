/* fuzz_wordbreak - align/aligner/wordbreak.c against ICU's own word
 * iterator on arbitrary text: both must give the same boundaries and rule
 * statuses (wordbreak.h), and the boundaries must rise inside the text.
 *
 * Valid UTF-8 input is broken as it is. Other input is read as pairs of
 * bytes, each a character from one of the pools the breaker treats apart
 * (Han, kana, half-width forms, the prolonged sound mark, compatibility
 * ideographs, Hangul, Thai, Latin, digits, marks, punctuation), so that
 * random bytes still make the text the breaker must get right. The two
 * breakers (the reference: ICU only, its CJK engine built) are kept
 * between inputs, as the aligner keeps them between sentences.
 */
#include "fuzz.h"

#include "align/aligner/wordbreak.h"
#include "align/util/buf.h"

#include <unicode/utf8.h>

static pa_word_breaker *own, *ref;

static const struct { UChar32 lo, hi; } pools[] = {
    {0x4e00, 0x9fff}, {0x4e00, 0x4e7f}, {0x3041, 0x3096}, {0x30a1, 0x30fe}, {0x30fc, 0x30fc}, {0xff66, 0xff9f},
    {0x3400, 0x4dbf}, {0x20000, 0x200ff}, {0xf900, 0xfaff}, {0x2f00, 0x2fd5}, {0x3000, 0x303f}, {0xff01, 0xff5e},
    {0xac00, 0xd7a3}, {0x0e01, 0x0e5b}, {0x1780, 0x17ff}, {0x0300, 0x036f}, {0x3099, 0x309a}, {'a', 'z'},
    {'0', '9'}, {' ', '/'}, {0x0400, 0x04ff}, {0x0600, 0x06ff}, {0x3220, 0x32b0}, {0x1f600, 0x1f64f},
    {0x200b, 0x200d}, {0xfe00, 0xfe0f}, {0x2e80, 0x2fdf}, {0x31f0, 0x31ff},
};
#define N_POOLS (sizeof pools / sizeof *pools)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!own) {
        pa_error err;
        own = pa_word_breaker_new("zh", 0, &err);
        ref = pa_word_breaker_new("zh", 1, &err);
        FUZZ_CHECK(own && ref, "cannot open the breakers: %s", err.msg);
    }
    pa_buf text = PA_BUF_INIT;
    if (fuzz_utf8_ok((const char *)data, size)) {
        pa_buf_append(&text, data, size);
    } else {
        for (size_t i = 0; i + 1 < size; i += 2) {
            UChar32 lo = pools[data[i] % N_POOLS].lo, hi = pools[data[i] % N_POOLS].hi;
            UChar32 c = lo + (UChar32)((data[i + 1] * 257u + data[i]) % (uint32_t)(hi - lo + 1));
            char u[4];
            int32_t k = 0;
            U8_APPEND_UNSAFE(u, k, c);
            pa_buf_append(&text, u, (size_t)k);
        }
    }
    const char *s = text.data ? text.data : "";
    const pa_word_boundary *a, *b;
    pa_error e1, e2;
    long na = pa_word_breaker_run(own, s, text.len, &a, &e1);
    FUZZ_CHECK(na >= 0, "breaker failed: %s", e1.msg);
    pa_word_boundary *copy = pa_malloc(((size_t)na + 1) * sizeof *copy);
    if (na) memcpy(copy, a, (size_t)na * sizeof *copy);
    long nb = pa_word_breaker_run(ref, s, text.len, &b, &e2);
    FUZZ_CHECK(nb >= 0, "ICU failed: %s", e2.msg);
    FUZZ_CHECK(na == nb, "%ld boundaries against ICU's %ld", na, nb);
    for (long k = 0; k < na; k++) {
        FUZZ_CHECK(copy[k].pos == b[k].pos && copy[k].status == b[k].status,
                   "boundary %ld: %d/%d against ICU's %d/%d", k, copy[k].pos, copy[k].status, b[k].pos, b[k].status);
        FUZZ_CHECK(copy[k].pos > (k ? copy[k - 1].pos : 0) && (size_t)copy[k].pos <= text.len,
                   "boundary %ld at %d out of order", k, copy[k].pos);
    }
    pa_free(copy);
    pa_buf_free(&text);
    return 0;
}
