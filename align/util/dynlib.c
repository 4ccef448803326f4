/* dynlib.c - see dynlib.h. */
#include "align/util/dynlib.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

const char *pa_dynlib_find(void *lib, const pa_dynsym *syms, size_t n_syms)
{
    for (size_t k = 0; k < n_syms; k++) {
        void *f = dlsym(lib, syms[k].name);
        if (!f) return syms[k].name;
        memcpy(syms[k].slot, &f, sizeof f);
    }
    return NULL;
}

void *pa_dynlib_open(const char *const *sonames, size_t n_sonames, const pa_dynsym *syms, size_t n_syms,
                     const char **missing, char *why, size_t cap)
{
    *missing = NULL;
    void *lib = NULL;
    for (size_t k = 0; k < n_sonames && !lib; k++) lib = dlopen(sonames[k], RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        const char *e = dlerror();
        snprintf(why, cap, "%s", e ? e : "not found");
        return NULL;
    }
    *missing = pa_dynlib_find(lib, syms, n_syms);
    if (*missing) {
        dlclose(lib);
        return NULL;
    }
    return lib;
}
