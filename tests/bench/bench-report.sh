#!/bin/sh
# bench-report.sh - size and load time of the review page for large
# memories. Prints figures; asserts nothing timed.
#
# Two memories of about UNITS units (default 30000):
#  - bilingual, aligned: the 6 MAC-dev chapters (zh, en, one sentence a line)
#    concatenated until the pivot has UNITS sentences, aligned by
#    `polyalign align --presplit -o X.tmx --report X.html`;
#  - six languages: the UDHR aligned (its text by tests/report/udhr.py), the
#    TMX's units repeated to UNITS units, then `polyalign report`.
# For each: the seconds to write the page, its bytes, and in headless
# Chromium (tests/report/cdp.py) the seconds from navigation to the first
# rows on screen and to every row rendered, the JavaScript heap then, and
# the seconds a jump to the last flagged unit (End, then k) takes. Run by
# `make bench`, or alone:
#   POLYALIGN=./polyalign SHARED=../shared sh tests/bench/bench-report.sh [UNITS]
: "${POLYALIGN:=${top_builddir:-.}/polyalign}"
: "${SHARED:=${top_srcdir:-.}/../shared}"
: "${top_srcdir:=.}"
me=bench-report.sh
units=${1:-30000}
MAC=$SHARED/eval/alignment/mac-dev
[ -d "$MAC/zh" ] || { echo "$me: skipped: no MAC-dev data under $MAC (set SHARED)"; exit 0; }
command -v chromium > /dev/null || { echo "$me: skipped: no chromium"; exit 0; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bench-report.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

now() { date +%s.%N; }
since() { echo "$1 $(now)" | awk '{ printf "%.2f", $2 - $1 }'; }

# bilingual: MAC-dev until the pivot has $units sentences
: > "$tmp/big.zh.txt"; : > "$tmp/big.en.txt"
while [ "$(grep -c '' "$tmp/big.zh.txt")" -lt "$units" ]; do
  for c in "$MAC"/zh/*; do
    c=$(basename "$c")
    cat "$MAC/zh/$c" >> "$tmp/big.zh.txt"; echo >> "$tmp/big.zh.txt"
    cat "$MAC/en/$c" >> "$tmp/big.en.txt"; echo >> "$tmp/big.en.txt"
  done
done
t0=$(now)
"$POLYALIGN" align -q --presplit "$tmp/big.zh.txt" "$tmp/big.en.txt" -o "$tmp/bi.tmx" --report "$tmp/bi.html" || exit 1
echo "bilingual: align --presplit with --report: $(since "$t0") s (alignment included)"

# six languages: the UDHR memory repeated
t0=$(now)
python3 "$top_srcdir/tests/report/udhr.py" "$SHARED" "$tmp/udhr" > /dev/null && \
"$POLYALIGN" align -q "$tmp"/udhr/udhr.zh.txt "$tmp"/udhr/udhr.ar.txt "$tmp"/udhr/udhr.en.txt \
  "$tmp"/udhr/udhr.fr.txt "$tmp"/udhr/udhr.ru.txt "$tmp"/udhr/udhr.es.txt -o "$tmp/udhr.tmx" || exit 1
python3 - "$tmp/udhr.tmx" "$tmp/six.tmx" "$units" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
head, rest = text.split("<body>", 1)
body, tail = rest.rsplit("</body>", 1)
tus = re.findall(r"<tu .*?</tu>", body, re.S)
n = int(sys.argv[3])
with open(sys.argv[2], "w", encoding="utf-8") as f:
    f.write(head + "<body>\n")
    for k in range(n):
        f.write(tus[k % len(tus)] + "\n")
    f.write("</body>" + tail)
PY
t0=$(now)
"$POLYALIGN" report -o "$tmp/six.html" "$tmp/six.tmx" || exit 1
echo "six languages: report of a $units-unit TMX: $(since "$t0") s"

python3 - "$top_srcdir/tests/report" "$tmp/bi.html" "$tmp/six.html" <<'PY'
import os, sys, time
sys.path.insert(0, sys.argv[1])
import cdp
print()
print("%-10s | %7s | %9s | %12s | %12s | %8s | %8s" % ("page", "units", "MB", "first rows s", "all rows s", "heap MB",
                                                       "jump s"))
print("-" * 82)
for path in sys.argv[2:]:
    b = cdp.Browser(cdp.find_chromium())
    try:
        t0 = time.time()
        b.call("Page.navigate", {"url": "file://" + path})
        b.wait_for("document.querySelectorAll('#rows .u').length > 0", step=0.02)
        first = time.time() - t0
        b.wait_for("document.body.dataset.ready === '1'", timeout=600, step=0.1)
        done = time.time() - t0
        n = b.eval("document.querySelectorAll('#rows .u').length")
        heap = b.call("Runtime.getHeapUsage")["usedSize"] / 1e6
        t1 = time.time()
        b.eval("document.querySelector('#rows .u:last-child').click(), true")
        b.key("k")
        b.eval("new Promise(function (r) { requestAnimationFrame(function () { r(true); }); })")
        jump = time.time() - t1
        print("%-10s | %7d | %9.1f | %12.2f | %12.2f | %8.0f | %8.2f" % (
            os.path.basename(path), n, os.path.getsize(path) / 1e6, first, done, heap, jump))
    finally:
        b.close()
PY
