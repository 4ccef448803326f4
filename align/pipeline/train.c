/* train.c - see train.h. */
#include "align/aligner/features.h"
#include "align/aligner/lexicon.h"
#include "align/aligner/vocab.h"
#include "align/pipeline/train.h"
#include "align/readers/document.h"
#include "align/text/lang.h"
#include "align/util/alloc.h"
#include "align/util/buf.h"
#include "align/util/output.h"
#include "tmx/tmx_reader.h"

#include <stdlib.h>
#include <string.h>

/* The training corpus: parallel units, one line a side in two texts. */
struct pa_trainer {
    char src_lang[PA_LANG_MAX], tgt_lang[PA_LANG_MAX];
    pa_buf src, tgt;
    size_t units;
};


/* Whether `s` holds anything but white space (ASCII, U+00A0, U+3000): the
 * corpus is re-read one unit a line, and a blank line would be dropped on
 * one side only, shifting every later pair. */
static int has_text(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
        if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) { i++; continue; }
        if (c == 0xE3 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x80) { i += 2; continue; }
        return 1;
    }
    return 0;
}

/* Appends one unit with text on both sides (others are skipped); line
 * breaks inside become spaces. */
static void corpus_add(pa_trainer *c, const char *s, size_t sn, const char *t, size_t tn)
{
    if (!has_text(s, sn) || !has_text(t, tn)) return;
    pa_buf *side[2] = {&c->src, &c->tgt};
    const char *text[2] = {s, t};
    size_t len[2] = {sn, tn};
    for (int k = 0; k < 2; k++) {
        size_t at = side[k]->len;
        pa_buf_append(side[k], text[k], len[k]);
        for (size_t q = at; q < side[k]->len; q++)
            if (side[k]->data[q] == '\n' || side[k]->data[q] == '\r') side[k]->data[q] = ' ';
        pa_buf_putc(side[k], '\n');
    }
    c->units++;
}

/* Units of a TMX file that have both languages and text on both sides. */
int pa_trainer_add_tmx(pa_trainer *c, const char *path, pa_error *err)
{
    const char *src_lang = c->src_lang, *tgt_lang = c->tgt_lang;
    pa_tmx_reader *r = pa_tmx_reader_open(path, err);
    if (!r) return -1;
    const pa_tmx_read_unit *u;
    int rc;
    while ((rc = pa_tmx_reader_next(r, &u, err)) == 1) {
        const pa_tmx_read_variant *s = pa_tmx_unit_variant(u, src_lang), *t = pa_tmx_unit_variant(u, tgt_lang);
        if (s && t && s->len && t->len) corpus_add(c, s->text, s->len, t->text, t->len);
    }
    pa_tmx_reader_close(r);
    return rc < 0 ? -1 : 0;
}

/* Makes a one-sentence-a-line document of a corpus side. */
static pa_document *corpus_document(pa_buf *text, const char *lang)
{
    pa_document *d = pa_document_new(lang, lang);
    size_t len;
    char *t = pa_buf_detach(text, &len);
    pa_document_set_text(d, t, len);
    pa_document_split_lines(d);
    return d;
}

/* Trains on the corpus and writes the lexicon. */
int pa_trainer_write(pa_trainer *c, size_t max_pairs, const char *output, const pa_logger *log, pa_error *err)
{
    const char *src_lang = c->src_lang, *tgt_lang = c->tgt_lang;
    pa_document *s = corpus_document(&c->src, src_lang), *t = corpus_document(&c->tgt, tgt_lang);
    int rc = -1;
    if (s->n_sents != t->n_sents) { /* a unit whose text was only white space on one side */
        pa_error_set(err, PA_EINPUT, "training units lost their pairing (a side with no text)");
        goto done;
    }
    pa_feature_extractor *fx = pa_feature_extractor_new(err);
    if (!fx) goto done;
    pa_pair_features pf;
    rc = pa_pair_features_build(fx, s, t, &pf, err);
    pa_feature_extractor_free(fx);
    if (rc != 0) goto done;
    pa_alignment units = {0};
    for (size_t k = 0; k < s->n_sents; k++) pa_alignment_add(&units, (pa_bead){k, 1, k, 1, 1.0});
    pa_lexicon_entry *e;
    size_t used;
    size_t n = pa_lexicon_train(&pf, &units, max_pairs, &e, &used, log);
    if (used < units.n)
        pa_log(log, PA_LOG_NOTE, "trained on the first %zu of %zu units (--max-pairs)", used, units.n);
    pa_output *out = pa_output_open(output, pa_path_is_gzip(output), err);
    rc = out ? 0 : -1;
    if (out) rc = pa_output_printf(out, err, "# polyalign lexicon src=%s tgt=%s units=%zu\n", src_lang, tgt_lang, used);
    for (size_t k = 0; k < n && rc == 0; k++) {
        size_t ls, lt;
        const char *a = pa_vocab_string(pf.src.vocab, e[k].src, &ls), *b = pa_vocab_string(pf.tgt.vocab, e[k].tgt, &lt);
        rc = pa_output_printf(out, err, "%.*s\t%.*s\t%.4f\t%.4f\n", (int)ls, a, (int)lt, b, e[k].p_ts, e[k].p_st);
    }
    if (out) rc = rc == 0 ? pa_output_commit(out, err) : (pa_output_abort(out), -1);
    if (rc == 0) pa_log(log, PA_LOG_INFO, "%zu units, %zu links written to %s", used, n, output);
    pa_free(e);
    pa_alignment_free(&units);
    pa_pair_features_free(&pf);
done:
    pa_document_free(s), pa_document_free(t);
    return rc;
}


pa_trainer *pa_trainer_new(const char *src, const char *tgt, pa_error *err)
{
    char canon[PA_LANG_MAX], sc[PA_LANG_MAX], tc[PA_LANG_MAX];
    if (pa_lang_parse(src, canon, sc, err) != 0 || pa_lang_parse(tgt, canon, tc, err) != 0) return NULL;
    pa_trainer *t = pa_calloc(1, sizeof *t);
    memcpy(t->src_lang, sc, sizeof sc), memcpy(t->tgt_lang, tc, sizeof tc);
    return t;
}

void pa_trainer_free(pa_trainer *t)
{
    if (!t) return;
    pa_buf_free(&t->src), pa_buf_free(&t->tgt);
    pa_free(t);
}

size_t pa_trainer_count(const pa_trainer *t)
{
    return t->units;
}

void pa_trainer_add_units(pa_trainer *t, const pa_units *u)
{
    pa_unit x;
    for (size_t i = 0; pa_units_get(u, i, &x) == 0; i++)
        if (x.count[0] && x.count[1]) corpus_add(t, x.text[0], x.len[0], x.text[1], x.len[1]);
}
