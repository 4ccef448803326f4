#!/bin/sh
# bench-align.sh - speed and memory of `polyalign align --presplit` on long
# inputs, and its accuracy on MAC-dev. Prints figures; asserts nothing timed.
#
# The 6 MAC-dev chapters (1,463 zh / 1,851 en sentences, one a line) are
# concatenated COPIES times (default 5 10 20 34: about 7.3k, 14.6k, 29k and
# 50k Chinese sentences) and aligned once each under /usr/bin/time -v:
# wall seconds, sentences per second (zh + en) and peak resident memory.
# Time and memory should grow linearly with the input. The strict F1 is
# against the chapters' gold beads, concatenated likewise; "length" is the
# same run with --model length (Gale & Church alone), the baseline the
# lexical passes are compared with. Where `hunalign` is
# on PATH (it is not packaged in Debian), it runs on the same inputs with an
# empty dictionary for comparison. Run by `make bench`, or alone:
#   POLYALIGN=./polyalign SHARED=../shared sh tests/bench/bench-align.sh [COPIES...]
: "${POLYALIGN:=${top_builddir:-.}/polyalign}"
: "${SHARED:=${top_srcdir:-.}/../shared}"
MAC=$SHARED/eval/alignment/mac-dev
me=bench-align.sh

if [ ! -d "$MAC/zh" ] || [ ! -d "$MAC/en" ]; then
  echo "$me: skipped: no MAC-dev data under $MAC (set SHARED)"
  exit 0
fi
if [ ! -x "$POLYALIGN" ]; then
  echo "$me: no polyalign binary at $POLYALIGN (set POLYALIGN)" >&2
  exit 1
fi
copies=${*:-5 10 20 34}
TIME=/usr/bin/time
[ -x "$TIME" ] && "$TIME" -v true >/dev/null 2>&1 || TIME=""
HUNALIGN=$(command -v hunalign 2>/dev/null)

tmp=$(mktemp -d "${TMPDIR:-/tmp}/bench-align.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

# measure LOG CMD...: runs CMD with its output discarded; sets wall (s), rss
# (MB) and status.
measure() {
  log=$1; shift
  if [ -n "$TIME" ]; then
    "$TIME" -v "$@" >/dev/null 2>"$log"
    status=$?
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0
      for (k = 1; k <= n; k++) s = s * 60 + t[k]; printf "%.2f", s }' "$log")
    rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$log")
    grep -q 'Command exited with non-zero status\|Command terminated by signal' "$log" && [ $status -eq 0 ] && status=1
  else
    t0=$(date +%s.%N)
    "$@" >/dev/null 2>"$log"
    status=$?
    wall=$(echo "$t0 $(date +%s.%N)" | awk '{ printf "%.2f", $2 - $1 }')
    rss="n/a"
  fi
}

echo "polyalign $("$POLYALIGN" --version | sed 's/^polyalign //'): align --presplit --src-lang zh --tgt-lang en --format beads"
echo "input: the 6 MAC-dev chapters concatenated COPIES times; $(nproc 2>/dev/null || echo '?') CPUs"
[ -n "$TIME" ] || echo "(no /usr/bin/time -v: wall time by date, no memory figure)"
if [ -n "$HUNALIGN" ]; then
  : > "$tmp/empty.dic"
  hdr=$(printf ' | %12s | %12s' "hunalign s" "hunalign MB")
else
  hdr=""
  echo "(hunalign not on PATH: no comparison column)"
fi
echo
printf '%6s | %8s | %8s | %8s | %10s | %8s | %9s | %9s | %9s%s\n' copies "zh sent" "en sent" "wall s" "sent/s" "RSS MB" \
  "strict F1" "length s" "length MB" "$hdr"
printf '%6s-+-%8s-+-%8s-+-%8s-+-%10s-+-%8s-+-%9s-+-%9s-+-%9s%s\n' ------ -------- -------- -------- ---------- -------- \
  --------- --------- --------- \
  "$([ -n "$HUNALIGN" ] && echo '-+--------------+-------------')"
for k in $copies; do
  : > "$tmp/zh.txt"; : > "$tmp/en.txt"; : > "$tmp/gold.align"
  i=0
  while [ $i -lt "$k" ]; do
    for c in "$MAC"/zh/*; do
      c=$(basename "$c")
      # the chapter's gold beads, shifted past the sentences before it
      awk -v zo="$(grep -c '' "$tmp/zh.txt")" -v eo="$(grep -c '' "$tmp/en.txt")" '
        function shift(list, o,   n, a, k, out) { n = split(list, a, ","); out = ""
          for (k = 1; k <= n; k++) if (a[k] != "") out = out (out == "" ? "" : ",") (a[k] + o)
          return out }
        { match($0, /^\[[0-9, ]*\]/); s = substr($0, 2, RLENGTH - 2); rest = substr($0, RLENGTH + 2)
          t = substr(rest, 2, length(rest) - 2); gsub(/ /, "", s); gsub(/[ \]]/, "", t)
          print "[" shift(s, zo) "]:[" shift(t, eo) "]" }' "$MAC/gold/$c.align" >> "$tmp/gold.align"
      cat "$MAC/zh/$c" >> "$tmp/zh.txt"
      cat "$MAC/en/$c" >> "$tmp/en.txt"
    done
    i=$((i + 1))
  done
  nzh=$(grep -c . "$tmp/zh.txt")
  nen=$(grep -c . "$tmp/en.txt")
  measure "$tmp/time.log" "$POLYALIGN" align --presplit --src-lang zh --tgt-lang en --format beads \
    -o "$tmp/out.align" "$tmp/zh.txt" "$tmp/en.txt"
  if [ $status -ne 0 ]; then
    row=$(printf '%6s | %8s | %8s | %8s | %10s | %8s' "$k" "$nzh" "$nen" "failed" "exit $status" "$rss")
    grep -v '^\s' "$tmp/time.log" | head -n 2 >&2
  else
    rate=$(echo "$nzh $nen $wall" | awk '{ printf "%.0f", ($3 > 0 ? ($1 + $2) / $3 : 0) }')
    f1=$("$POLYALIGN" eval --json --gold "$tmp/gold.align" --test "$tmp/out.align" |
         sed -n 's/.*"f1_strict": \([0-9.]*\).*/\1/p')
    wall_full=$wall rss_full=$rss
    measure "$tmp/len.log" "$POLYALIGN" align --model length --presplit --src-lang zh --tgt-lang en \
      --format beads -o "$tmp/len.align" "$tmp/zh.txt" "$tmp/en.txt"
    row=$(printf '%6s | %8s | %8s | %8s | %10s | %8s | %9.3f | %9s | %9s' "$k" "$nzh" "$nen" "$wall_full" "$rate" \
      "$rss_full" "$f1" "$wall" "$rss")
  fi
  if [ -n "$HUNALIGN" ]; then
    measure "$tmp/hun.log" "$HUNALIGN" -utf "$tmp/empty.dic" "$tmp/zh.txt" "$tmp/en.txt"
    if [ $status -ne 0 ]; then row="$row$(printf ' | %12s | %12s' "failed ($status)" "$rss")"
    else row="$row$(printf ' | %12s | %12s' "$wall" "$rss")"; fi
  fi
  echo "$row"
  rm -f "$tmp/out.align"
done

# Accuracy on the 6 chapters, each aligned alone.
echo
gold=""; test=""
for g in "$MAC"/gold/*.align; do
  c=$(basename "$g" .align)
  "$POLYALIGN" align --presplit --src-lang zh --tgt-lang en --format beads -o "$tmp/$c.align" \
    "$MAC/zh/$c" "$MAC/en/$c" || exit 1
  gold="$gold $g"; test="$test $tmp/$c.align"
done
echo "MAC-dev, 6 chapters: polyalign eval --gold gold/*.align --test (align --presplit of each chapter)"
# shellcheck disable=SC2086
"$POLYALIGN" eval --gold $gold --test $test
