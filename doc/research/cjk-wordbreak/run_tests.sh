#!/bin/sh
# Rebuilds the comparison program and compares ICU's zh word iterator with
# cjkbrk line by line (separate processes, so ICU's process-wide engine cache
# is not shared).  Data files are made by the commands in README.md.
set -e
cd /tmp/cjk/test
gcc -std=c11 -O2 -Wall -Wextra brkdump.c ../cjkbrk.c -o brkdump -licuuc -licui18n
gcc -O2 checkplain.c -o checkplain -licuuc && ./checkplain
for f in unpc.zh macdev.zh seed.txt udhr.zh udhr_raw.html segeval.txt tmx.txt cedict.txt \
         fuzz1.txt fuzz2.txt fuzz3.txt fuzz4.txt fuzzthai.txt fz11.txt fz12.txt fz13.txt fz14.txt fz15.txt fz16.txt giant.txt; do
    ./brkdump ref data/$f > /tmp/cjk/test/x.ref 2>/dev/null
    ./brkdump new data/$f > /tmp/cjk/test/x.new 2>/dev/null
    n=$(wc -l < x.ref)
    d=$(paste -d'\n' x.ref x.new | paste - - | awk -F'\t' '$1!=$2' | wc -l)
    echo "$f: $n lines, $d mismatched"
done
fails=0
for s in $(seq 1 400); do
    python3 fuzzstate.py $s 40 > st/in.txt
    ./brkdump ref st/in.txt > st/r 2>/dev/null; ./brkdump new st/in.txt > st/n 2>/dev/null
    cmp -s st/r st/n || fails=$((fails+1))
done
echo "engine-history fuzz: 400 fresh processes x 40 lines, $fails processes mismatched"
