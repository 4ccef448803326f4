/* segmenter.c - see segmenter.h. ICU iterates over the document's UTF-8
 * directly (UText), so boundaries come back as byte offsets and nothing is
 * copied or converted. */
#include "align/segment/segmenter.h"
#include "align/util/alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

struct pa_segmenter {
    char lang[PA_LANG_MAX];
    UBreakIterator *brk;
    UText *ut;
};

pa_segmenter *pa_segmenter_new(const char *lang, const pa_segmenter_opts *opts, pa_error *err)
{
    (void)opts;
    char locale[64];
    /* "ss=standard" enables ICU's sentence-break suppressions (Mr., etc.). */
    snprintf(locale, sizeof locale, "%s@ss=standard", lang);
    UErrorCode st = U_ZERO_ERROR;
    UBreakIterator *brk = ubrk_open(UBRK_SENTENCE, locale, NULL, 0, &st);
    if (U_FAILURE(st)) {
        pa_error_set(err, PA_EINTERNAL, "cannot create a sentence break iterator for '%s': %s", lang,
                     u_errorName(st));
        return NULL;
    }
    pa_segmenter *s = pa_calloc(1, sizeof *s);
    snprintf(s->lang, sizeof s->lang, "%s", lang);
    s->brk = brk;
    return s;
}

void pa_segmenter_free(pa_segmenter *s)
{
    if (!s) return;
    ubrk_close(s->brk);
    if (s->ut) utext_close(s->ut);
    free(s);
}

int pa_segment_paragraph(pa_segmenter *s, pa_document *d, size_t para, pa_error *err)
{
    pa_span p = d->paras[para].span;
    UErrorCode st = U_ZERO_ERROR;
    s->ut = utext_openUTF8(s->ut, d->text + p.start, (int64_t)p.len, &st);
    if (U_SUCCESS(st)) ubrk_setUText(s->brk, s->ut, &st);
    if (U_FAILURE(st))
        return pa_error_set(err, PA_EINTERNAL, "%s: sentence segmentation failed: %s", d->name,
                            u_errorName(st));
    int32_t prev = ubrk_first(s->brk);
    for (int32_t b = ubrk_next(s->brk); b != UBRK_DONE; b = ubrk_next(s->brk)) {
        pa_document_add_sentence(d, para, p.start + (size_t)prev, (size_t)(b - prev));
        prev = b;
    }
    return 0;
}

int pa_segment_document(pa_segmenter *s, pa_document *d, pa_error *err)
{
    pa_document_clear_sentences(d);
    for (size_t i = 0; i < d->n_paras; i++)
        if (pa_segment_paragraph(s, d, i, err) != 0) return -1;
    return 0;
}
