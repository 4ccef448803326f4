/* unit_key.c - see unit_key.h. */
#include "tmx/unit_key.h"
#include "align/util/hashset.h"

#include <string.h>

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/* Hashes a language tag with ASCII case folded and '_' as '-'. */
static uint64_t hash_tag(uint64_t h, const char *tag)
{
    for (const char *p = tag; *p; p++) {
        char c = *p == '_' ? '-' : (*p >= 'A' && *p <= 'Z') ? (char)(*p - 'A' + 'a') : *p;
        h = pa_hash_bytes(h, &c, 1);
    }
    return pa_hash_bytes(h, "", 1); /* the end of the tag */
}

/* Hashes `s` with white space runs as one space, none at either end. */
static uint64_t hash_text(uint64_t h, const char *s, size_t len)
{
    size_t i = 0, start;
    int first = 1;
    while (i < len) {
        while (i < len && is_space(s[i])) i++;
        if (i == len) break;
        if (!first) h = pa_hash_bytes(h, " ", 1);
        start = i;
        while (i < len && !is_space(s[i])) i++;
        h = pa_hash_bytes(h, s + start, i - start);
        first = 0;
    }
    return pa_hash_bytes(h, "", 1); /* keeps "ab"+"c" apart from "a"+"bc" */
}

uint64_t pa_tmx_unit_key(const pa_tmx_variant *v, size_t n)
{
    /* Each variant is hashed alone; the variants' hashes are combined by a
     * sum of their mixes, which the order of the variants does not change. */
    uint64_t sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += pa_hash_finish(hash_text(hash_tag(PA_HASH_SEED, v[i].lang), v[i].text, v[i].len));
    return pa_hash_finish(sum ^ (uint64_t)n);
}
