/* pipeline.c - a document set from inputs to units: read, lay out,
 * segment, align each language with the pivot, make units.
 *
 * The one place where the layers meet (readers -> segmenter -> aligner ->
 * units); every command that aligns goes through pa_align. */
#include "config.h"

#include "align/pipeline/anchors.h"
#include "align/pipeline/context.h"
#include "align/pipeline/pairwise.h"
#include "align/pipeline/units.h"
#include "align/readers/layout.h"
#include "align/readers/reader.h"
#include "align/util/alloc.h"
#include "align/util/log.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *pa_version(void)
{
    return PACKAGE_VERSION;
}

/* The size of version 1 of pa_align_options: everything before `threads`. */
#define ALIGN_OPTIONS_V1_SIZE offsetof(pa_align_options, threads)

int pa_align_options_init(pa_align_options *o, unsigned version)
{
    pa_align_options d = PA_ALIGN_OPTIONS_INIT;
    if (version == 1) {
        d.version = 1;
        memcpy(o, &d, ALIGN_OPTIONS_V1_SIZE);
        return 0;
    }
    if (version != PA_ALIGN_OPTIONS_VERSION) return -1;
    *o = d;
    return 0;
}

/* The name of an input in messages: its path as given. */
static const char *input_name(const pa_input *in)
{
    if (in->path) return strcmp(in->path, "-") == 0 ? "<stdin>" : in->path;
    return in->label ? in->label : "<memory>";
}

/* The label units carry: the one given, else the file's base name ("-"
 * for standard input). */
static const char *input_label(const pa_input *in)
{
    if (in->label) return in->label;
    const char *name = in->path ? in->path : "<memory>";
    const char *slash = strrchr(name, '/');
    return slash ? slash + 1 : name;
}

/* The canonical tag and short code of `in`'s language: its `lang`, else
 * the tag in its file name. */
static int resolve_language(const pa_input *in, char canon[PA_LANG_MAX], char code[PA_LANG_MAX], pa_error *err)
{
    char found[PA_LANG_MAX];
    const char *given = in->lang;
    if (!given) {
        if (!in->path || pa_lang_from_filename(in->path, found) != 0)
            return pa_error_set(err, PA_EUSAGE, "%s: cannot tell the language from the file name; give it",
                                input_name(in));
        given = found;
    }
    return pa_lang_parse(given, canon, code, err);
}

int pa_input_language(const pa_input *in, char *tag, size_t size, pa_error *err)
{
    char canon[PA_LANG_MAX], code[PA_LANG_MAX];
    if (resolve_language(in, canon, code, err) != 0) return -1;
    if (strlen(canon) >= size) return pa_error_set(err, PA_EUSAGE, "%s: language tag too long", canon);
    memcpy(tag, canon, strlen(canon) + 1);
    return 0;
}

/* Checks an options struct's version; NULL gives the defaults, and a
 * version 1 struct is read into `defaults` with the later fields' defaults. */
static const pa_align_options *checked_options(const pa_align_options *o, pa_align_options *defaults, pa_error *err)
{
    pa_align_options_init(defaults, PA_ALIGN_OPTIONS_VERSION);
    if (!o) return defaults;
    if (o->version == 1) {
        memcpy(defaults, o, ALIGN_OPTIONS_V1_SIZE);
        return defaults;
    }
    if (o->version != PA_ALIGN_OPTIONS_VERSION) {
        pa_error_set(err, PA_EUSAGE, "align options of version %u, expected 1 to %u", o->version,
                     PA_ALIGN_OPTIONS_VERSION);
        return NULL;
    }
    return o;
}

/* Sentences a document may have when the options say 0. */
#define DEFAULT_MAX_SENTENCES ((size_t)10 * 1000 * 1000)

/* Reads one input as a document of its language (no layout yet). */
static pa_document *read_one(pa_context *c, const pa_input *in, int position, size_t max_bytes, pa_error *err)
{
    char canon[PA_LANG_MAX], code[PA_LANG_MAX];
    if (resolve_language(in, canon, code, err) != 0) return NULL;
    if (!in->path && !in->bytes) {
        pa_error_set(err, PA_EUSAGE, "an input has neither a path nor bytes");
        return NULL;
    }
    pa_wordlist_source words;
    pa_context_wordlists(c, &words);
    pa_read_opts ro = {in->encoding, max_bytes, position, &words};
    return pa_read_input(in, input_name(in), code, canon, &ro, err);
}

/* Splits what still needs it into sentences with the context's segmenters. */
static int segment(pa_context *c, pa_document *d, pa_reflow_mode reflow, const pa_logger *log, pa_error *err)
{
    if (d->needs_layout) pa_layout_paragraphs(d, reflow);
    if (d->n_sents) return 0; /* a reader that found the sentences itself */
    char phase[64];
    snprintf(phase, sizeof phase, "segmenting %s", d->tag);
    pa_log_progress(log, phase, 0, d->n_paras, "paragraphs");
    pa_segmenter *s = pa_context_take_segmenter(c, d->lang, err);
    if (!s) return -1;
    int rc = pa_segment_document(s, d, err);
    pa_context_give_segmenter(c, d->lang, s);
    pa_log_progress(log, phase, d->n_paras, d->n_paras, "paragraphs");
    return rc;
}

/* Lays out and segments the documents of a set. One sentence a line is
 * kept when asked, or (AUTO) when every plain-text version looks so. */
static int split_all(pa_context *c, pa_document **docs, size_t n, const pa_align_options *o, const pa_logger *log,
                     pa_split *used, pa_error *err)
{
    int lines = o->split == PA_SPLIT_LINES;
    if (o->split == PA_SPLIT_AUTO) {
        size_t plain = 0, like = 0;
        for (size_t k = 0; k < n; k++)
            if (docs[k]->needs_layout) plain++, like += pa_layout_is_sentence_lines(docs[k]);
        lines = plain == n && like == n;
    }
    *used = lines ? PA_SPLIT_LINES : PA_SPLIT_SEGMENT;
    size_t max_sents = o->max_sentences ? o->max_sentences : DEFAULT_MAX_SENTENCES;
    for (size_t k = 0; k < n; k++) {
        if (lines && docs[k]->needs_layout) pa_layout_lines(docs[k]);
        else if (segment(c, docs[k], o->reflow, log, err) != 0) return -1;
        if (docs[k]->n_sents > max_sents)
            return pa_error_set(err, PA_EINPUT, "%s: %zu sentences, more than the limit of %zu (--max-sentences)",
                                docs[k]->name, docs[k]->n_sents, max_sents);
        pa_log(log, PA_LOG_INFO, "%s: %zu paragraphs, %zu sentences", docs[k]->name, docs[k]->n_paras,
               docs[k]->n_sents);
    }
    return 0;
}

/* Sentences one version may have for each of the other's before the pair
 * looks like two different documents (translations of UN documents differ
 * by a third at most). */
#define LENGTH_RATIO_WARNING 3

/* Says so when `a` and `b` differ too much in length to be versions of one
 * document (a wrong file, a truncated extraction): they are aligned anyway,
 * and most of the longer one will be left unpaired. */
static void warn_lengths(const pa_document *a, const pa_document *b, const pa_logger *log)
{
    const pa_document *lo = a->n_sents <= b->n_sents ? a : b, *hi = lo == a ? b : a;
    if (hi->n_sents >= 10 && hi->n_sents > LENGTH_RATIO_WARNING * lo->n_sents)
        pa_log(log, PA_LOG_NOTE, "%s has %zu sentences, %s only %zu: are they versions of the same document?",
               hi->name, hi->n_sents, lo->name, lo->n_sents);
}

/* Places the anchors of each document among its sentences; true when every
 * version has anchors and the same number of them (else they are ignored,
 * with a warning when some version has any). */
static int anchors_agree(pa_document **docs, pa_anchors *a, size_t n, const pa_logger *log)
{
    size_t with = 0;
    for (size_t k = 0; k < n; k++) {
        pa_anchors_to_sentences(docs[k], &a[k]);
        with += a[k].n > 0;
    }
    for (size_t k = 1; k < n && with; k++)
        if (a[k].n != a[0].n) {
            pa_log(log, PA_LOG_NOTE, "%s has %zu anchors, %s has %zu: anchors ignored", docs[0]->name, a[0].n,
                   docs[k]->name, a[k].n);
            return 0;
        }
    return with == n;
}

/* pa_align's work, inside its allocation frame. */
static pa_units *align_inputs(pa_context *c, const pa_input *inputs, size_t n, const pa_align_options *opts,
                              pa_error *err)
{
    pa_align_options defaults;
    const pa_align_options *o = checked_options(opts, &defaults, err);
    if (!o) return NULL;
    if (n < 2) {
        pa_error_set(err, PA_EUSAGE, "aligning needs two or more language versions, got %zu", n);
        return NULL;
    }
    pa_logger log = {o->log, o->callback_data, o->log_level, o->progress};
    pa_document **docs = pa_calloc(n, sizeof *docs);
    pa_anchors *anchors = pa_calloc(n, sizeof *anchors);
    pa_alignment *al = pa_calloc(n, sizeof *al);
    pa_pairwise pairs = {al, n - 1};
    pa_units *u = NULL;
    pa_split used;
    size_t k;
    for (k = 0; k < n; k++) {
        pa_log_progress(&log, "reading", k, n, "files");
        if (!(docs[k] = read_one(c, &inputs[k], (int)k, o->max_input_bytes, err))) goto done;
        if (docs[k]->needs_layout) pa_anchors_take(docs[k], &anchors[k]);
        for (size_t q = 0; q < k; q++)
            if (strcmp(docs[q]->lang, docs[k]->lang) == 0) {
                pa_error_set(err, PA_EUSAGE, "%s (%s) and %s (%s) are both '%s'; give each version its own language",
                             docs[q]->name, docs[q]->tag, docs[k]->name, docs[k]->tag, docs[k]->lang);
                goto done;
            }
    }
    if (split_all(c, docs, n, o, &log, &used, err) != 0) goto done;
    int anchored = anchors_agree(docs, anchors, n, &log);
    for (k = 1; k < n; k++) warn_lengths(docs[0], docs[k], &log);
    if (pa_align_pairwise(c, docs, anchors, anchored, n, o, &log, &pairs, err) != 0) goto done;
    u = pa_units_build(docs, n, al, input_label(&inputs[0]), used);
done:
    pa_pairwise_release(&pairs);
    for (k = 0; k < n; k++) pa_alignment_free(&al[k]), pa_document_free(docs[k]), pa_anchors_free(&anchors[k]);
    pa_free(al), pa_free(docs), pa_free(anchors);
    return u;
}

pa_units *pa_align(pa_context *c, const pa_input *inputs, size_t n, const pa_align_options *opts, pa_error *err)
{
    pa_units *u;
    PA_ALLOC_CALL(u, align_inputs(c, inputs, n, opts, err), err, NULL);
    return u;
}

/* pa_document_read's work, inside its allocation frame. */
static pa_document *read_document(pa_context *c, const pa_input *in, const pa_align_options *opts, pa_error *err)
{
    pa_align_options defaults;
    const pa_align_options *o = checked_options(opts, &defaults, err);
    if (!o) return NULL;
    pa_logger log = {o->log, o->callback_data, o->log_level, o->progress};
    pa_document *d = read_one(c, in, -1, o->max_input_bytes, err);
    pa_anchors anchors = {0};
    if (d && d->needs_layout) pa_anchors_take(d, &anchors);
    pa_split used;
    if (d && split_all(c, &d, 1, o, &log, &used, err) != 0) pa_document_free(d), d = NULL;
    if (d) pa_anchors_to_sentences(d, &anchors);
    pa_anchors_free(&anchors);
    return d;
}

pa_document *pa_document_read(pa_context *c, const pa_input *in, const pa_align_options *opts, pa_error *err)
{
    pa_document *d;
    PA_ALLOC_CALL(d, read_document(c, in, opts, err), err, NULL);
    return d;
}

size_t pa_document_sentence_count(const pa_document *d)
{
    return d->n_sents;
}

const char *pa_document_sentence(const pa_document *d, size_t i, size_t *len, size_t *paragraph, size_t *offset)
{
    if (i >= d->n_sents) return NULL;
    if (len) *len = d->sents[i].span.len;
    if (paragraph) *paragraph = d->sents[i].para;
    if (offset) *offset = d->sents[i].span.start;
    return pa_sentence_text(d, i);
}

const char *pa_document_language(const pa_document *d)
{
    return d->tag;
}
