#!/bin/sh
# doc/report-screenshot.sh [SHARED] [OUT.png]: the picture of the review page
# in the README. Aligns the Universal Declaration of Human Rights in the six
# UN languages (SHARED/corpora/udhr, Chinese the pivot), writes the page with
# align --report and photographs it in headless Chromium
# (tests/report/cdp.py). The HTML of the declaration is turned into text
# first (tests/report/udhr.py), so that this needs only the plain-text
# reader. Run from a built tree: POLYALIGN=./polyalign by default.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${1:-${SHARED:-$top/../shared}}
out=${2:-$top/doc/report-udhr.png}
P=${POLYALIGN:-$top/polyalign}
w=$(mktemp -d "${TMPDIR:-/tmp}/udhr.XXXXXX")
trap 'rm -rf "$w"' EXIT
python3 "$top/tests/report/udhr.py" "$SHARED" "$w" > /dev/null
"$P" align -q "$w/udhr.zh.txt" "$w/udhr.ar.txt" "$w/udhr.en.txt" "$w/udhr.fr.txt" "$w/udhr.ru.txt" \
  "$w/udhr.es.txt" -o "$w/udhr.tmx" --report "$w/udhr.html"
python3 - "$top/tests/report" "$w/udhr.html" "$out" <<'PY'
import sys
sys.path.insert(0, sys.argv[1])
import cdp
b = cdp.Browser(cdp.find_chromium(), width=1280, height=800)
try:
    b.call("Page.navigate", {"url": "file://" + sys.argv[2]})
    b.wait_for("document.body && document.body.dataset.ready === '1'")
    # only the flagged units, the first of them current
    b.eval("document.getElementById('filter').value = 'flagged', "
           "document.getElementById('filter').dispatchEvent(new Event('change')), true")
    b.key("j")
    b.eval("window.scrollTo(0, 0), true")
    b.screenshot(sys.argv[3], clip={"x": 0, "y": 0, "width": 1280, "height": 800})
finally:
    b.close()
PY
echo "$out: $(wc -c < "$out") bytes; page $(wc -c < "$w/udhr.html") bytes"
