#!/usr/bin/env python3
"""mkfodt.py - writes a flat OpenDocument text (.fodt) laid out like a UN
document, for LibreOffice to typeset into PDF (soffice --headless
--convert-to pdf). Usage: mkfodt.py SPEC OUT.fodt

SPEC is plain UTF-8 text, one block a line:
  @lang xx         language of the text (en, zh, ru, ar, fr, es)
  @symbol S        document symbol in the page header (odd pages right, even left)
  @job J           job number in the footer, beside the page number
  @pages F         page-number format in the footer: "n/N" (3/8), "-n-" (- 3 -) or "n"
  @align A         justify (default) or left
  @size PT         body font size (default 11)
  = text           a heading
  text             a body paragraph; [[fn:...]] inside it is a footnote
  (blank lines are ignored)
"""
import re
import sys
from xml.sax.saxutils import escape

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"')


def inline(s):
    out, pos = [], 0
    for m in re.finditer(r'\[\[fn:(.*?)\]\]', s):
        out.append(escape(s[pos:m.start()]))
        out.append('<text:note text:note-class="footnote"><text:note-body>'
                   '<text:p text:style-name="Footnote">%s</text:p></text:note-body></text:note>' % escape(m.group(1)))
        pos = m.end()
    out.append(escape(s[pos:]))
    return ''.join(out)


def main():
    spec, out = sys.argv[1], sys.argv[2]
    opt = {'lang': 'en', 'symbol': '', 'job': '', 'pages': 'n/N', 'align': 'justify', 'size': '11'}
    blocks = []
    for line in open(spec, encoding='utf-8'):
        line = line.rstrip('\n')
        if not line.strip():
            continue
        if line.startswith('@'):
            k, _, v = line[1:].partition(' ')
            opt[k] = v
        elif line.startswith('= '):
            blocks.append(('h', line[2:]))
        else:
            blocks.append(('p', line))
    lang = opt['lang']
    rtl = lang == 'ar'
    country = {'en': 'US', 'zh': 'CN', 'ru': 'RU', 'ar': 'EG', 'fr': 'FR', 'es': 'ES'}.get(lang, 'US')
    asian = 'language-asian' if lang == 'zh' else None
    ctl = lang == 'ar'
    lang_props = ('style:language-asian="zh" style:country-asian="CN"' if asian else
                  'style:language-complex="ar" style:country-complex="EG"' if ctl else
                  'fo:language="%s" fo:country="%s"' % (lang, country))
    wm = ' style:writing-mode="rl-tb"' if rtl else ''
    align = opt['align'] if not rtl or opt['align'] == 'justify' else 'end'
    pageno = {'n/N': '<text:page-number text:select-page="current">1</text:page-number>/<text:page-count>1</text:page-count>',
              '-n-': '- <text:page-number text:select-page="current">1</text:page-number> -',
              'n': '<text:page-number text:select-page="current">1</text:page-number>'}[opt['pages']]
    size = opt['size']
    fonts = ('style:font-name="Liberation Serif" style:font-name-asian="WenQuanYi Micro Hei" '
             'style:font-name-complex="DejaVu Sans"')
    w = []
    w.append('<?xml version="1.0" encoding="UTF-8"?>\n<office:document %s office:version="1.2" '
             'office:mimetype="application/vnd.oasis.opendocument.text">' % NS)
    w.append('<office:font-face-decls>'
             '<style:font-face style:name="Liberation Serif" svg:font-family="\'Liberation Serif\'"/>'
             '<style:font-face style:name="WenQuanYi Micro Hei" svg:font-family="\'WenQuanYi Micro Hei\'"/>'
             '<style:font-face style:name="DejaVu Sans" svg:font-family="\'DejaVu Sans\'"/>'
             '</office:font-face-decls>')
    tp = ('<style:text-properties %s fo:font-size="%spt" style:font-size-asian="%spt" style:font-size-complex="%spt" '
          '%s fo:hyphenate="true" fo:hyphenation-remain-char-count="2" fo:hyphenation-push-char-count="2"/>'
          % (fonts, size, size, size, lang_props))
    w.append('<office:styles>')
    w.append('<style:default-style style:family="paragraph"><style:paragraph-properties%s/>%s</style:default-style>' % (wm, tp))
    w.append('<style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:text-align="%s" '
             'fo:margin-bottom="0.08in"%s/></style:style>' % (align, wm))
    w.append('<style:style style:name="Heading" style:family="paragraph"><style:paragraph-properties '
             'fo:margin-top="0.12in" fo:margin-bottom="0.08in" fo:keep-with-next="always"%s/>'
             '<style:text-properties fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"/></style:style>' % wm)
    w.append('<style:style style:name="Footnote" style:family="paragraph"><style:paragraph-properties%s/>'
             '<style:text-properties fo:font-size="9pt" style:font-size-asian="9pt" style:font-size-complex="9pt"/></style:style>' % wm)
    w.append('<style:style style:name="HeadR" style:family="paragraph"><style:paragraph-properties fo:text-align="end"/>'
             '<style:text-properties fo:font-weight="bold" fo:font-size="10pt"/></style:style>')
    w.append('<style:style style:name="HeadL" style:family="paragraph"><style:paragraph-properties fo:text-align="start"/>'
             '<style:text-properties fo:font-weight="bold" fo:font-size="10pt"/></style:style>')
    w.append('<style:style style:name="Foot" style:family="paragraph"><style:paragraph-properties fo:text-align="start">'
             '<style:tab-stops><style:tab-stop style:position="6.2in" style:type="right"/></style:tab-stops>'
             '</style:paragraph-properties><style:text-properties fo:font-size="9pt"/></style:style>')
    w.append('</office:styles>')
    w.append('<office:automatic-styles><style:page-layout style:name="pm1"><style:page-layout-properties '
             'fo:page-width="8.27in" fo:page-height="11.69in" fo:margin-top="0.5in" fo:margin-bottom="0.5in" '
             'fo:margin-left="1in" fo:margin-right="1in"/>'
             '<style:header-style><style:header-footer-properties fo:min-height="0in" fo:margin-bottom="0.3in"/></style:header-style>'
             '<style:footer-style><style:header-footer-properties fo:min-height="0in" fo:margin-top="0.3in"/></style:footer-style>'
             '</style:page-layout></office:automatic-styles>')
    sym = escape(opt['symbol'])
    job = escape(opt['job'])
    w.append('<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">')
    if sym:
        w.append('<style:header><text:p text:style-name="HeadR">%s</text:p></style:header>' % sym)
        w.append('<style:header-left><text:p text:style-name="HeadL">%s</text:p></style:header-left>' % sym)
    w.append('<style:footer><text:p text:style-name="Foot">%s<text:tab/>%s</text:p></style:footer>' % (job, pageno))
    w.append('</style:master-page></office:master-styles>')
    w.append('<office:body><office:text>')
    for kind, s in blocks:
        if kind == 'h':
            w.append('<text:h text:style-name="Heading" text:outline-level="2">%s</text:h>' % inline(s))
        else:
            w.append('<text:p text:style-name="Body">%s</text:p>' % inline(s))
    w.append('</office:text></office:body></office:document>')
    with open(out, 'w', encoding='utf-8') as f:
        f.write('\n'.join(w) + '\n')


main()
