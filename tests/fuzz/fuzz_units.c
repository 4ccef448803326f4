/* fuzz_units - pa_align through the public API on three language versions
 * held in memory, and the units made of their alignments.
 *
 * The first byte chooses how the text becomes sentences (auto, segment,
 * lines) and the model; the rest is cut into three versions (zh, en, fr).
 * Beyond "no crash" it asserts that the units hold every sentence of every
 * version exactly once and in order, that each text is NUL-terminated with
 * the length given, that scores lie in [0,1] and that a unit has a sentence
 * in some language.
 */
#include "fuzz.h"

#define UNITS_MAX_INPUT 6000

static pa_context *context(void)
{
    static pa_context *ctx;
    if (!ctx) {
        pa_error err;
        ctx = pa_context_new(NULL, &err);
        FUZZ_CHECK(ctx != NULL, "no context: %s", err.msg);
    }
    return ctx;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > UNITS_MAX_INPUT) return 0;
    const char *in = (const char *)data + 1;
    size_t len = size - 1, cut[4] = {0, len / 3, 2 * len / 3, len};
    for (int k = 1; k < 3; k++)
        while (cut[k] < len && !fuzz_char_start(in, len, cut[k])) cut[k]++;
    static const char *const langs[3] = {"zh", "en", "fr"};
    pa_input inputs[3];
    for (int k = 0; k < 3; k++)
        inputs[k] = (pa_input){.bytes = in + cut[k], .len = cut[k + 1] - cut[k], .lang = langs[k], .label = langs[k]};
    pa_align_options o = PA_ALIGN_OPTIONS_INIT;
    o.split = (pa_split)(data[0] % 3);
    o.model = (pa_align_model)(data[0] / 3 % 3);
    pa_error err;
    pa_error_clear(&err);
    pa_units *u = pa_align(context(), inputs, 3, &o, &err);
    if (!u) {
        FUZZ_CHECK(err.code == PA_EINPUT, "pa_align failed with code %d: %s", err.code, err.msg);
        return 0;
    }
    FUZZ_CHECK(pa_units_languages(u) == 3, "units of %zu languages", pa_units_languages(u));
    size_t next[3] = {0, 0, 0};
    pa_unit x;
    for (size_t i = 0; pa_units_get(u, i, &x) == 0; i++) {
        size_t total = 0;
        FUZZ_CHECK(x.score >= 0 && x.score <= 1, "unit %zu scores %g", i, x.score);
        for (int l = 0; l < 3; l++) {
            total += x.count[l];
            if (!x.count[l]) continue;
            FUZZ_CHECK(x.first[l] == next[l], "unit %zu: language %d starts at %zu, want %zu", i, l, x.first[l], next[l]);
            next[l] += x.count[l];
            FUZZ_CHECK(x.text[l][x.len[l]] == '\0' && strlen(x.text[l]) == x.len[l], "unit %zu: text length", i);
        }
        FUZZ_CHECK(total > 0, "unit %zu is empty", i);
    }
    for (int l = 0; l < 3; l++)
        FUZZ_CHECK(next[l] == pa_units_sentences(u, l), "language %d: units hold %zu of %zu sentences", l, next[l],
                   pa_units_sentences(u, l));
    pa_units_free(u);
    return 0;
}
