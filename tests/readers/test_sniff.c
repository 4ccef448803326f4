/* test_sniff.c - TAP tests of readers/sniff.h.
 *
 * Without arguments: every file of tests/readers/sniff/ against its kind in
 * tests/readers/sniff.cases (and every file there must be listed); every
 * prefix of every file (no overrun, a kind in range); the kind names and
 * the refusal messages (one line, the file named, the hint's command); and,
 * when ${SHARED} is there, the real files of shared/ by their extensions
 * (UDHR pages, TMX samples and the TMX compliance kit's RTF and HTML, SRX
 * rules, the corpora).
 * With arguments: prints "KIND FILE" for each FILE (a tool for reports). */
#include "align/readers/sniff.h"
#include "align/util/alloc.h"
#include "align/util/buf.h"
#include "tests/tap.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Short names of the kinds, as sniff.cases writes them. */
static const char *const tokens[] = {
    [PA_INPUT_TEXT] = "text",   [PA_INPUT_HTML] = "html",     [PA_INPUT_XML] = "xml",   [PA_INPUT_TMX] = "tmx",
    [PA_INPUT_TSV] = "tsv",
    [PA_INPUT_XLIFF] = "xliff", [PA_INPUT_DOCX] = "docx",     [PA_INPUT_XLSX] = "xlsx", [PA_INPUT_PPTX] = "pptx",
    [PA_INPUT_ODT] = "odt",     [PA_INPUT_ODS] = "ods",       [PA_INPUT_ODP] = "odp",   [PA_INPUT_EPUB] = "epub",
    [PA_INPUT_ZIP] = "zip",     [PA_INPUT_PDF] = "pdf",       [PA_INPUT_DOC] = "doc",   [PA_INPUT_XLS] = "xls",
    [PA_INPUT_PPT] = "ppt",     [PA_INPUT_OLE] = "ole",       [PA_INPUT_RTF] = "rtf",   [PA_INPUT_IMAGE] = "image",
    [PA_INPUT_ARCHIVE] = "archive", [PA_INPUT_BINARY] = "binary",
};
#define NKINDS ((int)(sizeof tokens / sizeof *tokens))

static int kind_of_token(const char *t)
{
    for (int k = 0; k < NKINDS; k++)
        if (strcmp(tokens[k], t) == 0) return k;
    return -1;
}

/* Reads the whole file into `b`; 0 or -1. */
static int slurp(const char *path, pa_buf *b)
{
    FILE *f = fopen(path, "rb");
    if (!f) return -1;
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) pa_buf_append(b, chunk, n);
    fclose(f);
    return 0;
}

/* The kind of the file at `path`, sniffed from its first PA_SNIFF_HEAD
 * bytes; -1 when it cannot be read. */
static int sniff_file(const char *path)
{
    pa_buf b = PA_BUF_INIT;
    if (slurp(path, &b) != 0) return -1;
    size_t n = b.len < PA_SNIFF_HEAD ? b.len : PA_SNIFF_HEAD;
    int k = (int)pa_sniff((const unsigned char *)(b.data ? b.data : ""), n, path);
    pa_buf_free(&b);
    return k;
}

/* Sniffs every prefix of the file up to 2048 bytes, then every 1000th:
 * a kind in range each time (under ASan, no read past the prefix). */
static int prefixes_ok(const char *path)
{
    pa_buf b = PA_BUF_INIT;
    if (slurp(path, &b) != 0) return 0;
    int good = 1;
    for (size_t n = 0; n <= b.len && n <= PA_SNIFF_HEAD; n += n < 2048 ? 1 : 1000) {
        /* a copy of exactly n bytes, so that ASan sees an overrun */
        unsigned char *p = pa_malloc(n ? n : 1);
        memcpy(p, b.data ? b.data : "", n);
        int k = (int)pa_sniff(p, n, path);
        good &= k >= 0 && k < NKINDS;
        free(p);
    }
    pa_buf_free(&b);
    return good;
}

#define MAX_CASES 256

/* The cases file against the files of the directory. */
static void run_cases(const char *srcdir)
{
    char path[4096], dir[4096];
    snprintf(path, sizeof path, "%s/tests/readers/sniff.cases", srcdir);
    snprintf(dir, sizeof dir, "%s/tests/readers/sniff", srcdir);
    FILE *f = fopen(path, "r");
    if (!ok(f != NULL, "read %s", path)) return;
    char line[1024], *listed[MAX_CASES];
    size_t nlisted = 0;
    while (fgets(line, sizeof line, f)) {
        char name[512], want[64];
        if (line[0] == '#' || sscanf(line, "%511s %63s", name, want) != 2) continue;
        int k = kind_of_token(want);
        char file[4608];
        snprintf(file, sizeof file, "%s/%s", dir, name);
        int got = sniff_file(file);
        ok(k >= 0 && got == k, "%s is %s (got %s)", name, want, got < 0 ? "unreadable" : tokens[got]);
        ok(prefixes_ok(file), "%s: every prefix sniffs to a kind", name);
        if (nlisted < MAX_CASES) listed[nlisted++] = pa_strdup(name);
    }
    fclose(f);
    DIR *d = opendir(dir);
    if (ok(d != NULL, "open %s", dir)) {
        struct dirent *e;
        size_t unlisted = 0;
        while ((e = readdir(d))) {
            if (e->d_name[0] == '.') continue;
            size_t i = 0;
            while (i < nlisted && strcmp(listed[i], e->d_name) != 0) i++;
            if (i == nlisted) diag("not in sniff.cases: %s", e->d_name), unlisted++;
        }
        closedir(d);
        ok(unlisted == 0, "every file of tests/readers/sniff is in sniff.cases");
    }
    for (size_t i = 0; i < nlisted; i++) free(listed[i]);
}

static void run_names(void)
{
    int distinct = 1, nonempty = 1;
    for (int a = 0; a < NKINDS; a++) {
        nonempty &= pa_input_kind_name((pa_input_kind)a)[0] != '\0';
        for (int b = 0; b < a; b++)
            distinct &= strcmp(pa_input_kind_name((pa_input_kind)a), pa_input_kind_name((pa_input_kind)b)) != 0;
    }
    ok(nonempty && distinct, "every kind has a name of its own");
    ok(strcmp(pa_input_kind_name(PA_INPUT_DOCX), "a Word document") == 0, "DOCX: a Word document");
    ok(pa_input_kind_name((pa_input_kind)999) != NULL, "an out-of-range kind still has a name");
}

/* The refusal for `k` of `name`: -1, PA_EINPUT, one line naming the file
 * and holding `needle`. */
static void refuse_case(pa_input_kind k, const char *name, const char *needle)
{
    pa_error err;
    pa_error_clear(&err);
    int rc = pa_sniff_refuse(k, name, &err);
    ok(rc == -1 && err.code == PA_EINPUT && strchr(err.msg, '\n') == NULL && strstr(err.msg, name) &&
           strstr(err.msg, needle),
       "refuse %s %s: \"%s\"", tokens[k], name, err.msg);
}

static void run_refusals(void)
{
    pa_error err;
    pa_error_clear(&err);
    ok(pa_sniff_refuse(PA_INPUT_TEXT, "a.txt", &err) == 0 && err.code == PA_OK, "text is not refused");
    refuse_case(PA_INPUT_PDF, "x.pdf", "pdftotext -enc UTF-8 x.pdf` and align x.txt");
    refuse_case(PA_INPUT_PDF, "my report.pdf", "pdftotext -enc UTF-8 'my report.pdf'`");
    refuse_case(PA_INPUT_DOC, "x.doc", "soffice --headless --convert-to docx x.doc` and align x.docx");
    refuse_case(PA_INPUT_DOCX, "x.docx", "x.docx is a Word document; not read yet: save it as plain text (UTF-8)");
    refuse_case(PA_INPUT_ODT, "dir/x.odt", "align dir/x.txt");
    refuse_case(PA_INPUT_HTML, "x.html", "save the page as plain text");
    refuse_case(PA_INPUT_TMX, "x.tmx", "aligned already");
    refuse_case(PA_INPUT_IMAGE, "scan.png", "tesseract scan.png");
    refuse_case(PA_INPUT_BINARY, "x.bin", "not text");
    int all = 1;
    for (int k = 1; k < NKINDS; k++) {
        pa_error_clear(&err);
        all &= pa_sniff_refuse((pa_input_kind)k, "it's.x", &err) == -1 && err.code == PA_EINPUT &&
               !strchr(err.msg, '\n') && strstr(err.msg, pa_input_kind_name((pa_input_kind)k)) != NULL;
    }
    ok(all, "every kind but text is refused with a one-line message naming the kind");
    ok(pa_sniff_refuse(PA_INPUT_PDF, "x.pdf", NULL) == -1, "a NULL error is allowed");
}

/* Each file under `dir` (recursively) whose name ends in `suffix` is of
 * kind `want`; one assertion for all of them. */
static void shared_kind(const char *dir, const char *suffix, pa_input_kind want, size_t *count, int *good)
{
    DIR *d = opendir(dir);
    if (!d) return;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(path, &st) != 0) continue;
        if (S_ISDIR(st.st_mode)) {
            shared_kind(path, suffix, want, count, good);
            continue;
        }
        size_t n = strlen(e->d_name), m = strlen(suffix);
        if (n < m || strcmp(e->d_name + n - m, suffix) != 0) continue;
        int k = sniff_file(path);
        (*count)++;
        if (k != (int)want) {
            *good = 0;
            diag("%s: %s, not %s", path, k < 0 ? "unreadable" : tokens[k], tokens[want]);
        }
    }
    closedir(d);
}

static void run_shared(const char *shared)
{
    static const struct {
        const char *dir, *suffix;
        pa_input_kind kind;
    } sets[] = {
        {"corpora/udhr", ".html", PA_INPUT_HTML},
        {"tmx/samples", ".tmx", PA_INPUT_TMX},
        {"tmx/samples", ".rtf", PA_INPUT_RTF},
        {"tmx/samples", ".htm", PA_INPUT_HTML},
        {"srx", ".srx", PA_INPUT_XML},
        {"corpora/unpc-devset", "", PA_INPUT_TEXT},
        {"eval/alignment", "", PA_INPUT_TEXT},
        {"eval/segmentation", ".jsonl", PA_INPUT_TEXT},
        {"seed", ".txt", PA_INPUT_TEXT},
    };
    for (size_t i = 0; i < sizeof sets / sizeof *sets; i++) {
        char dir[4096];
        snprintf(dir, sizeof dir, "%s/%s", shared, sets[i].dir);
        size_t count = 0;
        int good = 1;
        shared_kind(dir, sets[i].suffix, sets[i].kind, &count, &good);
        ok(count > 0 && good, "shared/%s: %zu files *%s are %s", sets[i].dir, count, sets[i].suffix,
           tokens[sets[i].kind]);
    }
}

int main(int argc, char **argv)
{
    if (argc > 1) {
        for (int i = 1; i < argc; i++) {
            int k = sniff_file(argv[i]);
            printf("%s %s\n", k < 0 ? "unreadable" : tokens[k], argv[i]);
        }
        return 0;
    }
    const char *srcdir = getenv("top_srcdir");
    run_cases(srcdir && *srcdir ? srcdir : ".");
    run_names();
    run_refusals();
    const char *shared = getenv("SHARED");
    struct stat st;
    if (shared && *shared && stat(shared, &st) == 0 && S_ISDIR(st.st_mode)) run_shared(shared);
    else diag("SHARED not set or absent: the checks on shared/ are skipped");
    return done_testing();
}
