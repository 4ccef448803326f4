#!/usr/bin/env python3
"""udhr_docx.py - a UDHR page as Word writes a DOCX, quirks and all.

usage: udhr_docx.py PAGE.html OUT.docx

Reads a UDHR page of the shared corpus (udhr_pairs.Page) and writes a DOCX
of the same text as Word would: headings by the styles "heading 1" and
"heading 2" (styles.xml), the title in a table cell, and every paragraph
cut into runs every few characters, inside words too, with proofing marks,
bookmarks and soft hyphens between them; each article heading's number is
a field result (SEQ), a hyperlink and a tracked insertion hold text of the
paragraph; a tracked deletion "DELETED-TEXT" stands in every paragraph and
a footnote "FOOTNOTE-TEXT ..." hangs on the title and on article 1. The
text read back must be the page's, without DELETED-TEXT, SEQ or the
footnote inside a sentence (udhr.sh checks).
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import office  # noqa: E402
import udhr_pairs  # noqa: E402

FOOTNOTE = 'FOOTNOTE-TEXT General Assembly resolution 217 A (III).'


def esc(s):
    return s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')


def t(s):
    return '<w:r><w:t xml:space="preserve">%s</w:t></w:r>' % esc(s)


def runs(text, seed):
    """The text as Word's runs: cut every 3 to 9 characters, with marks
    between the pieces, a hyperlink, a tracked insertion and deletion."""
    out, i, k = [], 0, seed
    while i < len(text):
        k = (k * 1103515245 + 12345) & 0x7FFFFFFF
        n = 3 + k % 7
        piece = text[i:i + n]
        i += n
        mark = k % 6
        if mark == 0:
            out.append('<w:proofErr w:type="spellStart"/>' + t(piece) + '<w:proofErr w:type="spellEnd"/>')
        elif mark == 1:
            out.append('<w:bookmarkStart w:id="%d" w:name="b%d"/>%s<w:bookmarkEnd w:id="%d"/>' % (k, k, t(piece), k))
        elif mark == 2 and len(piece) > 1 and piece[0].isalpha() and piece[1].isalpha():
            out.append(t(piece[0]) + '<w:r><w:softHyphen/></w:r>' + t(piece[1:]))
        elif mark == 3:
            out.append('<w:hyperlink r:id="rId%d">%s</w:hyperlink>' % (k % 50, t(piece)))
        elif mark == 4:
            out.append('<w:ins w:id="%d" w:author="A" w:date="2024-01-01T00:00:00Z">%s</w:ins>' % (k, t(piece)))
        else:
            out.append('<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">%s</w:t></w:r>' % esc(piece))
    # a tracked deletion in the middle
    mid = len(out) // 2
    out.insert(mid, '<w:del w:id="9%d" w:author="A" w:date="2024-01-01T00:00:00Z"><w:r><w:delText '
                    'xml:space="preserve">DELETED-TEXT </w:delText></w:r></w:del>' % seed)
    return ''.join(out)


def para(text, seed, style=None, note=False):
    ppr = '<w:pPr><w:pStyle w:val="%s"/></w:pPr>' % style if style else ''
    ref = '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>' \
        if note else ''
    return '<w:p>%s%s%s</w:p>' % (ppr, runs(text, seed), ref)


def numbered_heading(text, seed):
    """An article heading whose number is a SEQ field's result."""
    m = re.search(r'\d+', text)
    if not m:
        return para(text, seed, 'Heading2')
    a, num, z = text[:m.start()], m.group(), text[m.end():]
    field = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> SEQ Article '
             '\\* ARABIC </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>%s'
             '<w:r><w:fldChar w:fldCharType="end"/></w:r>' % t(num))
    return '<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr>%s%s%s</w:p>' % (t(a) if a else '', field,
                                                                            t(z) if z else '')


def main(argv):
    if len(argv) != 2:
        sys.exit(__doc__)
    page = udhr_pairs.Page()
    with open(argv[0], encoding='utf-8') as f:
        page.feed(f.read())
    body = ['<w:tbl><w:tr><w:tc>%s</w:tc></w:tr></w:tbl>' % para(page.title, 1, 'Heading1', note=True),
            para(page.preamble_heading, 2, 'Heading2')]
    seed = 3
    for p in page.preamble:
        body.append(para(p, seed))
        seed += 1
    for n, (heading, paras) in enumerate(page.articles):
        body.append(numbered_heading(heading, seed))
        for k, p in enumerate(paras):
            seed += 1
            body.append(para(p, seed, note=(n == 0 and k == 0)))
    styles = ('<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
              '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>'
              '<w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/>'
              '<w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>')
    notes = ('<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
             '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r>'
             '</w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>%s</w:p></w:footnote>'
             % t(' ' + FOOTNOTE))
    parts = [('word/styles.xml', styles), ('word/document.xml', ''.join(body)), ('word/footnotes.xml', notes)]
    with open(argv[1], 'wb') as f:
        f.write(office.zip_bytes(office.docx_entries(parts)))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
