#!/bin/sh
# A big band's backward pass on a second thread, beside its forward pass
# (aligner.c, backward_job): with -j 2, the last pass of a pair of 15,000
# sentences (a band of over 500,000 cells) makes its backward table on
# another thread while this one runs the forward pass; the beads and their
# scores must be exactly those of -j 1, which makes it after the forward
# pass. The input is the bundled sample repeated, the English side missing
# a sentence here and there; whether the thread ran is read from the debug
# line (-v -v).
. "$top_srcdir/tests/lib.sh"
S=$top_srcdir/corpora/sample
W=$scratch
"$POLYALIGN" segment --lang zh "$S/cd-note.zh.txt" | grep -v '^$' > "$W/one.zh"
"$POLYALIGN" segment --lang en "$S/cd-note.en.txt" | grep -v '^$' > "$W/one.en"
i=0
while [ $i -lt 400 ]; do
  cat "$W/one.zh" >> "$W/big.zh"
  awk -v i=$i 'NR % 29 != i % 29' "$W/one.en" >> "$W/big.en"
  i=$((i + 1))
done
diag "$(wc -l < "$W/big.zh") zh and $(wc -l < "$W/big.en") en sentences"
for j in 1 2; do
  "$POLYALIGN" align -v -v -j $j --presplit -s zh -t en -f tsv -o "$W/j$j.tsv" "$W/big.zh" "$W/big.en" 2> "$W/j$j.err"
  ok $? "-j $j: aligned"
done
grep -q "the backward pass on a second thread" "$W/j2.err"
ok $? "-j 2: the last pass's backward table was made on a second thread"
! grep -q "the backward pass on" "$W/j1.err"; ok $? "-j 1: on this thread only"
cmp -s "$W/j1.tsv" "$W/j2.tsv"
ok $? "-j 2 gives the beads and scores of -j 1 ($(wc -l < "$W/j1.tsv") units)"
done_testing
