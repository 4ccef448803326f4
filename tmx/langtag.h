/* langtag.h - the language tags written into TMX.
 *
 * A document's language reaches the TMX as the user gave it, in canonical
 * case (see align/text/lang.h): `-s zh-TW` writes zh-TW, `-s zh_hant`
 * zh-Hant, `-s es-419` es-419. Only a bare language gets a region, because
 * CAT tools match on region tags: zh-CN, en-US, fr-FR, es-ES, ru-RU, ar-SA,
 * de-DE, ja-JP, pt-PT by default, or what `--lang-tag zh=zh-Hans` says. An
 * override thus applies only where the user gave the bare language: with
 * `--lang-tag zh=zh-Hans`, `-s zh` writes zh-Hans and `-s zh-TW` zh-TW.
 *
 * The table holds the overrides only. Two documents of one language in one
 * run (zh and zh-TW) are refused by the command line, not here.
 */
#ifndef PA_LANGTAG_H
#define PA_LANGTAG_H

#include <stddef.h>

#include "align/text/lang.h"
#include "align/util/error.h"

typedef struct pa_tmx_langtags pa_tmx_langtags;

pa_tmx_langtags *pa_tmx_langtags_new(void);
void pa_tmx_langtags_free(pa_tmx_langtags *t);

/* Adds an override "CODE=TAG" (e.g. "zh=zh-Hans"), replacing an earlier
 * one for the same code. CODE is a bare language and TAG a tag of that same
 * language, both as pa_lang_parse takes them (any case, '_' for '-', known
 * to ICU: "ENG=en_gb" is en=en-GB); TAG is kept in canonical case. Anything
 * else is a PA_EUSAGE error quoting the assignment and saying why. */
int pa_tmx_langtags_set(pa_tmx_langtags *t, const char *assignment, pa_error *err);

/* The TMX tag for `tag`, a document's language in canonical form as
 * pa_lang_parse gives it. A bare language (case-insensitive: "zh", "ZH")
 * gets its override, else its default region tag (zh-CN, en-US, fr-FR,
 * es-ES, ru-RU, ar-SA, de-DE, ja-JP, pt-PT), else is returned as it is
 * ("ko", "cmn"). A tag with subtags ("zh-TW", "cmn-Hans") is returned as it
 * is: neither the override nor the default of its language applies. The
 * result lives as long as `t` and `tag`; `t` may be NULL (defaults only). */
const char *pa_tmx_langtags_get(const pa_tmx_langtags *t, const char *tag);

/* True when the tags `a` and `b` (of `alen` and `blen` bytes) are the same
 * tag: ASCII case is ignored and '_' counts as '-' ("zh_cn" = "ZH-CN"). */
int pa_tmx_langtag_equal(const char *a, size_t alen, const char *b, size_t blen);

/* True when the tag `tag` is of the language `want`: the same tag (as
 * pa_tmx_langtag_equal), or any tag of its language when `want` is a bare
 * language ("zh" is zh-CN, zh_TW, ZH; "zh-TW" only zh-TW). */
int pa_tmx_langtag_is(const char *tag, const char *want);

#endif
