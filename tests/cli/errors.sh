#!/bin/sh
# Runs the bad-input cases of errors.cases: each must exit with the given
# status, print exactly one line on stderr containing the given text, and
# leave nothing in the output directory. Also checks that a failed run keeps
# an older output file intact.
. "$top_srcdir/tests/lib.sh"

IN=$scratch/in
mkdir -p "$IN"
printf '第一句。第二句！\n' > "$IN/doc.zh.txt"
printf 'First sentence. Second one!\n' > "$IN/doc.en.txt"
: > "$IN/empty.zh.txt"
printf ' \n\n\t\n' > "$IN/blank.en.txt"
printf 'abc\n\344\270\255\377\376\n' > "$IN/badutf8.zh.txt"
printf 'ab \300\257\n' > "$IN/overlong.en.txt"
printf 'h\000e\000l\000l\000o\000\n\000' > "$IN/utf16nobom.zh.txt"
printf 'plain text\n' > "$IN/nolang.txt"
head -c 2000 /dev/urandom | base64 | gzip -c | head -c 300 > "$IN/truncated.zh.txt.gz"
printf '\037\213\010\000\000\000\000\000\000\003garbage-not-deflate' > "$IN/corrupt.zh.txt.gz"
printf '[0]:[0]\n[1:[1]\n' > "$IN/bad.align"
# Other kinds of document, told by content whatever their name says.
printf 'PK\003\004\024\000\000\000\010\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\021\000\000\000word/document.xml' > "$IN/report.en.docx"
cp "$IN/report.en.docx" "$IN/renamed.en.txt"
printf 'Premi\303\250re phrase. Deuxi\303\250me !\n' > "$IN/fr.fr.txt"
printf '%%PDF-1.7\n%%\342\343\317\323\n1 0 obj\n<< /Type /Catalog >>\nendobj\n' > "$IN/report.fr.pdf"
# GB2312 bytes in a page that declares UTF-8
printf '<html><head><meta charset="utf-8"></head><body><p>Text \265\332.</p></body></html>\n' > "$IN/page.en.html"
printf '\320\317\021\340\241\261\032\341\000\000\000\000\000\000\000\000' > "$IN/old.en.doc"
printf '[0]:[0]\n[1]:[1]\n' > "$IN/good.align"

while IFS= read -r line; do
  case "$line" in ''|'#'*) continue ;; esac
  desc=$(printf '%s' "$line" | awk -F' [|] ' '{gsub(/ +$/, "", $1); print $1}')
  args=$(printf '%s' "$line" | awk -F' [|] ' '{print $2}')
  want_rc=$(printf '%s' "$line" | awk -F' [|] ' '{print $3}')
  want_msg=$(printf '%s' "$line" | awk -F' [|] ' '{print $4}')
  OUT=$scratch/out
  rm -rf "$OUT"; mkdir -p "$OUT"
  args=$(printf '%s' "$args" | sed "s|\$IN|$IN|g; s|\$OUT|$OUT|g")
  # shellcheck disable=SC2086
  "$POLYALIGN" $args >"$scratch/stdout" 2>"$scratch/stderr" </dev/null
  rc=$?
  nlines=$(wc -l < "$scratch/stderr")
  left=$(ls -A "$OUT")
  good=0
  [ "$rc" = "$want_rc" ] || { good=1; diag "$desc: exit $rc, expected $want_rc"; }
  [ "$nlines" -eq 1 ] || { good=1; diag "$desc: $nlines lines on stderr"; }
  grep -qF -- "$want_msg" "$scratch/stderr" || { good=1; diag "$desc: stderr lacks '$want_msg'"; }
  [ -z "$left" ] || { good=1; diag "$desc: left behind: $left"; }
  [ $good -eq 0 ] || diag "stderr: $(cat "$scratch/stderr")"
  ok $good "$desc"
done < "$top_srcdir/tests/cli/errors.cases"

# An output that names an input is refused before anything is read, and the
# input stays byte for byte as it was: the same path, a symbolic link to it,
# a path through "..", for every command that writes.
mkdir -p "$scratch/same/sub"
cp "$IN/doc.zh.txt" "$IN/doc.en.txt" "$scratch/same/"
ln -s doc.en.txt "$scratch/same/link.en.txt"
S=$scratch/same
cp "$S/doc.en.txt" "$scratch/en.orig"
for out in "$S/doc.en.txt" "$S/link.en.txt" "$S/sub/../doc.en.txt"; do
  "$POLYALIGN" align "$S/doc.zh.txt" "$S/doc.en.txt" -o "$out" > /dev/null 2> "$scratch/err"
  rc=$?
  [ $rc -eq 2 ] && [ "$(wc -l < "$scratch/err")" -eq 1 ] && grep -q "is the input file" "$scratch/err" &&
    cmp -s "$S/doc.en.txt" "$scratch/en.orig"
  ok $? "align -o $(basename "$out") (an input): status $rc, one line, the input unchanged"
done
cp "$S/doc.en.txt" "$S/corpus.en"
"$POLYALIGN" align -f moses -s zh -t en "$S/doc.zh.txt" "$S/corpus.en" -o "$S/corpus" > /dev/null 2> "$scratch/err"
[ $? -eq 2 ] && cmp -s "$S/corpus.en" "$scratch/en.orig" && [ ! -e "$S/corpus.zh" ]
ok $? "align -f moses -o PREFIX whose PREFIX.en is an input: refused, nothing written"
"$POLYALIGN" align --dict "$S/doc.zh.txt" "$S/doc.zh.txt" "$S/doc.en.txt" -o "$S/doc.zh.txt" -f tsv > /dev/null 2>&1
[ $? -eq 2 ]; ok $? "align -o naming the --dict file: refused"
"$POLYALIGN" segment "$S/doc.en.txt" -o "$S/sub/../doc.en.txt" > /dev/null 2> "$scratch/err"
[ $? -eq 2 ] && cmp -s "$S/doc.en.txt" "$scratch/en.orig"; ok $? "segment -o its input: refused, the input unchanged"
"$POLYALIGN" lexicon train -s zh -t en -o "$S/link.en.txt" "$S/doc.zh.txt" "$S/doc.en.txt" > /dev/null 2> "$scratch/err"
[ $? -eq 2 ] && cmp -s "$S/doc.en.txt" "$scratch/en.orig"; ok $? "lexicon train -o an input: refused, the input unchanged"
ls -A "$S" | grep -q tmp; [ $? -ne 0 ]; ok $? "no temporary file left beside the inputs"

# Temporary files that a killed run left (unlocked, on this host) are
# reused or removed by the next write of the same output, found by their
# fixed names (slots 0, 1, ...), not by listing the folder; a live
# writer's (locked), another host's, or another output's, never.
K=$scratch/stale
mkdir -p "$K"
tag=$(python3 -c 'import socket
h = 2166136261
for c in socket.gethostname().encode(): h = ((h ^ c) * 16777619) & 0xFFFFFFFF
print("%08x" % h)')
other=$( [ "$tag" = 00000001 ] && echo 00000002 || echo 00000001 )
echo "half a dead run's output" > "$K/.out.tsv.tmp-$tag-0"
: > "$K/.out.tsv.tmp-$tag-1"
: > "$K/.out.tsv.tmp-$tag-2"
: > "$K/.out.tsv.tmp-$other-0"
: > "$K/.else.tsv.tmp-$tag-0"
"$POLYALIGN" align -q "$IN/doc.zh.txt" "$IN/doc.en.txt" -o "$K/out.tsv"
[ ! -e "$K/.out.tsv.tmp-$tag-0" ] && [ ! -e "$K/.out.tsv.tmp-$tag-1" ] && [ ! -e "$K/.out.tsv.tmp-$tag-2" ]
ok $? "a dead run's temporary files are reused or removed"
"$POLYALIGN" align -q "$IN/doc.zh.txt" "$IN/doc.en.txt" -o "$K/again.tsv"
cmp -s "$K/out.tsv" "$K/again.tsv"; ok $? "the output written through a reused slot is whole (no stale bytes)"
[ -e "$K/.out.tsv.tmp-$other-0" ] && [ -e "$K/.else.tsv.tmp-$tag-0" ]
ok $? "another host's, and another output's, are kept"
if command -v flock > /dev/null 2>&1; then
  # a live writer holds its file's lock: its slot is skipped, not emptied
  echo "a live writer's" > "$K/.out.tsv.tmp-$tag-0"
  flock "$K/.out.tsv.tmp-$tag-0" sleep 3 & holder=$!
  sleep 0.3
  "$POLYALIGN" align -q "$IN/doc.zh.txt" "$IN/doc.en.txt" -o "$K/out.tsv"; rc=$?
  [ $rc -eq 0 ] && [ "$(cat "$K/.out.tsv.tmp-$tag-0")" = "a live writer's" ] && [ ! -e "$K/.out.tsv.tmp-$tag-1" ] &&
    cmp -s "$K/out.tsv" "$K/again.tsv"
  ok $? "a temporary file whose lock is held is kept as it is; the run writes through the next slot"
  kill $holder 2> /dev/null; wait $holder 2> /dev/null
  rm -f "$K/.out.tsv.tmp-$tag-0"
else
  diag "flock(1) not installed: the lock on temporary files is not checked"
fi
# a slot name that is not a plain file of ours is passed over, never emptied
mkdir "$K/.out.tsv.tmp-$tag-0"
echo precious > "$K/precious"; ln "$K/precious" "$K/.out.tsv.tmp-$tag-1"
ln -s "$K/precious" "$K/.out.tsv.tmp-$tag-2"
"$POLYALIGN" align -q "$IN/doc.zh.txt" "$IN/doc.en.txt" -o "$K/out.tsv"; rc=$?
[ $rc -eq 0 ] && [ "$(cat "$K/precious")" = precious ] && [ -d "$K/.out.tsv.tmp-$tag-0" ] && cmp -s "$K/out.tsv" "$K/again.tsv"
ok $? "slot names taken by a folder, a hard link and a symbolic link: passed over, the linked file untouched"
rm -rf "$K/.out.tsv.tmp-$tag-0" "$K/.out.tsv.tmp-$tag-1" "$K/.out.tsv.tmp-$tag-2"

# Past a file-size limit: a clean error (status 3), no temporary file, the
# older output kept (SIGXFSZ is ignored, so the write fails instead).
F=$scratch/fsize
mkdir -p "$F"
echo "older content" > "$F/out.tsv"
( ulimit -f 1; exec "$POLYALIGN" align -q "$top_srcdir/corpora/sample/cd-note.zh.txt" \
    "$top_srcdir/corpora/sample/cd-note.en.txt" -o "$F/out.tsv" ) 2> "$scratch/err"
rc=$?
[ $rc -eq 3 ] && [ "$(wc -l < "$scratch/err")" -eq 1 ] && grep -q "out.tsv" "$scratch/err" &&
  [ "$(cat "$F/out.tsv")" = "older content" ] && [ "$(ls -A "$F")" = "out.tsv" ]
ok $? "ulimit -f: status $rc, one line ($(cat "$scratch/err")), the older output kept, no temporary file"

# Limits: a decompression bomb stops at --max-input-bytes, and memory while
# reading stays near the limit (the buffer used to double past it, to twice
# the limit); --max-sentences likewise.
python3 - "$scratch/bomb.zh.txt.gz" <<'PY'
import gzip, sys
with gzip.open(sys.argv[1], "wb", compresslevel=9) as f:
    for i in range(1024 * 1024): f.write(b"a" * 99 + b"\n")
PY
peak=$(python3 - "$POLYALIGN" "$scratch" <<'PY'
import resource, subprocess, sys
p, d = sys.argv[1], sys.argv[2]
r = subprocess.run([p, "align", "-q", "--max-input-bytes", "32M", d + "/bomb.zh.txt.gz", d + "/in/doc.en.txt",
                    "-o", d + "/bomb.tsv"], capture_output=True)
open(d + "/bomb.err", "wb").write(r.stderr)
print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)
PY
)
rc=${peak% *}; mb=${peak#* }
[ "$rc" -eq 1 ] && grep -q "larger than the input limit of 33554432 bytes (--max-input-bytes)" "$scratch/bomb.err" &&
  [ ! -e "$scratch/bomb.tsv" ]
ok $? "a 100 MiB gzip bomb with --max-input-bytes 32M: status $rc, one line naming the option, no output"
if [ -n "$SANITIZER_CFLAGS" ]; then
  echo "ok $((tap_n + 1)) - peak memory while reading # SKIP not measurable under the sanitizers"; tap_n=$((tap_n + 1))
else
  [ "$mb" -lt 60 ]; ok $? "and the process peaked at $mb MB (below 60: the limit and a baseline, not twice the limit)"
fi
"$POLYALIGN" align -q --max-sentences 10 "$top_srcdir/corpora/sample/cd-note.zh.txt" \
  "$top_srcdir/corpora/sample/cd-note.en.txt" -o "$scratch/ms.tsv" 2> "$scratch/err"
[ $? -eq 1 ] && grep -q "38 sentences, more than the limit of 10 (--max-sentences)" "$scratch/err"
ok $? "--max-sentences 10 on a 38-sentence document: status 1, one line naming the option"
"$POLYALIGN" align -q --max-input-bytes 12X "$IN/doc.zh.txt" "$IN/doc.en.txt" -o "$scratch/x.tsv" 2> "$scratch/err"
[ $? -eq 2 ] && grep -q -- "--max-input-bytes: '12X'" "$scratch/err"; ok $? "--max-input-bytes 12X: a usage error"

# A failed run whose output is standard output writes nothing there (the
# TMX header it had begun is discarded).
"$POLYALIGN" align -f tmx "$IN/doc.zh.txt" "$IN/missing.en.txt" > "$scratch/stdout.tmx" 2> /dev/null
[ $? -eq 1 ] && [ ! -s "$scratch/stdout.tmx" ]; ok $? "a failed run to standard output writes nothing there"
cp "$IN/doc.en.txt" "$scratch/stdin.en.txt"
"$POLYALIGN" align -q -t en -f tsv "$IN/doc.zh.txt" - -o "$scratch/stdin.en.txt" < "$scratch/stdin.en.txt" 2> "$scratch/err"
[ $? -eq 2 ] && cmp -s "$scratch/stdin.en.txt" "$IN/doc.en.txt"
ok $? "standard input redirected from the output file: refused, the file unchanged"
# Moses files appear together or not at all.
M=$scratch/moses
mkdir -p "$M"
( ulimit -f 4; exec "$POLYALIGN" align -q -f moses -o "$M/out" "$top_srcdir/corpora/sample/cd-note.zh.txt" \
    "$top_srcdir/corpora/sample/cd-note.en.txt" ) 2> /dev/null
[ $? -eq 3 ] && [ -z "$(ls -A "$M")" ]; ok $? "moses: one file past a size limit, so no file at all (found: $(ls -A "$M" | tr '\n' ' '))"

# A failed run keeps the previous output and leaves no temporary file.
OUT=$scratch/keep
mkdir -p "$OUT"
echo "older content" > "$OUT/out.tmx"
"$POLYALIGN" align -o "$OUT/out.tmx" "$IN/badutf8.zh.txt" "$IN/doc.en.txt" 2>/dev/null
ok $(( $? == 0 )) "failed run exits non-zero"
ok "$(test "$(cat "$OUT/out.tmx")" = "older content"; echo $?)" "failed run keeps the older output file"
ok "$(test "$(ls -A "$OUT")" = "out.tmx"; echo $?)" "failed run leaves no temporary file"

done_testing
