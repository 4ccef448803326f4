#!/usr/bin/env python3
"""Runs the segmentation cases in cases.txt (TAP).

Each "<" line is one paragraph given to `polyalign segment --lang LANG -`;
the "=" lines after it are the sentences expected, in order. "lang: xx"
sets the language of the blocks that follow.
"""
import os
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
poly = os.environ.get("POLYALIGN", "polyalign")
blocks, lang = [], "en"
with open(os.path.join(here, "cases.txt"), encoding="utf-8") as f:
    for no, line in enumerate(f, 1):
        line = line.rstrip("\n")
        if line.startswith("lang: "):
            lang = line[6:].strip()
        elif line.startswith("< "):
            blocks.append((no, lang, line[2:], []))
        elif line.startswith("= "):
            blocks[-1][3].append(line[2:])
failed = 0
for n, (no, lang, text, want) in enumerate(blocks, 1):
    r = subprocess.run([poly, "segment", "--lang", lang, "-"], input=text.encode(),
                       capture_output=True)
    got = [s for s in r.stdout.decode().split("\n") if s]
    ok = r.returncode == 0 and got == want
    failed += not ok
    print("%s %d - cases.txt:%d (%s) %s" % ("ok" if ok else "not ok", n, no, lang, text[:40]))
    if not ok:
        for s in want:
            print("#   want: %s" % s)
        for s in got:
            print("#   got:  %s" % s)
        if r.stderr:
            print("#   " + r.stderr.decode().strip())
print("1..%d" % len(blocks))
