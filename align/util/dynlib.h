/* dynlib.h - the optional libraries polyalign loads at run time (dlopen)
 * instead of linking: poppler-glib for .pdf (readers/pdf.c), libhunspell
 * for Arabic word lists (text/wordlist.c). A run that never needs one
 * never maps it, and a system without it loses only that feature. */
#ifndef PA_DYNLIB_H
#define PA_DYNLIB_H

#include <stddef.h>

/* A function to look up: its name, and where its address goes (a
 * function pointer, written as bytes: ISO C has no void * to function
 * pointer conversion). */
typedef struct pa_dynsym {
    void *slot;
    const char *name;
} pa_dynsym;

/* Fills the slots of `syms` from the open library `lib`. Returns NULL, or
 * the first symbol it lacks (the slots before it filled). */
const char *pa_dynlib_find(void *lib, const pa_dynsym *syms, size_t n_syms);

/* Opens the first of the `n_sonames` libraries that loads and fills the
 * slots of `syms`. Returns the handle (dlclose it when done), or NULL
 * with *missing the first symbol the library lacks, or with *missing NULL
 * and `why` (cap bytes) holding dlerror()'s message when none loads. */
void *pa_dynlib_open(const char *const *sonames, size_t n_sonames, const pa_dynsym *syms, size_t n_syms,
                     const char **missing, char *why, size_t cap);

#endif
