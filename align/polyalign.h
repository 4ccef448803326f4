/* polyalign.h - the public API of libpolyalign.
 *
 * polyalign reads the language versions of a document, splits them into
 * sentences and aligns every version with one of them, the pivot (Chinese,
 * for UN documents), into units: the text of each language at one place of
 * the document, with a score. Writers turn units into a translation memory
 * (TMX, plain or gzip), TSV, bead files or line-aligned plain text (Moses).
 *
 *     pa_context *ctx = pa_context_new(NULL, &err);      costly, shared
 *     pa_input in[2] = {{.path = "a.zh.txt"}, {.path = "a.en.txt"}};
 *     pa_units *u = pa_align(ctx, in, 2, NULL, &err);    one document set
 *     ... pa_units_get(u, i, &unit) ...
 *     pa_units_free(u);
 *     pa_context_free(ctx);
 *
 * Conventions. Every name starts with pa_. Handles are opaque. Functions
 * that can fail take a pa_error as their last argument, return -1 or NULL
 * on failure and fill it with a one-line message that already names the
 * file and the problem; a NULL pa_error is allowed. Options structs start
 * with a version field: initialise them with their _INIT macro (or the
 * _init function) and set only the fields you need, so that a program built
 * against this header keeps working when fields are added.
 *
 * Threads. The library has no mutable global state, except the
 * out-of-memory handler (set it once, before starting threads). A context
 * may be shared by any number of threads aligning at once; everything else
 * belongs to the thread that made it. Call xmlInitParser() (libxml2) once
 * before starting threads, as libxml2 asks of multithreaded programs.
 */
#ifndef POLYALIGN_H
#define POLYALIGN_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The library's version, e.g. "0.2.0". */
const char *pa_version(void);

/* ---- Errors ---------------------------------------------------------- */

/* Error classes; the command line uses them as exit statuses. */
enum pa_status {
    PA_OK = 0,
    PA_EINPUT = 1,    /* unreadable, malformed or unsupported input */
    PA_EUSAGE = 2,    /* bad option value or call */
    PA_EOUTPUT = 3,   /* output could not be written */
    PA_EINTERNAL = 4, /* a library (ICU, libxml2, zlib) failed unexpectedly */
    PA_EPARTIAL = 5   /* some documents of a run failed, the rest were written */
};

typedef struct pa_error {
    int code;       /* enum pa_status */
    char msg[1024]; /* one line, no trailing newline */
} pa_error;

/* Clears `e` (code PA_OK, empty message). */
void pa_error_clear(pa_error *e);

/* ---- Memory ---------------------------------------------------------- */

/* Running out of memory is an error like any other: a library call in
 * which an allocation fails frees what it allocated and returns its error
 * value with PA_EINTERNAL "out of memory (allocating N bytes)". Objects
 * passed in stay usable (a context aligns again; a writer whose add failed
 * can only be aborted). A handler, when set, is called first, with the
 * size that failed; it may exit or abort the process, or return to let the
 * call fail. Outside a library call (a callback's own allocation through
 * polyalign), a failure prints that message and aborts. Default: none. */
typedef void (*pa_oom_handler)(size_t size);

/* Sets the process-wide handler (NULL: none) and returns the previous one. */
pa_oom_handler pa_set_oom_handler(pa_oom_handler handler);

/* ---- Messages and progress ------------------------------------------- */

/* Levels of messages. Notes tell the user what was assumed ("both inputs
 * hold one sentence a line: ..."); the others are for -v, -vv, -vvv. */
enum pa_log_level { PA_LOG_NOTE = 0, PA_LOG_INFO = 1, PA_LOG_DEBUG = 2, PA_LOG_TRACE = 3 };

/* Receives one message line (no newline). */
typedef void (*pa_log_fn)(void *data, int level, const char *message);

/* Where a run is: `phase` ("segmenting en", "aligning zh-en"), `done` of
 * `total` steps counted in `unit` ("sentences", "passes"). */
typedef struct pa_progress {
    const char *phase;
    size_t done, total;
    const char *unit;
} pa_progress;

typedef void (*pa_progress_fn)(void *data, const pa_progress *p);

/* ---- Context: what is costly to build, shared ------------------------ */

typedef struct pa_context pa_context;

typedef struct pa_context_options {
    unsigned version;     /* PA_CONTEXT_OPTIONS_VERSION */
    const char *srx_path; /* segmentation rules (SRX 2.0); NULL = the shipped ones */
} pa_context_options;

#define PA_CONTEXT_OPTIONS_VERSION 1
#define PA_CONTEXT_OPTIONS_INIT {PA_CONTEXT_OPTIONS_VERSION, NULL}

/* Fills `o` with the defaults of `version`; -1 for an unknown version. */
int pa_context_options_init(pa_context_options *o, unsigned version);

/* A context: compiled segmentation rules per language (built on first
 * use, then reused), dictionaries. `o` may be NULL. The SRX file is read
 * and checked here. */
pa_context *pa_context_new(const pa_context_options *o, pa_error *err);

/* Adds a bilingual dictionary or lexicon file (CC-CEDICT, hunalign's
 * "target @ source", TSV, or `polyalign lexicon train` output) for the
 * languages `src` -> `tgt` (tags or codes); it is used when a document in
 * `src` is aligned with one in `tgt`. Call before aligning, not during. */
int pa_context_add_dictionary(pa_context *c, const char *src, const char *tgt, const char *path, pa_error *err);

void pa_context_free(pa_context *c);

/* ---- Inputs ---------------------------------------------------------- */

/* One language version of a document: a file, or bytes in memory. */
typedef struct pa_input {
    const char *path;     /* file name, "-" = standard input; gzip is read transparently */
    const char *bytes;    /* instead of `path`: the document's bytes ... */
    size_t len;           /* ... and their count */
    const char *lang;     /* BCP 47 tag (zh, zh-TW, en-GB); NULL = from the file
                             name: NAME.LANG.EXT, or NAME_LANG.EXT and NAME-LANG.EXT
                             for the six UN languages */
    const char *encoding; /* ICU converter name; NULL = UTF-8, or UTF-16 by its BOM */
    const char *label;    /* name in messages and in the TMX x-document property;
                             NULL = the file's base name */
} pa_input;

/* The language pa_align reads `in` as: its `lang`, else the tag in its
 * file name; written canonically (zh-TW, en-GB) into `tag` (`size`
 * bytes). An input without either, or a tag ICU does not know, is an
 * error. */
int pa_input_language(const pa_input *in, char *tag, size_t size, pa_error *err);

/* How the text becomes sentences. */
typedef enum pa_split {
    PA_SPLIT_AUTO = 0, /* when every input holds one sentence a line, keep the
                          lines (and say so in a note); else segment */
    PA_SPLIT_SEGMENT,  /* always find the sentences */
    PA_SPLIT_LINES     /* one sentence a line, a blank line ends a paragraph */
} pa_split;

/* Whether to undo hard line breaks inside paragraphs (text from PDF). */
typedef enum pa_reflow_mode {
    PA_REFLOW_AUTO = 0, /* detect wrapped text by its line lengths and repair it */
    PA_REFLOW_ON,       /* the text is wrapped: always repair */
    PA_REFLOW_OFF       /* text as read: every line break ends a sentence */
} pa_reflow_mode;

/* Which evidence the aligner uses (FULL is the aligner; the others are
 * there for comparisons). */
typedef enum pa_align_model {
    PA_MODEL_FULL = 0, /* lengths, anchors and a lexicon learned from the documents */
    PA_MODEL_ANCHORS,  /* lengths and anchors (numbers, names, symbols) */
    PA_MODEL_LENGTH    /* sentence lengths only (Gale & Church) */
} pa_align_model;

typedef struct pa_align_options {
    unsigned version;      /* PA_ALIGN_OPTIONS_VERSION */
    pa_split split;
    pa_reflow_mode reflow;
    pa_align_model model;
    int max_bead;          /* most sentences in a bead, both sides together (2..6) */
    pa_log_fn log;         /* messages; NULL = none */
    int log_level;         /* the highest level passed to `log` (PA_LOG_NOTE..) */
    pa_progress_fn progress; /* NULL = none */
    void *callback_data;   /* passed to `log` and `progress` */
    size_t max_input_bytes; /* an input larger (after gzip) is an error; 0 = 1 GiB */
    size_t max_sentences;  /* a document with more sentences is an error; 0 = 10 million */
    /* Since version 2. Most threads pa_align runs at once: the pivot's
     * pairs with the other versions are aligned side by side, one a thread,
     * with the same result as one after another (0 or 1: all on the
     * calling thread). With more than one, `log` is called from those
     * threads (never two at once) and progress counts finished pairs. */
    unsigned threads;
} pa_align_options;

#define PA_ALIGN_OPTIONS_VERSION 2
#define PA_ALIGN_OPTIONS_INIT \
    {PA_ALIGN_OPTIONS_VERSION, PA_SPLIT_AUTO, PA_REFLOW_AUTO, PA_MODEL_FULL, 6, NULL, PA_LOG_NOTE, NULL, NULL, 0, 0, 1}

/* Fills `o` with the defaults of `version` (1 or 2; version 1 is the
 * struct without `threads`, and only that much of `o` is written); -1 for
 * an unknown version. */
int pa_align_options_init(pa_align_options *o, unsigned version);

/* ---- Aligning a document set into units ------------------------------ */

typedef struct pa_units pa_units;

/* Reads the `n` >= 2 language versions of one document and aligns each
 * with inputs[0], the pivot. A unit holds the pivot's sentences at one place
 * and, for each other language, the sentences aligned with them (none where
 * that version has nothing there). Where two languages pair the pivot's
 * sentences differently, the unit is the smallest span that holds both.
 * Units come in document order; together they hold every sentence of every
 * input once. `o` may be NULL (defaults). */
pa_units *pa_align(pa_context *c, const pa_input *inputs, size_t n, const pa_align_options *o, pa_error *err);

/* A unit, as a view into its pa_units (valid while that lives). Arrays
 * are indexed by language, in the order of the inputs. */
typedef struct pa_unit {
    double score;              /* confidence in [0,1] */
    size_t paragraph;          /* 0-based paragraph of the pivot where it starts */
    const size_t *first;       /* first sentence (0-based) of each language ... */
    const size_t *count;       /* ... and how many; 0 = no text there */
    const char *const *text;   /* the sentences joined (UTF-8, NUL-terminated) */
    const size_t *len;         /* bytes of text */
} pa_unit;

size_t pa_units_count(const pa_units *u);
/* Fills `out` with unit `i`; -1 when out of range. */
int pa_units_get(const pa_units *u, size_t i, pa_unit *out);
size_t pa_units_languages(const pa_units *u);
/* The BCP 47 tag of language `k`, as given or found in the file name. */
const char *pa_units_language(const pa_units *u, size_t k);
/* The sentences of language `k`. */
size_t pa_units_sentences(const pa_units *u, size_t k);
/* The pivot's label (see pa_input). */
const char *pa_units_document(const pa_units *u);
/* Units made larger so that languages that paired the pivot differently
 * agree (0 for two languages). */
size_t pa_units_joins(const pa_units *u);
/* How the texts became sentences: PA_SPLIT_LINES when the lines were kept
 * as sentences, else PA_SPLIT_SEGMENT. */
pa_split pa_units_split(const pa_units *u);
void pa_units_free(pa_units *u);

/* The units of the pivot and language k (1 .. languages - 1) as that pair's
 * own alignment made them: with three or more languages the units of `u`
 * are joined where languages paired the pivot differently, and these are
 * not (for one file per language pair). Owned by `u`, valid until it is
 * freed; `u` itself for two languages; NULL for any other k, and for units
 * that did not come from pa_align (pa_units_select's views). */
const pa_units *pa_units_pair(const pa_units *u, size_t k);

/* Decides whether pa_units_select keeps unit `x` of the source units;
 * `from[l]` is the source index of the l-th selected language, (size_t)-1
 * where the source lacks it. Nonzero keeps it. */
typedef int (*pa_units_keep_fn)(void *data, const pa_unit *x, const size_t *from, size_t n_langs);

/* A view of `u` as units of the `n_langs` languages `langs` (tags as
 * pa_units_language gives them, in the order wanted; a tag `u` lacks is
 * empty in every unit), e.g. one pivot-language pair of a multilingual
 * alignment ({pivot, k}) or the languages of a whole batch run. Units with
 * no text in any selected language are left out, and so are those `keep`
 * (NULL = keep all) refuses. Texts, scores and sentence indices are copied
 * unchanged: nothing is aligned again. Free with pa_units_free; NULL when
 * `n_langs` is 0 or memory ran out. */
pa_units *pa_units_select(const pa_units *u, const char *const *langs, size_t n_langs, pa_units_keep_fn keep,
                          void *data);

/* ---- Writers --------------------------------------------------------- */

typedef struct pa_writer pa_writer;

typedef struct pa_writer_options {
    unsigned version;    /* PA_WRITER_OPTIONS_VERSION */
    const char *format;  /* a name of pa_writer_format(); NULL = from the
                            path's suffix (.tmx, .tmx.gz, .tsv, .align), else tsv */
    double min_score;    /* units scoring below are left out (not of bead files) */
    const char *const *tags; /* TMX tag per language, NULL = from the language
                            (a bare code gets its region: zh -> zh-CN) */
    const char *const *inputs; /* files the output must not be (it would destroy
                            them): an output that is one of them is refused */
    size_t n_inputs;
} pa_writer_options;

#define PA_WRITER_OPTIONS_VERSION 1
#define PA_WRITER_OPTIONS_INIT {PA_WRITER_OPTIONS_VERSION, NULL, 0.0, NULL, NULL, 0}

int pa_writer_options_init(pa_writer_options *o, unsigned version);

/* The name of the k-th output format ("tmx", "tmx.gz", "tsv", "beads",
 * "moses", ...), NULL past the last. */
const char *pa_writer_format(size_t k);

/* Opens `path` ("-" = standard output) for units of the `n_langs`
 * languages `langs` (tags; langs[0] the pivot). Files are written under a
 * temporary name and renamed by pa_writer_commit, so a failed run leaves
 * no partial output. Moses writes one file a language, PATH.LANG. */
pa_writer *pa_writer_open(const char *path, const char *const *langs, size_t n_langs, const pa_writer_options *o,
                          pa_error *err);

/* Writes every unit of `u` (same languages, same order as at open). After
 * an add that ran out of memory, pa_writer_commit refuses (an error, and
 * the output discarded): part of `u` may be written. */
int pa_writer_add(pa_writer *w, const pa_units *u, pa_error *err);

typedef struct pa_writer_counts {
    size_t written; /* units written */
    size_t dropped; /* left out: score below min_score */
    size_t skipped; /* left out: text in one language only */
} pa_writer_counts;

void pa_writer_get_counts(const pa_writer *w, pa_writer_counts *out);

/* Finishes the output and renames it into place; frees `w` either way. */
int pa_writer_commit(pa_writer *w, pa_error *err);
/* Discards the output; frees `w`. NULL is fine. */
void pa_writer_abort(pa_writer *w);

/* ---- Segmenting one document ----------------------------------------- */

typedef struct pa_document pa_document;

/* Reads and segments one input as pa_align would (`o`: split, reflow,
 * callbacks; may be NULL). */
pa_document *pa_document_read(pa_context *c, const pa_input *in, const pa_align_options *o, pa_error *err);

size_t pa_document_sentence_count(const pa_document *d);
/* Sentence `i`: its text (not NUL-terminated) and length; `paragraph` and
 * `offset` (byte offset into the cleaned text) may be NULL. */
const char *pa_document_sentence(const pa_document *d, size_t i, size_t *len, size_t *paragraph, size_t *offset);
const char *pa_document_language(const pa_document *d);
void pa_document_free(pa_document *d);

#ifdef __cplusplus
}
#endif

#endif
