/* report.c - units as the review page (align/report/report.h): every unit,
 * those below --min-score and those of one language too (the page flags
 * them and counts what an export keeps). */
#include "align/report/report.h"
#include "align/text/numbers.h"
#include "align/writers/writer.h"

#include <string.h>

static void *report_open(const char *path, const pa_writer_setup *s, pa_error *err)
{
    char title[256];
    pa_report_title(strcmp(path, "-") == 0 ? "alignment" : path, title, sizeof title);
    pa_report_info info = {title, "align", s->langs, s->tmx_tags, s->n_langs, s->min_score, s->inputs, s->n_inputs};
    return pa_report_open(path, &info, err);
}

/* Whether the numbers of a language differ from those of the first
 * language with text, as the TMX writer's x-numbers says. */
static int numbers_differ(const pa_unit *x, size_t n_langs)
{
    size_t first = n_langs;
    for (size_t l = 0; l < n_langs; l++) {
        if (!x->count[l]) continue;
        if (first == n_langs) first = l;
        else if (pa_numbers_differ(x->text[first], x->len[first], x->text[l], x->len[l])) return 1;
    }
    return 0;
}

static int report_unit(void *state, const pa_units *u, const pa_unit *x, pa_error *err)
{
    pa_report_unit ru = {x->score, (long)x->paragraph, x->count, x->text, x->len,
                         numbers_differ(x, pa_units_languages(u)), pa_units_document(u)};
    return pa_report_add(state, &ru, err);
}

static int report_commit(void *state, pa_error *err) { return pa_report_commit(state, err); }

static void report_abort(void *state) { pa_report_abort(state); }

const pa_format pa_format_report = {"report", ".html", 0, 1, report_open, report_unit, report_commit,
                                    report_abort, NULL};
