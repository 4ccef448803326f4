/* tmx_filter.c - see tmx_filter.h. */
#include "tmx/tmx_filter.h"
#include "tmx/langtag.h"
#include "align/text/utf8.h"
#include "align/text/numbers.h"

#include <string.h>

const char *pa_tmx_filter_check(const pa_tmx_filter *f, const pa_tmx_read_unit *u, const pa_tmx_variant *v,
                                size_t n)
{
    if ((f->min_score >= 0 || f->max_score >= 0) &&
        (u->score < 0 || (f->min_score >= 0 && u->score < f->min_score) ||
         (f->max_score >= 0 && u->score > f->max_score)))
        return "score";
    for (size_t k = 0; k < f->n_langs; k++) {
        size_t i = 0;
        while (i < n && !(pa_tmx_langtag_is(v[i].lang, f->langs[k]) && !pa_utf8_blank(v[i].text, v[i].len))) i++;
        if (i == n) return "languages";
    }
    size_t with_text = 0, shortest = (size_t)-1, longest = 0;
    for (size_t i = 0; i < n; i++) {
        if (pa_utf8_blank(v[i].text, v[i].len)) {
            if (f->no_empty) return "empty";
            continue;
        }
        with_text++;
        size_t all = pa_utf8_chars(v[i].text, v[i].len);
        if ((f->min_chars && all < f->min_chars) || (f->max_chars && all > f->max_chars)) return "length";
        if (all < shortest) shortest = all;
        if (all > longest) longest = all;
    }
    if (f->no_empty && with_text == 0) return "empty";
    if (f->no_one_sided && with_text < 2) return "one-sided";
    if (f->max_ratio > 0 && with_text >= 2 && (double)longest > f->max_ratio * (double)shortest) return "ratio";
    if (f->numbers_agree)
        for (size_t i = 1; i < n; i++)
            if (pa_numbers_differ(v[0].text, v[0].len, v[i].text, v[i].len)) return "numbers";
    return NULL;
}
