/* readdoc.c - prints the paragraphs polyalign reads from documents:
 *   readdoc [--encoding ENC] [--lines] [--lang TAG] [--position K] FILE...
 * One line a paragraph: "KIND|TEXT", KIND one of body heading item cell
 * note, a line break inside the paragraph shown as " // "; with --lines,
 * "LINE:KIND|TEXT" (the source line the paragraph starts on). A file that is
 * refused prints "readdoc: MESSAGE" on standard error and makes the exit
 * status 1. Used by tests/readers/office.py (the cases of
 * tests/readers/ *.cases) and for reports. */
#include "align/readers/reader.h"

#include "align/text/lang.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const kinds[] = {
    [PA_PARA_BODY] = "body", [PA_PARA_HEADING] = "heading", [PA_PARA_LIST_ITEM] = "item",
    [PA_PARA_TABLE_CELL] = "cell", [PA_PARA_FOOTNOTE] = "note",
};

int main(int argc, char **argv)
{
    const char *encoding = NULL, *tag = "en";
    int status = 0, lines = 0, position = -1;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--encoding") == 0 && i + 1 < argc) {
            encoding = argv[++i];
            continue;
        }
        if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc) {
            tag = argv[++i];
            continue;
        }
        if (strcmp(argv[i], "--position") == 0 && i + 1 < argc) {
            position = atoi(argv[++i]);
            continue;
        }
        if (strcmp(argv[i], "--lines") == 0) {
            lines = 1;
            continue;
        }
        char code[PA_LANG_MAX];
        pa_error err;
        pa_error_clear(&err);
        if (pa_lang_normalize(tag, code, &err) != 0) {
            fprintf(stderr, "readdoc: %s\n", err.msg);
            return 2;
        }
        pa_input in = {.path = argv[i]};
        pa_read_opts o = {encoding, 0, position, NULL};
        pa_document *d = pa_read_input(&in, argv[i], code, tag, &o, &err);
        if (!d) {
            fprintf(stderr, "readdoc: %s\n", err.msg);
            status = 1;
            continue;
        }
        if (d->needs_layout) pa_document_split_paragraphs(d);
        for (size_t k = 0; k < d->n_paras; k++) {
            const pa_paragraph *p = &d->paras[k];
            if (lines) printf("%zu:", p->line);
            printf("%s|", kinds[p->kind]);
            for (size_t j = 0; j < p->span.len; j++) {
                char c = d->text[p->span.start + j];
                if (c == '\n') fputs(" // ", stdout);
                else putchar(c);
            }
            putchar('\n');
        }
        pa_document_free(d);
    }
    return status;
}
