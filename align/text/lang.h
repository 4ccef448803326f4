/* lang.h - language codes as polyalign uses them.
 *
 * Internally a language is a short lower-case ISO 639 code ("zh", "en", "fr",
 * "es", "ru", "ar", also "de", "ja", ...). Users may write tags ("zh-CN",
 * "en_US", "ZH"); pa_lang_normalize reduces them. File names carry the code
 * as their last extension before .txt/.gz ("A_73_123.zh.txt").
 */
#ifndef PA_LANG_H
#define PA_LANG_H

#include <stddef.h>

#include "align/util/error.h"

#define PA_LANG_MAX 16

/* Writes the short code of `tag` ("zh-Hans-CN" -> "zh") into `code`
 * (PA_LANG_MAX bytes). Fails on anything that is not 2-3 ASCII letters
 * followed by optional subtags. */
int pa_lang_normalize(const char *tag, char code[PA_LANG_MAX], pa_error *err);

/* Guesses the language from a file name: the last component of the form
 * ".xx" or ".xxx" before optional ".txt", ".sent", ".tok", ".gz" suffixes
 * ("doc.zh.txt.gz" -> "zh"). Returns 0 and fills `code`, or -1 when the name
 * carries no language code. */
int pa_lang_from_filename(const char *path, char code[PA_LANG_MAX]);

/* True for languages written without spaces between words (zh, ja, ko, th,
 * ...): they join broken lines without a space and count length in
 * characters, not words. */
int pa_lang_is_unspaced(const char *code);

#endif
