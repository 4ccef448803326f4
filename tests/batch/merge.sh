#!/bin/sh
# polyalign batch --merge and --moses: one memory and one parallel text from
# every set of a run. Sets that repeat a document give each distinct unit
# once; the merged TMX of sets in different languages carries them all and
# is valid TMX 1.4; the Moses files are line-aligned and hold only units with
# text in every language of the run; -j2 merges the same units as -j1;
# --resume is refused with them; outputs are atomic.
. "$top_srcdir/tests/lib.sh"
P=$POLYALIGN
S=$top_srcdir/corpora/sample
W=$scratch
D=$W/docs
mkdir -p "$D"
for i in 1 2 3; do
  cp "$S/cd-note.zh.txt" "$D/cd-$i.zh.txt"; cp "$S/cd-note.en.txt" "$D/cd-$i.en.txt"
done
# a different document: the sample cut in two halves
n=$(wc -l < "$S/cd-note.en.txt"); h=$((n / 2))
head -n "$h" "$S/cd-note.zh.txt" > "$D/half.zh.txt"; head -n "$h" "$S/cd-note.en.txt" > "$D/half.en.txt"

# --- sets repeating a document, merged to TSV: each distinct unit once
"$P" batch -q -j1 -f tsv --dir "$D" -o "$W/out" --merge "$W/all.tsv" --moses "$W/corpus"
ok $? "batch --merge all.tsv --moses corpus"
[ -f "$W/out/cd-1.tsv" ] && [ -f "$W/out/half.tsv" ]; ok $? "the per-set outputs are written too"
cat "$W"/out/*.tsv | cut -f2- | sort -u > "$W/want"
cut -f2- "$W/all.tsv" | sort > "$W/got"
cmp -s "$W/want" "$W/got"
ok $? "the merged units are the distinct units of the sets, each once ($(wc -l < "$W/got") of $(cat "$W"/out/*.tsv | wc -l))"
[ "$(cut -f2- "$W/all.tsv" | sort | uniq -d | wc -l)" -eq 0 ]; ok $? "no unit twice"
cut -f2 "$W/all.tsv" > "$W/col.zh"; cut -f3 "$W/all.tsv" > "$W/col.en"
cmp -s "$W/corpus.zh" "$W/col.zh" && cmp -s "$W/corpus.en" "$W/col.en"
ok $? "--moses: corpus.zh and corpus.en, line k the same unit as the merged TSV's"

# --- -j2: the same units (in the order the sets finish)
"$P" batch -q -j2 -f tsv --dir "$D" -o "$W/out2" --merge "$W/all2.tsv"
cut -f2- "$W/all2.tsv" | sort | cmp -s - "$W/got"; ok $? "-j2 merges the same units as -j1"

# --- three languages over the run: TMX, the pivot srclang, valid
mkdir -p "$W/d3"; cp "$D"/cd-1.* "$D"/cd-2.* "$W/d3/"
cp "$S/cd-note.zh.txt" "$W/d3/fr1.zh.txt"; sed 's/the /le /g' "$S/cd-note.en.txt" > "$W/d3/fr1.fr.txt"
"$P" batch -q --dir "$W/d3" -o "$W/out3" --merge "$W/m3.tmx.gz" --moses "$W/c3"
ok $? "three languages over the run, --merge m3.tmx.gz"
gzip -dc "$W/m3.tmx.gz" > "$W/m3.tmx"
one=$(gzip -dc "$W/out3/cd-1.tmx.gz" | grep -c '<tu ')
fr=$(gzip -dc "$W/out3/fr1.tmx.gz" | grep -c '<tu ')
[ "$(grep -c '<tu ' "$W/m3.tmx")" -eq $((one + fr)) ]; ok $? "cd-1 and cd-2 once, fr1 whole: $((one + fr)) units"
grep -q 'srclang="zh-CN"' "$W/m3.tmx" && grep -q 'xml:lang="en-US"' "$W/m3.tmx" && grep -q 'xml:lang="fr-FR"' "$W/m3.tmx"
ok $? "header srclang the pivot; units in en-US and fr-FR"
[ "$(sed -n 's/.*tuid="\([0-9]*\)".*/\1/p' "$W/m3.tmx" | sort -n | uniq -d | wc -l)" -eq 0 ]; ok $? "tuids unique"
if [ -n "$XMLLINT" ] && [ -f "$SHARED/tmx/tmx14.dtd" ]; then
  "$XMLLINT" --noout --nonet --dtdvalid "$SHARED/tmx/tmx14.dtd" "$W/m3.tmx" 2> /dev/null
  ok $? "the merged TMX is valid TMX 1.4 (xmllint --dtdvalid)"
else
  diag "no xmllint or no $SHARED/tmx/tmx14.dtd: not validated"
fi
[ -f "$W/c3.zh" ] && [ -f "$W/c3.en" ] && [ -f "$W/c3.fr" ] && [ ! -s "$W/c3.zh" ]
ok $? "--moses: c3.zh, c3.en, c3.fr, empty: no unit has text in all three"

# every set in all three languages: the Moses files hold the merged units
# that have all three, line-aligned
cp "$S/cd-note.en.txt" "$W/d3/fr1.en.txt"; sed 's/the /le /g' "$S/cd-note.en.txt" > "$W/d3/cd-1.fr.txt"
sed 's/the /le /g' "$S/cd-note.en.txt" > "$W/d3/cd-2.fr.txt"
"$P" batch -q -f tsv --dir "$W/d3" -o "$W/out6" --merge "$W/m6.tsv" --moses "$W/c6"
awk -F'\t' '$2 != "" && $3 != "" && $4 != ""' "$W/m6.tsv" > "$W/all3"
cut -f2 "$W/all3" | cmp -s - "$W/c6.zh" && cut -f3 "$W/all3" | cmp -s - "$W/c6.en" && cut -f4 "$W/all3" | cmp -s - "$W/c6.fr"
ok $? "--moses over three languages: the merged units with all three, line-aligned ($(wc -l < "$W/c6.zh") lines)"

# --- --split-size: the same units as one memory, in numbered parts, each
# a valid TMX that ends after the set taking it past the size
"$P" batch -q -j1 --dir "$W/d3" -o "$W/out7" --merge "$W/one.tmx"
ok $? "batch --merge one.tmx (unsplit)"
"$P" batch -j1 --dir "$W/d3" -o "$W/out8" --merge "$W/part.tmx" --split-size 3K 2> "$W/err"
ok $? "batch --merge part.tmx --split-size 3K"
parts=$(ls "$W"/part.[0-9][0-9][0-9].tmx 2> /dev/null | wc -l)
[ "$parts" -ge 2 ] && [ ! -e "$W/part.tmx" ]; ok $? "$parts numbered parts (part.001.tmx ...), no part.tmx"
grep -q "in $parts files" "$W/err"; ok $? "the run's note counts the parts"
grep '<seg>' "$W/one.tmx" > "$W/one.segs"
grep -h '<seg>' "$W"/part.[0-9][0-9][0-9].tmx | cmp -s - "$W/one.segs"
ok $? "the parts hold the unsplit memory's segments, in order"
small=0 last=$(ls "$W"/part.[0-9][0-9][0-9].tmx | tail -1)
for f in "$W"/part.[0-9][0-9][0-9].tmx; do
  [ "$f" = "$last" ] && break
  [ "$(wc -c < "$f")" -ge 3072 ] || small=$((small + 1))
done
[ $small -eq 0 ]; ok $? "every part but the last reached 3K"
if [ -n "$XMLLINT" ] && [ -f "$SHARED/tmx/tmx14.dtd" ]; then
  bad=0
  for f in "$W"/part.[0-9][0-9][0-9].tmx; do
    "$XMLLINT" --noout --nonet --dtdvalid "$SHARED/tmx/tmx14.dtd" "$f" 2> /dev/null || bad=$((bad + 1))
  done
  [ $bad -eq 0 ]; ok $? "each part is a valid TMX 1.4 on its own"
fi
"$P" batch -q -j1 --dir "$W/d3" -o "$W/out9" --merge "$W/gz.tmx.gz" --split-size 3K
[ -f "$W/gz.001.tmx.gz" ] && gzip -t "$W/gz.001.tmx.gz"; ok $? "a gzip memory splits as gz.001.tmx.gz"
"$P" batch -q --dir "$D" -o "$W/out10" --split-size 900M 2> "$W/err"
[ $? -eq 2 ] && grep -q -- "--split-size needs --merge" "$W/err"; ok $? "--split-size without --merge: usage error"
"$P" batch -q --dir "$D" -o "$W/out10" --merge "$W/y.tmx" --split-size 9X 2> "$W/err"
[ $? -eq 2 ] && grep -q "not a positive whole number" "$W/err"; ok $? "--split-size 9X: usage error"

# --- usage and atomicity
"$P" batch -q --resume --dir "$D" -o "$W/out" --merge "$W/x.tmx" 2> "$W/err"
[ $? -eq 2 ] && grep -q -- "--resume" "$W/err"; ok $? "--resume with --merge: usage error"
"$P" batch -q --dir "$D" -o "$W/out4" --merge "$D/cd-1.en.txt" 2> /dev/null
[ $? -eq 2 ] && cmp -s "$D/cd-1.en.txt" "$S/cd-note.en.txt"; ok $? "--merge naming an input is refused (status 2), the input intact"
"$P" batch -q --dir "$D" -o "$W/out5" --merge "$W/nodir/x.tmx" 2> /dev/null
[ $? -eq 3 ]; ok $? "--merge in a missing directory: status 3"
ls -A "$W" | grep -q '\.tmp-'; [ $? -ne 0 ]; ok $? "no temporary file left"
done_testing
