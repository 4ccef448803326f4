#!/bin/sh
# Dictionaries and lexicon files: each format is read, links reach the
# aligner (a pair of sentences that only a dictionary can connect is
# aligned), bad files are one-line errors, and `lexicon train` writes a
# lexicon that `align --lexicon` reads back.
. "$top_srcdir/tests/lib.sh"

# Four sentences a side, one translating the other; the dictionary entries
# below connect their words. -vv reports the evidence class of dictionary
# links with its matches (m/n): the links must reach the aligner.
cat > "$scratch/doc.zh" <<'X'
猫喜欢吃鱼。
老人每天早上在河边散步。
雨停了。
孩子们在花园里唱歌。
X
cat > "$scratch/doc.en" <<'X'
The cat likes to eat fish.
Every morning the old man walks by the river.
The rain stopped.
The children sing in the garden.
X
cat > "$scratch/cedict.txt" <<'X'
# CC-CEDICT-style lines
貓 猫 [mao1] /cat/CL:隻|只[zhi1]/
魚 鱼 [yu2] /fish/CL:條|条[tiao2],尾[wei3]/
老人 老人 [lao3 ren2] /old man; old woman/the elderly/
河邊 河边 [he2 bian1] /river bank/
雨 雨 [yu3] /rain/
孩子們 孩子们 [hai2 zi5 men5] /children/
花園 花园 [hua1 yuan2] /garden/CL:座[zuo4],個|个[ge4]/
唱歌 唱歌 [chang4 ge1] /to sing a song/
X
printf 'cat @ 猫\nfish @ 鱼\nold man @ 老人\nriver @ 河边\nrain @ 雨\nchildren @ 孩子们\ngarden @ 花园\nsing @ 唱歌\n' > "$scratch/hunalign.dic"
printf '猫\tcat\n鱼\tfish\n老人\told\n河边\triver\n雨\train\n孩子们\tchildren\n花园\tgarden\n唱歌\tsing\n' > "$scratch/dict.tsv"
want='[0]:[0] [1]:[1] [2]:[2] [3]:[3]'

# matched dictionary tokens on the source side, from -vv
dict_matches() { sed -n 's/.*evidence dict *side 0: q_a [0-9.]* (\([0-9]*\)\/[0-9]*).*/\1/p' "$1" | tail -n 1; }

for f in cedict.txt hunalign.dic dict.tsv; do
  "$POLYALIGN" align -vv --presplit -s zh -t en --dict "$scratch/$f" -f beads -o "$scratch/out" \
    "$scratch/doc.zh" "$scratch/doc.en" 2>"$scratch/err"
  ok $? "align --dict $f"
  got=$(tr '\n' ' ' < "$scratch/out" | sed 's/ $//')
  [ "$got" = "$want" ]; ok $? "dictionary $f: every sentence with its translation (got $got)"
  m=$(dict_matches "$scratch/err")
  [ -n "$m" ] && [ "$m" -ge 6 ]; ok $? "dictionary $f: its links match words of the pairs ($m matched)"
done
"$POLYALIGN" align -vv --presplit -s zh -t en -f beads -o "$scratch/out" "$scratch/doc.zh" "$scratch/doc.en" 2>"$scratch/err"
[ -z "$(dict_matches "$scratch/err")" ]; ok $? "without --dict there is no dictionary evidence"

# the same document aligned the other way round uses the dictionary reversed
"$POLYALIGN" align -vv --presplit -s en -t zh --dict "$scratch/cedict.txt" -f beads -o "$scratch/out" \
  "$scratch/doc.en" "$scratch/doc.zh" 2>"$scratch/err"
m=$(dict_matches "$scratch/err")
[ -n "$m" ] && [ "$m" -ge 6 ]; ok $? "CC-CEDICT serves English-Chinese too ($m matched)"

# bad dictionaries
printf 'no separator here\nnor here\n' > "$scratch/bad.dic"
"$POLYALIGN" align --presplit -s zh -t en --dict "$scratch/bad.dic" -o "$scratch/o.tsv" \
  "$scratch/doc.zh" "$scratch/doc.en" 2>"$scratch/err"
[ $? -eq 1 ] && [ "$(wc -l < "$scratch/err")" -eq 1 ] && grep -q 'bad.dic:1: no dictionary entries' "$scratch/err"
ok $? "a file with no entries is a one-line error naming it ($(cat "$scratch/err"))"
[ ! -e "$scratch/o.tsv" ]; ok $? "and no output is written"
"$POLYALIGN" align --presplit -s fr -t en --dict "$scratch/cedict.txt" -o "$scratch/o.tsv" \
  "$scratch/doc.zh" "$scratch/doc.en" 2>"$scratch/err"
[ $? -eq 2 ] && grep -q 'Chinese-English pairs' "$scratch/err"
ok $? "CC-CEDICT for a French-English pair is refused ($(cat "$scratch/err"))"
"$POLYALIGN" align --presplit -s zh -t en --dict "$scratch/missing.dic" -o "$scratch/o.tsv" \
  "$scratch/doc.zh" "$scratch/doc.en" 2>"$scratch/err"
[ $? -eq 1 ] && grep -q 'missing.dic: cannot open' "$scratch/err"
ok $? "a missing dictionary is an error naming it"

# lexicon train from a TMX the aligner wrote with the dictionary, then use it
"$POLYALIGN" align --presplit -s zh -t en --dict "$scratch/cedict.txt" -o "$scratch/mem.tmx" \
  "$scratch/doc.zh" "$scratch/doc.en"
"$POLYALIGN" lexicon train -s zh -t en -o "$scratch/lex.tsv" "$scratch/mem.tmx" "$scratch/mem.tmx" 2>"$scratch/err"
ok $? "lexicon train reads a TMX file ($(cat "$scratch/err"))"
head -n 1 "$scratch/lex.tsv" | grep -q '^# polyalign lexicon src=zh tgt=en'
ok $? "the lexicon starts with its header"
awk -F'\t' 'NR > 1 && (NF != 4 || $3 < 0.1 || $3 > 1 || $4 < 0.1 || $4 > 1) { bad = 1 } END { exit bad }' "$scratch/lex.tsv"
ok $? "lexicon lines are source, target, p(t|s), p(s|t) with both probabilities in [0.1, 1]"
"$POLYALIGN" align --presplit -s zh -t en --lexicon "$scratch/lex.tsv" -f beads -o "$scratch/out" \
  "$scratch/doc.zh" "$scratch/doc.en"
ok $? "align --lexicon reads the lexicon"
"$POLYALIGN" lexicon train -s zh -t en -o "$scratch/lex2.tsv" "$scratch/doc.zh" 2>"$scratch/err"
[ $? -eq 2 ] && grep -q 'needs its translation' "$scratch/err"
ok $? "lexicon train: a document without its translation is a usage error"
"$POLYALIGN" lexicon train -s zh -t fr -o "$scratch/lex3.tsv" "$scratch/mem.tmx" 2>"$scratch/err"
[ $? -eq 1 ] && grep -q 'no zh-fr units' "$scratch/err" && [ ! -e "$scratch/lex3.tsv" ]
ok $? "lexicon train: no units in the language pair is an error, and no file"
# Units blank on one side are skipped, never shift the pairs after them:
# a blank source seg and, later, a blank target seg leave three good units
cat > "$scratch/blank.tmx" <<'TMX'
<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="zh" datatype="plaintext"/><body>
<tu><tuv xml:lang="zh"><seg>猫</seg></tuv><tuv xml:lang="en"><seg>cat</seg></tuv></tu>
<tu><tuv xml:lang="zh"><seg> </seg></tuv><tuv xml:lang="en"><seg>dog</seg></tuv></tu>
<tu><tuv xml:lang="zh"><seg>书</seg></tuv><tuv xml:lang="en"><seg>book</seg></tuv></tu>
<tu><tuv xml:lang="zh"><seg>水</seg></tuv><tuv xml:lang="en"><seg>　</seg></tuv></tu>
<tu><tuv xml:lang="zh"><seg>火</seg></tuv><tuv xml:lang="en"><seg>fire</seg></tuv></tu>
</body></tmx>
TMX
"$POLYALIGN" lexicon train -s zh -t en -o "$scratch/blank.lex" "$scratch/blank.tmx" 2> "$scratch/err"
[ $? -eq 0 ] && head -n 1 "$scratch/blank.lex" | grep -q 'units=3$'
ok $? "lexicon train: units blank on one side are skipped ($(head -n 1 "$scratch/blank.lex"))"
# The dictionary cache (align/aligner/dict_cache.h): the first load of a
# file writes an entry, the next maps it; the alignments are the same as
# without a cache, a damaged entry is ignored, changed bytes make a new entry.
C=$scratch/cache
dict_align() { # dict_align CACHE-DIR OUT [DICT]
  POLYALIGN_CACHE_DIR=$1 "$POLYALIGN" align -vv --presplit -s zh -t en --dict "${3:-$scratch/cedict.txt}" -f beads \
    -o "$2" "$scratch/doc.zh" "$scratch/doc.en" 2> "$2.err"
}
dict_align off "$scratch/nocache.out"; ok $? "align --dict with the cache off"
[ ! -d "$C" ]; ok $? "POLYALIGN_CACHE_DIR=off writes no cache"
dict_align "$C" "$scratch/first.out"; ok $? "align --dict, first load (parsed, entry written)"
n=$(ls "$C" 2> /dev/null | grep -c '^dict-zh-en-.*\.bin$')
[ "$n" -eq 1 ]; ok $? "one cache entry written ($n)"
dict_align "$C" "$scratch/second.out"; ok $? "align --dict, second load (from the entry)"
cmp -s "$scratch/nocache.out" "$scratch/first.out" && cmp -s "$scratch/nocache.out" "$scratch/second.out"
ok $? "the same beads without a cache, parsed and from the cache"
[ "$(dict_matches "$scratch/nocache.out.err")" = "$(dict_matches "$scratch/second.out.err")" ]
ok $? "the same dictionary matches from the cache ($(dict_matches "$scratch/second.out.err"))"
entry=$(ls "$C"/dict-zh-en-*.bin)
head -c 100 "$entry" > "$scratch/half" && cp "$scratch/half" "$entry"
dict_align "$C" "$scratch/damaged.out"; ok $? "align --dict with a damaged cache entry"
cmp -s "$scratch/nocache.out" "$scratch/damaged.out"; ok $? "a damaged entry is ignored (the file is parsed)"
# An entry is mapped and only its parts' sizes are checked on opening;
# damage inside the parts (offsets, table slots, pairs, the index by source
# word) must give an alignment, never a read outside the entry (the
# sanitizer build runs this too). A second file merged into a dictionary
# read from an entry copies it first (vocab.c: own): the same beads as
# without the cache, and from a damaged entry still an alignment.
dict_align "$C" "$scratch/fresh.out"; ok $? "align --dict writes the entry afresh"
entry=$(ls "$C"/dict-zh-en-*.bin)
cp "$entry" "$scratch/intact.bin"
damage() { # damage PART: overwrite one part of the entry (layout: dict_cache.c)
  python3 - "$entry" "$1" <<'PY'
import struct, sys
path, part = sys.argv[1], sys.argv[2]
b = bytearray(open(path, 'rb').read())
p = 32                                   # header
n, slots, alen = struct.unpack_from('<QQQ', b, p)
offsets = p + 24                         # source vocabulary: offsets, slots, arena
table = offsets + (n + 1) * 8
p = table + slots * 4 + ((alen + 7) & ~7)
tn, tslots, talen = struct.unpack_from('<QQQ', b, p)   # target vocabulary
p += 24 + (tn + 1) * 8 + tslots * 4 + ((talen + 7) & ~7)
npairs, = struct.unpack_from('<Q', b, p)
pairs = p + 8
index = pairs + npairs * 8
if part == 'offsets':                    # all but the first and last
    for k in range(1, n):
        struct.pack_into('<Q', b, offsets + 8 * k, (k * 7919) % (alen + 50))
elif part == 'collapsed':                # id 0 spans the arena, the others are empty
    for k in range(1, n):                # (a copy takes more than the arena: a NUL each)
        struct.pack_into('<Q', b, offsets + 8 * k, alen)
elif part == 'slots':                    # every slot names id 1: no empty one
    for k in range(slots):
        struct.pack_into('<I', b, table + 4 * k, 1)
elif part == 'pairs':
    for k in range(2 * npairs):
        struct.pack_into('<I', b, pairs + 4 * k, 0xFFFFFFF0 + k % 16)
elif part == 'index':
    for k in range(n + 1):
        struct.pack_into('<I', b, index + 4 * k, (n + 1 - k) * 1000003 % 4294967291)
open(path, 'wb').write(b)
PY
}
two_dicts() { # two_dicts CACHE-DIR OUT: cedict.txt (cached), then dict.tsv merged into it
  POLYALIGN_CACHE_DIR=$1 "$POLYALIGN" align --presplit -s zh -t en --dict "$scratch/cedict.txt" \
    --dict "$scratch/dict.tsv" -f beads -o "$2" "$scratch/doc.zh" "$scratch/doc.en"
}
for part in offsets collapsed slots pairs index; do
  cp "$scratch/intact.bin" "$entry"
  if damage $part; then
    dict_align "$C" "$scratch/damaged-$part.out" && [ "$(grep -c '' "$scratch/damaged-$part.out")" -ge 4 ]
    ok $? "an entry with damaged $part still gives an alignment"
    two_dicts "$C" "$scratch/damaged2-$part.out"
    ok $? "... and with a second file merged into it"
  else
    ok 1 "damaging the entry's $part (python3)"
  fi
done
cp "$scratch/intact.bin" "$entry"
two_dicts off "$scratch/two-off.out"
two_dicts "$C" "$scratch/two.out"
cmp -s "$scratch/two-off.out" "$scratch/two.out"
ok $? "a second file merged into a dictionary read from the cache: the same beads as without the cache"
printf '雨 雨 [yu3] /rainfall/\n' | cat "$scratch/cedict.txt" - > "$scratch/cedict2.txt"
dict_align "$C" "$scratch/changed.out" "$scratch/cedict2.txt"
n=$(ls "$C" | grep -c '^dict-zh-en-.*\.bin$')
[ "$n" -eq 2 ]; ok $? "a dictionary with other bytes gets an entry of its own ($n entries)"

# The paragraph pass of a document with paragraphs reads no dictionary
# (chance links across long paragraphs made its beads wrong and sure): its
# paragraph beads and posteriors (-vvv) are the same with and without one,
# while the dictionary still reaches the sentence passes.
printf '裁军\tdisarmament\n核查\tverification\n会议\tconference\n秘书处\tsecretariat\n声明\tstatement\n核\tnuclear\n武器\tweapons\n代表团\tmission\n' > "$scratch/para.tsv"
sample=$top_srcdir/corpora/sample
"$POLYALIGN" align -vvv -f tsv "$sample/cd-note.zh.txt" "$sample/cd-note.en.txt" > /dev/null 2> "$scratch/para-plain.log"
ok $? "align the sample (paragraphs on both sides), -vvv"
"$POLYALIGN" align -vvv -f tsv --dict "$scratch/para.tsv" "$sample/cd-note.zh.txt" "$sample/cd-note.en.txt" \
  > /dev/null 2> "$scratch/para-dict.log"
ok $? "... with a dictionary"
grep 'paragraph bead' "$scratch/para-plain.log" > "$scratch/para-plain.beads"
grep 'paragraph bead' "$scratch/para-dict.log" > "$scratch/para-dict.beads"
[ "$(grep -c sure "$scratch/para-plain.beads")" -ge 10 ]
ok $? "the paragraph pass reports its beads and the sure ones ($(grep -c sure "$scratch/para-plain.beads") sure)"
cmp -s "$scratch/para-plain.beads" "$scratch/para-dict.beads"
ok $? "the paragraph beads and their posteriors are the same with the dictionary"
[ "$(dict_matches "$scratch/para-dict.log")" -gt 0 ]
ok $? "the dictionary's links reach the sentence passes ($(dict_matches "$scratch/para-dict.log") matched tokens)"
done_testing
