/* sentence_lines.c - see sentence_lines.h. One pass counts, per non-blank
 * line, whether it ends like a sentence and how many sentence ends it holds
 * inside; only when those counts say yes is reflow's detector asked whether
 * the lines are wrapped (it measures every line once more). */
#include "align/readers/sentence_lines.h"
#include "align/text/reflow.h"
#include "align/text/utf8.h"
#include "align/util/buf.h"

#include <string.h>
#include <unicode/uchar.h>

/* Opening quotes and marks that may precede a sentence's first letter. */
static int is_opener(uint32_t c)
{
    return c == '"' || c == '\'' || c == '(' || c == 0x201C || c == 0x2018 || c == 0xAB || c == 0xBF ||
           c == 0xA1 || c == 0x201E;
}

/* Sentence-final marks of spaced scripts, followed by a space when the
 * sentence goes on. */
static int is_spaced_final(uint32_t c) { return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == 0x061F; }

/* Sentence-final marks of Chinese and Japanese, followed by nothing. */
static int is_cjk_final(uint32_t c) { return c == 0x3002 || c == 0xFF01 || c == 0xFF1F; }

/* A line ending with one of these ends a sentence, a list item or the
 * line introducing a list: it does not run on into the next line. */
static int is_line_end(uint32_t c)
{
    return is_spaced_final(c) || is_cjk_final(c) || c == 0xFF0E || c == ';' || c == ':' || c == 0xFF1B ||
           c == 0xFF1A || c == 0x061B;
}

static int is_space(uint32_t c) { return c == ' ' || c == '\t' || c == 0xA0 || c == 0x3000; }

/* True when the '.' at s[dot] (on a line starting at `a`) most likely ends
 * an abbreviation, an ordinal or a marker, not a sentence: the word before
 * it holds a dot ("H.E.", "U.S."), is one character (an initial, "г."), is
 * a number (German ordinals: "am 18. Mai"), is a capitalised word of at
 * most three letters ("Mr.", "Dr.", "Vol."), or opens the line ("51.",
 * "IV.", "A."). An ellipsis ("...") is never one. */
static int abbreviation_before(const char *s, size_t a, size_t dot)
{
    size_t k = dot;
    while (k > a && s[k - 1] == '.') k--;
    if (k < dot) return 0; /* "..." */
    size_t t = k, chars = 0, letters = 0;
    int inner_dot = 0;
    uint32_t first = 0;
    while (t > a && chars < 64) {
        size_t st;
        uint32_t c = pa_utf8_before(s, t, &st);
        if (c == '.') inner_dot = 1;
        else if (!u_isalnum((UChar32)c)) break;
        else letters += u_isalpha((UChar32)c) != 0;
        first = c;
        t = st;
        chars++;
    }
    if (inner_dot || chars <= 1 || letters == 0) return 1;
    if (t == a) return 1;
    return letters == chars && chars <= 3 && u_isupper((UChar32)first);
}

/* True when s[i..z) starts with a word of two or more capitals and no
 * small letter, an acronym: after a dot it follows abbreviations as often
 * as sentence ends ("10 600 долл. США", "Co. KG"). */
static int acronym_at(const char *s, size_t i, size_t z)
{
    size_t n, caps = 0;
    uint32_t c;
    while ((c = pa_utf8_at(s, z, i, &n)) && u_isalpha((UChar32)c)) {
        if (!u_isupper((UChar32)c)) return 0;
        caps++;
        i += n;
    }
    return caps >= 2;
}

/* Counts the sentence ends inside line s[a..z) (trimmed, non-empty). */
static size_t inner_ends(const char *s, size_t a, size_t z)
{
    size_t count = 0, n;
    for (size_t i = a; i < z; i += n) {
        unsigned char b = (unsigned char)s[i];
        if (b < 0x80 && b != '.' && b != '!' && b != '?') {
            n = 1;
            continue;
        }
        uint32_t c = pa_utf8_at(s, z, i, &n);
        if (is_cjk_final(c)) {
            size_t m;
            uint32_t d = pa_utf8_at(s, z, i + n, &m);
            if (d && !pa_is_closing_mark(d) && !is_line_end(d) && !is_space(d)) count++;
            continue;
        }
        if (!is_spaced_final(c)) continue;
        size_t j = i + n, m;
        uint32_t d = pa_utf8_at(s, z, j, &m);
        while (d && pa_is_closing_mark(d)) j += m, d = pa_utf8_at(s, z, j, &m);
        if (!is_space(d)) continue;
        while (d && is_space(d)) j += m, d = pa_utf8_at(s, z, j, &m);
        while (d && is_opener(d)) j += m, d = pa_utf8_at(s, z, j, &m);
        if (!d || !u_isalpha((UChar32)d) || u_islower((UChar32)d) || pa_is_unspaced_char(d)) continue;
        if (c == '.' && (abbreviation_before(s, a, i) || acronym_at(s, j, z))) continue;
        count++;
    }
    return count;
}

/* Does line s[a..z) (trimmed, non-empty) end like a sentence? */
static int ends_line(const char *s, size_t a, size_t z)
{
    size_t k = z;
    uint32_t c;
    do c = pa_utf8_before(s, k, &k);
    while (pa_is_closing_mark(c) && k > a);
    return is_line_end(c);
}

int pa_text_sentence_lines_stats(const char *text, size_t len, const char *lang, pa_sentence_lines_stats *st)
{
    memset(st, 0, sizeof *st);
    st->wrapped = -1;
    for (size_t i = 0; i < len;) {
        const char *nl = memchr(text + i, '\n', len - i);
        size_t e = nl ? (size_t)(nl - text) : len, a = i, z = e, n;
        while (a < z && is_space(pa_utf8_at(text, z, a, &n))) a += n;
        while (z > a) {
            size_t b;
            if (!is_space(pa_utf8_before(text, z, &b))) break;
            z = b;
        }
        if (a < z) {
            st->lines++;
            st->ends += ends_line(text, a, z);
            st->inner += inner_ends(text, a, z);
        }
        i = e + 1;
    }
    if (st->ends < PA_SENTLINES_MIN_ENDS || st->ends * 2 < st->lines || st->inner * 5 > st->ends) return 0;
    st->wrapped = pa_reflow_is_wrapped(text, len);
    return !st->wrapped;
}

int pa_text_is_sentence_lines(const char *text, size_t len, const char *lang)
{
    pa_sentence_lines_stats st;
    return pa_text_sentence_lines_stats(text, len, lang, &st);
}
