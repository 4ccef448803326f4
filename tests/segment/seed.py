#!/usr/bin/env python3
"""Input repair on the seed document (TAP).

../shared/seed/000_79c42e946e606029.txt is Chinese text extracted from PDF:
every line is followed by a blank line and a trailing space marks the real
paragraph ends. After `polyalign segment` (reflow auto):
  - no sentence is cut at a former line break inside a paragraph,
  - a paragraph without a sentence end (heading, dateline) is one segment,
  - each numbered paragraph's first sentence begins with its number.
The checks derive the paragraphs from the file's own cues, so nothing of the
document is copied here.
"""
import json
import os
import re
import subprocess
import sys

poly = os.environ.get("POLYALIGN", "polyalign")
shared = os.environ.get("SHARED", "../shared")
seed = os.path.join(shared, "seed", "000_79c42e946e606029.txt")
if not os.path.exists(seed):
    print("1..0 # SKIP %s not found (the shared seed document)" % seed)
    sys.exit(0)

r = subprocess.run([poly, "segment", "--lang", "zh", "--jsonl", seed], capture_output=True)
sents = [json.loads(l)["text"] for l in r.stdout.decode().splitlines()]
n = 0


def ok(cond, desc):
    global n
    n += 1
    print("%s %d - %s" % ("ok" if cond else "not ok", n, desc))
    return cond


ok(r.returncode == 0 and sents, "segment runs (%d sentences)" % len(sents))
squash = [re.sub(r"\s+", "", s) for s in sents]

# Paragraphs by the file's cues: a trailing space ends one.
paras, cur = [], []
for line in open(seed, encoding="utf-8").read().split("\n"):
    if not line.strip():
        continue
    cur.append(line.strip())
    if line != line.rstrip():
        paras.append(cur)
        cur = []
if cur:
    paras.append(cur)
final = "。！？"

cut = []
for p in paras:
    for a, b in zip(p, p[1:]):
        if a[-1] in final:
            continue
        joint = re.sub(r"\s+", "", a[-3:] + b[:3])
        if not any(joint in s for s in squash):
            cut.append(joint)
ok(not cut, "no sentence cut at a former line break%s" % (": " + " ".join(cut) if cut else ""))

for p in paras:
    text = re.sub(r"\s+", "", "".join(p))
    if not any(c in text for c in final):
        ok(text in squash, "a paragraph without a sentence end (heading, dateline, list item) is one segment: %s" % text[:20])

for p in paras:
    m = re.match(r"(\d+)\.\s+(\S{1,6})", p[0])
    if m:
        head = m.group(1) + "." + m.group(2)
        ok(any(s.startswith(head) for s in squash), "numbered paragraph starts a sentence: %s" % head)
print("1..%d" % n)
