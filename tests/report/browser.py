#!/usr/bin/env python3
"""The review page in a real browser (headless Chromium over the DevTools
protocol, tests/report/cdp.py): pages written by `polyalign align --report`
and `polyalign report` for the bundled sample and for a document whose text
is hostile markup (<script>, <img onerror>, </script>, U+2028).

Asserts: the data block holds no raw <, > or &, and its units are the
memory's (the TMX of the same run); the page renders a row a unit with every
unit's text as text, Arabic right-to-left, paragraph starts marked; the
flag counts equal the rules recomputed here from the data; no dialog, no
script from the input, no request but the page itself, no src or href
pointing anywhere; the SVG plot is there; j jumps to the first flagged unit;
merge, split, mark wrong and edit, then the TMX and TSV exports (real
downloads) hold the expected units, the TMX valid against the TMX 1.4b DTD
and read back by polyalign; edits survive a reload; undo undoes.
Skipped when Chromium is absent (CI installs it).
"""
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cdp  # noqa: E402

POLYALIGN = os.environ.get("POLYALIGN", "./polyalign")
TOP = os.environ.get("top_srcdir", ".")
SHARED = os.environ.get("SHARED", os.path.join(TOP, "..", "shared"))
XMLLINT = os.environ.get("XMLLINT") or "xmllint"
SAMPLE = os.path.join(TOP, "corpora", "sample")
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

n_tests = 0
failed = 0


def ok(cond, desc, detail=None):
    global n_tests, failed
    n_tests += 1
    print(("ok %d - %s" if cond else "not ok %d - %s") % (n_tests, desc))
    if not cond:
        failed += 1
        if detail is not None:
            for line in str(detail)[:2000].splitlines():
                print("#   " + line)
    sys.stdout.flush()
    return cond


def run(*args):
    return subprocess.run([POLYALIGN] + list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def page_data(html):
    """The JSON text of the page's data block, and the data."""
    m = re.search(r'<script type="application/json" id="pa-data">(.*?)</script>', html, re.S)
    return m.group(1), json.loads(m.group(1))


def tmx_units(path):
    """The units of a TMX file: a dict language tag -> text, per <tu>."""
    out = []
    for tu in ET.parse(path).getroot().iter("tu"):
        out.append({tuv.get(XML_LANG): tuv.find("seg").text or "" for tuv in tu.findall("tuv")})
    return out


def as_units(data):
    """The page data's units as dicts tag -> text (languages with text only)."""
    return [{data["tags"][l]: t for l, t in enumerate(e[3]) if t} for e in data["units"]]


def u16len(s):
    return len(s.encode("utf-16-le")) // 2


def median(v):
    v = sorted(v)
    n = len(v)
    return v[(n - 1) // 2] if n % 2 else (v[n // 2 - 1] + v[n // 2]) / 2


def expected_flags(data):
    """The reasons of each unit, by the page's rules (page.js), recomputed:
    numbers from the data; a log length ratio (UTF-16 units) more than
    max(4 * 1.4826 * MAD, log 1.5) from its (document, language) median, in
    units of 30 characters or more; a language without text (1-0 / 0-1);
    two languages or more with two sentences or more (many-to-many; only
    when the data gives the counts)."""
    L = len(data["langs"])
    units = data["units"]

    def ratio(e, l):
        a, b = u16len(e[3][0]), u16len(e[3][l])
        if not a or not b or a + b < 30:
            return None
        return math.log(b / a)

    by = {}
    for e in units:
        for l in range(1, L):
            r = ratio(e, l)
            if r is not None:
                by.setdefault((e[5], l), []).append(r)
    stats = {}
    for k, v in by.items():
        med = median(v)
        mad = median([abs(x - med) for x in v])
        stats[k] = (med, max(4 * 1.4826 * mad, math.log(1.5)))
    out = []
    for e in units:
        f = set()
        if e[4] == 1:
            f.add("numbers")
        for l in range(1, L):
            r, s = ratio(e, l), stats.get((e[5], l))
            if r is not None and s and abs(r - s[0]) > s[1]:
                f.add("ratio")
        n = sum(1 for t in e[3] if t)
        if 1 <= n < L:
            f.add("gap")
        if e[2] and sum(1 for c in e[2] if c >= 2) >= 2:
            f.add("many")
        out.append(f)
    return out


ROWS_JS = """Array.from(document.querySelectorAll('#rows .u')).map(function (tr) {
  return {cls: tr.className.split(' '), id: tr.dataset.id,
          texts: Array.from(tr.querySelectorAll('.t')).map(function (td) { return td.textContent; }),
          dirs: Array.from(tr.querySelectorAll('.t')).map(function (td) { return td.dir; }),
          shown: tr.offsetParent !== null};
})"""

EXTERNAL_JS = """Array.from(document.querySelectorAll('*')).reduce(function (bad, e) {
  Array.from(e.attributes).forEach(function (a) {
    if (/^(src|href|xlink:href|srcset|action|formaction|poster|data)$/i.test(a.name)
        && a.value && !/^(#|blob:)/.test(a.value)) bad.push(e.tagName + ' ' + a.name + '=' + a.value);
  });
  return bad;
}, [])"""


def open_page(b, path):
    b.events.clear()
    b.call("Page.navigate", {"url": "file://" + path})
    b.wait_for("document.body && document.body.dataset.ready === '1'")


def check_page(b, html_path, label, tmx_path=None):
    """The rendering checks of one page; returns (data, rows)."""
    with open(html_path, encoding="utf-8") as f:
        html = f.read()
    raw, data = page_data(html)
    ok(not re.search(r"[<>&]", raw), label + ": the data block holds no raw <, > or &")
    ok(len(re.findall(r"</script", html, re.I)) == 2, label + ": two </script> in the file: the page's own")
    units = as_units(data)
    if tmx_path:
        differ = [tu.find("prop[@type='x-numbers']") is not None for tu in ET.parse(tmx_path).getroot().iter("tu")]
        mine = [e[4] == 1 for e in data["units"] if sum(1 for t in e[3] if t) >= 2]
        ok(mine == differ, label + ": numbers differ where the memory's x-numbers says so (%d units)" % sum(differ))
        want = tmx_units(tmx_path)
        got = [u for u in units if len(u) >= 2]
        ok(got == want, label + ": the page's units with two languages or more are the memory's (%d)" % len(want),
           next(((g, w) for g, w in zip(got, want) if g != w), (len(got), len(want))))
    open_page(b, html_path)
    rows = b.eval(ROWS_JS)
    ok(len(rows) == len(data["units"]), label + ": a row a unit (%d)" % len(rows), "%d rows" % len(rows))
    texts_ok = all(r["texts"] == [t for t in e[3]] for r, e in zip(rows, data["units"]))
    ok(texts_ok and len(rows) == len(data["units"]), label + ": every unit's text is rendered, as text",
       next(((r["texts"], e[3]) for r, e in zip(rows, data["units"]) if r["texts"] != e[3]), None))
    flags = expected_flags(data)
    for reason in ("numbers", "ratio", "gap", "many"):
        want = sum(1 for f in flags if reason in f)
        got = sum(1 for r in rows if "f-" + reason in r["cls"])
        ok(got == want, "%s: %d units flagged '%s', as the rules say" % (label, got, reason), "want %d" % want)
    want = sum(1 for f in flags if f)
    ok(sum(1 for r in rows if "flagged" in r["cls"]) == want, "%s: %d flagged units in all" % (label, want))
    paras = [e[1] for e in data["units"]]
    want = sum(1 for i, p in enumerate(paras) if p >= 0 and (i == 0 or paras[i - 1] != p))
    ok(sum(1 for r in rows if "para" in r["cls"]) == want, "%s: %d paragraph starts marked" % (label, want))
    rtl = [l for l, g in enumerate(data["langs"]) if re.match(r"(ar|he|fa|ur)(-|$)", g)]
    if rtl:
        ok(all(r["dirs"][l] == "rtl" for r in rows for l in rtl) and
           all(r["dirs"][l] == "ltr" for r in rows for l in range(len(data["langs"])) if l not in rtl),
           label + ": right-to-left columns are dir=rtl, the others ltr")
    bad = b.eval(EXTERNAL_JS)
    ok(bad == [], label + ": no src or href pointing anywhere", bad)
    urls = [e["request"]["url"] for e in b.events_named("Network.requestWillBeSent")]
    ok(all(u == "file://" + html_path or u.startswith(("data:", "blob:")) for u in urls),
       label + ": nothing requested but the page itself", urls)
    ok(b.events_named("Page.javascriptDialogOpening") == [] and b.events_named("Runtime.exceptionThrown") == [],
       label + ": no dialog, no script error",
       b.events_named("Page.javascriptDialogOpening") + b.events_named("Runtime.exceptionThrown"))
    ok(b.eval("document.querySelectorAll('script').length === 2 && !document.querySelector('img, iframe, "
              "object, embed, link') && typeof window.__pwned === 'undefined'"),
       label + ": no element or script from the input")
    plot = b.eval("[document.querySelectorAll('#plot svg polyline').length, "
                  "document.querySelectorAll('#plot svg circle.mark').length]")
    ok(plot[0] == len(data["langs"]) - 1 and (plot[1] > 0) == any(flags),
       label + ": the SVG plot has a path a target language and marks flagged units", plot)
    return data, rows


def write_hostile(d):
    """A three-language document (one sentence a line) whose text is markup."""
    zh = ["第一条", "人人生而自由。", "<script>alert(1)</script>是文字。", "<img src=x onerror=\"window.__pwned=1;alert(2)\">也是。",
          "</script><script>window.__pwned=2</script>", "A & B < C > D，第\u2028行。", "最后一句。"]
    en = ["Article 1", "All human beings are born free.", "<script>alert(1)</script> is text.",
          "<img src=x onerror=\"window.__pwned=1;alert(2)\"> too.", "</script><script>window.__pwned=2</script>",
          "A & B < C > D, line\u2028sep.", "Extra sentence only in English.", "The last sentence."]
    ar = ["المادة 1", "يولد جميع الناس أحرارا.", "<script>alert(1)</script> نص.", "<img src=x onerror=\"alert(3)\"> أيضا.",
          "</script><script>window.__pwned=3</script>", "A & B < C > D، سطر.", "الجملة الأخيرة."]
    paths = []
    for lang, lines in (("zh", zh), ("en", en), ("ar", ar)):
        p = os.path.join(d, "hostile.%s.txt" % lang)
        with open(p, "w", encoding="utf-8") as f:
            f.write(lines[0] + "\n\n" + "\n".join(lines[1:]) + "\n")
        paths.append(p)
    return paths


def click_row(b, i):
    b.eval("document.querySelectorAll('#rows .u')[%d].click(), true" % i)


def downloaded(d, suffix, before, timeout=30):
    """The text of a file ending in `suffix` that appears in `d` (not in `before`)."""
    t0 = time.time()
    while time.time() - t0 < timeout:
        new = [f for f in os.listdir(d) if f.endswith(suffix) and f not in before]
        if new:
            p = os.path.join(d, new[0])
            time.sleep(0.2)
            with open(p, encoding="utf-8") as f:
                return p, f.read()
        time.sleep(0.1)
    return None, None


def export(b, d, which):
    """Clicks an export button; the file downloaded (the browser writes a
    name over an older one: older exports are removed first)."""
    for f in os.listdir(d):
        if f.endswith(".reviewed." + which):
            os.remove(os.path.join(d, f))
    before = set(os.listdir(d))
    b.eval("document.getElementById('export-%s').click(), true" % which, gesture=True)
    return downloaded(d, "." + which, before)


def review(b, w, data):
    """Merge, split, mark wrong, edit; export; reload; undo."""
    units = as_units(data)
    one_one = [i for i, e in enumerate(data["units"]) if e[2] and all(c == 1 for c in e[2])]
    # a pair of 1-1 units to merge and split back, another to merge, one to
    # mark wrong and one to edit
    pairs = [i for i in one_one if i + 1 in one_one]
    a = pairs[0]
    m = next(i for i in pairs if i > a + 1)
    x = next(i for i in one_one if i > m + 1)
    y = next(i for i in one_one if i > x)
    n = len(data["units"])
    langs, tags = data["langs"], data["tags"]
    sep = lambda l: "" if re.match(r"(zh|ja)", langs[l]) else " "  # noqa: E731

    b.key("j")
    first = next(i for i, e in enumerate(expected_flags(data)) if e)
    cur = b.eval("(document.querySelector('#rows .u.cur') || {}).dataset.id")
    ok(cur == str(first), "j moves to the first flagged unit (#%d)" % (first + 1), cur)

    click_row(b, a)
    b.key("m")
    rows = b.eval(ROWS_JS)
    merged = [sep(l).join(t for t in (data["units"][a][3][l], data["units"][a + 1][3][l]) if t)
              for l in range(len(langs))]
    ok(len(rows) == n - 1 and rows[a]["texts"] == merged, "m merges unit %d with the next" % (a + 1),
       (len(rows), rows[a]["texts"], merged))
    click_row(b, a)
    b.key("s")
    # the first part ends where unit a ended: pick, in each language, the
    # cut whose proposal ends with unit a's text
    chosen = b.eval("""(function (texts) {
      return Array.from(document.querySelectorAll('#rows .u.cur select')).map(function (s, l) {
        var best = '0';
        Array.from(s.options).forEach(function (o) {
          var m = /: …(.*)$/.exec(o.textContent);
          if (texts[l] && m && texts[l].endsWith(m[1])) best = o.value;
        });
        s.value = best;
        return best;
      });
    })(%s)""" % json.dumps(data["units"][a][3]))
    b.eval("document.querySelector('#rows .u.cur button.ok').click(), true")
    rows = b.eval(ROWS_JS)
    ok(len(rows) == n and rows[a]["texts"] == data["units"][a][3] and rows[a + 1]["texts"] == data["units"][a + 1][3],
       "s splits the merged unit back into units %d and %d (cuts %s)" % (a + 1, a + 2, chosen),
       (len(rows), rows[a]["texts"], rows[a + 1]["texts"]))
    # merge m, m+1 (rows keep their indices: the count is back to n)
    click_row(b, m)
    b.eval("document.getElementById('merge').click(), true")
    click_row(b, x - 1)
    b.key("w")
    click_row(b, y - 1)
    b.key("e")
    new_en = "Edited <b>text</b> & more."
    b.eval("""(function () {
      var t = document.querySelectorAll('#rows .u.cur textarea');
      t[1].value = %s;
      document.querySelector('#rows .u.cur button.ok').click();
      return true; })()""" % json.dumps(new_en))
    rows = b.eval(ROWS_JS)
    ok(len(rows) == n - 1 and "wrong" in rows[x - 1]["cls"] and rows[y - 1]["texts"][1] == new_en
       and "edited" in rows[y - 1]["cls"], "merge, w and e change the rows",
       (len(rows), rows[x - 1]["cls"], rows[y - 1]["texts"]))

    # what the export must hold
    want = [dict(u) for u in units]
    want[m] = {tags[l]: sep(l).join(t for t in (data["units"][m][3][l], data["units"][m + 1][3][l]) if t)
               for l in range(len(langs)) if data["units"][m][3][l] or data["units"][m + 1][3][l]}
    want[y][tags[1]] = new_en
    keep = [i for i in range(n) if i != m + 1 and i != x]
    min_score = data["minScore"]
    want = [want[i] for i in keep if len(want[i]) >= 2 and (i in (m, y) or data["units"][i][0] < 0 or
                                                            data["units"][i][0] >= min_score)]
    p, tmx = export(b, w, "tmx")
    ok(p is not None, "the TMX export is downloaded (%s)" % (p and os.path.basename(p)))
    got = tmx_units(p) if p else []
    ok(got == want, "the exported TMX holds the expected %d units" % len(want),
       next(((g, e) for g, e in zip(got, want) if g != e), (len(got), len(want))))
    dtd = os.path.join(SHARED, "tmx", "tmx14.dtd")
    if os.path.exists(dtd) and p:
        r = subprocess.run([XMLLINT, "--noout", "--nonet", "--dtdvalid", dtd, p], stderr=subprocess.PIPE, text=True)
        ok(r.returncode == 0, "the exported TMX is valid TMX 1.4b (xmllint --dtdvalid)", r.stderr)
    else:
        print("# no %s: the export is not checked against the DTD" % dtd)
    r = run("report", "-o", os.path.join(w, "again.html"), p or "/nonexistent")
    ok(r.returncode == 0, "polyalign reads the exported TMX back (report)", r.stderr)
    validate = run("tmx", "validate", *((["--dtd", dtd] if os.path.exists(dtd) else []) + [p or "/nonexistent"]))
    if "unknown command" not in validate.stderr:  # the TMX tools (issue 14), where merged
        ok(validate.returncode == 0, "polyalign tmx validate%s accepts the export" %
           (" --dtd" if os.path.exists(dtd) else ""), validate.stderr)
    p2, tsv = export(b, w, "tsv")
    lines = tsv.splitlines() if tsv else []
    ok(len(lines) == len(want) and all(len(s.split("\t")) == len(langs) + 1 for s in lines) and
       all(s.split("\t")[1 + l] == u.get(tags[l], "") for s, u in zip(lines, want) for l in range(len(langs))),
       "the TSV export holds the same units, a column a language")

    open_page(b, b.eval("location.pathname"))
    rows2 = b.eval(ROWS_JS)
    ok([r["texts"] for r in rows2] == [r["texts"] for r in rows] and "wrong" in rows2[x - 1]["cls"],
       "the changes survive a reload (local storage)")
    p3, tmx3 = export(b, w, "tmx")
    strip = lambda s: re.sub(r'creationdate="[^"]*"', "", s or "")  # noqa: E731
    import difflib
    ok(p3 is not None and strip(tmx3) == strip(tmx), "after the reload the export is the same",
       "".join(difflib.unified_diff(strip(tmx).splitlines(True), strip(tmx3).splitlines(True), n=1)))
    b.key("u")
    b.wait_for("document.body.dataset.ready === '1'")
    rows3 = b.eval(ROWS_JS)
    ok(rows3[y - 1]["texts"][1] == data["units"][y][3][1], "u undoes the last change (the edit)")
    b.eval("document.getElementById('filter').value = 'flagged', "
           "document.getElementById('filter').dispatchEvent(new Event('change')), true")
    shown = sum(1 for r in b.eval(ROWS_JS) if r["shown"])
    flagged = sum(1 for r in b.eval(ROWS_JS) if "flagged" in r["cls"])
    ok(shown == flagged, "the filter shows the flagged units only (%d)" % flagged, (shown, flagged))
    click_row(b, 0)
    b.key("e")
    opened = b.eval("document.querySelectorAll('#rows textarea').length")
    b.call("Input.dispatchKeyEvent", {"type": "keyDown", "key": "Escape", "code": "Escape", "windowsVirtualKeyCode": 27})
    b.call("Input.dispatchKeyEvent", {"type": "keyUp", "key": "Escape", "code": "Escape", "windowsVirtualKeyCode": 27})
    rows4 = b.eval(ROWS_JS)
    ok(opened == len(langs) and b.eval("document.querySelectorAll('#rows textarea').length") == 0 and
       rows4[0]["texts"] == data["units"][0][3], "e opens an editor a language, Escape leaves it unchanged")
    b.eval("localStorage.clear(), true")


def main():
    binary = cdp.find_chromium()
    if not binary:
        print("1..0 # SKIP no chromium (apt-get install chromium): the review page is not tested in a browser")
        return 0
    with tempfile.TemporaryDirectory(prefix="polyalign-report-") as w:
        zh, en = os.path.join(SAMPLE, "cd-note.zh.txt"), os.path.join(SAMPLE, "cd-note.en.txt")
        s_tmx, s_html = os.path.join(w, "sample.tmx"), os.path.join(w, "sample.html")
        r = run("align", "-q", zh, en, "-o", s_tmx, "--report", s_html)
        ok(r.returncode == 0 and os.path.exists(s_html), "align --report writes the page", r.stderr)
        hz, he, ha = write_hostile(w)
        h_tmx, h_html = os.path.join(w, "hostile.tmx"), os.path.join(w, "hostile.html")
        r = run("align", "-q", "--presplit", hz, he, ha, "-o", h_tmx, "--report", h_html)
        ok(r.returncode == 0, "align --report of a hostile three-language document", r.stderr)
        t_html = os.path.join(w, "from-tmx.html")
        r = run("report", "-o", t_html, s_tmx)
        ok(r.returncode == 0, "polyalign report MEMORY.tmx writes the page", r.stderr)

        b = cdp.Browser(binary, download_dir=w)
        try:
            data, _ = check_page(b, s_html, "sample", s_tmx)
            hdata, hrows = check_page(b, h_html, "hostile", h_tmx)
            ok(any("<script>alert(1)</script>" in t for r in hrows for t in r["texts"]) and
               any("onerror" in t for r in hrows for t in r["texts"]),
               "hostile: the markup shows as text")
            tdata, _ = check_page(b, t_html, "report of the TMX", s_tmx)
            ok(tdata["langs"] == ["zh-CN", "en-US"] and len(tdata["units"]) == len(tmx_units(s_tmx)),
               "report of the TMX: its languages and units")
            open_page(b, s_html)
            review(b, w, data)
        finally:
            b.close()
    print("1..%d" % n_tests)
    return 0


if __name__ == "__main__":
    sys.exit(main())
