/* lang.c - see lang.h. */
#include "align/text/lang.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

int pa_lang_normalize(const char *tag, char code[PA_LANG_MAX], pa_error *err)
{
    size_t n = 0;
    while (isalpha((unsigned char)tag[n])) n++;
    int ok = (n == 2 || n == 3);
    /* The rest must look like subtags: [-_][A-Za-z0-9]{1,8}... */
    for (const char *p = tag + n; ok && *p; p++)
        ok = isalnum((unsigned char)*p) || *p == '-' || *p == '_';
    if (tag[n] && tag[n] != '-' && tag[n] != '_') ok = 0;
    if (!ok)
        return pa_error_set(err, PA_EUSAGE, "'%s' is not a language code (expected e.g. zh, en, fr-FR)", tag);
    for (size_t i = 0; i < n; i++) code[i] = (char)tolower((unsigned char)tag[i]);
    code[n] = '\0';
    return 0;
}

/* Extensions that may follow the language code in a file name. */
static int is_wrapper_ext(const char *ext, size_t n)
{
    static const char *const wrappers[] = {"txt", "sent", "tok", "gz", "text", "snt", NULL};
    for (int i = 0; wrappers[i]; i++)
        if (strlen(wrappers[i]) == n && strncasecmp(ext, wrappers[i], n) == 0) return 1;
    return 0;
}

int pa_lang_from_filename(const char *path, char code[PA_LANG_MAX])
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t end = strlen(base);
    /* Walk the extensions from the right, skipping wrappers. */
    while (end > 0) {
        size_t dot = end;
        while (dot > 0 && base[dot - 1] != '.') dot--;
        if (dot == 0) return -1; /* no dot left: the stem itself is not a code */
        const char *ext = base + dot;
        size_t n = end - dot;
        if (is_wrapper_ext(ext, n)) {
            end = dot - 1;
            continue;
        }
        if (n < 2 || n > 3) return -1;
        for (size_t i = 0; i < n; i++)
            if (!isalpha((unsigned char)ext[i])) return -1;
        for (size_t i = 0; i < n; i++) code[i] = (char)tolower((unsigned char)ext[i]);
        code[n] = '\0';
        return 0;
    }
    return -1;
}

int pa_lang_is_unspaced(const char *code)
{
    static const char *const unspaced[] = {"zh", "ja", "th", "lo", "km", "my", "bo", "yue", "wuu", NULL};
    for (int i = 0; unspaced[i]; i++)
        if (strcmp(code, unspaced[i]) == 0) return 1;
    return 0;
}

