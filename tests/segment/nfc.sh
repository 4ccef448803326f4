#!/bin/sh
# Decoded text is NFC (tests/segment/nfc.txt): each case through `polyalign
# segment`, against Python's unicodedata.normalize("NFC") of it.
. "$top_srcdir/tests/lib.sh"
PY=${PYTHON3:-python3}
cases=$top_srcdir/tests/segment/nfc.txt
n=$(grep -vc '^#' "$cases")
k=0
while [ $k -lt "$n" ]; do
  k=$((k + 1))
  "$PY" - "$cases" $k "$scratch/in" "$scratch/want" <<'PYEOF'
import sys, unicodedata
lines = [l.rstrip("\n") for l in open(sys.argv[1], encoding="utf-8") if not l.startswith("#")]
text = lines[int(sys.argv[2]) - 1].encode("ascii").decode("unicode_escape")
open(sys.argv[3], "w", encoding="utf-8").write(text + "\n")
open(sys.argv[4], "w", encoding="utf-8").write(unicodedata.normalize("NFC", text) + "\n")
PYEOF
  desc=$(grep -v '^#' "$cases" | sed -n "${k}p" | cut -c1-50)
  "$POLYALIGN" segment --lang en "$scratch/in" > "$scratch/got" 2> "$scratch/err"
  if [ $? -eq 0 ] && cmp -s "$scratch/want" "$scratch/got"; then ok 0 "NFC: $desc"
  else ok 1 "NFC: $desc"; od -c "$scratch/got" | head -3 | sed 's/^/# /'; fi
done
done_testing
