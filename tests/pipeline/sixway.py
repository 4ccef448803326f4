#!/usr/bin/env python3
"""Six languages at once, with gaps in every version, into one memory.

A held-out six-language UN text (the UN Parallel Corpus dev set: 4,000
sentences of 732 documents, the same line in every language; a blank line
between documents) loses different sentences in each language: single
sentences here and there and one block per version, as real language
versions lack entries that the others have. One command aligns all six
(Chinese the pivot) into one TMX. The test reads that memory back, finds
each unit's sentences (units hold whole sentences, in order), and scores
every zh-X pair at entry level against the truth (a Chinese and an X
sentence are a pair when they are the same line of the dev set): precision
and recall of sentence pairs, F1 >= 0.99 each. Lines the pivot lacks must
come out as units without the pivot that pair the other languages. The
memory must be valid TMX 1.4b and hold whole sentences in order, leaving out
(as one-language units) few that have a counterpart.
TAP output; skips without the shared data.
"""
import os
import random
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import xml.etree.ElementTree as ET

shared = os.environ.get("SHARED", "../shared")
polyalign = os.environ.get("POLYALIGN", "./polyalign")
base = os.path.join(shared, "corpora/unpc-devset/UNv1.0.devset")
LANGS = ["zh", "en", "fr", "es", "ru", "ar"]
if not os.path.exists(base + ".ids"):
    print(f"1..0 # SKIP shared data not found at {shared}")
    sys.exit(0)

n = 0


def ok(cond, desc):
    global n
    n += 1
    print(("ok" if cond else "not ok") + f" {n} - {desc}")


lines = {l: open(f"{base}.{l}", encoding="utf-8").read().split("\n")[:-1] for l in LANGS}
docs = [line.split()[0] for line in open(base + ".ids", encoding="utf-8")]
total = len(docs)

# which dev-set lines each version keeps: about 2% dropped one by one, and
# one block of 5 to 15 lines, at a different place in every language
rnd = random.Random(20261203)
keep = {}
for l in LANGS:
    k = [rnd.random() >= 0.02 for _ in range(total)]
    start = rnd.randrange(0, total - 20)
    for i in range(start, start + rnd.randrange(5, 16)):
        k[i] = False
    keep[l] = k

tmp = tempfile.mkdtemp(prefix="sixway.")
try:
    ids = {}   # language -> dev-set line of its i-th sentence
    paths = []
    for l in LANGS:
        out, ids[l] = [], []
        prev = None
        for i in range(total):
            if not keep[l][i]:
                continue
            if prev is not None and docs[i] != prev:
                out.append("")  # a blank line between documents
            prev = docs[i]
            out.append(lines[l][i].strip())
            ids[l].append(i)
        p = os.path.join(tmp, f"un.{l}.txt")
        with open(p, "w", encoding="utf-8") as f:
            f.write("\n".join(out) + "\n")
        paths.append(p)
    gaps = ", ".join(f"{l} {total - len(ids[l])}" for l in LANGS)
    tmx = os.path.join(tmp, "un.tmx")
    r = subprocess.run([polyalign, "align", "-q", "--presplit"] + paths + ["-o", tmx],
                       capture_output=True, text=True)
    ok(r.returncode == 0, f"one command aligns six versions of {total} lines (missing: {gaps}) into un.tmx"
       + (f": {r.stderr.strip()}" if r.returncode else ""))
    if r.returncode != 0:
        print(f"1..{n}")
        sys.exit(0)

    xmllint = shutil.which(os.environ.get("XMLLINT") or "xmllint")
    dtd = os.path.join(shared, "tmx/tmx14.dtd")
    if xmllint and os.path.exists(dtd):
        v = subprocess.run([xmllint, "--noout", "--nonet", "--dtdvalid", dtd, tmx], capture_output=True, text=True)
        ok(v.returncode == 0, "the memory is valid TMX 1.4b (xmllint --dtdvalid)")
    else:
        print("# no xmllint or DTD: validity not checked")

    # each unit's sentences, by walking every language's sentences in order
    tag_lang = {}
    pos = {l: 0 for l in LANGS}
    sents = {l: [unicodedata.normalize("NFC", lines[l][i].strip()) for i in ids[l]] for l in LANGS}
    units = []
    lost, skipped, skipped_bad, skipped_pivot = 0, 0, 0, 0
    zh_has = set(ids["zh"])
    for tu in ET.parse(tmx).getroot().iter("tu"):
        unit = {}
        for tuv in tu.iter("tuv"):
            tag = tuv.get("{http://www.w3.org/XML/1998/namespace}lang")
            l = tag_lang.setdefault(tag, tag.split("-")[0].lower())
            text = "".join(tuv.find("seg").itertext())
            sep = "" if l == "zh" else " "
            # a sentence the memory left out (a unit of one language only:
            # the writer needs two)
            while pos[l] < len(sents[l]) and not text.startswith(sents[l][pos[l]]):
                skipped += 1
                skipped_bad += l == "zh" or ids[l][pos[l]] in zh_has
                skipped_pivot += l == "zh"
                pos[l] += 1
            got, first = "", pos[l]
            while pos[l] < len(sents[l]) and len(got) < len(text):
                got = got + (sep if got else "") + sents[l][pos[l]]
                pos[l] += 1
            lost += got != text
            unit[l] = list(range(first, pos[l]))
        units.append(unit)
    for l in LANGS:
        for p in range(pos[l], len(sents[l])):
            skipped += 1
            skipped_bad += l == "zh" or ids[l][p] in zh_has
            skipped_pivot += l == "zh"
    ok(lost == 0, f"{len(units)} units hold whole sentences of their versions, in order")
    all_sents = sum(len(sents[l]) for l in LANGS)
    ok(skipped_bad * 200 <= all_sents, f"the memory leaves out {skipped_bad} sentences that have a counterpart "
       f"({skipped_pivot} of the pivot), at most 0.5% of {all_sents}; and {skipped - skipped_bad} that have none")

    # lines the pivot lacks: units without the pivot pair them across the
    # other languages (their sentences of one dev-set line in one unit)
    where = {l: {i: b for b, i in enumerate(ids[l])} for l in LANGS}
    truth, pred = set(), set()
    for x in LANGS[1:]:
        for y in LANGS[1:]:
            if x < y:
                truth |= {(x, y, i) for i in where[x] if i in where[y] and i not in zh_has}
                pred |= {(x, y, ids[x][a], ids[y][b]) for u in units if "zh" not in u
                         for a in u.get(x, []) for b in u.get(y, [])}
    hit = sum((x, y, i, i) in pred for (x, y, i) in truth)
    p = hit / len(pred) if pred else 0.0
    rec = hit / len(truth) if truth else 0.0
    ok(rec >= 0.9 and p >= 0.9, f"lines the pivot lacks are units without it: pairs among the other "
       f"languages precision {p:.3f}, recall {rec:.3f} over {len(truth)} pairs (>= 0.9)")

    for l in LANGS[1:]:
        truth = {(a, where[l][i]) for a, i in enumerate(ids["zh"]) if i in where[l]}
        pred = {(a, b) for u in units for a in u.get("zh", []) for b in u.get(l, [])}
        hit = len(truth & pred)
        p = hit / len(pred) if pred else 0.0
        rec = hit / len(truth) if truth else 0.0
        f1 = 2 * p * rec / (p + rec) if p + rec else 0.0
        ok(f1 >= 0.99, f"zh-{l}: precision {p:.4f}, recall {rec:.4f}, F1 {f1:.4f} (>= 0.99) over {len(truth)} pairs")
finally:
    shutil.rmtree(tmp)
print(f"1..{n}")
