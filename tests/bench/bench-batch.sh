#!/bin/sh
# bench-batch.sh - polyalign batch on many small document sets: the UN
# Parallel Corpus development set cut into its 732 documents by the .ids
# file (each document's lines in the six languages, one sentence a line,
# 5.5 sentences a document on average), aligned with --presplit at -j1 and
# -j2. Prints sets/s, sentences/s (all languages, from run.json) and peak
# memory (/usr/bin/time -v when present), and whether -j1 and -j2 wrote
# the same outputs (creationdate stripped); asserts nothing.
: "${POLYALIGN:=${top_builddir:-.}/polyalign}"
: "${SHARED:=${top_srcdir:-.}/../shared}"
U=$SHARED/corpora/unpc-devset
if [ ! -f "$U/UNv1.0.devset.ids" ]; then
  echo "bench-batch.sh: skipped: no UN dev set under $U (set SHARED)"
  exit 0
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bench-batch.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir "$tmp/docs"
for l in zh en fr es ru ar; do
  awk -v D="$tmp/docs" -v L=$l '
    FILENAME == ARGV[1] { id[FNR] = $1; gsub("/", "_", id[FNR]); next }
    { f = D "/" id[FNR] "." L ".txt"; print >> f; close(f) }' "$U/UNv1.0.devset.ids" "$U/UNv1.0.devset.$l"
done
sets=$(ls "$tmp/docs" | sed -n 's/\.zh\.txt$//p' | wc -l)
echo "UN Parallel Corpus dev set as $sets document sets of six languages: batch --presplit"
printf '%-4s | %7s | %7s | %11s | %7s\n' jobs "wall s" "sets/s" "sentences/s" "RSS MB"
for j in 1 2; do
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -v -o "$tmp/time" "$POLYALIGN" batch -q --presplit -j $j --dir "$tmp/docs" -o "$tmp/out$j" \
      || { echo "-j$j: failed"; continue; }
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$tmp/time" |
      awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$tmp/time" | awk '{ printf "%.0f", $1 / 1024 }')
  else
    start=$(date +%s.%N)
    "$POLYALIGN" batch -q --presplit -j $j --dir "$tmp/docs" -o "$tmp/out$j" || { echo "-j$j: failed"; continue; }
    wall=$(echo "$(date +%s.%N) - $start" | bc)
    rss="?"
  fi
  sent=$(sed -n 's/.*"totals": {.*"sentences": \([0-9]*\),.*/\1/p' "$tmp/out$j/run.json")
  printf '%-4s | %7.2f | %7.1f | %11.0f | %7s\n' "$j" "$wall" "$(echo "$sets / $wall" | bc -l)" \
    "$(echo "$sent / $wall" | bc -l)" "$rss"
done
same=yes
for f in "$tmp/out1"/*.tmx.gz; do
  b=$(basename "$f")
  gzip -dc "$f" | sed 's/ creationdate="[^"]*"//g' > "$tmp/a"
  gzip -dc "$tmp/out2/$b" 2> /dev/null | sed 's/ creationdate="[^"]*"//g' > "$tmp/b"
  cmp -s "$tmp/a" "$tmp/b" || { same=no; break; }
done
echo "-j1 and -j2 outputs identical (creationdate stripped): $same"
