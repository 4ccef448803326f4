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

/* A code and its tag. */
typedef struct langtag_pair {
    char *code;
    char *tag;
} langtag_pair;

typedef struct langtag_list {
    langtag_pair *items;
    size_t n, cap;
} langtag_list;

struct pa_tmx_langtags {
    langtag_list overrides; /* bare language -> tag, from --lang-tag */
};

pa_tmx_langtags *pa_tmx_langtags_new(void)
{
    return pa_calloc(1, sizeof(pa_tmx_langtags));
}

static void list_free(langtag_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        pa_free(l->items[i].code);
        pa_free(l->items[i].tag);
    }
    pa_free(l->items);
}

void pa_tmx_langtags_free(pa_tmx_langtags *t)
{
    if (!t) return;
    list_free(&t->overrides);
    pa_free(t);
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

/* The entry of `l` for `code`, or NULL. */
static langtag_pair *list_find(const langtag_list *l, const char *code)
{
    for (size_t i = 0; i < l->n; i++)
        if (same_code(l->items[i].code, code)) return &l->items[i];
    return NULL;
}

/* Sets the tag of `code` in `l`, replacing an earlier one. */
static void list_put(langtag_list *l, const char *code, const char *tag)
{
    langtag_pair *p = list_find(l, code);
    if (!p) {
        PA_GROW(l->items, l->cap, l->n + 1);
        p = &l->items[l->n++];
        p->code = pa_strdup(code);
        p->tag = NULL;
    }
    pa_free(p->tag);
    p->tag = pa_strdup(tag);
}

/* The error for a malformed assignment, with the reason `why` if any. */
static int assignment_error(pa_error *err, const char *assignment, const char *why)
{
    return pa_error_set(err, PA_EUSAGE,
                        "invalid language tag assignment '%s': %s", assignment,
                        why ? why : "expected CODE=TAG with a language code and a BCP 47 tag, e.g. zh=zh-Hans");
}

int pa_tmx_langtags_set(pa_tmx_langtags *t, const char *assignment, pa_error *err)
{
    const char *eq = strchr(assignment, '=');
    size_t n = eq ? (size_t)(eq - assignment) : 0;
    if (!eq || n == 0 || n >= PA_LANG_MAX || !eq[1]) return assignment_error(err, assignment, NULL);
    /* CODE and TAG as pa_lang_parse reads them: canonical forms, short codes. */
    char lhs[PA_LANG_MAX], lang[PA_LANG_MAX], lang_code[PA_LANG_MAX], tag[PA_LANG_MAX], tag_code[PA_LANG_MAX];
    memcpy(lhs, assignment, n);
    lhs[n] = '\0';
    pa_error why;
    pa_error_clear(&why);
    if (pa_lang_parse(lhs, lang, lang_code, &why) != 0 || pa_lang_parse(eq + 1, tag, tag_code, &why) != 0)
        return assignment_error(err, assignment, why.msg);
    if (strchr(lang, '-'))
        return assignment_error(err, assignment, "CODE must be a bare language such as zh, not a tag with subtags");
    if (strcmp(lang_code, tag_code) != 0)
        return assignment_error(err, assignment, "TAG must be a tag of the language CODE, e.g. zh=zh-Hans");
    list_put(&t->overrides, lang, tag);
    return 0;
}

const char *pa_tmx_langtags_get(const pa_tmx_langtags *t, const char *tag)
{
    if (strpbrk(tag, "-_")) return tag; /* subtags: written as given */
    const langtag_pair *o = t ? list_find(&t->overrides, tag) : NULL;
    if (o) return o->tag;
    for (size_t i = 0; i < sizeof default_tags / sizeof default_tags[0]; i++)
        if (same_code(default_tags[i].code, tag)) return default_tags[i].tag;
    return tag;
}

int pa_tmx_langtag_is(const char *tag, const char *want)
{
    size_t n = strlen(want);
    if (pa_tmx_langtag_equal(tag, strlen(tag), want, n)) return 1;
    return strcspn(want, "-_") == n && pa_tmx_langtag_equal(tag, strcspn(tag, "-_"), want, n);
}
