#!/bin/sh
# valgrind.sh - runs the command line's main paths under valgrind's memcheck
# (leaks, invalid reads and writes, uninitialised values): align to TMX,
# TMX.gz, beads and TSV; --presplit, standard input and gzip input; segment;
# eval; and error paths (bad input, unwritable output, usage error).
# Each run must end with its usual exit status and valgrind must report no
# error (--error-exitcode=9). Leaks count when definite, indirect or
# possible; valgrind.supp suppresses only ICU's own process-wide caches.
# Run by `make valgrind`, not by `make check`.
#   POLYALIGN=./polyalign top_srcdir=. sh tests/valgrind.sh
: "${POLYALIGN:=${top_builddir:-.}/polyalign}"
: "${top_srcdir:=.}"
: "${SHARED:=$top_srcdir/../shared}"
me=valgrind.sh

if ! command -v valgrind >/dev/null 2>&1; then
  echo "$me: valgrind not found (Debian: apt-get install valgrind)" >&2
  exit 1
fi
if [ ! -x "$POLYALIGN" ]; then
  echo "$me: no polyalign binary at $POLYALIGN (set POLYALIGN)" >&2
  exit 1
fi
# A libtool wrapper script (shared builds) is run through libtool.
RUN=""
if [ "$(head -c 2 "$POLYALIGN")" = "#!" ]; then
  RUN="${top_builddir:-.}/libtool --mode=execute"
fi
SAMPLE=$top_srcdir/corpora/sample
ZH=$SAMPLE/cd-note.zh.txt EN=$SAMPLE/cd-note.en.txt

tmp=$(mktemp -d "${TMPDIR:-/tmp}/valgrind.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
gzip -c "$ZH" > "$tmp/in.zh.txt.gz"
printf 'abc\n\344\270\255\377\376\n' > "$tmp/bad.zh.txt"
printf 'First line.\nSecond line.\n\nThird line.\n' > "$tmp/pre.en.txt"
printf 'Première ligne.\nDeuxième ligne.\n\nTroisième ligne.\n' > "$tmp/pre.fr.txt"

pass=0 fail=0 n=0
# vg WANT-STATUS NAME ARGS...: polyalign ARGS under valgrind.
vg() {
  want=$1 name=$2; shift 2
  n=$((n + 1))
  log=$tmp/$n.log
  # shellcheck disable=SC2086
  $RUN valgrind -q --suppressions="$top_srcdir/tests/valgrind.supp" --num-callers=40 \
    --leak-check=full --errors-for-leak-kinds=definite,indirect,possible \
    --show-leak-kinds=definite,indirect,possible --track-origins=yes --error-exitcode=9 \
    --log-file="$log" "$POLYALIGN" "$@" >"$tmp/out" 2>"$tmp/err" <"${STDIN:-/dev/null}"
  rc=$?
  if [ "$rc" -eq "$want" ] && [ ! -s "$log" ]; then
    pass=$((pass + 1)); echo "ok $n - $name (exit $rc)"
  else
    fail=$((fail + 1)); echo "not ok $n - $name: exit $rc, expected $want"
    sed 's/^/#   /' "$tmp/err" | head -n 3
    sed 's/^/#   /' "$log" | head -n 80
  fi
}

vg 0 "align to TMX" align -o "$tmp/o.tmx" "$ZH" "$EN"
vg 0 "align to TMX.gz" align -o "$tmp/o.tmx.gz" "$ZH" "$EN"
vg 0 "align to beads" align -o "$tmp/o.align" "$ZH" "$EN"
vg 0 "align to TSV, --min-score 0.9, --verbose" align -v --min-score 0.9 -o "$tmp/o.tsv" "$ZH" "$EN"
vg 0 "align --lang-tag, TMX on standard output" align --lang-tag zh=zh-Hans --format tmx -o - "$ZH" "$EN"
vg 0 "align --presplit" align --presplit -o "$tmp/p.tmx" "$tmp/pre.en.txt" "$tmp/pre.fr.txt"
STDIN=$ZH vg 0 "align, source on standard input" align --src-lang zh -o "$tmp/s.tsv" - "$EN"
vg 0 "align, gzip input" align -o "$tmp/g.align" "$tmp/in.zh.txt.gz" "$EN"
if [ -d "$SHARED/eval/alignment/mac-dev/zh" ]; then
  M=$SHARED/eval/alignment/mac-dev
  vg 0 "align --presplit, MAC-dev chapter 001" align --presplit --src-lang zh --tgt-lang en \
    -o "$tmp/001.align" "$M/zh/001" "$M/en/001"
  vg 0 "eval, MAC-dev chapter 001" eval --gold "$M/gold/001.align" --test "$tmp/001.align"
fi
printf '猫 貓 [mao1] /cat/\n說 说 [shuo1] /to speak; to say/\n' > "$tmp/dict.u8"
vg 0 "align --dict (CC-CEDICT lines)" align --dict "$tmp/dict.u8" -o "$tmp/d.tmx" "$ZH" "$EN"
vg 0 "lexicon train from TMX" lexicon train -s zh -t en -o "$tmp/lex.tsv" "$tmp/o.tmx" "$tmp/d.tmx"
vg 0 "align --lexicon" align --lexicon "$tmp/lex.tsv" -o "$tmp/l.tmx" "$ZH" "$EN"
mkdir -p "$tmp/sets"; cp "$ZH" "$tmp/sets/a.zh.txt"; cp "$EN" "$tmp/sets/a.en.txt"
cp "$ZH" "$tmp/sets/b.zh.txt"; cp "$EN" "$tmp/sets/b.en.txt"; cp "$tmp/pre.fr.txt" "$tmp/sets/b.fr.txt"
printf 'x\377\n' > "$tmp/sets/c.zh.txt"; cp "$EN" "$tmp/sets/c.en.txt"
vg 5 "batch -j2, a broken set among good ones" batch -q -j2 --dir "$tmp/sets" -o "$tmp/batch"
vg 5 "batch --resume" batch -q --resume --dir "$tmp/sets" -o "$tmp/batch"
vg 0 "segment" segment --lang zh -o "$tmp/seg.txt" "$ZH"
vg 0 "segment --jsonl" segment --jsonl "$EN"
vg 0 "eval --json" eval --json --gold "$SAMPLE/cd-note.gold.align" --test "$tmp/o.align"
vg 0 "align, three languages, moses" align -f moses -o "$tmp/m" "$ZH" "$EN" "$tmp/pre.fr.txt"
vg 0 "align, one sentence a line detected" align -o "$tmp/auto.tsv" "$SAMPLE/cd-note.zh.sent" "$SAMPLE/cd-note.en.sent" -s zh -t en
vg 0 "help align" help align
printf 'PK\003\004\024\000\000\000\010\000word/document.xml' > "$tmp/w.en.docx"
vg 1 "error: a broken Word document" align -o "$tmp/e4.tmx" "$ZH" "$tmp/w.en.docx"
# The document readers: DOCX and ODT as LibreOffice writes them, HTML pages
# (one in GB2312, declared).
cp "$top_srcdir/tests/readers/office/lo-writer.docx" "$tmp/lo.en.docx"
cp "$top_srcdir/tests/readers/office/lo-writer.odt" "$tmp/lo.fr.odt"
vg 0 "align DOCX with ODT" align -o "$tmp/lo.tmx" "$tmp/lo.en.docx" "$tmp/lo.fr.odt"
printf '<html><head><meta charset="gb2312"></head><body><h1>\312\300\275\347</h1><p>\310\313\310\313\311\372\266\370\327\324\323\311\241\243</p></body></html>' > "$tmp/p.zh.html"
printf '<html><body><nav>Menu</nav><h1>World</h1><p>All are born free.<br>Equal.</p></body></html>' > "$tmp/p.en.html"
vg 0 "align HTML pages" align -o "$tmp/p.tsv" "$tmp/p.zh.html" "$tmp/p.en.html"
vg 2 "error: unknown language tag" align -s zz -o "$tmp/e5.tmx" "$ZH" "$EN"
vg 2 "error: unknown command with a suggestion" aling
vg 1 "error: invalid UTF-8 input" align -o "$tmp/e1.tmx" "$tmp/bad.zh.txt" "$EN"
vg 1 "error: missing input file" align -o "$tmp/e2.tmx" "$tmp/missing.zh.txt" "$EN"
vg 3 "error: output directory missing" align -o "$tmp/no/such/dir/out.tmx" "$ZH" "$EN"
vg 2 "error: unknown option" align --frobnicate "$ZH" "$EN"
vg 2 "error: bad --lang-tag" align --lang-tag zh -o "$tmp/e3.tmx" "$ZH" "$EN"

echo "1..$n"
echo "valgrind: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
