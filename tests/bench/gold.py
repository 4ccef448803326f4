"""gold.py - the gold alignments of ../shared/eval/alignment (one bead a
line, "[0,1]:[0]": source and target sentence indices), for the bench
scripts' Python helpers (paragraphs.py, short.py)."""


def read_beads(path):
    """The beads of gold file `path`, as (sources, targets) index lists."""
    beads = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            a, b = line.split(':')
            beads.append(([int(x) for x in a.strip('[]').split(',') if x],
                          [int(x) for x in b.strip('[]').split(',') if x]))
    return beads
