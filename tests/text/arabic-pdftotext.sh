#!/bin/sh
# arabic-pdftotext.sh - TAP: right-to-left text as pdftotext writes it
# (every right-to-left run wrapped in U+202B ... U+202C, the left-to-right
# runs inside in U+202A ... U+202C, a form feed after every page), through
# the text reader:
#  - the lam-alef ligatures come reversed; `segment --lang ar` (or a name
#    that says ar) repairs them and drops the bidirectional embeddings;
#    clean Arabic, text without form feeds (its embeddings) and other
#    languages are left as they are (align/text/lamalef.h); with hunspell's
#    Arabic dictionary, the pairs inside a stem are put back too;
#  - the numbers and punctuation of the left-to-right runs come in the
#    page's order (" .1" for "1. ") and are put in logical order
#    (align/text/ltrrun.h); with -layout, the white space before a
#    right-to-left line is the room left at its end, not an indentation
#    (align/text/reflow.c), so wrapped paragraphs are joined.
. "${top_srcdir:-.}/tests/lib.sh"
P=$POLYALIGN
# The rules alone first: no hunspell dictionary (wordlist.h), whatever the
# system has; the dictionary's part is checked last.
DICPATH= && export DICPATH
W=$scratch
PY=${PYTHON3:-python3}

# The sentences as written, and as pdftotext gives them (reversed pairs,
# embeddings around each line).
"$PY" - "$W" <<'PY'
import re, sys
w = sys.argv[1]
clean = ("لما كان الاعتراف بالكرامة المتأصلة في جميع أعضاء الأسرة البشرية هو أساس الحرية في العالم.\n"
         "ولا يجوز استرقاق أحد خلال ذلك.\n"
         "الإعلان العالمي لحقوق الإنسان للأمم المتحدة.\n")
reversed_ = re.sub("ل([اأإآ])", r"\1ل", clean)
with open(w + "/clean.txt", "w", encoding="utf-8") as f:
    f.write(clean)
with open(w + "/doc.ar.txt", "w", encoding="utf-8") as f:
    f.write("".join("\u202b%s\u202c\n\n" % line for line in reversed_.split("\n") if line) + "\f")
# written with an embedding, no form feed: kept
with open(w + "/embedded.txt", "w", encoding="utf-8") as f:
    f.write("وقال د\u202a.\u202c ديفيد إنها كانت تعاني من أمراض أخرى.\n")
# what the repair gives: all but the pair inside a stem (الإعلان)
with open(w + "/want.txt", "w", encoding="utf-8") as f:
    f.write(clean.replace("الإعلان", "الإعالن").replace("\n", "\n\n").rstrip("\n") + "\n")
R, L, E = "\u202b", "\u202a", "\u202c"
# default text: a numbered item, a number and a comma inside the line
with open(w + "/def.ar.txt", "w", encoding="utf-8") as f:
    f.write(R + L + " .1" + E + "لكل فرد حرية التنقل بنسبة " + L + " 3.5" + E + "في المائة" + L + " ،" + E + "وله حق العودة" + L + "." + E + E + "\n\n\f")
with open(w + "/def.want", "w", encoding="utf-8") as f:
    f.write("1. لكل فرد حرية التنقل بنسبة 3.5 في المائة، وله حق العودة.\n")
# -layout text: justified lines of the same width, the last of each
# paragraph short and set right (white space before it)
words = "لكل فرد الحق في التعليم ويجب أن يكون التعليم في مراحله الأولى والأساسية على الأقل بالمجان".split()
paras = []
for k in range(6):
    paras.append([" ".join(words), " " * 60 + "وهذا إلزامي" + L + "." + E])
    if k % 3 == 0:  # a paragraph of one full line
        paras.append([" ".join(words[:-1]) + " ومجانا" + L + "." + E])
with open(w + "/lay.ar.txt", "w", encoding="utf-8") as f:
    for p in paras:
        for l in p:
            f.write(R + l + E + "\n")
        f.write("\n")
    f.write("\f")
PY

"$P" segment --lang ar "$W/doc.ar.txt" > "$W/got.txt" 2> "$W/err.txt"
cmp -s "$W/got.txt" "$W/want.txt"; ok $? "segment --lang ar repairs the reversed ligatures"
[ ! -s "$W/err.txt" ]; ok $? "silently"
grep -q "$(printf '\342\200[\252-\256]')" "$W/got.txt"; [ $? -eq 1 ]; ok $? "no bidirectional embedding is left in the sentences"
"$P" segment "$W/doc.ar.txt" | cmp -s - "$W/want.txt"; ok $? "the language from the file name (doc.ar.txt) does the same"

"$P" segment --lang ar "$W/clean.txt" | tr -s '\n' | cmp -s - "$W/clean.txt"; ok $? "clean Arabic stays as written"
"$P" segment --lang ar "$W/embedded.txt" | cmp -s - "$W/embedded.txt"; ok $? "text without form feeds keeps its embeddings"
"$P" segment --lang en "$W/doc.ar.txt" | grep -q "اإلعالن"; ok $? "text of another language is not touched"

"$P" segment --lang ar "$W/def.ar.txt" > "$W/def.got" 2>&1
cmp -s "$W/def.got" "$W/def.want"; ok $? "pdftotext's runs: the number, the space and the comma in logical order"
n=$("$P" segment --lang ar "$W/lay.ar.txt" | grep -c "إلزامي")
p=$("$P" segment --lang ar "$W/lay.ar.txt" | grep -c "^لكل فرد.*إلزامي\.$")
[ "$n" -eq 6 ] && [ "$p" -eq 6 ]; ok $? "-layout: a right-to-left paragraph set right is one sentence ($p of $n)"

# With the system's Arabic dictionary (hunspell-ar and libhunspell), the
# pair inside a stem is put back too: the text as written.
unset DICPATH
if have_arabic_dictionary; then
  "$P" segment --lang ar "$W/doc.ar.txt" | tr -s '\n' | cmp -s - "$W/clean.txt"
  ok $? "with hunspell's Arabic dictionary, the pair inside a stem too (الإعلان)"
  # a batch parses the dictionary once (the context's pool), not a set
  if command -v strace > /dev/null 2>&1; then
    mkdir "$W/sets"
    for k in 1 2 3; do
      cp "$W/doc.ar.txt" "$W/sets/d$k.ar.txt"
      printf 'Whereas recognition of dignity is the foundation of freedom.\nNo one shall be held in slavery.\nThe Universal Declaration of the United Nations.\n' > "$W/sets/d$k.en.txt"
    done
    # LeakSanitizer cannot run under ptrace: off for this run of a sanitizer build
    ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 \
      strace -f -e trace=openat -o "$W/trace" "$P" batch -q -j 1 --pivot en --dir "$W/sets" -o "$W/out" > /dev/null 2>&1
    st=$?
    n=$(grep -c 'ar\.dic"' "$W/trace")
    [ $st -eq 0 ] && [ "$n" -eq 1 ]; ok $? "a batch of 3 Arabic sets reads the dictionary once (status $st, $n reads)"
  else
    echo "ok $((tap_n += 1)) # SKIP strace not installed"
  fi
else
  echo "ok $((tap_n += 1)) # SKIP no hunspell-ar or libhunspell-1.7-0: the dictionary pass is not run"
  echo "ok $((tap_n += 1)) # SKIP no hunspell-ar or libhunspell-1.7-0: the dictionary pass is not run"
fi
done_testing
