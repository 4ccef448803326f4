/* suggest.c - see suggest.h. */
#include "align/cli/suggest.h"

#include <stdio.h>
#include <string.h>

/* Longest name compared; longer ones are nobody's typo of an option. */
#define NAME_MAX_LEN 63

/* ASCII lower case, independent of the locale. */
static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* Skips the leading dashes of an option name. */
static const char *undash(const char *s)
{
    while (*s == '-') s++;
    return s;
}

/* Case-insensitive equality of a[0..na) and b[0..nb). */
static int same_name(const char *a, size_t na, const char *b, size_t nb)
{
    if (na != nb) return 0;
    for (size_t i = 0; i < na; i++)
        if (lower(a[i]) != lower(b[i])) return 0;
    return 1;
}

/* The optimal-string-alignment distance between a[0..na) and b[0..nb),
 * case-insensitively: insertions, deletions, substitutions and swaps of two
 * adjacent bytes cost 1 each, and no substring is edited twice. Three rows
 * of the usual table, on the stack (both lengths are at most NAME_MAX_LEN). */
static size_t osa_distance(const char *a, size_t na, const char *b, size_t nb)
{
    size_t rows[3][NAME_MAX_LEN + 1];
    size_t *prev2 = rows[0], *prev = rows[1], *cur = rows[2];
    for (size_t j = 0; j <= nb; j++) prev[j] = j;
    for (size_t i = 1; i <= na; i++) {
        cur[0] = i;
        for (size_t j = 1; j <= nb; j++) {
            size_t cost = lower(a[i - 1]) != lower(b[j - 1]);
            size_t d = prev[j - 1] + cost;
            if (prev[j] + 1 < d) d = prev[j] + 1;
            if (cur[j - 1] + 1 < d) d = cur[j - 1] + 1;
            if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) && lower(a[i - 2]) == lower(b[j - 1]) &&
                prev2[j - 2] + 1 < d)
                d = prev2[j - 2] + 1;
            cur[j] = d;
        }
        size_t *t = prev2;
        prev2 = prev, prev = cur, cur = t;
    }
    return prev[nb];
}

/* The search for the nearest name: the best so far, whether another,
 * different name is as near, and whether the word abbreviates two names. */
typedef struct nearest {
    const char *word; /* without dashes, `len` bytes (no "=VALUE") */
    size_t len;
    size_t limit; /* largest distance accepted */
    size_t best;  /* distance of `name`; limit + 1 while nothing is found */
    const char *name; /* the nearest candidate without its dashes */
    size_t index;     /* its position among the candidates */
    int tied;
    const char *extended; /* a candidate that `word` is a proper prefix of */
    int ambiguous;        /* `word` is a proper prefix of two different ones */
} nearest;

/* Starts a search for `word` (its first `len` bytes, dashes removed). */
static void nearest_init(nearest *s, const char *word, size_t len)
{
    s->word = word;
    s->len = len;
    s->limit = (len > 3 ? len : 3) / 3;
    s->best = s->limit + 1;
    s->name = NULL;
    s->index = 0;
    s->tied = 0;
    s->extended = NULL;
    s->ambiguous = 0;
}

/* Weighs candidate number `index`, named `cand` (dashes allowed). */
static void nearest_try(nearest *s, const char *cand, size_t index)
{
    const char *name = undash(cand);
    size_t n = strlen(name);
    if (n == 0 || n > NAME_MAX_LEN || s->len == 0 || s->len > NAME_MAX_LEN) return;
    if (n > s->len && same_name(s->word, s->len, name, s->len)) {
        if (!s->extended) s->extended = name;
        else if (!same_name(s->extended, strlen(s->extended), name, strlen(name))) s->ambiguous = 1;
    }
    size_t gap = n > s->len ? n - s->len : s->len - n;
    if (gap > s->limit) return; /* the distance is at least the gap */
    size_t d = osa_distance(s->word, s->len, name, n);
    if (d > s->limit || d >= n || d >= s->len) return;
    if (d < s->best) {
        s->best = d;
        s->name = name;
        s->index = index;
        s->tied = 0;
    } else if (d == s->best && !same_name(s->name, strlen(s->name), name, n)) {
        s->tied = 1;
    }
}

/* Whether the search found one nearest name (and the word is not an
 * abbreviation of several). */
static int nearest_found(const nearest *s)
{
    return s->name && !s->tied && !s->ambiguous;
}

const char *cli_suggest(const char *word, const char *const *candidates, size_t n)
{
    if (!word || !candidates) return NULL;
    const char *w = undash(word);
    nearest s;
    nearest_init(&s, w, strlen(w));
    for (size_t i = 0; i < n; i++)
        if (candidates[i]) nearest_try(&s, candidates[i], i);
    return nearest_found(&s) ? candidates[s.index] : NULL;
}

int cli_suggest_option(const char *arg, const struct option *opts, char *out, size_t outsz)
{
    if (!arg || arg[0] != '-' || !opts || !out || outsz == 0) return -1;
    const char *w = undash(arg);
    size_t len = strcspn(w, "=");
    nearest s;
    nearest_init(&s, w, len);
    for (size_t i = 0; opts[i].name; i++) {
        if (strlen(opts[i].name) == len && strncmp(opts[i].name, w, len) == 0) return -1;
        nearest_try(&s, opts[i].name, i);
    }
    if (!nearest_found(&s)) return -1;
    int k = snprintf(out, outsz, "--%s", opts[s.index].name);
    if (k < 0 || (size_t)k >= outsz) {
        out[0] = '\0';
        return -1;
    }
    return 0;
}
