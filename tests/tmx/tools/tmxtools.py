#!/usr/bin/env python3
"""Independent readings of TMX files for tests/tmx/tmx_tools.sh (Python's
own XML parser, and translate-toolkit where installed).

  tmxtools.py units FILE          one line a <tu>: its variants as
                                  lang=text, languages lower-cased, white
                                  space runs one space, sorted; inline codes
                                  (bpt ept ph it ut sub) left out
  tmxtools.py count FILE          the number of <tu>
  tmxtools.py header FILE ATTR    a header attribute ("-" when absent)
  tmxtools.py langs FILE          the tuv languages, in order, one a line
  tmxtools.py has FILE ELEMENT    how many ELEMENT elements inside <seg>s
  tmxtools.py ttk FILE            translate-toolkit reads FILE with as many
                                  units as <tu>s, and each unit's source and
                                  target are the texts of its first two tuvs;
                                  exit 77 when translate-toolkit is missing
FILE may be gzip-compressed. Problems go to stdout as "# ..." lines.
"""
import gzip
import sys
import xml.etree.ElementTree as ET

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
CODES = {"bpt", "ept", "ph", "it", "ut", "sub"}


def load(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return data


def root_of(path):
    return ET.fromstring(load(path))


def seg_text(seg):
    """The text of a seg without the content of inline codes (hi's kept)."""
    parts = [seg.text or ""]
    for child in seg:
        if child.tag not in CODES:
            parts.append(seg_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def variants(tu):
    out = []
    for tuv in tu.findall("tuv"):
        seg = tuv.find("seg")
        out.append((tuv.get(XML_LANG) or tuv.get("lang") or "", seg_text(seg) if seg is not None else ""))
    return out


def main(argv):
    cmd, path = argv[1], argv[2]
    root = root_of(path)
    tus = list(root.iter("tu"))
    if cmd == "units":
        for tu in tus:
            print("\t".join(sorted(f"{l.lower().replace('_', '-')}={' '.join(t.split())}" for l, t in variants(tu))))
    elif cmd == "count":
        print(len(tus))
    elif cmd == "header":
        h = root.find("header")
        print(h.get(argv[3], "-") if h is not None else "-")
    elif cmd == "langs":
        for tu in tus:
            for l, _ in variants(tu):
                print(l)
    elif cmd == "has":
        print(sum(1 for seg in root.iter("seg") for _ in seg.iter(argv[3])))
    elif cmd == "ttk":
        try:
            from translate.storage import tmx
        except ImportError as e:
            print(f"# translate-toolkit not importable: {e}")
            return 77
        store = tmx.tmxfile.parsestring(load(path))
        units = [u for u in store.units if u.istranslatable()]
        problems = []
        if len(units) != len(tus):
            problems.append(f"translate-toolkit reads {len(units)} units, the file has {len(tus)}")
        for n, (u, tu) in enumerate(zip(units, tus), 1):
            v = variants(tu)
            if (u.source or "") != v[0][1] or (len(v) > 1 and (u.target or "") != v[1][1]):
                problems.append(f"unit {n}: {u.source!r} / {u.target!r} != {v[:2]!r}")
        for p in problems[:10]:
            print(f"# {p}")
        return 1 if problems else 0
    else:
        print(f"# unknown command {cmd}")
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
