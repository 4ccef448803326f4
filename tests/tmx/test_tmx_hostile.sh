#!/bin/sh
# test_tmx_hostile.sh - TAP: tmx_reader (through tmxdump) on hostile and
# broken inputs, as listed in tests/tmx/hostile/cases.txt: entity bombs,
# external entities and DTDs, deep nesting, truncated and corrupt gzip,
# empty files, non-TMX XML. Each one gives a one-line error naming the file (or, for
# the harmless ones, reads), quickly, without crashing or leaking files.

srcdir=${top_srcdir:-.}/tests/tmx
dump=${top_builddir:-.}/tests/tmx/tmxdump
limit=60

tmp=$(mktemp -d "${TMPDIR:-/tmp}/tmx-hostile.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
timeout=
command -v timeout >/dev/null 2>&1 && timeout="timeout $limit"
n=0
check() { # check CONDITION-STATUS DESCRIPTION
    n=$((n + 1))
    if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi
}

cd "$srcdir/hostile" || exit 1
grep -v '^#' cases.txt | grep -v '^[[:space:]]*$' > "$tmp/cases"
while read -r file expect arg; do
    $timeout "$dump" "$file" > "$tmp/out" 2> "$tmp/err"
    rc=$?
    err=$(head -n 1 "$tmp/err")
    case $rc in
        0|1) ;;
        124) check 1 "$file: still running after $limit s"; continue ;;
        *) check 1 "$file: exit status $rc (crash?): $err"; continue ;;
    esac
    if grep -q -e 'root:' -e 'LEAKED' "$tmp/out" "$tmp/err"; then
        check 1 "$file: the output shows the content of another file"
        continue
    fi
    if [ "$expect" = ok ]; then
        units=$(grep -c '^tu	' "$tmp/out")
        [ $rc -eq 0 ] && [ ! -s "$tmp/err" ] && [ "$units" = "$arg" ]
        check $? "$file: reads $units units (want $arg) $err"
    else
        [ $rc -eq 1 ] && [ "$(wc -l < "$tmp/err")" -eq 1 ] &&
            case $err in "tmxdump: $file"*) true ;; *) false ;; esac &&
            { [ -z "$arg" ] || grep -qiF -e "$arg" "$tmp/err"; }
        check $? "$file: one-line error: $err"
    fi
done < "$tmp/cases"

echo "1..$n"
