/* load.c - see load.h. */
#include "align/segment/load.h"
#include "align/text/reflow.h"
#include "align/util/alloc.h"

#include <stdlib.h>
#include <string.h>

int pa_reflow_mode_parse(const char *s, pa_reflow_mode *mode)
{
    static const char *const names[] = {"auto", "on", "off"};
    for (int k = 0; k < 3; k++)
        if (strcmp(s, names[k]) == 0) return *mode = (pa_reflow_mode)k, 0;
    return -1;
}

pa_document *pa_load_document(const char *path, const pa_load_opts *o, pa_segmenter *seg, pa_error *err)
{
    pa_buf raw = PA_BUF_INIT;
    if (pa_read_text(path, &o->text, &raw, err) != 0) {
        pa_buf_free(&raw);
        return NULL;
    }
    pa_document *d = pa_document_new(strcmp(path, "-") == 0 ? "<stdin>" : path, o->lang);
    if (o->presplit) {
        size_t len;
        char *text = pa_buf_detach(&raw, &len);
        pa_document_set_text(d, text, len);
        pa_document_split_lines(d);
        return d;
    }
    size_t len;
    char *text;
    if (o->reflow == PA_REFLOW_OFF) {
        text = pa_buf_detach(&raw, &len);
    } else {
        pa_buf flowed = PA_BUF_INIT;
        pa_reflow(raw.data, raw.len, o->lang, o->reflow == PA_REFLOW_ON ? PA_REFLOW_WRAPPED : PA_REFLOW_DETECT,
                  &flowed);
        pa_buf_free(&raw);
        text = pa_buf_detach(&flowed, &len);
    }
    pa_document_set_text(d, text, len);
    pa_document_split_paragraphs(d);
    if (pa_segment_document(seg, d, err) != 0) {
        pa_document_free(d);
        return NULL;
    }
    return d;
}
