#!/bin/sh
# bench-un.sh - alignment of real UN text in the six languages: the UN
# Parallel Corpus development set (4,000 sentences from 732 documents of
# 2015, the same line in every language) aligned Chinese to each other
# language and English to French with --presplit; the gold is the identity.
# Prints strict/lax F1, time and peak memory; asserts nothing.
: "${POLYALIGN:=${top_builddir:-.}/polyalign}"
: "${SHARED:=${top_srcdir:-.}/../shared}"
U=$SHARED/corpora/unpc-devset
if [ ! -f "$U/UNv1.0.devset.zh" ]; then
  echo "bench-un.sh: skipped: no UN dev set under $U (set SHARED)"
  exit 0
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bench-un.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
n=$(grep -c '' "$U/UNv1.0.devset.zh")
awk -v n="$n" 'BEGIN { for (i = 0; i < n; i++) print "[" i "]:[" i "]" }' > "$tmp/gold"
echo "UN Parallel Corpus dev set, $n sentences a language: align --presplit, gold = same line"
printf '%-6s | %9s | %9s | %7s | %7s\n' pair "strict F1" "lax F1" "wall s" "RSS MB"
for pair in zh:en zh:fr zh:es zh:ru zh:ar en:fr; do
  s=${pair%%:*} t=${pair##*:}
  /usr/bin/time -f '%e %M' -o "$tmp/time" "$POLYALIGN" align --presplit -s "$s" -t "$t" -f beads \
    -o "$tmp/out" "$U/UNv1.0.devset.$s" "$U/UNv1.0.devset.$t" || { echo "$pair: failed"; continue; }
  "$POLYALIGN" eval --json --gold "$tmp/gold" --test "$tmp/out" > "$tmp/score"
  printf '%-6s | %9s | %9s | %7s | %7s\n' "$s-$t" \
    "$(sed -n 's/.*"f1_strict": \([0-9.]*\).*/\1/p' "$tmp/score")" \
    "$(sed -n 's/.*"f1_lax": \([0-9.]*\).*/\1/p' "$tmp/score")" \
    "$(cut -d' ' -f1 "$tmp/time")" "$(awk '{ printf "%.0f", $2 / 1024 }' "$tmp/time")"
done
