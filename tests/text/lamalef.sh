#!/bin/sh
# lamalef.sh - TAP: Arabic text with its lam-alef ligatures reversed, as
# pdftotext writes it (every right-to-left run wrapped in U+202B ... U+202C,
# a form feed after every page), through the text reader: `segment --lang
# ar` (or a name that says ar) repairs it and drops the bidirectional
# embeddings; clean Arabic, text without form feeds (its embeddings) and
# other languages are left as they are.
. "${top_srcdir:-.}/tests/lib.sh"
P=$POLYALIGN
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
PY

"$P" segment --lang ar "$W/doc.ar.txt" > "$W/got.txt" 2> "$W/err.txt"
cmp -s "$W/got.txt" "$W/want.txt"; ok $? "segment --lang ar repairs the reversed ligatures"
[ ! -s "$W/err.txt" ]; ok $? "silently"
grep -q "$(printf '\342\200[\252-\256]')" "$W/got.txt"; [ $? -eq 1 ]; ok $? "no bidirectional embedding is left in the sentences"
"$P" segment "$W/doc.ar.txt" | cmp -s - "$W/want.txt"; ok $? "the language from the file name (doc.ar.txt) does the same"

"$P" segment --lang ar "$W/clean.txt" | tr -s '\n' | cmp -s - "$W/clean.txt"; ok $? "clean Arabic stays as written"
"$P" segment --lang ar "$W/embedded.txt" | cmp -s - "$W/embedded.txt"; ok $? "text without form feeds keeps its embeddings"
"$P" segment --lang en "$W/doc.ar.txt" | grep -q "اإلعالن"; ok $? "text of another language is not touched"
done_testing
