#!/bin/sh
# Alignment quality floors on the shared development sets (issue 4's
# targets), so that a change that loses accuracy fails here. The figures
# are printed; `make bench` has the timings.
. "$top_srcdir/tests/lib.sh"
have_shared || skip_all "shared data not found at $SHARED"
M=$SHARED/eval/alignment/mac-dev
T=$SHARED/eval/alignment/textberg-dev
CEDICT=$SHARED/dict/cedict_ts.u8.gz

# f1 KIND: strict or lax F1 of the beads in $scratch/out against gold
mac_run() { # mac_run NAME [align options...]
  name=$1; shift
  mkdir -p "$scratch/$name"
  for f in 001 002 003 004 005 006; do
    "$POLYALIGN" align --presplit -s zh -t en -f beads -o "$scratch/$name/$f.align" "$@" "$M/zh/$f" "$M/en/$f" || return 1
  done
  (cd "$scratch/$name" && "$POLYALIGN" eval --json --gold "$M"/gold/00[1-6].align --test 00[1-6].align) > "$scratch/$name.json"
}
field() { sed -n "s/.*\"$2\": \([0-9.]*\).*/\1/p" "$scratch/$1.json"; }
at_least() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a >= b) }'; }

mac_run length --model length; ok $? "MAC-dev aligned with lengths only"
diag "MAC-dev length only: strict F1 $(field length f1_strict), lax $(field length f1_lax)"
at_least "$(field length f1_strict)" 0.49; ok $? "length only: strict F1 >= 0.49 (Gale-Church's figure)"

mac_run full; ok $? "MAC-dev aligned with the full model"
diag "MAC-dev full model: strict F1 $(field full f1_strict), lax $(field full f1_lax)"
at_least "$(field full f1_strict)" 0.72; ok $? "no external resource: strict F1 >= 0.72"

if [ -f "$CEDICT" ]; then
  mac_run dict --dict "$CEDICT"; ok $? "MAC-dev aligned with CC-CEDICT"
  diag "MAC-dev with CC-CEDICT: strict F1 $(field dict f1_strict), lax $(field dict f1_lax)"
  at_least "$(field dict f1_strict)" 0.80; ok $? "with CC-CEDICT: strict F1 >= 0.80"
  at_least "$(field dict f1_lax)" 0.95; ok $? "with CC-CEDICT: lax F1 >= 0.95"
fi

"$POLYALIGN" align --presplit -s de -t fr -f beads -o "$scratch/tb.align" "$T/dev.de" "$T/dev.fr"
ok $? "Text+Berg dev aligned"
"$POLYALIGN" eval --json --gold "$T/dev.defr" --test "$scratch/tb.align" > "$scratch/tb.json"
diag "Text+Berg dev: strict F1 $(field tb f1_strict), lax $(field tb f1_lax)"
at_least "$(field tb f1_strict)" 0.78; ok $? "Text+Berg dev (de-fr, no dictionary): strict F1 >= 0.78"

done_testing
