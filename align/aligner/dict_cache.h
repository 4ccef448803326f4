/* dict_cache.h - dictionaries loaded in milliseconds the second time.
 *
 * Parsing CC-CEDICT (124k entries: decompression, NFC, splitting glosses,
 * stemming) takes most of a second; the word pairs it yields depend only on
 * the file's bytes and the language pair. So after a dictionary file is
 * parsed into an empty dictionary, the dictionary (its two word
 * vocabularies as they are in memory, and its pairs) is written to a cache
 * file named by a 64-bit hash of the file's raw bytes and the language
 * pair; the next load of the same bytes into an empty dictionary maps it
 * instead (no parsing, no copying; a document touches only the pages of its
 * words): the same ids and pairs, so the same alignments. The directory is
 * $POLYALIGN_CACHE_DIR, else $XDG_CACHE_HOME/polyalign, else
 * $HOME/.cache/polyalign; POLYALIGN_CACHE_DIR=off disables the cache.
 * A cache that cannot be read or written is ignored (the file is parsed);
 * cache files are written to a temporary and renamed, so concurrent
 * processes never see half of one. Standard input is never cached. */
#ifndef PA_DICT_CACHE_H
#define PA_DICT_CACHE_H

#include <stddef.h>
#include <stdint.h>

#include "align/aligner/vocab.h"

/* Where a dictionary file's cache entry is (filled by pa_dict_cache_key). */
typedef struct pa_dict_cache_key {
    char path[4096]; /* the cache file; empty = no caching */
} pa_dict_cache_key;

/* Computes the cache entry of dictionary file `path` for the pair
 * src-tgt. Returns 0, or -1 when the file is not cached (standard input,
 * unreadable, caching off). */
int pa_dict_cache_key_of(const char *path, const char *src, const char *tgt, pa_dict_cache_key *key);

/* A cache entry mapped into memory: vocabularies and pairs that read it in
 * place (release the mapping after freeing the vocabularies). */
typedef struct pa_dict_cache_view {
    pa_vocab *src, *tgt;
    const uint32_t *pairs; /* in order of source id */
    size_t n_pairs;
    const uint32_t *src_at; /* source id k's pairs start at pair src_at[k] (unchecked) */
    void *map;
    size_t map_len;
} pa_dict_cache_view;

/* Maps the entry: 0 with `out` filled (the same ids, pairs and index as
 * when it was written), or -1 when there is no entry or its parts do not
 * fit its size. The ids and offsets inside are not checked here (that
 * would touch every page): readers check what they use. */
int pa_dict_cache_read(const pa_dict_cache_key *key, pa_dict_cache_view *out);

/* Unmaps an entry (NULL is fine). */
void pa_dict_cache_release(void *map, size_t len);

/* Writes a dictionary made of one file's pairs (in order of source id,
 * `src_at` where each source id's start: pa_vocab_size(sv) + 1 entries)
 * as the entry; failures are ignored. */
void pa_dict_cache_write(const pa_dict_cache_key *key, const pa_vocab *sv, const pa_vocab *tv, const uint32_t *pairs,
                         size_t n, const uint32_t *src_at);

#endif
