#!/bin/sh
# tmx_tools.sh - TAP: `polyalign tmx stats|validate|merge|filter|convert`
# on polyalign's own memory of the sample and on tests/tmx/tools/fixture.tmx
# (its README says what each unit is for), checked against Python's XML
# parser (tools/tmxtools.py) and translate-toolkit where installed; hostile
# inputs (an XXE probe, an external DTD, a truncated .tmx.gz) are refused
# without the file they point to being opened (strace, where installed).
. "${top_srcdir:-.}/tests/lib.sh"
T=${top_srcdir:-.}/tests/tmx/tools
FIX=$T/fixture.tmx
PY=${PYTHON3:-python3}
tools() { "$PY" "$T/tmxtools.py" "$@"; }
DTD=$SHARED/tmx/tmx14.dtd
W=$(mktemp -d "${TMPDIR:-/tmp}/tmx-tools.XXXXXX") || exit 1
trap 'rm -rf "$W"' EXIT INT TERM
P=$POLYALIGN

# stat FILE KEY: the value of "KEY: value" in `tmx stats FILE`.
stat() { "$P" tmx stats "$1" 2>/dev/null | sed -n "s/^$2: //p"; }

# polyalign's memory of the sample
"$P" align -q "${top_srcdir:-.}/corpora/sample/cd-note.zh.txt" "${top_srcdir:-.}/corpora/sample/cd-note.en.txt" -o "$W/a.tmx"
ok $? "align the sample into a.tmx"
n=$(tools count "$W/a.tmx")
[ "$(stat "$W/a.tmx" units)" = "$n" ] && [ "$n" -gt 20 ]
ok $? "stats: $(stat "$W/a.tmx" units) units in a.tmx, Python counts $n"

# validate: polyalign's memory passes (with the DTD where it is)
if [ -f "$DTD" ]; then
  "$P" tmx validate --dtd "$DTD" "$W/a.tmx" > "$W/v.out"
  ok $? "validate --dtd passes polyalign's memory: $(tail -n 1 "$W/v.out")"
  POLYALIGN_TMX_DTD=$DTD "$P" tmx validate "$W/a.tmx" > /dev/null
  ok $? "validate takes the DTD from POLYALIGN_TMX_DTD"
  POLYALIGN_TMX_DTD=$DTD "$P" tmx validate "${top_srcdir:-.}/tests/tmx/invalid/prop-after-tuv.tmx" > "$W/v.out"
  [ $? -eq 1 ] && grep -q 'prop-after-tuv.tmx:[0-9]*: .*DTD' "$W/v.out"
  ok $? "validate --dtd finds a prop after a tuv, FILE:LINE: $(head -n 1 "$W/v.out")"
else
  ok 0 "# SKIP no DTD at $DTD"
fi
"$P" tmx validate "$W/a.tmx" > /dev/null
ok $? "validate without a DTD passes polyalign's memory"
"$P" tmx validate "$FIX" "$W/a.tmx" > "$W/v.out"
rc=$?
line=$(grep -n '<tu tuid="e"' "$FIX" | cut -d: -f1)
[ $rc -eq 1 ] && grep -qx "$FIX:$line: empty <seg> (fr-FR)" "$W/v.out" && grep -qx "$FIX: 1 problem" "$W/v.out" &&
  grep -qx "$W/a.tmx: valid.*" "$W/v.out"
ok $? "validate: status 1, the fixture's empty seg at line $line, the other file valid"

# merge
"$P" tmx merge -q -o "$W/aa.tmx.gz" "$W/a.tmx" "$W/a.tmx"
ok $? "merge a memory with itself"
want=$(tools units "$W/a.tmx" | sort -u | wc -l)
got=$(tools units "$W/aa.tmx.gz" | wc -l)
gotu=$(tools units "$W/aa.tmx.gz" | sort -u | wc -l)
[ "$got" = "$want" ] && [ "$gotu" = "$want" ]
ok $? "merge with itself keeps each of the $want distinct units once ($got units, $gotu distinct)"
tools units "$W/a.tmx" | awk '!seen[$0]++' > "$W/first"
tools units "$W/aa.tmx.gz" > "$W/merged"
cmp -s "$W/first" "$W/merged"
ok $? "merge keeps the input order (first occurrences)"
"$P" tmx merge -q -o "$W/fx.tmx" "$FIX"
[ "$(tools count "$W/fx.tmx")" = 6 ]
ok $? "merge drops the fixture's duplicate that differs in white space, tag case and tuv order ($(tools count "$W/fx.tmx") of 7)"
"$P" tmx merge -q -o "$W/both.tmx" "$W/a.tmx" "$FIX"
[ "$(tools count "$W/both.tmx")" = $((n + 6)) ] && [ "$(tools header "$W/both.tmx" srclang)" = "*all*" ] &&
  [ "$(stat "$W/both.tmx" languages)" = 3 ]
ok $? "merge of two memories: $(tools count "$W/both.tmx") units, srclang *all* (they differ), 3 languages"
grep -q '<prop type="x-score">0.9</prop>' "$W/fx.tmx" && grep -q '<prop type="x-document">A/1</prop>' "$W/fx.tmx"
ok $? "merge keeps the units' props"
cp "$FIX" "$W/in.tmx"
"$P" tmx merge -q -o "$W/in.tmx" "$W/in.tmx" 2> "$W/err"
[ $? -eq 2 ] && cmp -s "$FIX" "$W/in.tmx"
ok $? "merge refuses an output that is an input, status 2, input kept: $(cat "$W/err")"
"$P" tmx merge -q -o "$W/stdin.tmx" - < "$FIX" 2> "$W/err"
[ $? -eq 2 ] && [ ! -e "$W/stdin.tmx" ]
ok $? "merge refuses standard input (read in two passes), status 2: $(cat "$W/err")"

# convert
"$P" tmx convert -q --to tsv -o "$W/a.tsv" "$W/a.tmx"
[ "$(wc -l < "$W/a.tsv")" = "$n" ] && [ "$(awk -F '\t' 'NF != 3' "$W/a.tsv" | wc -l)" = 0 ]
ok $? "convert --to tsv: one line a unit ($(wc -l < "$W/a.tsv") of $n), score and two texts"
"$P" tmx convert -q --to tsv --langs en,fr -o "$W/f.tsv" "$FIX"
[ "$(wc -l < "$W/f.tsv")" = 5 ] && grep -q '^0.9000	There were 1,000 people.	Il y avait' "$W/f.tsv" &&
  grep -qF '	Press OK now.	' "$W/f.tsv"
ok $? "convert --to tsv --langs en,fr: the 5 units with both texts, markup stripped"
"$P" tmx convert -q --to tsv --langs en,fr --markup keep -o "$W/k.tsv" "$FIX"
grep -qF 'Press <bpt i="1">&lt;b&gt;</bpt>OK<ept i="1">&lt;/b&gt;</ept> now.' "$W/k.tsv"
ok $? "convert --markup keep keeps the inline codes as XML"
"$P" tmx convert -q --to tmx --markup keep -o "$W/k.tmx" "$FIX"
[ "$(tools has "$W/k.tmx" bpt)" = 2 ] && { [ ! -f "$DTD" ] || "$P" tmx validate --dtd "$DTD" "$W/k.tmx" | grep -q 'empty <seg>'; }
ok $? "convert --to tmx --markup keep writes the bpt elements back ($(tools has "$W/k.tmx" bpt))"
"$P" tmx convert -q --to moses --langs en,fr -o "$W/corpus" "$FIX"
[ "$(wc -l < "$W/corpus.en")" = 5 ] && [ "$(wc -l < "$W/corpus.fr")" = 5 ] &&
  [ "$(sed -n 3p "$W/corpus.fr")" = "36 États ont voté." ]
ok $? "convert --to moses: corpus.en, corpus.fr, line k of each the same unit"
"$P" tmx convert -q --to tmx --langs zh,en --lang-tag zh=zh-TW --lang-tag en-US=en-GB -o "$W/p.tmx" "$FIX"
[ "$(tools langs "$W/p.tmx" | sort | uniq -c | awk '{printf "%s%s ", $1, $2}')" = "2en-GB 2zh-TW " ] &&
  [ "$(tools header "$W/p.tmx" srclang)" = zh-TW ]
ok $? "convert --langs zh,en with --lang-tag: a bilingual memory, tags rewritten ($(tools langs "$W/p.tmx" | sort -u | tr '\n' ' '))"

# filter
filter_count() { # filter_count WANT DESCRIPTION OPTIONS...
  fwant=$1 fdesc=$2; shift 2
  "$P" tmx filter -q "$@" -o "$W/f.tmx" "$FIX"
  frc=$?
  fgot=$(tools count "$W/f.tmx" 2>/dev/null)
  [ $frc -eq 0 ] && [ "$fgot" = "$fwant" ]
  ok $? "filter $*: $fgot units (want $fwant: $fdesc)"
}
filter_count 4 "a, e, f, g; d has no score" --min-score 0.6
filter_count 2 "b, c" --max-score 0.5
filter_count 2 "a, b" --langs zh,en
filter_count 6 "c's numbers differ" --numbers-agree
filter_count 6 "g is 20 times longer in English; a, b 3.4 times" --max-ratio 5
filter_count 6 "g is over 100 characters" --max-length 100
filter_count 6 "e has an empty seg" --no-empty
filter_count 5 "d and e are one-sided" --no-one-sided
filter_count 4 "a, b's duplicate left out, c, e, g" --no-one-sided --dedup --min-score 0.5 --max-ratio 30 --max-length 200
"$P" tmx filter --min-score 2 -o "$W/f.tmx" "$FIX" 2> "$W/err"
[ $? -eq 2 ]
ok $? "filter --min-score 2 is a usage error: $(cat "$W/err")"

# UTF-16 input
if command -v iconv > /dev/null; then
  sed '1s/UTF-8/UTF-16/' "$FIX" | iconv -f UTF-8 -t UTF-16 > "$W/u16.tmx"
  [ "$(stat "$W/u16.tmx" units)" = 7 ] && [ "$(stat "$W/u16.tmx" duplicates)" = 1 ]
  ok $? "stats reads UTF-16 (7 units, 1 duplicate)"
fi

# translate-toolkit reads what merge and convert write
TTK=""
for c in "$PY" python3 /usr/bin/python3; do
  if command -v "$c" > /dev/null 2>&1 && "$c" -c 'import translate.storage.tmx' 2> /dev/null; then TTK=$c; break; fi
done
for f in aa.tmx.gz fx.tmx p.tmx; do
  if [ -z "$TTK" ]; then ok 0 "# SKIP translate-toolkit (python3-translate) not installed"; continue; fi
  "$TTK" "$T/tmxtools.py" ttk "$W/$f" > "$W/ttk.out" 2>&1
  ok $? "translate-toolkit reads $f: same units and texts $(head -n 3 "$W/ttk.out" | tr '\n' ' ')"
done

# hostile: an XXE probe and an external DTD pointing at a sentinel file
echo "SENTINEL-SECRET" > "$W/secret.txt"
cat > "$W/xxe.tmx" <<XXE
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx [ <!ENTITY xxe SYSTEM "file://$W/secret.txt"> ]>
<tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en-US" srclang="en-US" datatype="plaintext"/>
<body><tu><tuv xml:lang="en-US"><seg>a &xxe; b</seg></tuv><tuv xml:lang="fr-FR"><seg>c</seg></tuv></tu></body></tmx>
XXE
cat > "$W/extdtd.tmx" <<XXE
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "file://$W/secret.dtd">
<tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en-US" srclang="en-US" datatype="plaintext"/>
<body><tu><tuv xml:lang="en-US"><seg>a</seg></tuv><tuv xml:lang="fr-FR"><seg>c</seg></tuv></tu></body></tmx>
XXE
echo '<!ENTITY leak "SENTINEL-SECRET">' > "$W/secret.dtd"
STRACE=strace # LeakSanitizer cannot run under ptrace: no strace in a sanitizer build
if [ -n "$SANITIZER_CFLAGS" ] || ! command -v strace > /dev/null; then STRACE=""; fi
if [ -n "$STRACE" ]; then # the control: strace sees a file being opened
  strace -f -qq -e trace=open,openat -o "$W/trace" cat "$W/secret.txt" > /dev/null 2>&1
  grep -q secret "$W/trace"
  ok $? "strace shows the sentinel opened by cat (so that its absence below means something)"
  rm -f "$W/trace"
fi
for probe in xxe extdtd; do
  for cmd in "validate" "stats" "convert --to tsv -o $W/$probe.tsv" "merge -o $W/$probe.out.tmx"; do
    if [ -n "$STRACE" ]; then
      strace -f -qq -e trace=open,openat -o "$W/trace" "$P" tmx $cmd "$W/$probe.tmx" > "$W/out" 2>&1
    else
      "$P" tmx $cmd "$W/$probe.tmx" > "$W/out" 2>&1
    fi
    rc=$?
    opened=no
    [ -f "$W/trace" ] && grep -q 'secret' "$W/trace" && opened=yes
    rm -f "$W/trace"
    case $probe in
      xxe) [ $rc -eq 1 ] && grep -q "xxe.tmx.*entity declarations are not allowed" "$W/out" ;;
      extdtd) [ $rc -eq 0 ] ;;
    esac && [ $opened = no ] && ! grep -q SENTINEL "$W/out" "$W/$probe.tsv" "$W/$probe.out.tmx" 2> /dev/null
    ok $? "$probe probe, tmx $cmd: status $rc, the sentinel not opened ($opened) nor shown: $(head -n 1 "$W/out")"
  done
done
gzip -c "$W/a.tmx" > "$W/full.tmx.gz"
head -c $(($(wc -c < "$W/full.tmx.gz") / 2)) "$W/full.tmx.gz" > "$W/cut.tmx.gz"
"$P" tmx validate "$W/cut.tmx.gz" > "$W/out" 2>&1
[ $? -eq 1 ] && grep -q "cut.tmx.gz:[0-9]*:[0-9]*: truncated" "$W/out"
ok $? "validate fails a truncated .tmx.gz with FILE:LINE:COL: $(head -n 1 "$W/out")"
"$P" tmx merge -o "$W/cut.out.tmx" "$W/a.tmx" "$W/cut.tmx.gz" > "$W/out" 2>&1
[ $? -eq 1 ] && [ ! -e "$W/cut.out.tmx" ] && [ "$(wc -l < "$W/out")" = 1 ]
ok $? "merge with a truncated input: status 1, one line, no output: $(cat "$W/out")"
"$P" tmx stats --max-input-bytes 1K "$W/a.tmx" > "$W/out" 2>&1
[ $? -eq 1 ] && grep -q "more than 1024 bytes" "$W/out"
ok $? "--max-input-bytes stops a file larger once decompressed: $(cat "$W/out")"

# A memory as the input of align and segment: each unit a paragraph
S=${top_srcdir:-.}/corpora/sample
"$PY" - "$S/cd-note.zh.txt" "$S/cd-note.en.txt" "$W/para.tmx" <<'PY'
import sys
from xml.sax.saxutils import escape
zh, en = (open(p, encoding="utf-8-sig").read().strip().split("\n\n") for p in sys.argv[1:3])
assert len(zh) == len(en)
with open(sys.argv[3], "w", encoding="utf-8") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="t" creationtoolversion="1" '
            'segtype="paragraph" o-tmf="t" adminlang="en-US" srclang="zh-CN" datatype="plaintext"/><body>\n')
    for z, e in zip(zh, en):
        f.write('<tu><tuv xml:lang="zh-CN"><seg>%s</seg></tuv><tuv xml:lang="EN-us"><seg>%s</seg></tuv></tu>\n'
                % (escape(z), escape(e)))
    f.write("</body></tmx>\n")
PY
"$P" align -q "$S/cd-note.zh.txt" "$S/cd-note.en.txt" -o "$W/direct.tsv"
"$P" align -q -s zh -t en "$W/para.tmx" -o "$W/re.tsv"
rc=$?
cut -f2,3 "$W/direct.tsv" > "$W/direct.txt"
cut -f2,3 "$W/re.tsv" | cmp -s - "$W/direct.txt" && [ $rc -eq 0 ] && [ -s "$W/direct.txt" ]
ok $? "align -s zh -t en PARAGRAPHS.tmx (a unit a paragraph) gives the units of the text files ($(wc -l < "$W/re.tsv"))"
gzip -c "$W/para.tmx" > "$W/para.tmx.gz"
"$P" align -q -s zh -t en "$W/para.tmx.gz" "$W/para.tmx" -o "$W/re2.tsv"
cut -f2,3 "$W/re2.tsv" | cmp -s - "$W/direct.txt"
ok $? "align with a memory per side (one gzip-compressed) gives the same units"
"$P" align -q -s zh -t en "$W/a.tmx" -o "$W/re3.tsv"
[ "$(wc -l < "$W/re3.tsv")" = "$n" ]
ok $? "align -s zh -t en on polyalign's sentence memory keeps its $n units ($(wc -l < "$W/re3.tsv"))"
"$P" segment --lang en "$S/cd-note.en.txt" > "$W/seg.direct"
"$P" segment --lang en "$W/para.tmx" > "$W/seg.tmx"
cmp -s "$W/seg.direct" "$W/seg.tmx"
ok $? "segment --lang en MEMORY.tmx: the sentences of the English text"
"$P" align -q -s zh -t fr "$W/para.tmx" -o "$W/fr.tsv" 2> "$W/err"
[ $? -eq 1 ] && grep -q "para.tmx: none of its 22 units has text in fr" "$W/err" && [ ! -e "$W/fr.tsv" ]
ok $? "a language the memory lacks is one line, status 1: $(cat "$W/err")"
"$P" align -q "$W/para.tmx" -o "$W/x.tsv" 2> "$W/err"
[ $? -eq 2 ]
ok $? "one memory without -s and -t is a usage error: $(cat "$W/err")"
# SOURCE_DATE_EPOCH dates the memories (the reproducible-builds convention):
# the same inputs then make the same bytes, whenever they are run
for f in r1.tmx r2.tmx.gz; do
  SOURCE_DATE_EPOCH=1700000000 "$P" align -q "$S/cd-note.zh.txt" "$S/cd-note.en.txt" -o "$W/$f" || echo failed
  sleep 1
done
SOURCE_DATE_EPOCH=1700000000 "$P" align -q "$S/cd-note.zh.txt" "$S/cd-note.en.txt" -o "$W/r3.tmx"
SOURCE_DATE_EPOCH=1700000000 "$P" align -q "$S/cd-note.zh.txt" "$S/cd-note.en.txt" -o "$W/r4.tmx.gz"
dates=$(grep -o 'creationdate="[^"]*"' "$W/r1.tmx" | sort | uniq -c | awk '{ print $1, $2 }')
cmp -s "$W/r1.tmx" "$W/r3.tmx" && cmp -s "$W/r2.tmx.gz" "$W/r4.tmx.gz" &&
  [ "$dates" = "$(($(tools count "$W/r1.tmx") + 1)) creationdate=\"20231114T221320Z\"" ]
ok $? "SOURCE_DATE_EPOCH=1700000000: runs a second apart write the same .tmx and .tmx.gz, every date $dates"
SOURCE_DATE_EPOCH=1700000000 "$P" tmx merge -q -o "$W/m1.tmx" "$W/r1.tmx" "$W/a.tmx"
sleep 1
SOURCE_DATE_EPOCH=1700000000 "$P" tmx merge -q -o "$W/m2.tmx" "$W/r1.tmx" "$W/a.tmx"
cmp -s "$W/m1.tmx" "$W/m2.tmx" && grep -q '<header [^>]*creationdate="20231114T221320Z"' "$W/m1.tmx"
ok $? "SOURCE_DATE_EPOCH dates tmx merge's memory too, the same bytes a second apart"
for v in abc -5 1e9 "1700000000 " 99999999999999999999; do
  SOURCE_DATE_EPOCH=$v "$P" align -q "$S/cd-note.zh.txt" "$S/cd-note.en.txt" -o "$W/bad.tmx" 2> "$W/err"
  rc=$?
  [ $rc -eq 2 ] && [ "$(wc -l < "$W/err")" = 1 ] && grep -q "SOURCE_DATE_EPOCH: '$v' is not a number of seconds" "$W/err" &&
    [ ! -e "$W/bad.tmx" ] && [ -z "$(ls "$W" | grep -v '^[a-z0-9.]*$')" ]
  ok $? "SOURCE_DATE_EPOCH='$v' is refused before any work, status $rc, no output: $(cat "$W/err")"
done
SOURCE_DATE_EPOCH=abc "$P" segment --lang en "$S/cd-note.en.txt" > "$W/seg.sde" && cmp -s "$W/seg.sde" "$W/seg.direct"
ok $? "segment, which writes no memory, does not read SOURCE_DATE_EPOCH"
done_testing
