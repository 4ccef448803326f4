#!/bin/sh
# validate.sh - TAP: the TMX that tmx_writer produces (written by
# test_tmx_roundtrip into a scratch directory) is valid against the TMX 1.4b
# DTD and the strict TMX 1.4 schema, and validate-tmx.sh rejects the known
# invalid files in tests/tmx/invalid/ (so that it can fail at all).

srcdir=${top_srcdir:-.}/tests/tmx
builddir=${top_builddir:-.}/tests/tmx
validate=$srcdir/validate-tmx.sh

if [ ! -d "$SHARED/tmx" ]; then
    echo "1..0 # SKIP shared data not found at $SHARED"
    exit 0
fi
if ! command -v "${XMLLINT:-xmllint}" >/dev/null 2>&1; then
    echo "1..0 # SKIP xmllint not found"
    exit 0
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/tmx-validate.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
n=0
check() { # check OK|FAIL DESCRIPTION
    n=$((n + 1))
    if [ "$1" = OK ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi
}

if "$builddir/test_tmx_roundtrip" "$tmp" > "$tmp/roundtrip.log" 2>&1; then
    check OK "test_tmx_roundtrip wrote its files"
else
    check FAIL "test_tmx_roundtrip wrote its files"
    sed 's/^/# /' "$tmp/roundtrip.log"
fi

for f in "$tmp"/*.tmx "$tmp"/*.tmx.gz; do
    [ -e "$f" ] || { check FAIL "no TMX written in $tmp"; continue; }
    name=${f##*/}
    if sh "$validate" "$f" 2> "$tmp/errors"; then
        check OK "$name is valid (DTD and schema)"
    else
        check FAIL "$name is valid (DTD and schema)"
        sed 's/^/# /' "$tmp/errors"
    fi
done

for f in "$srcdir"/invalid/*.tmx; do
    name=${f##*/}
    sh "$validate" "$f" 2> "$tmp/errors"
    rc=$?
    if [ $rc -eq 1 ] && grep -q "$name" "$tmp/errors"; then
        check OK "invalid/$name is rejected: $(head -n 1 "$tmp/errors" | cut -c1-160)"
    else
        check FAIL "invalid/$name is rejected (exit $rc)"
    fi
done

sh "$validate" "$tmp/does-not-exist.tmx" 2>/dev/null
[ $? -eq 1 ] && check OK "a missing file fails" || check FAIL "a missing file fails"

echo "1..$n"
