/* fuzz_dict - dictionary and lexicon files (dict.h) for Chinese-English on
 * arbitrary bytes: CC-CEDICT, hunalign and TSV lines, "# polyalign
 * lexicon" files. The first byte chooses the direction (zh->en or en->zh);
 * the rest is loaded from a scratch file with pa_dict_load, and its first
 * line is also given to pa_dict_add split at its first tab (or " @ "). The
 * dictionary's links to a small fixed zh/en document pair are then built
 * (pa_dict_links), as the aligner does.
 *
 * Beyond "no crash" it asserts that a failure is a one-line error naming
 * the file, a success added entries, and the links are consistent: every
 * id inside the documents' vocabularies, as many links forwards as
 * backwards, each list sorted.
 */
#include "fuzz.h"

#include "align/aligner/dict.h"
#include "align/aligner/features.h"
#include "align/aligner/links.h"

static const char zh_text[] = "猫喜欢吃鱼。\n老人每天早上在河边散步。\n雨停了。\n孩子们在花园里唱歌。\n";
static const char en_text[] = "The cat likes to eat fish.\nEvery morning the old man walks by the river.\n"
                              "The rain stopped.\nThe children sing in the garden.\n";

/* A pre-split document of `text`. */
static pa_document *make_doc(const char *lang, const char *text)
{
    pa_document *d = pa_document_new(lang, lang);
    pa_document_set_text(d, pa_strdup(text), strlen(text));
    pa_document_split_lines(d);
    return d;
}

/* The features of the fixed pair, source side first (zh->en when
 * `zh_src`), built once per process. */
static const pa_pair_features *pair_features(int zh_src)
{
    static pa_pair_features pf[2];
    static int built[2];
    if (!built[zh_src]) {
        pa_error err;
        pa_error_clear(&err);
        pa_feature_extractor *fx = pa_feature_extractor_new(&err);
        FUZZ_CHECK(fx != NULL, "%s", err.msg);
        pa_document *zh = make_doc("zh", zh_text), *en = make_doc("en", en_text);
        int rc = zh_src ? pa_pair_features_build(fx, zh, en, &pf[1], &err)
                        : pa_pair_features_build(fx, en, zh, &pf[0], &err);
        FUZZ_CHECK(rc == 0, "%s", err.msg);
        pa_document_free(zh), pa_document_free(en);
        pa_feature_extractor_free(fx);
        built[zh_src] = 1;
    }
    return &pf[zh_src];
}

/* Asserts the CSR tables of `l` hold `n_src` x `n_tgt` ids consistently. */
static void check_links(const pa_links *l, size_t n_src, size_t n_tgt)
{
    FUZZ_CHECK(l->n_src == n_src && l->n_tgt == n_tgt, "links over %zu x %zu words, vocabularies %zu x %zu",
               l->n_src, l->n_tgt, n_src, n_tgt);
    size_t nf = l->fwd_at ? l->fwd_at[l->n_src] : 0, nb = l->bwd_at ? l->bwd_at[l->n_tgt] : 0;
    FUZZ_CHECK(nf == nb, "%zu links forwards, %zu backwards", nf, nb);
    for (size_t s = 0; s < l->n_src; s++)
        for (size_t k = l->fwd_at[s]; k < l->fwd_at[s + 1]; k++) {
            FUZZ_CHECK(l->fwd[k] < n_tgt, "source word %zu links to target id %u", s, l->fwd[k]);
            FUZZ_CHECK(k == l->fwd_at[s] || l->fwd[k - 1] <= l->fwd[k], "links of source word %zu unsorted", s);
        }
    for (size_t t = 0; t < l->n_tgt; t++)
        for (size_t k = l->bwd_at[t]; k < l->bwd_at[t + 1]; k++)
            FUZZ_CHECK(l->bwd[k] < n_src, "target word %zu links to source id %u", t, l->bwd[k]);
}

/* No dictionary cache (dict_cache.h): an entry per input would fill the
 * user's cache directory. */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    setenv("POLYALIGN_CACHE_DIR", "off", 1);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) return 0;
    int zh_src = data[0] & 1;
    const char *path = fuzz_write_scratch(0, data + 1, size - 1);
    pa_dict *d = zh_src ? pa_dict_new("zh", "en") : pa_dict_new("en", "zh");
    pa_error err;
    pa_error_clear(&err);
    if (pa_dict_load(d, path, &err) == 0) {
        FUZZ_CHECK(pa_dict_size(d) > 0, "a dictionary loaded without entries");
    } else {
        FUZZ_CHECK(err.code == PA_EINPUT && strncmp(err.msg, path, strlen(path)) == 0 && !strchr(err.msg, '\n'),
                   "failure with code %d, message not naming the file: %s", err.code, err.msg);
    }
    /* The first line as one entry. */
    const char *line = (const char *)data + 1, *nl = memchr(line, '\n', size - 1);
    size_t len = nl ? (size_t)(nl - line) : size - 1;
    const char *tab = memchr(line, '\t', len);
    size_t sep = 1;
    if (!tab)
        for (size_t k = 0; k + 3 <= len && !tab; k++)
            if (memcmp(line + k, " @ ", 3) == 0) tab = line + k, sep = 3;
    if (tab) pa_dict_add(d, line, (size_t)(tab - line), tab + sep, len - (size_t)(tab - line) - sep);

    const pa_pair_features *pf = pair_features(zh_src);
    pa_links l;
    memset(&l, 0, sizeof l);
    pa_dict_links(d, pf, &l);
    check_links(&l, pa_vocab_size(pf->src.vocab), pa_vocab_size(pf->tgt.vocab));
    pa_links_free(&l);
    pa_dict_free(d);
    return 0;
}
