#!/bin/sh
# Typeset PDFs aligned (issue 11): the UDHR pages of the shared corpus laid
# out as UN documents (tests/readers/pdf/udhr.py, mkfodt.py: header symbol,
# job number, page numbers) and typeset by LibreOffice, English with
# Chinese, Russian, French and Spanish, read as pdftotext's default text,
# its -layout text and as .pdf through poppler. Bar: 95% of the true
# sentence pairs (udhr.py score) are units, in every mode. Spanish's .pdf
# held it once the reader's paragraph spacing was measured against the
# pitch of lines inside paragraphs (88 of 96 before, its "Considerando"
# paragraphs run together; 94 now, as in pdftotext's text). Four of Chinese's 91 "true
# pairs" are in Article 26, whose sentences the two versions split at
# different places, so 87 is all there is to find there. Arabic: pdftotext
# and poppler give the two letters of every lam-alef ligature in the wrong
# order and write a space where justification stretched a word (a kashida:
# الح ق). Read as .pdf, the page's ink decides both (readers/pdf.c: a
# ligature is one shape across the middle of its two boxes, two glyphs
# alef + lam show paper between them; a kashida inks its whole gap, a word
# space none, ink counted above the words' own paper, so that the same
# page shaded, highlighted and underlined reads the same words; and the
# space poppler drops after a right-to-left line's first word is put
# back): held to the bar, 75 of 79 (77 now; the other 2 are Article 1,
# whose two lines poppler cuts into pieces at their tanween marks and
# gives out of order), with or without hunspell's
# Arabic dictionary, which that path does not use. pdftotext's text has no
# ink: the text reader puts back the pairs Arabic allows one reading of
# (align/text/lamalef.h), with the dictionary (hunspell-ar, libhunspell)
# those inside a stem (السلام) one reading of is a word, and closes gaps by
# the document's own words and the dictionary; pdftotext's ".1" for "1."
# (align/text/ltrrun.h) and the white space before right-to-left -layout
# lines (align/text/reflow.c) are repaired: 53 of 79 without the
# dictionary and 69 with it, held to 67 when the dictionary is there and
# printed without it, as the system's dictionary is not used then. Needs
# ../shared, LibreOffice, poppler-utils, Liberation Serif and a Chinese
# font (WenQuanYi or Noto CJK).
. "$top_srcdir/tests/lib.sh"
have_shared || skip_all "no shared data at $SHARED"
command -v soffice >/dev/null 2>&1 || skip_all "LibreOffice (soffice) not installed"
command -v pdftotext >/dev/null 2>&1 || skip_all "pdftotext (poppler-utils) not installed"
fc-list 2>/dev/null | grep -q "Liberation Serif" || skip_all "Liberation Serif (fonts-liberation2) not installed"
fc-list 2>/dev/null | grep -qi "WenQuanYi\|Noto Sans CJK\|Noto Serif CJK" ||
  skip_all "no Chinese font (fonts-wqy-microhei or fonts-noto-cjk): LibreOffice would print no Chinese"
d="$top_srcdir/tests/readers/pdf"
U="$SHARED/corpora/udhr"
cd "$scratch" || exit 1
for f in en:eng zh:cmn_hans ru:rus fr:fra es:spa ar:arb; do
  l=${f%%:*}
  "$PYTHON3" "$d/udhr.py" spec "$U/${f#*:}.html" "$l" > "$l.spec" && "$PYTHON3" "$d/mkfodt.py" "$l.spec" "$l.fodt"
  HOME="$scratch" soffice --headless --convert-to pdf "$l.fodt" > /dev/null 2>&1
  test -s "$l.pdf" || skip_all "soffice made no PDF of $l.fodt"
  pdftotext -enc UTF-8 "$l.pdf" "$l.def.txt" && pdftotext -enc UTF-8 -layout "$l.pdf" "$l.lay.txt"
done
modes="def lay"
"$POLYALIGN" segment --lang en en.pdf > /dev/null 2>&1 && modes="def lay pdf"
case $modes in *pdf)
  # poppler wraps each right-to-left word in bidirectional embeddings that
  # have no box: counted as characters, they once cost every Arabic page
  # its last lines; and its text selected from the top-left corner, as
  # poppler_page_get_text does, lacked the header, the title and the first
  # line of page 3 (98.4% of the letters)
  letters() { "$PYTHON3" -c "import sys; print(sum('\u0621' <= c <= '\u064a' for c in open(sys.argv[1], encoding='utf-8').read()))" "$1"; }
  "$POLYALIGN" segment --lang ar ar.def.txt > ar.def.seg && "$POLYALIGN" segment --lang ar ar.pdf > ar.pdf.seg
  lt=$(letters ar.def.seg) lp=$(letters ar.pdf.seg)
  test $((lp * 1000)) -ge $((lt * 995)); ok $? "ar .pdf: every line read ($lp Arabic letters, $lt in pdftotext's text)"
  "$PYTHON3" -c "import sys; sys.exit(any('\u202a' <= c <= '\u202e' for c in open('ar.pdf.seg', encoding='utf-8').read()))"
  ok $? "ar .pdf: no bidirectional embedding in the sentences"
  # the words read that the page does not hold: 111 (29 of them with a
  # lam-alef pair) before the ink decided ligatures and gaps, 7 before the
  # pieces poppler cuts a line into at a mark standing apart were put back
  # in order (لّ, قدً, بعً), 2 now: أحرارا and وضميرا of Article 1, whose
  # tanween poppler's selected text leaves out
  wrong=$("$PYTHON3" -c "
import html, re, sys
w = lambda s: re.findall('[\u0621-\u065f\u0670]+', s)
page = set(w(html.unescape(re.sub('<[^>]+>', ' ', open(sys.argv[1], encoding='utf-8').read()))))
print(sum(x not in page for x in w(open(sys.argv[2], encoding='utf-8').read())))" "$U/arb.html" ar.pdf.seg)
  test "$wrong" -le 4; ok $? "ar .pdf: at most 4 Arabic words read are not the page's ($wrong)"
  # every paragraph of the page read whole and in order, vowel marks and
  # white space aside: 56 of 59 before the pieces were put back (Article 1
  # and two of the preamble's lines came out of order)
  whole=$("$PYTHON3" -c "
import html, re, sys
strip = lambda s: re.sub('[\u064b-\u065f\u0670\\\\s]', '', s)
paras = [strip(html.unescape(re.sub('<[^>]+>', '', p))) for p in re.findall('<p>(.*?)</p>', open(sys.argv[1], encoding='utf-8').read(), re.S)]
text = strip(open(sys.argv[2], encoding='utf-8').read())
print(sum(p in text for p in paras), len(paras))" "$U/arb.html" ar.pdf.seg)
  test -n "$whole" && test "${whole% *}" = "${whole#* }"; ok $? "ar .pdf: every paragraph read whole and in order (${whole% *} of ${whole#* })"
  # the body shaded grey, highlighted pink and underlined bold, and some
  # words highlighted dark grey and underlined twice: the ink is counted
  # above each word's own paper. Counted from white, the shading inked the
  # middle of every touching alef + lam, which read as a ligature, and
  # every word space, which read as a kashida: 689 of 1,533 Arabic words
  # read were not the page's (the same Arabic words as unshaded now)
  sed -e 's|<style:style style:name="Body" style:family="paragraph"><style:paragraph-properties \([^>]*\)/>|<style:style style:name="Mark" style:family="text"><style:text-properties fo:background-color="#808080" style:text-underline-style="double" style:text-underline-width="bold" style:text-underline-color="font-color"/></style:style><style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:background-color="#d9d9d9" \1/><style:text-properties fo:background-color="#ff99cc" style:text-underline-style="solid" style:text-underline-width="bold" style:text-underline-color="font-color"/>|' \
    -e '/<text:p text:style-name="Body">/s#\(بالكرامة\|والسلام\|المتحدة\|الإنسان\|سلامة\|الأمم\)#<text:span text:style-name="Mark">\1</text:span>#g' ar.fodt > shaded.fodt
  HOME="$scratch" soffice --headless --convert-to pdf shaded.fodt > /dev/null 2>&1
  if grep -q 'style:name="Mark"' shaded.fodt && grep -q '#d9d9d9' shaded.fodt && test -s shaded.pdf; then
    "$POLYALIGN" segment --lang ar shaded.pdf > ar.shaded.seg
    same=$("$PYTHON3" -c "
import re, sys
w = lambda f: re.findall('[\u0621-\u065f\u0670]+', open(f, encoding='utf-8').read())
a, b = w(sys.argv[1]), w(sys.argv[2])
print(sum(x != y for x, y in zip(a, b)) + abs(len(a) - len(b)))" ar.pdf.seg ar.shaded.seg)
    test "$same" -eq 0; ok $? "ar .pdf shaded, highlighted and underlined: the Arabic words read unshaded ($same differ)"
  else
    tap_n=$((tap_n + 1)); echo "ok $tap_n # SKIP no shaded PDF made (the style or soffice)"
  fi
esac
for f in zh:cmn_hans ru:rus fr:fra es:spa ar:arb; do
  l=${f%%:*}
  for m in $modes; do
    if [ "$m" = pdf ]; then a=en.pdf b=$l.pdf; else a=en.$m.txt b=$l.$m.txt; fi
    "$POLYALIGN" align -q -s en -t "$l" "$a" "$b" -o "u.$l.$m.tsv"
    r=$("$PYTHON3" "$d/udhr.py" score "$POLYALIGN" "$U/eng.html" en "$U/${f#*:}.html" "$l" "u.$l.$m.tsv")
    if [ "$l" = ar ]; then
      found=${r%%/*}
      if [ "$m" = pdf ]; then
        test "$found" -ge 75; ok $? "en-ar pdf: at least 95% (75 of 79) of the true pairs are units ($r)"
        DICPATH= "$POLYALIGN" align -q -s en -t ar "$a" "$b" -o "u.ar.$m.nodict.tsv"
        r=$("$PYTHON3" "$d/udhr.py" score "$POLYALIGN" "$U/eng.html" en "$U/arb.html" ar "u.ar.$m.nodict.tsv")
        test "${r%%/*}" -ge 75; ok $? "en-ar pdf without the dictionary: at least 75 of 79 ($r)"
      elif have_arabic_dictionary; then
        want=67
        test "$found" -ge "$want"; ok $? "en-ar $m, with hunspell's Arabic dictionary: at least $want of 79 true pairs are units ($r)"
        DICPATH= "$POLYALIGN" align -q -s en -t ar "$a" "$b" -o "u.ar.$m.nodict.tsv"
        diag "en-ar $m without the dictionary: $("$PYTHON3" "$d/udhr.py" score "$POLYALIGN" "$U/eng.html" en "$U/arb.html" ar "u.ar.$m.nodict.tsv")"
      else
        diag "en-ar $m: $r (no hunspell-ar or libhunspell: not held to a bar, see above)"
      fi
      continue
    fi
    found=${r%%/*} rest=${r#*/} total=${rest%% *}
    test $((found * 100)) -ge $((total * 95)); ok $? "en-$l $m: at least 95% of the true pairs are units ($r)"
  done
done
done_testing
