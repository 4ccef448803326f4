/* sentlines.c - prints, for each file, whether pa_text_is_sentence_lines
 * takes it for one sentence a line and the counts behind the answer:
 *   sentlines [-l LANG] [--reflow] FILE...
 * One line a file: "yes|no lines=N ends=N inner=N wrapped=W FILE". The
 * language comes from -l or the file name (".zh.txt"); --reflow also asks
 * reflow's detector when the counts already said no (for reports).
 * Used by tests/readers/sentence_lines.py on the shared corpora. */
#include "align/readers/sentence_lines.h"
#include "align/text/input.h"
#include "align/text/lang.h"
#include "align/text/reflow.h"
#include "align/util/buf.h"

#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    const char *lang = NULL;
    int always_reflow = 0, status = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-l") == 0 && i + 1 < argc) {
            lang = argv[++i];
            continue;
        }
        if (strcmp(argv[i], "--reflow") == 0) {
            always_reflow = 1;
            continue;
        }
        char code[PA_LANG_MAX] = "";
        if (lang) snprintf(code, sizeof code, "%s", lang);
        else if (pa_lang_from_filename(argv[i], code) != 0) code[0] = '\0';
        pa_buf text = PA_BUF_INIT;
        pa_error err;
        pa_error_clear(&err);
        if (pa_read_text(argv[i], NULL, &text, &err) != 0) {
            fprintf(stderr, "sentlines: %s\n", err.msg);
            status = 1;
            continue;
        }
        pa_sentence_lines_stats st;
        int yes = pa_text_sentence_lines_stats(text.data, text.len, code, &st);
        if (st.wrapped < 0 && always_reflow) {
            pa_buf scratch = PA_BUF_INIT;
            st.wrapped = pa_reflow(text.data, text.len, code, PA_REFLOW_DETECT, &scratch) == PA_REFLOW_WRAPPED;
            pa_buf_free(&scratch);
        }
        printf("%s lines=%zu ends=%zu inner=%zu wrapped=%d %s\n", yes ? "yes" : "no", st.lines, st.ends, st.inner,
               st.wrapped, argv[i]);
        pa_buf_free(&text);
    }
    return status;
}
