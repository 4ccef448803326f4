#!/bin/sh
# test_tmx_read_samples.sh - TAP: tmx_reader (through tmxdump) reads every
# TMX file under $SHARED/tmx/samples (*.tmx, *.TMX, *.xml whose root is tmx).
# Each file reads with as many units as Python's xml.etree counts <tu>
# elements, or, if listed in samples-broken.txt, fails with a one-line error
# naming it; `polyalign tmx stats` reports the same count (or the same
# refusal), and `polyalign tmx validate --dtd` gives its verdict on each
# (status 0 and "FILE: valid", or status 1 and "FILE: N problems"), failing
# at least every file in which xmllint --dtdvalid finds a validity error.
# Then the readings listed in samples-expected.txt are checked.

srcdir=${top_srcdir:-.}/tests/tmx
dump=${top_builddir:-.}/tests/tmx/tmxdump
P=${POLYALIGN:-${top_builddir:-.}/polyalign}
DTD=$SHARED/tmx/tmx14.dtd
XMLLINT=${XMLLINT:-xmllint}
command -v "$XMLLINT" >/dev/null 2>&1 || XMLLINT=
samples=$SHARED/tmx/samples
PYTHON3=${PYTHON3:-python3}

if [ ! -d "$samples" ]; then
    echo "1..0 # SKIP shared data not found at $SHARED"
    exit 0
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/tmx-samples.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
n=0
check() { # check CONDITION-STATUS DESCRIPTION
    n=$((n + 1))
    if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi
}

# Independent count of <tu> elements, "?" when Python cannot parse the file
# and "-" when its root is not <tmx>.
count_tu() {
    "$PYTHON3" - "$1" <<'PY' 2>/dev/null || echo "?"
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
print(len(list(root.iter("tu"))) if root.tag == "tmx" else "-")
PY
}

find "$samples" -type f \( -name '*.tmx' -o -name '*.TMX' -o -name '*.xml' \) | LC_ALL=C sort > "$tmp/files"
while IFS= read -r file; do
    rel=${file#"$samples"/}
    want=$(count_tu "$file")
    case $file in *.xml) [ "$want" = "-" ] || [ "$want" = "?" ] && continue ;; esac
    "$dump" -c "$file" > "$tmp/out" 2> "$tmp/err"
    rc=$?
    if grep -qxF "$rel" "$srcdir/samples-broken.txt"; then
        [ $rc -eq 1 ] && [ "$(wc -l < "$tmp/err")" -eq 1 ] && grep -qF "$rel" "$tmp/err"
        check $? "$rel is refused with one line: $(cat "$tmp/err")"
    elif [ "$want" = "?" ]; then
        [ $rc -eq 0 ] && [ ! -s "$tmp/err" ]
        check $? "$rel reads ($(cat "$tmp/out") units; Python cannot count them) $(cat "$tmp/err")"
    else
        [ $rc -eq 0 ] && [ ! -s "$tmp/err" ] && [ "$(cat "$tmp/out")" = "$want" ]
        check $? "$rel reads $(cat "$tmp/out") units, Python counts $want $(cat "$tmp/err")"
    fi
    units=$("$P" tmx stats "$file" 2> "$tmp/err" | sed -n 's/^units: //p')
    rc=$?
    if grep -qxF "$rel" "$srcdir/samples-broken.txt"; then
        [ -z "$units" ] && [ "$(wc -l < "$tmp/err")" -eq 1 ] && grep -qF "$rel" "$tmp/err"
        check $? "tmx stats refuses $rel with one line: $(cat "$tmp/err")"
    else
        [ -n "$units" ] && [ "$units" = "$(cat "$tmp/out")" ] && [ ! -s "$tmp/err" ]
        check $? "tmx stats: $rel has $units units (the reader: $(cat "$tmp/out")) $(cat "$tmp/err")"
    fi
    [ -f "$DTD" ] || continue
    "$P" tmx validate --dtd "$DTD" "$file" > "$tmp/val" 2>&1
    rc=$?
    verdict=$(tail -n 1 "$tmp/val")
    case "$rc:$verdict" in
        "0:$file: valid"|"1:$file: "[0-9]*" problem"*) true ;;
        *) false ;;
    esac
    check $? "tmx validate $rel: status $rc, $verdict $( [ $rc -eq 1 ] && head -n 1 "$tmp/val")"
    if [ -n "$XMLLINT" ] && "$XMLLINT" --noout --nonet --dtdvalid "$DTD" "$file" 2>&1 | grep -q 'validity error'; then
        [ $rc -eq 1 ]
        check $? "tmx validate fails $rel, which xmllint --dtdvalid finds not valid"
    fi
done < "$tmp/files"
[ -s "$tmp/files" ]
check $? "samples found under $samples"

# Expected readings: TAB-separated, see samples-expected.txt.
tab=$(printf '\t')
grep -v '^#' "$srcdir/samples-expected.txt" | grep -v '^$' > "$tmp/expected"
while IFS="$tab" read -r kind path a b c d e; do
    file=$samples/$path
    case $kind in
        srclang)
            got=$("$dump" "$file" 2>&1 | sed -n "1s/^srclang$tab//p")
            [ "$got" = "$a" ]
            check $? "$path: header srclang '$got' (want '$a')" ;;
        text)
            got=$("$dump" -l "$a" "$file" 2>&1 | sed -n "${b}p")
            [ "$got" = "$c" ]
            check $? "$path: unit $b, $a: '$got' (want '$c')" ;;
        unit)
            got=$("$dump" "$file" 2>&1 | grep '^tu	' | sed -n "${a}p")
            want="tu$tab$b$tab$c$tab$d$tab$e"
            [ "$got" = "$want" ]
            check $? "$path: unit $a is '$got' (want '$want')" ;;
        *)
            check 1 "unknown kind '$kind' in samples-expected.txt" ;;
    esac
done < "$tmp/expected"

echo "1..$n"
