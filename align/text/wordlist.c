/* wordlist.c - see wordlist.h. */
#include "align/text/wordlist.h"
#include "align/util/alloc.h"
#include "align/util/dynlib.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* hunspell.h's C interface, as a table (the library is opened, not linked) */
typedef struct Hunhandle Hunhandle;

struct pa_wordlist {
    void *lib;
    Hunhandle *h;
    Hunhandle *(*create)(const char *aff, const char *dic);
    void (*destroy)(Hunhandle *);
    int (*spell)(Hunhandle *, const char *);
    char word[256]; /* NUL-terminated copy of the word asked about */
};

void pa_wordlist_free(pa_wordlist *w)
{
    if (!w) return;
    pa_alloc_undefer(w);
    if (w->h) w->destroy(w->h);
    if (w->lib) dlclose(w->lib);
    pa_free(w);
}

static void free_wordlist(void *w)
{
    pa_wordlist_free(w);
}

/* The dictionary of `lang` in `dir`: 0 with its two paths, or -1. */
static int find_in(const char *dir, size_t n, const char *lang, char *aff, char *dic, size_t cap)
{
    if (n == 0 || n > cap / 2) return -1;
    snprintf(aff, cap, "%.*s/%s.aff", (int)n, dir, lang);
    snprintf(dic, cap, "%.*s/%s.dic", (int)n, dir, lang);
    return access(aff, R_OK) == 0 && access(dic, R_OK) == 0 ? 0 : -1;
}

pa_wordlist *pa_wordlist_open(const char *lang, pa_error *err)
{
    char aff[4096], dic[4096];
    int found = 0;
    const char *env = getenv("DICPATH");
    for (const char *p = env; p && *p && !found;) {
        const char *e = strchr(p, ':');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        found = find_in(p, n, lang, aff, dic, sizeof aff) == 0;
        p = e ? e + 1 : p + n;
    }
    static const char *const dirs[] = {"/usr/share/hunspell", "/usr/share/myspell", "/usr/share/myspell/dicts"};
    for (size_t k = 0; k < sizeof dirs / sizeof *dirs && !found && !env; k++)
        found = find_in(dirs[k], strlen(dirs[k]), lang, aff, dic, sizeof aff) == 0;
    if (!found) {
        pa_error_set(err, PA_EINPUT, "no hunspell dictionary for '%s' (Debian: hunspell-%s; or set DICPATH)", lang, lang);
        return NULL;
    }
    static const char *const sonames[] = {"libhunspell-1.7.so.0", "libhunspell-1.7.so", "libhunspell.so"};
    pa_wordlist *w = pa_calloc(1, sizeof *w);
    pa_alloc_defer(free_wordlist, w);
    const pa_dynsym syms[] = {{&w->create, "Hunspell_create"}, {&w->destroy, "Hunspell_destroy"}, {&w->spell, "Hunspell_spell"}};
    const char *missing;
    char why[512];
    w->lib = pa_dynlib_open(sonames, sizeof sonames / sizeof *sonames, syms, sizeof syms / sizeof *syms, &missing, why,
                            sizeof why);
    if (!w->lib) {
        if (missing) pa_error_set(err, PA_EINPUT, "libhunspell lacks %s", missing);
        else pa_error_set(err, PA_EINPUT, "libhunspell cannot be loaded (%s; Debian: libhunspell-1.7-0)", why);
        pa_wordlist_free(w);
        return NULL;
    }
    w->h = w->create(aff, dic);
    if (!w->h) {
        pa_error_set(err, PA_EINPUT, "%s: hunspell cannot read the dictionary", dic);
        pa_wordlist_free(w);
        return NULL;
    }
    return w; /* freed, if the call fails, until pa_wordlist_free */

}

int pa_wordlist_has(pa_wordlist *w, const char *word, size_t n)
{
    if (n >= sizeof w->word) return 0; /* no word is that long */
    memcpy(w->word, word, n);
    w->word[n] = '\0';
    return w->spell(w->h, w->word) != 0;
}
