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
#define CACHE_FORMAT "polyalign dict cache 2"

/* FNV-1a over `n` bytes, continuing from `h`. */
static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
    const unsigned char *s = p;
    for (size_t k = 0; k < n; k++) h = (h ^ s[k]) * 1099511628211ULL;
    return h;
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
    uint64_t h = fnv(14695981039346656037ULL, CACHE_FORMAT, sizeof CACHE_FORMAT);
    h = fnv(h, src, strlen(src) + 1);
    h = fnv(h, tgt, strlen(tgt) + 1);
    char chunk[1 << 16];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) h = fnv(h, chunk, got);
    int bad = ferror(f);
    fclose(f);
    if (bad) return -1;
    snprintf(key->path, sizeof key->path, "%s/dict-%s-%s-%016llx.bin", dir, src, tgt, (unsigned long long)h);
    return 0;
}

/* Entry layout: the format line padded with NULs to HEADER bytes,
 * snapshots of the source and target word vocabularies (pa_vocab_dump),
 * the number of pairs (uint64) and the pairs (uint32 ids). The entry is
 * mapped, not read: a document touches only the pages of its own words. */
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
    if ((uint64_t)(end - p) != np * 8) goto fail;
    const uint32_t *pairs = (const uint32_t *)(const void *)p;
    size_t ns = pa_vocab_size(s), nt = pa_vocab_size(t);
    for (uint64_t k = 0; k < np; k++)
        if (pairs[2 * k] >= ns || pairs[2 * k + 1] >= nt) goto fail;
    out->src = s, out->tgt = t, out->pairs = pairs, out->n_pairs = (size_t)np;
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
                         size_t n)
{
    if (!key->path[0] || n == 0) return;
    pa_buf b = PA_BUF_INIT;
    char header[HEADER] = {0};
    memcpy(header, CACHE_FORMAT, sizeof CACHE_FORMAT);
    pa_buf_append(&b, header, sizeof header);
    uint64_t np = n;
    if (pa_vocab_dump(sv, &b) == 0 && pa_vocab_dump(tv, &b) == 0) {
        pa_buf_append(&b, &np, sizeof np);
        pa_buf_append(&b, pairs, n * 2 * sizeof *pairs);
        pa_error err;
        pa_output *o = pa_output_open(key->path, 0, &err);
        if (o) {
            if (pa_output_write(o, b.data, b.len, &err) == 0) pa_output_commit(o, &err);
            else pa_output_abort(o);
        }
    }
    pa_buf_free(&b);
}
