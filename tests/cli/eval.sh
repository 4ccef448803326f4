#!/bin/sh
# `polyalign eval --json` must agree with ../shared/eval/score.py --json (the
# metric's reference) to 1e-6: on the synthetic cases of tests/cli/eval-cases/
# (each pair, then all pairs together) and on MAC-dev, gold against
# polyalign's own --presplit alignments of the 6 chapters (all together and
# each chapter alone).
. "$top_srcdir/tests/lib.sh"

P=$POLYALIGN
PY=${PYTHON3:-python3}
SCORE=$SHARED/eval/score.py
MAC=$SHARED/eval/alignment/mac-dev
CASES=$top_srcdir/tests/cli/eval-cases

have_shared && [ -f "$SCORE" ] || skip_all "no $SCORE (the reference scorer; set SHARED)"
"$PY" -c 'import json' 2>/dev/null || skip_all "no python3 ($PY)"

# agree DESCRIPTION GOLD-FILES -- TEST-FILES: both scorers, compared.
agree() {
  desc=$1; shift
  gold=""; test=""; side=gold
  for a in "$@"; do
    if [ "$a" = "--" ]; then side=test; continue; fi
    if [ $side = gold ]; then gold="$gold $a"; else test="$test $a"; fi
  done
  # shellcheck disable=SC2086
  "$P" eval --json --gold $gold --test $test > "$scratch/ours.json" 2>"$scratch/ours.err"
  rc1=$?
  # shellcheck disable=SC2086
  "$PY" "$SCORE" --json --gold $gold --test $test > "$scratch/ref.json" 2>"$scratch/ref.err"
  rc2=$?
  if [ $rc1 -ne 0 ] || [ $rc2 -ne 0 ]; then
    diag "$desc: polyalign eval exit $rc1 ($(head -c 200 "$scratch/ours.err")), score.py exit $rc2 ($(head -c 200 "$scratch/ref.err"))"
    ok 1 "$desc"
    return
  fi
  "$PY" - "$scratch/ours.json" "$scratch/ref.json" <<'PYEOF'
import json, sys
ours, ref = (json.load(open(p)) for p in sys.argv[1:3])
bad = [k for k in ref if k not in ours or abs(ours[k] - ref[k]) > 1e-6]
bad += [k for k in ours if k not in ref]
for k in bad:
    print(f"# {k}: polyalign {ours.get(k)}, score.py {ref.get(k)}")
sys.exit(1 if bad else 0)
PYEOF
  ok $? "$desc"
}

# Synthetic cases, data-driven: every NAME.gold with its NAME.test.
all_gold=""; all_test=""; n=0
for g in "$CASES"/*.gold; do
  [ -f "$g" ] || continue
  t=${g%.gold}.test
  name=$(basename "$g" .gold)
  if [ ! -f "$t" ]; then ok 1 "eval case $name: has no $name.test"; continue; fi
  agree "eval case $name: polyalign eval = score.py" "$g" -- "$t"
  agree "eval case $name: the test file scored against itself" "$t" -- "$t"
  all_gold="$all_gold $g"; all_test="$all_test $t"; n=$((n + 1))
done
[ $n -ge 10 ]; ok $? "at least 10 eval cases found under tests/cli/eval-cases ($n)"
# shellcheck disable=SC2086
agree "all $n eval cases in one run (counts add up over pairs)" $all_gold -- $all_test

# MAC-dev: gold against polyalign's own alignments.
if [ ! -d "$MAC/gold" ]; then
  diag "no $MAC: MAC-dev comparisons skipped"
  done_testing
fi
gold=""; test=""; fail=0
for g in "$MAC"/gold/*.align; do
  c=$(basename "$g" .align)
  if ! "$P" align --presplit --src-lang zh --tgt-lang en --format beads -o "$scratch/$c.align" \
       "$MAC/zh/$c" "$MAC/en/$c" 2>"$scratch/align.err"; then
    diag "chapter $c: $(cat "$scratch/align.err")"; fail=1
  fi
  gold="$gold $g"; test="$test $scratch/$c.align"
done
ok $fail "MAC-dev: polyalign align --presplit of the $(echo $gold | wc -w) chapters exits 0"
# shellcheck disable=SC2086
agree "MAC-dev, all chapters: polyalign eval = score.py" $gold -- $test
for g in $gold; do
  c=$(basename "$g" .align)
  agree "MAC-dev chapter $c: polyalign eval = score.py" "$g" -- "$scratch/$c.align"
done
# shellcheck disable=SC2086
"$P" eval --gold $gold --test $test | sed 's/^/# /'
done_testing
