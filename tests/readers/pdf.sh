#!/bin/sh
# PDF input (issue 11): tests/readers/pdf/un-like.pdf is a two-page UN-like
# resolution typeset by LibreOffice from un-like.spec (mkfodt.py; header
# with the symbol A/HRC/39/L.1, footer with GE.18-14958(E) and "n/N" page
# numbers, preambular paragraphs ending in commas, hyphenation, two
# footnotes). Read as pdftotext's text (needs poppler-utils) and as .pdf
# (needs polyalign built with poppler); bad PDFs give one-line errors.
# stretched.pdf (stretched.spec, the same way) has justified lines
# stretched wide before long web addresses.
. "$top_srcdir/tests/lib.sh"
d="$top_srcdir/tests/readers/pdf"
skipn() { k=0; while [ $k -lt "$1" ]; do tap_n=$((tap_n + 1)); echo "ok $tap_n # SKIP $2"; k=$((k + 1)); done; }
want=$(grep -cv '^[@=]' "$d/un-like.spec")   # body paragraphs of the spec
pdfcheck() { # DESC FILE: paragraphs, no furniture, footnotes apart
  "$POLYALIGN" segment --lang en "$2" > "$scratch/out" 2>&1
  awk 'BEGIN{RS="";FS="\n"}{s=$1; for(i=2;i<=NF;i++) s=s " " $i; print s}' "$scratch/out" > "$scratch/paras"
  n=$(grep -c '^\(The Human\|Whereas\|Recalling\|Noting\|[0-9]\. \)' "$scratch/paras")
  test "$n" -eq "$want"; ok $? "$1: the $want body paragraphs start paragraphs (got $n)"
  # every body paragraph of the spec is one paragraph, word for word (hyphens aside)
  miss=0
  # a footnote's text leaves its number behind as the reference mark
  grep -v '^[@=]' "$d/un-like.spec" |
    awk '{ while (match($0, /\[\[fn:[^]]*\]\]/)) { $0 = substr($0, 1, RSTART - 1) (++fn) substr($0, RSTART + RLENGTH) } print }' |
    sed 's/[^A-Za-z0-9]//g' > "$scratch/wantp"
  sed 's/[^A-Za-z0-9]//g' "$scratch/paras" | sed 's/^\([0-9]*[A-Za-z].*\)$/\1/' > "$scratch/gotp"
  while IFS= read -r p; do grep -qF -- "$p" "$scratch/gotp" || miss=$((miss + 1)); done < "$scratch/wantp"
  test "$miss" -eq 0; ok $? "$1: every paragraph whole ($miss not found)"
  ! grep -q 'GE\.18-14958\|A/HRC/39/L\.1\|^[0-9]/2$' "$scratch/out"; ok $? "$1: no running head or foot in any sentence"
  grep -q '^1 *General Assembly resolution 70/1\.$' "$scratch/out"; ok $? "$1: footnote 1 is a paragraph of its own"
}
if command -v pdftotext >/dev/null 2>&1; then
  pdftotext -enc UTF-8 "$d/un-like.pdf" "$scratch/def.en.txt"
  pdfcheck "pdftotext default" "$scratch/def.en.txt"
  sed 's/$/\n/' "$scratch/def.en.txt" > "$scratch/dbl.en.txt"
  pdfcheck "pdftotext, a blank line after every line" "$scratch/dbl.en.txt"
  # stretched.pdf (stretched.spec): justified lines stretched before a
  # long address; pdftotext writes one of them a word a line
  pdftotext -enc UTF-8 "$d/stretched.pdf" "$scratch/st.en.txt"
  "$POLYALIGN" segment --lang en "$scratch/st.en.txt" > "$scratch/out" 2>&1
  grep -q '^The report .* from the Official Document System at https://documents.un.org/.* and in print\.$' "$scratch/out"
  ok $? "pdftotext default: a stretched line written a word a line goes on in its sentence"
  pdftotext -enc UTF-8 -layout "$d/stretched.pdf" "$scratch/st.en.txt"
  "$POLYALIGN" segment --lang en "$scratch/st.en.txt" > "$scratch/out" 2>&1
  grep -q '^The report .* from the Official Document System at https://documents.un.org/.* and in print\.$' "$scratch/out" &&
    grep -q 'dspd/world-social-report/' "$scratch/out"
  ok $? "pdftotext -layout: the stretched line goes on; an address keeps its hyphen at a line end"
else
  skipn 10 "pdftotext not installed (poppler-utils)"
fi
if "$POLYALIGN" segment --lang en "$d/un-like.pdf" 2>&1 | grep -q 'not read yet'; then
  "$POLYALIGN" segment --lang en "$d/un-like.pdf" > /dev/null 2>"$scratch/err"
  grep -q pdftotext "$scratch/err"; ok $? "without poppler a .pdf is refused naming pdftotext"
  skipn 8 "polyalign built without poppler"
else
  pdfcheck ".pdf through poppler" "$d/un-like.pdf"
  "$POLYALIGN" segment --lang en "$d/stretched.pdf" > "$scratch/out" 2>&1
  grep -q '^The report .* from the Official Document System at https://documents.un.org/.* and in print\.$' "$scratch/out" &&
    grep -q 'dspd/world-social-report/' "$scratch/out"
  ok $? ".pdf: a stretched line poppler cuts into pieces is one line; an address keeps its hyphen"
  bad() { # DESC FILE PATTERN
    "$POLYALIGN" segment --lang en "$2" > /dev/null 2>"$scratch/err"; rc=$?
    test $rc -ne 0 && test "$(wc -l < "$scratch/err")" -eq 1 && grep -q "$3" "$scratch/err"
    ok $? "$1: one-line error, non-zero exit ($(cat "$scratch/err"))"
  }
  bad "encrypted PDF" "$d/un-like-encrypted.pdf" encrypted
  # a page with a drawn box and no text
  printf '%s\n' '%PDF-1.4' '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj' \
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj' \
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >> endobj' \
    '4 0 obj << /Length 20 >> stream' '10 10 100 100 re f' 'endstream endobj' 'trailer << /Root 1 0 R >>' '%%EOF' \
    > "$scratch/scan.pdf"
  bad "PDF without a text layer" "$scratch/scan.pdf" "no text layer"
  head -c 3000 "$d/un-like.pdf" > "$scratch/cut.pdf"
  bad "truncated PDF" "$scratch/cut.pdf" "PDF"
fi
done_testing
