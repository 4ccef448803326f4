#!/bin/sh
# bench-short.sh - accuracy on short documents: the MAC-dev chapters
# (pre-split, with gold beads) cut into documents of about 40 source
# sentences at gold bead boundaries (short.py), each aligned by a process
# of its own, as a loop over a folder of short documents runs (whose speed
# bench-speed.sh's loop measures). A short document gives the aligner
# little to estimate its rates and lexicon from, so this is where a
# cheaper pass or fewer EM iterations would show first. Strict and lax F1
# against the gold, for the full model, --model anchors, --model length,
# and with CC-CEDICT where the shared data has it. Asserts nothing. Run by
# `make bench`, or:
#   POLYALIGN=./polyalign SHARED=../shared sh tests/bench/bench-short.sh
me=bench-short.sh
# shellcheck source=tests/bench/macdev.sh
. "$(dirname "$0")/macdev.sh"

docs=0
for z in "$MAC"/zh/*; do
  d=$(basename "$z")
  k=$("$PYTHON3" "$here/short.py" "$MAC/gold/$d.align" "$z" "$MAC/en/$d" "$tmp/$d") || exit 1
  docs=$((docs + k))
done

# score [OPTIONS]: strict and lax F1 over every short document, as "strict / lax"
score() {
  gold='' test=''
  for s in "$tmp"/*.src; do
    p=${s%.src}
    "$POLYALIGN" align -q --presplit -s zh -t en -f beads "$@" -o "$p.out" "$s" "$p.tgt" || return 1
    gold="$gold $p.gold" test="$test $p.out"
  done
  # shellcheck disable=SC2086
  f1 --gold $gold --test $test | awk '{printf "%.3f / %.3f\n", $1, $2}'
}

echo "MAC-dev cut into $docs documents of about 40 sentences, one process each (strict / lax F1)"
printf '  %-28s %s\n' "full" "$(score)"
printf '  %-28s %s\n' "--model anchors" "$(score --model anchors)"
printf '  %-28s %s\n' "--model length" "$(score --model length)"
if [ -f "$CEDICT" ]; then
  printf '  %-28s %s\n' "full, --dict CC-CEDICT" "$(score --dict "$CEDICT")"
else
  echo "  (CC-CEDICT row skipped: no $CEDICT)"
fi
