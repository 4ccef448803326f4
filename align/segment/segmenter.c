/* segmenter.c - see segmenter.h. A paragraph is converted to UTF-16 once
 * (ICU's regular expressions are fastest on UTF-16, and one buffer serves
 * the break iterator and every rule); the breaks found are mapped back to
 * byte offsets in one forward walk. */
#include "align/segment/segmenter.h"
#include "align/segment/jregex.h"
#include "align/segment/rules.h"
#include "align/segment/srx.h"
#include "align/text/utf8.h"
#include "align/util/alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/uregex.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

struct pa_segmenter {
    char lang[PA_LANG_MAX];
    int icu_base;
    UBreakIterator *brk; /* ICU base only */
    pa_ruleset *rules;
    pa_rulematch *match;
    UChar *u;            /* the paragraph in UTF-16 */
    size_t ucap;
    int32_t *cand;       /* candidates: position << 1 | from ICU */
    size_t ncand, capcand;
    int32_t *brks;       /* breaks of the paragraph, UTF-16 offsets */
    size_t nbrks, capbrks;
};

pa_segmenter *pa_segmenter_new(const char *lang, const pa_segmenter_opts *opts, pa_error *err)
{
    pa_srx *srx = opts && opts->srx_path ? pa_srx_read_file(opts->srx_path, err) : pa_srx_builtin(err);
    if (!srx) return NULL;
    pa_segmenter *s = pa_segmenter_from_srx(srx, lang, err);
    pa_srx_free(srx);
    return s;
}

static void free_segmenter(void *s)
{
    pa_segmenter_free(s);
}

void pa_segmenter_warm_up_regex(void)
{
    UErrorCode st = U_ZERO_ERROR;
    UParseError pe;
    URegularExpression *re = pa_jregex_open("a", 0, &pe, &st);
    if (re) uregex_close(re);
}

void pa_segmenter_warm_up_icu(void)
{
    UErrorCode st = U_ZERO_ERROR;
    (void)unorm2_getNFCInstance(&st);
}

pa_segmenter *pa_segmenter_from_srx(const pa_srx *srx, const char *lang, pa_error *err)
{
    const pa_srx_rule **list = NULL;
    size_t n = 0;
    pa_segmenter *s = pa_calloc(1, sizeof *s);
    pa_alloc_defer(free_segmenter, s); /* its ICU objects, if the call fails */
    snprintf(s->lang, sizeof s->lang, "%s", lang);
    s->icu_base = pa_srx_icu_base(srx);
    int ok = pa_srx_rules_for(srx, lang, &list, &n, err) == 0 &&
             (s->rules = pa_srx_shipped(srx) ? pa_ruleset_compile_shipped(pa_srx_name(srx), list, n, err)
                                              : pa_ruleset_compile(pa_srx_name(srx), list, n, err)) != NULL &&
             (s->match = pa_rulematch_new(s->rules, err)) != NULL;
    pa_free(list);
    if (ok && s->icu_base) {
        UErrorCode st = U_ZERO_ERROR;
        s->brk = ubrk_open(UBRK_SENTENCE, lang, NULL, 0, &st);
        if (U_FAILURE(st)) {
            pa_error_set(err, PA_EINTERNAL, "cannot create a sentence break iterator for '%s': %s", lang,
                         u_errorName(st));
            ok = 0;
        }
    }
    if (!ok) {
        pa_segmenter_free(s);
        return NULL;
    }
    pa_alloc_undefer(s);
    return s;
}

void pa_segmenter_free(pa_segmenter *s)
{
    if (!s) return;
    pa_alloc_undefer(s);
    if (s->brk) ubrk_close(s->brk);
    pa_rulematch_free(s->match);
    pa_ruleset_free(s->rules);
    pa_free(s->u);
    pa_free(s->cand);
    pa_free(s->brks);
    pa_free(s);
}

static int cmp_i32(const void *a, const void *b)
{
    int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
    return (x > y) - (x < y);
}

static void push(int32_t **v, size_t *n, size_t *cap, int32_t x)
{
    PA_GROW(*v, *cap, *n + 1);
    (*v)[(*n)++] = x;
}

/* True when u[a..b) holds a letter or a digit. */
static int has_alnum(const UChar *u, int32_t a, int32_t b)
{
    for (int32_t i = a; i < b;) {
        UChar32 c;
        U16_NEXT(u, i, b, c);
        if (u_isalnum(c) || u_hasBinaryProperty(c, UCHAR_ALPHABETIC)) return 1;
    }
    return 0;
}

/* Finds the breaks of one line u[0..len) (offsets relative to it), appended
 * to s->brks shifted by `base`. */
static int segment_line(pa_segmenter *s, const UChar *u, int32_t len, int32_t base, pa_error *err)
{
    s->ncand = 0;
    if (s->icu_base) {
        UErrorCode st = U_ZERO_ERROR;
        ubrk_setText(s->brk, u, len, &st);
        if (U_FAILURE(st))
            return pa_error_set(err, PA_EINTERNAL, "sentence segmentation failed: %s", u_errorName(st));
        for (int32_t b = ubrk_first(s->brk); b != UBRK_DONE; b = ubrk_next(s->brk)) {
            while (b > 0 && u_isUWhiteSpace(u[b - 1])) b--;
            if (b > 0 && b < len) push(&s->cand, &s->ncand, &s->capcand, b << 1 | 1);
        }
    }
    pa_rulematch_set_text(s->match, u, len);
    size_t from = s->ncand;
    if (pa_rulematch_break_candidates(s->match, &s->cand, &s->ncand, &s->capcand, err) != 0) return -1;
    for (size_t i = from; i < s->ncand; i++) s->cand[i] = s->cand[i] << 1;
    if (s->ncand > 1) qsort(s->cand, s->ncand, sizeof *s->cand, cmp_i32);
    size_t first = s->nbrks;
    for (size_t i = 0; i < s->ncand;) {
        int32_t p = s->cand[i] >> 1;
        int icu = 0;
        for (; i < s->ncand && s->cand[i] >> 1 == p; i++) icu |= s->cand[i] & 1;
        if (p <= 0 || p >= len) continue;
        int d = pa_rulematch_decide(s->match, p, err);
        if (d == -2) return -1;
        if (d < 0) d = s->icu_base && icu;
        if (d) push(&s->brks, &s->nbrks, &s->capbrks, p);
    }
    if (s->icu_base) {
        /* Join pieces without letters or digits to the sentence before. */
        size_t k = first;
        for (size_t i = first; i < s->nbrks; i++) {
            int32_t a = s->brks[i], b = i + 1 < s->nbrks ? s->brks[i + 1] : len;
            if (!has_alnum(u, a, b)) continue;
            s->brks[k++] = a;
        }
        s->nbrks = k;
    }
    for (size_t i = first; i < s->nbrks; i++) s->brks[i] += base;
    return 0;
}

int pa_segment_paragraph(pa_segmenter *s, pa_document *d, size_t para, pa_error *err)
{
    pa_span ps = d->paras[para].span;
    const char *text = d->text + ps.start;
    if (ps.len == 0) return 0;
    if (ps.len >= INT32_MAX / 2)
        return pa_error_set(err, PA_EINPUT, "%s: paragraph %zu is too long to segment", d->name, para + 1);
    /* The work buffers are the segmenter's, which outlives a library call
     * that fails (a context pools it): untracked. */
    pa_alloc_frame scope;
    pa_alloc_untracked_begin(&scope);
    PA_GROW(s->u, s->ucap, ps.len + 1);
    UErrorCode st = U_ZERO_ERROR;
    int32_t ulen = 0;
    u_strFromUTF8(s->u, (int32_t)s->ucap, &ulen, text, (int32_t)ps.len, &st);
    int rc = U_FAILURE(st) ? pa_error_set(err, PA_EINTERNAL, "%s: sentence segmentation failed: %s", d->name,
                                          u_errorName(st))
                           : 0;
    /* Lines are segmented apart: a line break inside a paragraph always ends
     * a sentence. */
    s->nbrks = 0;
    for (int32_t a = 0; a < ulen && rc == 0;) {
        int32_t b = a;
        while (b < ulen && s->u[b] != '\n') b++;
        if (b > a && segment_line(s, s->u + a, b - a, a, err) != 0) rc = -1;
        else if (b < ulen) push(&s->brks, &s->nbrks, &s->capbrks, b);
        a = b + 1;
    }
    pa_alloc_untracked_end(&scope);
    if (rc != 0) return -1;
    /* Map the UTF-16 breaks back to bytes and add the sentences. */
    size_t bi = 0, start = 0;
    int32_t ui = 0;
    for (size_t i = 0; i <= s->nbrks; i++) {
        int32_t target = i < s->nbrks ? s->brks[i] : ulen;
        while (ui < target && bi < ps.len) {
            size_t n = pa_utf8_len((unsigned char)text[bi]);
            ui += n == 4 ? 2 : 1;
            bi += n;
        }
        if (bi > start) pa_document_add_sentence(d, para, ps.start + start, bi - start);
        start = bi;
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
