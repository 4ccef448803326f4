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
 * One table per run keeps one tag per language: the documents of one short
 * code (zh) all carry the same tag.
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

/* Takes the language of a document as the user gave it (an option or what
 * pa_lang_from_filename found): parses `tag` with pa_lang_parse, writes its
 * short code into `code` (PA_LANG_MAX bytes) and remembers the tag, so that
 * pa_tmx_langtags_get(t, code) then gives the TMX tag for it. A second,
 * different tag for the same code ("zh-TW" after "zh-Hant", or "zh" after
 * "zh-TW") is a PA_EUSAGE error: one run writes one tag per language. */
int pa_tmx_langtags_use(pa_tmx_langtags *t, const char *tag, char code[PA_LANG_MAX], pa_error *err);

/* The TMX tag for `code` (case-insensitive). When pa_tmx_langtags_use took
 * a tag with subtags for this code, that tag ("zh-TW"). Otherwise, for the
 * bare language (the one given to pa_tmx_langtags_use, "cmn" for code zh,
 * else `code`): an override, else the default region tag (zh-CN, en-US,
 * fr-FR, es-ES, ru-RU, ar-SA, de-DE, ja-JP, pt-PT), else the language itself.
 * A `code` with subtags is returned as it is. The result lives as long as
 * `t` and `code`; `t` may be NULL (defaults only). */
const char *pa_tmx_langtags_get(const pa_tmx_langtags *t, const char *code);

/* True when the tags `a` and `b` (of `alen` and `blen` bytes) are the same
 * tag: ASCII case is ignored and '_' counts as '-' ("zh_cn" = "ZH-CN"). */
int pa_tmx_langtag_equal(const char *a, size_t alen, const char *b, size_t blen);

#endif
