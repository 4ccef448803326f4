#!/usr/bin/env python3
"""breaks.py - line-break repair measured on English UN text typeset as PDF.

  breaks.py spec UNPC_DIR > SPEC
      the English sentences of the UN Parallel Corpus development set
      (UNv1.0.devset.en with .ids: document, paragraph) joined into their
      paragraphs, document by document, as a mkfodt.py spec with a UN
      header and footer.
  breaks.py score SPEC EXTRACTED.txt OUTPUT
      OUTPUT is `polyalign segment` of the extracted text (a sentence a
      line, a blank line between paragraphs). Every line break of the
      extracted text's body is either a paragraph end or a break inside a
      paragraph; each is classified right when the output has a paragraph
      boundary exactly where the spec has one. Positions are compared on
      the letters and digits of the text only (hyphens, spaces, removed
      running heads aside). Prints the breaks, those classified right, the
      false paragraph breaks (a boundary inside a spec paragraph) and the
      missed ones.
"""
import os
import re
import sys


def spec(d):
    ids = open(os.path.join(d, 'UNv1.0.devset.ids'), encoding='utf-8').read().splitlines()
    en = open(os.path.join(d, 'UNv1.0.devset.en'), encoding='utf-8').read().splitlines()
    docs = {}
    order = []
    for line, sent in zip(ids, en):
        f = line.split()
        doc = f[0]
        pos = [x for x in f[1:] if x.startswith('en:')][0].split(':')
        if doc not in docs:
            docs[doc] = {}
            order.append(doc)
        docs[doc].setdefault(int(pos[1]), []).append((int(pos[2]), sent.strip()))
    print('@lang en\n@symbol A/70/1\n@job 15-12345 (E)\n@pages -n-')
    for doc in order:
        for p in sorted(docs[doc]):
            text = ' '.join(s for _, s in sorted(docs[doc][p]))
            if text:
                print(text)


def alnum(s):
    return re.sub(r'[^0-9A-Za-z]', '', s)


def boundaries(paras):
    """The stream of letters and digits and the offsets where paragraphs end."""
    out, ends, n = [], set(), 0
    for p in paras:
        a = alnum(p)
        out.append(a)
        n += len(a)
        ends.add(n)
    return ''.join(out), ends


def sync(ws, gs, window=24, reach=4000):
    """Maps offsets of gs onto ws where the two streams agree, skipping
    what only one of them holds (linear: resynchronises on the next
    `window` characters within `reach`)."""
    mapping, i, j, matched = {}, 0, 0, 0
    while i <= len(ws) and j <= len(gs):
        mapping[j] = i
        if i == len(ws) or j == len(gs):
            break
        if ws[i] == gs[j]:
            i, j, matched = i + 1, j + 1, matched + 1
            continue
        k = gs.find(ws[i:i + window], j, j + reach)
        if k >= 0:
            j = k
            continue
        k = ws.find(gs[j:j + window], i, i + reach)
        if k >= 0:
            i = k
            continue
        i, j = i + 1, j + 1
    return mapping, matched


def score(specf, extracted, output):
    want = [l.rstrip('\n') for l in open(specf, encoding='utf-8') if l.strip() and not l.startswith('@')]
    want = [l[2:] if l.startswith('= ') else l for l in want]
    got = [' '.join(b.split('\n')) for b in open(output, encoding='utf-8').read().split('\n\n') if b.strip()]
    ws, we = boundaries(want)
    gs, ge = boundaries(got)
    # map output offsets to spec offsets (identical streams but for what
    # extraction added or lost)
    if ws != gs:
        mapping, matched = sync(ws, gs)
        ge = {mapping[x] for x in ge if x in mapping}
        print('# streams differ: %d of %d characters matched' % (matched, len(ws)))
    lines = 0
    for l in open(extracted, encoding='utf-8').read().replace('\f', '\n').split('\n'):
        if alnum(l):
            lines += 1
    breaks = lines - 1
    false = len(ge - we)
    missed = len(we - ge)
    right = breaks - false - missed
    print('breaks %d right %d (%.2f%%) false-paragraph-breaks %d missed-paragraph-ends %d' %
          (breaks, right, 100.0 * right / max(1, breaks), false, missed))
    return right, breaks, false


if __name__ == '__main__':
    if sys.argv[1] == 'spec':
        spec(sys.argv[2])
    else:
        score(sys.argv[2], sys.argv[3], sys.argv[4])
