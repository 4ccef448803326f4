#!/bin/sh
# polyalign batch end to end: a directory of document sets made from the
# sample and from the UN Parallel Corpus dev set (cut into documents of 25
# lines, three languages), plus broken sets (binary, invalid UTF-8, empty,
# one language, no pivot). Checks the outputs (TMX valid against the DTD),
# the failures on stderr and in run.json, exit statuses, -j1 = -j2, --resume,
# SIGKILL then --resume, --shard, manifests and usage errors. Outputs are
# compared with their creationdate attributes stripped: that is the only
# part of a TMX that depends on the time of the run.
. "$top_srcdir/tests/lib.sh"
P=$POLYALIGN
S=$top_srcdir/corpora/sample
W=$scratch
D=$W/docs
mkdir -p "$D"

# --- the document sets
n_good=0
for i in 1 2 3 4 5 6 7 8; do
  cp "$S/cd-note.zh.txt" "$D/cd-$i.zh.txt"; cp "$S/cd-note.en.txt" "$D/cd-$i.en.txt"
  n_good=$((n_good + 1))
done
U=$SHARED/corpora/unpc-devset
if [ -f "$U/UNv1.0.devset.zh" ]; then
  for l in zh en fr; do
    awk -v L=$l -v D="$D" 'NR <= 250 { f = sprintf("%s/un%02d.%s.txt", D, int((NR - 1) / 25) + 1, L); print > f }' \
      "$U/UNv1.0.devset.$l"
  done
  n_good=$((n_good + 10))
  have_un=1
else
  diag "no UN dev set under $U: only the sample's sets (set SHARED)"
  have_un=0
fi
good=$(ls "$D" | sed -n 's/\.zh\.txt$//p' | sort)
# broken sets
cp "$S/cd-note.zh.txt" "$D/binary.zh.txt"; head -c 4096 /dev/urandom > "$D/binary.en.txt"
cp "$S/cd-note.zh.txt" "$D/badutf8.zh.txt"; printf 'The Conference \377\376 on Disarmament.\n' > "$D/badutf8.en.txt"
: > "$D/empty.zh.txt"; : > "$D/empty.en.txt"
cp "$S/cd-note.en.txt" "$D/single.en.txt"
cp "$S/cd-note.en.txt" "$D/nopivot.en.txt"; cp "$S/cd-note.en.txt" "$D/nopivot.fr.txt"
broken="badutf8 binary empty nopivot single"
echo "not a document" > "$D/README"

# strip_dir DIR OUT: each output decompressed, creationdate attributes removed
strip_dir() {
  mkdir -p "$2"
  for f in "$1"/*.tmx.gz; do
    gzip -dc "$f" | sed 's/ creationdate="[^"]*"//g' > "$2/$(basename "$f" .gz)"
  done
}
# same_outputs A B: the same output files, equal but for creationdate
same_outputs() {
  rm -rf "$W/cmp.a" "$W/cmp.b"
  strip_dir "$1" "$W/cmp.a"; strip_dir "$2" "$W/cmp.b"
  diff -r "$W/cmp.a" "$W/cmp.b" > /dev/null
}
temporaries() { ls -A "$1" | grep -c '\.tmp-'; }

# --- a run with -j1
"$P" batch -j1 --dir "$D" -o "$W/out1" > "$W/out1.stdout" 2> "$W/out1.err"
ok $([ $? -eq 5 ]; echo $?) "some sets broken: exit status 5"
missing=0
for d in $good; do [ -s "$W/out1/$d.tmx.gz" ] || missing=$((missing + 1)); done
ok $missing "every good set has its OUTDIR/DOCID.tmx.gz ($n_good sets)"
[ "$(ls "$W/out1" | grep -c '\.tmx\.gz$')" -eq "$n_good" ]; ok $? "and no broken set has one"
if [ -n "$XMLLINT" ] && [ -f "$SHARED/tmx/tmx14.dtd" ]; then
  bad=0
  for d in $good; do
    gzip -dc "$W/out1/$d.tmx.gz" > "$W/v.tmx"
    "$XMLLINT" --noout --nonet --dtdvalid "$SHARED/tmx/tmx14.dtd" "$W/v.tmx" 2> /dev/null || bad=$((bad + 1))
  done
  ok $bad "every output is valid TMX 1.4 (xmllint --dtdvalid tmx14.dtd)"
else
  diag "no xmllint or no $SHARED/tmx/tmx14.dtd: the outputs are not validated"
fi
if [ $have_un -eq 1 ]; then
  gzip -dc "$W/out1/un01.tmx.gz" > "$W/un.tmx"
  grep -q 'xml:lang="zh-CN"' "$W/un.tmx" && grep -q 'xml:lang="en-US"' "$W/un.tmx" && grep -q 'xml:lang="fr-FR"' "$W/un.tmx"
  ok $? "a set of three languages gives one TMX with all three"
fi
for d in $broken; do
  n=$(grep -c "^polyalign: $d: ." "$W/out1.err")
  ok $([ "$n" -eq 1 ]; echo $?) "broken set $d: one line on stderr ($(grep "^polyalign: $d:" "$W/out1.err"))"
  grep -q "\"docid\": \"$d\", \"status\": \"failed\".*\"reason\": \"." "$W/out1/run.json"
  ok $? "broken set $d: failed in run.json, with its reason"
done
grep -q 'binary' "$W/out1.err" && grep -q 'UTF-8' "$W/out1.err" && grep -q 'empty' "$W/out1.err" \
  && grep -q 'only one language' "$W/out1.err" && grep -q 'no zh version' "$W/out1.err"
ok $? "the reasons say what is wrong: binary, UTF-8, empty, one language, no pivot"
grep -q "\"totals\": {\"sets\": $((n_good + 5)), \"done\": $n_good, \"skipped\": 0, \"failed\": 5," "$W/out1/run.json"
ok $? "run.json totals: $((n_good + 5)) sets, $n_good done, 5 failed"
grep -q '"docid": "cd-1", "status": "done", "languages": \["zh", "en"\], "sentences": {"zh": [1-9][0-9]*, "en": [1-9][0-9]*}, "units": [1-9][0-9]*, "mean_score": 0\.[0-9]*' "$W/out1/run.json"
ok $? "run.json per set: languages, sentences per language, units, mean score"
if [ -n "$PYTHON3" ]; then
  "$PYTHON3" -c 'import json, sys; r = json.load(open(sys.argv[1])); sys.exit(0 if len(r["sets"]) == r["totals"]["sets"] else 1)' "$W/out1/run.json"
  ok $? "run.json is JSON"
fi
[ ! -s "$W/out1.stdout" ]; ok $? "nothing on standard output"
ok "$(temporaries "$W/out1")" "no temporary file left in OUTDIR"

# --- -j2: the same outputs
"$P" batch -q -j2 --dir "$D" -o "$W/out2" 2> "$W/out2.err"
ok $([ $? -eq 5 ]; echo $?) "-j2: exit status 5 too"
same_outputs "$W/out1" "$W/out2"; ok $? "-j1 and -j2 give the same outputs"
[ "$(grep -c '^polyalign: ' "$W/out2.err")" -eq 5 ]; ok $? "-q: only the five failures on stderr"
grep -q '"threads": 2' "$W/out2/run.json"; ok $? "run.json says 2 threads"

# --- --resume after deleting one output recreates only that one
rm "$W/out2/cd-3.tmx.gz"
touch "$W/marker"; sleep 1
"$P" batch -q -j2 --resume --dir "$D" -o "$W/out2" 2> /dev/null
[ -s "$W/out2/cd-3.tmx.gz" ]; ok $? "--resume recreates the deleted output"
newer=$(find "$W/out2" -name '*.tmx.gz' -newer "$W/marker" | wc -l)
ok $([ "$newer" -eq 1 ]; echo $?) "and only that one ($newer rewritten)"
grep -q "\"skipped\": $((n_good - 1)), \"failed\": 5" "$W/out2/run.json"; ok $? "run.json: the others skipped"
same_outputs "$W/out1" "$W/out2"; ok $? "the outputs are those of one uninterrupted run"

# --- killed with SIGKILL at three moments, then --resume: on more sets
# (the good and broken ones and 24 more copies of the sample), so that the
# kills fall early, in the middle and late in the run
K=$W/many
mkdir -p "$K"
cp "$D"/* "$K"/
for i in $(seq 11 34); do
  cp "$S/cd-note.zh.txt" "$K/cd-$i.zh.txt"; cp "$S/cd-note.en.txt" "$K/cd-$i.en.txt"
done
"$P" batch --progress -j2 --dir "$K" -o "$W/many.out" 2> "$W/many.err"
# the progress line stays silent in a run's first second
secs=$(sed -n 's/.*"totals": {.*"seconds": \([0-9.]*\),.*/\1/p' "$W/many.out/run.json")
if awk -v s="$secs" 'BEGIN { exit !(s >= 1.5) }'; then
  grep -q '^batch: [0-9]*/[0-9]* documents' "$W/many.err"; ok $? "--progress into a file: 'batch: N/TOTAL documents' lines"
else
  echo "ok $((tap_n + 1)) - --progress into a file # SKIP the run took ${secs}s, under the progress line's silent second"
  tap_n=$((tap_n + 1))
fi
grep '^polyalign: ' "$W/many.err" | grep -v -q -e ': badutf8: ' -e ': binary: ' -e ': empty: ' -e ': nopivot: ' -e ': single: ' \
  -e 'not named DOCID.LANG.EXT' -e 'sets written'
ok $([ $? -ne 0 ]; echo $?) "without -v, the documents' own messages go nowhere"
mkdir -p "$W/oneset"; cp "$D/cd-1.zh.txt" "$D/cd-1.en.txt" "$W/oneset/"
"$P" batch -q --dir "$W/oneset" -o "$W/jdefault"
nproc=$(getconf _NPROCESSORS_ONLN 2> /dev/null || echo 1)
grep -q "\"threads\": 1}" "$W/jdefault/run.json"; ok $? "one set: one thread whatever the cores ($nproc)"
"$P" batch -q --dir "$K" --shard 1/4 -o "$W/jcores" 2> /dev/null
grep -q "\"threads\": $nproc}" "$W/jcores/run.1-of-4.json"; ok $? "-j defaults to the online cores ($nproc)"
for t in 0.3 1.2 2.5; do
  o=$W/kill-$t
  "$P" batch -q -j2 --dir "$K" -o "$o" 2> /dev/null &
  pid=$!
  sleep $t
  kill -9 $pid 2> /dev/null
  wait $pid 2> /dev/null
  before=$(ls "$o" 2> /dev/null | grep -c '\.tmx\.gz$')
  stale=$(temporaries "$o")
  "$P" batch -q -j2 --resume --dir "$K" -o "$o" 2> /dev/null
  ok $([ $? -eq 5 ]; echo $?) "killed after ${t}s ($before outputs written), --resume: exit status 5"
  same_outputs "$W/many.out" "$o"; ok $? "killed after ${t}s, --resume: the outputs of an uninterrupted run"
  left=$(temporaries "$o")
  [ "$left" -eq 0 ]; ok $? "killed after ${t}s ($stale temporary files left by the kill), --resume: none left"
done

# --- shards: 1/2 and 2/2 together are the whole run
"$P" batch -q --shard 1/2 --dir "$D" -o "$W/shard" 2> /dev/null
r1=$?
"$P" batch -q --shard 2/2 --dir "$D" -o "$W/shard" 2> /dev/null
r2=$?
ok $([ $r1 -ne 0 ] && [ $r2 -ne 0 ]; echo $?) "--shard 1/2 and 2/2 each meet some broken sets ($r1, $r2)"
same_outputs "$W/out1" "$W/shard"; ok $? "--shard 1/2 + 2/2: the outputs of the unsharded run"
[ -f "$W/shard/run.1-of-2.json" ] && [ -f "$W/shard/run.2-of-2.json" ] && [ ! -f "$W/shard/run.json" ]
ok $? "each shard writes its own report, run.K-of-N.json"
n1=$(grep -c '"docid"' "$W/shard/run.1-of-2.json"); n2=$(grep -c '"docid"' "$W/shard/run.2-of-2.json")
ok $([ $((n1 + n2)) -eq $((n_good + 5)) ] && [ $((n1 - n2)) -le 1 ] && [ $((n2 - n1)) -le 1 ]; echo $?) \
  "the shards split the sets evenly ($n1 + $n2)"
# three shards at once into one OUTDIR, as a job array would run them
for k in 1 2 3; do "$P" batch -q -j1 --shard $k/3 --dir "$D" -o "$W/conc" 2> /dev/null & done
wait
same_outputs "$W/out1" "$W/conc" && [ "$(ls "$W/conc" | grep -c '^run\.[123]-of-3\.json$')" -eq 3 ]
ok $? "three --shard K/3 running at once: the outputs of the unsharded run, three reports"
# shards that start together race to create OUTDIR: the losers must use
# it, not fail (before the fix, one round in four had a shard fail)
lost=0
for round in 1 2 3 4 5 6; do
  for k in 1 2 3; do "$P" batch -q -j1 --shard $k/3 --dir "$D" -o "$W/race$round" 2>> "$W/race.err" & done
  wait
  [ "$(ls "$W/race$round" | grep -c '^run\.[123]-of-3\.json$')" -eq 3 ] || lost=$((lost + 1))
done
ok $([ $lost -eq 0 ] && ! grep -q 'cannot create the directory' "$W/race.err"; echo $?) \
  "three shards starting at once into a new OUTDIR, six rounds: every shard runs ($lost rounds lost one)"
if command -v parallel > /dev/null 2>&1; then
  parallel --will-cite "$P" batch -q --shard {}/3 --dir "$D" -o "$W/par" ::: 1 2 3 2> /dev/null
  same_outputs "$W/out1" "$W/par"; ok $? "GNU parallel over --shard K/3: the outputs of the unsharded run"
else
  diag "GNU parallel is not installed: the run through parallel is not checked"
fi

# --- manifests
M=$W/m
mkdir -p "$M/texts"
cp "$S/cd-note.zh.txt" "$M/texts/first-chinese.txt"; cp "$S/cd-note.en.txt" "$M/texts/first-english.txt"
printf '# docid\tlang\tpath\nnote\tzh\ttexts/first-chinese.txt\n\nnote\ten\ttexts/first-english.txt\n' > "$M/list.tsv"
"$P" batch -q "$M/list.tsv" -o "$W/mout"
ok $? "a manifest: exit status 0"
gzip -dc "$W/mout/note.tmx.gz" | sed 's/ creationdate="[^"]*"//g; s/first-chinese\.txt/cd-1.zh.txt/' > "$W/m.tmx"
gzip -dc "$W/out1/cd-1.tmx.gz" | sed 's/ creationdate="[^"]*"//g' | cmp -s - "$W/m.tmx"
ok $? "its set is aligned as the same files found in a directory (paths relative to the manifest)"
printf 'note\tzh\ttexts/first-chinese.txt\nnote\ten\ttexts/first-english.txt\nnote en texts/x.txt\n' > "$M/bad.tsv"
"$P" batch -q "$M/bad.tsv" -o "$W/mbad" 2> "$W/mbad.err"
rc=$?
ok $([ $rc -eq 1 ]; echo $?) "a malformed manifest line: exit status 1 ($rc)"
grep -q "bad.tsv:3: expected docid<TAB>lang<TAB>path" "$W/mbad.err"; ok $? "named FILE:LINE ($(cat "$W/mbad.err"))"
[ ! -e "$W/mbad/note.tmx.gz" ]; ok $? "and nothing is aligned"
printf 'note\tqqq-x\ttexts/first-chinese.txt\n' > "$M/tag.tsv"
"$P" batch -q "$M/tag.tsv" -o "$W/mtag" 2> "$W/mtag.err"
ok $([ $? -eq 1 ] && grep -q 'tag.tsv:1: ' "$W/mtag.err"; echo $?) "a bad language tag: named FILE:LINE too"

# --- other formats, pivot, refusals
"$P" batch -q -f tsv --dir "$D" -o "$W/tsv" 2> /dev/null
[ -s "$W/tsv/cd-1.tsv" ] && [ "$(ls "$W/tsv" | grep -c '\.tsv$')" -eq "$n_good" ]; ok $? "--format tsv: OUTDIR/DOCID.tsv"
"$P" align -q "$D/cd-1.zh.txt" "$D/cd-1.en.txt" -o "$W/one.tsv"
cmp -s "$W/one.tsv" "$W/tsv/cd-1.tsv"; ok $? "and a set's TSV is what align writes for it"
mkdir -p "$W/piv"; cp "$S/cd-note.en.txt" "$W/piv/p.en.txt"; cp "$S/cd-note.zh.txt" "$W/piv/p.zh.txt"
"$P" batch -q --pivot en -f tsv --dir "$W/piv" -o "$W/pivout"
"$P" align -q "$W/piv/p.en.txt" "$W/piv/p.zh.txt" -o "$W/piv.tsv"
cmp -s "$W/piv.tsv" "$W/pivout/p.tsv"; ok $? "--pivot en: English first, as align EN ZH"
mkdir -p "$W/emptydir"
"$P" batch -q --dir "$W/emptydir" -o "$W/eout" 2> "$W/e.err"
ok $([ $? -eq 1 ]; echo $?) "an empty directory: exit status 1 ($(cat "$W/e.err"))"
mkdir -p "$W/allbad"; cp "$D/single.en.txt" "$W/allbad/"
"$P" batch -q --dir "$W/allbad" -o "$W/abad" 2> /dev/null
ok $([ $? -eq 1 ]; echo $?) "every set failed: exit status 1"
: > "$W/afile"
"$P" batch -q --dir "$W/oneset" -o "$W/afile" 2> "$W/afile.err"
ok $([ $? -eq 3 ] && grep -q 'not a directory' "$W/afile.err"; echo $?) "OUTDIR a file: exit status 3 ($(cat "$W/afile.err"))"
for args in "--dir $D" "-o $W/x" "--dir $D -o $W/x $M/list.tsv" "--dir $D -o $W/x --shard 3/2" \
            "--dir $D -o $W/x --shard 1" "--dir $D -o $W/x -f moses" "--dir $D -o $W/x -j 0" \
            "--dir $D -o $W/x --pivot qqq-1" "--dir $D -o $W/x --frobnicate"; do
  "$P" batch $args > /dev/null 2>&1
  ok $([ $? -eq 2 ]; echo $?) "usage error, exit status 2: batch $(echo "$args" | sed "s|$W/||g")"
done
"$P" batch --dir "$D" -o "$W/x" --resme 2>&1 | grep -q 'did you mean --resume'; ok $? "--resme: did you mean --resume?"
"$P" help batch | grep -q -- '--shard K/N'; ok $? "polyalign help batch"
"$P" --help | grep -q '^  batch '; ok $? "polyalign --help lists batch"

# an output that would replace one of its set's inputs: that set fails, the input stays
mkdir -p "$W/self/bo"; cp "$top_srcdir/corpora/sample/cd-note.zh.txt" "$W/self/a.zh.txt"
cp "$top_srcdir/corpora/sample/cd-note.en.txt" "$W/self/bo/d.tsv"
printf 'd\tzh\t%s\nd\ten\t%s\n' "$W/self/a.zh.txt" "$W/self/bo/d.tsv" > "$W/self/m.tsv"
"$P" batch -q -f tsv -o "$W/self/bo" "$W/self/m.tsv" 2> "$W/self/err"
[ $? -eq 1 ] && grep -q "is the input file" "$W/self/err" && cmp -s "$W/self/bo/d.tsv" "$top_srcdir/corpora/sample/cd-note.en.txt"
ok $? "a set whose output is one of its inputs fails and the input is unchanged"
done_testing
