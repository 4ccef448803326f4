/* tmxdump.c - prints what pa_tmx_reader reads from a TMX file, for the tests.
 *
 *   tmxdump FILE          header srclang, then each unit and its variants
 *   tmxdump -c FILE       the number of units
 *   tmxdump -l LANG FILE  per unit, the text of the variant matching LANG
 *
 * Text is printed on one line: backslash, tab, CR, LF and other control
 * characters are escaped. On error: one line on stderr, exit status 1.
 */
#include "tmx/tmx_reader.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Prints `s` with control characters and backslashes escaped. */
static void put_escaped(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\\') fputs("\\\\", stdout);
        else if (c == '\n') fputs("\\n", stdout);
        else if (c == '\t') fputs("\\t", stdout);
        else if (c == '\r') fputs("\\r", stdout);
        else if (c < 0x20 || c == 0x7f) printf("\\x%02x", c);
        else putchar(c);
    }
}

static const char *or_dash(const char *s) { return s ? s : "-"; }

static void dump_unit(const pa_tmx_read_unit *u)
{
    printf("tu\t%s\t%s\t%s\t", or_dash(u->tuid), or_dash(u->srclang), or_dash(u->document));
    if (u->score >= 0) printf("%.4f\n", u->score);
    else puts("-");
    for (size_t i = 0; i < u->n_variants; i++) {
        printf("tuv\t%s\t", u->variants[i].lang);
        put_escaped(u->variants[i].text, u->variants[i].len);
        putchar('\n');
    }
}

int main(int argc, char **argv)
{
    int count_only = 0, opt;
    const char *lang = NULL;
    while ((opt = getopt(argc, argv, "cl:")) != -1) {
        if (opt == 'c') count_only = 1;
        else if (opt == 'l') lang = optarg;
        else return 2;
    }
    if (optind + 1 != argc) {
        fprintf(stderr, "usage: tmxdump [-c | -l LANG] FILE\n");
        return 2;
    }
    pa_error err;
    pa_error_clear(&err);
    pa_tmx_reader *r = pa_tmx_reader_open(argv[optind], &err);
    if (!r) {
        fprintf(stderr, "tmxdump: %s\n", err.msg);
        return 1;
    }
    if (!count_only && !lang) printf("srclang\t%s\n", or_dash(pa_tmx_reader_srclang(r)));
    const pa_tmx_read_unit *u;
    long n = 0;
    int rc;
    while ((rc = pa_tmx_reader_next(r, &u, &err)) > 0) {
        n++;
        if (lang) {
            const pa_tmx_read_variant *v = pa_tmx_unit_variant(u, lang);
            if (v) put_escaped(v->text, v->len);
            else fputs("<none>", stdout);
            putchar('\n');
        } else if (!count_only) {
            dump_unit(u);
        }
    }
    pa_tmx_reader_close(r);
    if (rc < 0) {
        fflush(stdout);
        fprintf(stderr, "tmxdump: %s\n", err.msg);
        return 1;
    }
    if (count_only) printf("%ld\n", n);
    return 0;
}
