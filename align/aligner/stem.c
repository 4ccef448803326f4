/* stem.c - see stem.h. */
#include "align/aligner/stem.h"

#include <stdlib.h>
#include <string.h>

/* Irregular English verb forms (and a few nouns and adjectives) and their
 * base form, sorted by form (strcmp order) for a binary search. */
static const char *const irregular[][2] = {
    {"am", "be"}, {"are", "be"}, {"ate", "eat"}, {"been", "be"}, {"began", "begin"}, {"begun", "begin"},
    {"best", "good"}, {"better", "good"}, {"bit", "bite"}, {"bitten", "bite"}, {"bore", "bear"},
    {"borne", "bear"}, {"bought", "buy"}, {"broke", "break"}, {"broken", "break"}, {"brought", "bring"},
    {"built", "build"}, {"came", "come"}, {"caught", "catch"}, {"children", "child"}, {"chose", "choose"},
    {"chosen", "choose"}, {"dealt", "deal"}, {"did", "do"}, {"does", "do"}, {"done", "do"}, {"drank", "drink"},
    {"drawn", "draw"}, {"drew", "draw"}, {"driven", "drive"}, {"drove", "drive"}, {"drunk", "drink"},
    {"eaten", "eat"}, {"fallen", "fall"}, {"fed", "feed"}, {"feet", "foot"}, {"fell", "fall"}, {"felt", "feel"},
    {"fled", "flee"}, {"flew", "fly"}, {"flown", "fly"}, {"forgave", "forgive"}, {"forgiven", "forgive"},
    {"forgot", "forget"}, {"forgotten", "forget"}, {"fought", "fight"}, {"found", "find"}, {"froze", "freeze"},
    {"frozen", "freeze"}, {"gave", "give"}, {"given", "give"}, {"gone", "go"}, {"got", "get"},
    {"gotten", "get"}, {"grew", "grow"}, {"grown", "grow"}, {"had", "have"}, {"has", "have"}, {"heard", "hear"},
    {"held", "hold"}, {"hid", "hide"}, {"hidden", "hide"}, {"hung", "hang"}, {"is", "be"}, {"kept", "keep"},
    {"knew", "know"}, {"known", "know"}, {"laid", "lay"}, {"lain", "lie"}, {"lay", "lie"}, {"led", "lead"},
    {"left", "leave"}, {"lost", "lose"}, {"made", "make"}, {"meant", "mean"}, {"men", "man"}, {"met", "meet"},
    {"mice", "mouse"}, {"paid", "pay"}, {"people", "person"}, {"ran", "run"}, {"ridden", "ride"},
    {"risen", "rise"}, {"rode", "ride"}, {"rose", "rise"}, {"said", "say"}, {"sang", "sing"}, {"sat", "sit"},
    {"saw", "see"}, {"seen", "see"}, {"sent", "send"}, {"shaken", "shake"}, {"shook", "shake"},
    {"slept", "sleep"}, {"sold", "sell"}, {"sought", "seek"}, {"spent", "spend"}, {"spoke", "speak"},
    {"spoken", "speak"}, {"stole", "steal"}, {"stolen", "steal"}, {"stood", "stand"}, {"struck", "strike"},
    {"sung", "sing"}, {"swam", "swim"}, {"swore", "swear"}, {"sworn", "swear"}, {"taken", "take"},
    {"taught", "teach"}, {"teeth", "tooth"}, {"thought", "think"}, {"threw", "throw"}, {"thrown", "throw"},
    {"told", "tell"}, {"took", "take"}, {"tore", "tear"}, {"torn", "tear"}, {"understood", "understand"},
    {"was", "be"}, {"went", "go"}, {"wept", "weep"}, {"were", "be"}, {"woke", "wake"}, {"woken", "wake"},
    {"women", "woman"}, {"won", "win"}, {"wore", "wear"}, {"worn", "wear"}, {"worse", "bad"}, {"worst", "bad"},
    {"written", "write"}, {"wrote", "write"},
};

static int is_vowel(const char *w, size_t i)
{
    char c = w[i];
    if (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u') return 1;
    return c == 'y' && i > 0 && !is_vowel(w, i - 1);
}

static int has_vowel(const char *w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (is_vowel(w, i)) return 1;
    return 0;
}

static int ends_with(const char *w, size_t n, const char *suffix)
{
    size_t k = strlen(suffix);
    return n >= k && memcmp(w + n - k, suffix, k) == 0;
}

/* Consonant-vowel-consonant at the end, last not w/x/y: "hop" of "hoped". */
static int ends_cvc(const char *w, size_t n)
{
    return n >= 3 && !is_vowel(w, n - 1) && is_vowel(w, n - 2) && !is_vowel(w, n - 3) && w[n - 1] != 'w' &&
           w[n - 1] != 'x' && w[n - 1] != 'y';
}

/* bsearch comparison of a word with the first string of a table row. */
static int compare_first(const void *key, const void *row)
{
    return strcmp(key, *(const char *const *)row);
}

/* Porter's step 1 (plurals, -ed, -ing), and -ly. */
static size_t stem_english(char *w, size_t n)
{
    const char *const(*irr)[2] =
        bsearch(w, irregular, sizeof irregular / sizeof *irregular, sizeof *irregular, compare_first);
    if (irr) {
        strcpy(w, (*irr)[1]);
        return strlen(w);
    }
    if (n <= 3) return n;
    if (ends_with(w, n, "sses")) n -= 2;
    else if (ends_with(w, n, "ies") || ends_with(w, n, "ied")) n -= 2, w[n - 1] = 'y';
    else if (w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'u' && w[n - 2] != 'i') n--;
    int cut = 0;
    if (ends_with(w, n, "eed")) {
        if (n > 4) n--;
    } else if (ends_with(w, n, "ed") && has_vowel(w, n - 2) && n > 4) {
        n -= 2, cut = 1;
    } else if (ends_with(w, n, "ing") && has_vowel(w, n - 3) && n > 5) {
        n -= 3, cut = 1;
    } else if (ends_with(w, n, "ly") && n > 5) {
        n -= 2;
    }
    if (cut) {
        if (ends_with(w, n, "at") || ends_with(w, n, "bl") || ends_with(w, n, "iz")) w[n++] = 'e';
        else if (n >= 2 && w[n - 1] == w[n - 2] && !is_vowel(w, n - 1) && w[n - 1] != 'l' && w[n - 1] != 's' &&
                 w[n - 1] != 'z')
            n--;
        else if (n == 3 && ends_cvc(w, n)) w[n++] = 'e';
    }
    w[n] = '\0';
    return n;
}

pa_stem_fn pa_stemmer(const char *lang)
{
    return strcmp(lang, "en") == 0 ? stem_english : NULL;
}

size_t pa_stem(const char *lang, char *w, size_t len)
{
    pa_stem_fn stem = pa_stemmer(lang);
    return stem ? stem(w, len) : len;
}

int pa_is_stopword(const char *lang, const char *w)
{
    /* sorted (strcmp order) for a binary search */
    static const char *const en[] = {
        "a", "abbr", "also", "an", "and", "as", "at", "be", "by", "cl", "e", "etc", "for", "from", "g", "i",
        "in", "into", "is", "it", "of", "on", "one", "oneself", "or", "out", "s", "sb", "see", "somebody",
        "someone", "something", "sth", "that", "the", "this", "to", "up", "used", "variant", "with"};
    if (strcmp(lang, "en") != 0) return 0;
    return bsearch(w, en, sizeof en / sizeof *en, sizeof *en, compare_first) != NULL;
}
