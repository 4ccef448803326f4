/* fuzz_manifest - batch manifests (docid<TAB>lang<TAB>path lines), as
 * `polyalign batch MANIFEST.tsv` reads them, then sorted, sharded and
 * checked set by set as the command does.
 *
 * The input is written to a scratch file and read with
 * pa_batch_read_manifest. Beyond "no crash": a manifest is read whole or
 * refused with a message naming FILE:LINE; every set has a docid and files
 * with a language and a path; sorting leaves the DOCIDs in order; the
 * shards of a run (K/3 for K = 1..3) hold every set once.
 */
#include "fuzz.h"
#include "align/pipeline/batch.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 4096) return 0;
    const char *path = fuzz_write_scratch(0, data, size);
    pa_batch b = PA_BATCH_INIT;
    pa_error err;
    pa_error_clear(&err);
    if (pa_batch_read_manifest(&b, path, &err) != 0) {
        FUZZ_CHECK(err.msg[0] && strstr(err.msg, path) == err.msg, "a refusal names the manifest: %s", err.msg);
        FUZZ_CHECK(strchr(err.msg, '\n') == NULL, "one line: %s", err.msg);
        pa_batch_free(&b);
        return 0;
    }
    pa_batch_sort(&b);
    for (size_t k = 0; k < b.n; k++) {
        FUZZ_CHECK(b.sets[k].docid && b.sets[k].docid[0], "set %zu has a docid", k);
        FUZZ_CHECK(k == 0 || strcmp(b.sets[k - 1].docid, b.sets[k].docid) < 0, "sorted, each DOCID once");
        for (size_t f2 = 0; f2 < b.sets[k].n_files; f2++)
            FUZZ_CHECK(b.sets[k].files[f2].path && b.sets[k].files[f2].lang[0], "a file has a path and a language");
    }
    size_t total = b.n, seen = 0;
    for (unsigned s = 1; s <= 3; s++) {
        pa_batch c = PA_BATCH_INIT;
        pa_error_clear(&err);
        int rc = pa_batch_read_manifest(&c, path, &err);
        FUZZ_CHECK(rc == 0, "the same manifest reads again");
        pa_batch_sort(&c);
        pa_batch_shard(&c, s, 3);
        seen += c.n;
        for (size_t k = 0; k < c.n; k++) {
            pa_error e2;
            pa_error_clear(&e2);
            pa_batch_prepare(&c.sets[k], "zh", &e2); /* accepted or refused with a reason, never a crash */
        }
        pa_batch_free(&c);
    }
    FUZZ_CHECK(seen == total, "the shards hold every set once (%zu of %zu)", seen, total);
    pa_batch_free(&b);
    return 0;
}
