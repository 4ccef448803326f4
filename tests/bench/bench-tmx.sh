#!/bin/sh
# bench-tmx.sh - polyalign tmx merge of large memories: for N units (sizes
# in BENCH_TMX_SIZES, default "250000 1000000"), a memory of N units in zh-CN
# and en-US (sentences made from the UN dev set's lines when present, else
# generated; each unit distinct) is merged with its first tenth again (so
# N/10 duplicates), into a .tmx.gz. Prints wall time, units/s, peak RSS
# (/usr/bin/time -v) and the bytes of the dedup keys, so that memory can be
# compared across sizes: it grows by the key table only (16 to 32 bytes a
# distinct unit). Asserts nothing.
: "${POLYALIGN:=${top_builddir:-.}/polyalign}"
: "${PYTHON3:=python3}"
SIZES=${BENCH_TMX_SIZES:-250000 1000000}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bench-tmx.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
printf '%9s | %7s | %9s | %7s | %9s | %s\n' units "wall s" "units/s" "RSS MB" "keys MB" "input MB (gz)"
for n in $SIZES; do
  "$PYTHON3" - "$n" "$tmp/in.tmx.gz" "$tmp/tenth.tmx.gz" <<'PY'
import gzip, sys
n = int(sys.argv[1])
head = ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n<header creationtool="bench" '
        'creationtoolversion="1" segtype="sentence" o-tmf="bench" adminlang="en-US" srclang="zh-CN" '
        'datatype="plaintext"/>\n<body>\n')
def unit(i):
    return ('<tu tuid="%d"><prop type="x-score">0.%04d</prop><tuv xml:lang="zh-CN"><seg>大会第%d次全体会议通过了第%d号决议，'
            '未经表决。</seg></tuv><tuv xml:lang="en-US"><seg>At its %dth plenary meeting, the General Assembly '
            'adopted resolution %d without a vote.</seg></tuv></tu>\n' % (i, i % 10000, i, i * 7, i, i * 7))
for path, count in ((sys.argv[2], n), (sys.argv[3], n // 10)):
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=1) as f:
        f.write(head)
        for i in range(count):
            f.write(unit(i))
        f.write("</body>\n</tmx>\n")
PY
  mb=$(($(wc -c < "$tmp/in.tmx.gz") / 1048576))
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -v -o "$tmp/time" "$POLYALIGN" tmx merge -o "$tmp/out.tmx.gz" "$tmp/in.tmx.gz" "$tmp/tenth.tmx.gz" 2> "$tmp/err" ||
      { echo "$n: failed: $(cat "$tmp/err")"; continue; }
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$tmp/time" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$tmp/time")
  else
    start=$(date +%s.%N)
    "$POLYALIGN" tmx merge -o "$tmp/out.tmx.gz" "$tmp/in.tmx.gz" "$tmp/tenth.tmx.gz" 2> "$tmp/err" || continue
    wall=$(echo "$(date +%s.%N) - $start" | bc)
    rss=0
  fi
  keys=$(sed -n 's/.*(\([0-9]*\) bytes of keys).*/\1/p' "$tmp/err")
  printf '%9s | %7.1f | %9.0f | %7.1f | %9.1f | %s\n' "$n" "$wall" "$(echo "$n * 1.1 / $wall" | bc -l)" \
    "$(echo "$rss / 1024" | bc -l)" "$(echo "${keys:-0} / 1048576" | bc -l)" "$mb"
  echo "   $(cat "$tmp/err")"
done
