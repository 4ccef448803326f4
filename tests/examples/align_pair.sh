#!/bin/sh
# examples/align_pair, built against the build tree's library, prints the
# sample's pairs: the same units, scores and texts as `polyalign align` TSV.
. "$top_srcdir/tests/lib.sh"
ex="$top_builddir/examples/align_pair"
zh="$top_srcdir/corpora/sample/cd-note.zh.txt"
en="$top_srcdir/corpora/sample/cd-note.en.txt"
"$ex" "$zh" "$en" > "$scratch/ex.tsv" 2> "$scratch/ex.err"
ok $? "align_pair exits 0 on the sample"
n=$(wc -l < "$scratch/ex.tsv")
[ "$n" -ge 30 ]; ok $? "align_pair prints $n pairs (at least 30)"
awk -F'\t' 'NF != 3 || $1 < 0 || $1 > 1 || $2 == "" || $3 == "" { bad = 1 } END { exit bad }' "$scratch/ex.tsv"
ok $? "every line is score<TAB>source<TAB>target with a score in [0,1]"
"$POLYALIGN" align -q "$zh" "$en" -o "$scratch/cli.tsv"
cmp -s "$scratch/ex.tsv" "$scratch/cli.tsv"; ok $? "the same pairs as polyalign align -o x.tsv"
"$ex" "$zh" > /dev/null 2>&1; [ $? -eq 2 ]; ok $? "a missing argument is a usage error (status 2)"
"$ex" "$zh" "$scratch/none.en.txt" > /dev/null 2> "$scratch/err"; rc=$?
[ $rc -eq 1 ] && grep -q "none.en.txt" "$scratch/err"; ok $? "a missing file: status 1 and a message naming it"
done_testing
