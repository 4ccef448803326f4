/* lamalef.h - Arabic text whose lam-alef ligatures came out reversed.
 *
 * Arabic PDFs typeset by LibreOffice (and others that map the ligature
 * glyph to "lam alef"), read with pdftotext or poppler, give the two
 * letters of every lam-alef ligature in the wrong order: poppler splits a
 * glyph that maps to two characters into two boxes from left to right,
 * then reverses the right-to-left word, so "لا" comes out "ال", and "لأ",
 * "لإ", "لآ" come out "أل", "إل", "آل" (الإعلان as اإلعالن, خلال as خالل).
 * No poppler option or version puts them back. pdftotext's text keeps no
 * geometry: there the words must tell a reversed ligature from a true
 * alef + lam, as below. The PDF reader tells them by the page's ink (a
 * ligature is one shape, alef + lam are two with paper between them;
 * readers/pdf.c), and closes the gaps inside words by it, so it calls
 * none of these where it could draw the page.
 *
 * Detection counts evidence on the whole text: two alef letters followed
 * by lam (never adjacent in Arabic, so one came from a reversed ligature)
 * and a word that is only "ال" after at most one proclitic (و ف ب ك: the
 * article never stands alone) against lam + alef not followed by lam
 * (which reversal never leaves). On the UN development set: clean text 1
 * against 9,156, the same text reversed 6,787 against 0; pdftotext's text
 * of the UDHR typeset by LibreOffice 94 to 100 against 0.
 *
 * Repair looks at each reversed-looking pair, alef (ا أ إ آ) + lam, in a
 * word (a run of Arabic letters U+0621-U+064A and marks U+064B-U+065F,
 * U+0670; anything else ends it), with the letters around it as they were
 * read, and puts lam first where that is the only reading Arabic allows
 * or by far the likelier (C is a proclitic letter و ف ب ك ل, at most two):
 *   - after another alef: A1 A2 ل -> A1 ل A2 (الإعلان, إلا, الاعتراف);
 *   - after a lam: ل A ل -> ل ل A (للأمم, اللاجئين; reversal leaves lam +
 *     alef only before the lam of a reversed pair);
 *   - a whole word C{0,2} ال -> C{0,2} لا (لا, ولا, بلا; marks may follow);
 *   - ا ل before a lam inside a word, past its proclitics -> ل ا (خلال,
 *     الاحتلال: the article before a lam word stands only at the start).
 * What stays as read is ambiguous without a dictionary: ال inside or at
 * the end of a stem (السلام, مثلا, but العالم, قال) and alef + lam at a
 * word's start (لأن, لإعداد, but ألف, إلى). On the UN development set
 * with the reversal simulated, 97.8% of the words come out right (89.8%
 * as read), 78% of the words with a lam-alef (none as read).
 *
 * Every letter swapped is two bytes of UTF-8 (U+0622-U+0644), so the
 * repair works in place and keeps the text's length and every byte offset
 * into it. Marks are never moved; a pair with a mark between its two
 * letters is left alone, and so is one whose alef would come before a
 * madda or hamza mark (U+0653-U+0655) among the combining marks after
 * the lam, with which it would compose: NFC text stays NFC. No
 * allocation, linear time; bytes that are not valid UTF-8 are passed
 * over, never read past `len`.
 */
#ifndef PA_LAMALEF_H
#define PA_LAMALEF_H

#include <stddef.h>

#include "align/text/wordlist.h"

/* True when `len` bytes of UTF-8 look like Arabic text whose lam-alef
 * ligatures were reversed: at least two pieces of evidence of reversal and
 * more than four times as many as of intact lam + alef. */
int pa_lamalef_reversed(const char *s, size_t len);

/* Repairs reversed lam-alef pairs in place (see above); returns how many
 * pairs it swapped. Text that was not reversed would be damaged: call it
 * only on text pa_lamalef_reversed accepts. */
size_t pa_lamalef_repair(char *s, size_t len);

/* The pairs the rules above leave, decided by the words of a dictionary:
 * in each word holding alef + lam pairs (at most four, none before a mark
 * it would compose with), when the word as it stands is not a word
 * (`is_word`) and exactly one choice of its pairs swapped is, that choice
 * is made. Call it on text pa_lamalef_repair has repaired. On the UN
 * development set's lines 2,001-4,000, reversed, Hunspell's Arabic
 * dictionary (Ayaspell) settled 425 of the 748 words that needed a swap,
 * none wrongly, and changed none of the 46,346 words that did not.
 * Returns how many pairs it swapped; same length, same offsets. */
size_t pa_lamalef_repair_words(char *s, size_t len, int (*is_word)(void *ctx, const char *w, size_t n), void *ctx);

/* Gaps inside words: pdftotext (and poppler) write a space where a
 * justified line stretched a word between two joined letters (a kashida:
 * الح ق, الوطني ة, ك ل), and a space before a mark set apart (عقال ً).
 * Joins two Arabic words with one space between them when the second is
 * only marks, or when the first ends in a letter that joins the next and
 * the two stand whole elsewhere in the document (its own vocabulary), or
 * one of them is a single letter that cannot stand alone (all but و; one
 * that joins the next letter goes with the word it makes a word with, by
 * the document or `is_word`, NULL: none). The spaces taken out move to the
 * end of the joined word where a space follows it, else to its start, so
 * the text keeps its length (the reader's reflow takes the run for one
 * space). Call it on reversed text as read, before the lam-alef repairs.
 * Returns how many spaces it moved. */
size_t pa_arabic_join_gaps(char *s, size_t len, int (*is_word)(void *ctx, const char *w, size_t n), void *ctx);

/* pa_arabic_join_gaps and pa_lamalef_repair when pa_lamalef_reversed, else nothing, then
 * pa_lamalef_repair_words with the Arabic hunspell dictionary when there is
 * one (wordlist.h), taken from `words` (NULL: opened for this call): what
 * a reader of Arabic text from a PDF calls. Returns how many pairs it
 * swapped. */
size_t pa_lamalef_fix(char *s, size_t len, const pa_wordlist_source *words);

#endif
