#!/bin/sh
# The coarse-to-fine search's levels on pairs of very different sizes: a
# unit of a level is never less than a sentence on either side, so no
# level has more units than its side has sentences (units of a fraction of
# a target sentence made the coarse levels of a 19,748 x 50 pair square,
# 9,874 x 9,874 units, bigger than the sentence lattice itself). The
# levels are read from the search's debug lines (-v -v: "level K: N x M
# units"); the beads must cover both sides.
. "$top_srcdir/tests/lib.sh"

# lines N SEED: N sentences of 3-30 words
lines() {
  awk -v n="$1" -v seed="$2" 'BEGIN { srand(seed); for (i = 0; i < n; i++) { k = 3 + int(rand() * 28); s = "";
    for (w = 0; w < k; w++) s = s (w ? " " : "") "w" int(rand() * 500); print s "." } }'
}
lines 3000 1 > "$scratch/long"
lines 12 2 > "$scratch/short"

# check NAME SRC TGT NS NT
check() {
  "$POLYALIGN" align -v -v --presplit -s en -t fr -f beads -o "$scratch/beads" "$2" "$3" 2> "$scratch/err"
  rc=$?
  [ $rc -eq 0 ]; ok $? "$1: aligned"
  grep -q '^polyalign: level [1-9][0-9]*: ' "$scratch/err"; ok $? "$1: searched coarse to fine (coarse levels in the log)"
  awk -v ns="$4" -v nt="$5" '/^polyalign: level [0-9]+: [0-9]+ x [0-9]+ units/ {
      n = $4 + 0; m = $6 + 0; seen++
      if (n > ns || m > nt) { print "too many units: " $0; bad++ } }
    END { exit !(seen && !bad) }' "$scratch/err" > "$scratch/bad"
  ok $? "$1: no level has more units than sentences ($4 x $5) $(head -1 "$scratch/bad")"
  covered=$(tr -d '[]' < "$scratch/beads" | awk -F: '{ ns += split($1, x, ","); nt += split($2, y, ",") } END { print ns, nt }')
  [ "$covered" = "$4 $5" ]; ok $? "$1: every sentence in one bead ($covered)"
}
check "3,000 against 12" "$scratch/long" "$scratch/short" 3000 12
check "12 against 3,000" "$scratch/short" "$scratch/long" 12 3000
done_testing
