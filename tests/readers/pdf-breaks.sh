#!/bin/sh
# Line-break repair on PDF-extracted English UN text (issue 11): the
# English side of the UNPC development set, its sentences joined into their
# document paragraphs, typeset by LibreOffice with a UN header and footer
# (tests/readers/pdf/breaks.py, mkfodt.py), read as .pdf (poppler) and as
# pdftotext's text. Bar: 98% of line breaks classified right and no false
# paragraph break. Needs ../shared, LibreOffice (soffice) and poppler-utils.
. "$top_srcdir/tests/lib.sh"
have_shared || skip_all "no shared data at $SHARED"
command -v soffice >/dev/null 2>&1 || skip_all "LibreOffice (soffice) not installed"
command -v pdftotext >/dev/null 2>&1 || skip_all "pdftotext (poppler-utils) not installed"
# the figures depend on the typesetting: without the font the spec names,
# LibreOffice sets the text in another, with other line breaks
fc-list 2>/dev/null | grep -q "Liberation Serif" ||
  skip_all "Liberation Serif (fonts-liberation2), the font of the typeset text, not installed"
d="$top_srcdir/tests/readers/pdf"
"$PYTHON3" "$d/breaks.py" spec "$SHARED/corpora/unpc-devset" > "$scratch/unpc.spec"
"$PYTHON3" "$d/mkfodt.py" "$scratch/unpc.spec" "$scratch/unpc.fodt"
(cd "$scratch" && HOME="$scratch" soffice --headless --convert-to pdf unpc.fodt > /dev/null 2>&1)
test -s "$scratch/unpc.pdf" || skip_all "soffice made no PDF"
pdftotext -enc UTF-8 "$scratch/unpc.pdf" "$scratch/def.en.txt"
pdftotext -enc UTF-8 -layout "$scratch/unpc.pdf" "$scratch/lay.en.txt"
# measure DESC INPUT EXTRACTED: the figures, as a diagnostic line.
measure() {
  "$POLYALIGN" segment --lang en "$2" > "$scratch/out" 2>/dev/null
  r=$("$PYTHON3" "$d/breaks.py" score "$scratch/unpc.spec" "$3" "$scratch/out" | grep '^breaks')
  diag "$1: $r"
  set -- $r
  breaks=$2 right=$4 false=$7
}
if "$POLYALIGN" segment --lang en "$scratch/unpc.pdf" > /dev/null 2>&1; then
  measure ".pdf through poppler" "$scratch/unpc.pdf" "$scratch/def.en.txt"
  test $((right * 100)) -ge $((breaks * 98)); ok $? ".pdf: at least 98% of line breaks right ($right of $breaks)"
  # the bar: no false paragraph break (poppler's geometry shows the
  # paragraph spacing)
  test "$false" -eq 0; ok $? ".pdf: no false paragraph break ($false)"
fi
# pdftotext's text gives widths in characters, not on the page (reflow.c
# estimates them in a proportional font); a sentence end at the end of a
# full line before a capital is ambiguous there (the page's spacing, which
# would tell, is lost) and stays joined: no false paragraph break, at the
# cost of some 70 more missed paragraph ends (which still end sentences).
for m in def lay; do
  measure "pdftotext $m" "$scratch/$m.en.txt" "$scratch/$m.en.txt"
  test $((right * 100)) -ge $((breaks * 98)); ok $? "pdftotext $m: at least 98% of line breaks right ($right of $breaks)"
  test "$false" -eq 0; ok $? "pdftotext $m: no false paragraph break ($false)"
done
done_testing
