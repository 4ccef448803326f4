#!/bin/sh
# udhr.sh - the UDHR pages of the shared corpus go straight into align: at
# least 97% of the true sentence pairs (udhr_pairs.py) are units, for
# Chinese with each other language aligned as a pair, and no unit of the
# six-language memory holds markup or an entity (its pair figures are
# printed; the multilingual merge joins some units), and one six-language
# command with --pairs reaches 97% for every pair; the same for a
# Word-style DOCX of the Chinese and English pages, which must also keep
# deleted text, field codes and its footnote out of sentences. Skips without
# ${SHARED}/corpora/udhr.
. "${top_srcdir:-.}/tests/lib.sh"
udhr=$SHARED/corpora/udhr
[ -f "$udhr/eng.html" ] || skip_all "no $udhr (the shared corpus)"
pairs="${PYTHON3:-python3} ${top_srcdir:-.}/tests/readers/udhr_pairs.py --udhr $udhr"
for f in zh:cmn_hans en:eng fr:fra es:spa ru:rus ar:arb; do
  cp "$udhr/${f#*:}.html" "$scratch/udhr.${f%%:*}.html"
done
cd "$scratch" || exit 1
for l in en fr es ru ar; do
  "$POLYALIGN" align udhr.zh.html udhr.$l.html -o zh$l.tsv 2>/dev/null
  ok $? "align udhr.zh.html udhr.$l.html"
  out=$($pairs --min 0.97 --tsv zh$l.tsv zh $l)
  ok $? "zh-$l: at least 97% of the true pairs are units, none holds markup"
  echo "$out" | sed "s/^/# /"
done
# The same pages as Word writes a DOCX (udhr_docx.py: runs split inside
# words, fields, hyperlinks, tracked changes, a table, a footnote).
for l in zh en; do
  ${PYTHON3:-python3} "${top_srcdir:-.}/tests/readers/udhr_docx.py" udhr.$l.html udhr.$l.docx
done
"$POLYALIGN" align udhr.zh.docx udhr.en.docx -o docx.tsv 2>/dev/null
ok $? "align udhr.zh.docx udhr.en.docx (Word's quirks)"
out=$($pairs --min 0.97 --tsv docx.tsv zh en)
ok $? "DOCX zh-en: at least 97% of the true pairs are units, none holds markup"
echo "$out" | sed "s/^/# /"
! grep -q 'DELETED-TEXT\|SEQ Article' docx.tsv
ok $? "no deleted text and no field code in a unit"
! cut -f2,3 docx.tsv | tr '\t' '\n' | grep 'FOOTNOTE-TEXT' | grep -qv '^FOOTNOTE-TEXT General Assembly resolution 217 A (III)\.$'
ok $? "the footnote is never inside a sentence"

"$POLYALIGN" align udhr.zh.html udhr.en.html udhr.fr.html udhr.es.html udhr.ru.html udhr.ar.html -o six.tmx 2>/dev/null
ok $? "six languages at once"
out=$($pairs --tmx six.tmx zh en fr es ru ar)
! echo "$out" | grep -q '[1-9][0-9]* units hold markup'
ok $? "no unit of the six-language memory holds markup or entities"
echo "$out" | sed "s/^/# /"
# One command, six languages, a file per pair: each pair's own units, so
# the pair figures hold as for two languages.
"$POLYALIGN" align --pairs udhr.zh.html udhr.en.html udhr.fr.html udhr.es.html udhr.ru.html udhr.ar.html \
  -o six.tsv 2>/dev/null
ok $? "six languages at once, --pairs"
for l in en fr es ru ar; do
  out=$($pairs --min 0.97 --tsv six.zh-$l.tsv zh $l)
  ok $? "six languages, --pairs, zh-$l: at least 97% of the true pairs are units, none holds markup"
  echo "$out" | head -1 | sed "s/^/# /"
done
done_testing
