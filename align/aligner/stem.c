/* stem.c - see stem.h. */
#include "align/aligner/stem.h"

#include <stdlib.h>
#include <string.h>

/* Irregular English verb forms and their base form. */
static const char *const irregular[][2] = {
    {"was", "be"}, {"were", "be"}, {"been", "be"}, {"am", "be"}, {"is", "be"}, {"are", "be"},
    {"had", "have"}, {"has", "have"}, {"did", "do"}, {"done", "do"}, {"does", "do"}, {"said", "say"},
    {"went", "go"}, {"gone", "go"}, {"came", "come"}, {"took", "take"}, {"taken", "take"}, {"saw", "see"},
    {"seen", "see"}, {"made", "make"}, {"got", "get"}, {"gotten", "get"}, {"gave", "give"}, {"given", "give"},
    {"knew", "know"}, {"known", "know"}, {"thought", "think"}, {"told", "tell"}, {"found", "find"},
    {"left", "leave"}, {"felt", "feel"}, {"brought", "bring"}, {"began", "begin"}, {"begun", "begin"},
    {"kept", "keep"}, {"held", "hold"}, {"stood", "stand"}, {"heard", "hear"}, {"meant", "mean"},
    {"met", "meet"}, {"ran", "run"}, {"paid", "pay"}, {"sat", "sit"}, {"spoke", "speak"}, {"spoken", "speak"},
    {"lay", "lie"}, {"lain", "lie"}, {"led", "lead"}, {"grew", "grow"}, {"grown", "grow"}, {"lost", "lose"},
    {"fell", "fall"}, {"fallen", "fall"}, {"sent", "send"}, {"built", "build"}, {"understood", "understand"},
    {"drew", "draw"}, {"drawn", "draw"}, {"broke", "break"}, {"broken", "break"}, {"spent", "spend"},
    {"rose", "rise"}, {"risen", "rise"}, {"drove", "drive"}, {"driven", "drive"}, {"bought", "buy"},
    {"wore", "wear"}, {"worn", "wear"}, {"chose", "choose"}, {"chosen", "choose"}, {"sought", "seek"},
    {"threw", "throw"}, {"thrown", "throw"}, {"caught", "catch"}, {"dealt", "deal"}, {"won", "win"},
    {"forgot", "forget"}, {"forgotten", "forget"}, {"sold", "sell"}, {"fought", "fight"}, {"ate", "eat"},
    {"eaten", "eat"}, {"wrote", "write"}, {"written", "write"}, {"slept", "sleep"}, {"woke", "wake"},
    {"woken", "wake"}, {"hung", "hang"}, {"shook", "shake"}, {"shaken", "shake"}, {"laid", "lay"},
    {"flew", "fly"}, {"flown", "fly"}, {"hid", "hide"}, {"hidden", "hide"}, {"rode", "ride"},
    {"ridden", "ride"}, {"sang", "sing"}, {"sung", "sing"}, {"drank", "drink"}, {"drunk", "drink"},
    {"swam", "swim"}, {"taught", "teach"}, {"struck", "strike"}, {"stole", "steal"}, {"stolen", "steal"},
    {"bore", "bear"}, {"borne", "bear"}, {"tore", "tear"}, {"torn", "tear"}, {"froze", "freeze"},
    {"frozen", "freeze"}, {"forgave", "forgive"}, {"forgiven", "forgive"}, {"bit", "bite"}, {"bitten", "bite"},
    {"fed", "feed"}, {"fled", "flee"}, {"swore", "swear"}, {"sworn", "swear"}, {"wept", "weep"},
    {"men", "man"}, {"women", "woman"}, {"children", "child"}, {"feet", "foot"}, {"teeth", "tooth"},
    {"people", "person"}, {"mice", "mouse"}, {"better", "good"}, {"best", "good"}, {"worse", "bad"},
    {"worst", "bad"},
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

/* Porter's step 1 (plurals, -ed, -ing), and -ly. */
static size_t stem_english(char *w, size_t n)
{
    for (size_t k = 0; k < sizeof irregular / sizeof *irregular; k++)
        if (strcmp(w, irregular[k][0]) == 0) {
            strcpy(w, irregular[k][1]);
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

size_t pa_stem(const char *lang, char *w, size_t len)
{
    if (strcmp(lang, "en") == 0) return stem_english(w, len);
    return len;
}

int pa_is_stopword(const char *lang, const char *w)
{
    static const char *const en[] = {"a", "an", "the", "to", "of", "in", "on", "at", "by", "for", "with", "from",
                                     "and", "or", "be", "is", "as", "it", "that", "this", "one", "sb", "sth",
                                     "etc", "e", "g", "i", "s", "up", "out", "into", "oneself", "something",
                                     "someone", "somebody", "used", "also", "variant", "see", "abbr", "cl", NULL};
    if (strcmp(lang, "en") != 0) return 0;
    for (int k = 0; en[k]; k++)
        if (strcmp(w, en[k]) == 0) return 1;
    return 0;
}
