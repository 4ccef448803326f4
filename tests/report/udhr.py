#!/usr/bin/env python3
"""udhr.py SHARED OUTDIR: the Universal Declaration of Human Rights of
SHARED/corpora/udhr (HTML) as plain text, OUTDIR/udhr.LANG.txt for zh, ar,
en, fr, ru, es: a paragraph (blank line between) a heading, <p> or <li>.
For doc/report-screenshot.sh and tests/bench/bench-report.sh, which need
the six versions before polyalign reads HTML itself."""
import html.parser
import os
import sys

FILES = {"zh": "cmn_hans", "ar": "arb", "en": "eng", "fr": "fra", "ru": "rus", "es": "spa"}


class Text(html.parser.HTMLParser):
    blocks = {"h1", "h2", "h3", "p", "li"}

    def __init__(self):
        super().__init__()
        self.out, self.cur, self.depth = [], [], 0

    def handle_starttag(self, tag, attrs):
        if tag in self.blocks:
            self.depth += 1

    def handle_endtag(self, tag):
        if tag in self.blocks:
            self.depth -= 1
            text = " ".join("".join(self.cur).split())
            if text:
                self.out.append(text)
            self.cur = []

    def handle_data(self, data):
        if self.depth:
            self.cur.append(data)


def main():
    shared, outdir = sys.argv[1], sys.argv[2]
    os.makedirs(outdir, exist_ok=True)
    for lang, name in FILES.items():
        t = Text()
        with open(os.path.join(shared, "corpora", "udhr", name + ".html"), encoding="utf-8") as f:
            t.feed(f.read())
        with open(os.path.join(outdir, "udhr.%s.txt" % lang), "w", encoding="utf-8") as f:
            f.write("\n\n".join(t.out) + "\n")
        print(os.path.join(outdir, "udhr.%s.txt" % lang))


if __name__ == "__main__":
    main()
