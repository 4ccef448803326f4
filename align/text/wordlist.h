/* wordlist.h - whether a word is a word of a language, from the language's
 * hunspell dictionary (Debian: hunspell-ar and the like, in
 * /usr/share/hunspell), for repairs that the text alone leaves ambiguous:
 * Arabic lam-alef pairs inside a stem (lamalef.h).
 *
 * Hunspell is the spelling library of LibreOffice, Firefox and Chromium;
 * its dictionaries know each language's affixes, which a plain word list of
 * Arabic could not hold. libhunspell is loaded with dlopen when a list is
 * opened, not linked, so that runs that never need one (nearly all) do not
 * map it, and a system without it loses only this repair. The dictionary
 * is LANG.aff and LANG.dic in a folder of $DICPATH when it is set (a
 * colon-separated list, as hunspell's own tools read it; empty: no
 * dictionary), else in /usr/share/hunspell or /usr/share/myspell.
 * Opening parses the whole dictionary (about 0.2 s for Arabic); a list is
 * not shared between threads.
 */
#ifndef PA_WORDLIST_H
#define PA_WORDLIST_H

#include <stddef.h>

#include "align/util/error.h"

typedef struct pa_wordlist pa_wordlist;

/* The word list of language `lang` (a code: "ar"), or NULL with `err` saying
 * why (no libhunspell, no dictionary for the language). Inside a library
 * call it is freed if the call fails before pa_wordlist_free. */
pa_wordlist *pa_wordlist_open(const char *lang, pa_error *err);
void pa_wordlist_free(pa_wordlist *w);

/* Whether the UTF-8 word w[0, n) is spelled right (no word has 256 bytes). */
int pa_wordlist_has(pa_wordlist *w, const char *word, size_t n);

/* Where a reader takes a language's word list from and gives it back to:
 * a pool its caller keeps (the pipeline's context), so that a process
 * parses a dictionary once, not once a document. take returns NULL when
 * there is no list for the language; give takes NULL too. */
typedef struct pa_wordlist_source {
    pa_wordlist *(*take)(void *ctx, const char *lang);
    void (*give)(void *ctx, const char *lang, pa_wordlist *w);
    void *ctx;
} pa_wordlist_source;

#endif
