/* export.h - writing an alignment out: TMX units, bead lines, TSV.
 *
 * The text of a bead side is its sentences joined with one space, or with
 * nothing for languages written without spaces (zh, ja). Beads with an
 * empty side (deletions) carry no translation: TMX and TSV leave them out,
 * bead files keep them.
 */
#ifndef PA_EXPORT_H
#define PA_EXPORT_H

#include "align/aligner/bead.h"
#include "align/text/document.h"
#include "align/util/output.h"
#include "tmx/langtag.h"
#include "tmx/tmx_writer.h"

typedef enum pa_format { PA_FORMAT_NONE, PA_FORMAT_TMX, PA_FORMAT_BEADS, PA_FORMAT_TSV } pa_format;

/* "tmx", "tmx.gz", "beads", "tsv" (and ".gz" variants of the last two) ->
 * format and compression. Returns -1 for an unknown name. */
int pa_format_parse(const char *name, pa_format *fmt, int *gzip);

/* The format a file name implies ("x.tmx.gz" -> TMX, gzip), or NONE. */
pa_format pa_format_from_path(const char *path, int *gzip);

typedef struct pa_export_stats {
    size_t written;  /* units or lines written */
    size_t dropped;  /* beads below the minimum score */
    size_t skipped;  /* deletions (a side without sentences) */
} pa_export_stats;

/* Appends the text of sentences [first, first+n) of `d` to `out`, joined. */
void pa_bead_side_text(const pa_document *d, size_t first, size_t n, pa_buf *out);

/* One TMX unit per bead with both sides and a score >= min_score. The
 * x-document prop is `label`. */
int pa_export_tmx(pa_tmx_writer *w, const pa_tmx_langtags *tags, const pa_document *src, const pa_document *tgt,
                  const pa_alignment *a, double min_score, const char *label, pa_export_stats *st,
                  pa_error *err);

/* Bead lines ("[0,1]:[0]"), every bead. */
int pa_export_beads(pa_output *out, const pa_alignment *a, pa_export_stats *st, pa_error *err);

/* "SCORE<TAB>SOURCE<TAB>TARGET" lines; tabs and line breaks inside the
 * text become spaces. */
int pa_export_tsv(pa_output *out, const pa_document *src, const pa_document *tgt, const pa_alignment *a,
                  double min_score, pa_export_stats *st, pa_error *err);

#endif
