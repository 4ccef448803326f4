#!/bin/sh
# Segmentation speed, repair included: MB/s of `polyalign segment` on the UN
# Parallel Corpus dev set (English and Chinese, repeated to ~5 MB), as one
# paragraph a line (lines), as paragraphs of 80 consecutive sentences (para80:
# English joined with a space, Chinese with nothing, as in UN documents), and
# wrapped like text extracted from PDF (72 columns for English, 36 characters
# for Chinese, a blank line between paragraphs). Then how fast 80-sentence
# paragraphs go against one-sentence ones (issue 12 asks at least 0.7).
# Best of three runs, one core, by wall-clock and by CPU time; prints
# figures, asserts nothing.
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
speed() { # FILE: prints "wall-MB/s cpu-MB/s", each the best of three runs
  lang=${1#*.}
  "$PY" - "$scratch/$1" "$POLYALIGN" $lang <<'X'
import os, resource, subprocess, sys, time
path, prog, lang = sys.argv[1:]
size = os.path.getsize(path) / 1e6
wall = cpu = float("inf")
for run in range(3):
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run([prog, "segment", "--lang", lang, path], stdout=subprocess.DEVNULL, check=True)
    wall = min(wall, time.perf_counter() - t)
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = min(cpu, r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime)
print("segment %-11s %5.1f MB in %.3f s: %5.1f MB/s (CPU %.3f s: %5.1f MB/s)"
      % (os.path.basename(path), size, wall, size / wall, cpu, size / cpu), file=sys.stderr)
print(size / wall, size / cpu)
X
}
# The ratio, by wall-clock time and by CPU time (user + system: the figure
# to trust on a machine shared with other work).
for lang in en zh; do
  one=$(speed lines.$lang)
  p80=$(speed para80.$lang)
  speed wrapped.$lang >/dev/null
  "$PY" -c "import sys; o = [float(x) for x in sys.argv[2].split()]; p = [float(x) for x in sys.argv[3].split()]
print('segment %s: 80-sentence paragraphs at %.2fx the speed of one-sentence ones (CPU time: %.2fx)' % (sys.argv[1], p[0] / o[0], p[1] / o[1]))" $lang "$one" "$p80"
done 2>&1
