#!/bin/sh
# rtl.sh - TAP: right-to-left text as pdftotext writes it, through the text
# reader: the numbers and punctuation of the left-to-right runs it wraps in
# U+202A ... U+202C come in the page's order (" .1" for "1. ") and are put
# in logical order (align/text/ltrrun.h); with -layout, the white space
# before a right-to-left line is the room left at its end, not an
# indentation (align/text/reflow.c), so wrapped paragraphs are joined.
. "${top_srcdir:-.}/tests/lib.sh"
P=$POLYALIGN
W=$scratch
PY=${PYTHON3:-python3}
"$PY" - "$W" <<'PY'
import sys
w = sys.argv[1]
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
"$P" segment --lang ar "$W/def.ar.txt" > "$W/def.got" 2>&1
cmp -s "$W/def.got" "$W/def.want"; ok $? "pdftotext's runs: the number, the space and the comma in logical order"
n=$("$P" segment --lang ar "$W/lay.ar.txt" | grep -c "إلزامي")
p=$("$P" segment --lang ar "$W/lay.ar.txt" | grep -c "^لكل فرد.*إلزامي\.$")
[ "$n" -eq 6 ] && [ "$p" -eq 6 ]; ok $? "-layout: a right-to-left paragraph set right is one sentence ($p of $n)"
done_testing
