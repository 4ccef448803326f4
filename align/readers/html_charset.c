/* html_charset.c - see html_charset.h. The prescan follows the outline of
 * the HTML standard's (comments skipped, <meta> attributes parsed, the
 * charset= of a content attribute), on ASCII bytes only. */
#include "align/readers/html_charset.h"
#include "align/text/input.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <unicode/ucnv.h>

static int is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

/* True when s[i..len) starts with `lit`, ignoring ASCII case. */
static int starts_ci(const char *s, size_t len, size_t i, const char *lit)
{
    size_t n = strlen(lit);
    return len - i >= n && strncasecmp(s + i, lit, n) == 0;
}

/* One attribute of a tag: name and value as spans of the page. */
typedef struct attr {
    size_t name, nlen, val, vlen;
} attr;

/* Reads the attribute at s[*i..) of a tag; 0 at the tag's end ('>' or the
 * end of the head). */
static int next_attr(const char *s, size_t len, size_t *i, attr *a)
{
    size_t k = *i;
    while (k < len && (is_ws(s[k]) || s[k] == '/')) k++;
    if (k >= len || s[k] == '>') return 0;
    a->name = k;
    while (k < len && !is_ws(s[k]) && s[k] != '=' && s[k] != '>' && s[k] != '/') k++;
    a->nlen = k - a->name;
    a->val = k, a->vlen = 0;
    while (k < len && is_ws(s[k])) k++;
    if (k < len && s[k] == '=') {
        k++;
        while (k < len && is_ws(s[k])) k++;
        if (k < len && (s[k] == '"' || s[k] == '\'')) {
            char q = s[k++];
            a->val = k;
            while (k < len && s[k] != q) k++;
            a->vlen = k - a->val;
            if (k < len) k++;
        } else {
            a->val = k;
            while (k < len && !is_ws(s[k]) && s[k] != '>') k++;
            a->vlen = k - a->val;
        }
    }
    if (a->nlen == 0 && k == *i) k++; /* a stray character: step over it */
    *i = k;
    return 1;
}

static int attr_is(const char *s, const attr *a, const char *name)
{
    return a->nlen == strlen(name) && strncasecmp(s + a->name, name, a->nlen) == 0;
}

/* Copies s[a..a+n) lower-case, trimmed of white space and quotes, to
 * `label`. */
static void put_label(const char *s, size_t a, size_t n, char *label, size_t size)
{
    while (n > 0 && (is_ws(s[a]) || s[a] == '"' || s[a] == '\'')) a++, n--;
    while (n > 0 && (is_ws(s[a + n - 1]) || s[a + n - 1] == '"' || s[a + n - 1] == '\'')) n--;
    size_t k = 0;
    for (; k < n && k + 1 < size; k++) {
        char c = s[a + k];
        label[k] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    label[k] = '\0';
}

/* The charset= of a content attribute's value v[0..n), into `label`. */
static void content_charset(const char *s, size_t v, size_t n, char *label, size_t size)
{
    for (size_t k = v; k + 7 <= v + n; k++) {
        if (strncasecmp(s + k, "charset", 7) != 0) continue;
        size_t j = k + 7;
        while (j < v + n && is_ws(s[j])) j++;
        if (j >= v + n || s[j] != '=') continue;
        j++;
        while (j < v + n && is_ws(s[j])) j++;
        size_t a = j;
        while (j < v + n && s[j] != ';' && !is_ws(s[j])) j++;
        put_label(s, a, j - a, label, size);
        return;
    }
}

void pa_html_declared_charset(const char *s, size_t len, char *label, size_t size)
{
    label[0] = '\0';
    if (len > PA_HTML_PRESCAN) len = PA_HTML_PRESCAN;
    size_t i = 0;
    while (i < len && is_ws(s[i])) i++;
    if (starts_ci(s, len, i, "<?xml") && i + 5 < len && is_ws(s[i + 5])) {
        size_t k = i + 5;
        attr a;
        while (k < len && s[k] != '?' && next_attr(s, len, &k, &a))
            if (attr_is(s, &a, "encoding")) {
                put_label(s, a.val, a.vlen, label, size);
                return;
            }
    }
    for (; i < len; i++) {
        if (s[i] != '<') continue;
        if (starts_ci(s, len, i, "<!--")) {
            const char *e = NULL;
            for (size_t k = i + 4; k + 3 <= len && !e; k++)
                if (memcmp(s + k, "-->", 3) == 0) e = s + k;
            if (!e) return;
            i = (size_t)(e - s) + 2;
            continue;
        }
        if (!starts_ci(s, len, i, "<meta") || i + 5 >= len || !(is_ws(s[i + 5]) || s[i + 5] == '/')) continue;
        size_t k = i + 5, content = 0, clen = 0;
        int pragma = 0, have_content = 0;
        attr a;
        while (next_attr(s, len, &k, &a)) {
            if (attr_is(s, &a, "charset")) {
                put_label(s, a.val, a.vlen, label, size);
                if (label[0]) return;
            } else if (attr_is(s, &a, "http-equiv")) {
                pragma = a.vlen == 12 && strncasecmp(s + a.val, "content-type", 12) == 0;
            } else if (attr_is(s, &a, "content")) {
                content = a.val, clen = a.vlen, have_content = 1;
            }
        }
        if (pragma && have_content) {
            content_charset(s, content, clen, label, size);
            if (label[0]) return;
        }
        i = k;
    }
}

/* Labels that browsers read as another encoding, and the converter they
 * use: the HTML standard's label table, for the encodings UN pages use. */
static const struct {
    const char *label, *converter;
} mapped[] = {
    {"iso-8859-1", "windows-1252"}, {"iso8859-1", "windows-1252"}, {"latin1", "windows-1252"},
    {"l1", "windows-1252"},         {"us-ascii", "windows-1252"},   {"ascii", "windows-1252"},
    {"iso_8859-1", "windows-1252"}, {"cp1252", "windows-1252"},     {"x-cp1252", "windows-1252"},
    {"gb2312", "GB18030"},          {"gbk", "GB18030"},             {"x-gbk", "GB18030"},
    {"csgb2312", "GB18030"},        {"gb_2312-80", "GB18030"},      {"chinese", "GB18030"},
    {"cp936", "GB18030"},           {"ms936", "GB18030"},           {"windows-936", "GB18030"},
    {"big5", "Big5-HKSCS"},         {"x-x-big5", "Big5-HKSCS"},     {"cn-big5", "Big5-HKSCS"},
    {"iso-8859-9", "windows-1254"}, {"latin5", "windows-1254"},     {"euc-kr", "windows-949"},
    {"tis-620", "windows-874"},     {"iso-8859-11", "windows-874"},
};

const char *pa_html_charset_converter(const char *label)
{
    if (strcmp(label, "utf-8") == 0 || strcmp(label, "utf8") == 0 || strcmp(label, "unicode-1-1-utf-8") == 0 ||
        strncmp(label, "utf-16", 6) == 0 || strcmp(label, "unicode") == 0)
        return NULL;
    for (size_t k = 0; k < sizeof mapped / sizeof *mapped; k++)
        if (strcmp(label, mapped[k].label) == 0) return mapped[k].converter;
    return label;
}

/* True when ICU has a converter named `name`. */
static int known_converter(const char *name)
{
    UErrorCode st = U_ZERO_ERROR;
    UConverter *c = ucnv_open(name, &st);
    if (c) ucnv_close(c);
    return U_SUCCESS(st);
}

int pa_html_decode(const char *name, const char *s, size_t len, const char *encoding, size_t max_bytes, pa_buf *out,
                   pa_error *err)
{
    const unsigned char *u = (const unsigned char *)s;
    int bom = (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) ||
              (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)));
    char label[64] = "";
    const char *enc = encoding;
    if (!enc && !bom) {
        pa_html_declared_charset(s, len, label, sizeof label);
        if (label[0]) {
            enc = pa_html_charset_converter(label);
            if (enc && !known_converter(enc))
                return pa_error_set(err, PA_EINPUT,
                                    "%s: the page declares charset '%s', which polyalign does not know; name its "
                                    "encoding with --encoding",
                                    name, label);
        }
    }
    pa_text_opts to = {enc, max_bytes, 0};
    int rc = pa_decode_text(name, s, len, &to, out, err);
    if (rc != 0 && enc && label[0] && err) {
        pa_error e = *err;
        pa_error_set(err, e.code, "%s (the page declares charset '%s'; name the right one with --encoding)", e.msg,
                     label);
    }
    return rc;
}
