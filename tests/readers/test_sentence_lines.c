/* test_sentence_lines.c - TAP tests of readers/sentence_lines.h on tiny
 * texts made here: what counts as a sentence end inside a line and at its
 * end, the decision and its small-sample rule. The shared corpora are
 * tests/readers/sentence_lines.py's. */
#include "align/readers/sentence_lines.h"
#include "align/util/buf.h"
#include "tests/tap.h"

#include <string.h>

typedef struct tcase {
    const char *what, *lang, *text;
    int yes;                      /* expected answer */
    long lines, ends, inner;      /* expected counts; -1 = not checked */
} tcase;

static const tcase cases[] = {
    {"five English sentences, one a line", "en",
     "The Committee met in Geneva.\nIt adopted its agenda.\nThe Chair opened the session.\n"
     "Two experts were elected.\nThe meeting rose at 6 p.m.\n",
     1, 5, 5, 0},
    {"the same sentences on one line", "en",
     "The Committee met in Geneva. It adopted its agenda. The Chair opened the session. "
     "Two experts were elected. The meeting rose at 6 p.m.\n",
     0, 1, 1, 4},
    {"two paragraphs of three sentences", "en",
     "The Committee met in Geneva. It adopted its agenda. The Chair opened the session.\n"
     "Two experts were elected. Their terms begin in May. The meeting rose at 6 p.m.\n",
     0, 2, 2, 3}, /* "in May. The": a short capitalised word, taken for "Mr." */
    {"a paragraph a line, paragraphs apart", "en",
     "The Committee met in Geneva. It adopted its agenda.\n\nThe Chair opened the session. Two experts "
     "were elected.\n\nThe meeting rose at 6 p.m. It will meet again in May.\n",
     0, 3, 3, 2}, /* "6 p.m. It" holds a dot: taken for an abbreviation */
    {"text wrapped at 60 columns", "en",
     "The Permanent Mission of the Republic of Norlandia to the\n"
     "United Nations Office at Geneva presents its compliments to\n"
     "the secretariat of the Conference on Disarmament and has the\n"
     "honour to transmit herewith the text of the statement\n"
     "delivered by the Minister for Foreign Affairs at the plenary\n"
     "meeting of the Conference held on 10 March 2026, and would be\n"
     "grateful if it could be issued as an official document of\n"
     "the Conference on Disarmament.\n",
     0, 8, 1, 0},
    {"sentences wrapped at 60 columns, one a paragraph", "en",
     "The Permanent Mission of the Republic of Norlandia presents\n"
     "its compliments to the secretariat of the Conference.\n\n"
     "It has the honour to transmit the text of the statement\n"
     "delivered by the Minister for Foreign Affairs in March.\n\n"
     "It would be grateful if the statement could be issued as an\n"
     "official document of the Conference on Disarmament.\n\n"
     "The Mission avails itself of this opportunity to renew the\n"
     "assurances of its highest consideration to the secretariat.\n",
     0, 8, 4, 0},
    {"abbreviations, initials, markers and numbers are not sentence ends", "en",
     "H.E. Mr. Andrej Markovic spoke for the U.S. Government.\n"
     "51. The working group met Dr. Jones and G. O. Smith in Geneva.\n"
     "IV. Conclusions\n"
     "The budget for 2015. Further details are annexed.\n"
     "She waited... Then she left.\n"
     "The Committee adopted its agenda.\n",
     1, 6, 5, 1},
    {"German ordinals and abbreviations", "de",
     "Am 18. Mai 1956 erreichten sie den Gipfel.\n"
     "Die Höhe beträgt 8501 m bzw. ca. 8510 m nach Nr. 57 der Liste.\n"
     "Am 23. Mai folgte die zweite Besteigung.\n",
     1, 3, 3, 0},
    {"Russian: долл. США is no sentence end", "ru",
     "Сумма в 10 600 долл. США испрашивается для покрытия расходов.\n"
     "Около 2,4 млрд. долл. США было привлечено.\n"
     "Комитет принял решение.\n",
     1, 3, 3, 0},
    {"Arabic sentences, one a line", "ar",
     "اجتمعت اللجنة في جنيف.\nواعتمدت جدول أعمالها.\nوافتتح الرئيس الدورة.\n",
     1, 3, 3, 0},
    {"Arabic, a paragraph a line (no case, yet sentence ends)", "ar",
     "اجتمعت اللجنة في جنيف. واعتمدت جدول أعمالها. وافتتح الرئيس الدورة.\n"
     "وانتخب خبيران. ورفعت الجلسة.\n",
     0, 2, 2, 3},
    {"Chinese sentences, one a line", "zh",
     "委员会在日内瓦举行会议。\n委员会通过了议程。\n主席宣布会议开幕！\n是否选举了两名专家？\n",
     1, 4, 4, 0},
    {"Chinese paragraphs, several sentences a line", "zh",
     "委员会在日内瓦举行会议。委员会通过了议程。主席宣布会议开幕。\n选举了两名专家。会议于下午6时结束。\n",
     0, 2, 2, 3},
    {"Chinese: a sentence going on after a closing quote is one", "zh",
     "他说：“我同意。”然后离开了会场。\n主席说：“会议开幕。”\n委员会通过了议程。\n",
     1, 3, 3, 0},
    {"Chinese: a hesitation before Han is no end", "zh",
     "韦小宝道：“那部书…… 书…… 我记不起了。”\n他说：“没…… 没什么。”\n她笑了。\n", 1, 3, 3, 0},
    {"sentences a blank line apart", "en",
     "The Committee met in Geneva.\n\nIt adopted its agenda.\n\nThe Chair opened the session.\n\n"
     "Two experts were elected.\n",
     1, 4, 4, 0},
    {"one paragraph of two sentences among six sentence lines", "en",
     "The Committee met in Geneva.\nIt adopted its agenda.\nThe Chair opened the session. Two experts were "
     "elected.\nTheir terms begin in May.\nThe meeting rose at 6 p.m.\nIt will meet again in June.\n",
     1, 6, 6, 1},
    {"too small: two sentence lines", "en", "The Committee met in Geneva.\nIt adopted its agenda.\n", 0, 2, 2, 0},
    {"just enough: three sentence lines", "en",
     "The Committee met in Geneva.\nIt adopted its agenda.\nThe Chair opened the session.\n", 1, 3, 3, 0},
    {"headings only", "en", "Sixty-ninth session\nAgenda item 68\nOther matters\nAnnex\nContents\n", 0, 5, 0, 0},
    {"more headings than sentences", "en",
     "Sixty-ninth session\nAgenda item 68\nPromotion of human rights\nAnnex I\nThe Committee met.\n"
     "It adopted its agenda.\nThe Chair opened the session.\n",
     0, 7, 3, 0},
    {"list items ending in ; and : count as ends", "en",
     "The Committee decided:\n(a) to meet in May;\n(b) to elect two experts;\n(c) to report to the Assembly.\n",
     1, 4, 4, 0},
    {"empty text", "en", "", 0, 0, 0, 0},
    {"only blank lines", "en", "\n \n\t\n", 0, 0, 0, 0},
    {"no final line break, no language", NULL, "One.\nTwo.\nThree.", 1, 3, 3, 0},
};

static void run_case(const tcase *c)
{
    pa_sentence_lines_stats st;
    int got = pa_text_sentence_lines_stats(c->text, strlen(c->text), c->lang, &st);
    int counts = (c->lines < 0 || (size_t)c->lines == st.lines) && (c->ends < 0 || (size_t)c->ends == st.ends) &&
                 (c->inner < 0 || (size_t)c->inner == st.inner);
    ok(got == c->yes && counts, "%s: %s (lines=%zu ends=%zu inner=%zu wrapped=%d)", c->what, got ? "yes" : "no",
       st.lines, st.ends, st.inner, st.wrapped);
    ok(pa_text_is_sentence_lines(c->text, strlen(c->text), c->lang) == got, "%s: same answer without stats", c->what);
}

/* A long text of one sentence a line and one long line full of candidate
 * ends: the counts come out right (and in linear time: the run is short). */
static void run_large(void)
{
    pa_buf b = PA_BUF_INIT;
    for (int i = 0; i < 20000; i++) pa_buf_printf(&b, "Sentence number %d ends here.\n", i);
    ok(pa_text_is_sentence_lines(b.data, b.len, "en") == 1, "20000 sentence lines: yes");
    pa_buf_reset(&b);
    for (int i = 0; i < 100000; i++) pa_buf_puts(&b, "It ends. Then ");
    pa_buf_puts(&b, "no.\n");
    pa_sentence_lines_stats st;
    int yes = pa_text_sentence_lines_stats(b.data, b.len, "en", &st);
    ok(yes == 0 && st.inner == 100000 && st.lines == 1,
       "one line of 100000 sentences: no, all its inner ends counted (%zu)", st.inner);
    pa_buf_reset(&b);
    for (int i = 0; i < 50000; i++) pa_buf_puts(&b, "a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.");
    pa_buf_puts(&b, " The end.\n");
    yes = pa_text_sentence_lines_stats(b.data, b.len, "en", &st);
    ok(yes == 0 && st.inner == 0,
       "a 1.6 MB dotted token before a capital: no inner end (abbreviation)");
    pa_buf_free(&b);
}

int main(void)
{
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) run_case(&cases[i]);
    run_large();
    return done_testing();
}
