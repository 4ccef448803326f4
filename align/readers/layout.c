/* layout.c - see layout.h. */
#include "align/readers/layout.h"
#include "align/readers/sentence_lines.h"
#include "align/text/reflow.h"
#include "align/util/buf.h"

#include <string.h>

int pa_reflow_mode_parse(const char *s, pa_reflow_mode *mode)
{
    static const char *const names[] = {"auto", "on", "off"};
    for (int k = 0; k < 3; k++)
        if (strcmp(s, names[k]) == 0) return *mode = (pa_reflow_mode)k, 0;
    return -1;
}

int pa_layout_is_sentence_lines(const pa_document *d)
{
    return pa_text_is_sentence_lines(d->text, d->len, d->lang);
}

/* Page ends (form feeds, kept by the text reader for reflow) as line ends,
 * for the layouts that do not reflow. */
static void form_feeds_as_line_ends(pa_document *d)
{
    for (char *p = memchr(d->text, '\f', d->len); p; p = memchr(p, '\f', d->len - (size_t)(p - d->text))) *p = '\n';
}

void pa_layout_lines(pa_document *d)
{
    form_feeds_as_line_ends(d);
    pa_document_split_lines(d);
    d->needs_layout = 0;
}

void pa_layout_paragraphs(pa_document *d, pa_reflow_mode mode)
{
    if (mode != PA_REFLOW_OFF) {
        pa_buf flowed = PA_BUF_INIT;
        pa_reflow(d->text, d->len, d->lang, mode == PA_REFLOW_ON ? PA_REFLOW_WRAPPED : PA_REFLOW_DETECT, &flowed);
        size_t len;
        char *text = pa_buf_detach(&flowed, &len);
        pa_document_set_text(d, text, len);
    } else {
        form_feeds_as_line_ends(d);
    }
    pa_document_split_paragraphs(d);
    d->needs_layout = 0;
}
