/* test_suggest.c - "did you mean" (align/cli/suggest.c) on the cases of
 * tests/cli/suggest.cases (or the file named by argv[1]), then the edges the
 * cases file cannot spell: NULL arguments, the output buffer's size, the
 * returned pointer's identity, over-long words. */
#include "align/cli/suggest.h"
#include "tests/tap.h"

#include <stdlib.h>
#include <string.h>

#define MAX_LISTS 16
#define MAX_ITEMS 64

/* One "list" line of the cases file; names are owned (strdup). */
typedef struct list {
    char *name;
    char *items[MAX_ITEMS];
    size_t n;
    struct option opts[MAX_ITEMS + 1]; /* the items without dashes, zero-ended */
} list;

typedef struct lists {
    list l[MAX_LISTS];
    size_t n;
} lists;

/* Finds a list by name; NULL when the cases file never defined it. */
static list *find_list(lists *ls, const char *name)
{
    for (size_t i = 0; i < ls->n; i++)
        if (strcmp(ls->l[i].name, name) == 0) return &ls->l[i];
    return NULL;
}

/* Adds the list of a "list NAME ITEM..." line (tokens after "list"). */
static int add_list(lists *ls, char *save)
{
    if (ls->n == MAX_LISTS) return -1;
    char *name = strtok_r(NULL, " \t", &save);
    if (!name) return -1;
    list *l = &ls->l[ls->n++];
    memset(l, 0, sizeof *l);
    l->name = strdup(name);
    for (char *t = strtok_r(NULL, " \t", &save); t; t = strtok_r(NULL, " \t", &save)) {
        if (l->n == MAX_ITEMS) return -1;
        l->items[l->n] = strdup(t);
        const char *bare = l->items[l->n];
        while (*bare == '-') bare++;
        l->opts[l->n] = (struct option){bare, required_argument, NULL, 0};
        l->n++;
    }
    return 0;
}

/* Runs one "suggest" or "option" case; returns -1 on a malformed line. */
static int run_case(lists *ls, const char *kind, char *save)
{
    char *word = strtok_r(NULL, " \t", &save);
    char *lname = strtok_r(NULL, " \t", &save);
    char *want = strtok_r(NULL, " \t", &save);
    list *l = lname ? find_list(ls, lname) : NULL;
    if (!word || !want || !l) return -1;
    int none = strcmp(want, "NONE") == 0;
    if (strcmp(kind, "suggest") == 0) {
        const char *got = cli_suggest(word, (const char *const *)l->items, l->n);
        ok(none ? got == NULL : got && strcmp(got, want) == 0, "suggest %s in %s -> %s (want %s)", word, lname,
           got ? got : "NONE", want);
    } else {
        char out[64] = "";
        int rc = cli_suggest_option(word, l->opts, out, sizeof out);
        ok(none ? rc == -1 : rc == 0 && strcmp(out, want) == 0, "option %s in %s -> %d %s (want %s)", word, lname,
           rc, rc == 0 ? out : "NONE", want);
    }
    return 0;
}

/* Reads and runs the cases file; returns -1 when it cannot be read or has a
 * line it does not understand (reported as "Bail out!"). */
static int run_file(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        printf("Bail out! cannot open %s\n", path);
        return -1;
    }
    diag("cases from %s", path);
    lists *ls = calloc(1, sizeof *ls);
    char line[2048];
    int rc = 0, lineno = 0;
    while (rc == 0 && fgets(line, sizeof line, f)) {
        lineno++;
        line[strcspn(line, "\r\n")] = '\0';
        char *save = NULL;
        char *kind = strtok_r(line, " \t", &save);
        if (!kind || kind[0] == '#') continue;
        if (strcmp(kind, "list") == 0) rc = add_list(ls, save);
        else if (strcmp(kind, "suggest") == 0 || strcmp(kind, "option") == 0) rc = run_case(ls, kind, save);
        else rc = -1;
        if (rc != 0) printf("Bail out! %s:%d: malformed line\n", path, lineno);
    }
    fclose(f);
    for (size_t i = 0; i < ls->n; i++) {
        free(ls->l[i].name);
        for (size_t k = 0; k < ls->l[i].n; k++) free(ls->l[i].items[k]);
    }
    free(ls);
    return rc;
}

/* What the cases file cannot express. */
static void edges(void)
{
    static const char *const cmds[] = {"align", NULL, "segment"};
    ok(cli_suggest(NULL, cmds, 3) == NULL, "NULL word: no suggestion");
    ok(cli_suggest("aling", NULL, 3) == NULL, "NULL candidates: no suggestion");
    ok(cli_suggest("aling", cmds, 0) == NULL, "no candidates: no suggestion");
    ok(cli_suggest("", cmds, 3) == NULL, "empty word: no suggestion");
    ok(cli_suggest("segmnet", cmds, 3) == cmds[2], "NULL entries are skipped; the candidate itself is returned");

    char longword[100];
    memset(longword, 'a', sizeof longword - 1);
    longword[sizeof longword - 1] = '\0';
    const char *longs[] = {longword};
    ok(cli_suggest(longword, longs, 1) == NULL, "names over 63 bytes are never matched");

    static const struct option opts[] = {
        {"src-lang", required_argument, NULL, 's'},
        {"tgt-lang", required_argument, NULL, 't'},
        {NULL, 0, NULL, 0},
    };
    char out[16];
    ok(cli_suggest_option("--srclang=zh", opts, out, 11) == 0 && strcmp(out, "--src-lang") == 0,
       "an output buffer of exactly strlen + 1 is enough");
    memset(out, 'x', sizeof out);
    ok(cli_suggest_option("--srclang=zh", opts, out, 10) == -1 && out[0] == '\0',
       "a buffer one byte short: -1 and an empty string, not a truncated name");
    ok(cli_suggest_option("--srclang", opts, out, 0) == -1, "outsz 0: -1");
    ok(cli_suggest_option(NULL, opts, out, sizeof out) == -1, "NULL arg: -1");
    ok(cli_suggest_option("--srclang", NULL, out, sizeof out) == -1, "NULL options: -1");
}

int main(int argc, char **argv)
{
    const char *srcdir = getenv("top_srcdir");
    char path[4096];
    snprintf(path, sizeof path, "%s/tests/cli/suggest.cases", srcdir ? srcdir : ".");
    if (run_file(argc > 1 ? argv[1] : path) != 0) return 1;
    edges();
    return done_testing();
}
