/* pinyin.h - romanization of single characters (Chinese characters, and the
 * Latin, common and inherited ones that romanize the same alone as inside a
 * word), from a table generated at build time by running ICU's own
 * transliterator over every such code point (gen_pinyin.c), so that no
 * process has to compile ICU's Han-Latin rules. The tables are const: safe
 * to share between threads. */
#ifndef PA_PINYIN_H
#define PA_PINYIN_H

#include <stddef.h>
#include <stdint.h>

/* A character read differently before another one (ICU's context rules:
 * 秘 before 鲁 is "bi"). The list ends with a zero entry. */
typedef struct pa_pinyin_context {
    uint32_t c, next;
    const char *reading;
} pa_pinyin_context;

extern const pa_pinyin_context pa_pinyin_contexts[];
extern const char *const pa_pinyin_syllable[];
extern const unsigned short pa_pinyin_page_of[0x110000 / 256];
extern const unsigned short pa_pinyin_page[][256];

/* The romanization of code point `c` alone (lower-case ASCII letters and
 * digits, as "Any-Latin; Latin-ASCII; Lower" gives for it, possibly ""), or
 * NULL when the table does not know it (ASCII, other scripts, marks). */
static inline const char *pa_roman_char(uint32_t c)
{
    if (c >= 0x110000) return NULL;
    unsigned short p = pa_pinyin_page_of[c >> 8];
    return p ? pa_pinyin_syllable[pa_pinyin_page[p][c & 255]] : NULL;
}

/* The romanization of `c` followed by `next` in a word (0 = at its end). */
static inline const char *pa_roman_char_before(uint32_t c, uint32_t next)
{
    for (const pa_pinyin_context *x = pa_pinyin_contexts; x->reading; x++)
        if (x->c == c && x->next == next) return x->reading;
    return pa_roman_char(c);
}

#endif
