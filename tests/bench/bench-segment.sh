#!/bin/sh
# Segmentation speed, repair included: MB/s of `polyalign segment` on the UN
# Parallel Corpus dev set (English and Chinese, repeated to ~5 MB), as one
# paragraph a line (lines), as paragraphs of 80 consecutive sentences (para80:
# English joined with a space, Chinese with nothing, as in UN documents), and
# wrapped like text extracted from PDF (72 columns for English, 36 characters
# for Chinese, a blank line between paragraphs). Then how fast 80-sentence
# paragraphs go against one-sentence ones (issue 12 asks at least 0.7).
# Best of three runs, one core; prints figures, asserts nothing.
. "$top_srcdir/tests/lib.sh"
dev="$SHARED/corpora/unpc-devset"
[ -d "$dev" ] || { echo "bench-segment: $dev not found, skipped"; exit 0; }
PY=${PYTHON3:-python3}
for lang in en zh; do
  for i in 1 2 3 4 5 6 7 8; do cat "$dev/UNv1.0.devset.$lang"; done > "$scratch/lines.$lang"
  "$PY" - "$scratch/lines.$lang" "$scratch/wrapped.$lang" "$scratch/para80.$lang" $lang <<'X'
import sys, textwrap
src, dst, para, lang = sys.argv[1:]
with open(src, encoding="utf-8") as f:
    lines = [line.strip() for line in f]
with open(dst, "w", encoding="utf-8") as out:
    for line in lines:
        if lang == "en":
            out.write("\n".join(textwrap.wrap(line, 72)) + "\n\n")
        else:
            out.write("\n".join(line[i:i + 36] for i in range(0, len(line), 36)) + "\n\n")
glue = " " if lang == "en" else ""
with open(para, "w", encoding="utf-8") as out:
    for i in range(0, len(lines), 80):
        out.write(glue.join(lines[i:i + 80]) + "\n")
X
done
speed() { # FILE: prints MB/s, best of three
  lang=${1#*.}
  bytes=$(wc -c < "$scratch/$1")
  best=
  for run in 1 2 3; do
    t=$("$PY" -c 'import subprocess, sys, time
t = time.perf_counter()
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)
print(time.perf_counter() - t)' "$POLYALIGN" segment --lang $lang "$scratch/$1")
    best=$("$PY" -c "import sys; a='$best'; print(min(float(a), $t) if a else $t)")
  done
  "$PY" -c "print('segment %-11s %6.1f MB in %.3f s: %6.1f MB/s' % ('$1', $bytes / 1e6, $best, $bytes / 1e6 / $best))" >&2
  "$PY" -c "print($bytes / 1e6 / $best)"
}
for lang in en zh; do
  one=$(speed lines.$lang)
  p80=$(speed para80.$lang)
  speed wrapped.$lang >/dev/null
  "$PY" -c "print('segment %s: 80-sentence paragraphs at %.2fx the speed of one-sentence ones' % ('$lang', $p80 / $one))"
done 2>&1
