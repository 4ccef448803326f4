#!/usr/bin/env python3
"""udhr_pairs.py - how many of the UDHR's true sentence pairs are units?

usage: udhr_pairs.py --udhr DIR [--min FRACTION] (--tsv FILE PIVOT OTHER |
                     --tmx FILE PIVOT OTHER...)

The true pairs come from the structure of the UDHR pages in DIR (the
shared corpus: cmn_hans.html, eng.html, ...), read here with Python's own
HTML parser, not with polyalign's:
  - the title, the preamble's heading and each article's heading pair;
  - the preamble's paragraphs pair by a table made by hand (the languages
    split its last part differently, and the Arabic text has no "friendly
    relations" clause: that clause has no pair there);
  - an article's paragraphs (p, list items) pair by position (every
    language has the same number in every article);
  - inside a pair of paragraphs (or groups), the sentences (split at . ! ?
    and their full-width forms before white space or a CJK character) pair
    one to one when both sides have as many and every pair's length ratio
    is that of the paragraphs within a factor of two; otherwise by length
    alone (the 1-1, 1-2, 2-1, 2-2, 1-3 and 3-1 groups whose length ratios
    stray least from the paragraphs'; 1-1 preferred). The Chinese and
    English article 26.1, four sentences each, pair 1-2, 1-1, 2-1 so.
A true pair is found when some unit holds exactly its two texts (compared
without white space, NFC). Also counted: units whose text holds markup
(<tag) or an entity (&amp;). Prints one line a pair of languages; exits 1
when a pair is below --min or a unit holds markup.
"""
import html.parser
import math
import os
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET

FILES = {'zh': 'cmn_hans', 'en': 'eng', 'fr': 'fra', 'es': 'spa', 'ru': 'rus', 'ar': 'arb'}

# The preamble: for each of its eight parts (seven "whereas" clauses and the
# proclamation), the indices of the language's preamble paragraphs.
W = [[0], [1], [2], [3], [4], [5], [6]]
PREAMBLE = {
    'en': W + [[7, 8, 9]],
    'zh': W + [[7]],
    'fr': W + [[7, 8]],
    'es': W + [[7, 8, 9]],
    'ru': W + [[7, 8]],
    'ar': [[0], [1], [2], [], [3], [4], [5], [6, 7, 8]],
}


class Page(html.parser.HTMLParser):
    """Collects the title, the preamble and the articles of a UDHR page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.title = ''
        self.preamble_heading = ''
        self.preamble = []
        self.articles = []  # [heading, [paragraphs]]
        self.where = None   # 'header' or 'article'
        self.buf = None

    def handle_starttag(self, tag, attrs):
        if tag == 'header':
            self.where = 'header'
        elif tag == 'article':
            self.where = 'article'
            self.articles.append(['', []])
        elif tag in ('h1', 'h2', 'p'):
            self.buf = []

    def handle_endtag(self, tag):
        if tag in ('header', 'article'):
            self.where = None
        elif tag in ('h1', 'h2', 'p') and self.buf is not None:
            text = ' '.join(''.join(self.buf).split())
            self.buf = None
            if tag == 'h1':
                self.title = text
            elif tag == 'h2' and self.where == 'header':
                self.preamble_heading = text
            elif tag == 'h2' and self.where == 'article':
                self.articles[-1][0] = text
            elif tag == 'p' and self.where == 'header':
                self.preamble.append(text)
            elif tag == 'p' and self.where == 'article':
                self.articles[-1][1].append(text)

    def handle_data(self, data):
        if self.buf is not None:
            self.buf.append(data)


def read_page(udhr, lang):
    p = Page()
    with open(os.path.join(udhr, FILES[lang] + '.html'), encoding='utf-8') as f:
        p.feed(f.read())
    return p


SENT_END = re.compile(r'(?<=[.!?])["”’»)]*\s+(?=\S)|(?<=[。!?])(?=\S)|(?<=[!?;])\s+(?=[\u4e00-\u9fff])')


def sentences(paragraphs):
    out = []
    for p in paragraphs:
        out += [s for s in SENT_END.split(p) if s.strip()]
    return out


def blocks(page, lang):
    """The parallel blocks of a page: lists of paragraphs, in order."""
    out = [[page.title], [page.preamble_heading]]
    for group in PREAMBLE[lang]:
        out.append([page.preamble[i] for i in group])
    for heading, paras in page.articles:
        out.append([heading])
        out += [[p] for p in paras]
    return out


def true_pairs(udhr, a, b):
    pa, pb = read_page(udhr, a), read_page(udhr, b)
    ba, bb = blocks(pa, a), blocks(pb, b)
    if len(ba) != len(bb):
        sys.exit('udhr_pairs.py: %s and %s have different structures' % (a, b))
    pairs = []
    for x, y in zip(ba, bb):
        if not x or not y:
            continue
        pairs += sentence_pairs(sentences(x), sentences(y))
    return pairs


def length(s):
    return max(1, len(''.join(s.split())))


def sentence_pairs(sx, sy):
    """The sentence pairs of two parallel paragraphs (see above)."""
    ratio = sum(map(length, sy)) / sum(map(length, sx))
    if len(sx) == len(sy) and all(abs(math.log(length(b) / length(a) / ratio)) < math.log(2)
                                  for a, b in zip(sx, sy)):
        return list(zip(sx, sy))
    shapes = [(1, 1, 0.0), (1, 2, 0.4), (2, 1, 0.4), (2, 2, 0.8), (1, 3, 0.8), (3, 1, 0.8)]
    inf = float('inf')
    cost = [[inf] * (len(sy) + 1) for _ in range(len(sx) + 1)]
    back = [[None] * (len(sy) + 1) for _ in range(len(sx) + 1)]
    cost[0][0] = 0.0
    for i in range(len(sx) + 1):
        for j in range(len(sy) + 1):
            for a, b, pen in shapes:
                if i < a or j < b or cost[i - a][j - b] == inf:
                    continue
                la = sum(map(length, sx[i - a:i]))
                lb = sum(map(length, sy[j - b:j]))
                c = cost[i - a][j - b] + abs(math.log(lb / la / ratio)) + pen
                if c < cost[i][j]:
                    cost[i][j], back[i][j] = c, (a, b)
    if cost[len(sx)][len(sy)] == inf:
        return [(' '.join(sx), ' '.join(sy))]
    out, i, j = [], len(sx), len(sy)
    while i or j:
        a, b = back[i][j]
        out.append((' '.join(sx[i - a:i]), ' '.join(sy[j - b:j])))
        i, j = i - a, j - b
    return out[::-1]


def key(s):
    return ''.join(unicodedata.normalize('NFC', s).split())


MARKUP = re.compile(r'<[A-Za-z/!?]|&(#[0-9]+|#x[0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);')


def units_tsv(path):
    units = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            cols = line.rstrip('\n').split('\t')
            if len(cols) >= 3:
                units.append({'src': cols[1], 'tgt': cols[2]})
    return units


def units_tmx(path):
    units = []
    for tu in ET.parse(path).getroot().iter('tu'):
        u = {}
        for tuv in tu.iter('tuv'):
            lang = tuv.get('{http://www.w3.org/XML/1998/namespace}lang') or tuv.get('lang') or ''
            seg = tuv.find('seg')
            u[lang.split('-')[0].lower()] = ''.join(seg.itertext()) if seg is not None else ''
        units.append(u)
    return units


def measure(udhr, units, a, b, ka, kb):
    truth = true_pairs(udhr, a, b)
    have = {(key(u[ka]), key(u[kb])) for u in units if u.get(ka) and u.get(kb)}
    found = sum((key(s), key(t)) in have for s, t in truth)
    missed = [(s, t) for s, t in truth if (key(s), key(t)) not in have]
    return found, len(truth), missed


def coarser(udhr, units, a, b, ka, kb, missed):
    """How many of the missed true pairs lie inside a unit that holds a run
    of whole true pairs (two or more, in order): a coarser unit that is
    right, as the multilingual merge makes where languages pair the pivot's
    sentences differently."""
    truth = [(key(s), key(t)) for s, t in true_pairs(udhr, a, b)]
    runs = set()
    for i in range(len(truth)):
        x, y = truth[i]
        for j in range(i + 1, min(len(truth), i + 8)):
            x, y = x + truth[j][0], y + truth[j][1]
            runs.add((x, y))
    inside = set()
    for u in units:
        if u.get(ka) and u.get(kb) and (key(u[ka]), key(u[kb])) in runs:
            inside.add((key(u[ka]), key(u[kb])))
    return sum(any(key(s) in x and key(t) in y for x, y in inside) for s, t in missed)


def main(argv):
    udhr, minimum, mode, rest = None, 0.0, None, []
    i = 0
    while i < len(argv):
        if argv[i] == '--udhr':
            udhr = argv[i + 1]; i += 2
        elif argv[i] == '--min':
            minimum = float(argv[i + 1]); i += 2
        elif argv[i] in ('--tsv', '--tmx'):
            mode = argv[i]; rest = argv[i + 1:]; break
        else:
            sys.exit(__doc__)
    if not udhr or not mode or len(rest) < 3:
        sys.exit(__doc__)
    path, pivot, others = rest[0], rest[1], rest[2:]
    if mode == '--tsv':
        units, keys = units_tsv(path), lambda o: ('src', 'tgt')
    else:
        units, keys = units_tmx(path), lambda o: (pivot, o)
    bad = [u for u in units if any(MARKUP.search(t) for t in u.values())]
    status = 0
    for o in others:
        ka, kb = keys(o)
        found, total, missed = measure(udhr, units, pivot, o, ka, kb)
        frac = found / total if total else 0.0
        print('%s-%s: %d of %d true pairs are units (%.1f%%); %d units hold markup or entities'
              % (pivot, o, found, total, 100 * frac, len(bad)))
        if mode == '--tmx' and missed:
            c = coarser(udhr, units, pivot, o, ka, kb, missed)
            print('  of the %d missed, %d lie inside right coarser units (runs of whole true pairs)'
                  % (len(missed), c))
        for s, t in missed[:int(os.environ.get("UDHR_SHOW", "5"))]:
            print('  missed: %s | %s' % (s[:60], t[:60]))
        if frac < minimum:
            status = 1
    if bad:
        status = 1
    return status


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
