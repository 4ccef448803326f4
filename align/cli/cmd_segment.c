/* cmd_segment.c - `polyalign segment`: one sentence a line. */
#include "align/cli/cli.h"
#include "align/segment/load.h"
#include "align/util/buf.h"
#include "align/util/output.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: polyalign segment --lang LANG [OPTIONS] FILE\n"
    "\n"
    "Splits FILE (\"-\" = standard input; gzip is read transparently) into\n"
    "sentences and prints one a line, with a blank line between paragraphs.\n"
    "\n"
    "  -l, --lang LANG      language code (zh, en, fr, es, ru, ar, ...); default:\n"
    "                       from the file name (NAME.LANG.txt)\n"
    "  -o, --output FILE    write to FILE (default standard output; .gz compresses)\n"
    "      --jsonl          one JSON object a sentence:\n"
    "                       {\"para\":N,\"start\":BYTE,\"end\":BYTE,\"text\":...}\n"
    "                       (byte offsets into the cleaned, reflowed text)\n"
    "      --encoding ENC   input encoding (default: UTF-8, or UTF-16 by its BOM;\n"
    "                       any ICU converter: GB18030, Big5, windows-1251, ...)\n"
    "      --srx FILE       segmentation rules (SRX 2.0) instead of the shipped ones\n"
    "      --reflow MODE    undo hard line breaks inside paragraphs: auto (detect\n"
    "                       text extracted from PDF), on, off (default auto)\n"
    "  -h, --help           this help\n";

/* Copies a sentence to `out` on one line (line breaks inside become spaces). */
static void put_line(pa_buf *out, const char *s, size_t n)
{
    size_t at = out->len;
    pa_buf_append(out, s, n);
    for (size_t k = at; k < out->len; k++)
        if (out->data[k] == '\n' || out->data[k] == '\r') out->data[k] = ' ';
    pa_buf_putc(out, '\n');
}

/* Writes the sentences of `d` as text or JSON lines. */
static int write_sentences(const pa_document *d, int jsonl, pa_output *out, pa_error *err)
{
    pa_buf b = PA_BUF_INIT;
    int rc = 0;
    for (size_t i = 0; i < d->n_sents && rc == 0; i++) {
        const pa_sentence *s = &d->sents[i];
        if (jsonl) {
            pa_buf_printf(&b, "{\"para\":%zu,\"start\":%zu,\"end\":%zu,\"text\":", s->para, s->span.start,
                          s->span.start + s->span.len);
            pa_buf_json_string(&b, pa_sentence_text(d, i), s->span.len);
            pa_buf_puts(&b, "}\n");
        } else {
            if (i > 0 && d->sents[i - 1].para != s->para) pa_buf_putc(&b, '\n');
            put_line(&b, pa_sentence_text(d, i), s->span.len);
        }
        if (b.len >= (1 << 16) || i + 1 == d->n_sents) {
            rc = pa_output_write(out, b.data, b.len, err);
            pa_buf_reset(&b);
        }
    }
    pa_buf_free(&b);
    return rc;
}

int cmd_segment(int argc, char **argv)
{
    static const struct option opts[] = {
        {"lang", required_argument, NULL, 'l'},   {"output", required_argument, NULL, 'o'},
        {"jsonl", no_argument, NULL, 'j'},        {"encoding", required_argument, NULL, 'e'},
        {"srx", required_argument, NULL, 's'},    {"reflow", required_argument, NULL, 'r'},
        {"help", no_argument, NULL, 'h'},         {NULL, 0, NULL, 0},
    };
    const char *lang = NULL, *output = "-";
    pa_load_opts lo = {0};
    pa_segmenter_opts so = {0};
    int jsonl = 0, c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "l:o:h", opts, NULL)) != -1) {
        switch (c) {
        case 'l': lang = optarg; break;
        case 'o': output = optarg; break;
        case 'j': jsonl = 1; break;
        case 'e': lo.text.encoding = optarg; break;
        case 's': so.srx_path = optarg; break;
        case 'r':
            if (pa_reflow_mode_parse(optarg, &lo.reflow) != 0)
                return cli_usage_error("segment", "--reflow: '%s' is not auto, on or off", optarg);
            break;
        case 'h': fputs(usage, stdout); return 0;
        default: return cli_usage_error("segment", "unknown or incomplete option '%s'", argv[optind - 1]);
        }
    }
    if (optind + 1 != argc) return cli_usage_error("segment", "expected one input FILE");
    const char *path = argv[optind];

    pa_error err;
    pa_error_clear(&err);
    char code[PA_LANG_MAX];
    if (lang ? pa_lang_normalize(lang, code, &err) != 0 : pa_lang_from_filename(path, code) != 0) {
        if (lang) return cli_report(&err);
        return cli_usage_error("segment", "%s: cannot tell the language from the file name; give --lang", path);
    }
    lo.lang = code;
    pa_segmenter *seg = pa_segmenter_new(code, &so, &err);
    if (!seg) return cli_report(&err);
    pa_document *d = pa_load_document(path, &lo, seg, &err);
    pa_output *out = d ? pa_output_open(output, pa_path_is_gzip(output), &err) : NULL;
    int rc = out ? write_sentences(d, jsonl, out, &err) : -1;
    if (out) {
        if (rc == 0) rc = pa_output_commit(out, &err);
        else pa_output_abort(out);
    }
    pa_document_free(d);
    pa_segmenter_free(seg);
    return rc == 0 ? 0 : cli_report(&err);
}
