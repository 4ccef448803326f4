#!/bin/sh
# tsan.sh - the library's threads under ThreadSanitizer: `batch -j4` over
# sets that share the context (segmenters taken from and given back to the
# pool, dictionaries, --merge's writer), align -j4 (the pairs of one set
# on threads at once), align -j2 on a big pair (tests/aligner/beside.sh:
# a backward pass beside its forward pass) and test_threads (pa_align on several threads at
# once). Builds a clean copy of the sources (make distdir, done by
# `make check-tsan`) with clang -fsanitize=thread in tsan-build/; any
# report fails (halt_on_error). Usage:
#   tsan.sh SRCDIR BUILDDIR
set -e
src=$1 build=$2
command -v clang > /dev/null 2>&1 || { echo "tsan.sh: clang is not installed"; exit 1; }
mkdir -p "$build"
src=$(cd "$src" && pwd)
cd "$build"
"$src/configure" -q CC=clang CFLAGS="-fsanitize=thread -g -O1" LDFLAGS="-fsanitize=thread" --disable-shared
make -s -j"$(nproc)" polyalign tests/aligner/test_threads
export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1"
S=$src/corpora/sample
mkdir -p sets
for i in 1 2 3 4 5 6 7 8; do
  cp "$S/cd-note.zh.txt" "sets/d$i.zh.txt"; sed "s/the /the $i /" "$S/cd-note.en.txt" > "sets/d$i.en.txt"
  sed "s/the /le $i /" "$S/cd-note.en.txt" > "sets/d$i.fr.txt"
done
# Five runs: a race shows only when threads meet at the wrong moment (ICU's
# first-use tables raced in one run of four before the context built them).
for run in 1 2 3 4 5; do
  rm -rf out
  ./polyalign batch -q -j4 --dir sets -o out --merge out/all.tmx.gz
done
echo "tsan.sh: batch -j4 over 8 sets of three languages with --merge, five runs: no report"
# align -j4: the five pairs of a set on threads at once (the pivot read by
# all), their -vv messages through the one lock.
mkdir -p six
cp "$S/cd-note.zh.txt" six/d.zh.txt
for l in en fr es ru ar; do sed "s/the /the $l /" "$S/cd-note.en.txt" > "six/d.$l.txt"; done
for run in 1 2 3; do
  ./polyalign align -vv -j4 six/d.zh.txt six/d.en.txt six/d.fr.txt six/d.es.txt six/d.ru.txt six/d.ar.txt \
    -o six/out.tmx 2> six/log
done
echo "tsan.sh: align -j4 over six languages, three runs: no report"
# align -j2 on one pair of 3,800 sentences (the sample repeated): the last
# pass's backward table on a second thread beside the forward pass
top_srcdir=$src POLYALIGN=$PWD/polyalign sh "$src/tests/aligner/beside.sh" > beside.log 2>&1 || { cat beside.log; exit 1; }
grep -q "^not ok" beside.log && { cat beside.log; exit 1; }
echo "tsan.sh: align -j2, the backward pass beside the forward pass: no report"
./tests/aligner/test_threads > /dev/null
echo "tsan.sh: test_threads: no report"
