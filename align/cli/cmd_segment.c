/* cmd_segment.c - `polyalign segment`: one sentence a line. */
#include "align/cli/cli.h"
#include "align/readers/layout.h"
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
    CLI_LIMIT_HELP
    "  -h, --help           this help\n";

/* Replaces every byte `c` of [p, e) by a space. */
static void blank_byte(char *p, char *e, char c)
{
    while ((p = memchr(p, c, (size_t)(e - p))) != NULL) *p++ = ' ';
}

/* Writes the sentences of `d` as text or JSON lines. */
static int write_sentences(const pa_document *d, int jsonl, pa_output *out, pa_error *err)
{
    pa_buf b = PA_BUF_INIT;
    int rc = 0;
    size_t n = pa_document_sentence_count(d), prev_para = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        size_t len, para, off;
        const char *text = pa_document_sentence(d, i, &len, &para, &off);
        if (jsonl) {
            pa_buf_printf(&b, "{\"para\":%zu,\"start\":%zu,\"end\":%zu,\"text\":", para, off, off + len);
            pa_buf_json_string(&b, text, len);
            pa_buf_puts(&b, "}\n");
        } else {
            if (i > 0 && prev_para != para) pa_buf_putc(&b, '\n');
            size_t at = b.len;
            pa_buf_append(&b, text, len);
            blank_byte(b.data + at, b.data + b.len, '\n');
            blank_byte(b.data + at, b.data + b.len, '\r');
            pa_buf_putc(&b, '\n');
        }
        prev_para = para;
        if (b.len >= (1 << 16) || i + 1 == n) {
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
        {"help", no_argument, NULL, 'h'},         CLI_LIMIT_OPTIONS, {NULL, 0, NULL, 0},
    };
    const char *output = "-", *srx = NULL;
    pa_input in = {0};
    pa_align_options ao = PA_ALIGN_OPTIONS_INIT;
    ao.split = PA_SPLIT_SEGMENT;
    int jsonl = 0, c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "l:o:h", opts, NULL)) != -1) {
        switch (c) {
        case 'l': in.lang = optarg; break;
        case 'o': output = optarg; break;
        case 'j': jsonl = 1; break;
        case 'e': in.encoding = optarg; break;
        case 's': srx = optarg; break;
        case 'r':
            if (pa_reflow_mode_parse(optarg, &ao.reflow) != 0)
                return cli_usage_error("segment", "--reflow: '%s' is not auto, on or off", optarg);
            break;
        case 'h': fputs(usage, stdout); return 0;
        case CLI_OPT_MAX_INPUT_BYTES:
        case CLI_OPT_MAX_SENTENCES:
            if (cli_parse_align_option("segment", c, optarg, &ao) < 0) return PA_EUSAGE;
            break;
        default: return cli_unknown_option("segment", argv[optind - 1], opts);
        }
    }
    if (optind + 1 != argc) return cli_usage_error("segment", "expected one input FILE");
    in.path = argv[optind];

    pa_error err;
    pa_error_clear(&err);
    char tag[64];
    if (pa_input_language(&in, tag, sizeof tag, &err) != 0) {
        if (in.lang) return cli_report(&err);
        return cli_usage_error("segment", "%s: cannot tell the language from the file name; give --lang", in.path);
    }
    const char *inputs[2] = {in.path, srx};
    if (pa_output_refuse_inputs(output, inputs, 2, &err) != 0) return cli_report(&err);
    pa_context_options co = PA_CONTEXT_OPTIONS_INIT;
    co.srx_path = srx;
    pa_context *ctx = pa_context_new(&co, &err);
    pa_document *d = ctx ? pa_document_read(ctx, &in, &ao, &err) : NULL;
    pa_output *out = d ? pa_output_open(output, pa_path_is_gzip(output), &err) : NULL;
    int rc = out ? write_sentences(d, jsonl, out, &err) : -1;
    if (out) {
        if (rc == 0) rc = pa_output_commit(out, &err);
        else pa_output_abort(out);
    }
    pa_document_free(d);
    pa_context_free(ctx);
    return rc == 0 ? 0 : cli_report(&err);
}
