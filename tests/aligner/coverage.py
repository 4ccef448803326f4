#!/usr/bin/env python3
"""Alignments always cover both documents exactly once, in order.

Real UN text (the UN Parallel Corpus dev set) is perturbed the way document
pairs differ: blocks of the target deleted, blocks of unrelated sentences
inserted, sentences merged. Whatever the aligner decides, its beads must
cover every source and target sentence once, in order, with scores in
[0, 1]; this is where the band widening and re-search could go wrong. Also
run with paragraphs (blank lines every few sentences on each side).
TAP output; skips without the shared data.
"""
import os
import random
import subprocess
import sys
import tempfile

shared = os.environ.get("SHARED", "../shared")
polyalign = os.environ.get("POLYALIGN", "./polyalign")
src_path = os.path.join(shared, "corpora/unpc-devset/UNv1.0.devset.zh")
tgt_path = os.path.join(shared, "corpora/unpc-devset/UNv1.0.devset.en")
if not os.path.exists(src_path):
    print(f"1..0 # SKIP shared data not found at {shared}")
    sys.exit(0)
S = open(src_path, encoding="utf-8").read().split("\n")[:-1]
T = open(tgt_path, encoding="utf-8").read().split("\n")[:-1]


def perturb(seed, n):
    """A source window of n sentences and a perturbed copy of its target."""
    rnd = random.Random(seed)
    off = rnd.randrange(0, len(S) - n + 1)
    src, tgt = S[off:off + n], T[off:off + n]
    out, i = [], 0
    while i < len(tgt):
        r = rnd.random()
        if r < 0.01:
            i += rnd.randrange(5, 60)  # a block deleted
            continue
        if r < 0.02:
            out += rnd.sample(T, rnd.randrange(5, 60))  # unrelated sentences inserted
        if r < 0.05 and i + 1 < len(tgt):
            out.append(tgt[i] + tgt[i + 1])  # two sentences merged
            i += 2
            continue
        out.append(tgt[i])
        i += 1
    return src, out


def with_paragraphs(lines, every):
    out = []
    for k, line in enumerate(lines):
        if k and k % every == 0:
            out.append("")
        out.append(line)
    return out


def covers(beads, n, m):
    """Whether the bead lines cover 0..n-1 and 0..m-1 once, in order."""
    i = j = 0
    for line in beads:
        s, t = line.split(":")
        s = [int(x) for x in s.strip("[]").split(",") if x]
        t = [int(x) for x in t.strip("[]").split(",") if x]
        if s != list(range(i, i + len(s))) or t != list(range(j, j + len(t))):
            return False
        i += len(s)
        j += len(t)
    return i == n and j == m


tests = 0
failed = 0
with tempfile.TemporaryDirectory() as tmp:
    for seed in range(1, 11):
        n = 2000 if seed % 3 else 600
        src, tgt = perturb(seed, n)
        paragraphs = seed % 2 == 0
        if paragraphs:
            src, tgt = with_paragraphs(src, 4), with_paragraphs(tgt, 5)
        a, b = os.path.join(tmp, "a.zh"), os.path.join(tmp, "b.en")
        open(a, "w", encoding="utf-8").write("\n".join(src) + "\n")
        open(b, "w", encoding="utf-8").write("\n".join(tgt) + "\n")
        ns = sum(1 for x in src if x.strip())
        nt = sum(1 for x in tgt if x.strip())
        beads = subprocess.run([polyalign, "align", "--presplit", "-s", "zh", "-t", "en", "-f", "beads", "-o", "-", a, b],
                               capture_output=True, text=True)
        tsv = subprocess.run([polyalign, "align", "--presplit", "-s", "zh", "-t", "en", "-f", "tsv", "-o", "-", a, b],
                             capture_output=True, text=True) if seed <= 3 else None
        ok = beads.returncode == 0 and covers(beads.stdout.split(), ns, nt)
        what = f"seed {seed}: {ns} x {nt} sentences{', paragraphs' if paragraphs else ''}"
        checks = [(ok, f"{what}: beads cover both sides once, in order")]
        if tsv:
            scores = [float(l.split("\t")[0]) for l in tsv.stdout.splitlines() if l]
            checks.append((tsv.returncode == 0 and scores and all(0 <= x <= 1 for x in scores),
                           f"{what}: scores in [0, 1]"))
        for good, desc in checks:
            tests += 1
            print(f"{'ok' if good else 'not ok'} {tests} - {desc}")
            failed += not good
print(f"1..{tests}")
