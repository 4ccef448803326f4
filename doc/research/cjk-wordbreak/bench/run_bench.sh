#!/bin/sh
# Static builds (as polyalign's static CLI links) and per-process timing,
# interleaved: perf stat -r 50 per mode per round, then callgrind counts.
set -e
cd /tmp/cjk/bench
L="-no-pie -L/work/main/static-cli -Wl,-Bstatic -licui18n -licuuc -licudata -lstdc++ -Wl,-Bdynamic -lm -lpthread -ldl -static-libgcc"
gcc -std=c11 -O2 -c ../cjkbrk.c -o cjkbrk.o
gcc -std=c11 -O2 bench.c cjkbrk.o -o bench $L
gcc -O2 driver.c -o driver
./bench icu head40.zh v; ./bench new head40.zh v
for round in $(seq 1 ${ROUNDS:-10}); do for m in icu new none; do
  perf stat -r 50 -e task-clock,page-faults ./bench $m head40.zh 2>&1 |
    awk -v m=$m -v r=$round '/task-clock/{tc=$1} /page-faults/{pf=$1} END{printf "%d %s %s %s\n", r, m, tc, pf}'
done; done > perf.log
awk '{tc[$2]+=$3; pf[$2]+=$4; n[$2]++} END{for(m in tc) printf "perf MEAN %-4s task-clock %.2f ms page-faults %.1f\n", m, tc[m]/n[m], pf[m]/n[m]}' perf.log
./driver ${DRIVER_ROUNDS:-600} ./bench head40.zh
for m in none icu new; do valgrind --tool=callgrind --callgrind-out-file=/dev/null ./bench $m head40.zh 2>&1 | grep Collected | sed "s/^/instructions $m /"; done
