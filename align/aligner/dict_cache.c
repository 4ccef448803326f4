/* dict_cache.c - see dict_cache.h. */
#include "align/aligner/dict_cache.h"
#include "align/util/alloc.h"
#include "align/util/buf.h"
#include "align/util/output.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* Bump when the pairs a file yields may change (parser, stemmer, stopwords,
 * NFC, this format): old entries are then never read. */
#define CACHE_FORMAT "polyalign dict cache 3"

/* A 64-bit hash of a stream of bytes: four lanes that each take 8 bytes at
 * a time (multiply, rotate), mixed at the end. The key is worked out from
 * the whole dictionary file on every load, and a byte-at-a-time hash
 * (FNV-1a) spent 27M instructions, 7 ms, on CC-CEDICT's 3.9 MB: as long as
 * the rest of aligning a short document. This one spends about half an
 * instruction a byte. Words are read in native byte order, as the entries
 * themselves are (a cache, not an exchange format). */
typedef struct stream_hash {
    uint64_t lane[4], total;
    unsigned char tail[32]; /* bytes short of a 32-byte stripe */
    size_t n_tail;
} stream_hash;

#define MIX_A 0x9E3779B185EBCA87ULL
#define MIX_B 0xC2B2AE3D27D4EB4FULL

static inline uint64_t rotl64(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }
static inline uint64_t lane_step(uint64_t acc, uint64_t w) { return rotl64(acc + w * MIX_B, 31) * MIX_A; }

static inline uint64_t word_at(const unsigned char *p)
{
    uint64_t w;
    memcpy(&w, p, sizeof w);
    return w;
}

static void stream_hash_init(stream_hash *h, uint64_t seed)
{
    h->lane[0] = seed + MIX_A + MIX_B, h->lane[1] = seed + MIX_B, h->lane[2] = seed, h->lane[3] = seed - MIX_A;
    h->total = 0, h->n_tail = 0;
}

/* Whole stripes: `n` a multiple of 32. */
static void stream_hash_stripes(stream_hash *h, const unsigned char *p, size_t n)
{
    uint64_t a = h->lane[0], b = h->lane[1], c = h->lane[2], d = h->lane[3];
    for (; n; n -= 32, p += 32) {
        a = lane_step(a, word_at(p));
        b = lane_step(b, word_at(p + 8));
        c = lane_step(c, word_at(p + 16));
        d = lane_step(d, word_at(p + 24));
    }
    h->lane[0] = a, h->lane[1] = b, h->lane[2] = c, h->lane[3] = d;
}

static void stream_hash_add(stream_hash *h, const void *data, size_t n)
{
    const unsigned char *p = data;
    h->total += n;
    if (h->n_tail) {
        size_t take = 32 - h->n_tail < n ? 32 - h->n_tail : n;
        memcpy(h->tail + h->n_tail, p, take);
        h->n_tail += take, p += take, n -= take;
        if (h->n_tail < 32) return;
        stream_hash_stripes(h, h->tail, 32);
        h->n_tail = 0;
    }
    size_t whole = n & ~(size_t)31;
    stream_hash_stripes(h, p, whole);
    memcpy(h->tail, p + whole, n - whole);
    h->n_tail = n - whole;
}

static uint64_t stream_hash_end(const stream_hash *h)
{
    uint64_t x = rotl64(h->lane[0], 1) + rotl64(h->lane[1], 7) + rotl64(h->lane[2], 12) + rotl64(h->lane[3], 18);
    for (int k = 0; k < 4; k++) x = (x ^ lane_step(0, h->lane[k])) * MIX_A + MIX_B;
    x += h->total;
    for (size_t k = 0; k < h->n_tail; k++) x = rotl64(x ^ (h->tail[k] * MIX_A), 11) * MIX_B;
    x ^= x >> 33, x *= MIX_B, x ^= x >> 29, x *= MIX_A, x ^= x >> 32;
    return x;
}

/* The cache directory, created if missing; NULL when caching is off. */
static const char *cache_dir(char *buf, size_t cap)
{
    const char *d = getenv("POLYALIGN_CACHE_DIR");
    if (d && strcmp(d, "off") == 0) return NULL;
    if (d && *d) snprintf(buf, cap, "%s", d);
    else if ((d = getenv("XDG_CACHE_HOME")) && *d == '/') snprintf(buf, cap, "%s/polyalign", d);
    else if ((d = getenv("HOME")) && *d == '/') snprintf(buf, cap, "%s/.cache/polyalign", d);
    else return NULL;
    /* mkdir -p, one level at a time */
    for (char *s = buf + 1;; s++) {
        if (*s == '/' || *s == '\0') {
            char c = *s;
            *s = '\0';
            int rc = mkdir(buf, 0700);
            *s = c;
            if (rc != 0 && errno != EEXIST) return NULL;
            if (!c) break;
        }
    }
    return buf;
}

int pa_dict_cache_key_of(const char *path, const char *src, const char *tgt, pa_dict_cache_key *key)
{
    key->path[0] = '\0';
    char dir[3072];
    if (strcmp(path, "-") == 0 || !cache_dir(dir, sizeof dir)) return -1;
    FILE *f = fopen(path, "rb");
    if (!f) return -1;
    stream_hash h;
    stream_hash_init(&h, 0);
    stream_hash_add(&h, CACHE_FORMAT, sizeof CACHE_FORMAT);
    stream_hash_add(&h, src, strlen(src) + 1);
    stream_hash_add(&h, tgt, strlen(tgt) + 1);
    char chunk[1 << 16];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) stream_hash_add(&h, chunk, got);
    int bad = ferror(f);
    fclose(f);
    if (bad) return -1;
    snprintf(key->path, sizeof key->path, "%s/dict-%s-%s-%016llx.bin", dir, src, tgt,
             (unsigned long long)stream_hash_end(&h));
    return 0;
}

/* Entry layout: the format line padded with NULs to HEADER bytes,
 * snapshots of the source and target word vocabularies (pa_vocab_dump),
 * the number of pairs (uint64), the pairs (uint32 ids) in order of source
 * id, and where each source id's pairs start (uint32, one more than the
 * source words), padded to 8 bytes. The entry is mapped, not read: a
 * document touches only the pages of its own words. So reading it checks
 * only that the parts fit the file, not every id and offset in them (that
 * touched all 10 MB of CC-CEDICT's entry, and cost 10M instructions and
 * 300 page faults, more than the rest of a short document's dictionary
 * work); the vocabularies and pa_dict_links check what they read. */
#define HEADER 32

int pa_dict_cache_read(const pa_dict_cache_key *key, pa_dict_cache_view *out)
{
    memset(out, 0, sizeof *out);
    if (!key->path[0]) return -1;
    int fd = open(key->path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    struct stat st;
    void *map = MAP_FAILED;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size >= HEADER + 8)
        map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (map == MAP_FAILED) return -1;
    size_t size = (size_t)st.st_size;
    const char *base = map, *end = base + size, *p = base + HEADER;
    pa_vocab *s = NULL, *t = NULL;
    uint64_t np;
    if (memcmp(base, CACHE_FORMAT, sizeof CACHE_FORMAT) != 0) goto fail;
    if (!(s = pa_vocab_view(&p, end)) || !(t = pa_vocab_view(&p, end))) goto fail;
    if ((size_t)(end - p) < sizeof np) goto fail;
    memcpy(&np, p, sizeof np);
    p += sizeof np;
    uint64_t index_bytes = ((uint64_t)pa_vocab_size(s) + 1) * 4;
    if (np > (uint64_t)(end - p) / 8 || (uint64_t)(end - p) - np * 8 != ((index_bytes + 7) & ~(uint64_t)7)) goto fail;
    out->src = s, out->tgt = t, out->pairs = (const uint32_t *)(const void *)p, out->n_pairs = (size_t)np;
    out->src_at = (const uint32_t *)(const void *)(p + np * 8);
    out->map = map, out->map_len = size;
    return 0;
fail:
    pa_vocab_free(s), pa_vocab_free(t);
    munmap(map, size);
    return -1;
}

void pa_dict_cache_release(void *map, size_t len)
{
    if (map) munmap(map, len);
}

void pa_dict_cache_write(const pa_dict_cache_key *key, const pa_vocab *sv, const pa_vocab *tv, const uint32_t *pairs,
                         size_t n, const uint32_t *src_at)
{
    if (!key->path[0] || n == 0 || n > UINT32_MAX) return;
    pa_buf b = PA_BUF_INIT;
    char header[HEADER] = {0};
    memcpy(header, CACHE_FORMAT, sizeof CACHE_FORMAT);
    pa_buf_append(&b, header, sizeof header);
    uint64_t np = n;
    if (pa_vocab_dump(sv, &b) == 0 && pa_vocab_dump(tv, &b) == 0) {
        pa_buf_append(&b, &np, sizeof np);
        pa_buf_append(&b, pairs, n * 2 * sizeof *pairs);
        size_t index_bytes = (pa_vocab_size(sv) + 1) * sizeof *src_at;
        static const char pad[8] = {0};
        pa_buf_append(&b, src_at, index_bytes);
        pa_buf_append(&b, pad, -index_bytes & 7);
        pa_error err;
        pa_output *o = pa_output_open(key->path, 0, &err);
        if (o) {
            if (pa_output_write(o, b.data, b.len, &err) == 0) pa_output_commit(o, &err);
            else pa_output_abort(o);
        }
    }
    pa_buf_free(&b);
}
