#!/usr/bin/env python3
"""paragraphs.py - paragraph breaks for a pre-split document pair with gold
beads, for bench-paragraphs.sh: what the paragraph-first pass of the
aligner does when the two versions are paragraphed alike, and when they
are not (a converter that joined or split paragraphs on one side only, as
PDF extraction does).

usage: paragraphs.py GOLD SRC TGT OUT_PREFIX SEED

Breaks fall only at gold bead ends, so no gold bead crosses a paragraph on
either side. Writes OUT_PREFIX.same.{src,tgt} (a break after 15% of the
beads, on both sides) and OUT_PREFIX.diff.{src,tgt} (the same source; on
the target side a fifth of those breaks dropped and a break added after 5%
of the other beads). The random choices are seeded: the same SEED gives the
same files."""
import random
import sys

from gold import read_beads


def read_lines(path):
    with open(path, encoding='utf-8') as f:
        return f.read().rstrip('\n').split('\n')


def write(lines, breaks, path):
    """One sentence a line, a blank line after each sentence in `breaks`."""
    with open(path, 'w', encoding='utf-8') as f:
        for i, line in enumerate(lines):
            f.write(line + '\n')
            if i in breaks and i != len(lines) - 1:
                f.write('\n')


def main(argv):
    if len(argv) != 5:
        sys.stderr.write(__doc__)
        return 2
    gold, src, tgt, prefix, seed = argv
    rng = random.Random(int(seed))
    beads = read_beads(gold)
    s_lines, t_lines = read_lines(src), read_lines(tgt)
    s_br, t_br, t_diff = set(), set(), set()
    for a, b in beads[:-1]:
        shared = rng.random() < 0.15
        keep = rng.random() >= 0.2
        add = rng.random() < 0.05
        if shared and a and b:
            s_br.add(max(a))
            t_br.add(max(b))
            if keep:
                t_diff.add(max(b))
        elif add and b:
            t_diff.add(max(b))
    write(s_lines, s_br, prefix + '.same.src')
    write(t_lines, t_br, prefix + '.same.tgt')
    write(s_lines, s_br, prefix + '.diff.src')
    write(t_lines, t_diff, prefix + '.diff.tgt')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
