/* tsv.c - a table of parallel text (TSV: a row a line, columns between
 * tabs, no quoting) read as one language's document, so that a corpus or
 * a memory exported as a table is aligned or segmented again:
 * `polyalign align -s zh -t en pairs.tsv` (one table for both sides, see
 * cmd_align.c), or a table per side.
 *
 * The document's column is, in this order of trust:
 *  1. the one a header line names: a first row whose every cell is a
 *     language tag ("zh", "en-GB") or a score heading ("score", "x-score",
 *     or empty), such as "zh<TAB>en" or "score<TAB>zh<TAB>en";
 *  2. the only text column written in the language's script (a zh-en
 *     table needs no header whichever way round its columns are);
 *  3. the text column at the input's position (the source is the first,
 *     the target the second), when several are in the script.
 * A first column of numbers only, as `--format tsv` and `tmx convert --to
 * tsv` write (the x-score), is not text when other columns follow.
 *
 * Each row with text in the column is a paragraph (rows of a corpus are
 * often paragraphs or sentences); the text, a paragraph a line with blank
 * lines between, then goes the way of plain text (the text reader), as a
 * TMX's units do (tmx.c).
 */
#include "align/readers/reader.h"
#include "align/text/input.h"
#include "align/text/lang.h"
#include "align/text/utf8.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicode/uscript.h>

/* Columns a table may have. */
#define MAX_COLUMNS 64

/* Bytes of each column that the script vote reads. */
#define SCRIPT_SAMPLE (64 * 1024)

/* One row: the cells' starts and lengths in the decoded text. */
typedef struct row {
    size_t at[MAX_COLUMNS], len[MAX_COLUMNS];
    size_t n;
} row;

/* Splits the line s[0..len) at its tabs into `r`; -1 when it has more
 * than MAX_COLUMNS cells. */
static int split_row(const char *text, size_t start, size_t len, row *r)
{
    r->n = 0;
    size_t a = start, end = start + len;
    for (;;) {
        const char *tab = memchr(text + a, '\t', end - a);
        size_t e = tab ? (size_t)(tab - text) : end;
        if (r->n == MAX_COLUMNS) return -1;
        r->at[r->n] = a, r->len[r->n] = e - a, r->n++;
        if (!tab) return 0;
        a = e + 1;
    }
}

/* Trims spaces off both ends of cell k of `r`. */
static void trim_cell(const char *text, row *r, size_t k)
{
    while (r->len[k] > 0 && text[r->at[k]] == ' ') r->at[k]++, r->len[k]--;
    while (r->len[k] > 0 && text[r->at[k] + r->len[k] - 1] == ' ') r->len[k]--;
}

/* The next non-blank line of text[*pos..len): its start and length, and
 * its line number in *line; 0 at the end. */
static int next_line(const char *text, size_t len, size_t *pos, size_t *line, size_t *start, size_t *n)
{
    while (*pos < len) {
        const char *nl = memchr(text + *pos, '\n', len - *pos);
        size_t e = nl ? (size_t)(nl - text) : len;
        size_t a = *pos;
        *pos = nl ? e + 1 : len;
        ++*line;
        if (!pa_utf8_blank(text + a, e - a)) {
            *start = a, *n = e - a;
            return 1;
        }
    }
    return 0;
}

/* True when the cell is a number (a score) or empty. */
static int is_number(const char *s, size_t n)
{
    if (n == 0) return 1;
    if (n > 31) return 0;
    char tmp[32];
    memcpy(tmp, s, n), tmp[n] = '\0';
    char *end;
    strtod(tmp, &end);
    return end != tmp && *end == '\0';
}

/* True when the cell heads a score column. */
static int is_score_heading(const char *s, size_t n)
{
    return n == 0 || (n == 5 && strncasecmp(s, "score", 5) == 0) || (n == 7 && strncasecmp(s, "x-score", 7) == 0);
}

/* The short code of a cell that is a language tag, in `code`; 0 or -1. */
static int cell_language(const char *s, size_t n, char code[PA_LANG_MAX])
{
    if (n < 2 || n >= PA_LANG_MAX) return -1;
    char tag[PA_LANG_MAX];
    memcpy(tag, s, n), tag[n] = '\0';
    return pa_lang_normalize(tag, code, NULL) == 0 ? 0 : -1;
}

/* Whether the header row `h` names the columns: every cell a language or
 * a score heading, one language at least. Then the column of language
 * `lang` (short code) or of tag `tag` (preferred) in *col, or -1 when the
 * header lacks it. */
static int header_column(const char *text, const row *h, const char *tag, const char *lang, long *col)
{
    int langs = 0;
    long by_code = -1, by_tag = -1;
    for (size_t k = 0; k < h->n; k++) {
        const char *s = text + h->at[k];
        char code[PA_LANG_MAX];
        if (cell_language(s, h->len[k], code) == 0) {
            langs++;
            if (by_code < 0 && strcmp(code, lang) == 0) by_code = (long)k;
            if (by_tag < 0 && strlen(tag) == h->len[k] && strncasecmp(s, tag, h->len[k]) == 0) by_tag = (long)k;
        } else if (!is_score_heading(s, h->len[k])) {
            return 0;
        }
    }
    if (!langs) return 0;
    *col = by_tag >= 0 ? by_tag : by_code;
    return 1;
}

/* The script most letters of column `col` are written in, over its first
 * SCRIPT_SAMPLE bytes; USCRIPT_INVALID_CODE when it has no letters. */
static UScriptCode column_script(const char *text, size_t len, size_t first_row, size_t col)
{
    enum { SLOTS = 8 };
    UScriptCode seen[SLOTS];
    size_t count[SLOTS], used = 0, bytes = 0, pos = first_row, line = 0, start, n;
    row r;
    while (bytes < SCRIPT_SAMPLE && next_line(text, len, &pos, &line, &start, &n)) {
        if (split_row(text, start, n, &r) != 0 || col >= r.n) continue;
        const char *s = text + r.at[col];
        bytes += r.len[col];
        for (size_t i = 0; i < r.len[col];) {
            size_t k;
            UChar32 c = (UChar32)pa_utf8_at(s, r.len[col], i, &k);
            i += k ? k : 1;
            UErrorCode st = U_ZERO_ERROR;
            UScriptCode sc = uscript_getScript(c, &st);
            if (U_FAILURE(st) || sc == USCRIPT_COMMON || sc == USCRIPT_INHERITED || sc == USCRIPT_UNKNOWN) continue;
            size_t j = 0;
            while (j < used && seen[j] != sc) j++;
            if (j == used) {
                if (used == SLOTS) continue;
                seen[used] = sc, count[used++] = 0;
            }
            count[j]++;
        }
    }
    UScriptCode best = USCRIPT_INVALID_CODE;
    size_t most = 0;
    for (size_t j = 0; j < used; j++)
        if (count[j] > most) most = count[j], best = seen[j];
    return best;
}

/* Whether `sc` is a script language `lang` is written in (ICU's locale
 * data: zh -> Hani, ja -> Kana Hira Hani, ru -> Cyrl); -1 when ICU knows
 * none for the language. */
static int script_fits(const char *lang, UScriptCode sc)
{
    UScriptCode codes[8];
    UErrorCode st = U_ZERO_ERROR;
    int n = uscript_getCode(lang, codes, 8, &st);
    if (U_FAILURE(st) || n <= 0) return -1;
    for (int i = 0; i < n; i++)
        if (codes[i] == sc) return 1;
    return 0;
}

/* Chooses the document's column of a table without a header: of the text
 * columns (`first_text` onwards), the only one in the language's script,
 * else the one at `position` among those in the script (or among all when
 * ICU knows no script for the language). */
static int guess_column(const char *text, size_t len, size_t first_row, size_t columns, size_t first_text,
                        size_t position, const pa_document *d, long *col, pa_error *err)
{
    size_t n_text = columns - first_text;
    if (n_text == 1) {
        *col = (long)first_text;
        return 0;
    }
    size_t fits[MAX_COLUMNS], n_fit = 0;
    int known = 1;
    for (size_t k = first_text; k < columns; k++) {
        int f = script_fits(d->lang, column_script(text, len, first_row, k));
        if (f < 0) known = 0;
        if (f > 0) fits[n_fit++] = k;
    }
    if (!known) {
        for (size_t k = first_text; k < columns; k++) fits[k - first_text] = k;
        n_fit = n_text;
    }
    if (n_fit == 1 || (n_fit > 1 && position < n_fit)) {
        *col = (long)fits[n_fit == 1 ? 0 : position];
        return 0;
    }
    if (n_fit == 0)
        return pa_error_set(err, PA_EINPUT,
                            "%s: none of its %zu text columns is written in %s's script; add a header line "
                            "naming the columns' languages (such as 'zh<TAB>en')",
                            d->name, n_text, d->tag);
    return pa_error_set(err, PA_EINPUT,
                        "%s: %zu of its text columns could be %s; add a header line naming the columns' "
                        "languages (such as 'zh<TAB>en')",
                        d->name, n_fit, d->tag);
}

static int read_tsv(const char *bytes, size_t len, const pa_read_opts *o, pa_document *d, pa_error *err)
{
    pa_buf clean = PA_BUF_INIT, out = PA_BUF_INIT;
    pa_text_opts to = {o ? o->encoding : NULL, o ? o->max_bytes : 0, 0};
    int rc = pa_decode_text(d->name, bytes, len, &to, &clean, err);
    const char *text = clean.data ? clean.data : "";
    size_t tlen = clean.len, pos = 0, line = 0, start, n, first_line = 0;
    row r;
    size_t columns = 0, rows = 0, paras = 0, data_from = 0, data_line = 0;
    long col = -1;
    /* The first row: its width, and whether it is a header. */
    if (rc == 0 && !next_line(text, tlen, &pos, &line, &start, &n))
        rc = pa_error_set(err, PA_EINPUT, "%s: contains no text", d->name);
    if (rc == 0 && split_row(text, start, n, &r) != 0)
        rc = pa_error_set(err, PA_EINPUT, "%s:%zu: more than %d columns", d->name, line, MAX_COLUMNS);
    if (rc == 0) {
        columns = r.n, first_line = line, data_from = start, data_line = line - 1;
        for (size_t k = 0; k < r.n; k++) trim_cell(text, &r, k);
        if (header_column(text, &r, d->tag, d->lang, &col)) {
            data_from = pos, data_line = line;
            if (col < 0) {
                pa_buf names = PA_BUF_INIT;
                for (size_t k = 0; k < r.n; k++)
                    if (!is_score_heading(text + r.at[k], r.len[k]))
                        pa_buf_printf(&names, "%s%.*s", names.len ? ", " : "", (int)r.len[k], text + r.at[k]);
                rc = pa_error_set(err, PA_EINPUT, "%s: no column for %s (its header line names %s)", d->name, d->tag,
                                  names.data);
                pa_buf_free(&names);
            }
        }
    }
    /* Every row as wide as the first; a leading column of numbers is a score. */
    int score_column = columns > 1;
    for (size_t p = data_from, ln = data_line; rc == 0;) {
        if (!next_line(text, tlen, &p, &ln, &start, &n)) break;
        int wide = split_row(text, start, n, &r) != 0;
        if (wide || r.n != columns) {
            rc = pa_error_set(err, PA_EINPUT,
                              "%s:%zu: %s columns where line %zu has %zu (a TSV row a line, tabs between the columns)",
                              d->name, ln, wide ? "too many" : "a different number of", first_line, columns);
            break;
        }
        rows++;
        trim_cell(text, &r, 0);
        if (score_column && !is_number(text + r.at[0], r.len[0])) score_column = 0;
    }
    if (rc == 0 && rows == 0) rc = pa_error_set(err, PA_EINPUT, "%s: a header line and no rows", d->name);
    if (rc == 0 && col < 0) {
        size_t position = o && o->position >= 0 ? (size_t)o->position : (size_t)-1;
        rc = guess_column(text, tlen, data_from, columns, score_column ? 1 : 0, position, d, &col, err);
    }
    /* The column's cells, a paragraph each. */
    for (size_t p = data_from, ln = 0; rc == 0 && next_line(text, tlen, &p, &ln, &start, &n);) {
        split_row(text, start, n, &r);
        const char *s = text + r.at[col];
        if (pa_utf8_blank(s, r.len[col])) continue;
        pa_put_one_line(&out, s, r.len[col]);
        pa_buf_puts(&out, "\n\n");
        paras++;
    }
    if (rc == 0 && paras == 0)
        rc = pa_error_set(err, PA_EINPUT, "%s: none of its %zu rows has text in column %ld (%s)", d->name, rows,
                          col + 1, d->tag);
    pa_read_opts utf8 = {NULL, o ? o->max_bytes : 0, -1, o ? o->words : NULL}; /* the text is UTF-8 now */
    if (rc == 0) rc = pa_reader_text.read(out.data, out.len, &utf8, d, err);
    pa_buf_free(&clean);
    pa_buf_free(&out);
    return rc == 0 ? 0 : -1;
}

const pa_reader pa_reader_tsv = {"tsv", PA_INPUT_TSV, read_tsv};
