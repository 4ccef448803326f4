#!/bin/sh
# Interrupted runs: align and batch killed with SIGKILL at random moments.
# After each kill every output is absent, the previous complete version, or
# complete and valid (gzip intact, well-formed TMX); the next run of the same
# command (for batch, with --resume) ends with the outputs of an
# uninterrupted run and no temporary files. The kill points are drawn at
# random within the length of an uninterrupted run, differently each time
# (printed, so that a failure can be replayed with KILL_POINTS="0.3 1.2").
. "$top_srcdir/tests/lib.sh"
P=$POLYALIGN
S=$top_srcdir/corpora/sample
W=$scratch
XMLLINT=${XMLLINT:-xmllint}
command -v "$XMLLINT" > /dev/null 2>&1 || XMLLINT=""

now() { date +%s.%N; }
# points N SECONDS: N random moments in (0, SECONDS)
points() {
  if [ -n "$KILL_POINTS" ]; then echo "$KILL_POINTS"; return; fi
  awk -v n="$1" -v t="$2" -v seed="$$$(date +%N)" 'BEGIN { srand(seed % 2147483647);
    for (i = 0; i < n; i++) printf "%.2f ", 0.05 + rand() * t * 0.95 }'
}
# valid FILE: a complete gzip TMX, well-formed
valid() {
  gzip -t "$1" 2> /dev/null || return 1
  gzip -dc "$1" | grep -q '</tmx>' || return 1
  [ -z "$XMLLINT" ] || gzip -dc "$1" | "$XMLLINT" --noout --nonet - 2> /dev/null
}
strip() { gzip -dc "$1" | sed 's/ creationdate="[^"]*"//g'; }
temporaries() { ls -A "$1" | grep -c '\.tmp-'; }

# --- align: a long enough pair (the sample forty times)
for i in $(seq 40); do cat "$S/cd-note.zh.txt"; echo; done > "$W/big.zh.txt"
for i in $(seq 40); do cat "$S/cd-note.en.txt"; echo; done > "$W/big.en.txt"
mkdir "$W/a"
"$P" align -q "$S/cd-note.zh.txt" "$S/cd-note.en.txt" -o "$W/a/out.tmx.gz"  # the older version
strip "$W/a/out.tmx.gz" > "$W/older"
t0=$(now)
"$P" align -q "$W/big.zh.txt" "$W/big.en.txt" -o "$W/full.tmx.gz"; ok $? "align uninterrupted"
t=$(echo "$(now) - $t0" | bc -l)
strip "$W/full.tmx.gz" > "$W/want"
pts=$(points 5 "$t")
diag "align takes ${t%???????} s; SIGKILL after: $pts"
bad=0 tried=0 killed=0
for p in $pts; do
  "$P" align -q "$W/big.zh.txt" "$W/big.en.txt" -o "$W/a/out.tmx.gz" &
  pid=$!
  sleep "$p"
  kill -KILL $pid 2> /dev/null && killed=$((killed + 1))
  wait $pid 2> /dev/null
  tried=$((tried + 1))
  if strip "$W/a/out.tmx.gz" 2> /dev/null | cmp -s - "$W/older"; then
    :                                           # the previous version
  elif valid "$W/a/out.tmx.gz" && strip "$W/a/out.tmx.gz" | cmp -s - "$W/want"; then
    strip "$W/a/out.tmx.gz" > "$W/older"        # complete: the new one
  else
    bad=$((bad + 1)); diag "after a kill at $p s: neither the older output nor the complete new one"
  fi
done
ok $bad "align killed at $tried random moments ($killed while running): the output is each time the older or the new complete one"
"$P" align -q "$W/big.zh.txt" "$W/big.en.txt" -o "$W/a/out.tmx.gz"
strip "$W/a/out.tmx.gz" | cmp -s - "$W/want"; ok $? "the next run writes the uninterrupted run's output"
[ "$(temporaries "$W/a")" -eq 0 ]; ok $? "and removes the temporaries the killed runs left"

# --- batch: sets of the sample, a few long ones
mkdir "$W/docs"
for i in $(seq 24); do
  cp "$S/cd-note.zh.txt" "$W/docs/s$i.zh.txt"; sed "s/the /the $i /" "$S/cd-note.en.txt" > "$W/docs/s$i.en.txt"
done
for i in 1 2 3; do cp "$W/big.zh.txt" "$W/docs/big$i.zh.txt"; cp "$W/big.en.txt" "$W/docs/big$i.en.txt"; done
t0=$(now)
"$P" batch -q -j2 --dir "$W/docs" -o "$W/ref"; ok $? "batch uninterrupted"
t=$(echo "$(now) - $t0" | bc -l)
pts=$(points 5 "$t")
diag "batch takes ${t%???????} s; SIGKILL after: $pts"
bad=0 tried=0 partial=0
rm -rf "$W/b"
for p in $pts; do
  "$P" batch -q -j2 --resume --dir "$W/docs" -o "$W/b" &
  pid=$!
  sleep "$p"
  kill -KILL $pid 2> /dev/null
  wait $pid 2> /dev/null
  tried=$((tried + 1))
  n=0
  for f in "$W/b"/*.tmx.gz; do
    [ -e "$f" ] || continue
    n=$((n + 1))
    valid "$f" || { bad=$((bad + 1)); diag "after a kill at $p s: $(basename "$f") is not complete"; }
  done
  [ $n -lt 27 ] && partial=$((partial + 1))
done
ok $bad "batch killed at $tried random moments ($partial with sets still to do): every output there is complete"
"$P" batch -q -j2 --resume --dir "$W/docs" -o "$W/b"; ok $? "--resume after the kills"
same=0
for f in "$W/ref"/*.tmx.gz; do
  strip "$f" > "$W/x"; strip "$W/b/$(basename "$f")" 2> /dev/null | cmp -s - "$W/x" || same=1
done
[ "$(ls "$W/b" | grep -c '\.tmx\.gz$')" -eq 27 ]; ok $? "all 27 outputs are there"
ok $same "each the uninterrupted run's"
[ "$(temporaries "$W/b")" -eq 0 ]; ok $? "no temporary file left"

# --- two processes writing the same output at once: one complete file
for i in 1 2 3; do
  "$P" align -q "$W/big.zh.txt" "$W/big.en.txt" -o "$W/same.tmx.gz" &
  "$P" align -q "$W/big.zh.txt" "$W/big.en.txt" -o "$W/same.tmx.gz" &
  wait
done
valid "$W/same.tmx.gz" && strip "$W/same.tmx.gz" | cmp -s - "$W/want"
ok $? "two processes writing the same output, three times: one complete, valid file"
[ "$(temporaries "$W")" -eq 0 ]; ok $? "and no temporary file"
done_testing
