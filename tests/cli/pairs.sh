#!/bin/sh
# polyalign align --pairs: one bilingual file per pivot-language pair, each
# the pair's own alignment: the zh-en file of a three-language run is what
# aligning zh with en alone writes, without the units the multilingual
# memory joins for the other language's sake; names carry the pair before
# the extension. -j runs the pairs on threads, with the same result.
. "$top_srcdir/tests/lib.sh"
P=$POLYALIGN
S=$top_srcdir/corpora/sample
W=$scratch
ZH=$S/cd-note.zh.txt EN=$S/cd-note.en.txt
# a third version: the English one, altered, with the sentences of each
# paragraph run into one, so that fr pairs the pivot differently from en
sed 's/the /le /g; s/\([a-z)]\)\. \([A-Z]\)/\1; \2/g' "$EN" > "$W/cd-note.fr.txt"
FR=$W/cd-note.fr.txt

"$P" align "$ZH" "$EN" "$FR" -o "$W/multi.tsv" 2> "$W/multi.err"; ok $? "three languages into one TSV"
grep -q "units joined" "$W/multi.err"; ok $? "the multilingual units join some where en and fr differ"
"$P" align --pairs "$ZH" "$EN" "$FR" -o "$W/A.tsv" 2> "$W/pairs.err"; ok $? "--pairs -o A.tsv"
! grep -q "units joined" "$W/pairs.err"; ok $? "--pairs reports no joins: it writes none"
[ -f "$W/A.zh-en.tsv" ] && [ -f "$W/A.zh-fr.tsv" ] && [ ! -f "$W/A.tsv" ]
ok $? "--pairs -o A.tsv writes A.zh-en.tsv and A.zh-fr.tsv, not A.tsv"
"$P" align -q "$ZH" "$EN" -o "$W/want.en"
"$P" align -q "$ZH" "$FR" -o "$W/want.fr"
cmp -s "$W/A.zh-en.tsv" "$W/want.en"; ok $? "zh-en file = zh aligned with en alone ($(wc -l < "$W/want.en") units)"
cmp -s "$W/A.zh-fr.tsv" "$W/want.fr"; ok $? "zh-fr file = zh aligned with fr alone ($(wc -l < "$W/want.fr") units)"
awk -F'\t' -v OFS='\t' '$2 != "" && $3 != "" { print $1, $2, $3 }' "$W/multi.tsv" > "$W/cut.en"
! cmp -s "$W/cut.en" "$W/want.en"; ok $? "and not the multilingual units cut down to zh-en"

# TMX, compressed: the pair before .tmx.gz, two languages per file
"$P" align -q --pairs "$ZH" "$EN" "$FR" -o "$W/A.tmx.gz"
[ -f "$W/A.zh-en.tmx.gz" ] && [ -f "$W/A.zh-fr.tmx.gz" ]; ok $? "-o A.tmx.gz writes A.zh-en.tmx.gz and A.zh-fr.tmx.gz"
gzip -dc "$W/A.zh-en.tmx.gz" > "$W/zh-en.tmx"
[ "$(grep -c '<tu ' "$W/zh-en.tmx")" = "$(wc -l < "$W/want.en")" ] && ! grep -q 'xml:lang="fr' "$W/zh-en.tmx"
ok $? "the zh-en TMX holds those units and no French"
if [ -n "$XMLLINT" ] && [ -f "$SHARED/tmx/tmx14.dtd" ]; then
  "$XMLLINT" --noout --nonet --dtdvalid "$SHARED/tmx/tmx14.dtd" "$W/zh-en.tmx" 2> /dev/null
  ok $? "the pair's TMX is valid TMX 1.4 (xmllint --dtdvalid)"
else
  diag "no xmllint or no $SHARED/tmx/tmx14.dtd: not validated"
fi
# moses: PREFIX.zh-en.zh, PREFIX.zh-en.en
"$P" align -q --pairs -f moses "$ZH" "$EN" "$FR" -o "$W/corpus"
[ -f "$W/corpus.zh-en.zh" ] && [ -f "$W/corpus.zh-en.en" ] && [ -f "$W/corpus.zh-fr.fr" ]
ok $? "moses: PREFIX.zh-en.zh, PREFIX.zh-en.en, PREFIX.zh-fr.fr"
# usage: a file is needed; nothing is left behind on failure
"$P" align -q --pairs "$ZH" "$EN" "$FR" 2> "$W/err"; [ $? -eq 2 ] && grep -q -- "--pairs" "$W/err"
ok $? "--pairs without -o is a usage error"

# -j: the pairs on threads, one a thread; the memory is the same on any
# number (the progress and -v messages come from the threads)
for l in es ru; do sed "s/the /$l /g" "$EN" > "$W/cd-note.$l.txt"; done
FIVE="$ZH $EN $FR $W/cd-note.es.txt $W/cd-note.ru.txt"
# (the creation dates blanked: a run may start in the next second)
for j in 1 2 4; do
  "$P" align -q -j $j $FIVE -o "$W/j$j.tmx" 2> "$W/j$j.err"
  ok $? "-j $j: five languages into one TMX"
  sed 's/creationdate="[0-9TZ]*"//g' "$W/j$j.tmx" > "$W/j$j.nodate"
done
cmp -s "$W/j1.nodate" "$W/j2.nodate" && cmp -s "$W/j1.nodate" "$W/j4.nodate"
ok $? "-j 1, -j 2 and -j 4 write the same TMX ($(grep -c '<tu[ >]' "$W/j1.tmx") units)"
"$P" align -q --pairs -j 3 $FIVE -o "$W/pj.tsv" && "$P" align -q $ZH $FR -o "$W/alone.fr.tsv" &&
  cmp -s "$W/pj.zh-fr.tsv" "$W/alone.fr.tsv"
ok $? "--pairs -j 3: the zh-fr file is zh aligned with fr alone"
"$P" align -vv -j 1 $FIVE -o "$W/v1.tsv" 2> "$W/v1.err" && "$P" align -vv -j 2 $FIVE -o "$W/v2.tsv" 2> "$W/v2.err" &&
  sort "$W/v1.err" > "$W/v1.sorted" && sort "$W/v2.err" > "$W/v2.sorted" && cmp -s "$W/v1.sorted" "$W/v2.sorted"
ok $? "-vv -j 2 says what -vv -j 1 says, in whole lines ($(wc -l < "$W/v1.err") of them), in another order"
for bad in 0 2.5 x 1025; do
  "$P" align -q -j "$bad" "$ZH" "$EN" 2> "$W/err"; [ $? -eq 2 ] && grep -q -- "--jobs" "$W/err"
  ok $? "-j $bad is a usage error"
done
ls -A "$W" | grep -q '\.tmp'; [ $? -ne 0 ]; ok $? "no temporary file left"
done_testing
