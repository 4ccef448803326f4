/* zip.c - see zip.h. Offsets and layouts are those of PKWARE's APPNOTE:
 * the end-of-central-directory record (22 bytes and a comment), central
 * directory headers (46 bytes, name, extra, comment), local headers (30
 * bytes, name, extra, then the data). */
#include "align/readers/zip.h"
#include "align/util/alloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

typedef struct entry {
    const char *name; /* into the archive's bytes, not NUL-terminated */
    size_t nlen;
    unsigned flags, method;
    uint32_t crc;
    size_t csize, usize, local;
} entry;

struct pa_zip {
    char *name;
    const unsigned char *bytes;
    size_t len, max_entry;
    entry *entries;
    size_t n;
};

static uint32_t le16(const unsigned char *p) { return (uint32_t)p[0] | (uint32_t)p[1] << 8; }
static uint32_t le32(const unsigned char *p) { return le16(p) | le16(p + 2) << 16; }

void pa_zip_close(pa_zip *z)
{
    if (!z) return;
    pa_free(z->entries);
    pa_free(z->name);
    pa_free(z);
}

/* True when an entry name could write outside a directory if the archive
 * were unpacked: absolute, a drive letter, a backslash, a ".." component
 * or a NUL byte. */
static int unsafe_name(const char *s, size_t n)
{
    if (n == 0 || s[0] == '/' || memchr(s, '\\', n) || memchr(s, '\0', n)) return 1;
    if (n >= 2 && s[1] == ':') return 1;
    for (size_t a = 0; a < n;) {
        size_t b = a;
        while (b < n && s[b] != '/') b++;
        if (b - a == 2 && s[a] == '.' && s[a + 1] == '.') return 1;
        a = b + 1;
    }
    return 0;
}

/* Finds the end-of-central-directory record: the last signature within
 * the 64 KiB comment's reach whose comment length ends at the file's end
 * (or, for a stray signature in a comment, any). */
static size_t find_end_record(const unsigned char *b, size_t len)
{
    if (len < 22) return SIZE_MAX;
    size_t lo = len - 22 > 65535 ? len - 22 - 65535 : 0;
    for (size_t i = len - 22 + 1; i-- > lo;)
        if (b[i] == 'P' && b[i + 1] == 'K' && b[i + 2] == 5 && b[i + 3] == 6) return i;
    return SIZE_MAX;
}

/* Reads the central directory that the record at `eocd` describes. */
static int read_directory(pa_zip *z, size_t eocd, pa_error *err)
{
    const unsigned char *e = z->bytes + eocd;
    uint32_t disk = le16(e + 4), cd_disk = le16(e + 6), count = le16(e + 10);
    uint32_t cd_size = le32(e + 12), cd_off = le32(e + 16);
    if (count == 0xFFFF || cd_size == 0xFFFFFFFFu || cd_off == 0xFFFFFFFFu)
        return pa_error_set(err, PA_EINPUT, "%s: a ZIP64 container; not read", z->name);
    if (disk != 0 || cd_disk != 0 || le16(e + 8) != count)
        return pa_error_set(err, PA_EINPUT, "%s: a ZIP archive in several parts; not read", z->name);
    if ((size_t)cd_off > eocd || (size_t)cd_size > eocd - cd_off)
        return pa_error_set(err, PA_EINPUT, "%s: truncated or corrupt ZIP file (its directory lies outside it)",
                            z->name);
    z->entries = pa_calloc(count ? count : 1, sizeof *z->entries);
    size_t p = cd_off, end = (size_t)cd_off + cd_size;
    for (uint32_t k = 0; k < count; k++) {
        const unsigned char *h = z->bytes + p;
        if (end - p < 46 || le32(h) != 0x02014b50)
            return pa_error_set(err, PA_EINPUT, "%s: corrupt ZIP directory (entry %u)", z->name, k + 1);
        size_t nlen = le16(h + 28), more = nlen + le16(h + 30) + le16(h + 32);
        if (end - p - 46 < more)
            return pa_error_set(err, PA_EINPUT, "%s: corrupt ZIP directory (entry %u)", z->name, k + 1);
        entry *en = &z->entries[z->n++];
        *en = (entry){(const char *)h + 46, nlen, le16(h + 8), le16(h + 10), le32(h + 16), le32(h + 20),
                      le32(h + 24), le32(h + 42)};
        if (en->csize == 0xFFFFFFFFu || en->usize == 0xFFFFFFFFu || en->local == 0xFFFFFFFFu)
            return pa_error_set(err, PA_EINPUT, "%s: a ZIP64 container; not read", z->name);
        if (unsafe_name(en->name, nlen))
            return pa_error_set(err, PA_EINPUT, "%s: unsafe entry name '%.*s' in the ZIP container; refused", z->name,
                                (int)(nlen > 200 ? 200 : nlen), en->name);
        p += 46 + more;
    }
    return 0;
}

pa_zip *pa_zip_open(const char *name, const char *bytes, size_t len, size_t max_entry, pa_error *err)
{
    pa_zip *z = pa_calloc(1, sizeof *z);
    z->name = pa_strdup(name ? name : "input");
    z->bytes = (const unsigned char *)bytes;
    z->len = len;
    z->max_entry = max_entry;
    size_t eocd = find_end_record(z->bytes, len);
    if (eocd == SIZE_MAX) {
        pa_error_set(err, PA_EINPUT, "%s: truncated or not a ZIP file (no end-of-directory record)", z->name);
        pa_zip_close(z);
        return NULL;
    }
    if (read_directory(z, eocd, err) != 0) {
        pa_zip_close(z);
        return NULL;
    }
    return z;
}

static const entry *find_entry(const pa_zip *z, const char *name)
{
    size_t n = strlen(name);
    for (size_t k = 0; k < z->n; k++)
        if (z->entries[k].nlen == n && memcmp(z->entries[k].name, name, n) == 0) return &z->entries[k];
    return NULL;
}

int pa_zip_has(const pa_zip *z, const char *name) { return find_entry(z, name) != NULL; }

/* Inflates the raw deflate stream src[0..n) into out, which has room for
 * exactly `size` bytes; -1 when the stream is corrupt or its size is not
 * `size`. */
static int inflate_exact(const unsigned char *src, size_t n, unsigned char *out, size_t size)
{
    z_stream s;
    memset(&s, 0, sizeof s);
    if (inflateInit2(&s, -MAX_WBITS) != Z_OK) return -1;
    s.next_in = (Bytef *)src;
    s.avail_in = (uInt)n;
    s.next_out = out;
    s.avail_out = (uInt)size;
    int rc = inflate(&s, Z_FINISH);
    int ok = rc == Z_STREAM_END && s.total_out == size;
    if (rc == Z_BUF_ERROR && s.avail_out == 0) {
        /* Full: more output means the entry is larger than declared. */
        unsigned char extra[1];
        s.next_out = extra, s.avail_out = 1;
        rc = inflate(&s, Z_FINISH);
        ok = rc == Z_STREAM_END && s.total_out == size;
    }
    inflateEnd(&s);
    return ok ? 0 : -1;
}

int pa_zip_read(const pa_zip *z, const char *name, pa_buf *out, pa_error *err)
{
    const entry *en = find_entry(z, name);
    pa_buf_reset(out);
    if (!en) return pa_error_set(err, PA_EINPUT, "%s: no %s in the ZIP container", z->name, name);
    if (en->flags & 1) return pa_error_set(err, PA_EINPUT, "%s: %s is encrypted; not read", z->name, name);
    if (en->method != 0 && en->method != 8)
        return pa_error_set(err, PA_EINPUT, "%s: %s is compressed with method %u; not read", z->name, name,
                            en->method);
    if (en->usize > z->max_entry)
        return pa_error_set(err, PA_EINPUT, "%s: %s would expand to %zu bytes, more than the limit of %zu", z->name,
                            name, en->usize, z->max_entry);
    if (en->usize > PA_ZIP_RATIO_FLOOR && en->usize / (en->csize ? en->csize : 1) > PA_ZIP_MAX_RATIO)
        return pa_error_set(err, PA_EINPUT, "%s: %s would expand %zu times (a zip bomb?); refused", z->name, name,
                            en->usize / (en->csize ? en->csize : 1));
    const unsigned char *h = z->bytes + en->local;
    if (en->local > z->len || z->len - en->local < 30 || le32(h) != 0x04034b50)
        return pa_error_set(err, PA_EINPUT, "%s: truncated or corrupt ZIP file (%s)", z->name, name);
    size_t data = en->local + 30 + le16(h + 26) + le16(h + 28);
    if (data > z->len || z->len - data < en->csize)
        return pa_error_set(err, PA_EINPUT, "%s: truncated or corrupt ZIP file (%s)", z->name, name);
    pa_buf_reserve(out, en->usize);
    int rc = 0;
    if (en->method == 0) {
        if (en->csize != en->usize) rc = -1;
        else memcpy(out->data, z->bytes + data, en->usize);
    } else {
        rc = inflate_exact(z->bytes + data, en->csize, (unsigned char *)out->data, en->usize);
    }
    if (rc != 0)
        return pa_error_set(err, PA_EINPUT, "%s: corrupt ZIP entry %s (it does not expand to its declared size)",
                            z->name, name);
    if (crc32(0L, (const Bytef *)out->data, (uInt)en->usize) != en->crc)
        return pa_error_set(err, PA_EINPUT, "%s: corrupt ZIP entry %s (CRC mismatch)", z->name, name);
    out->len = en->usize;
    out->data[out->len] = '\0';
    return 0;
}
