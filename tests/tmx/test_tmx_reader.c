/* test_tmx_reader.c - reader behaviour that needs generated input or a
 * program around it: entity declarations split across the reads libxml2
 * makes, x-score parsing, standard input, errors that stick, readers in
 * parallel threads keeping their errors apart, and libxml2's global error
 * handlers: the caller's outside the reader's calls and in its problem
 * function. */
#include "tmx/tmx_reader.h"
#include "align/util/buf.h"
#include "tests/tap.h"

#include <libxml/xmlerror.h>

#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[] = "/tmp/tmx-reader-XXXXXX";

#define HEADER "<header creationtool=\"t\" creationtoolversion=\"1\" segtype=\"sentence\" " \
               "o-tmf=\"t\" adminlang=\"en-US\" srclang=\"en-US\" datatype=\"plaintext\"/>"

/* Writes `text` (of `len` bytes) to DIR/name and returns the path. */
static const char *put_file(const char *name, const char *text, size_t len)
{
    static char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(text, 1, len, f) != len || fclose(f) != 0) {
        printf("Bail out! cannot write %s\n", path);
        exit(1);
    }
    return path;
}

/* Opens `path`, reads every unit; returns the count or -1 with `err` set. */
static long read_all(const char *path, pa_error *err)
{
    pa_tmx_reader *r = pa_tmx_reader_open(path, err);
    if (!r) return -1;
    const pa_tmx_read_unit *u;
    long n = 0;
    int rc;
    while ((rc = pa_tmx_reader_next(r, &u, err)) > 0) n++;
    pa_tmx_reader_close(r);
    return rc < 0 ? -1 : n;
}

/* Converts ASCII to UTF-16LE (with a BOM). */
static void to_utf16le(const pa_buf *in, pa_buf *out)
{
    pa_buf_reset(out);
    pa_buf_append(out, "\xff\xfe", 2);
    for (size_t i = 0; i < in->len; i++) {
        char pair[2] = {in->data[i], 0};
        pa_buf_append(out, pair, 2);
    }
}

/* "<!ENTITY" placed across the boundaries of libxml2's reads (4 bytes,
 * then 4096 at a time, so at 4100, 8196, ...) is refused from the raw
 * bytes, before parsing: the message then carries no line number. */
static void check_entity_guard(void)
{
    static const size_t boundaries[] = {4100, 8196};
    pa_buf doc = PA_BUF_INIT, wide = PA_BUF_INIT;
    int utf16_failures = 0, utf8_failures = 0, cases = 0;
    for (size_t b = 0; b < sizeof boundaries / sizeof boundaries[0]; b++) {
        for (int delta = -20; delta <= 20; delta++) {
            for (int utf16 = 0; utf16 <= 1; utf16++) {
                /* "<!ENTITY" starts at byte boundary+delta of the file. */
                const char *head = utf16 ? "<?xml version=\"1.0\" encoding=\"UTF-16\"?><!--"
                                         : "<?xml version=\"1.0\"?><!--";
                const char *decl = "--><!DOCTYPE tmx [<!ENTITY e \"x\">]>";
                long at = (long)boundaries[b] + delta; /* in bytes; UTF-16 adds a BOM */
                long fill = (utf16 ? (at - 2) / 2 : at) - (long)strlen(head) - 18;
                if (fill < 0) continue;
                pa_buf_reset(&doc);
                pa_buf_puts(&doc, head);
                for (long i = 0; i < fill; i++) pa_buf_putc(&doc, 'a');
                pa_buf_puts(&doc, decl);
                pa_buf_puts(&doc, "<tmx version=\"1.4\">" HEADER "<body/></tmx>");
                if (utf16) to_utf16le(&doc, &wide);
                const pa_buf *bytes = utf16 ? &wide : &doc;
                const char *path = put_file("guard.tmx", bytes->data, bytes->len);
                pa_error err;
                pa_error_clear(&err);
                char want[4200];
                snprintf(want, sizeof want, "%s: entity declarations are not allowed in TMX", path);
                cases++;
                if (read_all(path, &err) != -1 || strcmp(err.msg, want) != 0) {
                    diag("boundary %zu%+d %s: %s", boundaries[b], delta,
                         utf16 ? "UTF-16" : "UTF-8", err.msg);
                    if (utf16) utf16_failures++;
                    else utf8_failures++;
                }
            }
        }
    }
    ok(utf8_failures == 0, "UTF-8: <!ENTITY across read boundaries refused before parsing");
    ok(utf16_failures == 0, "UTF-16: <!ENTITY across read boundaries refused before parsing");
    ok(cases == 164, "%d placements tried", cases);
    pa_buf_free(&doc);
    pa_buf_free(&wide);
}

/* x-score is read with a point whatever the locale; junk is no score. */
static void check_scores(void)
{
    static const struct {
        const char *text;
        double want;
    } cases[] = {{"0.8500", 0.85}, {" 0.25\t", 0.25}, {"1", 1}, {"0,5", -1}, {"high", -1}, {"", -1}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char doc[1024];
        int n = snprintf(doc, sizeof doc,
                         "<tmx version=\"1.4\">" HEADER "<body><tu><prop type=\"x-score\">%s</prop>"
                         "<tuv xml:lang=\"en\"><seg>s</seg></tuv></tu></body></tmx>",
                         cases[i].text);
        const char *path = put_file("score.tmx", doc, (size_t)n);
        pa_error err;
        pa_tmx_reader *r = pa_tmx_reader_open(path, &err);
        const pa_tmx_read_unit *u = NULL;
        int rc = r ? pa_tmx_reader_next(r, &u, &err) : -1;
        ok(rc == 1 && u->score == cases[i].want, "x-score [%s] reads as %g", cases[i].text,
           rc == 1 ? u->score : -99);
        pa_tmx_reader_close(r);
    }
}

/* "-" reads standard input; errors then name <stdin>. */
static void check_stdin(void)
{
    const char *good = "<tmx version=\"1.4\">" HEADER
                       "<body><tu><tuv xml:lang=\"en\"><seg>a</seg></tuv></tu></body></tmx>";
    const char *bad = "<tmx version=\"1.4\">" HEADER "<body><tu>";
    const char *texts[2] = {good, bad};
    int saved = dup(STDIN_FILENO);
    for (int i = 0; i < 2; i++) {
        const char *path = put_file("stdin.tmx", texts[i], strlen(texts[i]));
        int fd = open(path, O_RDONLY);
        dup2(fd, STDIN_FILENO);
        close(fd);
        pa_error err;
        pa_error_clear(&err);
        long n = read_all("-", &err);
        if (i == 0) ok(n == 1, "standard input: 1 unit read (%s)", err.msg);
        else ok(n == -1 && strncmp(err.msg, "<stdin>:", 8) == 0, "standard input: %s", err.msg);
    }
    dup2(saved, STDIN_FILENO);
    close(saved);
}

/* After an error, pa_tmx_reader_next keeps failing instead of going on. */
static void check_sticky_error(void)
{
    const char *doc = "<tmx version=\"1.4\">" HEADER
                      "<body><tu><tuv><seg>no lang</seg></tuv></tu>"
                      "<tu><tuv xml:lang=\"en\"><seg>fine</seg></tuv></tu></body></tmx>";
    const char *path = put_file("sticky.tmx", doc, strlen(doc));
    pa_error err;
    pa_tmx_reader *r = pa_tmx_reader_open(path, &err);
    const pa_tmx_read_unit *u;
    int first = r ? pa_tmx_reader_next(r, &u, &err) : 0;
    ok(first == -1 && strstr(err.msg, "without xml:lang"), "first unit fails: %s", err.msg);
    int second = r ? pa_tmx_reader_next(r, &u, &err) : 0;
    ok(second == -1, "and the reader does not go on to the next unit");
    pa_tmx_reader_close(r);
}

typedef struct job {
    const char *path;
    long units;      /* result */
    char msg[1024];  /* error message */
} job;

static void *run_job(void *arg)
{
    job *j = arg;
    for (int i = 0; i < 50; i++) {
        pa_error err;
        pa_error_clear(&err);
        j->units = read_all(j->path, &err);
        snprintf(j->msg, sizeof j->msg, "%s", err.msg);
    }
    return NULL;
}

/* Readers in parallel threads: each gets its own result and error. */
static void check_threads(void)
{
    char good[4096], bad[4096];
    const char *g = "<tmx version=\"1.4\">" HEADER "<body>"
                    "<tu><tuv xml:lang=\"en\"><seg>a</seg></tuv></tu>"
                    "<tu><tuv xml:lang=\"en\"><seg>b</seg></tuv></tu></body></tmx>";
    const char *b = "<tmx version=\"1.4\">" HEADER "<body><tu><tuv xml:lang=\"en\"><seg>a</tuv>";
    snprintf(good, sizeof good, "%s", put_file("good.tmx", g, strlen(g)));
    snprintf(bad, sizeof bad, "%s", put_file("bad.tmx", b, strlen(b)));
    job jobs[4] = {{good, 0, ""}, {bad, 0, ""}, {good, 0, ""}, {bad, 0, ""}};
    pthread_t t[4];
    for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, run_job, &jobs[i]);
    for (int i = 0; i < 4; i++) pthread_join(t[i], NULL);
    for (int i = 0; i < 4; i++) {
        if (i % 2 == 0)
            ok(jobs[i].units == 2 && !jobs[i].msg[0], "thread %d: good file, 2 units", i);
        else
            ok(jobs[i].units == -1 && strstr(jobs[i].msg, bad) && strstr(jobs[i].msg, "mismatch"),
               "thread %d: its own error: %s", i, jobs[i].msg);
    }
}

/* The caller's handlers, which the reader must leave in place. */
static void callers_generic(void *ctx, const char *msg, ...) { (void)ctx, (void)msg; }
static void callers_structured(void *ctx, const xmlError *e) { (void)ctx, (void)e; }
static int callers_in_place(void)
{
    return xmlGenericError == (xmlGenericErrorFunc)callers_generic && xmlGenericErrorContext == dir &&
           xmlStructuredError == (xmlStructuredErrorFunc)callers_structured && xmlStructuredErrorContext == dir;
}

typedef struct problems {
    int n, in_place;
} problems;

static void count_problem(void *data, long line, const char *msg)
{
    problems *p = data;
    (void)line, (void)msg;
    p->n++;
    /* the structured one is the reader's, which hands the DTD's complaints here */
    p->in_place += xmlGenericError == (xmlGenericErrorFunc)callers_generic && xmlGenericErrorContext == dir;
}

/* The reader installs its own handlers only inside its calls (libxml2
 * raises some errors through them), once a call, and gives the caller's
 * back at each return; while the caller's problem function runs, the
 * caller's generic handler is in place. */
static void check_handlers(void)
{
    const char *dtd = "<!ELEMENT tmx (header, body)><!ATTLIST tmx version CDATA #REQUIRED>"
                      "<!ELEMENT header EMPTY><!ATTLIST header srclang CDATA #IMPLIED>"
                      "<!ELEMENT body (tu*)><!ELEMENT tu (tuv+)>"
                      "<!ELEMENT tuv (seg)><!ATTLIST tuv xml:lang CDATA #IMPLIED><!ELEMENT seg (#PCDATA)>";
    char dtd_path[4096];
    snprintf(dtd_path, sizeof dtd_path, "%s", put_file("h.dtd", dtd, strlen(dtd)));
    const char *doc = "<tmx version=\"1.4\"><header srclang=\"en\"/><body>"
                      "<tu><tuv xml:lang=\"en\"><seg>a</seg></tuv></tu>"
                      "<tu><tuv xml:lang=\"en\"><seg>b</seg></tuv><note>not in the DTD</note></tu>"
                      "<tu><tuv xml:lang=\"en\"><seg>c</seg></tuv></tu></body></tmx>";
    const char *path = put_file("handlers.tmx", doc, strlen(doc));
    xmlSetGenericErrorFunc(dir, callers_generic);
    xmlSetStructuredErrorFunc(dir, (xmlStructuredErrorFunc)callers_structured);
    problems p = {0, 0};
    pa_tmx_reader_options o = {.dtd = dtd_path, .problem = count_problem, .data = &p};
    pa_error err;
    pa_tmx_reader *r = pa_tmx_reader_open_with(path, &o, &err);
    int after_open = callers_in_place();
    const pa_tmx_read_unit *u;
    int units = 0, after_next = 1, rc;
    while (r && (rc = pa_tmx_reader_next(r, &u, &err)) > 0) units++, after_next &= callers_in_place();
    after_next &= callers_in_place();
    pa_tmx_reader_close(r);
    ok(r && units == 3 && after_open && after_next, "the caller's handlers after opening and after each of %d units",
       units);
    ok(p.n > 0 && p.in_place == p.n, "the caller's generic handler in the problem function, %d of %d times", p.in_place,
       p.n);
    xmlSetGenericErrorFunc(NULL, NULL);
    xmlSetStructuredErrorFunc(NULL, NULL);
}

int main(void)
{
    if (!mkdtemp(dir)) {
        printf("Bail out! cannot create a temporary directory\n");
        return 1;
    }
    check_entity_guard();
    check_scores();
    check_stdin();
    check_sticky_error();
    check_threads();
    check_handlers();
    static const char *const names[] = {"guard.tmx", "score.tmx", "stdin.tmx", "sticky.tmx",
                                        "good.tmx", "bad.tmx", "h.dtd", "handlers.tmx"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        unlink(path);
    }
    rmdir(dir);
    return done_testing();
}
