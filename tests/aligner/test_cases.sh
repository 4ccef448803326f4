#!/bin/sh
# Runs the alignment cases of cases.txt: each must come out exactly as its
# expected beads.
. "$top_srcdir/tests/lib.sh"

run_case() { # name src tgt: files in $scratch
  "$POLYALIGN" align --presplit -s "$2" -t "$3" -f beads -o "$scratch/got" "$scratch/src" "$scratch/tgt" 2>"$scratch/err"
  rc=$?
  got=$(tr '\n' ' ' < "$scratch/got" | sed 's/ $//')
  if [ $rc -eq 0 ] && [ "$got" = "$want" ]; then ok 0 "case $1"; else
    diag "case $1: exit $rc, got '$got', want '$want' $(cat "$scratch/err")"; ok 1 "case $1"; fi
}

name=
while IFS= read -r line; do
  case "$line" in
    '=='*) set -- $line; name=$2; sl=$3; tl=$4; : > "$scratch/src"; : > "$scratch/tgt" ;;
    'src: '*) printf '%s\n' "${line#src: }" >> "$scratch/src" ;;
    'tgt: '*) printf '%s\n' "${line#tgt: }" >> "$scratch/tgt" ;;
    'beads: '*) want=${line#beads: }; run_case "$name" "$sl" "$tl" ;;
  esac
done < "$top_srcdir/tests/aligner/cases.txt"
done_testing
