/* fuzz_align - end to end: two documents from one input, segmented or
 * pre-split, aligned with pa_align_documents.
 *
 * Inputs are at most 4 KB (so each run stays fast). The first byte chooses
 * the language pair (zh-en, en-zh, fr-en, ar-en, ru-fr), pre-split or
 * segmented input (decoded, reflowed, split into paragraphs, segmented with
 * the built-in rules), the model (full, anchors, length) and the largest
 * bead (6, 2, 10); the rest is cut in the middle (at a character boundary)
 * into the source and the target text.
 *
 * Beyond "no crash" it asserts that both documents keep the invariants of
 * document.h and that the alignment succeeds and is one: every bead takes
 * at least one sentence and at most the largest bead's number, the beads
 * cover every source and every target sentence exactly once and in order,
 * and scores lie in [0,1]. (A bead may straddle a paragraph boundary: the
 * aligner penalises that rather than forbids it.)
 */
#include "fuzz.h"

#include "align/aligner/aligner.h"
#include "align/text/reflow.h"

#define ALIGN_MAX_INPUT 4096

static const char *const pairs[][2] = {{"zh", "en"}, {"en", "zh"}, {"fr", "en"}, {"ar", "en"}, {"ru", "fr"}};
static const int max_beads[] = {6, 2, 10};

/* A document in `lang` from `len` bytes, or NULL when they do not decode. */
static pa_document *load(const char *name, const char *lang, const char *bytes, size_t len, int presplit)
{
    pa_error err;
    pa_error_clear(&err);
    pa_buf raw = PA_BUF_INIT;
    if (pa_decode_text(name, bytes, len, NULL, &raw, &err) != 0) {
        pa_buf_free(&raw);
        return NULL;
    }
    pa_document *d = pa_document_new(name, lang);
    size_t tlen;
    if (presplit) {
        char *text = pa_buf_detach(&raw, &tlen);
        pa_document_set_text(d, text, tlen);
        pa_document_split_lines(d);
        fuzz_check_document(d, 1, 1);
        return d;
    }
    pa_buf flowed = PA_BUF_INIT;
    pa_reflow(raw.data ? raw.data : "", raw.len, lang, PA_REFLOW_DETECT, &flowed);
    pa_buf_free(&raw);
    char *text = pa_buf_detach(&flowed, &tlen);
    pa_document_set_text(d, text, tlen);
    pa_document_split_paragraphs(d);
    FUZZ_CHECK(pa_segment_document(fuzz_segmenter(lang), d, &err) == 0, "segmentation failed: %s", err.msg);
    fuzz_check_document(d, 1, 1);
    return d;
}

/* Asserts that `a` aligns `src` with `tgt` (see the comment at the top). */
static void check_alignment(const pa_alignment *a, const pa_document *src, const pa_document *tgt, int max_bead)
{
    size_t i = 0, j = 0;
    for (size_t k = 0; k < a->n; k++) {
        const pa_bead *b = &a->beads[k];
        FUZZ_CHECK(b->n_src + b->n_tgt > 0, "bead %zu is empty", k);
        FUZZ_CHECK(b->n_src + b->n_tgt <= (size_t)max_bead, "bead %zu holds %zu + %zu sentences (at most %d)", k,
                   b->n_src, b->n_tgt, max_bead);
        FUZZ_CHECK(b->n_src == 0 || b->src == i, "bead %zu starts at source %zu, want %zu", k, b->src, i);
        FUZZ_CHECK(b->n_tgt == 0 || b->tgt == j, "bead %zu starts at target %zu, want %zu", k, b->tgt, j);
        FUZZ_CHECK(b->score >= 0 && b->score <= 1, "bead %zu has score %g", k, b->score);
        i += b->n_src, j += b->n_tgt;
        FUZZ_CHECK(i <= src->n_sents && j <= tgt->n_sents, "bead %zu goes past the end (%zu/%zu, %zu/%zu)", k, i,
                   src->n_sents, j, tgt->n_sents);
    }
    FUZZ_CHECK(i == src->n_sents && j == tgt->n_sents, "beads cover %zu of %zu source and %zu of %zu target sentences",
               i, src->n_sents, j, tgt->n_sents);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > ALIGN_MAX_INPUT) return 0;
    unsigned sel = data[0];
    const char *const *pair = pairs[sel % 5];
    int presplit = sel / 5 % 2;
    pa_align_model model = (pa_align_model)(sel / 10 % 3);
    int max_bead = max_beads[sel / 30 % 3];
    const char *in = (const char *)data + 1;
    size_t len = size - 1, mid = len / 2;
    while (mid < len && !fuzz_char_start(in, len, mid)) mid++;

    pa_document *src = load("src", pair[0], in, mid, presplit);
    pa_document *tgt = src ? load("tgt", pair[1], in + mid, len - mid, presplit) : NULL;
    if (src && tgt) {
        pa_align_opts o;
        pa_align_opts_init(&o);
        o.model = model;
        o.max_bead = max_bead;
        pa_alignment a;
        pa_error err;
        pa_error_clear(&err);
        FUZZ_CHECK(pa_align_documents(src, tgt, &o, &a, &err) == 0, "alignment failed: %s", err.msg);
        check_alignment(&a, src, tgt, max_bead);
        pa_alignment_free(&a);
    }
    pa_document_free(src);
    pa_document_free(tgt);
    return 0;
}
