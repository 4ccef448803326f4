#!/bin/sh
# The sample note's hand-made sentence splits (corpora/sample/*.sent) must
# come out of `polyalign segment` exactly.
. "$top_srcdir/tests/lib.sh"
for lang in en zh; do
  src="$top_srcdir/corpora/sample/cd-note.$lang"
  "$POLYALIGN" segment --lang $lang "$src.txt" > "$scratch/$lang.out" 2> "$scratch/$lang.err"
  if cmp -s "$scratch/$lang.out" "$src.sent"; then
    ok 0 "cd-note.$lang.txt segments as cd-note.$lang.sent"
  else
    ok 1 "cd-note.$lang.txt segments as cd-note.$lang.sent"
    diff "$src.sent" "$scratch/$lang.out" | sed 's/^/# /' | head -20
  fi
done
# The JSON lines carry the same sentences with byte offsets into the text.
"$POLYALIGN" segment --lang en --jsonl "$top_srcdir/corpora/sample/cd-note.en.txt" > "$scratch/en.jsonl"
n_json=$(grep -c '^{"para":[0-9]*,"start":[0-9]*,"end":[0-9]*,"text":".*"}$' "$scratch/en.jsonl")
n_sent=$(grep -c . "$top_srcdir/corpora/sample/cd-note.en.sent")
test "$n_json" = "$n_sent"; ok $? "--jsonl gives one object per sentence ($n_json)"
done_testing
