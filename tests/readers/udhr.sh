#!/bin/sh
# udhr.sh - the UDHR pages of the shared corpus go straight into align: at
# least 97% of the true sentence pairs (udhr_pairs.py) are units, for
# Chinese with each other language aligned as a pair, and no unit of the
# six-language memory holds markup or an entity (its pair figures are
# printed; the multilingual merge joins some units). Skips without
# ${SHARED}/corpora/udhr.
. "${top_srcdir:-.}/tests/lib.sh"
udhr=$SHARED/corpora/udhr
[ -f "$udhr/eng.html" ] || skip_all "no $udhr (the shared corpus)"
pairs="${PYTHON3:-python3} ${top_srcdir:-.}/tests/readers/udhr_pairs.py --udhr $udhr"
for f in zh:cmn_hans en:eng fr:fra es:spa ru:rus ar:arb; do
  cp "$udhr/${f#*:}.html" "$scratch/udhr.${f%%:*}.html"
done
cd "$scratch" || exit 1
for l in en fr es ru ar; do
  "$POLYALIGN" align udhr.zh.html udhr.$l.html -o zh$l.tsv 2>/dev/null
  ok $? "align udhr.zh.html udhr.$l.html"
  out=$($pairs --min 0.97 --tsv zh$l.tsv zh $l)
  ok $? "zh-$l: at least 97% of the true pairs are units, none holds markup"
  echo "$out" | sed "s/^/# /"
done
"$POLYALIGN" align udhr.zh.html udhr.en.html udhr.fr.html udhr.es.html udhr.ru.html udhr.ar.html -o six.tmx 2>/dev/null
ok $? "six languages at once"
out=$($pairs --tmx six.tmx zh en fr es ru ar)
! echo "$out" | grep -q '[1-9][0-9]* units hold markup'
ok $? "no unit of the six-language memory holds markup or entities"
echo "$out" | sed "s/^/# /"
done_testing
