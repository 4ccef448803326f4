/* fuzz_dict - dictionary and lexicon files (dict.h) for Chinese-English on
 * arbitrary bytes: CC-CEDICT, hunalign and TSV lines, "# polyalign
 * lexicon" files. Bit 0 of the first byte chooses the direction (zh->en or
 * en->zh); the rest is loaded from a scratch file with pa_dict_load, and its
 * first line is also given to pa_dict_add split at its first tab (or
 * " @ "). The dictionary's links to a small fixed zh/en document pair are
 * then built (pa_dict_links), as the aligner does.
 *
 * With bit 1 set, the rest is instead the cache entry (dict_cache.h) of a
 * small fixed CC-CEDICT file: the entry is mapped and only its parts' sizes
 * checked, so the ids, offsets, table slots and index inside are whatever
 * the bytes say. Links are built from it, then a second fixed file is
 * merged into the dictionary (which copies the mapped vocabularies, vocab.c
 * own) and links are built again. The seeds cache-* are real entries.
 *
 * Beyond "no crash" it asserts that a failure is a one-line error naming
 * the file, a success added entries, and the links are consistent: every
 * id inside the documents' vocabularies, as many links forwards as
 * backwards, each list sorted.
 */
#include "fuzz.h"

#include "align/aligner/dict.h"
#include "align/aligner/dict_cache.h"
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

/* Builds the links of `d` to the fixed pair and checks them. */
static void check_dict_links(const pa_dict *d, int zh_src)
{
    const pa_pair_features *pf = pair_features(zh_src);
    pa_links l;
    memset(&l, 0, sizeof l);
    pa_dict_links(d, pf, &l);
    check_links(&l, pa_vocab_size(pf->src.vocab), pa_vocab_size(pf->tgt.vocab));
    pa_links_free(&l);
}

/* The cache directory of cache mode, made on first use and removed at exit
 * (the other mode runs with the cache off: an entry per input would fill
 * the user's cache directory). */
static char cache_dir[256];
static char cache_entry[4096];

static void cache_remove(void)
{
    if (cache_entry[0]) unlink(cache_entry);
    if (cache_dir[0]) rmdir(cache_dir);
}

static const char fixed_cedict[] = "貓 猫 [mao1] /cat/CL:隻|只[zhi1]/\n魚 鱼 [yu2] /fish/\n"
                                   "老人 老人 [lao3 ren2] /old man; old woman/the elderly/\n雨 雨 [yu3] /rain/\n"
                                   "孩子們 孩子们 [hai2 zi5 men5] /children/\n";
static const char fixed_tsv_zh_en[] = "河边\triver\n花园\tgarden\n唱歌\tsing\n猫\tcat\n";
static const char fixed_tsv_en_zh[] = "river\t河边\ngarden\t花园\nsing\t唱歌\ncat\t猫\n";

/* Cache mode: `entry` as the cache entry of the fixed dictionary. */
static void run_cache_entry(int zh_src, const uint8_t *entry, size_t size)
{
    if (!cache_dir[0]) {
        const char *tmp = getenv("TMPDIR");
        snprintf(cache_dir, sizeof cache_dir, "%s/pa-fuzz-cache-XXXXXX", tmp && *tmp ? tmp : "/tmp");
        FUZZ_CHECK(mkdtemp(cache_dir) != NULL, "cannot create %s", cache_dir);
        atexit(cache_remove);
    }
    setenv("POLYALIGN_CACHE_DIR", cache_dir, 1);
    const char *src = zh_src ? "zh" : "en", *tgt = zh_src ? "en" : "zh";
    const char *dict = fuzz_write_scratch(0, (const uint8_t *)fixed_cedict, sizeof fixed_cedict - 1);
    pa_dict_cache_key key;
    FUZZ_CHECK(pa_dict_cache_key_of(dict, src, tgt, &key) == 0, "no cache entry for %s", dict);
    snprintf(cache_entry, sizeof cache_entry, "%s", key.path);
    FILE *f = fopen(key.path, "wb");
    FUZZ_CHECK(f && fwrite(entry, 1, size, f) == size && fclose(f) == 0, "cannot write %s", key.path);

    pa_dict *d = pa_dict_new(src, tgt);
    pa_error err;
    pa_error_clear(&err);
    FUZZ_CHECK(pa_dict_load(d, dict, &err) == 0, "the fixed dictionary failed: %s", err.msg);
    check_dict_links(d, zh_src);
    const char *more = zh_src ? fixed_tsv_zh_en : fixed_tsv_en_zh;
    const char *second = fuzz_write_scratch(1, (const uint8_t *)more, strlen(more));
    FUZZ_CHECK(pa_dict_load(d, second, &err) == 0, "the second fixed file failed: %s", err.msg);
    check_dict_links(d, zh_src);
    pa_dict_free(d);
    setenv("POLYALIGN_CACHE_DIR", "off", 1);
}

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
    if (data[0] & 2) {
        run_cache_entry(zh_src, data + 1, size - 1);
        return 0;
    }
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
    check_dict_links(d, zh_src);
    pa_dict_free(d);
    return 0;
}
