/* lang.c - see lang.h. The shape of a tag is checked here, subtag by subtag;
 * ICU says which languages, scripts and regions exist and gives the
 * canonical language subtag. All case mapping is ASCII-only: tags are ASCII,
 * and no locale may change them. */
#include "align/text/lang.h"

#include <stdio.h>
#include <string.h>

#include <unicode/uloc.h>
#include <unicode/uregion.h>
#include <unicode/ures.h>
#include <unicode/uscript.h>

#define TAG_EXAMPLES "give a BCP 47 tag such as zh, zh-TW, en-GB"

static int is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static int is_digit(char c) { return c >= '0' && c <= '9'; }
static char lower(char c) { return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c; }
static char upper(char c) { return (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c; }

/* One subtag: a span of the user's tag. */
typedef struct subtag {
    const char *s;
    size_t n;
} subtag;

enum subtag_kind { SUB_OTHER, SUB_SINGLETON, SUB_EXTLANG, SUB_SCRIPT, SUB_REGION, SUB_VARIANT };

/* Splits `tag` at '-' and '_' into `sub` (room for `max`). Returns the number
 * of subtags, or -1 when one is empty, holds anything but ASCII letters and
 * digits, or there are more than `max`. */
static int split_subtags(const char *tag, subtag *sub, int max)
{
    int n = 0;
    const char *p = tag;
    for (;;) {
        size_t len = 0;
        while (is_alpha(p[len]) || is_digit(p[len])) len++;
        if (len == 0 || n == max) return -1;
        sub[n].s = p;
        sub[n].n = len;
        n++;
        p += len;
        if (*p == '\0') return n;
        if (*p != '-' && *p != '_') return -1;
        p++;
    }
}

/* What a subtag after the first can be, by its shape alone (RFC 5646 2.1). */
static enum subtag_kind subtag_kind(const subtag *t)
{
    size_t alpha = 0, digit = 0;
    for (size_t i = 0; i < t->n; i++) alpha += is_alpha(t->s[i]), digit += is_digit(t->s[i]);
    if (t->n == 1) return SUB_SINGLETON;
    if ((t->n == 2 && alpha == 2) || (t->n == 3 && digit == 3)) return SUB_REGION;
    if (t->n == 3 && alpha == 3) return SUB_EXTLANG;
    if (t->n == 4 && alpha == 4) return SUB_SCRIPT;
    if ((t->n == 4 && is_digit(t->s[0])) || (t->n >= 5 && t->n <= 8)) return SUB_VARIANT;
    return SUB_OTHER;
}

/* The error for a subtag that has no place where it stands. */
static int shape_error(pa_error *err, const char *tag, const subtag *t, enum subtag_kind kind)
{
    int n = (int)t->n;
    switch (kind) {
    case SUB_EXTLANG:
        return pa_error_set(err, PA_EUSAGE,
                            "'%s' is not a language code polyalign takes: give the language '%.*s' itself "
                            "instead of an extended language subtag (%s)",
                            tag, n, t->s, TAG_EXAMPLES);
    case SUB_SINGLETON:
        return pa_error_set(err, PA_EUSAGE,
                            "'%s' is not a language code polyalign takes: extensions and private use "
                            "(-u-, -x-, ...) are not supported (%s)",
                            tag, TAG_EXAMPLES);
    case SUB_SCRIPT:
    case SUB_REGION:
        return pa_error_set(err, PA_EUSAGE,
                            "'%s' is not a language code: '%.*s' is out of place (the order is "
                            "language-script-region-variant, e.g. zh-Hant-TW)",
                            tag, n, t->s);
    default:
        return pa_error_set(err, PA_EUSAGE,
                            "'%s' is not a language code: '%.*s' is not a script (Hant), region (TW, 419) "
                            "or variant subtag (%s)",
                            tag, n, t->s, TAG_EXAMPLES);
    }
}

/* ICU's replacement for the language `lang` (lower case) from its alias data
 * (CLDR's language aliases, resource metadata/alias/language): copies it
 * into `out` and returns 1 when there is one, it is a bare language (2-3
 * letters) and its reason is one of `reasons` (overlong: eng -> en;
 * bibliographic: fre -> fr; deprecated: iw -> he; macrolanguage: cmn -> zh;
 * legacy: tl -> fil). Else 0. */
static int icu_alias(const char *lang, const char *const *reasons, char out[PA_LANG_MAX])
{
    UErrorCode st = U_ZERO_ERROR;
    UResourceBundle *meta = ures_openDirect(NULL, "metadata", &st);
    UResourceBundle *alias = ures_getByKey(meta, "alias", NULL, &st);
    UResourceBundle *langs = ures_getByKey(alias, "language", NULL, &st);
    UResourceBundle *entry = ures_getByKey(langs, lang, NULL, &st);
    char repl[PA_LANG_MAX], why[32];
    int32_t rn = (int32_t)sizeof repl, wn = (int32_t)sizeof why;
    ures_getUTF8StringByKey(entry, "replacement", repl, &rn, 1, &st);
    ures_getUTF8StringByKey(entry, "reason", why, &wn, 1, &st);
    ures_close(entry);
    ures_close(langs);
    ures_close(alias);
    ures_close(meta);
    if (U_FAILURE(st) || rn < 2 || rn > 3) return 0;
    for (int32_t i = 0; i < rn; i++)
        if (!(repl[i] >= 'a' && repl[i] <= 'z')) return 0;
    for (int i = 0; reasons[i]; i++) {
        if (strcmp(why, reasons[i]) == 0) {
            memcpy(out, repl, (size_t)rn + 1);
            return 1;
        }
    }
    return 0;
}

/* Whether ICU knows the language `lang` (canonical, lower case): it has an
 * English name for it, or lists it among the ISO 639 codes. A code without
 * a name comes back from uloc_getDisplayLanguage with
 * U_USING_DEFAULT_WARNING ("zz" is named "zz"); aliases have the name of
 * their replacement ("fre" is French). */
static int known_language(const char *lang)
{
    if (strcmp(lang, "und") == 0) return 0; /* "undetermined": ICU's root, no language */
    UChar name[128];
    UErrorCode st = U_ZERO_ERROR;
    uloc_getDisplayLanguage(lang, "en", name, (int32_t)(sizeof name / sizeof name[0]), &st);
    if (st == U_BUFFER_OVERFLOW_ERROR || (U_SUCCESS(st) && st != U_USING_DEFAULT_WARNING)) return 1;
    for (const char *const *l = uloc_getISOLanguages(); *l; l++)
        if (strcmp(*l, lang) == 0) return 1;
    return 0;
}

/* Whether ICU knows the script `script` (title case, 4 letters) as an ISO
 * 15924 code. uscript_getCode also reads locale names, so the code it finds
 * must spell `script`. */
static int known_script(const char *script)
{
    UScriptCode codes[8];
    UErrorCode st = U_ZERO_ERROR;
    int n = uscript_getCode(script, codes, 8, &st);
    for (int i = 0; U_SUCCESS(st) && i < n; i++) {
        const char *s = uscript_getShortName(codes[i]);
        if (s && strcmp(s, script) == 0) return 1;
    }
    return 0;
}

/* Checks the region `region` (upper case or digits) with ICU: 0 when it is a
 * current region, else -1 with ICU's replacement for a deprecated one
 * ("UK" -> "GB") in `instead` (or "" when it knows none). */
static int check_region(const char *region, char instead[8])
{
    UErrorCode st = U_ZERO_ERROR;
    const URegion *r = uregion_getRegionFromCode(region, &st);
    instead[0] = '\0';
    if (U_FAILURE(st) || !r || uregion_getType(r) == URGN_UNKNOWN) return -1;
    const char *code = uregion_getRegionCode(r);
    if (code && strcmp(code, region) == 0) return 0;
    snprintf(instead, 8, "%s", code ? code : "");
    return -1;
}

/* Appends '-' and subtag `t` to `out` (`*len` bytes so far), its letters
 * mapped by `first` for the first and `rest` for the others. */
static void append_subtag(char *out, size_t *len, const subtag *t, char (*first)(char), char (*rest)(char))
{
    out[(*len)++] = '-';
    for (size_t i = 0; i < t->n; i++) out[(*len)++] = (i == 0 ? first : rest)(t->s[i]);
    out[*len] = '\0';
}

/* Languages whose code ICU knows and maps to itself, both as the canonical
 * tag and as the short code: the UN's six and other common ones. Asking
 * ICU opens its alias and display-name resource bundles, the first time in
 * a process 0.5-0.6 ms, a tenth of aligning a 40-sentence document;
 * test_tmx_lang holds every entry to ICU's own answer. */
const char *const pa_lang_plain[] = {"ar", "de", "en", "es", "fr", "it", "ja", "ko", "nl", "pt", "ru", "zh", NULL};

static int is_plain(const char *lang)
{
    for (const char *const *p = pa_lang_plain; *p; p++)
        if (strcmp(*p, lang) == 0) return 1;
    return 0;
}

static int parse_tag(const char *tag, char canon[PA_LANG_MAX], char code[PA_LANG_MAX], int ask_icu, pa_error *err);

int pa_lang_parse(const char *tag, char canon[PA_LANG_MAX], char code[PA_LANG_MAX], pa_error *err)
{
    return parse_tag(tag, canon, code, 0, err);
}

int pa_lang_parse_icu(const char *tag, char canon[PA_LANG_MAX], char code[PA_LANG_MAX], pa_error *err)
{
    return parse_tag(tag, canon, code, 1, err);
}

/* pa_lang_parse; with `ask_icu`, ICU decides about the pa_lang_plain
 * languages too. */
static int parse_tag(const char *tag, char canon[PA_LANG_MAX], char code[PA_LANG_MAX], int ask_icu, pa_error *err)
{
    size_t len = strlen(tag);
    if (len >= PA_LANG_MAX) {
        int show = 40; /* quoted up to here, not cutting a UTF-8 sequence */
        while ((size_t)show < len && show > 0 && (tag[show] & 0xC0) == 0x80) show--;
        return pa_error_set(err, PA_EUSAGE, "'%.*s%s' is too long for a language tag (at most %d characters; %s)",
                            show, tag, len > (size_t)show ? "..." : "", PA_LANG_MAX - 1, TAG_EXAMPLES);
    }
    subtag sub[PA_LANG_MAX / 2];
    int n = split_subtags(tag, sub, (int)(sizeof sub / sizeof sub[0]));
    if (n < 1 || sub[0].n < 2 || sub[0].n > 3 || !is_alpha(sub[0].s[0]) || !is_alpha(sub[0].s[1]) ||
        (sub[0].n == 3 && !is_alpha(sub[0].s[2])))
        return pa_error_set(err, PA_EUSAGE, "'%s' is not a language code (%s)", tag, TAG_EXAMPLES);

    /* The shape: language[-script][-region][-variant...]. */
    int script = 0, region = 0, stage = 0;
    for (int i = 1; i < n; i++) {
        enum subtag_kind kind = subtag_kind(&sub[i]);
        if (kind == SUB_SCRIPT && stage < 1) script = i, stage = 1;
        else if (kind == SUB_REGION && stage < 2) region = i, stage = 2;
        else if (kind == SUB_VARIANT) stage = 3;
        else return shape_error(err, tag, &sub[i], kind == SUB_EXTLANG && i > 1 ? SUB_OTHER : kind);
    }

    /* What ICU makes of each part. */
    static const char *const respelled[] = {"overlong", "bibliographic", "deprecated", NULL};
    static const char *const filed_under[] = {"macrolanguage", NULL};
    char lang[PA_LANG_MAX], icu_lang[PA_LANG_MAX], short_code[PA_LANG_MAX];
    for (size_t i = 0; i < sub[0].n; i++) lang[i] = lower(sub[0].s[i]);
    lang[sub[0].n] = '\0';
    int plain = !ask_icu && is_plain(lang);
    if (plain || !icu_alias(lang, respelled, icu_lang)) memcpy(icu_lang, lang, strlen(lang) + 1);
    if (plain || !icu_alias(icu_lang, filed_under, short_code)) memcpy(short_code, icu_lang, strlen(icu_lang) + 1);
    if (!plain && !known_language(icu_lang)) {
        if (n == 1)
            return pa_error_set(err, PA_EUSAGE, "%s: not a language ICU knows (%s)", tag, TAG_EXAMPLES);
        return pa_error_set(err, PA_EUSAGE, "%s: '%.*s' is not a language ICU knows (%s)", tag, (int)sub[0].n,
                            sub[0].s, TAG_EXAMPLES);
    }
    char out[PA_LANG_MAX * 2];
    size_t olen = (size_t)snprintf(out, sizeof out, "%s", icu_lang);
    if (script) {
        size_t at = olen + 1;
        append_subtag(out, &olen, &sub[script], upper, lower);
        if (!known_script(out + at))
            return pa_error_set(err, PA_EUSAGE, "%s: '%.*s' is not a script ICU knows (e.g. Hans, Hant, Latn, Cyrl)",
                                tag, (int)sub[script].n, sub[script].s);
    }
    if (region) {
        size_t at = olen + 1;
        char instead[8];
        append_subtag(out, &olen, &sub[region], upper, upper);
        if (check_region(out + at, instead) != 0) {
            if (instead[0])
                return pa_error_set(err, PA_EUSAGE, "%s: '%.*s' is not a current region code (ICU gives %s)", tag,
                                    (int)sub[region].n, sub[region].s, instead);
            return pa_error_set(err, PA_EUSAGE, "%s: '%.*s' is not a region ICU knows (e.g. CN, TW, GB, 419)", tag,
                                (int)sub[region].n, sub[region].s);
        }
    }
    for (int i = (region ? region : script) + 1; i < n; i++) append_subtag(out, &olen, &sub[i], lower, lower);
    if (olen >= PA_LANG_MAX)
        return pa_error_set(err, PA_EUSAGE, "'%s' is too long for a language tag (at most %d characters)", tag,
                            PA_LANG_MAX - 1);
    if (canon) memcpy(canon, out, olen + 1);
    if (code) memcpy(code, short_code, strlen(short_code) + 1);
    return 0;
}

int pa_lang_normalize(const char *tag, char code[PA_LANG_MAX], pa_error *err)
{
    return pa_lang_parse(tag, NULL, code, err);
}

/* Whether the extension `ext` (`n` bytes, no dot) marks a kind of input or
 * gzip, which may follow the language in a file name. */
static int is_input_ext(const char *ext, size_t n)
{
    static const char *const kinds[] = {"gz",   "txt",  "text", "sent", "snt", "tok",   "html", "htm",
                                        "xhtml", "xml", "docx", "doc",  "odt", "pdf",   "rtf",  "tmx",
                                        "xlf",  "xliff", "md",  "csv",  "tsv", "json", "jsonl", "srt",
                                        "sgm",  NULL};
    for (int i = 0; kinds[i]; i++) {
        if (strlen(kinds[i]) != n) continue;
        size_t k = 0;
        while (k < n && lower(ext[k]) == kinds[i][k]) k++;
        if (k == n) return 1;
    }
    return 0;
}

/* The last '.' in the first `end` bytes of `s`, or -1. */
static long last_dot(const char *s, size_t end)
{
    while (end > 0)
        if (s[--end] == '.') return (long)end;
    return -1;
}

/* NAME_LANG or NAME-LANG: `comp` (`n` bytes) ends in a separator and one of
 * the six UN languages, with a name before it. */
static int un_suffix(const char *comp, size_t n, char tag[PA_LANG_MAX])
{
    static const char *const un[] = {"zh", "en", "fr", "es", "ru", "ar", NULL};
    if (n < 4 || (comp[n - 3] != '_' && comp[n - 3] != '-')) return -1;
    char lang[3] = {lower(comp[n - 2]), lower(comp[n - 1]), '\0'};
    for (int i = 0; un[i]; i++) {
        if (strcmp(lang, un[i]) == 0) {
            memcpy(tag, lang, 3);
            return 0;
        }
    }
    return -1;
}

int pa_lang_from_filename(const char *path, char tag[PA_LANG_MAX])
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t end = strlen(base);
    /* Skip the input kinds from the right, keeping a name before them. */
    long dot;
    while ((dot = last_dot(base, end)) > 0 && is_input_ext(base + dot + 1, end - (size_t)dot - 1))
        end = (size_t)dot;
    dot = last_dot(base, end);
    size_t start = dot < 0 ? 0 : (size_t)dot + 1, n = end - start;
    /* NAME.TAG: any tag ICU knows, given a name before it. */
    if (dot > 0 && n > 0 && n < PA_LANG_MAX) {
        char comp[PA_LANG_MAX];
        memcpy(comp, base + start, n);
        comp[n] = '\0';
        if (pa_lang_parse(comp, tag, NULL, NULL) == 0) return 0;
    }
    return un_suffix(base + start, n, tag);
}

int pa_lang_is_unspaced(const char *code)
{
    static const char *const unspaced[] = {"zh", "ja", "th", "lo", "km", "my", "bo", "yue", "wuu", NULL};
    for (int i = 0; unspaced[i]; i++)
        if (strcmp(code, unspaced[i]) == 0) return 1;
    return 0;
}
