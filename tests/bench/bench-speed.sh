#!/bin/sh
# bench-speed.sh - polyalign against hunalign on the same inputs (issue 12's
# targets): CPU time (user + sys, what a loaded machine measures fairly),
# wall time and peak memory, and the ratio. Prints a table; asserts nothing.
#
#   big      ~19,700 zh / 26,400 en sentences (MAC-dev concatenated to the
#            size of MAC-Test, 4,937 zh sentences, then four times that);
#            polyalign with the default -j, then with -j 1 (one thread)
#   chapter  that MAC-Test-sized input once
#   loop     135 documents of 40 sentences (UN dev set zh-en lines), one
#            process each, the whole loop timed
#   doc      one of them, without and with --dict (CC-CEDICT): the first
#            load parses the dictionary and writes its cache entry, later
#            ones map the entry (a cache directory of the benchmark's own);
#            timed over DOC_RUNS processes (default 20), as one takes about
#            the timer's 10 ms step; and the bundled sample aligned from raw
#            text (segmentation rules made in the process)
#   segment  English and Chinese UN dev set text, one sentence a paragraph
#            and 80 sentences a paragraph (MB/s of CPU time)
#   six      the UN dev set's six languages in one run, -j 1 and -j with
#            one thread a core (the pairs on threads at once): wall time
#   growth   MAC-dev 1x, 2x, 4x, 8x, 16x: time relative to 1x
#
# polyalign runs `align --presplit -s zh -t en -f beads` (the inputs hold one
# sentence a line, as hunalign wants); hunalign runs with an empty
# dictionary. HUNALIGN=path to a hunalign binary (default: hunalign on
# PATH; its rows are skipped with a message when there is none);
# HUNALIGN_DIC=its dictionary (default: an empty file). REPEAT=n runs the
# small cases and the loops n times and keeps the least CPU time (default 3).
#   POLYALIGN=./polyalign SHARED=../shared HUNALIGN=/path/hunalign sh tests/bench/bench-speed.sh
: "${POLYALIGN:=${top_builddir:-.}/polyalign}"
: "${SHARED:=${top_srcdir:-.}/../shared}"
case $SHARED in /*) ;; *) [ -d "$SHARED" ] && SHARED=$(cd "$SHARED" && pwd) ;; esac
: "${REPEAT:=3}"
me=bench-speed.sh
MAC=$SHARED/eval/alignment/mac-dev
U=$SHARED/corpora/unpc-devset
CEDICT=$SHARED/dict/cedict_ts.u8.gz
if [ ! -d "$MAC/zh" ] || [ ! -f "$U/UNv1.0.devset.zh" ]; then
  echo "$me: skipped: no MAC-dev or UN dev set under $SHARED (set SHARED)"
  exit 0
fi
if [ ! -x /usr/bin/time ]; then
  echo "$me: skipped: needs /usr/bin/time (Debian package time)"
  exit 0
fi
[ -n "$HUNALIGN" ] || HUNALIGN=$(command -v hunalign 2>/dev/null)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bench-speed.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
if [ -n "$HUNALIGN" ] && [ -x "$HUNALIGN" ]; then
  [ -n "$HUNALIGN_DIC" ] || { HUNALIGN_DIC=$tmp/null.dic; : > "$HUNALIGN_DIC"; }
else
  echo "$me: no hunalign (set HUNALIGN=path to a binary): its columns are skipped"
  HUNALIGN=
fi

# ---- inputs ----
# mac N OUT: MAC-dev chapters concatenated N times (zh and en)
mac() {
  : > "$2.zh"; : > "$2.en"
  i=0
  while [ $i -lt "$1" ]; do cat "$MAC"/zh/* >> "$2.zh"; cat "$MAC"/en/* >> "$2.en"; i=$((i + 1)); done
}
mac 3 "$tmp/chapter"
cat "$MAC/zh/001" "$MAC/zh/002" >> "$tmp/chapter.zh"; cat "$MAC/en/001" "$MAC/en/002" >> "$tmp/chapter.en"
for l in zh en; do cat "$tmp/chapter.$l" "$tmp/chapter.$l" "$tmp/chapter.$l" "$tmp/chapter.$l" > "$tmp/big.$l"; done
mkdir "$tmp/docs"
for l in zh en; do
  cat "$U/UNv1.0.devset.$l" "$U/UNv1.0.devset.$l" | head -n 5400 | (cd "$tmp/docs" && split -l 40 -d -a 3 - "d.$l.")
done
for l in en zh; do
  sep=" "; [ $l = zh ] && sep=""
  # 32 copies (22 MB of English): the rates come from CPU times in the
  # timer's 10 ms steps, and 8 copies took only 0.09-0.22 s, where one
  # step moved the 80-a-paragraph ratio by a tenth
  i=0; while [ $i -lt 32 ]; do cat "$U/UNv1.0.devset.$l"; i=$((i + 1)); done > "$tmp/lines.$l"
  awk '{ print; print "" }' "$tmp/lines.$l" > "$tmp/seg1.$l"
  awk -v s="$sep" '{ p = p (n ? s : "") $0; n++ } n == 80 { print p; print ""; p = ""; n = 0 } END { if (n) print p }' \
    "$tmp/lines.$l" > "$tmp/seg80.$l"
done

# ---- measuring ----
# measure N CMD...: runs CMD N times (output discarded); sets cpu (user + sys
# s, the least), wall (s, of that run), mb (peak RSS of that run) and ok.
measure() {
  n=$1; shift
  cpu=; wall=; mb=; ok=1
  rep=0
  while [ $rep -lt "$n" ]; do
    if ! /usr/bin/time -f '%e %U %S %M' -o "$tmp/time" "$@" > /dev/null 2> "$tmp/err"; then
      ok=0; cpu=failed; wall=-; mb=-
      sed -n 1p "$tmp/err" >&2
      return
    fi
    read -r w u s m < "$tmp/time"
    c=$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.3f", u + s }')
    if [ -z "$cpu" ] || awk -v a="$c" -v b="$cpu" 'BEGIN { exit !(a < b) }'; then
      cpu=$c; wall=$w; mb=$(awk -v m="$m" 'BEGIN { printf "%.0f", m / 1024 }')
    fi
    rep=$((rep + 1))
  done
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a + 0 > 0 && b + 0 > 0) printf "%.2f", a / b; else printf "-" }'; }
POLYALIGN_CACHE_DIR=$tmp/cache; export POLYALIGN_CACHE_DIR
# Both programs write their beads to standard output (discarded), as
# hunalign can only do; the loop is timed once more with -o, where every
# output is a file written, synced and renamed into place.
# hunalign writes translate.txt into its working directory: every
# program runs in $tmp, named by absolute paths
abs() { case $1 in /*) echo "$1" ;; *) echo "$(cd "$(dirname "$1")" && pwd)/$(basename "$1")" ;; esac; }
POLYALIGN=$(abs "$POLYALIGN"); [ -z "$HUNALIGN" ] || HUNALIGN=$(abs "$HUNALIGN"); HUNALIGN_DIC=$(abs "$HUNALIGN_DIC")
SAMPLE=${top_srcdir:-.}/corpora/sample
[ ! -d "$SAMPLE" ] || SAMPLE=$(cd "$SAMPLE" && pwd)
cd "$tmp" || exit 1
PA="$POLYALIGN align -q --presplit -s zh -t en -f beads"
HUN="$HUNALIGN $HUNALIGN_DIC"

row() { # row WORK PCPU PWALL PMB HCPU HWALL HMB TARGET
  printf '%-34s | %8s %7s %6s | %8s %7s %6s | %8s | %s\n' "$1" "$2" "$3" "$4" "$5" "$6" "$7" \
    "$(ratio "$5" "$2")" "$8"
}
echo "polyalign $("$POLYALIGN" --version | sed 's/^polyalign //') against ${HUNALIGN:-no hunalign}; $(nproc 2>/dev/null || echo '?') CPUs, load $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
echo "CPU = user + sys seconds (least of $REPEAT runs for the small cases and the loops); x = hunalign CPU / polyalign CPU"
echo
printf '%-34s | %8s %7s %6s | %8s %7s %6s | %8s | %s\n' work "poly CPU" wall MB "hun CPU" wall MB x target
printf '%s\n' "-----------------------------------+-------------------------+-------------------------+----------+--------"

# pair WORK N ZH EN TARGET: polyalign then hunalign on one pair, same minute
pair() {
  measure "$2" $PA "$3" "$4"; pc=$cpu pw=$wall pm=$mb
  hc=-; hw=-; hm=-
  if [ -n "$HUNALIGN" ]; then measure "$2" $HUN "$3" "$4"; hc=$cpu hw=$wall hm=$mb; fi
  row "$1" "$pc" "$pw" "$pm" "$hc" "$hw" "$hm" "$5"
}
nzh=$(grep -c '' "$tmp/big.zh"); nen=$(grep -c '' "$tmp/big.en")
pair "big: $nzh zh + $nen en" 1 "$tmp/big.zh" "$tmp/big.en" "x >= 10, less MB"
big_cpu=$pc big_wall=$pw
# the default -j is one thread a core: with two or more, the last pass's
# backward table is made beside its forward pass (wall time, not CPU)
measure 1 $PA -j 1 "$tmp/big.zh" "$tmp/big.en"
row "big, -j 1 (one thread)" "$cpu" "$wall" "$mb" - - - "wall $(ratio "$wall" "$big_wall")x the default -j's"
if [ -f "$CEDICT" ]; then
  measure 1 $PA --dict "$CEDICT" "$tmp/big.zh" "$tmp/big.en"
  row "big, --dict CC-CEDICT" "$cpu" "$wall" "$mb" - - - \
    "$(ratio "$cpu" "$big_cpu")x the time without (<= 2)"
fi
pair "chapter: $(grep -c '' "$tmp/chapter.zh") zh (MAC-Test size)" 1 "$tmp/chapter.zh" "$tmp/chapter.en" ""
# One document takes about 10 ms, the timer's step: it is timed as DOC_RUNS
# processes one after the other, and the row gives the time of one.
: "${DOC_RUNS:=20}"
cat > "$tmp/runs.sh" <<'EOF'
n=$1; shift; i=0
while [ $i -lt "$n" ]; do "$@" > /dev/null || exit 1; i=$((i + 1)); done
EOF
# measure_doc CMD...: measure of DOC_RUNS runs, cpu and wall per run
measure_doc() {
  measure "$REPEAT" sh "$tmp/runs.sh" "$DOC_RUNS" "$@"
  [ "$ok" = 1 ] || return
  cpu=$(awk -v c="$cpu" -v n="$DOC_RUNS" 'BEGIN { printf "%.4f", c / n }')
  wall=$(awk -v c="$wall" -v n="$DOC_RUNS" 'BEGIN { printf "%.4f", c / n }')
}
measure_doc $PA "$tmp/docs/d.zh.000" "$tmp/docs/d.en.000"; pc=$cpu pw=$wall pm=$mb
hc=-; hw=-; hm=-
if [ -n "$HUNALIGN" ]; then measure_doc $HUN "$tmp/docs/d.zh.000" "$tmp/docs/d.en.000"; hc=$cpu hw=$wall hm=$mb; fi
row "doc: 40 sentences (per run of $DOC_RUNS)" "$pc" "$pw" "$pm" "$hc" "$hw" "$hm" ""
doc_cpu=$pc
if [ -f "$CEDICT" ]; then
  measure 1 env POLYALIGN_CACHE_DIR="$tmp/cache-first" $PA --dict "$CEDICT" "$tmp/docs/d.zh.000" "$tmp/docs/d.en.000"
  row "doc, --dict, first load (parse)" "$cpu" "$wall" "$mb" - - - "$(ratio "$cpu" "$doc_cpu")x the time without"
  measure_doc $PA --dict "$CEDICT" "$tmp/docs/d.zh.000" "$tmp/docs/d.en.000"
  row "doc, --dict, cached (per run)" "$cpu" "$wall" "$mb" - - - "$(ratio "$cpu" "$doc_cpu")x the time without (<= 2)"
fi
# The bundled sample (a UN note, text as pdftotext gives it) aligned from
# raw text: the two languages' segmentation rules are made in the process,
# the start-up a short raw-text document pays.
if [ -f "$SAMPLE/cd-note.zh.txt" ]; then
  measure_doc "$POLYALIGN" align -q -f beads "$SAMPLE/cd-note.zh.txt" "$SAMPLE/cd-note.en.txt"
  row "sample from raw text (per run)" "$cpu" "$wall" "$mb" - - - "$(ratio "$cpu" "$doc_cpu")x the 40-sentence doc"
fi
# the loop: one process a document, timed as a whole
cat > "$tmp/loop.sh" <<EOF
for z in "$tmp"/docs/d.zh.*; do "\$@" "\$z" "\${z%/d.zh.*}/d.en.\${z##*.}" > /dev/null || exit 1; done
EOF
# (least of REPEAT runs each, like the small cases: one run of a loop of
# 135 processes varied by 5-10% on this kind of machine)
measure "$REPEAT" sh "$tmp/loop.sh" $PA; pc=$cpu pw=$wall pm=$mb
hc=-; hw=-; hm=-
if [ -n "$HUNALIGN" ]; then measure "$REPEAT" sh "$tmp/loop.sh" $HUN; hc=$cpu hw=$wall hm=$mb; fi
row "loop: $(ls "$tmp/docs" | grep -c '^d\.zh') docs, a process each" "$pc" "$pw" "$pm" "$hc" "$hw" "$hm" \
  "x >= 0.67 (at most 1.5x hunalign)"
measure "$REPEAT" sh "$tmp/loop.sh" $PA -o "$tmp/out.align"
row "loop, each written to a file (-o)" "$cpu" "$wall" "$mb" "$hc" "$hw" "$hm" "(fsync and rename each)"
# lengths only (Gale & Church, the comparison model): no word breaking,
# anchors or lexicon, the nearest to what hunalign does without a dictionary
measure "$REPEAT" sh "$tmp/loop.sh" $PA --model length
row "loop, --model length" "$cpu" "$wall" "$mb" "$hc" "$hw" "$hm" "(lengths only)"

# A six-language set: five pairs, which -j aligns on threads at once (one a
# thread); wall time is what it gains, CPU time what it costs.
echo
echo "six languages, one process (UN dev set, $(grep -c '' "$U/UNv1.0.devset.zh") sentences each, zh the pivot, TMX out)"
six=
for l in zh en fr es ru ar; do
  [ -f "$U/UNv1.0.devset.$l" ] && cp "$U/UNv1.0.devset.$l" "$tmp/six.$l.txt" && six="$six $tmp/six.$l.txt"
done
cores=$(nproc 2>/dev/null || echo 1)
for j in 1 "$cores"; do
  measure 1 "$POLYALIGN" align -q --presplit -j "$j" $six -o "$tmp/six.tmx"
  [ "$j" = 1 ] && w1=$wall
  printf '  -j %-3s CPU %7s s  wall %7s s (%s x faster than -j 1)  %5s MB\n' "$j" "$cpu" "$wall" "$(ratio "$w1" "$wall")" "$mb"
done

echo
echo "segmentation (polyalign segment, MB per CPU second; target >= 20 MB/s, 80 a paragraph >= 0.7x one)"
for l in en zh; do
  for f in seg1 seg80; do
    measure "$REPEAT" "$POLYALIGN" segment --lang $l "$tmp/$f.$l"
    bytes=$(wc -c < "$tmp/$f.$l")
    rate=$(awk -v b="$bytes" -v c="$cpu" 'BEGIN { if (c + 0 > 0) printf "%.1f", b / 1e6 / c; else print "-" }')
    eval "rate_$f=\$rate"
    printf '  %-2s %-28s %5.1f MB  CPU %6s s  %6s MB/s\n' $l \
      "$([ $f = seg1 ] && echo 'one sentence a paragraph' || echo '80 sentences a paragraph')" \
      "$(awk -v b="$bytes" 'BEGIN { print b / 1e6 }')" "$cpu" "$rate"
  done
  echo "  $l 80-sentence paragraphs / one-sentence: $(ratio "$rate_seg80" "$rate_seg1")"
done

echo
echo "growth (MAC-dev concatenated k times; CPU s, and relative to 1x)"
printf '  %3s | %7s | %9s %7s %6s | %9s %7s %6s\n' k "zh sent" "poly CPU" "/1x" MB "hun CPU" "/1x" MB
for k in 1 2 4 8 16; do
  mac $k "$tmp/g"
  measure 1 $PA "$tmp/g.zh" "$tmp/g.en"
  [ $k = 1 ] && p1=$cpu
  line=$(printf '  %3s | %7s | %9s %7s %6s' $k "$(grep -c '' "$tmp/g.zh")" "$cpu" "$(ratio "$cpu" "$p1")" "$mb")
  if [ -n "$HUNALIGN" ]; then
    measure 1 $HUN "$tmp/g.zh" "$tmp/g.en"
    [ $k = 1 ] && h1=$cpu
    line="$line$(printf ' | %9s %7s %6s' "$cpu" "$(ratio "$cpu" "$h1")" "$mb")"
  fi
  echo "$line"
done
