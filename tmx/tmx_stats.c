/* tmx_stats.c - see tmx_stats.h. */
#include "tmx/tmx_stats.h"
#include "tmx/langtag.h"
#include "align/text/utf8.h"
#include "tmx/unit_key.h"
#include "align/util/alloc.h"
#include "align/util/hashset.h"

#include <stdlib.h>
#include <string.h>

/* The entry of language `lang`, added when new. */
static pa_tmx_lang_stats *lang_entry(pa_tmx_stats *st, const char *lang)
{
    size_t n = strlen(lang);
    for (size_t i = 0; i < st->n_langs; i++)
        if (pa_tmx_langtag_equal(st->langs[i].lang, strlen(st->langs[i].lang), lang, n)) return &st->langs[i];
    PA_GROW(st->langs, st->cap_langs, st->n_langs + 1);
    pa_tmx_lang_stats *l = &st->langs[st->n_langs++];
    memset(l, 0, sizeof *l);
    l->lang = pa_strdup(lang);
    return l;
}

/* Counts one unit into `st`; `seen` holds the keys of earlier units. */
static void count_unit(pa_tmx_stats *st, const pa_tmx_read_unit *u, pa_hashset *seen, pa_tmx_variant **v,
                       size_t *cap)
{
    st->units++;
    size_t with_text = 0;
    PA_GROW(*v, *cap, u->n_variants + 1);
    for (size_t i = 0; i < u->n_variants; i++) {
        const pa_tmx_read_variant *x = &u->variants[i];
        pa_tmx_lang_stats *l = lang_entry(st, x->lang);
        l->segments++;
        l->chars += pa_utf8_chars(x->text, x->len);
        if (pa_utf8_blank(x->text, x->len)) l->empty++;
        else with_text++;
        (*v)[i] = (pa_tmx_variant){.lang = x->lang, .text = x->text, .len = x->len};
    }
    if (with_text == 0) st->empty_units++;
    else if (with_text == 1) st->one_sided++;
    if (!pa_hashset_add(seen, pa_tmx_unit_key(*v, u->n_variants))) st->duplicates++;
    if (u->score >= 0) {
        int b = (int)(u->score * PA_TMX_SCORE_BINS);
        st->bins[b < 0 ? 0 : b >= PA_TMX_SCORE_BINS ? PA_TMX_SCORE_BINS - 1 : b]++;
        st->scored++;
    }
}

int pa_tmx_stats_file(const char *path, const pa_tmx_reader_options *ro, pa_tmx_stats *st, pa_error *err)
{
    memset(st, 0, sizeof *st);
    pa_tmx_reader *r = pa_tmx_reader_open_with(path, ro, err);
    if (!r) return -1;
    if (pa_tmx_reader_srclang(r)) st->srclang = pa_strdup(pa_tmx_reader_srclang(r));
    pa_hashset seen = PA_HASHSET_INIT;
    pa_tmx_variant *v = NULL;
    size_t cap = 0;
    const pa_tmx_read_unit *u;
    int rc;
    while ((rc = pa_tmx_reader_next(r, &u, err)) > 0) count_unit(st, u, &seen, &v, &cap);
    st->key_bytes = pa_hashset_bytes(&seen);
    pa_hashset_free(&seen);
    pa_free(v);
    pa_tmx_reader_close(r);
    return rc < 0 ? -1 : 0;
}

void pa_tmx_stats_format(const pa_tmx_stats *st, const char *name, pa_buf *out)
{
    pa_buf_printf(out, "file: %s\nsrclang: %s\nunits: %zu\nlanguages: %zu\n", name,
                  st->srclang ? st->srclang : "-", st->units, st->n_langs);
    for (size_t i = 0; i < st->n_langs; i++)
        pa_buf_printf(out, "language: %s segments %zu characters %zu empty %zu\n", st->langs[i].lang,
                      st->langs[i].segments, st->langs[i].chars, st->langs[i].empty);
    pa_buf_printf(out, "duplicates: %zu\nempty units: %zu\none-sided units: %zu\nscored units: %zu\n",
                  st->duplicates, st->empty_units, st->one_sided, st->scored);
    for (int b = 0; st->scored && b < PA_TMX_SCORE_BINS; b++)
        pa_buf_printf(out, "score %.1f-%.1f: %zu\n", b / 10.0, (b + 1) / 10.0, st->bins[b]);
}

void pa_tmx_stats_free(pa_tmx_stats *st)
{
    for (size_t i = 0; i < st->n_langs; i++) pa_free(st->langs[i].lang);
    pa_free(st->langs);
    pa_free(st->srclang);
    memset(st, 0, sizeof *st);
}
