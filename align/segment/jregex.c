/* jregex.c - see jregex.h.
 *
 * A small lexer splits a pattern into atoms (literal, class, escape class,
 * group, anchor...) each with its quantifier. Translation copies atoms,
 * rewriting the few that ICU reads differently; the analyses walk the atoms
 * of one alternative from either end. Patterns are UTF-8 here; the caller
 * converts to UTF-16 for ICU.
 */
#include "align/segment/jregex.h"
#include "align/util/alloc.h"
#include "align/text/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ustring.h>

enum tok_kind {
    T_LIT,      /* one literal code point */
    T_QUOTE,    /* \Q...\E */
    T_CLASS,    /* [...] */
    T_ESCCLASS, /* \s \d \p{..} ... */
    T_DOT,
    T_ZW,       /* zero-width: ^ $ \b \B \A \z \Z \G and look-arounds */
    T_GROUP,    /* (...) (?:...) (?<name>...) (?>...) (?i:...) */
    T_FLAGS,    /* (?i) (?-U) ... */
    T_BACKREF,
    T_ALT,      /* | */
    T_OTHER     /* anything unexpected: analysis gives up */
};

typedef struct tok {
    int kind;
    size_t start, end;    /* the atom, quantifier excluded */
    size_t qstart, qend;  /* the quantifier (empty when none) */
    long qmin, qmax;      /* 1,1 without quantifier; qmax -1 = unbounded */
    uint32_t cp;          /* T_LIT */
    size_t in_start, in_end; /* T_GROUP, T_QUOTE: the inside */
    int lookbehind;       /* T_ZW look-behind (its inside is in_start..in_end) */
    int lookaround;       /* T_ZW look-ahead or look-behind */
} tok;

/* Skips a [...] class starting at p[i] == '['; returns the index after its
 * closing bracket, or 0 when it is not closed. */
static size_t skip_class(const char *p, size_t len, size_t i)
{
    int depth = 0;
    size_t k = i;
    while (k < len) {
        char c = p[k];
        if (c == '\\') {
            k += 2;
            continue;
        }
        if (c == '[') {
            depth++;
            /* A ']' right after '[' or '[^' is a literal in Java. */
            k++;
            if (k < len && p[k] == '^') k++;
            if (k < len && p[k] == ']') k++;
            continue;
        }
        if (c == ']' && --depth == 0) return k + 1;
        k++;
    }
    return 0;
}

/* Skips a group starting at p[i] == '('; returns the index of its closing
 * parenthesis, or 0 when it is not closed. */
static size_t skip_group(const char *p, size_t len, size_t i)
{
    int depth = 0;
    size_t k = i;
    while (k < len) {
        char c = p[k];
        if (c == '\\') {
            if (k + 1 < len && p[k + 1] == 'Q') {
                const char *e = NULL;
                for (size_t j = k + 2; j + 1 < len; j++)
                    if (p[j] == '\\' && p[j + 1] == 'E') { e = p + j; break; }
                if (!e) return 0;
                k = (size_t)(e - p) + 2;
                continue;
            }
            k += 2;
            continue;
        }
        if (c == '[') {
            size_t e = skip_class(p, len, k);
            if (!e) return 0;
            k = e;
            continue;
        }
        if (c == '(') depth++;
        if (c == ')' && --depth == 0) return k;
        k++;
    }
    return 0;
}

static int is_digit(char c) { return c >= '0' && c <= '9'; }

static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Parses a quantifier at p[i]; fills t's quantifier fields and returns the
 * index after it (i when there is none). "{" that does not start a valid
 * interval is not a quantifier. */
static size_t parse_quant(const char *p, size_t len, size_t i, tok *t)
{
    t->qmin = t->qmax = 1;
    t->qstart = t->qend = i;
    if (i >= len) return i;
    size_t k = i;
    if (p[k] == '*') t->qmin = 0, t->qmax = -1, k++;
    else if (p[k] == '+') t->qmin = 1, t->qmax = -1, k++;
    else if (p[k] == '?') t->qmin = 0, t->qmax = 1, k++;
    else if (p[k] == '{') {
        size_t j = k + 1;
        long a = 0, b;
        if (j >= len || !is_digit(p[j])) return i;
        /* stop accumulating past the limit: a long digit run must not overflow */
        for (; j < len && is_digit(p[j]); j++)
            if (a <= 100000) a = a * 10 + (p[j] - '0');
        if (a > 100000) return i;
        b = a;
        if (j < len && p[j] == ',') {
            j++;
            if (j < len && is_digit(p[j])) {
                b = 0;
                for (; j < len && is_digit(p[j]); j++)
                    if (b <= 100000) b = b * 10 + (p[j] - '0');
                if (b > 100000) return i;
            } else {
                b = -1;
            }
        }
        if (j >= len || p[j] != '}') return i;
        t->qmin = a, t->qmax = b;
        k = j + 1;
    } else {
        return i;
    }
    if (k < len && (p[k] == '?' || p[k] == '+')) k++; /* lazy or possessive */
    t->qend = k;
    return k;
}

/* Reads the token at p[i]; returns the index after it (and its quantifier),
 * or 0 on a syntax error described in `why`. */
static size_t next_token(const char *p, size_t len, size_t i, tok *t, char *why, size_t whylen)
{
    memset(t, 0, sizeof *t);
    t->start = i;
    size_t k = i, n;
    unsigned char c = (unsigned char)p[k];
    int quantifiable = 1;
    if (c == '\\') {
        if (k + 1 >= len) {
            snprintf(why, whylen, "trailing backslash");
            return 0;
        }
        char e = p[k + 1];
        k += 2;
        switch (e) {
        case 'Q': {
            size_t j = k;
            while (j + 1 < len && !(p[j] == '\\' && p[j + 1] == 'E')) j++;
            t->kind = T_QUOTE;
            t->in_start = k;
            if (j + 1 >= len) { t->in_end = len; k = len; }
            else { t->in_end = j; k = j + 2; }
            break;
        }
        case 'p': case 'P':
            t->kind = T_ESCCLASS;
            if (k < len && p[k] == '{') {
                const char *close = memchr(p + k, '}', len - k);
                if (!close) {
                    snprintf(why, whylen, "unclosed \\%c{", e);
                    return 0;
                }
                /* Java reads the name up to the brace (no property name has
                 * a backslash); ICU would take a \Q there for a quote that
                 * runs on past the brace, into whatever follows */
                if (memchr(p + k, '\\', (size_t)(close - (p + k)))) {
                    snprintf(why, whylen, "a backslash inside \\%c{...}", e);
                    return 0;
                }
                k = (size_t)(close - p) + 1;
            } else if (k < len) {
                k++;
            }
            break;
        case 'd': case 'D': case 's': case 'S': case 'w': case 'W': case 'h': case 'H':
        case 'v': case 'V': case 'R': case 'X':
            t->kind = T_ESCCLASS;
            break;
        case 'N':
            t->kind = T_ESCCLASS;
            if (k < len && p[k] == '{') {
                const char *close = memchr(p + k, '}', len - k);
                k = close ? (size_t)(close - p) + 1 : len;
            }
            break;
        case 'b': case 'B': case 'A': case 'z': case 'Z': case 'G':
            t->kind = T_ZW;
            quantifiable = 0;
            break;
        case 'k':
            t->kind = T_BACKREF;
            if (k < len && p[k] == '<') {
                const char *close = memchr(p + k, '>', len - k);
                k = close ? (size_t)(close - p) + 1 : len;
            }
            break;
        case 'u':
            t->kind = T_LIT;
            for (int j = 0; j < 4 && k < len && hexval(p[k]) >= 0; j++) t->cp = t->cp * 16 + (uint32_t)hexval(p[k++]);
            break;
        case 'x':
            t->kind = T_LIT;
            if (k < len && p[k] == '{') {
                k++;
                while (k < len && hexval(p[k]) >= 0) t->cp = t->cp * 16 + (uint32_t)hexval(p[k++]);
                if (k < len && p[k] == '}') k++;
            } else {
                for (int j = 0; j < 2 && k < len && hexval(p[k]) >= 0; j++) t->cp = t->cp * 16 + (uint32_t)hexval(p[k++]);
            }
            break;
        case '0':
            t->kind = T_LIT;
            for (int j = 0; j < 3 && k < len && p[k] >= '0' && p[k] <= '7'; j++) t->cp = t->cp * 8 + (uint32_t)(p[k++] - '0');
            break;
        case 'c':
            /* as ICU reads it, which gets the pattern unchanged (Java would
             * take X ^ 64: "\ca" is '!' there, U+0001 in ICU) */
            t->kind = T_LIT;
            if (k < len) {
                t->cp = pa_utf8_at(p, len, k, &n) & 0x1F;
                k += n;
            }
            break;
        case 't': t->kind = T_LIT, t->cp = '\t'; break;
        case 'n': t->kind = T_LIT, t->cp = '\n'; break;
        case 'r': t->kind = T_LIT, t->cp = '\r'; break;
        case 'f': t->kind = T_LIT, t->cp = '\f'; break;
        case 'a': t->kind = T_LIT, t->cp = 7; break;
        case 'e': t->kind = T_LIT, t->cp = 27; break;
        default:
            if (is_digit(e)) {
                t->kind = T_BACKREF;
                while (k < len && is_digit(p[k])) k++;
            } else {
                t->kind = T_LIT;
                k -= 1;
                t->cp = pa_utf8_at(p, len, k, &n);
                k += n;
            }
        }
    } else if (c == '[') {
        size_t e = skip_class(p, len, k);
        if (!e) {
            snprintf(why, whylen, "unclosed character class");
            return 0;
        }
        t->kind = T_CLASS;
        k = e;
    } else if (c == '(') {
        size_t close = skip_group(p, len, k);
        if (!close) {
            snprintf(why, whylen, "unclosed group");
            return 0;
        }
        size_t in = k + 1;
        t->kind = T_GROUP;
        if (in < len && p[in] == '?') {
            char g = in + 1 < len ? p[in + 1] : 0;
            if (g == ':' || g == '>') in += 2;
            else if (g == '=' || g == '!') in += 2, t->kind = T_ZW, t->lookaround = 1;
            else if (g == '<' && in + 2 < len && (p[in + 2] == '=' || p[in + 2] == '!'))
                in += 3, t->kind = T_ZW, t->lookaround = 1, t->lookbehind = 1;
            else if (g == '<') {
                const char *gt = memchr(p + in, '>', close - in);
                in = gt ? (size_t)(gt - p) + 1 : close;
            } else {
                /* flags: (?imsx-imsx) or (?imsx-imsx:...) */
                size_t j = in + 1;
                while (j < close && p[j] != ':') j++;
                if (j == close) {
                    t->kind = T_FLAGS;
                    quantifiable = 0;
                }
                in = j < close ? j + 1 : close;
            }
        }
        t->in_start = in;
        t->in_end = close;
        k = close + 1;
    } else if (c == ')') {
        t->kind = T_OTHER;
        k++;
        quantifiable = 0;
    } else if (c == '|') {
        t->kind = T_ALT;
        k++;
        quantifiable = 0;
    } else if (c == '.') {
        t->kind = T_DOT;
        k++;
    } else if (c == '^' || c == '$') {
        t->kind = T_ZW;
        k++;
        quantifiable = 0;
    } else if (c == '*' || c == '+' || c == '?') {
        t->kind = T_OTHER; /* a quantifier with nothing to repeat */
        k++;
        quantifiable = 0;
    } else {
        t->kind = T_LIT;
        t->cp = pa_utf8_at(p, len, k, &n);
        k += n;
    }
    t->end = k;
    if (!quantifiable) {
        t->qmin = t->qmax = 1;
        t->qstart = t->qend = k;
        return k;
    }
    return parse_quant(p, len, k, t);
}

/* Translation of p[a..b) into `out`; `bound` bounds unbounded repetition. */
static int translate_span(const char *p, size_t a, size_t b, int bound, pa_buf *out, char *why, size_t whylen)
{
    size_t i = a;
    while (i < b) {
        tok t;
        size_t next = next_token(p, b, i, &t, why, whylen);
        if (!next) return -1;
        if (t.kind == T_FLAGS || (t.kind == T_GROUP && p[t.start + 1] == '?' && t.in_start > t.start + 2 &&
                                  p[t.in_start - 1] == ':' && p[t.start + 2] != ':')) {
            /* Drop Java's U (UNICODE_CHARACTER_CLASS): ICU classes are Unicode. */
            size_t fe = t.kind == T_FLAGS ? t.in_end : t.in_start - 1;
            pa_buf f = PA_BUF_INIT;
            for (size_t k = t.start + 2; k < fe; k++)
                if (p[k] != 'U') pa_buf_putc(&f, p[k]);
            int empty = f.len == 0 || (f.len == 1 && f.data[0] == '-');
            if (t.kind == T_FLAGS) {
                if (!empty) {
                    pa_buf_puts(out, "(?");
                    pa_buf_append(out, f.data, f.len);
                    pa_buf_putc(out, ')');
                }
            } else {
                pa_buf_puts(out, "(?");
                if (!empty) pa_buf_append(out, f.data, f.len);
                pa_buf_putc(out, ':');
                if (translate_span(p, t.in_start, t.in_end, bound, out, why, whylen) != 0) {
                    pa_buf_free(&f);
                    return -1;
                }
                pa_buf_putc(out, ')');
            }
            pa_buf_free(&f);
        } else if (t.kind == T_GROUP || (t.kind == T_ZW && t.lookaround)) {
            pa_buf_append(out, p + t.start, t.in_start - t.start);
            if (translate_span(p, t.in_start, t.in_end, bound || t.lookbehind, out, why, whylen) != 0) return -1;
            pa_buf_putc(out, ')');
        } else if (t.kind == T_ESCCLASS && t.end - t.start == 6 && memcmp(p + t.start + 2, "{Nd}", 4) == 0) {
            /* \p{Nd} as \d, \P{Nd} as \D: the same characters in ICU (all
             * of them, under (?i) too, compared code point by code point),
             * but ICU builds a property's set in every pattern that names
             * it (0.3M instructions each), and \d's once a process. The
             * SRX rules name \p{Nd} some thirty times a language. */
            pa_buf_putc(out, '\\');
            pa_buf_putc(out, p[t.start + 1] == 'p' ? 'd' : 'D');
        } else if (t.kind == T_LIT && t.end - t.start == 1 && (p[t.start] == '{' || p[t.start] == '}')) {
            pa_buf_putc(out, '\\');
            pa_buf_putc(out, p[t.start]);
        } else {
            pa_buf_append(out, p + t.start, t.end - t.start);
            /* A \Q that runs to the end of the pattern is closed here, so
             * that the translation can be wrapped ((?<=...), (?=...))
             * without the wrapper's parenthesis becoming quoted text. */
            if (t.kind == T_QUOTE && t.end == t.in_end) pa_buf_puts(out, "\\E");
        }
        /* the quantifier */
        if (t.qend > t.qstart) {
            if (bound && t.qmax < 0) {
                long lo = t.qmin, hi = PA_JREGEX_LOOKBEHIND_MAX;
                if (lo > hi) hi = lo;
                pa_buf_printf(out, "{%ld,%ld}", lo, hi);
                /* keep a lazy or possessive modifier */
                int has_mod = p[t.qstart] == '{' ? p[t.qend - 1] != '}' : t.qend - t.qstart == 2;
                if (has_mod) pa_buf_putc(out, p[t.qend - 1]);
            } else {
                pa_buf_append(out, p + t.qstart, t.qend - t.qstart);
            }
        }
        i = next;
    }
    return 0;
}

int pa_jregex_translate(const char *java, int bound_all, pa_buf *out, char *why, size_t whylen)
{
    pa_buf_reserve(out, strlen(java) + 16);
    return translate_span(java, 0, strlen(java), bound_all, out, why, whylen);
}

int pa_jregex_has_backref(const char *pat)
{
    size_t len = strlen(pat);
    for (size_t i = 0; i + 1 < len; i++) {
        if (pat[i] != '\\') continue;
        char e = pat[i + 1];
        if ((e >= '1' && e <= '9') || e == 'k') return 1;
        i++;
    }
    return 0;
}

int pa_jregex_anchored(const char *pat)
{
    size_t len = strlen(pat), i = 0;
    char why[64];
    if (len == 0 || pat[0] != '^') return 0;
    for (int k = 0; i < len; k++) {
        tok t;
        size_t next = next_token(pat, len, i, &t, why, sizeof why);
        if (!next || t.kind == T_ALT) return 0;
        if (k == 1 && strchr("?*+{", pat[t.start])) return 0; /* a quantifier on the ^ */
        i = next;
    }
    return 1;
}

/* ---- literal suffixes ---- */

#define MAX_STRINGS 4096
#define MAX_STRLEN 48

/* A set of strings under construction (NUL-free UTF-8). */
typedef struct strset {
    char **s;
    size_t n, cap;
} strset;

static void set_add(strset *x, const char *s, size_t n)
{
    PA_GROW(x->s, x->cap, x->n + 1);
    char *c = pa_malloc(n + 1);
    memcpy(c, s, n);
    c[n] = 0;
    x->s[x->n++] = c;
}

static void set_free(strset *x)
{
    for (size_t i = 0; i < x->n; i++) pa_free(x->s[i]);
    pa_free(x->s);
    x->s = NULL;
    x->n = x->cap = 0;
}

/* x = a x b (every string of a followed by every string of b); 0 on
 * success, -1 when the result would be too large. */
static int set_product(const strset *a, strset *b)
{
    if (a->n * b->n > MAX_STRINGS) return -1;
    strset r = {0};
    for (size_t i = 0; i < a->n; i++)
        for (size_t j = 0; j < b->n; j++) {
            size_t la = strlen(a->s[i]), lb = strlen(b->s[j]);
            if (la + lb > MAX_STRLEN) {
                set_free(&r);
                return -1;
            }
            char tmp[2 * MAX_STRLEN + 2];
            memcpy(tmp, a->s[i], la);
            memcpy(tmp + la, b->s[j], lb);
            set_add(&r, tmp, la + lb);
        }
    set_free(b);
    *b = r;
    return 0;
}

/* Appends code point cp as UTF-8. */
static size_t put_utf8(char *d, uint32_t cp)
{
    if (cp < 0x80) return d[0] = (char)cp, 1;
    if (cp < 0x800) return d[0] = (char)(0xC0 | cp >> 6), d[1] = (char)(0x80 | (cp & 0x3F)), 2;
    if (cp < 0x10000)
        return d[0] = (char)(0xE0 | cp >> 12), d[1] = (char)(0x80 | (cp >> 6 & 0x3F)), d[2] = (char)(0x80 | (cp & 0x3F)), 3;
    d[0] = (char)(0xF0 | cp >> 18), d[1] = (char)(0x80 | (cp >> 12 & 0x3F));
    d[2] = (char)(0x80 | (cp >> 6 & 0x3F)), d[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* The literal text of a token (T_LIT, T_QUOTE) into `d`; returns its length,
 * or -1 when the token is not literal. */
static long token_text(const char *p, const tok *t, char *d, size_t cap)
{
    if (t->kind == T_LIT) {
        if (t->cp == 0) return -1;
        return (long)put_utf8(d, t->cp);
    }
    if (t->kind == T_QUOTE) {
        size_t n = t->in_end - t->in_start;
        if (n > cap) return -1;
        memcpy(d, p + t->in_start, n);
        return (long)n;
    }
    return -1;
}

static int full_literals(const char *p, size_t a, size_t b, strset *out, int depth);

/* Splits p[a..b) at its top-level '|' and calls `fn` on each alternative;
 * returns -1 as soon as one does. */
static int each_alternative(const char *p, size_t a, size_t b, int depth, strset *out,
                            int (*fn)(const char *, size_t, size_t, strset *, int))
{
    size_t i = a, alt = a;
    char why[64];
    while (i <= b) {
        tok t;
        size_t next = i < b ? next_token(p, b, i, &t, why, sizeof why) : b + 1;
        if (i < b && !next) return -1;
        if (i == b || t.kind == T_ALT) {
            strset one = {0};
            if (fn(p, alt, i, &one, depth) != 0) {
                set_free(&one);
                return -1;
            }
            for (size_t k = 0; k < one.n; k++) set_add(out, one.s[k], strlen(one.s[k]));
            set_free(&one);
            if (out->n > MAX_STRINGS) return -1;
            alt = next;
        }
        i = next;
    }
    return 0;
}

/* The literal texts of atom `t` (its quantifier aside) into `part`, for
 * reading literal text from one end of a pattern: 0 when they are the
 * whole texts the atom matches, 1 when a group is not wholly literal and
 * `edge` (suffixes, prefixes; NULL: none) gave the texts its matches end
 * (start) with, -1 when nothing literal is known. */
static int atom_literals(const char *p, const tok *t, int depth, int (*edge)(const char *, size_t, size_t, strset *, int),
                         strset *part)
{
    char buf[MAX_STRLEN + 8];
    long n = token_text(p, t, buf, MAX_STRLEN);
    if (n >= 0) {
        set_add(part, buf, (size_t)n);
        return 0;
    }
    if (t->kind != T_GROUP || depth >= 4 || (p[t->start + 1] == '?' && p[t->start + 2] != ':')) return -1;
    if (full_literals(p, t->in_start, t->in_end, part, depth + 1) == 0) return 0;
    set_free(part);
    if (edge && edge(p, t->in_start, t->in_end, part, depth + 1) == 0) return 1;
    set_free(part);
    return -1;
}

/* One alternative that must be wholly literal (no quantifiers except {n}). */
static int full_literal_seq(const char *p, size_t a, size_t b, strset *out, int depth)
{
    strset cur = {0};
    set_add(&cur, "", 0);
    size_t i = a;
    char why[64];
    while (i < b) {
        tok t;
        size_t next = next_token(p, b, i, &t, why, sizeof why);
        if (!next || t.qmin != t.qmax || t.qmax < 0 || t.qmin > 8) goto fail;
        for (long r = 0; r < t.qmin; r++) {
            strset part = {0};
            if (atom_literals(p, &t, depth, NULL, &part) != 0) {
                set_free(&part);
                goto fail;
            }
            /* cur = cur x part */
            strset tmp = cur;
            cur = part;
            part = tmp;
            int rc = set_product(&part, &cur);
            set_free(&part);
            if (rc != 0) goto fail;
        }
        i = next;
    }
    *out = cur;
    return 0;
fail:
    set_free(&cur);
    return -1;
}

static int full_literals(const char *p, size_t a, size_t b, strset *out, int depth)
{
    return each_alternative(p, a, b, depth, out, full_literal_seq);
}

static int suffixes(const char *p, size_t a, size_t b, strset *out, int depth);

/* Hands `cur` over to `out` unless one of its texts is empty (nothing
 * known): 0, or -1 after freeing it. */
static int nonempty_literals(strset *cur, strset *out)
{
    for (size_t k = 0; k < cur->n; k++)
        if (cur->s[k][0] == 0) {
            set_free(cur);
            return -1;
        }
    *out = *cur;
    return 0;
}

/* The literal suffixes of one alternative: collected from its last atom
 * backwards until an atom that is not literal. */
static int suffix_seq(const char *p, size_t a, size_t b, strset *out, int depth)
{
    tok toks[256];
    size_t nt = 0, i = a;
    char why[64];
    while (i < b) {
        if (nt == 256) return -1;
        size_t next = next_token(p, b, i, &toks[nt], why, sizeof why);
        if (!next) return -1;
        if (toks[nt].kind == T_FLAGS) return -1; /* flags inside: too complex */
        nt++;
        i = next;
    }
    strset cur = {0};
    set_add(&cur, "", 0);
    for (size_t k = nt; k-- > 0;) {
        tok *t = &toks[k];
        if (t->qmin != 1 || t->qmax != 1) break;
        strset part = {0};
        int partial = atom_literals(p, t, depth, suffixes, &part);
        if (partial < 0) break;
        if (set_product(&part, &cur) != 0) {
            set_free(&part);
            break;
        }
        set_free(&part);
        if (partial) break;
    }
    return nonempty_literals(&cur, out);
}

static int suffixes(const char *p, size_t a, size_t b, strset *out, int depth)
{
    return each_alternative(p, a, b, depth, out, suffix_seq);
}

/* Strips a leading global "(?i)" (sets *ci); returns where the rest starts,
 * or -1 when the pattern has other leading flags. */
static long global_flags(const char *pat, int *ci)
{
    *ci = 0;
    if (strncmp(pat, "(?i)", 4) == 0) {
        *ci = 1;
        return 4;
    }
    if (strncmp(pat, "(?", 2) == 0 && pat[2] != ':' && pat[2] != '=' && pat[2] != '!' && pat[2] != '<' &&
        pat[2] != '>')
        return -1;
    return 0;
}

int pa_jregex_literal_suffixes(const char *pat, pa_buf *out, int *ci)
{
    long from = global_flags(pat, ci);
    if (from < 0) return 0;
    strset s = {0};
    int n = 0;
    if (suffixes(pat, (size_t)from, strlen(pat), &s, 0) == 0 && s.n > 0 && s.n <= MAX_STRINGS) {
        for (size_t k = 0; k < s.n; k++) pa_buf_append(out, s.s[k], strlen(s.s[k]) + 1);
        n = (int)s.n;
    }
    set_free(&s);
    return n;
}

/* ---- suffix guards ---- */

/* A guard is a short pattern that every text a pattern matches must end
 * with: a disjunction of branches, each a verbatim copy of the pattern's
 * last atoms. A branch is "open" while it copies a whole alternative from
 * its end, so atoms further left may still be prepended; a variable
 * repetition closes it, as "(?:X|P)X{m}" (the m last copies of X, preceded
 * by one more X or by the end of what comes before, P). Prepending is
 * always sound and stopping anywhere is too (a suffix of a necessary
 * condition is necessary), so the analysis stops at the first thing it
 * does not know. */

#define GUARD_BRANCHES 16 /* more alternatives: no guard */
#define GUARD_WIDTH 16    /* widest text a branch may need, in code units */

typedef struct gbranch {
    pa_buf s;
    long w;   /* the widest text the branch can match */
    int open;
} gbranch;

typedef struct guard {
    gbranch b[GUARD_BRANCHES];
    int n;
    int trivial; /* no condition known: every position passes */
} guard;

static void guard_free(guard *g)
{
    for (int i = 0; i < g->n; i++) pa_buf_free(&g->b[i].s);
    g->n = 0;
}

static int guard_has_open(const guard *g)
{
    for (int i = 0; i < g->n; i++)
        if (g->b[i].open) return 1;
    return 0;
}

static void guard_close_all(guard *g)
{
    for (int i = 0; i < g->n; i++) g->b[i].open = 0;
}

/* Adds a branch `pre` + `post`; 0, or -1 when there are too many. */
static int guard_add(guard *g, const char *pre, size_t npre, const char *post, size_t npost, long w, int open)
{
    if (g->n == GUARD_BRANCHES) return -1;
    gbranch *b = &g->b[g->n++];
    memset(b, 0, sizeof *b);
    pa_buf_append(&b->s, pre, npre);
    pa_buf_append(&b->s, post, npost);
    if (!b->s.data) pa_buf_puts(&b->s, "");
    b->w = w;
    b->open = open;
    return 0;
}

/* The widest text atom `t` (its quantifier included when `quant`) can
 * match, in UTF-16 code units; -1 when unknown. Unbounded repetition counts
 * `unbounded` times (-1: unknown). Flags are not read: the caller makes
 * sure there are none where case-insensitive matching ("ß" matching "ss")
 * would make a text longer than the pattern. */
static long atom_width_bounded(const char *p, const tok *t, int quant, int depth, long unbounded)
{
    long w;
    switch (t->kind) {
    case T_LIT: w = t->cp > 0xFFFF ? 2 : 1; break;
    case T_DOT: case T_CLASS: w = 2; break;
    case T_ESCCLASS: w = strchr("XRN", p[t->start + 1]) ? -1 : 2; break;
    case T_QUOTE: /* UTF-8 bytes: at least the UTF-16 units; a quantifier repeats the last character only */
        if (quant && t->qend > t->qstart) return -1;
        w = (long)(t->in_end - t->in_start);
        break;
    case T_ZW: return 0;
    case T_GROUP: {
        if (depth > 4) return -1;
        char why[64];
        long best = 0, cur = 0;
        for (size_t i = t->in_start; i <= t->in_end;) {
            tok u;
            size_t next = i < t->in_end ? next_token(p, t->in_end, i, &u, why, sizeof why) : t->in_end + 1;
            if (i < t->in_end && !next) return -1;
            if (i == t->in_end || u.kind == T_ALT) {
                if (cur > best) best = cur;
                cur = 0;
            } else {
                long uw = u.kind == T_FLAGS ? 0 : atom_width_bounded(p, &u, 1, depth + 1, unbounded);
                if (uw < 0) return -1;
                cur += uw;
            }
            i = next;
        }
        w = best;
        break;
    }
    default: return -1;
    }
    if (!quant) return w;
    if (t->qmax >= 0) return w * t->qmax;
    if (unbounded < 0) return -1;
    return w * (t->qmin > unbounded ? t->qmin : unbounded);
}

/* The same, unbounded repetition unknown. */
static long atom_width(const char *p, const tok *t, int quant, int depth)
{
    return atom_width_bounded(p, t, quant, depth, -1);
}

/* True for a group that only groups: "(...)" or "(?:...)". */
static int plain_group(const char *p, const tok *t)
{
    return t->kind == T_GROUP && (p[t->start + 1] != '?' || p[t->start + 2] == ':');
}

static void guard_alts(const char *p, size_t a, size_t b, int depth, guard *out);

/* Appends atom `t` (`copies` times, as "X{n}" beyond one) to `out`. An
 * escape is wrapped in a group: next to other text than in the pattern,
 * "\01" or "\x4" would read on into a following digit. */
static void atom_text(const char *p, const tok *t, long copies, pa_buf *out)
{
    int wrap = p[t->start] == '\\' || copies > 1;
    if (copies <= 0) return;
    if (wrap) pa_buf_puts(out, "(?:");
    pa_buf_append(out, p + t->start, t->end - t->start);
    if (wrap) pa_buf_putc(out, ')');
    if (copies > 1) pa_buf_printf(out, "{%ld}", copies);
}

/* Writes the branches of `g` as one alternation into `out`. */
static void guard_join(const guard *g, pa_buf *out)
{
    pa_buf_puts(out, "(?:");
    for (int i = 0; i < g->n; i++) {
        if (i) pa_buf_putc(out, '|');
        pa_buf_append(out, g->b[i].s.data, g->b[i].s.len);
    }
    pa_buf_putc(out, ')');
}

/* The widest branch of `g`. */
static long guard_width(const guard *g)
{
    long w = 0;
    for (int i = 0; i < g->n; i++)
        if (g->b[i].w > w) w = g->b[i].w;
    return w;
}

/* Prepends atom text `x` (width `w`) to every open branch; closes them all
 * instead when one would grow too wide. Returns 1 when it prepended. */
static int guard_prepend(guard *g, const char *x, size_t n, long w)
{
    for (int i = 0; i < g->n; i++)
        if (g->b[i].open && (w < 0 || g->b[i].w + w > GUARD_WIDTH)) {
            guard_close_all(g);
            return 0;
        }
    for (int i = 0; i < g->n; i++) {
        gbranch *b = &g->b[i];
        if (!b->open) continue;
        pa_buf t = PA_BUF_INIT;
        pa_buf_append(&t, x, n);
        pa_buf_append(&t, b->s.data, b->s.len);
        pa_buf_free(&b->s);
        b->s = t;
        b->w += w;
    }
    return 1;
}

/* Replaces every open branch o by the branches pre_j + o, one for each
 * (text, width, open) in `pre`; closes them all instead when there would
 * be too many or one would grow too wide. Returns 1 when it expanded. */
static int guard_expand(guard *g, const guard *pre)
{
    int nopen = 0;
    for (int i = 0; i < g->n; i++)
        if (g->b[i].open) {
            nopen++;
            if (g->b[i].w + guard_width(pre) > GUARD_WIDTH) {
                guard_close_all(g);
                return 0;
            }
        }
    if (g->n - nopen + nopen * pre->n > GUARD_BRANCHES) {
        guard_close_all(g);
        return 0;
    }
    guard old = *g;
    g->n = 0;
    for (int i = 0; i < old.n; i++) {
        gbranch *o = &old.b[i];
        if (!o->open) {
            g->b[g->n++] = *o;
            continue;
        }
        for (int j = 0; j < pre->n; j++)
            guard_add(g, pre->b[j].s.data, pre->b[j].s.len, o->s.data, o->s.len, pre->b[j].w + o->w, pre->b[j].open);
        pa_buf_free(&o->s);
    }
    return 1;
}

/* The guard of one alternative p[a..b) (no top-level '|'). */
static void guard_seq(const char *p, size_t a, size_t b, int depth, guard *out)
{
    tok toks[256];
    size_t nt = 0;
    char why[64];
    memset(out, 0, sizeof *out);
    for (size_t i = a; i < b; nt++) {
        if (nt == 256 || !(i = next_token(p, b, i, &toks[nt], why, sizeof why))) goto trivial;
        /* flags change how the atoms after them read: copied without
         * them, those would mean something else; so would a quantifier
         * after \Q...\E, which repeats only its last character */
        if (toks[nt].kind == T_FLAGS || toks[nt].kind == T_BACKREF || toks[nt].kind == T_OTHER) goto trivial;
        if (toks[nt].kind == T_QUOTE && toks[nt].qend > toks[nt].qstart) goto trivial;
    }
    guard_add(out, "", 0, "", 0, 0, 1);
    for (size_t k = nt; k-- > 0 && guard_has_open(out);) {
        const tok *t = &toks[k];
        /* An atom short enough is copied as it is, quantifier included:
         * the branch stays a verbatim suffix of the alternative. */
        long w = atom_width(p, t, 1, depth);
        if (w >= 0 && w + guard_width(out) <= GUARD_WIDTH) {
            pa_buf x = PA_BUF_INIT;
            pa_buf_puts(&x, "(?:");
            pa_buf_append(&x, p + t->start, t->end - t->start);
            pa_buf_putc(&x, ')');
            pa_buf_append(&x, p + t->qstart, t->qend - t->qstart);
            guard_prepend(out, x.data, x.len, w);
            pa_buf_free(&x);
            continue;
        }
        /* A group too wide as a whole: its alternatives, each from its end. */
        if (plain_group(p, t) && t->qmin == 1 && t->qmax == 1 && depth < 4) {
            guard in;
            guard_alts(p, t->in_start, t->in_end, depth + 1, &in);
            int ok = !in.trivial && guard_expand(out, &in);
            guard_free(&in);
            if (!ok) guard_close_all(out);
            continue;
        }
        /* X{m,n} too wide (unbounded): the m last copies, after one more
         * copy or after what precedes the repetition; then stop. */
        long wx = atom_width(p, t, 0, depth);
        if (wx < 0 || t->qmin == t->qmax) {
            guard_close_all(out);
            break;
        }
        guard prev = {0};
        if (k > 0) guard_seq(p, a, t->start, depth + 1, &prev);
        pa_buf x = PA_BUF_INIT;
        w = wx * t->qmin;
        long wp = guard_width(&prev) > wx ? guard_width(&prev) : wx;
        if (k > 0 && !prev.trivial && prev.n > 0 && w + wp + guard_width(out) <= GUARD_WIDTH) {
            pa_buf_puts(&x, "(?:");
            atom_text(p, t, 1, &x);
            pa_buf_putc(&x, '|');
            guard_join(&prev, &x);
            pa_buf_putc(&x, ')');
            w += wp;
        }
        guard_free(&prev);
        atom_text(p, t, t->qmin, &x);
        if (x.len && w + guard_width(out) > GUARD_WIDTH) { /* without what precedes */
            pa_buf_reset(&x);
            atom_text(p, t, t->qmin, &x);
            w = wx * t->qmin;
        }
        if (x.len) guard_prepend(out, x.data, x.len, w);
        pa_buf_free(&x);
        guard_close_all(out);
    }
    return;
trivial:
    guard_free(out);
    out->trivial = 1;
}

/* The guard of p[a..b): the union of its alternatives' guards. */
static void guard_alts(const char *p, size_t a, size_t b, int depth, guard *out)
{
    char why[64];
    memset(out, 0, sizeof *out);
    for (size_t i = a, alt = a; i <= b;) {
        tok t;
        size_t next = i < b ? next_token(p, b, i, &t, why, sizeof why) : b + 1;
        if (i < b && !next) goto trivial;
        if (i == b || t.kind == T_ALT) {
            guard one;
            guard_seq(p, alt, i, depth, &one);
            int ok = !one.trivial;
            for (int k = 0; ok && k < one.n; k++) {
                /* an empty closed branch: nothing known */
                if (!one.b[k].open && one.b[k].s.len == 0) ok = 0;
                else if (guard_add(out, one.b[k].s.data, one.b[k].s.len, "", 0, one.b[k].w, one.b[k].open) != 0) ok = 0;
            }
            guard_free(&one);
            if (!ok) goto trivial;
            alt = next;
        }
        i = next;
    }
    return;
trivial:
    guard_free(out);
    out->trivial = 1;
}

int pa_jregex_suffix_guard(const char *pat, pa_buf *out)
{
    int ci;
    long from = global_flags(pat, &ci);
    if (from < 0) return 0;
    guard g;
    guard_alts(pat, (size_t)from, strlen(pat), 0, &g);
    /* all open: the guard is the pattern itself, no cheaper */
    int useful = !g.trivial && g.n > 0;
    if (useful) {
        int closed = 0;
        for (int i = 0; i < g.n; i++) {
            closed |= !g.b[i].open;
            if (!g.b[i].open && g.b[i].s.len == 0) useful = 0;
        }
        useful &= closed;
    }
    if (useful) {
        if (ci) pa_buf_puts(out, "(?i)");
        guard_join(&g, out);
    }
    guard_free(&g);
    return useful;
}

long pa_jregex_max_length(const char *pat)
{
    size_t len = strlen(pat);
    /* any flag, (?i) above all, and the analysis stops */
    for (size_t i = 0; i + 2 < len; i++) {
        if (pat[i] == '\\') {
            i++;
            continue;
        }
        if (pat[i] == '(' && pat[i + 1] == '?' && strchr("imsxuUdc-", pat[i + 2])) return -1;
    }
    if (pa_jregex_has_backref(pat)) return -1;
    tok whole = {0};
    whole.kind = T_GROUP;
    whole.start = 0;
    whole.in_start = 0;
    whole.in_end = len;
    whole.qmin = whole.qmax = 1;
    return atom_width_bounded(pat, &whole, 1, 0, PA_JREGEX_LOOKBEHIND_MAX);
}

/* ---- edge classes ---- */

static int edge_class_alts(const char *pat, size_t a, size_t b, int last, pa_buf *out);

/* Writes the UnicodeSet equivalent of escape class `e` (without the
 * surrounding brackets) or returns -1. */
static int escclass_set(const char *p, const tok *t, pa_buf *out)
{
    char e = p[t->start + 1];
    switch (e) {
    case 's': pa_buf_puts(out, "\\t\\n\\x0B\\f\\r\\x85\\p{Z}"); return 0; /* ICU's \s has VT and NEL too */
    case 'S': pa_buf_puts(out, "[^\\t\\n\\f\\r\\p{Z}]"); return 0;
    case 'd': pa_buf_puts(out, "\\p{Nd}"); return 0;
    case 'D': pa_buf_puts(out, "\\P{Nd}"); return 0;
    case 'w': pa_buf_puts(out, "\\p{Alphabetic}\\p{M}\\p{Nd}\\p{Pc}\\u200C\\u200D"); return 0;
    case 'W': pa_buf_puts(out, "[^\\p{Alphabetic}\\p{M}\\p{Nd}\\p{Pc}\\u200C\\u200D]"); return 0;
    case 'h': pa_buf_puts(out, "\\t\\p{Zs}"); return 0;
    case 'p': case 'P':
        if (t->end - t->start < 3) return -1;
        if (p[t->start + 2] == '{') {
            pa_buf_append(out, p + t->start, t->end - t->start);
        } else {
            pa_buf_printf(out, "\\%c{%c}", e, p[t->start + 2]);
        }
        return 0;
    default: return -1;
    }
}

/* Rewrites class text p[a..b) ("[...]") for ICU's UnicodeSet parser, which
 * does not know \s \d \w; returns -1 for what it cannot rewrite. */
static int class_set(const char *p, size_t a, size_t b, pa_buf *out)
{
    for (size_t k = a; k < b; k++) {
        if (p[k] == '&' && k + 1 < b && p[k + 1] == '&') return -1;
        if (p[k] == '$' || p[k] == '{' || p[k] == '}') {
            /* literal in a regex class; an anchor or a string in a UnicodeSet */
            pa_buf_putc(out, '\\');
            pa_buf_putc(out, p[k]);
            continue;
        }
        if (p[k] != '\\') {
            pa_buf_putc(out, p[k]);
            continue;
        }
        if (k + 1 >= b) return -1;
        char e = p[k + 1];
        tok t = {0};
        t.start = k;
        t.end = k + 2;
        if (e == 'p' || e == 'P') {
            if (k + 2 < b && p[k + 2] == '{') {
                const char *close = memchr(p + k, '}', b - k);
                if (!close) return -1;
                t.end = (size_t)(close - p) + 1;
            } else {
                t.end = k + 3;
            }
        }
        if (strchr("sSdDwWhpP", e)) {
            if (escclass_set(p, &t, out) != 0) return -1;
            k = t.end - 1;
        } else if (strchr("vVRXQEbBN", e) || is_digit(e)) {
            return -1; /* octal "\0101" reads differently in a UnicodeSet */
        } else {
            pa_buf_putc(out, '\\');
            pa_buf_putc(out, e);
            k++;
        }
    }
    return 0;
}

/* The edge class of one alternative p[a..b) (no top-level '|'). */
static int edge_class_seq(const char *pat, size_t a, size_t b, int last, pa_buf *out)
{
    tok toks[256];
    size_t nt = 0, i = a;
    char why[64];
    while (i < b) {
        if (nt == 256) return 0;
        size_t next = next_token(pat, b, i, &toks[nt], why, sizeof why);
        if (!next) return 0;
        if (toks[nt].kind == T_FLAGS || toks[nt].kind == T_OTHER) return 0;
        nt++;
        i = next;
    }
    /* The edge atom is the first (last) atom that consumes text. */
    const tok *t = NULL;
    for (size_t k = 0; k < nt; k++) {
        const tok *c = last ? &toks[nt - 1 - k] : &toks[k];
        if (c->kind == T_ZW) continue;
        t = c;
        break;
    }
    if (!t || t->qmin < 1) return 0;
    if (t->kind == T_GROUP && (pat[t->start + 1] != '?' || pat[t->start + 2] == ':'))
        return edge_class_alts(pat, t->in_start, t->in_end, last, out);
    pa_buf tmp = PA_BUF_INIT;
    int ok = 1;
    pa_buf_putc(&tmp, '[');
    if (t->kind == T_LIT) {
        pa_buf_printf(&tmp, "\\U%08X", t->cp);
    } else if (t->kind == T_QUOTE && t->in_end > t->in_start) {
        size_t s = t->in_start;
        uint32_t cp = last ? pa_utf8_before(pat, t->in_end, &s) : pa_utf8_at(pat, t->in_end, s, NULL);
        pa_buf_printf(&tmp, "\\U%08X", cp);
    } else if (t->kind == T_ESCCLASS) {
        ok = escclass_set(pat, t, &tmp) == 0;
    } else if (t->kind == T_CLASS) {
        ok = class_set(pat, t->start, t->end, &tmp) == 0;
    } else {
        ok = 0;
    }
    pa_buf_putc(&tmp, ']');
    if (ok) pa_buf_append(out, tmp.data, tmp.len);
    pa_buf_free(&tmp);
    return ok;
}

/* The union of the edge classes of the alternatives of p[a..b). */
static int edge_class_alts(const char *pat, size_t a, size_t b, int last, pa_buf *out)
{
    pa_buf u = PA_BUF_INIT;
    size_t i = a, alt = a;
    char why[64];
    int ok = 1;
    pa_buf_putc(&u, '[');
    while (ok && i <= b) {
        tok t;
        size_t next = i < b ? next_token(pat, b, i, &t, why, sizeof why) : b + 1;
        if (i < b && !next) ok = 0;
        else if (i == b || t.kind == T_ALT) {
            ok = edge_class_seq(pat, alt, i, last, &u);
            alt = next;
        }
        i = next;
    }
    pa_buf_putc(&u, ']');
    if (ok) pa_buf_append(out, u.data, u.len);
    pa_buf_free(&u);
    return ok;
}

int pa_jregex_edge_class(const char *pat, int last, pa_buf *out, int *ci)
{
    long from = global_flags(pat, ci);
    if (from < 0) return 0;
    return edge_class_alts(pat, (size_t)from, strlen(pat), last, out);
}

/* ---- starts ---- */

static int prefixes(const char *p, size_t a, size_t b, strset *out, int depth);

/* The literal prefixes of one alternative: collected from its first atom
 * forwards until an atom that is not literal. Zero-width atoms consume
 * nothing and are passed over (a condition left out only weakens the
 * prefilter). -1 when some prefix would be empty. */
static int prefix_seq(const char *p, size_t a, size_t b, strset *out, int depth)
{
    strset cur = {0};
    set_add(&cur, "", 0);
    size_t i = a;
    char why[64];
    while (i < b) {
        tok t;
        size_t next = next_token(p, b, i, &t, why, sizeof why);
        if (!next || t.kind == T_FLAGS) { /* flags inside: too complex */
            set_free(&cur);
            return -1;
        }
        if (t.kind == T_ZW) {
            i = next;
            continue;
        }
        if (t.qmin != 1 || t.qmax != 1) break;
        strset part = {0};
        int partial = atom_literals(p, &t, depth, prefixes, &part);
        if (partial < 0) break;
        /* part = cur x part, the new cur */
        if (set_product(&cur, &part) != 0) {
            set_free(&part);
            break;
        }
        set_free(&cur);
        cur = part;
        if (partial) break;
        i = next;
    }
    return nonempty_literals(&cur, out);
}

static int prefixes(const char *p, size_t a, size_t b, strset *out, int depth)
{
    return each_alternative(p, a, b, depth, out, prefix_seq);
}

int pa_jregex_read_start(const char *pat, pa_jregex_start *st)
{
    memset(st, 0, sizeof *st);
    long from = global_flags(pat, &st->ci);
    if (from < 0) return 0;
    size_t len = strlen(pat), i = (size_t)from, rest = i;
    char why[64];
    /* a lead only where the pattern is one alternative */
    int alts = 0;
    for (size_t k = i; k < len;) {
        tok t;
        size_t next = next_token(pat, len, k, &t, why, sizeof why);
        if (!next || t.kind == T_FLAGS) return 0;
        alts |= t.kind == T_ALT;
        k = next;
    }
    if (!alts) {
        /* the lead: the first atom that consumes text, when it is a class */
        tok t;
        size_t k = i, next = 0;
        while (k < len && (next = next_token(pat, len, k, &t, why, sizeof why)) != 0 && t.kind == T_ZW) k = next;
        if (k < len && next && (t.kind == T_ESCCLASS || t.kind == T_CLASS)) {
            pa_buf set = PA_BUF_INIT;
            pa_buf_putc(&set, '[');
            int ok = t.kind == T_ESCCLASS ? escclass_set(pat, &t, &set) == 0 : class_set(pat, t.start, t.end, &set) == 0;
            pa_buf_putc(&set, ']');
            if (!ok) {
                pa_buf_free(&set);
                return 0;
            }
            st->lead = set;
            st->lead_min = t.qmin;
            st->lead_max = t.qmax;
            rest = next;
            edge_class_seq(pat, rest, len, 0, &st->first);
        }
    }
    strset w = {0};
    int rc = st->lead.len ? prefix_seq(pat, rest, len, &w, 0) : prefixes(pat, i, len, &w, 0);
    if (rc == 0 && w.n > 0 && w.n <= MAX_STRINGS) {
        for (size_t k = 0; k < w.n; k++) pa_buf_append(&st->words, w.s[k], strlen(w.s[k]) + 1);
        st->nwords = (int)w.n;
    }
    set_free(&w);
    return st->lead.len > 0 || st->nwords > 0;
}

/* Frees what pa_jregex_start filled in. */
void pa_jregex_start_free(pa_jregex_start *st)
{
    pa_buf_free(&st->lead);
    pa_buf_free(&st->first);
    pa_buf_free(&st->words);
}

/* ---- tails ---- */

/* One class of a tail: a code point or the text of a class atom. */
typedef struct tclass {
    int kind;          /* T_LIT, T_CLASS or T_ESCCLASS */
    size_t start, end; /* the atom */
    uint32_t cp;       /* T_LIT */
} tclass;

/* A branch: its classes from the end back; open while it covers its
 * alternative from the end, so that atoms further left may still add. */
typedef struct tbranch {
    int n, open;
    tclass c[PA_JREGEX_TAIL_CLASSES];
} tbranch;

typedef struct tail {
    int n, unknown;
    tbranch b[PA_JREGEX_TAIL_BRANCHES];
} tail;

static void tail_alts(const char *p, size_t a, size_t b, int depth, tail *out);

/* Stops every branch where it is: the classes read so far still hold. */
static void tail_close(tail *t)
{
    for (int i = 0; i < t->n; i++) t->b[i].open = 0;
}

/* Whether some branch of `t` still reads back further. */
static int tail_has_open(const tail *t)
{
    for (int i = 0; i < t->n; i++)
        if (t->b[i].open) return 1;
    return 0;
}

/* Appends class `c` `copies` times to every open branch. */
static void tail_append(tail *t, const tclass *c, long copies)
{
    for (int i = 0; i < t->n; i++) {
        tbranch *b = &t->b[i];
        for (long k = 0; b->open && k < copies && b->n < PA_JREGEX_TAIL_CLASSES; k++) b->c[b->n++] = *c;
        if (b->n == PA_JREGEX_TAIL_CLASSES) b->open = 0;
    }
}

/* Replaces every open branch o by o followed by each branch of `g` (the
 * tail of a group, read back); closes them all instead when there would
 * be too many. */
static void tail_expand(tail *t, const tail *g)
{
    int nopen = 0;
    for (int i = 0; i < t->n; i++) nopen += t->b[i].open;
    if (t->n - nopen + nopen * g->n > PA_JREGEX_TAIL_BRANCHES) {
        tail_close(t);
        return;
    }
    tail old = *t;
    t->n = 0;
    for (int i = 0; i < old.n; i++) {
        const tbranch *o = &old.b[i];
        if (!o->open) {
            t->b[t->n++] = *o;
            continue;
        }
        for (int j = 0; j < g->n; j++) {
            tbranch nb = *o;
            const tbranch *x = &g->b[j];
            for (int k = 0; k < x->n && nb.n < PA_JREGEX_TAIL_CLASSES; k++) nb.c[nb.n++] = x->c[k];
            nb.open = x->open && nb.n < PA_JREGEX_TAIL_CLASSES;
            t->b[t->n++] = nb;
        }
    }
}

/* The class of a one-character atom into `c`; 0 when it is not one or its
 * class cannot be written as a UnicodeSet. */
static int tail_class(const char *p, const tok *tk, tclass *c)
{
    memset(c, 0, sizeof *c);
    c->kind = tk->kind;
    c->start = tk->start;
    c->end = tk->end;
    if (tk->kind == T_LIT) {
        c->cp = tk->cp;
        return tk->cp > 0 && tk->cp <= 0x10FFFF;
    }
    if (tk->kind != T_CLASS && tk->kind != T_ESCCLASS) return 0;
    pa_buf tmp = PA_BUF_INIT;
    int ok = tk->kind == T_ESCCLASS ? escclass_set(p, tk, &tmp) == 0 : class_set(p, tk->start, tk->end, &tmp) == 0;
    pa_buf_free(&tmp);
    return ok;
}

/* Applies atom `tk`, quantifier included, to the open branches of `t`
 * (reading back from the end). */
static void tail_atom(const char *p, const tok *tk, int depth, tail *t)
{
    if (tk->kind == T_ZW) return; /* consumes nothing */
    if (tk->kind == T_QUOTE && (tk->qmin != 1 || tk->qmax != 1)) {
        /* a quantifier repeats the quote's last character only (see
         * atom_width_bounded): not a repeat of the whole, so unknown */
        tail_close(t);
        return;
    }
    if (tk->qmin == 0) {
        /* absent: the branches as they are; present: a copy with one */
        tail with;
        with.n = 0;
        with.unknown = 0;
        for (int i = 0; i < t->n; i++)
            if (t->b[i].open) with.b[with.n++] = t->b[i];
        tok one = *tk;
        one.qmin = one.qmax = 1;
        tail_atom(p, &one, depth, &with);
        if (tk->qmax != 1) tail_close(&with);
        if (t->n + with.n > PA_JREGEX_TAIL_BRANCHES) {
            tail_close(t);
            return;
        }
        for (int i = 0; i < with.n; i++) t->b[t->n++] = with.b[i];
        return;
    }
    long copies = tk->qmin < PA_JREGEX_TAIL_CLASSES ? tk->qmin : PA_JREGEX_TAIL_CLASSES;
    tclass c;
    if (tail_class(p, tk, &c)) {
        tail_append(t, &c, copies);
    } else if (tk->kind == T_QUOTE && tk->qmin == 1 && tk->qmax == 1) {
        /* its characters from the last back */
        for (size_t e = tk->in_end; e > tk->in_start && tail_has_open(t);) {
            memset(&c, 0, sizeof c);
            c.kind = T_LIT;
            c.cp = pa_utf8_before(p, e, &e);
            if (c.cp == 0 || c.cp > 0x10FFFF || e < tk->in_start) {
                tail_close(t);
                break;
            }
            tail_append(t, &c, 1);
        }
    } else if (plain_group(p, tk) && depth < 4) {
        tail g;
        tail_alts(p, tk->in_start, tk->in_end, depth + 1, &g);
        if (g.unknown) {
            tail_close(t);
            return;
        }
        for (long k = 0; k < copies && tail_has_open(t); k++) tail_expand(t, &g);
    } else {
        tail_close(t);
        return;
    }
    if (tk->qmax != tk->qmin) tail_close(t); /* what precedes: unknown length */
}

/* The tail of one alternative p[a..b) (no top-level '|'). */
static void tail_seq(const char *p, size_t a, size_t b, int depth, tail *out)
{
    tok toks[256];
    size_t nt = 0;
    char why[64];
    memset(out, 0, sizeof *out);
    for (size_t i = a; i < b; nt++) {
        if (nt == 256 || !(i = next_token(p, b, i, &toks[nt], why, sizeof why)) || toks[nt].kind == T_FLAGS ||
            toks[nt].kind == T_BACKREF) {
            out->unknown = 1;
            return;
        }
    }
    out->n = 1;
    out->b[0].open = 1;
    for (size_t k = nt; k-- > 0 && tail_has_open(out);) tail_atom(p, &toks[k], depth, out);
}

/* The tail of p[a..b): the branches of all its alternatives. */
static void tail_alts(const char *p, size_t a, size_t b, int depth, tail *out)
{
    char why[64];
    memset(out, 0, sizeof *out);
    for (size_t i = a, alt = a; i <= b;) {
        tok t;
        size_t next = i < b ? next_token(p, b, i, &t, why, sizeof why) : b + 1;
        if (i < b && !next) {
            out->unknown = 1;
            return;
        }
        if (i == b || t.kind == T_ALT) {
            tail one;
            tail_seq(p, alt, i, depth, &one);
            if (one.unknown || out->n + one.n > PA_JREGEX_TAIL_BRANCHES) {
                out->unknown = 1;
                return;
            }
            for (int k = 0; k < one.n; k++) out->b[out->n++] = one.b[k];
            alt = next;
        }
        i = next;
    }
}

int pa_jregex_read_tail(const char *pat, pa_jregex_tail *t)
{
    memset(t, 0, sizeof *t);
    int ci;
    long from = global_flags(pat, &ci);
    if (from < 0 || ci || pa_jregex_has_backref(pat)) return 0;
    tail tl;
    tail_alts(pat, (size_t)from, strlen(pat), 0, &tl);
    if (tl.unknown || tl.n == 0) return 0;
    for (int i = 0; i < tl.n; i++)
        if (tl.b[i].n == 0) return 0; /* a match may end with anything */
    for (int i = 0; i < tl.n; i++) {
        for (int k = 0; k < tl.b[i].n; k++) {
            const tclass *c = &tl.b[i].c[k];
            pa_buf_putc(&t->cls, '[');
            if (c->kind == T_LIT) {
                pa_buf_printf(&t->cls, "\\U%08X", c->cp);
            } else {
                tok tk = {0};
                tk.kind = c->kind;
                tk.start = c->start;
                tk.end = c->end;
                if (c->kind == T_ESCCLASS) escclass_set(pat, &tk, &t->cls);
                else class_set(pat, c->start, c->end, &t->cls);
            }
            pa_buf_putc(&t->cls, ']');
            pa_buf_putc(&t->cls, 0);
        }
        t->len[i] = tl.b[i].n;
    }
    t->n = tl.n;
    return t->n;
}

void pa_jregex_tail_free(pa_jregex_tail *t)
{
    pa_buf_free(&t->cls);
}

URegularExpression *pa_jregex_open(const char *pat, uint32_t flags, UParseError *pe, UErrorCode *st)
{
    int32_t ulen = 0;
    *st = U_ZERO_ERROR;
    u_strFromUTF8(NULL, 0, &ulen, pat, -1, st);
    *st = U_ZERO_ERROR;
    UChar *u = pa_malloc(((size_t)ulen + 1) * sizeof *u);
    u_strFromUTF8(u, ulen + 1, NULL, pat, -1, st);
    URegularExpression *re = U_SUCCESS(*st) ? uregex_open(u, ulen, flags, pe, st) : NULL;
    pa_free(u);
    if (U_SUCCESS(*st)) uregex_setTimeLimit(re, PA_JREGEX_TIME_LIMIT, st);
    if (U_FAILURE(*st) && re) uregex_close(re), re = NULL;
    return re;
}
