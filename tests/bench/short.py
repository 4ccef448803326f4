#!/usr/bin/env python3
"""short.py - short documents with gold beads, cut from a longer pre-split
pair, for bench-short.sh: how well the aligner does on documents of about
40 sentences, one process each, as in a loop over a folder of short UN
documents (its speed is bench-speed.sh's loop).

usage: short.py GOLD SRC TGT OUT_PREFIX [SIZE]

Cuts only between gold beads where every earlier bead lies before the cut
and every later one after it, on both sides, once a piece has SIZE source
sentences (default 40); the last piece takes the rest. Writes
OUT_PREFIX.NN.{src,tgt,gold} (gold indices counted from each piece's
start) and prints the number of pieces."""
import sys

from gold import read_beads


def main():
    gold, src, tgt, prefix = sys.argv[1:5]
    size = int(sys.argv[5]) if len(sys.argv) > 5 else 40
    beads = read_beads(gold)
    with open(src, encoding='utf-8') as f:
        s_lines = f.read().splitlines(True)
    with open(tgt, encoding='utf-8') as f:
        t_lines = f.read().splitlines(True)
    n = len(beads)
    # the least source and target index of the beads from k on
    big = 1 << 60
    min_s, min_t = [big] * (n + 1), [big] * (n + 1)
    for k in range(n - 1, -1, -1):
        a, b = beads[k]
        min_s[k] = min([min_s[k + 1]] + a)
        min_t[k] = min([min_t[k + 1]] + b)
    pieces, start, s0, t0, max_s, max_t = [], 0, 0, 0, -1, -1
    for k, (a, b) in enumerate(beads):
        max_s, max_t = max([max_s] + a), max([max_t] + b)
        s1, t1 = max_s + 1, max_t + 1
        if s1 - s0 >= size and min_s[k + 1] >= s1 and min_t[k + 1] >= t1:
            pieces.append((start, k + 1, s0, s1, t0, t1))
            start, s0, t0 = k + 1, s1, t1
    if start < n:
        pieces.append((start, n, s0, len(s_lines), t0, len(t_lines)))
    for p, (k0, k1, s0, s1, t0, t1) in enumerate(pieces):
        name = '%s.%02d' % (prefix, p)
        with open(name + '.src', 'w', encoding='utf-8') as f:
            f.writelines(s_lines[s0:s1])
        with open(name + '.tgt', 'w', encoding='utf-8') as f:
            f.writelines(t_lines[t0:t1])
        with open(name + '.gold', 'w', encoding='utf-8') as f:
            for a, b in beads[k0:k1]:
                f.write('[%s]:[%s]\n' % (','.join(str(x - s0) for x in a), ','.join(str(x - t0) for x in b)))
    print(len(pieces))


if __name__ == '__main__':
    main()
