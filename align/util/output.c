/* output.c - see output.h. zlib's gz* writer serves both compressed ("wb6")
 * and plain ("wbT", transparent) output, so there is one write path. */
#include "align/util/output.h"
#include "align/util/alloc.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

struct pa_output {
    gzFile gz;
    char *name;     /* target as given, for messages */
    char *target;   /* the file to rename onto (a symbolic link resolved) */
    char *tmpname;  /* NULL when written in place (standard output, pipes, devices) */
    int sync_fd;    /* the temporary file again, to fsync it after zlib closed its own, and to
                       hold its lock until the rename; -1 = none */
    int fd;         /* the descriptor zlib writes to */
    int finished;   /* pa_output_finish succeeded: only the rename is left */
    size_t bytes;   /* written so far, before compression */
    int failed;
};

const char *pa_output_name(const pa_output *o) { return o->name; }

size_t pa_output_bytes(const pa_output *o) { return o->bytes; }

int pa_output_refuse_inputs(const char *path, const char *const *inputs, size_t n, pa_error *err)
{
    struct stat out, in;
    /* an output that does not exist yet cannot be an existing input */
    if (strcmp(path, "-") == 0 || stat(path, &out) != 0 || !S_ISREG(out.st_mode)) return 0;
    for (size_t k = 0; k < n; k++) {
        if (!inputs[k]) continue;
        /* "-" is standard input, perhaps redirected from the output file */
        if (strcmp(inputs[k], "-") == 0 ? fstat(STDIN_FILENO, &in) != 0 : stat(inputs[k], &in) != 0) continue;
        if (in.st_dev == out.st_dev && in.st_ino == out.st_ino)
            return pa_error_set(err, PA_EUSAGE, "%s: the output is the input file %s; give another output", path,
                                inputs[k]);
    }
    return 0;
}

int pa_path_is_gzip(const char *path)
{
    size_t n = strlen(path);
    return n >= 3 && strcasecmp(path + n - 3, ".gz") == 0;
}

int pa_path_is_parallel(const char *path)
{
    size_t n = strlen(path) - (pa_path_is_gzip(path) ? 3 : 0);
    return n >= 4 && (strncasecmp(path + n - 4, ".tmx", 4) == 0 || strncasecmp(path + n - 4, ".tsv", 4) == 0);
}

/* Eight hex digits naming this machine, so that a temporary file says
 * whose it is: the pid in its name means something only on its host (an
 * output folder may be shared by several machines). */
static void host_tag(char tag[9])
{
    char host[256] = "";
    gethostname(host, sizeof host - 1);
    uint32_t h = 2166136261u; /* FNV-1a */
    for (const char *p = host; *p; p++) h = (h ^ (unsigned char)*p) * 16777619u;
    snprintf(tag, 9, "%08x", (unsigned)h);
}

/* The start of the temporary names this host gives "dir/name":
 * ".name.tmp-HOST-" (a slot number follows). */
static char *temp_prefix(const char *base)
{
    char tag[9];
    host_tag(tag);
    size_t n = strlen(base) + 32;
    char *p = pa_malloc(n);
    snprintf(p, n, ".%s.tmp-%s-", base, tag);
    return p;
}

/* Whether `fd`, locked, is still the file `name` names in directory `dir`
 * (AT_FDCWD: the working directory): another process may have removed the
 * name between our open and our lock. */
static int still_named(int dir, const char *name, int fd)
{
    struct stat a, b;
    return fstat(fd, &a) == 0 && fstatat(dir, name, &b, AT_SYMLINK_NOFOLLOW) == 0 &&
           a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

/* Removes the temporary file `name` of `dir` (AT_FDCWD: the working directory)
 * if no live writer holds it: a writer locks its file from creation to
 * rename, so one that can be locked was left by a process that died
 * (SIGKILL, a crash, a power cut). Returns 1 when removed. */
static int remove_if_stale(int dir, const char *name)
{
    int fd = openat(dir, name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (fd < 0) return 0;
    int removed = flock(fd, LOCK_EX | LOCK_NB) == 0 && still_named(dir, name, fd) &&
                  unlinkat(dir, name, 0) == 0;
    close(fd);
    return removed;
}

/* Another host's temporaries are never touched: its locks may not be
 * visible from here. */
size_t pa_output_remove_stale(const char *dir)
{
    char tag[9], mark[32];
    host_tag(tag);
    snprintf(mark, sizeof mark, ".tmp-%s-", tag);
    size_t removed = 0;
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL)
        if (e->d_name[0] == '.' && strstr(e->d_name, mark)) removed += remove_if_stale(dirfd(d), e->d_name);
    if (d) closedir(d);
    return removed;
}

/* Temporary slots an output can have: one per concurrent writer of the
 * same output on this host. */
#define TEMP_SLOTS 64

/* Writes slot number `k` after the stem of the temporary name `t` (of
 * `n` bytes). */
static void name_slot(char *t, size_t n, size_t stem, int k)
{
    snprintf(t + stem, n - stem, "%d", k);
}

/* Opens slot `k` of "dir/.name.tmp-HOST-" (`t`, the name with room for the
 * number) for writing, locked and empty: a new file, or one a dead writer
 * left. Returns the descriptor, -1 when the slot is busy (a live writer's
 * lock; not ours to reuse), -2 with errno set when the file cannot be
 * made at all. */
static int open_slot(char *t, size_t n, size_t stem, int k)
{
    name_slot(t, n, stem, k);
    for (int attempt = 0; attempt < 8; attempt++) {
        int fd = open(t, O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0666);
        if (fd < 0) {
            /* a name taken by something not ours to write is passed over;
             * a folder we may not write to is an error */
            struct stat st;
            int e = errno, taken = e == ELOOP || e == EISDIR || e == ENXIO || (e == EACCES && lstat(t, &st) == 0);
            errno = e;
            return taken ? -1 : -2;
        }
        struct stat st;
        /* only a plain file of ours, named once (truncating a hard link
         * would empty another file) */
        if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_uid != geteuid() || st.st_nlink != 1) {
            close(fd);
            return -1;
        }
        fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK); /* it was for a FIFO's open only */
        if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
            int busy = errno == EWOULDBLOCK;
            close(fd);
            if (busy) return -1;
            /* no locks on this file system: a slot cannot tell a live
             * writer from a dead one */
            errno = ENOLCK;
            return -2;
        }
        if (!still_named(AT_FDCWD, t, fd)) { /* a sweeper removed it before our lock: again */
            close(fd);
            continue;
        }
        if (st.st_size != 0 && ftruncate(fd, 0) != 0) { /* a dead writer's bytes */
            int e = errno;
            close(fd);
            errno = e;
            return -2;
        }
        return fd;
    }
    return -1;
}

/* Creates "dir/.name.tmp-HOST-K" for "dir/name", in the same directory so
 * that the final rename cannot cross file systems, K the first slot no
 * live writer holds. The names are fixed, not random, so that a file a
 * killed run left is found by name, reused by the next write of the same
 * output, and removed with the slots above it that are stale too: no
 * listing of the directory, which would cost every write the size of a
 * folder of thousands of outputs. open() with mode 0666 lets the umask set
 * the permissions, as for any new file. */
static int create_temp(const char *path, char **tmpname)
{
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
    char *prefix = temp_prefix(path + dirlen);
    size_t n = strlen(path) + strlen(prefix) + 16;
    char *t = pa_malloc(n);
    int stem = snprintf(t, n, "%.*s%s", (int)dirlen, path, prefix);
    pa_free(prefix);
    int fd = -1, k = 0;
    while (k < TEMP_SLOTS && (fd = open_slot(t, n, (size_t)stem, k)) == -1) k++;
    if (fd >= 0) {
        /* stale slots above ours, up to the first free one (named in t
         * itself: nothing allocates once the file exists, so an allocation
         * failure cannot leave it behind) */
        for (int j = k + 1; j < TEMP_SLOTS; j++) {
            name_slot(t, n, (size_t)stem, j);
            if (access(t, F_OK) != 0) break;
            remove_if_stale(AT_FDCWD, t);
        }
        name_slot(t, n, (size_t)stem, k);
    }
    if (fd < 0) {
        if (fd == -1) errno = EBUSY; /* every slot held by a live writer */
        pa_free(t);
        return -1;
    }
    *tmpname = t;
    return fd;
}

static void abort_output(void *o)
{
    pa_output_abort(o);
}

pa_output *pa_output_open(const char *path, int gzip, pa_error *err)
{
    pa_output *o = pa_calloc(1, sizeof *o);
    o->sync_fd = -1;
    o->fd = -1;
    int fd;
    if (strcmp(path, "-") == 0) {
        o->name = pa_strdup("<stdout>");
        fflush(stdout);
        fd = dup(STDOUT_FILENO);
        if (fd < 0) {
            pa_error_set(err, PA_EOUTPUT, "<stdout>: cannot write: %s", strerror(errno));
            pa_free(o->name), pa_free(o);
            return NULL;
        }
    } else {
        o->name = pa_strdup(path);
        struct stat st;
        char *real = realpath(path, NULL); /* a symbolic link: replace what it points to */
        if (real) pa_alloc_defer(pa_free, real);
        const char *target = real ? real : path;
        int exists = stat(target, &st) == 0;
        if (exists && S_ISDIR(st.st_mode)) {
            pa_error_set(err, PA_EOUTPUT, "%s: is a directory", path);
            pa_alloc_undefer(real), pa_free(real), pa_free(o->name), pa_free(o);
            return NULL;
        }
        if (exists && !S_ISREG(st.st_mode)) {
            /* a pipe or a device: written in place, there is nothing to rename */
            fd = open(target, O_WRONLY | O_CLOEXEC);
        } else {
            o->target = pa_strdup(target); /* before the file: nothing allocates once it exists */
            fd = create_temp(target, &o->tmpname);
        }
        pa_alloc_undefer(real), pa_free(real);
        if (fd < 0) {
            pa_error_set(err, PA_EOUTPUT, "%s: cannot create output file: %s", path, strerror(errno));
            pa_free(o->tmpname), pa_free(o->target), pa_free(o->name), pa_free(o);
            return NULL;
        }
    }
    if (o->tmpname) o->sync_fd = dup(fd);
    o->fd = fd;
    o->gz = gzdopen(fd, gzip ? "wb6" : "wbT");
    if (!o->gz) {
        close(fd);
        if (o->sync_fd >= 0) close(o->sync_fd);
        pa_error_set(err, PA_EOUTPUT, "%s: cannot open for writing (zlib)", o->name);
        if (o->tmpname) unlink(o->tmpname);
        pa_free(o->tmpname), pa_free(o->target), pa_free(o->name), pa_free(o);
        return NULL;
    }
    gzbuffer(o->gz, 1 << 16);
    /* if the library call that opened it fails, the file goes */
    pa_alloc_defer(abort_output, o);
    return o;
}

static int write_failed(pa_output *o, pa_error *err)
{
    int zerr;
    const char *msg = gzerror(o->gz, &zerr);
    o->failed = 1;
    if (zerr == Z_ERRNO)
        return pa_error_set(err, PA_EOUTPUT, "%s: write error: %s", o->name, strerror(errno));
    return pa_error_set(err, PA_EOUTPUT, "%s: write error: %s", o->name, msg);
}

int pa_output_write(pa_output *o, const void *p, size_t n, pa_error *err)
{
    if (o->failed) return pa_error_set(err, PA_EOUTPUT, "%s: write error", o->name);
    const char *c = p;
    while (n > 0) {
        unsigned chunk = n > (1u << 30) ? (1u << 30) : (unsigned)n;
        if (gzwrite(o->gz, c, chunk) != (int)chunk) return write_failed(o, err);
        o->bytes += chunk;
        c += chunk;
        n -= chunk;
    }
    return 0;
}

int pa_output_printf(pa_output *o, pa_error *err, const char *fmt, ...)
{
    char small[512];
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    int rc;
    if (n < 0) {
        rc = pa_error_set(err, PA_EINTERNAL, "%s: formatting error", o->name);
    } else if ((size_t)n < sizeof small) {
        rc = pa_output_write(o, small, (size_t)n, err);
    } else {
        char *big = pa_malloc((size_t)n + 1);
        vsnprintf(big, (size_t)n + 1, fmt, ap2);
        rc = pa_output_write(o, big, (size_t)n, err);
        pa_free(big);
    }
    va_end(ap2);
    return rc;
}

/* Makes a rename in the directory of `path` durable (fsync of the
 * directory), as SQLite and git do; a file system that cannot fsync a
 * directory is no error. */
static int sync_directory(const char *path)
{
    const char *slash = strrchr(path, '/');
    char dir[PATH_MAX]; /* no allocation: a commit cannot run out of memory */
    size_t n = slash ? (slash == path ? 1 : (size_t)(slash - path)) : 0;
    if (n >= sizeof dir) return 0;
    if (n) memcpy(dir, path, n), dir[n] = '\0';
    else memcpy(dir, ".", 2);
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return 0;
    int rc = fsync(fd) != 0 && errno != EINVAL && errno != EROFS ? -1 : 0;
    close(fd);
    return rc;
}

static void output_free(pa_output *o)
{
    pa_alloc_undefer(o);
    if (o->sync_fd >= 0) close(o->sync_fd);
    pa_free(o->target);
    pa_free(o->tmpname);
    pa_free(o->name);
    pa_free(o);
}

int pa_output_finish(pa_output *o, pa_error *err)
{
    int rc = 0;
    if (o->failed) rc = pa_error_set(err, PA_EOUTPUT, "%s: write error", o->name);
    int zrc = gzclose_w(o->gz);
    o->gz = NULL;
    if (rc == 0 && zrc != Z_OK)
        rc = pa_error_set(err, PA_EOUTPUT, "%s: write error on close: %s", o->name,
                          zrc == Z_ERRNO ? strerror(errno) : "zlib error");
    /* the data reach the disk before the name does: after a power cut the
     * name holds the old file or the whole new one */
    if (rc == 0 && o->tmpname && o->sync_fd >= 0 && fsync(o->sync_fd) != 0 && errno != EINVAL)
        rc = pa_error_set(err, PA_EOUTPUT, "%s: cannot sync to disk: %s", o->name, strerror(errno));
    if (rc == 0) o->finished = 1;
    else o->failed = 1;
    return rc;
}

int pa_output_publish(pa_output *o, pa_error *err)
{
    int rc = o->finished ? 0 : pa_error_set(err, PA_EOUTPUT, "%s: write error", o->name);
    if (o->tmpname) {
        if (rc == 0 && rename(o->tmpname, o->target) != 0)
            rc = pa_error_set(err, PA_EOUTPUT, "%s: cannot rename into place: %s", o->name, strerror(errno));
        if (rc == 0 && sync_directory(o->target) != 0)
            rc = pa_error_set(err, PA_EOUTPUT, "%s: renamed, but the directory cannot be synced: %s", o->name,
                              strerror(errno));
        if (rc != 0 && access(o->tmpname, F_OK) == 0) unlink(o->tmpname);
    }
    output_free(o);
    return rc;
}

int pa_output_commit(pa_output *o, pa_error *err)
{
    if (pa_output_finish(o, err) != 0) {
        pa_output_abort(o);
        return -1;
    }
    return pa_output_publish(o, err);
}

void pa_output_abort(pa_output *o)
{
    if (!o) return;
    if (o->gz) {
        if (!o->tmpname && o->fd >= 0) {
            /* in place (standard output, a pipe): what zlib still buffers
             * must not reach it, so that a failed run writes nothing more */
            int null = open("/dev/null", O_WRONLY | O_CLOEXEC);
            if (null >= 0) dup2(null, o->fd), close(null);
        }
        gzclose_w(o->gz);
    }
    if (o->tmpname) unlink(o->tmpname);
    output_free(o);
}
