/* srx.h - SRX 2.0 segmentation rule files.
 *
 * An SRX file holds named language rules (ordered break and no-break rules,
 * each a pair of regular expressions matched before and after a candidate
 * break position) and language maps that say which language rules apply to
 * which languages. With cascade="yes" every map whose pattern matches the
 * language contributes its rules, in map order; otherwise only the first
 * does. Language patterns are matched case-insensitively against the whole
 * code, as OmegaT does ("ZH.*" matches "zh").
 *
 * Files are parsed with libxml2 without network access or external entities.
 * Structural errors (not XML, no <srx> root, a map naming a missing rule set)
 * fail with one line naming the file and line; what real files commonly
 * leave out (the header's segmentsubflows, the namespace, the break
 * attribute, which defaults to "yes") is accepted.
 *
 * polyalign's own files set the extension attribute pa:icu-base="yes"
 * (namespace PA_SRX_NS) on <header>: the rules then correct ICU's sentence
 * break iterator instead of replacing it (see segmenter.h). An SRX object is
 * immutable once read, so threads may share it.
 */
#ifndef PA_SRX_H
#define PA_SRX_H

#include <stddef.h>

#include "align/util/error.h"

#define PA_SRX_NS "urn:x-polyalign:srx"

typedef struct pa_srx_rule {
    int is_break;  /* break="yes" */
    char *before;  /* beforebreak pattern (Java syntax), NULL when absent or empty */
    char *after;   /* afterbreak pattern, likewise */
    int line;      /* of the <rule> element, for messages */
} pa_srx_rule;

typedef struct pa_srx pa_srx;

/* Reads an SRX file ("-" = standard input; gzip is fine). */
pa_srx *pa_srx_read_file(const char *path, pa_error *err);

/* Parses SRX held in memory; `name` is used in messages. */
pa_srx *pa_srx_read_memory(const char *name, const char *xml, size_t len, pa_error *err);

/* The rules shipped with polyalign (corpora/srx/polyalign.srx, compiled into
 * the library at build time, so no data file has to be found at run time). */
pa_srx *pa_srx_builtin(pa_error *err);

void pa_srx_free(pa_srx *x);

/* The name given when reading (file name or "<built-in rules>"). */
const char *pa_srx_name(const pa_srx *x);

/* True when the file asks for ICU's break iterator as the base. */
int pa_srx_icu_base(const pa_srx *x);

/* True for pa_srx_builtin's rules, which the tests compile whole. */
int pa_srx_shipped(const pa_srx *x);

/* Collects the rules that apply to language `lang`, in order, into a new
 * array `*rules` (of `*n` pointers into x; the caller frees the array).
 * A language no map matches is an error naming the file. */
int pa_srx_rules_for(const pa_srx *x, const char *lang, const pa_srx_rule ***rules, size_t *n, pa_error *err);

/* Every language rule set of the file, in file order, for checks that
 * compile them all: the i-th set's rules, count and name; -1 past the
 * last set. */
int pa_srx_ruleset_at(const pa_srx *x, size_t i, const pa_srx_rule **rules, size_t *n, const char **name);

#endif
