/* source.c - see source.h. zlib's gz* functions read plain files as they are
 * and decompress gzip ones, so one code path serves both. */
#include "align/util/source.h"
#include "align/util/alloc.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <stdlib.h>
#include <zlib.h>

struct pa_source {
    gzFile gz;
    char *name;
    int is_stdin;
};

static void close_source(void *s)
{
    pa_source_close(s);
}

pa_source *pa_source_open(const char *path, pa_error *err)
{
    int is_stdin = strcmp(path, "-") == 0;
    const char *name = is_stdin ? "<stdin>" : path;
    /* ours first, so that nothing allocates while the file is open */
    pa_source *s = pa_calloc(1, sizeof *s);
    s->name = pa_strdup(name);
    s->is_stdin = is_stdin;
    int fd;
    if (is_stdin) {
        fd = dup(STDIN_FILENO);
        if (fd < 0) pa_error_set(err, PA_EINPUT, "%s: cannot read: %s", name, strerror(errno));
    } else {
        fd = open(path, O_RDONLY | O_CLOEXEC);
        struct stat st;
        if (fd < 0) {
            pa_error_set(err, PA_EINPUT, "%s: cannot open: %s", name, strerror(errno));
        } else if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
            close(fd), fd = -1;
            pa_error_set(err, PA_EINPUT, "%s: is a directory, not a file", name);
        }
    }
    if (fd >= 0 && !(s->gz = gzdopen(fd, "rb"))) {
        close(fd), fd = -1;
        pa_error_set(err, PA_EINTERNAL, "%s: cannot open (zlib)", name);
    }
    if (fd < 0) {
        pa_free(s->name), pa_free(s);
        return NULL;
    }
    gzbuffer(s->gz, 1 << 16);
    pa_alloc_defer(close_source, s); /* if the library call fails while it is open */
    return s;
}

/* zlib prefixes its messages with "<fd:N>: "; the file name replaces it. */
static const char *zlib_message(const char *msg)
{
    if (strncmp(msg, "<fd:", 4) == 0) {
        const char *c = strstr(msg, ": ");
        if (c) return c + 2;
    }
    return msg;
}

ssize_t pa_source_read(pa_source *s, void *dst, size_t n, pa_error *err)
{
    if (n > INT_MAX / 2) n = INT_MAX / 2;
    int got = gzread(s->gz, dst, (unsigned)n);
    if (got < 0) {
        int zerr;
        const char *msg = gzerror(s->gz, &zerr);
        if (zerr == Z_ERRNO)
            pa_error_set(err, PA_EINPUT, "%s: read error: %s", s->name, strerror(errno));
        else
            pa_error_set(err, PA_EINPUT, "%s: corrupt gzip data: %s", s->name, zlib_message(msg));
        return -1;
    }
    if (got == 0) {
        /* zlib reports a gzip stream cut short only through gzerror. */
        int zerr;
        const char *msg = gzerror(s->gz, &zerr);
        if (zerr != Z_OK && zerr != Z_STREAM_END) {
            pa_error_set(err, PA_EINPUT, "%s: truncated or corrupt gzip data: %s", s->name,
                         zlib_message(msg));
            return -1;
        }
    }
    return got;
}

/* Room for the next read: the read takes whatever room the buffer has, as
 * long as that is at least 4 KiB; below that, capacity doubles (64 KiB at
 * first), as for any buffer, but never past what the limit needs, so that
 * reading a decompression bomb up to a 1 GiB limit holds about 1 GiB, not
 * 2. Growing only when the room runs out matters for small files: a 4 KiB
 * document read into 64 KiB would otherwise be moved into 128 KiB before
 * the read that finds the end, and the move touches (so faults in) every
 * page of both buffers: 34 of a 40-sentence alignment's 286 page faults. */
static void reserve_read(pa_buf *out, size_t start, size_t max_bytes)
{
    if (out->cap && out->cap - out->len - 1 >= (1 << 12)) return;
    size_t need = out->len + (1 << 16) + 1;
    size_t cap = out->cap * 2 > need ? out->cap * 2 : need;
    if (max_bytes) {
        size_t ceiling = start + max_bytes + (1 << 16) + 2; /* the limit, one byte past it, a read */
        if (cap > ceiling) cap = ceiling > need ? ceiling : need;
    }
    out->data = pa_realloc(out->data, cap);
    out->cap = cap;
}

int pa_source_read_all(pa_source *s, pa_buf *out, size_t max_bytes, pa_error *err)
{
    size_t start = out->len;
    for (;;) {
        reserve_read(out, start, max_bytes);
        ssize_t got = pa_source_read(s, out->data + out->len, out->cap - out->len - 1, err);
        if (got < 0) return -1;
        if (got == 0) break;
        out->len += (size_t)got;
        out->data[out->len] = '\0';
        if (max_bytes && out->len - start > max_bytes)
            return pa_error_set(err, PA_EINPUT, "%s: larger than the input limit of %zu bytes (--max-input-bytes)",
                                s->name, max_bytes);
    }
    return 0;
}

const char *pa_source_name(const pa_source *s) { return s->name; }

void pa_source_close(pa_source *s)
{
    if (!s) return;
    pa_alloc_undefer(s);
    gzclose_r(s->gz);
    pa_free(s->name);
    pa_free(s);
}

int pa_read_file(const char *path, pa_buf *out, size_t max_bytes, pa_error *err)
{
    pa_source *s = pa_source_open(path, err);
    if (!s) return -1;
    int rc = pa_source_read_all(s, out, max_bytes, err);
    pa_source_close(s);
    return rc;
}
