/* lang.h - language tags and codes as polyalign uses them.
 *
 * Users name a language with a BCP 47 tag ("zh", "zh-TW", "zh_hant",
 * "sr-Latn-RS", "es-419", in any case). polyalign keeps two forms of it:
 *
 *   - the canonical tag, written into TMX as given: language lower case,
 *     script title case, region upper case, variants lower case, joined by
 *     '-' ("ZH-tw" -> "zh-TW", "zh_hant" -> "zh-Hant");
 *   - the short code, what segmentation and alignment key on: the language
 *     subtag alone ("zh-Hant-TW" -> "zh").
 *
 * Accepted shape: language[-script][-region][-variant...], where language is
 * 2-3 letters, script 4 letters, region 2 letters or 3 digits, a variant 5-8
 * letters/digits or a digit and 3 letters/digits; '_' counts as '-'; at most
 * PA_LANG_MAX - 1 characters. Extended language subtags ("zh-yue"),
 * extensions ("-u-...") and private use ("-x-...") are refused.
 *
 * ICU decides what is a language. A language is known when ICU has an
 * English name for it or lists it in uloc_getISOLanguages (ICU 72: 190
 * two-letter and 732 three-letter codes have names; "fil", "yue", "cmn",
 * "arb", "nan" are known, "zz", "xx", "qq", "qaa" are not; "und" is refused).
 * ICU's alias data (CLDR's language aliases) then gives the canonical
 * language: a three-letter code that has a two-letter one becomes it ("eng"
 * -> "en", "zho" -> "zh"), an ISO 639-2/B code its BCP 47 one ("fre" -> "fr",
 * "ger" -> "de", "chi" -> "zh") and a deprecated code its replacement ("iw"
 * -> "he", "in" -> "id"). A script must be an ISO 15924 code ICU knows, a
 * region one ICU knows and that is not deprecated ("en-UK" is refused: ICU
 * says GB).
 *
 * The short code of an individual language that CLDR files under a
 * macrolanguage is the macrolanguage, because polyalign's rules and word
 * lists are filed under it: "cmn" (Mandarin) -> zh, "arb" (Standard Arabic)
 * -> ar, "zsm" -> ms. Its tag stays as given ("cmn-Hans"), as do the legacy
 * codes CLDR would respell ("tl", "sh").
 */
#ifndef PA_LANG_H
#define PA_LANG_H

#include <stddef.h>

#include "align/util/error.h"

/* Bytes of a tag or code buffer, NUL included: tags of up to 31 characters
 * ("sr-Latn-RS", "zh-Hant-TW", "de-CH-1901", "sl-Latn-IT-rozaj-biske"). */
#define PA_LANG_MAX 32

/* Parses a user's language tag: writes the canonical tag into `canon` and
 * the short code into `code` (both PA_LANG_MAX bytes; either may be NULL).
 * "zh-hant-tw" -> "zh-Hant-TW", "zh"; "ENG" -> "en", "en". A tag of the
 * wrong shape, too long, or naming a language, script or region ICU does
 * not know is a PA_EUSAGE error that quotes the tag and says which. */
int pa_lang_parse(const char *tag, char canon[PA_LANG_MAX], char code[PA_LANG_MAX], pa_error *err);

/* The language subtags that pa_lang_parse knows without asking ICU (ICU's
 * answer for each is the code itself), NULL-terminated; and pa_lang_parse
 * asking ICU about them too, for the test that holds the two together. */
extern const char *const pa_lang_plain[];
int pa_lang_parse_icu(const char *tag, char canon[PA_LANG_MAX], char code[PA_LANG_MAX], pa_error *err);

/* pa_lang_parse keeping the short code only ("zh-Hans-CN" -> "zh"). */
int pa_lang_normalize(const char *tag, char code[PA_LANG_MAX], pa_error *err);

/* The language a file name carries, as a canonical full tag in `tag`
 * (PA_LANG_MAX bytes): returns 0, or -1 when the name carries none.
 * Only the base name counts, and its extensions are read from the right:
 * .gz and input kinds (.txt .text .sent .snt .tok .html .htm .xhtml .xml
 * .docx .doc .odt .pdf .rtf .tmx .xlf .xliff .md .csv .tsv .json .jsonl .srt
 * .sgm, any case, any number of them) are skipped; the component before them
 * is the language when it is a tag pa_lang_parse accepts and there is a name
 * before it: "doc.zh-TW.txt" -> zh-TW, "doc.ZH.txt" -> zh, "doc.zh.txt.gz"
 * -> zh, "UNv1.0.devset.zh" -> zh, "a.en.docx" -> en. Failing that, a
 * component ending in "_LANG" or "-LANG" gives LANG when it is one of the six
 * UN languages (zh en fr es ru ar, any case): "report_zh.txt" -> zh,
 * "A_73_123-AR.pdf" -> ar. "my-doc.txt", "notes.txt", "001", "zh.txt" and
 * "doc.qq.txt" carry no language. */
int pa_lang_from_filename(const char *path, char tag[PA_LANG_MAX]);

/* True for languages written without spaces between words (zh, ja, th, ...):
 * they join broken lines without a space and count length in
 * characters, not words. Takes a short code. */
int pa_lang_is_unspaced(const char *code);

#endif
