/* dict.c - see dict.h. */
#include "align/aligner/dict.h"
#include "align/aligner/dict_cache.h"
#include "align/aligner/stem.h"
#include "align/text/input.h"
#include "align/text/lang.h"
#include "align/util/alloc.h"
#include "align/util/source.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

/* Glosses longer than this many content words are definitions, not
 * translations. */
#define MAX_GLOSS_WORDS 3

struct pa_dict {
    char src_lang[PA_LANG_MAX], tgt_lang[PA_LANG_MAX];
    pa_vocab *src, *tgt;  /* word keys */
    uint32_t *pairs;      /* (src, tgt) ids; in `map` while cap_pairs is 0 */
    size_t n_pairs, cap_pairs;
    /* Where each source id's pairs start, while the pairs are in order of
     * source id (NULL once a pair is added): pa_dict_links then visits the
     * pairs of a document's words, not all of them. In `map`, or in the
     * block of `pairs` past its capacity. It covers the first n_src_at
     * source ids: words interned since without a pair (a rejected gloss)
     * have none. */
    const uint32_t *src_at;
    size_t n_src_at;
    void *map;            /* a cache entry the above read in place, or NULL */
    size_t map_len;
};

pa_dict *pa_dict_new(const char *src_lang, const char *tgt_lang)
{
    pa_dict *d = pa_calloc(1, sizeof *d);
    snprintf(d->src_lang, sizeof d->src_lang, "%s", src_lang);
    snprintf(d->tgt_lang, sizeof d->tgt_lang, "%s", tgt_lang);
    d->src = pa_vocab_new();
    d->tgt = pa_vocab_new();
    return d;
}

void pa_dict_free(pa_dict *d)
{
    if (!d) return;
    pa_vocab_free(d->src);
    pa_vocab_free(d->tgt);
    if (d->cap_pairs) pa_free(d->pairs);
    pa_dict_cache_release(d->map, d->map_len);
    pa_free(d);
}

size_t pa_dict_size(const pa_dict *d) { return d->n_pairs; }

/* Word keys of a phrase, at most `max`: the whole phrase for languages
 * written without spaces, else its case-folded, stemmed content words. */
static size_t phrase_keys(const char *lang, const char *s, size_t len, pa_vocab *v, uint32_t *keys, size_t max)
{
    char key[256];
    size_t klen, n = 0;
    if (pa_lang_is_unspaced(lang)) {
        size_t k = 0;
        for (size_t i = 0; i < len && k + 1 < sizeof key; i++)
            if (s[i] != ' ' && s[i] != '\t') key[k++] = s[i];
        if (k == 0) return 0;
        keys[0] = pa_vocab_intern(v, key, k);
        return 1;
    }
    int32_t i = 0, start = -1;
    while (i <= (int32_t)len) {
        int32_t at = i;
        UChar32 c = 0;
        if (i < (int32_t)len) U8_NEXT(s, i, (int32_t)len, c);
        else i++;
        int word = c > 0 && (u_isalnum(c) || c == '\'');
        if (word && start < 0) start = at;
        if (!word && start >= 0) {
            pa_word_key(s + start, (size_t)(at - start), key, &klen, sizeof key);
            klen = pa_stem(lang, key, klen);
            if (klen && !pa_is_stopword(lang, key)) {
                if (n == max) return max + 1;
                keys[n++] = pa_vocab_intern(v, key, klen);
            }
            start = -1;
        }
    }
    return n;
}

static void add_pair(pa_dict *d, uint32_t s, uint32_t t)
{
    d->src_at = NULL; /* no longer in order: index_pairs makes a new index */
    if (d->map && !d->cap_pairs) { /* pairs read in place: copy before growing */
        uint32_t *own = pa_malloc((2 * d->n_pairs + 2) * sizeof *own);
        if (d->n_pairs) memcpy(own, d->pairs, 2 * d->n_pairs * sizeof *own);
        d->pairs = own, d->cap_pairs = 2 * d->n_pairs + 2;
    }
    PA_GROW(d->pairs, d->cap_pairs, 2 * d->n_pairs + 2);
    d->pairs[2 * d->n_pairs] = s;
    d->pairs[2 * d->n_pairs + 1] = t;
    d->n_pairs++;
}

void pa_dict_add(pa_dict *d, const char *src, size_t src_len, const char *tgt, size_t tgt_len)
{
    uint32_t sk[MAX_GLOSS_WORDS + 1], tk[MAX_GLOSS_WORDS + 1];
    size_t ns = phrase_keys(d->src_lang, src, src_len, d->src, sk, MAX_GLOSS_WORDS);
    size_t nt = phrase_keys(d->tgt_lang, tgt, tgt_len, d->tgt, tk, MAX_GLOSS_WORDS);
    if (ns == 0 || nt == 0 || ns > MAX_GLOSS_WORDS || nt > MAX_GLOSS_WORDS) return;
    if (ns > 1 && nt > 1) return; /* which word translates which is unknown */
    for (size_t a = 0; a < ns; a++)
        for (size_t b = 0; b < nt; b++) add_pair(d, sk[a], tk[b]);
}

/* One CC-CEDICT line: both headwords against each usable gloss. */
static int add_cedict_line(pa_dict *d, const char *line, size_t len)
{
    const char *sp1 = memchr(line, ' ', len);
    if (!sp1) return -1;
    const char *sp2 = memchr(sp1 + 1, ' ', len - (size_t)(sp1 + 1 - line));
    const char *br = sp2 ? memchr(sp2, ']', len - (size_t)(sp2 - line)) : NULL;
    const char *sl = br ? memchr(br, '/', len - (size_t)(br - line)) : NULL;
    if (!sp2 || sp2[1] != '[' || !sl) return -1;
    int zh_src = strcmp(d->src_lang, "zh") == 0;
    const char *heads[2] = {line, sp1 + 1};
    size_t head_len[2] = {(size_t)(sp1 - line), (size_t)(sp2 - sp1 - 1)};
    const char *end = line + len;
    for (const char *g = sl + 1; g < end;) {
        const char *ge = memchr(g, '/', (size_t)(end - g));
        if (!ge) break;
        /* the gloss without parenthetical remarks */
        char gloss[512];
        size_t k = 0;
        int depth = 0;
        for (const char *c = g; c < ge && k + 1 < sizeof gloss; c++) {
            if (*c == '(') depth++;
            else if (*c == ')' && depth) depth--;
            else if (!depth) gloss[k++] = *c;
        }
        gloss[k] = '\0';
        int skip = strncmp(gloss, "CL:", 3) == 0 || strstr(gloss, "variant of") || strncmp(gloss, "see ", 4) == 0 ||
                   strstr(gloss, "abbr. for") || strchr(gloss, '|');
        /* "old man; old woman": each alternative is a gloss of its own */
        for (char *alt = gloss; !skip && alt;) {
            char *semi = strchr(alt, ';');
            size_t alen = semi ? (size_t)(semi - alt) : strlen(alt);
            for (int h = 0; h < 2; h++) {
                if (h == 1 && head_len[0] == head_len[1] && memcmp(heads[0], heads[1], head_len[0]) == 0) break;
                if (zh_src) pa_dict_add(d, heads[h], head_len[h], alt, alen);
                else pa_dict_add(d, alt, alen, heads[h], head_len[h]);
            }
            alt = semi ? semi + 1 : NULL;
        }
        g = ge + 1;
    }
    return 0;
}

/* The `n` pairs of `pairs` in order of source id (a stable counting sort:
 * a source word's pairs keep their order), in one new block: the pairs
 * (2n + 2 ids), then where each of the `ns` source ids starts (ns + 1
 * entries). A pair with an id outside the vocabularies (ns, nt), which only
 * a damaged cache entry holds, is left out. Returns the number of pairs
 * kept. One block, so that a failing allocation leaves nothing behind. */
static size_t sort_by_source(const uint32_t *pairs, size_t n, size_t ns, size_t nt, uint32_t **block)
{
    uint32_t *out = pa_malloc((2 * n + 2 + ns + 2) * sizeof *out), *start = out + 2 * n + 2;
    memset(start, 0, (ns + 2) * sizeof *start);
    for (size_t k = 0; k < n; k++)
        if (pairs[2 * k] < ns && pairs[2 * k + 1] < nt) start[pairs[2 * k] + 1]++;
    for (size_t s = 0; s < ns; s++) start[s + 1] += start[s];
    /* placing a pair moves its word's start on; each ends at the next's */
    for (size_t k = 0; k < n; k++) {
        uint32_t s = pairs[2 * k], t = pairs[2 * k + 1];
        if (s >= ns || t >= nt) continue;
        size_t q = start[s]++;
        out[2 * q] = s, out[2 * q + 1] = t;
    }
    for (size_t s = ns; s > 0; s--) start[s] = start[s - 1];
    start[0] = 0;
    *block = out;
    return start[ns];
}

/* Puts the pairs in order of source id and indexes them (d->src_at). */
static void index_pairs(pa_dict *d)
{
    if (d->n_pairs >= UINT32_MAX / 2) return; /* offsets are 32-bit: links sort a copy */
    size_t n = d->n_pairs;
    uint32_t *block;
    size_t kept = sort_by_source(d->pairs, n, pa_vocab_size(d->src), pa_vocab_size(d->tgt), &block);
    if (d->cap_pairs) pa_free(d->pairs);
    d->pairs = block, d->n_pairs = kept, d->cap_pairs = 2 * n + 2;
    d->src_at = block + 2 * n + 2, d->n_src_at = pa_vocab_size(d->src);
}

int pa_dict_load(pa_dict *d, const char *path, pa_error *err)
{
    /* the pairs of a file parsed before come from the cache (dict_cache.h) */
    pa_dict_cache_key key;
    int cacheable = d->n_pairs == 0 && pa_vocab_size(d->src) == 0 && pa_vocab_size(d->tgt) == 0 &&
                    pa_dict_cache_key_of(path, d->src_lang, d->tgt_lang, &key) == 0;
    pa_dict_cache_view view;
    if (cacheable && pa_dict_cache_read(&key, &view) == 0) {
        pa_vocab_free(d->src), pa_vocab_free(d->tgt), pa_free(d->pairs);
        d->src = view.src, d->tgt = view.tgt;
        d->pairs = (uint32_t *)view.pairs, d->n_pairs = view.n_pairs, d->cap_pairs = 0;
        d->src_at = view.src_at, d->n_src_at = pa_vocab_size(view.src);
        d->map = view.map, d->map_len = view.map_len;
        return 0;
    }
    pa_buf b = PA_BUF_INIT;
    if (pa_read_text(path, NULL, &b, err) != 0) { /* the one input path: strict UTF-8, NFC */
        pa_buf_free(&b);
        return -1;
    }
    const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
    int pair_zh_en = (strcmp(d->src_lang, "zh") == 0 && strcmp(d->tgt_lang, "en") == 0) ||
                     (strcmp(d->src_lang, "en") == 0 && strcmp(d->tgt_lang, "zh") == 0);
    size_t before = d->n_pairs, lineno = 0, bad = 0, first_bad = 0;
    /* lexicon files hold word keys already: no stemming, no filtering */
    int raw = b.len >= 19 && memcmp(b.data, "# polyalign lexicon", 19) == 0;
    const char *p = b.data ? b.data : "", *end = p + b.len;
    int rc = 0;
    /* The pairs belong to the dictionary, which may be a context's: if a
     * line runs out of memory, what was added stays (its owner frees it). */
    pa_alloc_frame scope;
    pa_alloc_untracked_begin(&scope);
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t len = (size_t)((nl ? nl : end) - p);
        lineno++;
        if (len && p[len - 1] == '\r') len--;
        if (len == 0 || p[0] == '#' || p[0] == '%') {
            p = nl ? nl + 1 : end;
            continue;
        }
        const char *tab = memchr(p, '\t', len);
        const char *at = NULL;
        for (size_t k = 0; !tab && k + 3 <= len; k++)
            if (p[k] == ' ' && p[k + 1] == '@' && p[k + 2] == ' ') at = p + k;
        if (tab) {
            const char *tab2 = memchr(tab + 1, '\t', len - (size_t)(tab + 1 - p));
            size_t tlen = (size_t)((tab2 ? tab2 : p + len) - tab - 1);
            if (raw && tab > p && tlen)
                add_pair(d, pa_vocab_intern(d->src, p, (size_t)(tab - p)), pa_vocab_intern(d->tgt, tab + 1, tlen));
            else
                pa_dict_add(d, p, (size_t)(tab - p), tab + 1, tlen);
        } else if (at) {
            pa_dict_add(d, at + 3, len - (size_t)(at + 3 - p), p, (size_t)(at - p)); /* target @ source */
        } else if (memchr(p, '[', len) && memchr(p, '/', len)) {
            if (!pair_zh_en) {
                rc = pa_error_set(err, PA_EUSAGE, "%s:%zu: a CC-CEDICT dictionary serves Chinese-English pairs, not %s-%s",
                                  name, lineno, d->src_lang, d->tgt_lang);
                break;
            }
            if (add_cedict_line(d, p, len) != 0 && bad++ == 0) first_bad = lineno;
        } else if (bad++ == 0) {
            first_bad = lineno;
        }
        p = nl ? nl + 1 : end;
    }
    if (rc == 0 && d->n_pairs == before)
        rc = pa_error_set(err, PA_EINPUT, "%s:%zu: no dictionary entries found (expected CC-CEDICT, \"target @ source\" or "
                                          "tab-separated lines)", name, first_bad ? first_bad : lineno);
    if (d->n_pairs != before) index_pairs(d); /* inside the frame: the index is the dictionary's too */
    pa_alloc_untracked_end(&scope);
    if (rc == 0 && cacheable && d->src_at)
        pa_dict_cache_write(&key, d->src, d->tgt, d->pairs, d->n_pairs, d->src_at);
    pa_buf_free(&b);
    return rc;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* The words of document vocabulary `doc` that `dict` has, as (id in
 * `dict` << 32 | id in `doc`), sorted; returns how many. */
static size_t doc_words_in(const pa_vocab *doc, const pa_vocab *dict, uint64_t *out)
{
    size_t n = 0;
    for (size_t k = 0; k < pa_vocab_size(doc); k++) {
        size_t len;
        const char *w = pa_vocab_string(doc, (uint32_t)k, &len);
        uint32_t id = pa_vocab_find(dict, w, len);
        if (id != UINT32_MAX) out[n++] = (uint64_t)id << 32 | k;
    }
    if (n > 1) qsort(out, n, sizeof *out, cmp_u64);
    return n;
}

/* The document id of dictionary id `id` in doc_words_in's list, or
 * UINT32_MAX. */
static uint32_t doc_id_of(const uint64_t *words, size_t n, uint32_t id)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        uint32_t at = (uint32_t)(words[mid] >> 32);
        if (at == id) return (uint32_t)words[mid];
        if (at < id) lo = mid + 1;
        else hi = mid;
    }
    return UINT32_MAX;
}

/* Visits the pairs of the document's source words only, through the index
 * by source id: a 40-sentence document has a few hundred words against
 * CC-CEDICT's 300,000 pairs, all of which a scan read (6M instructions,
 * and every page of them). */
void pa_dict_links(const pa_dict *d, const pa_pair_features *pf, pa_links *out)
{
    size_t ns = pa_vocab_size(d->src), nt = pa_vocab_size(d->tgt);
    const uint32_t *pairs = d->pairs, *at = d->src_at;
    uint32_t *own = NULL;
    size_t n_pairs = d->n_pairs, n_at = d->n_src_at;
    if (!at) { /* pairs added since the last load: sorted and indexed here */
        n_pairs = sort_by_source(d->pairs, d->n_pairs, ns, nt, &own);
        pairs = own, at = own + 2 * d->n_pairs + 2, n_at = ns;
    }
    size_t n_doc_s = pa_vocab_size(pf->src.vocab), n_doc_t = pa_vocab_size(pf->tgt.vocab);
    uint64_t *tgt_words = pa_malloc((n_doc_t + 1) * sizeof *tgt_words);
    size_t n_tgt_words = doc_words_in(pf->tgt.vocab, d->tgt, tgt_words);
    size_t n = 0, cap = 0;
    uint32_t *links = NULL;
    for (size_t k = 0; k < n_doc_s && n_tgt_words; k++) {
        size_t len;
        const char *w = pa_vocab_string(pf->src.vocab, (uint32_t)k, &len);
        uint32_t id = pa_vocab_find(d->src, w, len);
        if (id >= n_at) continue; /* absent (UINT32_MAX), or interned after the index */
        size_t a = at[id], z = at[id + 1];
        if (a > z || z > n_pairs) continue; /* a damaged cache entry's index */
        for (size_t q = a; q < z; q++) {
            uint32_t t = doc_id_of(tgt_words, n_tgt_words, pairs[2 * q + 1]);
            if (t == UINT32_MAX) continue;
            PA_GROW(links, cap, 2 * n + 2);
            links[2 * n] = (uint32_t)k, links[2 * n + 1] = t;
            n++;
        }
    }
    pa_links_build(out, n_doc_s, n_doc_t, links, n);
    pa_free(links), pa_free(tgt_words), pa_free(own);
}
