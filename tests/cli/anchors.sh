#!/bin/sh
# Hard anchors: a line holding only <anchor/> in every language version is a
# fixed point that no bead crosses; the anchor lines are not text; versions
# whose numbers of anchors differ are aligned as if there were none, with a
# note. Sentence indices below count the sample's non-blank lines.
. "$top_srcdir/tests/lib.sh"
P=$POLYALIGN
S=$top_srcdir/corpora/sample
W=$scratch

# put LINE after the N-th non-blank line of FILE (N = 0: first)
put_after() { awk -v n="$2" -v line="$3" 'n == 0 && NR == 1 { print line } { print } /./ && ++k == n { print line }' "$1"; }
# beads of FILE that hold source sentences on both sides of S or target
# sentences on both sides of T, or pair one side's before with the other's after
crossing() {
  awk -F: -v s="$2" -v t="$3" '{
    gsub(/[][]/, "", $1); gsub(/[][]/, "", $2)
    before = 0; after = 0
    n = split($1, a, ","); for (i = 1; i <= n; i++) if (a[i] != "") { if (a[i] + 0 < s) before++; else after++ }
    n = split($2, b, ","); for (i = 1; i <= n; i++) if (b[i] != "") { if (b[i] + 0 < t) before++; else after++ }
    if (before && after) c++
  } END { print c + 0 }' "$1"
}

# --- anchors where the content does not put a boundary: the fixed point wins
put_after "$S/cd-note.zh.sent" 20 '<anchor/>' > "$W/m.zh.txt"
put_after "$S/cd-note.en.sent" 10 '  <anchor />	' > "$W/m.en.txt"
grep -v anchor "$W/m.zh.txt" > "$W/n.zh.txt"; grep -v anchor "$W/m.en.txt" > "$W/n.en.txt"
"$P" align -q --presplit -f beads -o "$W/m.align" "$W/m.zh.txt" "$W/m.en.txt"; ok $? "align with one anchor in each version"
"$P" align -q --presplit -f beads -o "$W/n.align" "$W/n.zh.txt" "$W/n.en.txt"; ok $? "the same without the anchor lines"
[ "$(crossing "$W/m.align" 20 10)" -eq 0 ]; ok $? "no bead crosses the anchors (zh 20, en 10)"
c=$(crossing "$W/n.align" 20 10)
[ "$c" -gt 0 ]; ok $? "without them, $c beads cross that point (the anchor changed the alignment)"
[ "$(sed 's/:.*//; s/[][]//g' "$W/m.align" | tr ',' '\n' | grep -c .)" -eq "$(grep -c . "$W/n.zh.txt")" ]
ok $? "the beads cover the $(grep -c . "$W/n.zh.txt") zh sentences, the anchor line is none of them"
"$P" align -q --presplit -f tsv -o "$W/m.tsv" "$W/m.zh.txt" "$W/m.en.txt"
! grep -q 'anchor' "$W/m.tsv"; ok $? "no unit holds the anchor line"

# --- anchors where the documents agree (a bead boundary of the gold
# alignment: zh 10, en 12) lose nothing against the gold
put_after "$S/cd-note.zh.sent" 10 '<anchor/>' > "$W/g.zh.txt"
put_after "$S/cd-note.en.sent" 12 '<anchor/>' > "$W/g.en.txt"
"$P" align -q --presplit -f beads -o "$W/g.align" "$W/g.zh.txt" "$W/g.en.txt"
"$P" align -q --presplit -f beads -o "$W/s.align" "$S/cd-note.zh.sent" "$S/cd-note.en.sent"
with=$(grep -c -x -F -f "$S/cd-note.gold.align" "$W/g.align")
without=$(grep -c -x -F -f "$S/cd-note.gold.align" "$W/s.align")
[ "$with" -ge "$without" ]; ok $? "a true anchor keeps the gold beads: $with with it, $without without"

# --- numbers of anchors that differ: ignored, with a note
put_after "$W/m.zh.txt" 30 '<anchor/>' > "$W/x.zh.txt"
"$P" align --presplit -f beads -o "$W/x.align" "$W/x.zh.txt" "$W/m.en.txt" 2> "$W/err"
ok $? "two anchors against one: aligned anyway"
grep -q "has 2 anchors, .* has 1: anchors ignored" "$W/err"; ok $? "a note says the anchors were ignored"
cmp -s "$W/x.align" "$W/n.align"; ok $? "the alignment is the one without anchors"

# --- running text (segmented, not one sentence a line), three languages
put_after "$S/cd-note.zh.txt" 8 '<anchor/>' > "$W/r.zh.txt"
put_after "$S/cd-note.en.txt" 8 '<anchor/>' > "$W/r.en.txt"
sed 's/the /le /g' "$W/r.en.txt" > "$W/r.fr.txt"
"$P" align -f tsv -o "$W/r.tsv" "$W/r.zh.txt" "$W/r.en.txt" "$W/r.fr.txt" 2> "$W/err"
ok $? "running text in three languages with an anchor"
! grep -q "anchors ignored" "$W/err"; ok $? "the anchors are used (one in each version)"
! grep -q 'anchor' "$W/r.tsv"; ok $? "no unit holds the anchor line"
"$P" segment --lang en "$W/r.en.txt" > "$W/r.seg"; ok $? "segment reads a document with an anchor"
! grep -q 'anchor' "$W/r.seg"; ok $? "segment leaves the anchor line out"
done_testing
