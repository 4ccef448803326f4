#!/bin/sh
# The command line over the pipeline: help, the Moses writer, language tags
# as given, one sentence a line kept when every input holds it, more than
# two languages in one memory, progress and --quiet.
. "$top_srcdir/tests/lib.sh"
P=$POLYALIGN
S=$top_srcdir/corpora/sample
W=$scratch
ZH=$S/cd-note.zh.txt EN=$S/cd-note.en.txt

# help
"$P" help align > "$W/h1"; "$P" align --help > "$W/h2"
cmp -s "$W/h1" "$W/h2"; ok $? "polyalign help align is polyalign align --help"
"$P" help > "$W/h3"; grep -q "help COMMAND" "$W/h3"; ok $? "polyalign help lists the commands"

# Moses: a file a language, line-aligned with the TSV's units
"$P" align -q "$ZH" "$EN" -o "$W/pairs.tsv"
"$P" align -q -f moses "$ZH" "$EN" -o "$W/corpus"
[ -f "$W/corpus.zh" ] && [ -f "$W/corpus.en" ]; ok $? "moses writes PREFIX.zh and PREFIX.en"
cut -f2 "$W/pairs.tsv" > "$W/col.zh"; cut -f3 "$W/pairs.tsv" > "$W/col.en"
cmp -s "$W/corpus.zh" "$W/col.zh" && cmp -s "$W/corpus.en" "$W/col.en"
ok $? "moses lines are the TSV's units, in order ($(wc -l < "$W/corpus.zh") lines)"
"$P" align -q -f moses.gz "$ZH" "$EN" -o "$W/gz"
gzip -dc "$W/gz.en.gz" | cmp -s - "$W/corpus.en"; ok $? "moses.gz compresses each file"
ls -A "$W" | grep -q '\.tmp' ; [ $? -ne 0 ]; ok $? "no temporary file left"

# Language tags reach the TMX as given; a bare code gets its region
"$P" align -q -s zh-Hant -t en-GB "$ZH" "$EN" -o "$W/tags.tmx"
grep -q 'srclang="zh-Hant"' "$W/tags.tmx" && grep -q 'xml:lang="zh-Hant"' "$W/tags.tmx" && grep -q 'xml:lang="en-GB"' "$W/tags.tmx"
ok $? "-s zh-Hant -t en-GB: zh-Hant and en-GB in the TMX"
cp "$ZH" "$W/doc.zh-TW.txt"; cp "$EN" "$W/doc.en-US.txt"
"$P" align -q "$W/doc.zh-TW.txt" "$W/doc.en-US.txt" -o "$W/names.tmx"
grep -q 'xml:lang="zh-TW"' "$W/names.tmx" && grep -q 'xml:lang="en-US"' "$W/names.tmx" && ! grep -q 'zh-CN' "$W/names.tmx"
ok $? "doc.zh-TW.txt and doc.en-US.txt: zh-TW and en-US in the TMX"
"$P" align -q "$ZH" "$EN" -o "$W/bare.tmx"
grep -q 'xml:lang="zh-CN"' "$W/bare.tmx" && grep -q 'xml:lang="en-US"' "$W/bare.tmx"
ok $? "bare codes from NAME.zh.txt get the default regions zh-CN, en-US"
"$P" align -q --lang-tag zh=zh-Hans "$ZH" "$EN" -o "$W/override.tmx"
grep -q 'xml:lang="zh-Hans"' "$W/override.tmx"; ok $? "--lang-tag zh=zh-Hans overrides"

# Durability: the file is synced before its rename, the directory after it
if command -v strace > /dev/null 2>&1; then
  strace -f -o "$W/trace" -e trace=fsync,rename "$P" align -q "$ZH" "$EN" -o "$W/durable.tmx" > /dev/null 2>&1
  awk '/fsync\(/ && !r { f = 1 } /rename\(/ && f { r = 1 } /fsync\(/ && r { d = 1 } END { exit !(f && r && d) }' "$W/trace"
  ok $? "the output is fsynced before the rename, and its directory after it"
  # a folder of thousands of outputs: writing one must not read the folder
  # (each write of a one-process-a-document run would cost its size)
  strace -f -o "$W/trace" -e trace=getdents64,getdents "$P" align -q "$ZH" "$EN" -o "$W/listed.tmx" > /dev/null 2>&1
  ! grep -q getdents "$W/trace"; ok $? "writing an output does not list its folder"
else
  diag "strace not installed: the fsync order is not checked"
fi

# One sentence a line: kept (and said) when every input holds it
"$P" align --format beads "$S/cd-note.zh.sent" "$S/cd-note.en.sent" -s zh -t en -o "$W/auto.align" 2> "$W/auto.err"
"$P" align -q --presplit --format beads "$S/cd-note.zh.sent" "$S/cd-note.en.sent" -s zh -t en -o "$W/pre.align"
cmp -s "$W/auto.align" "$W/pre.align"; ok $? "one sentence a line is detected: the same beads as --presplit"
[ "$(wc -l < "$W/auto.err")" -eq 1 ] && grep -q -- "--presplit" "$W/auto.err" && grep -q -- "--reflow" "$W/auto.err"
ok $? "and one line on stderr says so, naming --presplit and --reflow ($(cat "$W/auto.err"))"
"$P" align --format beads "$ZH" "$EN" -o "$W/text.align" 2> "$W/text.err"
[ ! -s "$W/text.err" ]; ok $? "paragraph text is segmented, silently"
"$P" align -q --reflow auto --format beads "$S/cd-note.zh.sent" "$S/cd-note.en.sent" -s zh -t en -o "$W/seg.align" 2> "$W/seg.err"
[ ! -s "$W/seg.err" ] && [ -s "$W/seg.align" ]; ok $? "--reflow segments even one sentence a line"
"$P" align -q --format beads "$S/cd-note.zh.sent" "$S/cd-note.en.sent" -s zh -t en -o "$W/q.align" 2> "$W/q.err"
[ ! -s "$W/q.err" ]; ok $? "-q: nothing on stderr"

# More than two languages, from the UN Parallel Corpus dev set
D=$SHARED/corpora/unpc-devset
if [ -f "$D/UNv1.0.devset.zh" ]; then
  for l in zh en fr; do head -n 300 "$D/UNv1.0.devset.$l" > "$W/un.$l.txt"; done
  "$P" align -q "$W/un.zh.txt" "$W/un.en.txt" "$W/un.fr.txt" -o "$W/un.tsv"
  ok $? "three languages align into one TSV"
  paste "$W/un.zh.txt" "$W/un.en.txt" "$W/un.fr.txt" | sed 's/\r//g' > "$W/gold3"
  cut -f2- "$W/un.tsv" > "$W/got3"
  same=$(sort "$W/gold3" | comm -12 - "$(sort "$W/got3" > "$W/got3.s"; echo "$W/got3.s")" | wc -l)
  [ "$same" -ge 285 ]; ok $? "$same of 300 six-way gold lines come out as one zh-en-fr unit (at least 95%)"
  "$P" align -q "$W/un.zh.txt" "$W/un.en.txt" "$W/un.fr.txt" -o "$W/un.tmx"
  n3=$(grep -c '<tu ' "$W/un.tmx"); srcl=$(grep -c 'srclang="zh-CN"' "$W/un.tmx")
  [ "$n3" -ge 285 ] && [ "$srcl" -eq 1 ]; ok $? "one multilingual TMX, srclang the pivot ($n3 units)"
  if [ -n "$XMLLINT" ] && [ -f "$SHARED/tmx/tmx14.dtd" ]; then
    "$XMLLINT" --noout --nonet --dtdvalid "$SHARED/tmx/tmx14.dtd" "$W/un.tmx" 2> "$W/dtd.err"
    ok $? "the multilingual TMX is valid TMX 1.4b"
  fi
  cat "$D/UNv1.0.devset.zh" "$D/UNv1.0.devset.zh" > "$W/big.zh.txt"
  cat "$D/UNv1.0.devset.en" "$D/UNv1.0.devset.en" > "$W/big.en.txt"
  # long enough (about 2 s here) for the progress line, which waits a
  # second: twice big, since 8,000 sentences a side align in about 1 s
  cat "$W/big.zh.txt" "$W/big.zh.txt" > "$W/long.zh.txt"
  cat "$W/big.en.txt" "$W/big.en.txt" > "$W/long.en.txt"
  "$P" align --progress "$W/long.zh.txt" "$W/long.en.txt" -o "$W/long.tsv" 2> "$W/progress.err"
  grep -q "aligning zh-en" "$W/progress.err" && ! grep -q "$(printf '\033')" "$W/progress.err"
  ok $? "--progress into a pipe: plain progress lines, no escape codes ($(grep -c . "$W/progress.err") lines)"
  if command -v script > /dev/null 2>&1; then
    # on a terminal (script(1) gives the run one): redrawn in place, then cleared
    script -qec "'$P' align '$W/long.zh.txt' '$W/long.en.txt' -o '$W/tty.tsv'" "$W/typescript" > /dev/null 2>&1
    tr '\r' '\n' < "$W/typescript" | grep -q "^aligning zh-en (16000+16000 sentences): [0-9]/4 passes" &&
      grep -q "$(printf '\r\033')\[K" "$W/typescript"
    ok $? "on a terminal: a progress line redrawn in place and cleared at the end"
    script -qec "'$P' align -q '$W/big.zh.txt' '$W/big.en.txt' -o '$W/tty.tsv'" "$W/typescript.q" > /dev/null 2>&1
    ! grep -q "aligning" "$W/typescript.q"; ok $? "-q on a terminal: no progress line"
  else
    diag "script(1) not installed: the terminal progress line is not checked"
  fi
  # SIGKILL while writing: the older output stays; the next run removes the
  # temporary file the killed one left and writes the output whole
  "$P" align -q "$W/big.zh.txt" "$W/big.en.txt" -o "$W/big.tsv" # what a whole run writes
  mkdir -p "$W/kill"; echo "older" > "$W/kill/out.tsv"
  "$P" align -q "$W/big.zh.txt" "$W/big.en.txt" -o "$W/kill/out.tsv" & pid=$!
  sleep 0.5; kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
  left=$(ls -A "$W/kill" | grep -c '\.tmp-')
  [ "$(cat "$W/kill/out.tsv")" = "older" ]; ok $? "SIGKILL while aligning: the older output kept ($left temporary file left)"
  "$P" align -q "$W/big.zh.txt" "$W/big.en.txt" -o "$W/kill/out.tsv"
  [ "$(ls -A "$W/kill")" = "out.tsv" ] && cmp -s "$W/kill/out.tsv" "$W/big.tsv"
  ok $? "the next run removes what the killed one left and writes the whole output"
  # out of memory: status 4 and one line, not abort()'s core dump; the
  # older output kept, and no temporary file (the library call fails and
  # the command aborts its writer); the next write succeeds
  if [ -z "$SANITIZER_CFLAGS" ]; then
    mkdir -p "$W/oom"; echo "older" > "$W/oom/out.tsv"
    ( ulimit -v 60000; exec "$P" align -q "$W/big.zh.txt" "$W/big.en.txt" -o "$W/oom/out.tsv" ) 2> "$W/oom.err"
    rc=$?
    [ $rc -eq 4 ] && [ "$(wc -l < "$W/oom.err")" -eq 1 ] && grep -q "out of memory (allocating [0-9]* bytes)" "$W/oom.err" &&
      [ "$(cat "$W/oom/out.tsv")" = "older" ] && [ "$(ls -A "$W/oom")" = "out.tsv" ]
    ok $? "ulimit -v 60000: status $rc, one line ($(cat "$W/oom.err")), the older output kept, no temporary file"
    "$P" align -q "$ZH" "$EN" -o "$W/oom/out.tsv"
    [ "$(ls -A "$W/oom")" = "out.tsv" ] && [ "$(cat "$W/oom/out.tsv")" != "older" ]; ok $? "the next write succeeds"
  else
    diag "the out-of-memory check does not run under the sanitizers (they reserve address space)"
  fi
  "$P" align "$W/big.zh.txt" "$W/big.en.txt" -o "$W/big2.tsv" 2> "$W/noprogress.err"
  ! grep -q "aligning" "$W/noprogress.err"; ok $? "no progress when stderr is not a terminal"
else
  diag "skipped the multilingual and progress checks: no $D (the shared data)"
fi
done_testing
