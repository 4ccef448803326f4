#!/bin/sh
# bench-paragraphs.sh - what paragraph breaks do to accuracy. The MAC-dev
# chapters (pre-split, with gold beads) are aligned three ways: as they are
# (no paragraphs), with the same paragraph breaks on both sides, and with
# the target's paragraphs joined and split apart from the source's
# (paragraphs.py: breaks only at gold bead ends, so the gold never crosses a
# paragraph). A document with paragraphs is aligned paragraphs first, and
# its sentences then kept inside the paragraph groups the paragraph pass is
# sure of; so the third row measures how that pass fares where the versions
# are paragraphed differently, as after a PDF extraction. Strict and lax F1
# against the gold, plain and with CC-CEDICT where the shared data has it,
# over three seeds of the breaks. The same for the first 1,500 lines of the
# UN Parallel Corpus dev set, Chinese with each other language (the gold
# is line for line), one seed. Asserts nothing. Run by `make bench`, or:
#   POLYALIGN=./polyalign SHARED=../shared sh tests/bench/bench-paragraphs.sh
me=bench-paragraphs.sh
# shellcheck source=tests/bench/macdev.sh
. "$(dirname "$0")/macdev.sh"

# score KIND SEED [OPTIONS]: F1 of the chapters made KIND (plain, same,
# diff) with SEED's breaks, as "strict lax"
score() {
  kind=$1 seed=$2
  shift 2
  gold='' test=''
  for z in "$MAC"/zh/*; do
    d=$(basename "$z")
    case $kind in
      plain) src=$z tgt=$MAC/en/$d ;;
      *) src=$tmp/$d.$seed.$kind.src tgt=$tmp/$d.$seed.$kind.tgt ;;
    esac
    "$POLYALIGN" align -q --presplit -s zh -t en -f beads "$@" -o "$tmp/out.$d" "$src" "$tgt" || return 1
    gold="$gold $MAC/gold/$d.align" test="$test $tmp/out.$d"
  done
  # shellcheck disable=SC2086
  f1 --gold $gold --test $test
}

# describe KIND: a row's name
describe() {
  case $1 in
    plain) echo "none (one sentence a line)" ;;
    same) echo "the same on both sides" ;;
    diff) echo "target's joined and split" ;;
  esac
}

seeds="1 2 3"
for seed in $seeds; do
  for z in "$MAC"/zh/*; do
    d=$(basename "$z")
    "$PYTHON3" "$here/paragraphs.py" "$MAC/gold/$d.align" "$z" "$MAC/en/$d" "$tmp/$d.$seed" "$seed" || exit 1
  done
done
configs="plain"
[ -f "$CEDICT" ] && configs="plain dict"
echo "MAC-dev, 6 chapters; paragraphs at 15% of the gold bead ends (seeds $seeds: strict F1 each, then lax)"
printf '%-6s | %-32s | %s\n' model paragraphs "strict F1 (lax F1) by seed"
for c in $configs; do
  set --
  [ "$c" = dict ] && set -- --dict "$CEDICT"
  for kind in plain same diff; do
    what=$(describe $kind)
    row=
    for seed in $seeds; do
      r=$(score "$kind" "$seed" "$@") || { row="$row failed"; continue; }
      row="$row $(printf '%.3f (%.3f)' "${r% *}" "${r#* }")"
      [ $kind = plain ] && break # no breaks: the seed changes nothing
    done
    printf '%-6s | %-32s |%s\n' "$c" "$what" "$row"
  done
done

U=$SHARED/corpora/unpc-devset
if [ ! -f "$U/UNv1.0.devset.zh" ]; then
  echo "$me: no UN dev set under $U: its rows are skipped"
  exit 0
fi
n=1500
awk -v n=$n 'BEGIN { for (i = 0; i < n; i++) print "[" i "]:[" i "]" }' > "$tmp/un.gold"
for l in zh en fr es ru ar; do head -n $n "$U/UNv1.0.devset.$l" > "$tmp/un.$l"; done
for t in en fr es ru ar; do
  "$PYTHON3" "$here/paragraphs.py" "$tmp/un.gold" "$tmp/un.zh" "$tmp/un.$t" "$tmp/un.$t.1" 1 || exit 1
done
echo
echo "UN dev set, first $n sentences a language, zh to each; the same breaks (seed 1): strict F1"
printf '%-32s |' paragraphs
for t in en fr es ru ar; do printf ' %5s' "zh-$t"; done
echo
for kind in plain same diff; do
  what=$(describe $kind)
  printf '%-32s |' "$what"
  for t in en fr es ru ar; do
    src=$tmp/un.zh tgt=$tmp/un.$t
    [ $kind = plain ] || src=$tmp/un.$t.1.$kind.src tgt=$tmp/un.$t.1.$kind.tgt
    if "$POLYALIGN" align -q --presplit -s zh -t $t -f beads -o "$tmp/un.out" "$src" "$tgt"; then
      f=$(f1 --gold "$tmp/un.gold" --test "$tmp/un.out")
      printf ' %5.3f' "${f% *}"
    else
      printf ' %5s' failed
    fi
  done
  echo
done
