#!/bin/sh
# Segmentation speed, repair included: MB/s of `polyalign segment` on the UN
# Parallel Corpus dev set (English and Chinese, repeated to ~5 MB), as one
# paragraph a line and wrapped like text extracted from PDF (72 columns for
# English, 36 characters for Chinese, a blank line between paragraphs).
# Best of three runs, one core; prints figures, asserts nothing.
. "$top_srcdir/tests/lib.sh"
dev="$SHARED/corpora/unpc-devset"
[ -d "$dev" ] || { echo "bench-segment: $dev not found, skipped"; exit 0; }
PY=${PYTHON3:-python3}
for lang in en zh; do
  for i in 1 2 3 4 5 6 7 8; do cat "$dev/UNv1.0.devset.$lang"; done > "$scratch/lines.$lang"
  "$PY" - "$scratch/lines.$lang" "$scratch/wrapped.$lang" $lang <<'X'
import sys, textwrap
src, dst, lang = sys.argv[1:]
with open(src, encoding="utf-8") as f, open(dst, "w", encoding="utf-8") as out:
    for line in f:
        line = line.strip()
        if lang == "en":
            out.write("\n".join(textwrap.wrap(line, 72)) + "\n\n")
        else:
            out.write("\n".join(line[i:i + 36] for i in range(0, len(line), 36)) + "\n\n")
X
done
now() { "$PY" -c 'import time; print(time.perf_counter())'; }
for f in lines.en wrapped.en lines.zh wrapped.zh; do
  lang=${f#*.}
  bytes=$(wc -c < "$scratch/$f")
  best=
  for run in 1 2 3; do
    t=$("$PY" -c 'import subprocess, sys, time
t = time.perf_counter()
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)
print(time.perf_counter() - t)' "$POLYALIGN" segment --lang $lang "$scratch/$f")
    best=$("$PY" -c "import sys; a='$best'; print(min(float(a), $t) if a else $t)")
  done
  "$PY" -c "print('segment %-11s %6.1f MB in %.3f s: %6.1f MB/s' % ('$f', $bytes / 1e6, $best, $bytes / 1e6 / $best))"
done
