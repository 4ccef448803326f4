#!/bin/sh
# tsv.sh - TAP: a TSV table as the input of align and segment (a row a
# paragraph; the column named by a header line, told by its script, or
# taken at the input's place), against the same text given as text files.
. "${top_srcdir:-.}/tests/lib.sh"
P=$POLYALIGN
W=$scratch
S=${top_srcdir:-.}/corpora/sample
PY=${PYTHON3:-python3}

# The sample's 22 paragraph pairs as tables: with a header (zh, en), and
# without one, English first.
"$PY" - "$S/cd-note.zh.txt" "$S/cd-note.en.txt" "$W" <<'PY'
import sys
zh, en = (open(p, encoding="utf-8-sig").read().strip().split("\n\n") for p in sys.argv[1:3])
assert len(zh) == len(en)
one = lambda s: " ".join(s.split("\n"))
with open(sys.argv[3] + "/para.tsv", "w", encoding="utf-8") as f:
    f.write("zh\ten\n")
    for z, e in zip(zh, en):
        f.write("%s\t%s\n" % (one(z), one(e)))
with open(sys.argv[3] + "/swapped.tsv", "w", encoding="utf-8") as f:
    for z, e in zip(zh, en):
        f.write("%s\t%s\n" % (one(e), one(z)))
PY
"$P" align -q "$S/cd-note.zh.txt" "$S/cd-note.en.txt" -o "$W/direct.tsv"
cut -f2,3 "$W/direct.tsv" > "$W/direct.txt"
"$P" align -q -s zh -t en "$W/para.tsv" -o "$W/re.tsv"
rc=$?
cut -f2,3 "$W/re.tsv" | cmp -s - "$W/direct.txt" && [ $rc -eq 0 ] && [ -s "$W/direct.txt" ]
ok $? "align -s zh -t en PARAGRAPHS.tsv (header zh, en) gives the units of the text files ($(wc -l < "$W/re.tsv"))"

"$P" align -q -s zh -t en "$W/swapped.tsv" -o "$W/re2.tsv"
cut -f2,3 "$W/re2.tsv" | cmp -s - "$W/direct.txt"
ok $? "without a header, English first: the script finds each side's column, the same units"

gzip -c "$W/para.tsv" > "$W/para.tsv.gz"
"$P" align -q -s zh -t en "$W/para.tsv.gz" "$W/swapped.tsv" -o "$W/re3.tsv"
cut -f2,3 "$W/re3.tsv" | cmp -s - "$W/direct.txt"
ok $? "a table per side, one gzip-compressed: the same units"

# polyalign's own TSV (score, zh, en; no header) re-aligned keeps its units.
n=$(wc -l < "$W/direct.tsv")
"$P" align -q -s zh -t en "$W/direct.tsv" -o "$W/again.tsv" 2> "$W/err"
[ $? -eq 0 ] && [ "$(wc -l < "$W/again.tsv")" = "$n" ] && cut -f2,3 "$W/again.tsv" | cmp -s - "$W/direct.txt"
ok $? "align -s zh -t en on polyalign's --format tsv output keeps its $n units"

# A memory from a table: TMX valid and read back.
"$P" align -q -s zh -t en "$W/para.tsv" -o "$W/re.tmx"
[ "$("$P" tmx stats "$W/re.tmx" | sed -n 's/^units: //p')" = "$n" ]
ok $? "a table to TMX: $n units"

# segment reads the language's column.
"$P" segment --lang en "$S/cd-note.en.txt" > "$W/seg.direct"
"$P" segment --lang en "$W/para.tsv" > "$W/seg.tsv"
cmp -s "$W/seg.direct" "$W/seg.tsv"
ok $? "segment --lang en TABLE.tsv: the sentences of the English text"
"$P" segment --lang zh "$W/swapped.tsv" > "$W/seg.zh"
"$P" segment --lang zh "$S/cd-note.zh.txt" | cmp -s - "$W/seg.zh"
ok $? "segment --lang zh on a table without a header: the Han column's sentences"

# Errors: one line naming the file, no output.
"$P" align -q -s zh -t fr "$W/para.tsv" -o "$W/fr.tsv" 2> "$W/err"
[ $? -eq 1 ] && [ "$(wc -l < "$W/err")" = 1 ] && grep -q "para.tsv: no column for fr (its header line names zh, en)" "$W/err" &&
  [ ! -e "$W/fr.tsv" ]
ok $? "a language the header lacks: status 1, one line: $(cat "$W/err")"
printf 'a\tb\nc\n' > "$W/ragged.tsv"
"$P" align -q -s en -t fr "$W/ragged.tsv" -o "$W/x.tsv" 2> "$W/err"
[ $? -eq 1 ] && grep -q "ragged.tsv:2: a different number of columns where line 1 has 2" "$W/err" && [ ! -e "$W/x.tsv" ]
ok $? "a ragged table: FILE:LINE, status 1: $(cat "$W/err")"
"$P" align -q "$W/para.tsv" -o "$W/x.tsv" 2> "$W/err"
[ $? -eq 2 ]
ok $? "one table without -s and -t is a usage error: $(cat "$W/err")"
done_testing
