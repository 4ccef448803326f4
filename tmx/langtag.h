/* langtag.h - language codes and the tags written into TMX.
 *
 * polyalign works with short codes (zh, en, fr, es, ru, ar, ...). TMX files
 * carry region tags, because CAT tools match on them: zh-CN, en-US, fr-FR,
 * es-ES, ru-RU, ar-SA by default, overridable per language
 * (`--lang-tag zh=zh-Hans`). One table per run keeps one tag style per file.
 */
#ifndef PA_LANGTAG_H
#define PA_LANGTAG_H

#include "align/util/error.h"

typedef struct tmx_langtags tmx_langtags;

tmx_langtags *tmx_langtags_new(void);
void tmx_langtags_free(tmx_langtags *t);

/* Adds an override "CODE=TAG" (e.g. "zh=zh-Hans"); the tag must be a
 * well-formed BCP 47 tag. */
int tmx_langtags_set(tmx_langtags *t, const char *assignment, pa_error *err);

/* The tag for `code`: an override, else the default region tag, else the
 * code itself. The string lives as long as `t`. */
const char *tmx_langtags_get(const tmx_langtags *t, const char *code);

#endif
