#!/bin/sh
# run.sh - runs every libFuzzer target of tests/fuzz/ for SECONDS each on
# its seed corpus and prints one line of results per target:
#   usage: run.sh [SECONDS] [TARGET...]   (default 60 s, all targets)
# Environment: FUZZ_BUILD (build directory of build.sh, default
# ./fuzz-build), FUZZ_WORK (new corpus entries, logs and crash inputs,
# default FUZZ_BUILD/fuzz-work), FUZZ_JOBS (targets run at once, default 1),
# SHARED (the evaluation data: its TMX and SRX samples join the seeds).
# Exits 1 when a target found a crash, leak, timeout or failed check; its
# input is in FUZZ_WORK/TARGET/artifacts/ and its report in
# FUZZ_WORK/TARGET/log. TARGET.dict beside this script, when present, is
# the target's libFuzzer dictionary.
srcdir=$(cd "$(dirname "$0")/../.." && pwd)
secs=${1:-60}
[ $# -gt 0 ] && shift
build=${FUZZ_BUILD:-fuzz-build}
work=${FUZZ_WORK:-$build/fuzz-work}
jobs=${FUZZ_JOBS:-1}
# default: every target built (tests/fuzz/fuzz_*.c)
targets=${*:-$(ls "$build/fuzz" 2> /dev/null | sed -n 's/^fuzz_//p' | tr '\n' ' ')}

# Per-target options: largest input (align is capped at 4 KB by design).
max_len() {
    case $1 in
        tmx|srx) echo 16384 ;;
        text|pdftext) echo 8192 ;;
        html) echo 16384 ;;
        docx|pdf) echo 65536 ;;
        *) echo 4096 ;;
    esac
}

# Seeds beyond tests/fuzz/corpus/TARGET: the shared samples when present.
extra_seeds() {
    case $1 in
        tmx) [ -d "$SHARED/tmx/samples" ] && echo "$SHARED/tmx/samples" ;;
        srx) [ -d "$SHARED/srx" ] && echo "$SHARED/srx" ;;
    esac
}

# run TARGET: fuzzes it for $secs seconds; the log is $work/TARGET/log.
run() {
    t=$1
    bin=$build/fuzz/fuzz_$t
    dir=$work/$t
    mkdir -p "$dir/corpus" "$dir/artifacts" "$dir/tmp"
    if [ ! -x "$bin" ]; then
        echo "$bin: not built (run tests/fuzz/build.sh)" > "$dir/log"
        return
    fi
    dict=
    [ -f "$srcdir/tests/fuzz/$t.dict" ] && dict=-dict=$srcdir/tests/fuzz/$t.dict
    # Scratch files (fuzz.h) go to $dir/tmp, not left in /tmp after a crash.
    # shellcheck disable=SC2046,SC2086
    TMPDIR=$dir/tmp \
    ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=0} \
    LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$srcdir/tests/fuzz/lsan.supp:print_suppressions=0} \
    UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:suppressions=$srcdir/tests/fuzz/ubsan.supp} \
        "$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len="$(max_len "$t")" \
        -print_final_stats=1 -artifact_prefix="$dir/artifacts/" \
        $dict \
        "$dir/corpus" "$srcdir/tests/fuzz/corpus/$t" $(extra_seeds "$t") > "$dir/log" 2>&1
    echo $? > "$dir/status"
}

# summary TARGET: one line from libFuzzer's final statistics.
summary() {
    t=$1
    log=$work/$t/log
    st=$(cat "$work/$t/status" 2>/dev/null || echo '?')
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    eps=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
    rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -n 1)
    last=$(grep -E '^#[0-9]+' "$log" | tail -n 1)
    cov=$(echo "$last" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
    ft=$(echo "$last" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
    corp=$(echo "$last" | sed -n 's/.* corp: \([0-9]*\/[0-9a-zA-Z]*\).*/\1/p')
    found=$(ls "$work/$t/artifacts" 2>/dev/null | tr '\n' ' ')
    result=ok
    [ "$st" = 0 ] || result="FAILED (exit $st): ${found:-see $log}"
    printf '%-6s %ss  execs %-9s exec/s %-6s cov %-6s ft %-6s corpus %-10s rss %sMB  %s\n' \
        "$t" "$secs" "${execs:-?}" "${eps:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" "${rss:-?}" "$result"
}

mkdir -p "$work"
# shellcheck disable=SC2086 # the list is split into targets on purpose
set -- $targets
while [ $# -gt 0 ]; do
    n=0
    while [ $# -gt 0 ] && [ $n -lt "$jobs" ]; do
        echo "fuzzing $1 for $secs s..."
        run "$1" &
        shift
        n=$((n + 1))
    done
    wait
done
fail=0
for t in $targets; do
    summary "$t"
    [ "$(cat "$work/$t/status" 2>/dev/null)" = 0 ] || fail=1
done
exit $fail
