#!/usr/bin/env python3
"""Helpers for tests/cli/align.sh: what polyalign's outputs must be.

  tmxcheck.py expected --src S --tgt T --src-lang L --tgt-lang L --beads B OUT_SRC OUT_TGT
      From the sentences of each side (S, T: `polyalign segment --jsonl` output,
      or with --lines, files of one sentence a line where blank lines are
      paragraph ends and lines are trimmed) and the beads B, writes what the
      TMX must hold: per bead with both sides non-empty, the sentences joined
      (no separator for Chinese, Japanese, Thai..., one space otherwise), one
      unit a line, escaped as tests/tmx/tmxdump escapes text. With --tsv,
      writes "src<TAB>tgt" lines as TSV fields are (tabs, CR and LF as spaces).
  tmxcheck.py coverage BEADS N_SRC N_TGT
      Beads cover sentences 0..N-1 of each side exactly once, in order.
  tmxcheck.py structure FILE --srclang TAG --langs TAG,TAG --doc NAME
      The TMX (FILE.gz is decompressed) has the header attributes polyalign
      writes and every <tu> a tuid, a creationdate, an x-document prop equal
      to NAME, an x-score prop in [0,1], an x-bead prop (a sentence count per
      TAG joined by '-', nonzero for the TAGs the unit has), an x-paragraph
      prop (a positive number, never decreasing), x-numbers only as
      "differ", and one <tuv> per TAG, in order. Prints the number of units. Parsed with Python's own XML parser.
  tmxcheck.py scores FILE
      Prints the x-score of each unit, one a line.
  tmxcheck.py ttk FILE EXP_SRC EXP_TGT SRC_TAG TGT_TAG
      Reads FILE with translate-toolkit (translate.storage.tmx), a TMX
      consumer used by translation tools, and compares its units' source and
      target texts with the expected files written by `expected`. Exits 77
      when translate-toolkit cannot be imported.
Problems go to standard output as "# ..." lines; the exit status is 1 when any.
"""
import gzip
import json
import re
import sys
import xml.etree.ElementTree as ET

UNSPACED = {"zh", "ja", "th", "lo", "km", "my", "bo", "yue", "wuu"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TMX_DATE = re.compile(r"^\d{8}T\d{6}Z$")
BEAD = re.compile(r"^\[([0-9,]*)\]:\[([0-9,]*)\]$")


def escape(text):
    """Text as tests/tmx/tmxdump prints it (byte-wise, control characters escaped)."""
    out = []
    for c in text.encode("utf-8"):
        if c == 0x5C:
            out.append(b"\\\\")
        elif c == 0x0A:
            out.append(b"\\n")
        elif c == 0x09:
            out.append(b"\\t")
        elif c == 0x0D:
            out.append(b"\\r")
        elif c < 0x20 or c == 0x7F:
            out.append(b"\\x%02x" % c)
        else:
            out.append(bytes([c]))
    return b"".join(out).decode("utf-8")


def read_beads(path):
    beads = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            m = BEAD.match(line.rstrip("\n"))
            if not m:
                raise SystemExit(f"# {path}:{n}: not a bead: {line[:60]!r}")
            side = lambda s: [int(x) for x in s.split(",") if x]
            beads.append((side(m.group(1)), side(m.group(2))))
    return beads


def read_sentences(path, lines):
    with open(path, encoding="utf-8", newline="\n") as f:
        if lines:
            return [l.strip(" \t\r\n") for l in f if l.strip(" \t\r\n")]
        return [json.loads(l)["text"] for l in f if l.strip()]


def joined(sents, idx, lang):
    sep = "" if lang.split("-")[0].lower() in UNSPACED else " "
    return sep.join(sents[i] for i in idx)


def cmd_expected(args):
    opts, rest = {}, []
    lines = tsv = False
    it = iter(args)
    for a in it:
        if a == "--lines":
            lines = True
        elif a == "--tsv":
            tsv = True
        elif a.startswith("--"):
            opts[a[2:]] = next(it)
        else:
            rest.append(a)
    src = read_sentences(opts["src"], lines)
    tgt = read_sentences(opts["tgt"], lines)
    beads = read_beads(opts["beads"])
    bad = 0
    for s, t in beads:
        if any(i >= len(src) for i in s) or any(j >= len(tgt) for j in t):
            print(f"# bead {s}:{t} beyond {len(src)} + {len(tgt)} sentences")
            bad = 1
    if bad:
        return 1
    full = [(s, t) for s, t in beads if s and t]
    if tsv:
        field = lambda x: re.sub(r"[\t\r\n]", " ", x)
        with open(rest[0], "w", encoding="utf-8", newline="\n") as f:
            for s, t in full:
                f.write(field(joined(src, s, opts["src-lang"])) + "\t" +
                        field(joined(tgt, t, opts["tgt-lang"])) + "\n")
        return 0
    with open(rest[0], "w", encoding="utf-8", newline="\n") as fs, \
         open(rest[1], "w", encoding="utf-8", newline="\n") as ft:
        for s, t in full:
            fs.write(escape(joined(src, s, opts["src-lang"])) + "\n")
            ft.write(escape(joined(tgt, t, opts["tgt-lang"])) + "\n")
    return 0


def cmd_coverage(args):
    beads = read_beads(args[0])
    n = (int(args[1]), int(args[2]))
    nxt = [0, 0]
    bad = 0
    for k, bead in enumerate(beads):
        if not bead[0] and not bead[1]:
            print(f"# bead {k + 1} is empty")
            bad = 1
        for side in (0, 1):
            for i in bead[side]:
                if i != nxt[side]:
                    print(f"# bead {k + 1}: side {side} has sentence {i}, expected {nxt[side]}")
                    return 1
                nxt[side] += 1
    for side in (0, 1):
        if nxt[side] != n[side]:
            print(f"# side {side}: beads cover {nxt[side]} sentences of {n[side]}")
            bad = 1
    return bad


def parse_tmx(path):
    data = gzip.open(path).read() if path.endswith(".gz") else open(path, "rb").read()
    return data, ET.fromstring(data)


def cmd_structure(args):
    path, opts = args[0], dict(zip(args[1::2], args[2::2]))
    langs = opts["--langs"].split(",")
    problems = []
    data, root = parse_tmx(path)
    if not data.startswith(b"<?xml"):
        problems.append("does not start with the XML declaration (BOM?)")
    if root.tag != "tmx" or root.get("version") != "1.4":
        problems.append(f"root {root.tag} version {root.get('version')}")
    header = root.find("header")
    want = {"creationtool": "polyalign", "segtype": "sentence", "datatype": "plaintext",
            "srclang": opts["--srclang"]}
    if header is None:
        problems.append("no header")
    else:
        for k, v in want.items():
            if header.get(k) != v:
                problems.append(f"header {k}={header.get(k)!r}, expected {v!r}")
        for k in ("creationtoolversion", "o-tmf", "adminlang"):
            if not header.get(k):
                problems.append(f"header lacks {k}")
        if not TMX_DATE.match(header.get("creationdate") or ""):
            problems.append(f"header creationdate {header.get('creationdate')!r}")
    tuids = set()
    last_para = 0
    units = root.findall("body/tu")
    for n, tu in enumerate(units, 1):
        where = f"tu {n}"
        tuid = tu.get("tuid")
        if not tuid or tuid in tuids:
            problems.append(f"{where}: tuid {tuid!r} missing or repeated")
        tuids.add(tuid)
        if not TMX_DATE.match(tu.get("creationdate") or ""):
            problems.append(f"{where}: creationdate {tu.get('creationdate')!r}")
        props = {}
        for p in tu.findall("prop"):
            props.setdefault(p.get("type"), []).append(p.text or "")
        if props.get("x-document") != [opts["--doc"]]:
            problems.append(f"{where}: x-document {props.get('x-document')!r}")
        score = props.get("x-score", [])
        try:
            ok = len(score) == 1 and 0.0 <= float(score[0]) <= 1.0
        except ValueError:
            ok = False
        if not ok:
            problems.append(f"{where}: x-score {score!r} not one number in [0,1]")
        got = [tuv.get(XML_LANG) for tuv in tu.findall("tuv")]
        if got != langs:
            problems.append(f"{where}: tuv languages {got}, expected {langs}")
        bead = props.get("x-bead", [""])
        counts = bead[0].split("-")
        if (len(bead) != 1 or len(counts) != len(langs) or not all(c.isdigit() for c in counts)
                or [lang for lang, c in zip(langs, counts) if int(c) > 0] != got):
            problems.append(f"{where}: x-bead {bead!r} does not match the languages {got}")
        para = props.get("x-paragraph", [""])
        if len(para) != 1 or not para[0].isdigit() or int(para[0]) < max(last_para, 1):
            problems.append(f"{where}: x-paragraph {para!r} (the previous unit's {last_para})")
        else:
            last_para = int(para[0])
        if props.get("x-numbers", ["differ"]) != ["differ"]:
            problems.append(f"{where}: x-numbers {props.get('x-numbers')!r}")
        for tuv in tu.findall("tuv"):
            if tuv.find("seg") is None:
                problems.append(f"{where}: tuv without seg")
    for p in problems[:10]:
        print(f"# {path}: {p}")
    print(len(units))
    return 1 if problems else 0


def cmd_scores(args):
    _, root = parse_tmx(args[0])
    for tu in root.findall("body/tu"):
        for p in tu.findall("prop"):
            if p.get("type") == "x-score":
                print(p.text)
    return 0


def cmd_ttk(args):
    path, exp_src, exp_tgt, src_tag, tgt_tag = args
    try:
        from translate.storage import tmx
    except ImportError as e:
        print(f"# translate-toolkit not importable: {e}")
        return 77
    data = gzip.open(path).read() if path.endswith(".gz") else open(path, "rb").read()
    store = tmx.tmxfile.parsestring(data)
    want_src = open(exp_src, encoding="utf-8", newline="\n").read().splitlines()
    want_tgt = open(exp_tgt, encoding="utf-8", newline="\n").read().splitlines()
    units = [u for u in store.units if u.istranslatable()]
    problems = []
    if len(units) != len(want_src):
        problems.append(f"{len(units)} units, expected {len(want_src)}")
    for n, (u, s, t) in enumerate(zip(units, want_src, want_tgt), 1):
        got_s = escape(u.source or "")
        got_t = escape(u.target or "")
        if got_s != s:
            problems.append(f"unit {n}: source {got_s[:60]!r} != {s[:60]!r}")
        if got_t != t:
            problems.append(f"unit {n}: target {got_t[:60]!r} != {t[:60]!r}")
        langs = [n.get(XML_LANG) for n in u.getlanguageNodes()]
        if langs != [src_tag, tgt_tag]:
            problems.append(f"unit {n}: languages {langs}")
    for p in problems[:10]:
        print(f"# {path}: {p}")
    return 1 if problems else 0


def main(argv):
    cmds = {"expected": cmd_expected, "coverage": cmd_coverage, "structure": cmd_structure,
            "scores": cmd_scores, "ttk": cmd_ttk}
    if not argv or argv[0] not in cmds:
        raise SystemExit(__doc__)
    return cmds[argv[0]](argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
