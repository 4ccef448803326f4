/* features.c - see features.h. */
#include "align/aligner/features.h"
#include "align/aligner/pinyin.h"
#include "align/aligner/romanize.h"
#include "align/aligner/stem.h"
#include "align/aligner/wordbreak.h"
#include "align/util/alloc.h"
#include "align/util/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h> /* the rule statuses */
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#define NO_ID UINT32_MAX
/* Letters of two words that must agree for them to count as cognates
 * (Simard, Foster & Isabelle 1992). */
#define COGNATE_PREFIX 4
/* Longest run of Chinese characters read as one romanized name. */
#define NAME_MAX_CHARS 4

typedef struct word_breaker {
    char lang[PA_LANG_MAX];
    pa_word_breaker *brk;
} word_breaker;

struct pa_feature_extractor {
    word_breaker brk[4]; /* most recently used languages */
    size_t n_brk;
    pa_romanizer *roman; /* names, cognates */
    int roman_failed;    /* the transliterator could not be opened: roman_err */
    pa_error roman_err;
};

static void free_extractor(void *fx)
{
    pa_feature_extractor_free(fx);
}

pa_feature_extractor *pa_feature_extractor_new(pa_error *err)
{
    (void)err;
    pa_feature_extractor *fx = pa_calloc(1, sizeof *fx);
    pa_alloc_defer(free_extractor, fx); /* its ICU objects, if the call fails */
    fx->roman = pa_romanizer_new();
    return fx;
}

void pa_feature_extractor_free(pa_feature_extractor *fx)
{
    if (!fx) return;
    pa_alloc_undefer(fx);
    for (size_t k = 0; k < fx->n_brk; k++) pa_word_breaker_free(fx->brk[k].brk);
    pa_romanizer_free(fx->roman);
    pa_free(fx);
}

/* The word breaker for `lang`, kept for the next document. */
static pa_word_breaker *word_breaker_for(pa_feature_extractor *fx, const char *lang, pa_error *err)
{
    for (size_t k = 0; k < fx->n_brk; k++)
        if (strcmp(fx->brk[k].lang, lang) == 0) return fx->brk[k].brk;
    pa_word_breaker *b = pa_word_breaker_new(lang, 0, err);
    if (!b) return NULL;
    if (fx->n_brk == sizeof fx->brk / sizeof *fx->brk) {
        pa_word_breaker_free(fx->brk[0].brk);
        memmove(fx->brk, fx->brk + 1, (fx->n_brk - 1) * sizeof *fx->brk);
        fx->n_brk--;
    }
    word_breaker *w = &fx->brk[fx->n_brk++];
    snprintf(w->lang, sizeof w->lang, "%s", lang);
    w->brk = b;
    return b;
}

/* Romanizes UTF-8 `s` into lower-case ASCII letters and digits in `out`
 * (other characters dropped); a failure to open the transliterator is kept
 * for build_side to report. */
static void romanize(pa_feature_extractor *fx, const char *s, size_t len, pa_buf *out)
{
    if (pa_romanize(fx->roman, s, len, out, &fx->roman_err) != 0) fx->roman_failed = 1;
}

/* True when every character of s[0, len) lies in U+2E80..U+A4CF (CJK
 * radicals, kana, Han, Yi): a block range with no case, so folding leaves
 * the word as it is. */
static int caseless_cjk(const char *s, size_t len)
{
    for (int32_t i = 0; (size_t)i < len;) {
        UChar32 c;
        U8_NEXT(s, i, (int32_t)len, c);
        if (c < 0x2e80 || c >= 0xa4d0) return 0;
    }
    return 1;
}

void pa_word_key(const char *s, size_t len, char *out, size_t *out_len, size_t cap)
{
    size_t k = 0;
    int ascii = 1;
    for (size_t i = 0; i < len && ascii; i++) ascii = (unsigned char)s[i] < 0x80;
    if (ascii) {
        for (; k < len && k + 1 < cap; k++) out[k] = (char)(s[k] >= 'A' && s[k] <= 'Z' ? s[k] + 32 : s[k]);
    } else if (len < 300 && len < cap && caseless_cjk(s, len)) {
        memcpy(out, s, len); /* what folding gives: ICU's round trip costs more than the word */
        k = len;
    } else {
        UChar u[128], f[128];
        int32_t ulen = 0, flen = 0, olen = 0;
        UErrorCode st = U_ZERO_ERROR;
        u_strFromUTF8(u, 128, &ulen, s, (int32_t)(len < 300 ? len : 300), &st);
        if (st == U_BUFFER_OVERFLOW_ERROR || st == U_STRING_NOT_TERMINATED_WARNING) st = U_ZERO_ERROR, ulen = 128;
        flen = u_strFoldCase(f, 128, u, ulen < 128 ? ulen : 128, U_FOLD_CASE_DEFAULT, &st);
        if (flen > 128) flen = 128;
        st = U_ZERO_ERROR;
        u_strToUTF8(out, (int32_t)cap - 1, &olen, f, flen, &st);
        k = U_SUCCESS(st) && olen < (int32_t)cap ? (size_t)olen : 0;
    }
    out[k] = '\0';
    *out_len = k;
}

/* ---- anchors ---------------------------------------------------------- */

/* Anchors of the sentence being built (ids with the candidate bit). */
typedef struct anchor_list {
    uint32_t *ids;
    size_t n, cap;
} anchor_list;

static uint32_t anchor_id(pa_pair_features *pf, int cls, const char *key, size_t len)
{
    uint32_t id = pa_vocab_intern(pf->anchors, key, len);
    if (id >= pf->n_anchor_class) {
        PA_GROW(pf->anchor_class, pf->cap_anchor_class, (size_t)id + 1);
        pf->anchor_class[id] = (uint8_t)cls;
        pf->n_anchor_class = (size_t)id + 1;
        if (cls == PA_AC_NAME && len > 2 && len < 128) pf->name_shape[len] |= 1u << ((unsigned char)key[2] & 31);
    }
    return id;
}

static void add_anchor(anchor_list *l, uint32_t id)
{
    PA_GROW(l->ids, l->cap, l->n + 1);
    l->ids[l->n++] = id;
}

static void add_key(pa_pair_features *pf, anchor_list *l, int cls, const char *key)
{
    add_anchor(l, anchor_id(pf, cls, key, strlen(key)));
}

static void add_number(pa_pair_features *pf, anchor_list *l, unsigned long long v)
{
    char key[32];
    snprintf(key, sizeof key, "#%llu", v);
    add_key(pf, l, PA_AC_NUMBER, key);
}

/* Value of a Chinese numeral character: digits 0-9, or -1. */
static int han_digit(UChar32 c)
{
    static const UChar32 digits[] = {0x3007, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D};
    for (int k = 0; k < 10; k++) if (c == digits[k]) return k;
    if (c == 0x96F6) return 0;  /* 零 */
    if (c == 0x4E24) return 2;  /* 两 */
    return -1;
}

/* Multiplier of a Chinese unit character (十 百 千 万 亿), or 0. */
static unsigned long long han_unit(UChar32 c)
{
    switch (c) {
    case 0x5341: return 10ULL;          /* 十 */
    case 0x767E: return 100ULL;         /* 百 */
    case 0x5343: return 1000ULL;        /* 千 */
    case 0x4E07: return 10000ULL;       /* 万 */
    case 0x4EBF: return 100000000ULL;   /* 亿 */
    default: return 0;
    }
}

/* Parses a run of Chinese numeral characters: "二〇一八" digit by digit,
 * "一百二十三" by units. */
static unsigned long long han_number(const UChar32 *c, size_t n)
{
    int has_unit = 0;
    for (size_t k = 0; k < n; k++) has_unit |= han_unit(c[k]) != 0;
    unsigned long long v = 0;
    if (!has_unit) {
        for (size_t k = 0; k < n; k++) v = v * 10 + (unsigned long long)han_digit(c[k]);
        return v;
    }
    unsigned long long total = 0, section = 0, digit = 0;
    for (size_t k = 0; k < n; k++) {
        unsigned long long u = han_unit(c[k]);
        if (!u) {
            digit = (unsigned long long)han_digit(c[k]);
        } else if (u >= 10000) {
            section = (section + digit) * u;
            total += section;
            section = digit = 0;
        } else {
            section += (digit ? digit : 1) * u;
            digit = 0;
        }
    }
    return total + section + digit;
}

/* Chinese numerals in `s`: runs of numeral characters. Lone 一 and lone
 * units are left out: they are mostly words ("one", "a", "all"), not
 * numbers. */
static void scan_han_numbers(pa_pair_features *pf, anchor_list *l, const char *s, size_t len)
{
    UChar32 run[32];
    size_t n = 0;
    int32_t i = 0;
    while ((size_t)i <= len) {
        UChar32 c = 0;
        if ((size_t)i < len) U8_NEXT(s, i, (int32_t)len, c);
        else i++;
        if ((han_digit(c) >= 0 || han_unit(c)) && n < 32) {
            run[n++] = c;
            continue;
        }
        if (n > 1 || (n == 1 && han_digit(run[0]) > 1) || (n == 1 && run[0] == 0x5341))
            add_number(pf, l, han_number(run, n));
        n = 0;
    }
}

/* Number words of the languages whose texts carry numbers spelled out.
 * "one" and its kin are left out: they are pronouns and articles too.
 * Grouped by language, so a word is compared with its language's few. */
typedef struct number_word_entry {
    const char *word;
    long v;
} number_word_entry;

static const number_word_entry number_words_en[] = {
    {"two", 2}, {"three", 3}, {"four", 4}, {"five", 5}, {"six", 6}, {"seven", 7}, {"eight", 8}, {"nine", 9},
    {"ten", 10}, {"eleven", 11}, {"twelve", 12}, {"twenty", 20}, {"thirty", 30}, {"forty", 40}, {"fifty", 50},
    {"hundred", 100}, {"thousand", 1000}, {"million", 1000000},
    {NULL, 0},
};
static const number_word_entry number_words_fr[] = {
    {"deux", 2}, {"trois", 3}, {"quatre", 4}, {"cinq", 5}, {"six", 6}, {"sept", 7}, {"huit", 8}, {"neuf", 9},
    {"dix", 10}, {"onze", 11}, {"douze", 12}, {"vingt", 20}, {"trente", 30}, {"cent", 100}, {"mille", 1000},
    {NULL, 0},
};
static const number_word_entry number_words_es[] = {
    {"dos", 2}, {"tres", 3}, {"cuatro", 4}, {"cinco", 5}, {"seis", 6}, {"siete", 7}, {"ocho", 8}, {"nueve", 9},
    {"diez", 10}, {"once", 11}, {"doce", 12}, {"veinte", 20}, {"treinta", 30}, {"cien", 100}, {"mil", 1000},
    {NULL, 0},
};
static const number_word_entry number_words_de[] = {
    {"zwei", 2}, {"drei", 3}, {"vier", 4}, {"fünf", 5}, {"sechs", 6}, {"sieben", 7}, {"acht", 8}, {"neun", 9},
    {"zehn", 10}, {"elf", 11}, {"zwölf", 12}, {"zwanzig", 20}, {"dreissig", 30}, {"dreißig", 30},
    {"hundert", 100}, {"tausend", 1000},
    {NULL, 0},
};
static const number_word_entry number_words_ru[] = {
    {"два", 2}, {"две", 2}, {"три", 3}, {"четыре", 4}, {"пять", 5}, {"шесть", 6}, {"семь", 7}, {"восемь", 8},
    {"девять", 9}, {"десять", 10}, {"двадцать", 20}, {"сто", 100}, {"тысяча", 1000},
    {NULL, 0},
};

/* The number words of `lang`, NULL if it has none listed here. */
static const number_word_entry *number_words_of(const char *lang)
{
    static const struct { const char *lang; const number_word_entry *words; } langs[] = {
        {"en", number_words_en},
        {"fr", number_words_fr},
        {"es", number_words_es},
        {"de", number_words_de},
        {"ru", number_words_ru},
    };
    for (size_t l = 0; l < sizeof langs / sizeof *langs; l++)
        if (strcmp(langs[l].lang, lang) == 0) return langs[l].words;
    return NULL;
}

/* The value of number word `w` in the list `words` (number_words_of), or -1. */
static long number_word(const number_word_entry *words, const char *w)
{
    if (!words || ((unsigned char)w[0] < 'a' && (unsigned char)w[0] < 0x80)) return -1; /* digits, punctuation */
    for (const number_word_entry *e = words; e->word; e++)
        if (e->word[0] == w[0] && strcmp(e->word, w) == 0) return e->v;
    return -1;
}

/* A number token in any script: its digits, separators ignored. */
static void digit_number(pa_pair_features *pf, anchor_list *l, const char *s, size_t len)
{
    unsigned long long v = 0;
    int digits = 0;
    int32_t i = 0;
    while ((size_t)i < len && digits < 19) {
        UChar32 c;
        U8_NEXT(s, i, (int32_t)len, c);
        int32_t d = u_charDigitValue(c);
        if (d >= 0) v = v * 10 + (unsigned long long)d, digits++;
    }
    if (digits) add_number(pf, l, v);
}

static int is_letter_at(const char *s, size_t len, int32_t at)
{
    if (at < 0 || (size_t)at >= len) return 0;
    UChar32 c;
    U8_GET((const uint8_t *)s, 0, at, (int32_t)len, c);
    return u_isalpha(c);
}

/* Punctuation that carries over between languages; each class once. */
static void scan_punctuation(pa_pair_features *pf, anchor_list *l, const char *s, size_t len)
{
    int seen[PA_AC_COUNT] = {0};
    int32_t i = 0, dots = 0;
    while ((size_t)i < len) {
        int32_t at = i;
        UChar32 c;
        U8_NEXT(s, i, (int32_t)len, c);
        int cls = -1;
        dots = c == '.' ? dots + 1 : 0;
        switch (c) {
        case '?': case 0xFF1F: case 0x061F: cls = PA_AC_QUESTION; break;
        case '!': case 0xFF01: cls = PA_AC_EXCLAIM; break;
        case '"': case 0x201C: case 0x201D: case 0x201E: case 0x00AB: case 0x00BB: case 0x300C: case 0x300D:
        case 0x300E: case 0x300F: case 0x2039: case 0x203A:
            cls = PA_AC_QUOTE;
            break;
        case '\'': case 0x2018: case 0x2019:
            /* an apostrophe sits between letters; a quotation mark does not */
            if (!(is_letter_at(s, len, at - 1) && is_letter_at(s, len, i))) cls = PA_AC_QUOTE;
            break;
        case 0x2026: cls = PA_AC_ELLIPSIS; break;
        case '.': if (dots == 3) cls = PA_AC_ELLIPSIS; break;
        case ':': case 0xFF1A: cls = PA_AC_COLON; break;
        case '(': case 0xFF08: case '[': case 0x3010: cls = PA_AC_PAREN; break;
        default: break;
        }
        if (cls == PA_AC_COLON && at > 0 && (size_t)i < len && s[at - 1] >= '0' && s[at - 1] <= '9' &&
            s[i] >= '0' && s[i] <= '9')
            cls = -1; /* a time such as 10:30 */
        if (cls >= 0 && !seen[cls]) {
            static const char *const keys[PA_AC_COUNT] = {
                [PA_AC_QUESTION] = "p?", [PA_AC_EXCLAIM] = "p!", [PA_AC_QUOTE] = "p\"",
                [PA_AC_ELLIPSIS] = "p.", [PA_AC_COLON] = "p:", [PA_AC_PAREN] = "p(",
            };
            seen[cls] = 1;
            add_key(pf, l, cls, keys[cls]);
        }
    }
}

/* The number opening a paragraph: "1.", "12)", "(a)", "(iv)", "一、",
 * "（三）", as an ordinal, or -1. */
static long paragraph_number(const char *s, size_t len)
{
    int32_t i = 0;
    UChar32 c = 0;
    if (len == 0) return -1;
    U8_NEXT(s, i, (int32_t)len, c);
    int bracket = c == '(' || c == 0xFF08;
    if (bracket) {
        if ((size_t)i >= len) return -1;
        U8_NEXT(s, i, (int32_t)len, c);
    }
    long v = 0;
    int32_t start = i;
    UChar32 run[16];
    size_t n = 0;
    if (u_charDigitValue(c) >= 0) {
        while (u_charDigitValue(c) >= 0 && v < 100000 && (size_t)i < len) {
            v = v * 10 + u_charDigitValue(c);
            U8_NEXT(s, i, (int32_t)len, c);
        }
    } else if (han_digit(c) >= 0 || han_unit(c)) {
        while ((han_digit(c) >= 0 || han_unit(c)) && n < 16 && (size_t)i < len) {
            run[n++] = c;
            U8_NEXT(s, i, (int32_t)len, c);
        }
        v = (long)han_number(run, n);
    } else if (bracket && c >= 'a' && c <= 'z') {
        /* (a)..(z), or a roman numeral (i), (iv), (xii) */
        char letters[8];
        size_t k = 0;
        while (c >= 'a' && c <= 'z' && k < sizeof letters && (size_t)i < len) {
            letters[k++] = (char)c;
            U8_NEXT(s, i, (int32_t)len, c);
        }
        int roman = 1;
        for (size_t q = 0; q < k; q++) roman &= letters[q] == 'i' || letters[q] == 'v' || letters[q] == 'x';
        if (k == 1 && !(roman && letters[0] == 'i')) v = letters[0] - 'a' + 1;
        else if (roman) {
            for (size_t q = 0; q < k; q++) {
                int d = letters[q] == 'i' ? 1 : letters[q] == 'v' ? 5 : 10;
                int next = q + 1 < k ? (letters[q + 1] == 'i' ? 1 : letters[q + 1] == 'v' ? 5 : 10) : 0;
                v += d < next ? -d : d;
            }
        } else return -1;
    } else {
        return -1;
    }
    (void)start;
    if (v <= 0) return -1;
    if (bracket) return (c == ')' || c == 0xFF09) ? v : -1;
    return (c == '.' || c == ')' || c == 0x3001) ? v : -1;
}

/* ---- one document ----------------------------------------------------- */

/* A letter token kept until the whole document is read: whether it is a
 * name depends on whether its word ever appears in lower case. */
typedef struct letter_token {
    uint32_t word;
    size_t sent;
    size_t start, end; /* bytes within the document text */
    int capitalized;
} letter_token;

typedef struct side_state {
    letter_token *tok;
    size_t n_tok, cap_tok;
    uint8_t *lower_seen;   /* by word id */
    size_t cap_lower;
    uint32_t *cognate;     /* by word id: cognate anchor id, NO_ID, or unset (NO_ID - 1) */
    size_t cap_cognate, n_cognate;
} side_state;

static int is_unspaced_lang(const char *lang) { return pa_lang_is_unspaced(lang); }

/* Orders anchor ids without their candidate bit. */
static int cmp_anchor(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a & ~PA_ANCHOR_CANDIDATE, y = *(const uint32_t *)b & ~PA_ANCHOR_CANDIDATE;
    return (x > y) - (x < y);
}

/* Finishes sentence `i`: sorts and deduplicates its anchors (a counted
 * occurrence wins over a candidate one). */
static void close_sentence(pa_pair_features *pf, pa_doc_features *df, size_t i, anchor_list *l, uint32_t **all,
                           size_t *n_all, size_t *cap_all)
{
    if (l->n > 1) qsort(l->ids, l->n, sizeof *l->ids, cmp_anchor);
    for (size_t a = 0; a < l->n;) {
        uint32_t id = l->ids[a] & ~PA_ANCHOR_CANDIDATE;
        int candidate = 1;
        while (a < l->n && (l->ids[a] & ~PA_ANCHOR_CANDIDATE) == id) candidate &= !!(l->ids[a++] & PA_ANCHOR_CANDIDATE);
        PA_GROW(*all, *cap_all, *n_all + 1);
        (*all)[(*n_all)++] = id | (candidate ? PA_ANCHOR_CANDIDATE : 0);
    }
    df->anc_at[i + 1] = *n_all;
    l->n = 0;
}

/* The cognate anchor of word `w` (romanized prefix), cached per word. */
static uint32_t cognate_of(pa_feature_extractor *fx, pa_pair_features *pf, side_state *ss, pa_doc_features *df,
                           uint32_t w, pa_buf *scratch)
{
    if (w >= ss->n_cognate) {
        PA_GROW(ss->cognate, ss->cap_cognate, (size_t)w + 1);
        for (size_t k = ss->n_cognate; k <= w; k++) ss->cognate[k] = NO_ID - 1;
        ss->n_cognate = (size_t)w + 1;
    }
    if (ss->cognate[w] == NO_ID - 1) {
        size_t len;
        const char *s = pa_vocab_string(df->vocab, w, &len);
        romanize(fx, s, len, scratch);
        ss->cognate[w] = NO_ID;
        if (scratch->len >= COGNATE_PREFIX && !(scratch->data[0] >= '0' && scratch->data[0] <= '9')) {
            char key[COGNATE_PREFIX + 3] = "c:";
            memcpy(key + 2, scratch->data, COGNATE_PREFIX);
            ss->cognate[w] = anchor_id(pf, PA_AC_COGNATE, key, COGNATE_PREFIX + 2);
        }
    }
    return ss->cognate[w];
}

/* Extracts one document's features. With `names_for_other`, capitalized
 * words that never appear in lower case become name anchors (the other side
 * is Chinese); with `match_names`, the pinyin of Chinese character runs is
 * looked up among the names already known (this side is Chinese). */
/* A sentence's length: its code points other than spaces, tabs and line
 * breaks. */
static double sentence_length(const char *s, size_t len)
{
    double chars = 0;
    for (size_t k = 0; k < len; k++) {
        unsigned char c = (unsigned char)s[k];
        chars += (c & 0xC0) != 0x80 && c != ' ' && c != '\t' && c != '\n';
    }
    return chars;
}

/* One side's arrays, sized for its sentences: anchors and words empty. */
static void side_init(const pa_document *d, pa_doc_features *df)
{
    snprintf(df->lang, sizeof df->lang, "%s", d->lang);
    df->n = d->n_sents;
    df->vocab = pa_vocab_new();
    df->len = pa_malloc((d->n_sents + 1) * sizeof *df->len);
    df->anc_at = pa_calloc(d->n_sents + 1, sizeof *df->anc_at);
    df->word_at = pa_calloc(d->n_sents + 1, sizeof *df->word_at);
}

static int build_side(pa_feature_extractor *fx, pa_pair_features *pf, const pa_document *d, pa_doc_features *df,
                      int names_for_other, int match_names, pa_error *err)
{
    pa_word_breaker *brk = word_breaker_for(fx, d->lang, err);
    if (!brk) return -1;
    side_init(d, df);
    size_t n_words = 0, cap_words = 0, n_anc = 0, cap_anc = 0;
    anchor_list l = {0};
    side_state ss = {0};
    pa_buf scratch = PA_BUF_INIT;
    int unspaced = is_unspaced_lang(d->lang);
    const number_word_entry *numbers = number_words_of(d->lang); /* looked up once, not a word at a time */
    pa_stem_fn stem = pa_stemmer(d->lang);
    char key[512];
    int rc = 0;

    /* Pass over sentences: words, numbers, punctuation, paragraph numbers. */
    for (size_t i = 0; i < d->n_sents && rc == 0; i++) {
        const char *s = pa_sentence_text(d, i);
        size_t len = d->sents[i].span.len;
        df->len[i] = sentence_length(s, len);
        const pa_word_boundary *bounds;
        pa_error berr;
        long n_bounds = pa_word_breaker_run(brk, s, len, &bounds, &berr);
        if (n_bounds < 0) {
            rc = pa_error_set(err, berr.code, "%s: %s", d->name, berr.msg);
            break;
        }
        int32_t prev = 0;
        for (long bi = 0; bi < n_bounds; prev = bounds[bi].pos, bi++) {
            int32_t b = bounds[bi].pos, status = bounds[bi].status;
            if (status < UBRK_WORD_NUMBER) continue;
            size_t klen;
            pa_word_key(s + prev, (size_t)(b - prev), key, &klen, sizeof key);
            if (klen == 0) continue;
            long v = status >= UBRK_WORD_NUMBER_LIMIT ? number_word(numbers, key) : -1;
            if (stem) klen = stem(key, klen);
            uint32_t w = pa_vocab_intern(df->vocab, key, klen);
            PA_GROW(df->words, cap_words, n_words + 1);
            df->words[n_words++] = w;
            if (status < UBRK_WORD_NUMBER_LIMIT) {
                digit_number(pf, &l, s + prev, (size_t)(b - prev));
                continue;
            }
            if (v > 0) add_number(pf, &l, (unsigned long long)v);
            if (status >= UBRK_WORD_LETTER && status < UBRK_WORD_LETTER_LIMIT) {
                UChar32 c0;
                int32_t q = 0;
                U8_NEXT(s + prev, q, b - prev, c0);
                int cap = u_isupper(c0) || u_istitle(c0);
                PA_GROW(ss.tok, ss.cap_tok, ss.n_tok + 1);
                size_t base = d->sents[i].span.start;
                ss.tok[ss.n_tok++] = (letter_token){w, i, base + (size_t)prev, base + (size_t)b, cap};
                if (!cap) {
                    PA_GROW_ZERO(ss.lower_seen, ss.cap_lower, (size_t)w + 1);
                    ss.lower_seen[w] = 1;
                }
            }
        }
        df->word_at[i + 1] = n_words;
        if (unspaced) scan_han_numbers(pf, &l, s, len);
        scan_punctuation(pf, &l, s, len);
        const pa_paragraph *p = &d->paras[d->sents[i].para];
        long pn = p->first_sent == i ? paragraph_number(s, len) : -1;
        if (pn > 0) {
            snprintf(key, sizeof key, "P%ld", pn);
            add_key(pf, &l, PA_AC_PARANUM, key);
        }
        /* keep the anchors in the list; names and cognates come below */
        PA_GROW(df->anc, cap_anc, n_anc + l.n + 1);
        if (l.n) memcpy(df->anc + n_anc, l.ids, l.n * sizeof *l.ids);
        n_anc += l.n;
        df->anc_at[i + 1] = n_anc;
        l.n = 0;
    }
    if (rc != 0) goto done;

    /* Second pass: add cognates and names per sentence, then sort. */
    {
        uint32_t *first = df->anc;
        size_t *first_at = pa_malloc((d->n_sents + 1) * sizeof *first_at);
        memcpy(first_at, df->anc_at, (d->n_sents + 1) * sizeof *first_at);
        df->anc = NULL;
        n_anc = cap_anc = 0;
        df->anc_at[0] = 0;
        size_t t = 0;
        for (size_t i = 0; i < d->n_sents; i++) {
            for (size_t a = first_at[i]; a < first_at[i + 1]; a++) add_anchor(&l, first[a]);
            for (; t < ss.n_tok && ss.tok[t].sent == i; t++) {
                letter_token *tk = &ss.tok[t];
                uint32_t c = cognate_of(fx, pf, &ss, df, tk->word, &scratch);
                if (c != NO_ID) add_anchor(&l, c);
                int lower = tk->word < ss.cap_lower && ss.lower_seen[tk->word];
                if (!names_for_other || !tk->capitalized || lower) continue;
                /* a name; "Bao-yu" joins its hyphenated parts */
                size_t end = tk->end;
                size_t u = t;
                while (u + 1 < ss.n_tok && ss.tok[u + 1].sent == i && d->text[end] == '-' &&
                       ss.tok[u + 1].start == end + 1)
                    end = ss.tok[++u].end;
                romanize(fx, d->text + tk->start, end - tk->start, &scratch);
                if (scratch.len >= 2 && scratch.len + 3 < sizeof key) {
                    snprintf(key, sizeof key, "n:%s", scratch.data);
                    add_key(pf, &l, PA_AC_NAME, key);
                }
                t = u;
            }
            if (match_names) {
                /* pinyin of every run of 1..NAME_MAX_CHARS Chinese characters */
                const char *s = pa_sentence_text(d, i);
                int32_t len = (int32_t)d->sents[i].span.len, q = 0;
                const char *syl[NAME_MAX_CHARS] = {0};
                size_t run = 0;
                while (q < len) {
                    UChar32 c;
                    U8_NEXT(s, q, len, c);
                    const char *r = u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC) ? pa_roman_char((uint32_t)c) : NULL;
                    if (r && !*r) r = NULL;
                    if (!r) {
                        run = 0;
                        continue;
                    }
                    memmove(syl + 1, syl, (NAME_MAX_CHARS - 1) * sizeof *syl);
                    syl[0] = r;
                    if (run < NAME_MAX_CHARS) run++;
                    char name[128] = "n:";
                    size_t nlen = 2;
                    for (size_t k = 0; k < run; k++) { /* names ending at this character */
                        size_t sl = strlen(syl[k]);
                        if (nlen + sl >= sizeof name) break;
                        memmove(name + 2 + sl, name + 2, nlen - 2);
                        memcpy(name + 2, syl[k], sl);
                        nlen += sl;
                        if (!(pf->name_shape[nlen] >> ((unsigned char)name[2] & 31) & 1)) continue; /* no such name */
                        uint32_t id = pa_vocab_find(pf->anchors, name, nlen);
                        if (id != NO_ID && pf->anchor_class[id] == PA_AC_NAME) add_anchor(&l, id | PA_ANCHOR_CANDIDATE);
                    }
                }
            }
            close_sentence(pf, df, i, &l, &df->anc, &n_anc, &cap_anc);
        }
        pa_free(first);
        pa_free(first_at);
    }
    if (fx->roman_failed) {
        if (err) *err = fx->roman_err;
        rc = -1;
    }
done:
    pa_free(l.ids);
    pa_free(ss.tok);
    pa_free(ss.lower_seen);
    pa_free(ss.cognate);
    pa_buf_free(&scratch);
    return rc;
}

int pa_pair_features_build(pa_feature_extractor *fx, const pa_document *src, const pa_document *tgt,
                           pa_pair_features *out, pa_error *err)
{
    memset(out, 0, sizeof *out);
    out->anchors = pa_vocab_new();
    int src_zh = strcmp(src->lang, "zh") == 0, tgt_zh = strcmp(tgt->lang, "zh") == 0;
    int rc;
    /* The side with names to find goes first, so that the Chinese side
     * only looks its pinyin up among them. */
    if (src_zh && !tgt_zh) {
        rc = build_side(fx, out, tgt, &out->tgt, 1, 0, err);
        if (rc == 0) rc = build_side(fx, out, src, &out->src, 0, 1, err);
    } else {
        rc = build_side(fx, out, src, &out->src, tgt_zh && !src_zh, 0, err);
        if (rc == 0) rc = build_side(fx, out, tgt, &out->tgt, 0, tgt_zh && !src_zh, err);
    }
    if (rc != 0) pa_pair_features_free(out);
    return rc;
}

/* One side's lengths, and empty anchors and words. */
static void lengths_side(const pa_document *d, pa_doc_features *df)
{
    side_init(d, df);
    for (size_t i = 0; i < d->n_sents; i++) df->len[i] = sentence_length(pa_sentence_text(d, i), d->sents[i].span.len);
}

void pa_pair_features_build_lengths(const pa_document *src, const pa_document *tgt, pa_pair_features *out)
{
    memset(out, 0, sizeof *out);
    out->anchors = pa_vocab_new();
    lengths_side(src, &out->src);
    lengths_side(tgt, &out->tgt);
}

static void doc_features_free(pa_doc_features *df)
{
    pa_free(df->len);
    pa_free(df->anc);
    pa_free(df->anc_at);
    pa_free(df->words);
    pa_free(df->word_at);
    pa_vocab_free(df->vocab);
    memset(df, 0, sizeof *df);
}

void pa_pair_features_free(pa_pair_features *pf)
{
    doc_features_free(&pf->src);
    doc_features_free(&pf->tgt);
    pa_vocab_free(pf->anchors);
    pa_free(pf->anchor_class);
    memset(pf, 0, sizeof *pf);
}
