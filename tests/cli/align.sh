#!/bin/sh
# End-to-end runs of `polyalign align` (and --help, --version, segment, eval)
# on the bundled sample and on inputs made here. Asserts properties that hold
# whatever the aligner decides: outputs exist and are well-formed, TMX
# validates against the TMX 1.4b DTD and OmegaT's XSD, the TMX read back (by
# the project's reader and by translate-toolkit) holds exactly the sentences
# of `polyalign segment` joined per bead of `--format beads`, the beads cover
# every sentence once and in order, and the same text given as a file, on
# standard input, gzip-compressed or in UTF-16 gives the same result.
. "$top_srcdir/tests/lib.sh"

P=$POLYALIGN
PY=${PYTHON3:-python3}
CHECK="$PY $top_srcdir/tests/cli/tmxcheck.py"
TMXDUMP=$top_builddir/tests/tmx/tmxdump
VALIDATE=$top_srcdir/tests/tmx/validate-tmx.sh
SAMPLE=$top_srcdir/corpora/sample
W=$scratch/w
mkdir -p "$W"

[ -x "$P" ] || skip_all "no polyalign binary at $P"
[ -x "$TMXDUMP" ] || skip_all "no $TMXDUMP (make check builds it)"
[ -f "$SAMPLE/cd-note.zh.txt" ] || skip_all "no sample corpus under $SAMPLE"
"$PY" -c 'import json, xml.etree.ElementTree' 2>/dev/null || skip_all "no python3 ($PY)"

# skip DESCRIPTION REASON: a skipped assertion.
skip() { tap_n=$((tap_n + 1)); echo "ok $tap_n - $1 # SKIP $2"; }

# Validation needs xmllint and the DTD and schema of ../shared/tmx.
no_validate=""
if ! have_shared || [ ! -f "$SHARED/tmx/tmx14.dtd" ] || [ ! -f "$SHARED/tmx/tmx14.xsd" ]; then
  no_validate="TMX DTD and XSD not found under $SHARED/tmx"
elif ! command -v "${XMLLINT:-xmllint}" >/dev/null 2>&1; then
  no_validate="xmllint not found"
fi
[ -z "$no_validate" ] || diag "TMX validation skipped: $no_validate"

# valid DESCRIPTION FILE...: the files validate against the DTD and the XSD.
valid() {
  vdesc=$1; shift
  if [ -n "$no_validate" ]; then skip "$vdesc" "$no_validate"; return; fi
  if SHARED=$SHARED XMLLINT=${XMLLINT:-xmllint} sh "$VALIDATE" "$@" >"$scratch/validate.log" 2>&1; then
    ok 0 "$vdesc"
  else
    while IFS= read -r l; do diag "$l"; done < "$scratch/validate.log"
    ok 1 "$vdesc"
  fi
}

# same DESCRIPTION FILE1 FILE2: the files are identical (diff shown if not).
same() {
  if cmp -s "$2" "$3"; then ok 0 "$1"; else
    diff "$2" "$3" 2>&1 | head -n 6 | cut -c 1-200 | while IFS= read -r l; do diag "$l"; done
    ok 1 "$1"
  fi
}

# pycheck DESCRIPTION ARGS...: tmxcheck.py ARGS succeeds (its "#" lines shown).
pycheck() {
  pdesc=$1; shift
  $CHECK "$@" >"$scratch/py.out" 2>&1
  prc=$?
  grep '^#' "$scratch/py.out" | head -n 10
  grep -v '^#' "$scratch/py.out" | head -n 3 | sed 's/^/# /' | grep -v '^# [0-9]*$'
  ok $prc "$pdesc"
}

# Translate-toolkit, a TMX consumer of translation tools, where installed.
TTK_PY=""
for c in "$PY" python3 /usr/bin/python3; do
  if command -v "$c" >/dev/null 2>&1 && "$c" -c 'import translate.storage.tmx' 2>/dev/null; then
    TTK_PY=$c; break
  fi
done
[ -n "$TTK_PY" ] || diag "translate-toolkit not importable (Debian: apt-get install python3-translate): its checks are skipped"

# ttk DESCRIPTION TMX EXP_SRC EXP_TGT SRC_TAG TGT_TAG
ttk() {
  tdesc=$1; shift
  if [ -z "$TTK_PY" ]; then skip "$tdesc" "translate-toolkit (python3-translate) not installed"; return; fi
  "$TTK_PY" "$top_srcdir/tests/cli/tmxcheck.py" ttk "$@" >"$scratch/ttk.out" 2>&1
  trc=$?
  head -n 10 "$scratch/ttk.out" | sed 's/^\([^#]\)/# \1/'
  ok $trc "$tdesc"
}

# roundtrip NAME SRC TGT SLANG TLANG STAG TTAG [ALIGN-OPTIONS...]
# Writes $W/NAME.{src,tgt}.jsonl (segment), $W/NAME.align (beads), $W/NAME.tmx
# and $W/NAME.exp.{src,tgt} (what the TMX must hold), then asserts that the
# runs succeed, the TMX is valid and well-formed, the beads cover both sides,
# and tmxdump reads back exactly the expected texts.
roundtrip() {
  n=$1 src=$2 tgt=$3 sl=$4 tl=$5 st=$6 tt=$7; shift 7
  "$P" segment --lang "$sl" --jsonl -o "$W/$n.src.jsonl" "$src" &&
    "$P" segment --lang "$tl" --jsonl -o "$W/$n.tgt.jsonl" "$tgt"
  ok $? "$n: segment --jsonl both sides"
  "$P" align --src-lang "$sl" --tgt-lang "$tl" "$@" --format beads -o "$W/$n.align" "$src" "$tgt" 2>"$W/$n.err1" &&
    "$P" align --src-lang "$sl" --tgt-lang "$tl" "$@" -o "$W/$n.tmx" "$src" "$tgt" 2>"$W/$n.err2"
  rc=$?
  [ $rc -eq 0 ] || diag "$(cat "$W/$n.err1" "$W/$n.err2")"
  ok $rc "$n: align to beads and to TMX exits 0"
  valid "$n: TMX validates against the TMX 1.4b DTD and XSD" "$W/$n.tmx"
  pycheck "$n: TMX header and units well-formed (tuid, creationdate, x-document, x-score in [0,1], $st/$tt)" \
    structure "$W/$n.tmx" --srclang "$st" --langs "$st,$tt" --doc "$(basename "$src")"
  pycheck "$n: beads cover every sentence of both sides once, in order" \
    coverage "$W/$n.align" "$(wc -l < "$W/$n.src.jsonl")" "$(wc -l < "$W/$n.tgt.jsonl")"
  $CHECK expected --src "$W/$n.src.jsonl" --tgt "$W/$n.tgt.jsonl" --src-lang "$sl" --tgt-lang "$tl" \
    --beads "$W/$n.align" "$W/$n.exp.src" "$W/$n.exp.tgt" | head -n 5
  "$TMXDUMP" -l "$st" "$W/$n.tmx" > "$W/$n.got.src" 2>&1
  "$TMXDUMP" -l "$tt" "$W/$n.tmx" > "$W/$n.got.tgt" 2>&1
  same "$n: TMX read back = source sentences joined per bead" "$W/$n.exp.src" "$W/$n.got.src"
  same "$n: TMX read back = target sentences joined per bead" "$W/$n.exp.tgt" "$W/$n.got.tgt"
}

# --- help and version --------------------------------------------------------
"$P" --help > "$W/help" 2>&1
ok $? "polyalign --help exits 0"
for c in align segment eval; do
  grep -q "^  $c " "$W/help"; ok $? "polyalign --help lists the $c command"
done
"$P" align --help > "$W/help.align" 2>&1
ok $? "polyalign align --help exits 0"
for o in --src-lang --tgt-lang --output --format --presplit --lang-tag --min-score --encoding; do
  grep -q -- "$o" "$W/help.align"; ok $? "align --help documents $o"
done
"$P" segment --help >/dev/null 2>&1; ok $? "polyalign segment --help exits 0"
"$P" eval --help >/dev/null 2>&1; ok $? "polyalign eval --help exits 0"
version=$(sed -n 's/^#define PACKAGE_VERSION "\(.*\)"$/\1/p' "$top_builddir/config.h")
got=$("$P" --version 2>&1); rc=$?
ok $rc "polyalign --version exits 0"
[ -n "$version" ] && [ "$got" = "polyalign $version" ]
ok $? "polyalign --version prints 'polyalign $version' (PACKAGE_VERSION of config.h), got '$got'"

# --- the sample, every output format ----------------------------------------
ZH=$SAMPLE/cd-note.zh.txt EN=$SAMPLE/cd-note.en.txt
roundtrip sample "$ZH" "$EN" zh en zh-CN en-US
ttk "sample: translate-toolkit reads the TMX: same units and texts" \
  "$W/sample.tmx" "$W/sample.exp.src" "$W/sample.exp.tgt" zh-CN en-US
diag "sample: $(wc -l < "$W/sample.align") beads, $(grep -c '^\[[0-9]*,' "$W/sample.align") with several zh sentences, $(grep -c ':\[[0-9]*,' "$W/sample.align") with several en sentences"

# Languages from the file names alone, TMX by the output name.
mkdir -p "$W/o"
"$P" align -o "$W/o/names.tmx" "$ZH" "$EN" 2>"$W/err"
ok $? "-o X.tmx with languages from the file names exits 0"
test -s "$W/o/names.tmx" && [ ! -s "$W/err" ]
ok $? "-o X.tmx: file written, nothing on stderr"
pycheck "languages from file names: srclang zh-CN, tuv zh-CN and en-US" \
  structure "$W/o/names.tmx" --srclang zh-CN --langs zh-CN,en-US --doc cd-note.zh.txt
"$TMXDUMP" -l zh-CN "$W/o/names.tmx" > "$W/names.src"
same "languages from file names: same TMX text as with --src-lang/--tgt-lang" "$W/sample.got.src" "$W/names.src"

# -o X.tmx.gz: real gzip holding the same TMX.
"$P" align -o "$W/o/names.tmx.gz" "$ZH" "$EN"
ok $? "-o X.tmx.gz exits 0"
magic=$(od -An -tx1 -N2 "$W/o/names.tmx.gz" | tr -d ' \n')
[ "$magic" = 1f8b ] && gzip -t "$W/o/names.tmx.gz" 2>/dev/null
ok $? "-o X.tmx.gz is gzip (magic 1f8b, gzip -t passes)"
valid "X.tmx.gz validates once decompressed" "$W/o/names.tmx.gz"
gzip -dc "$W/o/names.tmx.gz" | sed 's/creationdate="[0-9TZ]*"//g' > "$W/gz.plain"
sed 's/creationdate="[0-9TZ]*"//g' "$W/o/names.tmx" > "$W/tmx.plain"
same "X.tmx.gz decompresses to the X.tmx of the same run (dates aside)" "$W/tmx.plain" "$W/gz.plain"
"$TMXDUMP" -l en-US "$W/o/names.tmx.gz" > "$W/gz.tgt"
same "the TMX reader reads X.tmx.gz: same texts" "$W/sample.got.tgt" "$W/gz.tgt"
ttk "translate-toolkit reads the X.tmx.gz content: same units and texts" \
  "$W/o/names.tmx.gz" "$W/sample.exp.src" "$W/sample.exp.tgt" zh-CN en-US
test "$(ls -A "$W/o" | tr '\n' ' ')" = "names.tmx names.tmx.gz "
ok $? "no temporary file left beside the outputs"

# --format tmx -o -: TMX on standard output, no file named "-".
(cd "$W/o" && "$P" align --format tmx -o - "$ZH" "$EN" > "$W/stdout.tmx")
ok $? "--format tmx -o - exits 0"
[ ! -e "$W/o/-" ]; ok $? "-o - creates no file named '-'"
valid "--format tmx -o -: standard output validates" "$W/stdout.tmx"
"$TMXDUMP" -l zh-CN "$W/stdout.tmx" > "$W/stdout.src"
same "--format tmx -o -: same texts as -o X.tmx" "$W/sample.got.src" "$W/stdout.src"
"$P" align --format tmx.gz -o - "$ZH" "$EN" | gzip -dc > "$W/stdout-gz.tmx" 2>/dev/null
"$TMXDUMP" -l en-US "$W/stdout-gz.tmx" > "$W/stdout-gz.tgt" 2>&1
same "--format tmx.gz -o -: gzip on standard output, same texts" "$W/sample.got.tgt" "$W/stdout-gz.tgt"

# Beads: -o X.align, --format beads -o -, and determinism.
"$P" align --format beads "$ZH" "$EN" > "$W/stdout.align"
ok $? "--format beads to standard output exits 0"
same "--format beads: same beads on standard output as in -o FILE (runs are deterministic)" \
  "$W/sample.align" "$W/stdout.align"
"$P" align -o "$W/o/x.beads" "$ZH" "$EN"
same "-o X.beads writes beads" "$W/sample.align" "$W/o/x.beads"
grep -Evq '^\[[0-9,]*\]:\[[0-9,]*\]$' "$W/sample.align"
ok $(( $? == 0 )) "every line of the beads output is a bead like [0,1]:[2]"

# Beads round-trip through eval: a bead file scores 1 against itself.
"$P" eval --json --gold "$W/sample.align" --test "$W/sample.align" > "$W/self.json"
ok $? "eval of the beads against themselves exits 0"
"$PY" - "$W/self.json" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))
bad = {k: v for k, v in r.items() if abs(v - 1.0) > 1e-9}
if bad or len(r) != 6:
    print("# not 1:", bad or r)
    sys.exit(1)
EOF
ok $? "eval: beads against themselves give precision, recall and F1 = 1, strict and lax"

# TSV: score, source, target; the same units and scores as the TMX.
"$P" align -o "$W/o/x.tsv" "$ZH" "$EN"
ok $? "-o X.tsv exits 0"
awk -F'\t' 'NF != 3 || $1 !~ /^(0(\.[0-9]+)?|1(\.0+)?)$/ { print "# line " NR ": " substr($0, 1, 80); bad = 1 }
  END { exit bad }' "$W/o/x.tsv"
ok $? "TSV: three fields a line, the first a score in [0,1]"
$CHECK expected --tsv --src "$W/sample.src.jsonl" --tgt "$W/sample.tgt.jsonl" --src-lang zh --tgt-lang en \
  --beads "$W/sample.align" "$W/tsv.exp"
cut -f 2- "$W/o/x.tsv" > "$W/tsv.got"
same "TSV: source and target are the sentences joined per bead" "$W/tsv.exp" "$W/tsv.got"
differ=0
for i in 1 2 3 4 5 6; do
  "$P" align -o "$W/y.tsv" "$ZH" "$EN"
  cmp -s "$W/o/x.tsv" "$W/y.tsv" || { differ=$i; diff "$W/o/x.tsv" "$W/y.tsv" | head -n 4 | cut -c 1-80 | sed 's/^/# /'; }
done
ok $differ "six more runs on the same input give byte-identical TSV, scores included"
$CHECK scores "$W/sample.tmx" > "$W/tmx.scores"
cut -f 1 "$W/o/x.tsv" > "$W/tsv.scores"
same "TSV scores = TMX x-score props, unit by unit" "$W/tmx.scores" "$W/tsv.scores"

# --lang-tag zh=zh-Hans
"$P" align --lang-tag zh=zh-Hans -o "$W/hans.tmx" "$ZH" "$EN"
ok $? "--lang-tag zh=zh-Hans exits 0"
pycheck "--lang-tag zh=zh-Hans: header srclang and every zh tuv are zh-Hans, en stays en-US" \
  structure "$W/hans.tmx" --srclang zh-Hans --langs zh-Hans,en-US --doc cd-note.zh.txt
grep -q 'xml:lang="zh-Hans"' "$W/hans.tmx" && ! grep -q 'zh-CN' "$W/hans.tmx"
ok $? "--lang-tag zh=zh-Hans: xml:lang=\"zh-Hans\" written, zh-CN nowhere"
valid "--lang-tag: TMX validates" "$W/hans.tmx"
"$P" align --lang-tag en=en-GB --lang-tag zh=zh-Hans -o "$W/gb.tmx" "$ZH" "$EN"
pycheck "two --lang-tag options: zh-Hans and en-GB" \
  structure "$W/gb.tmx" --srclang zh-Hans --langs zh-Hans,en-GB --doc cd-note.zh.txt

# --- hostile text -----------------------------------------------------------
# Markup characters, emoji, Arabic, control characters that XML 1.0 forbids
# (U+0001, form feed, U+000B, U+0085, U+FFFE, U+FFFF), and one sentence of
# 100,000 characters; English source, Arabic target.
"$PY" - "$W" <<'EOF'
import sys
w = sys.argv[1]
long_en = ("abcd " * 20000)[:99999] + "."
assert len(long_en) == 100000
en = ("Fish & chips < 5 > 3, \"double\" and 'single' quotes. "
      "Emoji \U0001F600\U0001F30D and a flag \U0001F1FA\U0001F1F3 here!\n\n"
      "Control\x01characters\x0cfrom\x0bWord\u0085documents\ufffe\uffff are dropped. "
      "Tags like <seg> and &amp; stay text.\n\n"
      + long_en + "\n\nThe last paragraph ends here.\n")
ar = ("\u0633\u0645\u0643 & \u0628\u0637\u0627\u0637\u0627 < 5 > 3 \u060c \"\u0645\u0632\u062f\u0648\u062c\u0629\" "
      "\u0648'\u0645\u0641\u0631\u062f\u0629'. \u0631\u0645\u0648\u0632 \U0001F600\U0001F30D \u0648\u0639\u0644\u0645 "
      "\U0001F1FA\U0001F1F3 \u0647\u0646\u0627!\n\n"
      "\u0627\u0644\u0645\u062d\u0627\u0631\u0641\x01\u0627\u0644\u062a\u062d\u0643\u0645\x0c\u0645\u0646\x0b"
      "\u0648\u0648\u0631\u062f \u062a\u062d\u0630\u0641. \u0627\u0644\u0648\u0633\u0648\u0645 \u0645\u062b\u0644 "
      "<seg> \u0648 &amp; \u062a\u0628\u0642\u0649 \u0646\u0635\u0627.\n\n"
      + ("\u0643\u0644\u0645\u0629 " * 20000)[:99999] + ".\n\n"
      "\u0627\u0644\u0641\u0642\u0631\u0629 \u0627\u0644\u0623\u062e\u064a\u0631\u0629 \u062a\u0646\u062a\u0647\u064a "
      "\u0647\u0646\u0627.\n")
open(w + "/hostile.en.txt", "w", encoding="utf-8", newline="\n").write(en)
open(w + "/hostile.ar.txt", "w", encoding="utf-8", newline="\n").write(ar)
# Chinese source of 100,000 characters in one sentence, English target.
zh = "\u7b2c\u4e00\u53e5\u3002\u7b2c\u4e8c\u53e5\uff01\n\n" + "\u957f" * 99999 + "\u3002\n\n\u6700\u540e\u4e00\u6bb5\u3002\n"
en2 = "First sentence. Second one!\n\n" + long_en + "\n\nThe last paragraph.\n"
open(w + "/long.zh.txt", "w", encoding="utf-8", newline="\n").write(zh)
open(w + "/long.en.txt", "w", encoding="utf-8", newline="\n").write(en2)
EOF
roundtrip hostile "$W/hostile.en.txt" "$W/hostile.ar.txt" en ar en-US ar-SA
ttk "hostile: translate-toolkit reads the TMX: same units and texts" \
  "$W/hostile.tmx" "$W/hostile.exp.src" "$W/hostile.exp.tgt" en-US ar-SA
for s in '&' '<' '>' '"' "'" '😀' '🇺🇳' '<seg>' '&amp;'; do
  grep -qF -- "$s" "$W/hostile.got.src"; ok $? "hostile: $s read back from the TMX"
done
grep -q 'سمك' "$W/hostile.got.tgt"; ok $? "hostile: Arabic read back from the TMX"
LC_ALL=C awk 'length($0) >= 100000 { f = 1 } END { exit !f }' "$W/hostile.got.src"
ok $? "hostile: a segment of 100,000 characters read back from the TMX"
# No forbidden control character, raw or as a character reference.
LC_ALL=C tr -d '\001-\010\013\014\016-\037\177' < "$W/hostile.tmx" | cmp -s - "$W/hostile.tmx"
ok $? "hostile: no C0 control character (other than tab, LF, CR) in the TMX bytes"
grep -Eiq '&#(x0*([0-8bcef]|1[0-9a-f]|7f|8[0-9a-f]|9[0-9a-f]|fffe|ffff)|0*([0-8]|1[124-9]|2[0-9]|3[01]|127|1[2-5][0-9]|65534|65535));' "$W/hostile.tmx"
ok $(( $? == 0 )) "hostile: no character reference to a control character or U+FFFE/U+FFFF"
LC_ALL=C grep -q "$(printf '\302\205\|\357\277\276\|\357\277\277')" "$W/hostile.tmx"
ok $(( $? == 0 )) "hostile: U+0085, U+FFFE, U+FFFF not in the TMX"
grep -q 'Control' "$W/hostile.got.src" && grep -q 'documents' "$W/hostile.got.src"
ok $? "hostile: the text around the control characters is kept"

roundtrip long "$W/long.zh.txt" "$W/long.en.txt" zh en zh-CN en-US
LC_ALL=C awk 'length($0) >= 300000 { f = 1 } END { exit !f }' "$W/long.got.src"
ok $? "long: a Chinese segment of 100,000 characters (300,000 bytes) read back from the TMX"
ttk "long: translate-toolkit reads the TMX: same units and texts" \
  "$W/long.tmx" "$W/long.exp.src" "$W/long.exp.tgt" zh-CN en-US

# Several sentences in one bead: three Chinese sentences against one
# English sentence (joined without a space), and the other way round.
printf '前言。\n\n本委员会审议了秘书长关于维持和平行动的报告。委员会注意到报告中提出的各项建议。委员会请各会员国在下届会议之前提交意见。\n\n结束。\n' > "$W/join.zh.txt"
printf 'Preface.\n\nThe Committee considered the report of the Secretary-General on peacekeeping operations, noted the recommendations made in the report and invited Member States to submit their views before the next session.\n\nEnd.\n' > "$W/join.en.txt"
roundtrip join "$W/join.zh.txt" "$W/join.en.txt" zh en zh-CN en-US
roundtrip join2 "$W/join.en.txt" "$W/join.zh.txt" en zh en-US zh-CN
diag "join: beads $(tr '\n' ' ' < "$W/join.align"); join2: $(tr '\n' ' ' < "$W/join2.align")"

# --- --presplit --------------------------------------------------------------
# Blank lines (several, or holding only spaces) end paragraphs and make no
# sentence; lines are trimmed.
printf 'First line.\n  Second line, indented.  \n\n\n   \nThird line.\nFourth line.\n\nFifth line.\n' > "$W/pre.en.txt"
printf 'Première ligne.\nDeuxième ligne.\n\n\t\nTroisième ligne.\nQuatrième ligne.\n\nCinquième ligne.\n\n' > "$W/pre.fr.txt"
"$P" align --presplit --format beads -o "$W/pre.align" "$W/pre.en.txt" "$W/pre.fr.txt"
ok $? "--presplit exits 0"
pycheck "--presplit: beads cover the 5 + 5 non-blank lines, once, in order" coverage "$W/pre.align" 5 5
"$P" align --presplit -o "$W/pre.tmx" "$W/pre.en.txt" "$W/pre.fr.txt"
valid "--presplit: TMX validates" "$W/pre.tmx"
$CHECK expected --lines --src "$W/pre.en.txt" --tgt "$W/pre.fr.txt" --src-lang en --tgt-lang fr \
  --beads "$W/pre.align" "$W/pre.exp.src" "$W/pre.exp.tgt"
"$TMXDUMP" -l en-US "$W/pre.tmx" > "$W/pre.got.src"
"$TMXDUMP" -l fr-FR "$W/pre.tmx" > "$W/pre.got.tgt"
same "--presplit: TMX source texts = trimmed lines joined per bead" "$W/pre.exp.src" "$W/pre.got.src"
same "--presplit: TMX target texts = trimmed lines joined per bead" "$W/pre.exp.tgt" "$W/pre.got.tgt"

# Paragraphs keep beads inside them: with blank lines, no bead holds two
# sentences of different paragraphs of one side. The same lines without the
# blank lines must give a bead that does (else the input proves nothing and
# the assertion is skipped).
"$PY" - "$W" <<'EOF'
import random, sys
w = sys.argv[1]
rnd = random.Random(7)
sent = lambda n, c: (c * n)[:n - 1] + "."
src, tgt = [], []
for _ in range(6):
    n = rnd.randint(30, 90); src.append([sent(n, "x")]); tgt.append([sent(n, "y")])
src.append([sent(12, "a")]); tgt.append([sent(24, "b")])
src.append([sent(12, "c"), sent(200, "d")]); tgt.append([sent(200, "e")])
for _ in range(6):
    n = rnd.randint(30, 90); src.append([sent(n, "x")]); tgt.append([sent(n, "y")])
for name, paras in (("para.en", src), ("para.fr", tgt)):
    open(f"{w}/{name}.txt", "w").write("\n\n".join("\n".join(p) for p in paras) + "\n")
    open(f"{w}/flat{name[4:]}.txt", "w").write("\n".join("\n".join(p) for p in paras) + "\n")
    open(f"{w}/{name}.paras", "w").write(" ".join(str(len(p)) for p in paras) + "\n")
EOF
straddles() { # BEADS SRC-PARAS TGT-PARAS: prints the beads crossing a paragraph
  awk -v sp="$(cat "$2")" -v tp="$(cat "$3")" '
    function paras(spec, arr,   n, k, i, j, c) { n = split(spec, c, " "); j = 0
      for (k = 1; k <= n; k++) for (i = 0; i < c[k]; i++) arr[j++] = k }
    BEGIN { paras(sp, ps); paras(tp, pt) }
    { line = $0; gsub(/[][]/, "", line); split(line, side, ":")
      ns = split(side[1], s, ","); nt = split(side[2], t, ",")
      if ((ns > 1 && ps[s[1]] != ps[s[ns]]) || (nt > 1 && pt[t[1]] != pt[t[nt]])) print }' "$1"
}
"$P" align --presplit --format beads -o "$W/para.align" "$W/para.en.txt" "$W/para.fr.txt"
"$P" align --presplit --format beads -o "$W/flat.align" "$W/flat.en.txt" "$W/flat.fr.txt"
crossing=$(straddles "$W/flat.align" "$W/para.en.paras" "$W/para.fr.paras")
if [ -z "$crossing" ]; then
  skip "--presplit: blank lines keep beads inside paragraphs" "without blank lines no bead crosses a paragraph either"
else
  bad=$(straddles "$W/para.align" "$W/para.en.paras" "$W/para.fr.paras")
  [ -z "$bad" ] || diag "beads across a paragraph: $bad"
  [ -z "$bad" ]; ok $? "--presplit: blank lines keep beads inside paragraphs (without them: $crossing)"
fi

# Segmented input: blank lines (several, or spaces only) are paragraph ends.
printf 'One. Two.\n\n\n  \t\nThree.\n\nFour. Five.\n' > "$W/seg.en.txt"
"$P" segment --lang en "$W/seg.en.txt" > "$W/seg.out"
printf 'One.\nTwo.\n\nThree.\n\nFour.\nFive.\n' > "$W/seg.want"
same "segment: a blank line between paragraphs, one sentence a line" "$W/seg.want" "$W/seg.out"

# --- other ways in: standard input, gzip, UTF-16, BOM --------------------------
"$P" align --src-lang zh --format beads - "$EN" < "$ZH" > "$W/stdin-src.align"
ok $? "source on standard input ('-' with --src-lang) exits 0"
same "source on standard input: same beads as from the file" "$W/sample.align" "$W/stdin-src.align"
"$P" align --tgt-lang en --format beads "$ZH" - < "$EN" > "$W/stdin-tgt.align"
same "target on standard input: same beads as from the file" "$W/sample.align" "$W/stdin-tgt.align"
"$P" align --src-lang zh --tgt-lang en -o "$W/stdin.tmx" - "$EN" < "$ZH"
"$TMXDUMP" -l zh-CN "$W/stdin.tmx" > "$W/stdin.src"
same "source on standard input: same TMX texts" "$W/sample.got.src" "$W/stdin.src"
pycheck "source on standard input: x-document names it '-'" \
  structure "$W/stdin.tmx" --srclang zh-CN --langs zh-CN,en-US --doc -
"$P" align --src-lang zh --tgt-lang en --format beads - - < "$ZH" > /dev/null 2>"$W/err"
rc=$?
[ $rc -ne 0 ] && [ "$(wc -l < "$W/err")" -eq 1 ]
ok $? "both inputs '-': refused with one line on stderr (exit $rc: $(cat "$W/err"))"

gzip -c "$ZH" > "$W/gz.zh.txt.gz"
gzip -c "$EN" > "$W/gz.en.txt"   # gzip found by its magic bytes, not by the name
"$P" align --format beads "$W/gz.zh.txt.gz" "$W/gz.en.txt" > "$W/gz.align"
ok $? "gzip-compressed inputs exit 0"
same "gzip-compressed inputs (.gz and unnamed): same beads" "$W/sample.align" "$W/gz.align"
"$P" align -o "$W/gz.tmx" "$W/gz.zh.txt.gz" "$W/gz.en.txt"
"$TMXDUMP" -l en-US "$W/gz.tmx" > "$W/gz.got.tgt"
same "gzip-compressed inputs: same TMX texts" "$W/sample.got.tgt" "$W/gz.got.tgt"
gzip -c "$ZH" | "$P" align --src-lang zh --format beads - "$EN" > "$W/gz-stdin.align"
same "gzip on standard input: same beads" "$W/sample.align" "$W/gz-stdin.align"

"$PY" - "$ZH" "$EN" "$W" <<'EOF'
import sys
zh, en, w = sys.argv[1:]
z = open(zh, encoding="utf-8").read(); e = open(en, encoding="utf-8").read()
open(w + "/u16le.zh.txt", "wb").write(b"\xff\xfe" + z.encode("utf-16-le"))
open(w + "/u16be.en.txt", "wb").write(b"\xfe\xff" + e.encode("utf-16-be"))
open(w + "/u8bom.zh.txt", "wb").write(b"\xef\xbb\xbf" + z.encode("utf-8"))
EOF
gzip -c "$W/u16le.zh.txt" > "$W/u16le.zh.txt.gz"
"$P" align --format beads "$W/u16le.zh.txt" "$W/u16be.en.txt" > "$W/u16.align"
ok $? "UTF-16 inputs with BOM (LE and BE) exit 0"
same "UTF-16 inputs: same beads as UTF-8" "$W/sample.align" "$W/u16.align"
"$P" align -o "$W/u16.tmx" "$W/u16le.zh.txt" "$W/u16be.en.txt"
"$TMXDUMP" -l zh-CN "$W/u16.tmx" > "$W/u16.got.src"
"$TMXDUMP" -l en-US "$W/u16.tmx" > "$W/u16.got.tgt"
same "UTF-16 inputs: same TMX source texts" "$W/sample.got.src" "$W/u16.got.src"
same "UTF-16 inputs: same TMX target texts" "$W/sample.got.tgt" "$W/u16.got.tgt"
"$P" align --format beads "$W/u16le.zh.txt.gz" "$EN" > "$W/u16gz.align"
same "gzip-compressed UTF-16: same beads" "$W/sample.align" "$W/u16gz.align"
"$P" align -o "$W/bom.tmx" "$W/u8bom.zh.txt" "$EN"
"$TMXDUMP" -l zh-CN "$W/bom.tmx" > "$W/bom.got.src"
same "UTF-8 with BOM: same TMX texts (no BOM in the first segment)" "$W/sample.got.src" "$W/bom.got.src"
"$P" align --encoding UTF-16 --format beads "$W/u16le.zh.txt" "$W/u16be.en.txt" > "$W/enc.align"
same "--encoding UTF-16: same beads" "$W/sample.align" "$W/enc.align"

# --- --min-score ----------------------------------------------------------------
"$P" align --min-score 0.99 -o "$W/ms.tsv" "$ZH" "$EN" 2>"$W/ms.err"
ok $? "--min-score 0.99 exits 0"
total=$(wc -l < "$W/o/x.tsv")
below=$(awk -F'\t' '$1 < 0.99' "$W/o/x.tsv" | wc -l)
kept=$(wc -l < "$W/ms.tsv")
if [ "$below" -eq 0 ]; then
  skip "--min-score 0.99 drops beads and reports how many" "no bead of the sample scores below 0.99"
else
  [ "$kept" -eq $((total - below)) ]
  ok $? "--min-score 0.99: $kept of $total units kept, the $below scoring below 0.99 left out"
  n=$(sed -n 's/^polyalign: \([0-9][0-9]*\) units\{0,1\} .*below --min-score.*/\1/p' "$W/ms.err")
  [ "$(wc -l < "$W/ms.err")" -eq 1 ] && [ "$n" = "$below" ]
  ok $? "--min-score 0.99: one line on stderr tells that $below were left out ($(cat "$W/ms.err"))"
fi
awk -F'\t' '$1 < 0.99 { bad = 1 } END { exit bad }' "$W/ms.tsv"
ok $? "--min-score 0.99: every TSV unit left scores at least 0.99"
"$P" align --min-score 0.99 -o "$W/ms.tmx" "$ZH" "$EN" 2>/dev/null
units=$("$TMXDUMP" -c "$W/ms.tmx")
[ "$units" = "$kept" ]; ok $? "--min-score 0.99: TMX has the same $kept units as the TSV"
valid "--min-score: TMX validates" "$W/ms.tmx"
"$P" align --min-score 0.99 --format beads "$ZH" "$EN" > "$W/ms.align" 2>/dev/null
same "--min-score leaves the beads output whole" "$W/sample.align" "$W/ms.align"
"$P" align --min-score 0 -o "$W/ms0.tsv" "$ZH" "$EN" 2>"$W/ms0.err"
[ ! -s "$W/ms0.err" ] && [ "$(wc -l < "$W/ms0.tsv")" -eq "$total" ]
ok $? "--min-score 0 keeps every unit and reports nothing"

done_testing
