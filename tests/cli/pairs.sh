#!/bin/sh
# polyalign align --pairs: one bilingual file per pivot-language pair, each
# the pair's own alignment: the zh-en file of a three-language run is what
# aligning zh with en alone writes, without the units the multilingual
# memory joins for the other language's sake; names carry the pair before
# the extension.
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
ls -A "$W" | grep -q '\.tmp'; [ $? -ne 0 ]; ok $? "no temporary file left"
done_testing
