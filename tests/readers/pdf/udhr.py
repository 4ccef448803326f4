#!/usr/bin/env python3
"""udhr.py - the UDHR of ../shared/corpora/udhr as typeset UN-like PDF, and
the true sentence pairs to score an alignment of it against.

  udhr.py spec HTML LANG > SPEC
      the blocks of the page (h1, h2, p, li; list items numbered "1. ")
      in mkfodt.py's format, with a header symbol, a job number and page
      numbers "n/N" as on UN documents.
  udhr.py score POLYALIGN SRC.html SRCLANG TGT.html TGTLANG UNITS.tsv
      the true pairs: the blocks of each section (preamble, Article N) are
      paired in order where both languages have as many blocks there (the
      preamble's paragraphing differs between languages, so it is paired
      only where it agrees); each block pair is segmented with `polyalign
      segment --reflow off` from the HTML text, and where both blocks have
      as many sentences, sentence i pairs with sentence i. A true pair
      comes out as a unit when one line of UNITS.tsv (polyalign align -o
      X.tsv: score, source, target) holds exactly those two sentences
      (white space ignored). Prints "found/true pct" and, with -v on
      standard error, the pairs missed.
  udhr.py units REF.tsv UNITS.tsv
      the units of REF.tsv (the alignment of the same versions from clean
      text: the HTML's blocks a paragraph a line) found in UNITS.tsv, as
      above: how much of what the aligner makes of the clean text survives
      typesetting and extraction. Counting true pairs as above, the clean
      text itself scores 80% (the aligner joins some 1-1 pairs into 2-2
      units, and Article 26 has as many sentences in both languages but
      splits them differently); counted this way it scores 100%.
"""
import html.parser
import json
import os
import subprocess
import sys
import tempfile


class Blocks(html.parser.HTMLParser):
    """Sections of the page: [(name, [block text, ...]), ...]."""

    def __init__(self):
        super().__init__()
        self.sections = [('title', [])]
        self.cur = None
        self.ol = 0
        self.in_li = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == 'article':
            self.sections.append(('article ' + a.get('data-number', '?'), []))
        elif tag == 'header':
            self.sections.append(('preamble', []))
        elif tag == 'ol':
            self.ol = 0
        elif tag == 'li':
            self.in_li = True
            self.ol += 1
            self.cur = ['%d. ' % self.ol]
        elif tag in ('h1', 'h2', 'p'):
            if not (tag == 'p' and self.cur is not None):  # a p in an li goes on the li
                self.cur = []

    def handle_endtag(self, tag):
        if tag == 'li':
            self.in_li = False
        if tag in ('h1', 'h2', 'p', 'li') and self.cur is not None and not (tag == 'p' and self.in_li):
            text = ' '.join(''.join(self.cur).split())
            if text:
                self.sections[-1][1].append(('h' if tag[0] == 'h' else 'p', text))
            self.cur = None

    def handle_data(self, data):
        if self.cur is not None:
            self.cur.append(data)


def sections(path):
    p = Blocks()
    p.feed(open(path, encoding='utf-8').read())
    return p.sections


def spec(path, lang):
    print('@lang ' + lang)
    print('@symbol A/RES/217 A (III)')
    print('@job GE.48-%05d(%s)' % (10000 + sum(map(ord, lang)), lang.upper()))
    print('@pages n/N')
    for _, blocks in sections(path):
        for kind, text in blocks:
            print(('= ' if kind == 'h' else '') + text)


def segment(polyalign, blocks, lang):
    """Sentences of each block: [[sentence, ...], ...]."""
    with tempfile.NamedTemporaryFile('w', suffix='.txt', delete=False, encoding='utf-8') as f:
        f.write('\n\n'.join(blocks) + '\n')
        name = f.name
    try:
        out = subprocess.run([polyalign, 'segment', '--lang', lang, '--reflow', 'off', '--jsonl', name],
                             check=True, capture_output=True, text=True).stdout
    finally:
        os.unlink(name)
    sents = [[] for _ in blocks]
    for line in out.splitlines():
        o = json.loads(line)
        sents[o['para']].append(o['text'])
    return sents


def key(s):
    return ''.join(s.split())


def read_units(tsv):
    units = []
    for line in open(tsv, encoding='utf-8'):
        f = line.rstrip('\n').split('\t')
        if len(f) >= 3:
            units.append((key(f[1]), key(f[2])))
    return units


def units(ref, test, verbose):
    want, got = read_units(ref), set(read_units(test))
    found = 0
    for u in want:
        if u in got:
            found += 1
        elif verbose:
            print('missed: %s ||| %s' % u, file=sys.stderr)
    print('%d/%d %.1f%%' % (found, len(want), 100.0 * found / max(1, len(want))))


def score(polyalign, src, sl, tgt, tl, tsv, verbose):
    a, b = sections(src), sections(tgt)
    pa, pb = [], []
    for (na, ba), (nb, bb) in zip(a, b):
        if na != nb or len(ba) != len(bb):
            continue
        pa += [t for _, t in ba]
        pb += [t for _, t in bb]
    sa, sb = segment(polyalign, pa, sl), segment(polyalign, pb, tl)
    true = []
    for x, y in zip(sa, sb):
        if len(x) == len(y):
            true += list(zip(x, y))
    got = set(read_units(tsv))
    found = 0
    for x, y in true:
        if (key(x), key(y)) in got:
            found += 1
        elif verbose:
            print('missed: %s ||| %s' % (x, y), file=sys.stderr)
    print('%d/%d %.1f%%' % (found, len(true), 100.0 * found / max(1, len(true))))


if __name__ == '__main__':
    args = [x for x in sys.argv[1:] if x != '-v']
    if args[0] == 'spec':
        spec(args[1], args[2])
    elif args[0] == 'units':
        units(args[1], args[2], '-v' in sys.argv)
    else:
        score(*args[1:7], verbose='-v' in sys.argv)
