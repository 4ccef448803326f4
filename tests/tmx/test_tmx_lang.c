/* test_tmx_lang.c - language tags, file names, TMX tags and variant
 * matching, driven by case files (see the comment at the top of each):
 * tests/tmx/lang-cases.txt (TMX tag tables and matching), lang-tags.txt
 * (parsing tags) and lang-files.txt (languages in file names). With
 * arguments, runs those files instead. Each file starts with a fresh table. */
#include "align/text/lang.h"
#include "tmx/langtag.h"
#include "tmx/tmx_reader.h"
#include "align/util/buf.h"
#include "align/util/source.h"
#include "tests/tap.h"

#include <stdlib.h>
#include <string.h>

/* Runs `match QUERY TAGS RESULT`. */
static void check_match(const char *query, char *tags, const char *want)
{
    pa_tmx_read_variant v[8];
    size_t n = 0;
    for (char *t = strtok(tags, ","); t && n < 8; t = strtok(NULL, ",")) {
        v[n].lang = t;
        v[n].text = t;
        v[n].len = strlen(t);
        n++;
    }
    pa_tmx_read_unit u = {.score = -1, .variants = v, .n_variants = n};
    const pa_tmx_read_variant *got = pa_tmx_unit_variant(&u, query);
    const char *name = got ? got->lang : "none";
    ok(strcmp(name, want) == 0, "match %s -> %s (want %s)", query, name, want);
}

/* Undoes the case files' escapes in place: a lone '' is the empty string,
 * \s a space. */
static char *unescape(char *s)
{
    if (strcmp(s, "''") == 0) return s[0] = '\0', s;
    char *w = s;
    for (const char *r = s; *r; r++) {
        if (r[0] == '\\' && r[1] == 's') *w++ = ' ', r++;
        else *w++ = *r;
    }
    *w = '\0';
    return s;
}

/* Splits off the next blank-separated word of `*line`, or NULL. */
static char *word(char **line)
{
    char *s = *line + strspn(*line, " \t");
    if (!*s) return NULL;
    size_t n = strcspn(s, " \t");
    *line = s + n + (s[n] != '\0');
    s[n] = '\0';
    return s;
}

/* The text after "error" when `rest` says the case must fail, else NULL. */
static const char *error_text(const char *rest)
{
    rest += strspn(rest, " \t");
    if (strncmp(rest, "error", 5) != 0 || (rest[5] && rest[5] != ' ' && rest[5] != '\t')) return NULL;
    rest += 5;
    return rest + strspn(rest, " \t");
}

/* Whether `err` is the PA_EUSAGE error a failing case asks for. */
static int usage_error_with(const pa_error *err, const char *text)
{
    return err->code == PA_EUSAGE && strstr(err->msg, text) != NULL;
}

/* Runs `tag TAG CANON CODE TMX` or `tag TAG error TEXT`. */
static void check_tag(char *tag, char *rest)
{
    char canon[PA_LANG_MAX] = "", code[PA_LANG_MAX] = "", code2[PA_LANG_MAX] = "";
    pa_error err;
    pa_error_clear(&err);
    int rc = pa_lang_parse(tag, canon, code, &err);
    const char *text = error_text(rest);
    if (text) {
        int rc2 = pa_lang_normalize(tag, code2, NULL);
        ok(rc < 0 && rc2 < 0 && usage_error_with(&err, text), "tag '%s' refused: %s", tag, err.msg);
        return;
    }
    char *want_canon = word(&rest), *want_code = word(&rest), *want_tmx = word(&rest);
    if (!want_tmx || word(&rest)) {
        ok(0, "malformed tag case for '%s'", tag);
        return;
    }
    if (rc < 0) {
        ok(0, "tag '%s' -> %s (want %s %s %s)", tag, err.msg, want_canon, want_code, want_tmx);
        return;
    }
    /* The short code alone, the canonical tag parsed again, and the TMX tag
     * of a document given this tag, in a table of its own. */
    char again[PA_LANG_MAX] = "";
    int same = pa_lang_normalize(tag, code2, NULL) == 0 && strcmp(code2, code) == 0 &&
               pa_lang_parse(canon, again, NULL, NULL) == 0 && strcmp(again, canon) == 0;
    pa_tmx_langtags *t = pa_tmx_langtags_new();
    const char *tmx = pa_tmx_langtags_get(t, canon);
    ok(same && strcmp(canon, want_canon) == 0 && strcmp(code, want_code) == 0 && strcmp(tmx, want_tmx) == 0,
       "tag '%s' -> %s %s %s (want %s %s %s)", tag, canon, code, tmx, want_canon, want_code, want_tmx);
    pa_tmx_langtags_free(t);
}

/* Runs `doc TAG CODE TMX` or `doc TAG error TEXT`: a document given TAG,
 * as the command line takes it, with the file's table for the TMX tag. */
static void check_doc(const pa_tmx_langtags *t, const char *tag, char *rest)
{
    char canon[PA_LANG_MAX] = "", code[PA_LANG_MAX] = "";
    pa_error err;
    pa_error_clear(&err);
    int rc = pa_lang_parse(tag, canon, code, &err);
    const char *text = error_text(rest);
    if (text) {
        ok(rc < 0 && usage_error_with(&err, text), "doc '%s' refused: %s", tag, err.msg);
        return;
    }
    char *want_code = word(&rest), *want_tmx = word(&rest);
    if (!want_tmx || word(&rest)) {
        ok(0, "malformed doc case for '%s'", tag);
        return;
    }
    const char *tmx = rc == 0 ? pa_tmx_langtags_get(t, canon) : err.msg;
    ok(rc == 0 && strcmp(code, want_code) == 0 && strcmp(tmx, want_tmx) == 0, "doc '%s' -> %s %s (want %s %s)", tag,
       code, tmx, want_code, want_tmx);
}

/* Runs `file NAME TAG` or `file NAME none`. */
static void check_file(const char *name, const char *want)
{
    char tag[PA_LANG_MAX] = "";
    const char *got = pa_lang_from_filename(name, tag) == 0 ? tag : "none";
    ok(strcmp(got, want) == 0, "file '%s' -> %s (want %s)", name, got, want);
}

/* Runs `set ASSIGNMENT ok|error`; the assignment may hold spaces: it runs to
 * the last word. */
static void check_set(pa_tmx_langtags *t, char *assign)
{
    char *last = strrchr(assign, ' ');
    int want_ok = last && strcmp(last + 1, "ok") == 0;
    if (last) *last = '\0';
    pa_error err;
    pa_error_clear(&err);
    int rc = pa_tmx_langtags_set(t, assign, &err);
    if (want_ok)
        ok(rc == 0, "set '%s' accepted (%s)", assign, err.msg);
    else
        ok(rc < 0 && err.code == PA_EUSAGE && strstr(err.msg, assign), "set '%s' refused: %s", assign, err.msg);
}

/* Runs the cases of the file at `path`. */
static void run_file(const char *path)
{
    pa_buf text = PA_BUF_INIT;
    pa_error err;
    if (pa_read_file(path, &text, 0, &err) < 0) {
        ok(0, "read %s: %s", path, err.msg);
        return;
    }
    diag("cases from %s", path);
    pa_tmx_langtags *t = pa_tmx_langtags_new();
    char *save = NULL;
    for (char *line = strtok_r(text.data, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        char *rest = line, *op = word(&rest);
        if (!op || op[0] == '#') continue;
        char *whole = rest + strspn(rest, " \t"), *a = word(&rest);
        if (strcmp(op, "reset") == 0 && !a) {
            pa_tmx_langtags_free(t);
            t = pa_tmx_langtags_new();
        } else if (strcmp(op, "set") == 0 && a) {
            if (*rest) a[strlen(a)] = ' '; /* word() cut the assignment */
            check_set(t, whole);
        } else if (strcmp(op, "get") == 0 && a) {
            char *b = word(&rest);
            const char *got = pa_tmx_langtags_get(t, a);
            ok(b && !word(&rest) && strcmp(got, b) == 0, "get %s -> %s (want %s)", a, got, b ? b : "?");
        } else if (strcmp(op, "match") == 0 && a) {
            char *b = word(&rest), *c = word(&rest);
            if (c && !word(&rest)) check_match(a, b, c);
            else ok(0, "malformed match case: %s", a);
        } else if (strcmp(op, "tag") == 0 && a) {
            check_tag(unescape(a), rest);
        } else if (strcmp(op, "doc") == 0 && a) {
            check_doc(t, unescape(a), rest);
        } else if (strcmp(op, "file") == 0 && a) {
            char *b = word(&rest);
            if (b && !word(&rest)) check_file(unescape(a), b);
            else ok(0, "malformed file case: %s", a);
        } else {
            ok(0, "malformed case line: %s %s", op, a ? a : "");
        }
    }
    pa_tmx_langtags_free(t);
    pa_buf_free(&text);
}

int main(int argc, char **argv)
{
    static const char *const files[] = {"lang-cases.txt", "lang-tags.txt", "lang-files.txt"};
    const char *srcdir = getenv("top_srcdir");
    if (argc > 1) {
        for (int i = 1; i < argc; i++) run_file(argv[i]);
    } else {
        for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
            char path[4096];
            snprintf(path, sizeof path, "%s/tests/tmx/%s", srcdir ? srcdir : ".", files[i]);
            run_file(path);
        }
    }
    /* The languages pa_lang_parse answers itself: ICU's answer, alone and
     * in a tag with a script and a region, in any case. */
    for (const char *const *l = pa_lang_plain; *l; l++) {
        char tags[3][PA_LANG_MAX];
        snprintf(tags[0], PA_LANG_MAX, "%s", *l);
        snprintf(tags[1], PA_LANG_MAX, "%c%c", (*l)[0] - 32, (*l)[1] - 32);
        snprintf(tags[2], PA_LANG_MAX, "%s-latn-ch", *l);
        for (int k = 0; k < 3; k++) {
            char c1[PA_LANG_MAX] = "", s1[PA_LANG_MAX] = "", c2[PA_LANG_MAX] = "", s2[PA_LANG_MAX] = "";
            int r1 = pa_lang_parse(tags[k], c1, s1, NULL), r2 = pa_lang_parse_icu(tags[k], c2, s2, NULL);
            ok(r1 == 0 && r2 == 0 && strcmp(c1, c2) == 0 && strcmp(s1, s2) == 0,
               "%s: without ICU %s / %s, ICU %s / %s", tags[k], c1, s1, c2, s2);
        }
    }
    ok(pa_tmx_langtags_get(NULL, "ru") && strcmp(pa_tmx_langtags_get(NULL, "ru"), "ru-RU") == 0,
       "a NULL table gives the defaults");
    return done_testing();
}
