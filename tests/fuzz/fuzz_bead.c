/* fuzz_bead - the bead-file parser (pa_bead_sets_parse) and the evaluation
 * (pa_eval_add) on arbitrary bytes: "GOLD\0TEST" are two bead files; input
 * without a NUL byte is judged against itself.
 *
 * Beyond "no crash" it asserts that:
 *  - a failure is a PA_EINPUT message naming the file and line;
 *  - parsed sets are well-formed (index lists in order, inside idx);
 *  - formatting a parsed set (one "[a,b]:[c]" line a bead) and parsing that
 *    gives the same set, and pa_bead_format writes the same line for beads
 *    whose lists are consecutive runs;
 *  - evaluation counts add up (strict and lax judge the same beads; strict
 *    hits are lax hits), scores lie in [0,1], and a file judged against
 *    itself has no strict misses.
 */
#include "fuzz.h"

#include "align/aligner/bead.h"
#include "align/aligner/eval.h"
#include "align/util/buf.h"


/* Asserts that `s` is well-formed (bead.h's layout). */
static void check_sets(const pa_bead_sets *s)
{
    for (size_t k = 0; k < s->n; k++) {
        size_t end = pa_bead_sets_end(s, k);
        FUZZ_CHECK(s->src_at[k] <= s->tgt_at[k] && s->tgt_at[k] <= end && end <= s->n_idx,
                   "bead %zu: lists [%zu,%zu,%zu) out of order (%zu indices)", k, s->src_at[k], s->tgt_at[k], end,
                   s->n_idx);
    }
}

/* Writes indices idx[a..b) as "[i,j]". */
static void put_list(pa_buf *out, const size_t *idx, size_t a, size_t b)
{
    pa_buf_putc(out, '[');
    for (size_t i = a; i < b; i++) pa_buf_printf(out, i > a ? ",%zu" : "%zu", idx[i]);
    pa_buf_putc(out, ']');
}

/* True when idx[a..b) counts up by one. */
static int is_run(const size_t *idx, size_t a, size_t b)
{
    for (size_t i = a + 1; i < b; i++)
        if (idx[i] != idx[i - 1] + 1) return 0;
    return 1;
}

/* Formats `s` and parses it back: the same set. */
static void check_round_trip(const pa_bead_sets *s)
{
    pa_buf text = PA_BUF_INIT, line = PA_BUF_INIT, mine = PA_BUF_INIT;
    for (size_t k = 0; k < s->n; k++) {
        size_t end = pa_bead_sets_end(s, k);
        pa_buf_reset(&mine);
        put_list(&mine, s->idx, s->src_at[k], s->tgt_at[k]);
        pa_buf_putc(&mine, ':');
        put_list(&mine, s->idx, s->tgt_at[k], end);
        pa_buf_putc(&mine, '\n');
        pa_buf_append(&text, mine.data, mine.len);
        if (is_run(s->idx, s->src_at[k], s->tgt_at[k]) && is_run(s->idx, s->tgt_at[k], end)) {
            size_t ns = s->tgt_at[k] - s->src_at[k], nt = end - s->tgt_at[k];
            pa_bead b = {ns ? s->idx[s->src_at[k]] : 0, ns, nt ? s->idx[s->tgt_at[k]] : 0, nt, 1.0};
            pa_buf_reset(&line);
            pa_bead_format(&b, &line);
            FUZZ_CHECK(line.len == mine.len && memcmp(line.data, mine.data, line.len) == 0,
                       "pa_bead_format wrote %.*s for %.*s", (int)line.len, line.data, (int)mine.len, mine.data);
        }
    }
    pa_bead_sets back = {0};
    pa_error err;
    pa_error_clear(&err);
    FUZZ_CHECK(pa_bead_sets_parse("again", text.data ? text.data : "", text.len, &back, &err) == 0,
               "formatted beads do not parse: %s", err.msg);
    FUZZ_CHECK(back.n == s->n && back.n_idx == s->n_idx, "%zu beads, %zu indices read back as %zu, %zu", s->n,
               s->n_idx, back.n, back.n_idx);
    FUZZ_CHECK(s->n_idx == 0 || memcmp(back.idx, s->idx, s->n_idx * sizeof *s->idx) == 0, "indices changed");
    FUZZ_CHECK(s->n == 0 || (memcmp(back.src_at, s->src_at, s->n * sizeof *s->src_at) == 0 &&
                             memcmp(back.tgt_at, s->tgt_at, s->n * sizeof *s->tgt_at) == 0),
               "bead lists changed");
    pa_bead_sets_free(&back);
    pa_buf_free(&text);
    pa_buf_free(&line);
    pa_buf_free(&mine);
}

/* Parses one file; 0, or -1 after checking the failure. */
static int parse(const char *name, const char *text, size_t len, pa_bead_sets *s)
{
    pa_error err;
    pa_error_clear(&err);
    int rc = pa_bead_sets_parse(name, text, len, s, &err);
    check_sets(s);
    if (rc != 0) {
        size_t n = strlen(name);
        FUZZ_CHECK(err.code == PA_EINPUT && strncmp(err.msg, name, n) == 0 && err.msg[n] == ':',
                   "failure with code %d, message not naming file and line: %s", err.code, err.msg);
        return -1;
    }
    check_round_trip(s);
    return 0;
}

static int in_unit(double x) { return x >= 0 && x <= 1; }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *in = (const char *)data;
    const char *nul = memchr(in, 0, size);
    size_t glen = nul ? (size_t)(nul - in) : size;
    const char *test = nul ? nul + 1 : in;
    size_t tlen = nul ? size - glen - 1 : size;
    pa_bead_sets gold = {0}, tst = {0};
    if (parse("gold", in, glen, &gold) == 0 && parse("test", test, tlen, &tst) == 0) {
        pa_eval_counts c = {0};
        pa_eval_add(&c, &gold, &tst);
        FUZZ_CHECK(c.p_strict_tp + c.p_strict_fp == c.p_lax_tp + c.p_lax_fp && c.p_strict_tp <= c.p_lax_tp,
                   "precision counts do not add up");
        FUZZ_CHECK(c.r_strict_tp + c.r_strict_fp == c.r_lax_tp + c.r_lax_fp && c.r_strict_tp <= c.r_lax_tp,
                   "recall counts do not add up");
        FUZZ_CHECK(c.p_strict_tp + c.p_strict_fp <= tst.n && c.r_strict_tp + c.r_strict_fp <= gold.n,
                   "more beads judged than there are");
        if (!nul) FUZZ_CHECK(c.p_strict_fp == 0 && c.r_strict_fp == 0, "a file judged against itself misses");
        pa_eval_scores sc = pa_eval_scores_of(&c);
        FUZZ_CHECK(in_unit(sc.precision_strict) && in_unit(sc.recall_strict) && in_unit(sc.f1_strict) &&
                       in_unit(sc.precision_lax) && in_unit(sc.recall_lax) && in_unit(sc.f1_lax),
                   "a score outside [0,1]");
    }
    pa_bead_sets_free(&gold);
    pa_bead_sets_free(&tst);
    return 0;
}
