/* test_lengthmodel.c - the length model's log(erfc(x)): the table the
 * build generates (gen_erfc.c) against the fit it tabulates, and the fit
 * against libm's erfc where that does not underflow; and its input, the
 * sentence lengths, the same whether the features are built whole or for
 * the lengths alone (--model length). */
#include "align/aligner/erfc_nr.h"
#include "align/aligner/features.h"
#include "align/aligner/lengthmodel.h"
#include "align/util/alloc.h"
#include "tests/tap.h"

#include <math.h>
#include <string.h>

/* A one-sentence-a-line document of `text`. */
static pa_document *lines(const char *name, const char *lang, const char *text)
{
    pa_document *d = pa_document_new(name, lang);
    pa_document_set_text(d, pa_strdup(text), strlen(text));
    pa_document_split_lines(d);
    return d;
}

static void test_lengths_alone(void)
{
    pa_document *zh = lines("a.zh", "zh", "第六十九届会议\n议程项目 2018 年：\t“谁？”\n\n第二段，（a）一句。\n");
    pa_document *en = lines("a.en", "en", "Sixty-ninth session\nAgenda item  2018:\t\"Who?\"\n\nSecond paragraph, (a) one\u00a0sentence.\n");
    pa_error err;
    pa_feature_extractor *fx = pa_feature_extractor_new(&err);
    pa_pair_features whole, alone;
    int rc = fx ? pa_pair_features_build(fx, zh, en, &whole, &err) : -1;
    ok(rc == 0, "features built whole");
    pa_pair_features_build_lengths(zh, en, &alone);
    int same = rc == 0 && whole.src.n == alone.src.n && whole.tgt.n == alone.tgt.n && alone.src.n == 3 &&
               alone.tgt.n == 3 && memcmp(whole.src.len, alone.src.len, 3 * sizeof *alone.src.len) == 0 &&
               memcmp(whole.tgt.len, alone.tgt.len, 3 * sizeof *alone.tgt.len) == 0;
    ok(same, "lengths alone: the same %zu + %zu lengths (zh %g %g %g, en %g %g %g)", alone.src.n, alone.tgt.n,
       alone.src.len[0], alone.src.len[1], alone.src.len[2], alone.tgt.len[0], alone.tgt.len[1], alone.tgt.len[2]);
    ok(alone.src.anc_at[3] == 0 && alone.tgt.word_at[3] == 0 && whole.src.anc_at[3] > 0 && whole.tgt.word_at[3] > 0,
       "lengths alone: no anchors nor words (whole: %zu anchors, %zu words)", whole.src.anc_at[3], whole.tgt.word_at[3]);
    if (rc == 0) pa_pair_features_free(&whole);
    pa_pair_features_free(&alone);
    pa_feature_extractor_free(fx);
    pa_document_free(zh), pa_document_free(en);
}

int main(void)
{
    double worst = 0, worst_x = 0;
    for (long i = 0; i <= 2000000; i++) {
        double x = (double)i * 2e-5; /* 0 .. 40: the table, its edge and past it */
        double d = fabs(pa_log_erfc(x) - pa_log_erfc_nr(x));
        if (d > worst) worst = d, worst_x = x;
    }
    ok(worst < 1e-9, "table within 1e-9 of the fit on [0, 40] (worst %.3g at %.5f)", worst, worst_x);
    ok(pa_log_erfc(-0.5) == pa_log_erfc_nr(-0.5) && pa_log_erfc(100) == pa_log_erfc_nr(100),
       "outside the table: the fit itself");
    double rel = 0;
    for (double x = 0; x < 25; x += 0.001) {
        double want = log(erfc(x)), got = pa_log_erfc(x);
        /* the fit's error is relative on erfc: absolute on its log */
        if (fabs(got - want) > rel) rel = fabs(got - want);
    }
    ok(rel < 2e-7, "within 2e-7 of log(erfc(x)) from libm on [0, 25) (worst %.3g)", rel);
    ok(pa_log_erfc(0) > -1e-7 && pa_log_erfc(0) < 1e-7, "log(erfc(0)) = 0 (%.3g)", pa_log_erfc(0));
    test_lengths_alone();
    return done_testing();
}
