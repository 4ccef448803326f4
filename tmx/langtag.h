/* langtag.h - language codes and the tags written into TMX.
 *
 * polyalign works with short codes (zh, en, fr, es, ru, ar, ...). TMX files
 * carry region tags, because CAT tools match on them: zh-CN, en-US, fr-FR,
 * es-ES, ru-RU, ar-SA by default, overridable per language
 * (`--lang-tag zh=zh-Hans`). One table per run keeps one tag style per file.
 */
#ifndef PA_LANGTAG_H
#define PA_LANGTAG_H

#include <stddef.h>

#include "align/util/error.h"

typedef struct pa_tmx_langtags pa_tmx_langtags;

pa_tmx_langtags *pa_tmx_langtags_new(void);
void pa_tmx_langtags_free(pa_tmx_langtags *t);

/* Adds an override "CODE=TAG" (e.g. "zh=zh-Hans"), replacing an earlier
 * one for the same code. CODE is 2-3 letters; TAG must be a well-formed
 * BCP 47 tag (2-3 letter primary subtag, then 1-8 letter/digit subtags
 * joined by hyphens). Anything else is a PA_EUSAGE error quoting the value. */
int pa_tmx_langtags_set(pa_tmx_langtags *t, const char *assignment, pa_error *err);

/* The tag for `code` (case-insensitive): an override, else the default
 * region tag (zh-CN, en-US, fr-FR, es-ES, ru-RU, ar-SA, de-DE, ja-JP,
 * pt-PT), else `code` itself. An override lives as long as `t`; `t` may be
 * NULL (defaults only). */
const char *pa_tmx_langtags_get(const pa_tmx_langtags *t, const char *code);

/* True when the tags `a` and `b` (of `alen` and `blen` bytes) are the same
 * tag: ASCII case is ignored and '_' counts as '-' ("zh_cn" = "ZH-CN"). */
int pa_tmx_langtag_equal(const char *a, size_t alen, const char *b, size_t blen);

#endif
