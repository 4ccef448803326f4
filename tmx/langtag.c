/* langtag.c - see langtag.h. A short fixed table of default region tags and
 * a small list of per-run overrides; lookups are case-insensitive. */
#include "tmx/langtag.h"
#include "align/util/alloc.h"

#include <stdlib.h>
#include <string.h>

/* The tag CAT tools expect for each language polyalign commonly handles:
 * the six UN languages first, then a few frequent others. */
static const struct {
    const char *code, *tag;
} default_tags[] = {
    {"zh", "zh-CN"}, {"en", "en-US"}, {"fr", "fr-FR"}, {"es", "es-ES"},
    {"ru", "ru-RU"}, {"ar", "ar-SA"}, {"de", "de-DE"}, {"ja", "ja-JP"},
    {"pt", "pt-PT"},
};

typedef struct langtag_override {
    char *code;
    char *tag;
} langtag_override;

struct pa_tmx_langtags {
    langtag_override *items;
    size_t n, cap;
};

pa_tmx_langtags *pa_tmx_langtags_new(void)
{
    return pa_calloc(1, sizeof(pa_tmx_langtags));
}

void pa_tmx_langtags_free(pa_tmx_langtags *t)
{
    if (!t) return;
    for (size_t i = 0; i < t->n; i++) {
        free(t->items[i].code);
        free(t->items[i].tag);
    }
    free(t->items);
    free(t);
}

/* ASCII-only lower case: tags are ASCII, and no locale may change them. */
static char fold(char c)
{
    if (c == '_') return '-';
    return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

int pa_tmx_langtag_equal(const char *a, size_t alen, const char *b, size_t blen)
{
    if (alen != blen) return 0;
    for (size_t i = 0; i < alen; i++)
        if (fold(a[i]) != fold(b[i])) return 0;
    return 1;
}

static int same_code(const char *a, const char *b)
{
    return pa_tmx_langtag_equal(a, strlen(a), b, strlen(b));
}

static int is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static int is_digit(char c) { return c >= '0' && c <= '9'; }

/* A language code as polyalign uses it: 2 or 3 ASCII letters. */
static int is_code(const char *s, size_t n)
{
    if (n < 2 || n > 3) return 0;
    for (size_t i = 0; i < n; i++)
        if (!is_alpha(s[i])) return 0;
    return 1;
}

/* A well-formed BCP 47 tag in the common shape: a 2-3 letter primary
 * subtag, then subtags of 1-8 letters or digits joined by single hyphens
 * ("zh-Hans", "zh-Hant-TW", "es-419", "sr-Latn-RS"). */
static int is_bcp47(const char *s)
{
    size_t n = strcspn(s, "-");
    if (!is_code(s, n)) return 0;
    s += n;
    while (*s == '-') {
        s++;
        size_t len = 0;
        while (is_alpha(s[len]) || is_digit(s[len])) len++;
        if (len < 1 || len > 8) return 0;
        s += len;
    }
    return *s == '\0';
}

int pa_tmx_langtags_set(pa_tmx_langtags *t, const char *assignment, pa_error *err)
{
    const char *eq = strchr(assignment, '=');
    if (!eq || !is_code(assignment, (size_t)(eq - assignment)) || !is_bcp47(eq + 1))
        return pa_error_set(err, PA_EUSAGE,
                            "invalid language tag assignment '%s': expected CODE=TAG "
                            "with a 2-3 letter code and a BCP 47 tag, e.g. zh=zh-Hans",
                            assignment);
    char *code = pa_strndup(assignment, (size_t)(eq - assignment));
    for (size_t i = 0; i < t->n; i++) {
        if (same_code(t->items[i].code, code)) {
            free(code);
            free(t->items[i].tag);
            t->items[i].tag = pa_strdup(eq + 1);
            return 0;
        }
    }
    PA_GROW(t->items, t->cap, t->n + 1);
    t->items[t->n].code = code;
    t->items[t->n].tag = pa_strdup(eq + 1);
    t->n++;
    return 0;
}

const char *pa_tmx_langtags_get(const pa_tmx_langtags *t, const char *code)
{
    for (size_t i = 0; t && i < t->n; i++)
        if (same_code(t->items[i].code, code)) return t->items[i].tag;
    for (size_t i = 0; i < sizeof default_tags / sizeof default_tags[0]; i++)
        if (same_code(default_tags[i].code, code)) return default_tags[i].tag;
    return code;
}
