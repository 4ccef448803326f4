#!/usr/bin/env python3
r"""office.py - the cases of the HTML, DOCX and ODT readers (TAP).

usage: office.py [CASEFILE...]        run the cases (default: html.cases,
                                      docx.cases, odt.cases, tsv.cases beside
                                      this file)
       office.py --build CASEFILE NAME DIR   only write case NAME's file to DIR

(tsv.cases, the table reader's, runs here too: a table is a document.)

A case file holds cases, each:

    === NAME | FILE
    --- PART [encoding=ENC]
    ...content of the part...
    --- expect
    KIND|TEXT            (one line a paragraph, as tests/readers/readdoc prints;
                         LINE:KIND|TEXT checks the source lines too)
    --- sentences
    SENTENCE             (one a line, as `polyalign segment` prints them)
    --- error
    TEXT the one-line error must contain (besides the file's name)

FILE's extension says what is built: .html (the part "page", encoded in ENC,
default UTF-8; ENC "escaped": ASCII with \xNN escapes for raw bytes), .docx (the parts word/document.xml, word/styles.xml,
word/footnotes.xml, word/endnotes.xml, word/header1.xml; a part that is not
a whole XML document is wrapped in its root with the namespaces declared),
.odt (content.xml, wrapped likewise in office:document-content/office:body/
office:text), .tsv (the part "table", in ENC, "<TAB>" written as a tab;
its options lang=TAG and position=K are the language readdoc reads and
the input's place). The part "build" names a hostile container instead: bomb,
liar (an entry larger than its directory says), dotdot, absolute,
truncated, nodoc, crc, encrypted, doctype, entities, notzip. Files given as
"--- file PATH [lang=LANG]" are taken as they are from the source tree
(fixtures made by LibreOffice). Every case is built into a scratch directory and read with
readdoc; the paragraphs must be exactly the expected ones, or the read must
fail with one line on standard error that names the file and holds the
expected text.
"""
import codecs
import io
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
TOP_BUILD = os.environ.get('top_builddir', '.')
TOP_SRC = os.environ.get('top_srcdir', os.path.join(HERE, '..', '..'))
READDOC = os.path.join(TOP_BUILD, 'tests', 'readers', 'readdoc')
POLYALIGN = os.environ.get('POLYALIGN', os.path.join(TOP_BUILD, 'polyalign'))

W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
NS_W = ('xmlns:w="%s" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="wps"' % W)
NS_ODF = ' '.join('xmlns:%s="urn:oasis:names:tc:opendocument:xmlns:%s"' % (p, u) for p, u in [
    ('office', 'office:1.0'), ('text', 'text:1.0'), ('table', 'table:1.0'), ('style', 'style:1.0'),
    ('draw', 'drawing:1.0'), ('svg', 'svg-compatible:1.0'), ('fo', 'xsl-fo-compatible:1.0')])
XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

CONTENT_TYPES = (XML_DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="xml" ContentType="application/xml"/>'
                 '<Override PartName="/word/document.xml" ContentType="application/'
                 'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
RELS = (XML_DECL + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'officeDocument" Target="word/document.xml"/></Relationships>')
MANIFEST = (XML_DECL + '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
            '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/'
            'vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" '
            'manifest:media-type="text/xml"/></manifest:manifest>')


def parse_cases(path):
    """The cases of a case file: dicts with name, file, parts, expect, error."""
    cases, case, part = [], None, None
    with open(path, encoding='utf-8') as f:
        for raw in f:
            line = raw.rstrip('\n')
            if line.startswith('=== '):
                name, _, fname = line[4:].partition(' | ')
                case = {'name': name.strip(), 'file': fname.strip(), 'parts': [], 'expect': None, 'error': None,
                        'sentences': None}
                cases.append(case)
                part = None
            elif case is None:
                continue
            elif line.startswith('--- '):
                words = line[4:].split()
                part = {'name': words[0], 'opts': dict(w.split('=', 1) for w in words[1:] if '=' in w),
                        'args': [w for w in words[1:] if '=' not in w], 'lines': []}
                if part['name'] == 'expect':
                    case['expect'] = part['lines']
                elif part['name'] == 'sentences':
                    case['sentences'] = part['lines']
                elif part['name'] == 'error':
                    case['error'] = part['lines']
                else:
                    case['parts'].append(part)
            elif part is not None and not (line.startswith('#') and part['name'] in ('expect', 'error', 'sentences')):
                part['lines'].append(line)
    return cases


def wrap_docx(name, text):
    if text.lstrip().startswith('<?xml') or text.lstrip().startswith('<!'):
        return text
    roots = {'word/document.xml': ('w:document', '<w:body>', '</w:body>'),
             'word/footnotes.xml': ('w:footnotes', '', ''), 'word/endnotes.xml': ('w:endnotes', '', ''),
             'word/styles.xml': ('w:styles', '', ''), 'word/header1.xml': ('w:hdr', '', '')}
    root, a, z = roots.get(name, ('w:document', '<w:body>', '</w:body>'))
    return '%s<%s %s>%s%s%s</%s>' % (XML_DECL, root, NS_W, a, text, z, root)


def wrap_odt(text):
    if text.lstrip().startswith('<?xml') or text.lstrip().startswith('<!'):
        return text
    return ('%s<office:document-content %s office:version="1.3"><office:body><office:text>%s'
            '</office:text></office:body></office:document-content>' % (XML_DECL, NS_ODF, text))


def zip_bytes(entries):
    """A ZIP of (name, bytes, method) in order."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w') as z:
        for name, data, method in entries:
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = method
            z.writestr(info, data)
    return bytearray(buf.getvalue())


def central_entry(data, name):
    """Offset of the central directory header of entry `name`."""
    i = data.find(b'PK\x01\x02')
    while i >= 0:
        nlen = struct.unpack_from('<H', data, i + 28)[0]
        if data[i + 46:i + 46 + nlen] == name.encode():
            return i
        i = data.find(b'PK\x01\x02', i + 46)
    raise ValueError(name)


def docx_entries(parts):
    entries = [('[Content_Types].xml', CONTENT_TYPES.encode(), zipfile.ZIP_DEFLATED),
               ('_rels/.rels', RELS.encode(), zipfile.ZIP_DEFLATED)]
    for name, text in parts:
        entries.append((name, wrap_docx(name, text).encode('utf-8'), zipfile.ZIP_DEFLATED))
    return entries


def hostile(kind, ext):
    """A hostile or broken container of kind `kind`."""
    body = '<w:p><w:r><w:t>A sentence.</w:t></w:r></w:p>'
    doc = wrap_docx('word/document.xml', body).encode()
    base = docx_entries([])
    if kind == 'bomb':
        big = wrap_docx('word/document.xml', body + ' ' * (48 << 20)).encode()
        return zip_bytes(base + [('word/document.xml', big, zipfile.ZIP_DEFLATED)])
    if kind == 'liar':
        data = zip_bytes(base + [('word/document.xml', doc, zipfile.ZIP_DEFLATED)])
        c = central_entry(data, 'word/document.xml')
        struct.pack_into('<I', data, c + 24, len(doc) // 2)
        return data
    if kind in ('dotdot', 'absolute'):
        evil = '../../etc/evil.txt' if kind == 'dotdot' else '/etc/evil.txt'
        return zip_bytes(base + [('word/document.xml', doc, zipfile.ZIP_DEFLATED),
                                 (evil, b'x', zipfile.ZIP_STORED)])
    if kind == 'truncated':
        data = zip_bytes(base + [('word/document.xml', doc, zipfile.ZIP_DEFLATED)])
        return data[:len(data) * 2 // 3]
    if kind == 'nodoc':
        return zip_bytes(base + [('word/styles.xml', wrap_docx('word/styles.xml', '').encode(),
                                  zipfile.ZIP_DEFLATED)])
    if kind == 'crc':
        data = zip_bytes(base + [('word/document.xml', doc, zipfile.ZIP_STORED)])
        i = data.find(b'A sentence.')
        data[i] = ord('B')
        return data
    if kind == 'encrypted':
        data = zip_bytes(base + [('word/document.xml', doc, zipfile.ZIP_DEFLATED)])
        c = central_entry(data, 'word/document.xml')
        struct.pack_into('<H', data, c + 8, struct.unpack_from('<H', data, c + 8)[0] | 1)
        return data
    if kind == 'doctype':
        x = ('%s<!DOCTYPE w:document SYSTEM "http://example.com/evil.dtd">\n' % XML_DECL) + \
            wrap_docx('word/document.xml', body)[len(XML_DECL):]
        return zip_bytes(base + [('word/document.xml', x.encode(), zipfile.ZIP_DEFLATED)])
    if kind == 'entities':
        lol = '<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n'
        x = XML_DECL + lol + wrap_docx('word/document.xml', '<w:p><w:r><w:t>&b;</w:t></w:r></w:p>')[len(XML_DECL):]
        return zip_bytes(base + [('word/document.xml', x.encode(), zipfile.ZIP_DEFLATED)])
    if kind == 'notwellformed':
        x = wrap_docx('word/document.xml', '<w:p><w:r><w:t>open</w:r></w:p>')
        return zip_bytes(base + [('word/document.xml', x.encode(), zipfile.ZIP_DEFLATED)])
    raise ValueError('unknown build ' + kind)


def build(case, outdir):
    """Writes the case's file into outdir; returns its path."""
    path = os.path.join(outdir, case['file'])
    ext = case['file'].rsplit('.', 1)[-1]
    parts = [(p['name'], '\n'.join(p['lines'])) for p in case['parts']]
    for p in case['parts']:
        if p['name'] == 'build':
            data = hostile(p['args'][0], ext)
            break
        if p['name'] == 'file':
            shutil.copyfile(os.path.join(TOP_SRC, p['args'][0]), path)
            return path
    else:
        if ext == 'html':
            p = case['parts'][0]
            text = '\n'.join(p['lines'])
            if p['opts'].get('encoding') == 'escaped':  # ASCII with \xNN escapes for raw bytes
                data = codecs.escape_decode(text.encode('ascii'))[0]
            else:
                data = text.encode(p['opts'].get('encoding', 'utf-8'))
        elif ext == 'tsv':
            p = case['parts'][0]
            data = '\n'.join(p['lines']).replace('<TAB>', '\t').encode(p['opts'].get('encoding', 'utf-8'))
        elif ext == 'docx':
            data = zip_bytes(docx_entries(parts))
        elif ext == 'odt':
            entries = [('mimetype', b'application/vnd.oasis.opendocument.text', zipfile.ZIP_STORED),
                       ('META-INF/manifest.xml', MANIFEST.encode(), zipfile.ZIP_DEFLATED)]
            for name, text in parts:
                entries.append((name, wrap_odt(text).encode('utf-8'), zipfile.ZIP_DEFLATED))
            data = zip_bytes(entries)
        else:
            raise ValueError('unknown file kind ' + case['file'])
    with open(path, 'wb') as f:
        f.write(data)
    return path


def run_case(case, outdir):
    """(ok, diagnostic lines) of one case."""
    path = build(case, outdir)
    lines = any(re.match(r'[0-9]+:', l) for l in case['expect'] or [])
    args = ['--lines'] if lines else []
    if case['file'].endswith('.tsv'):
        opts = case['parts'][0]['opts']
        args += ['--lang', opts.get('lang', 'en'), '--position', opts.get('position', '-1')]
    r = subprocess.run([READDOC] + args + [path], capture_output=True, text=True)
    got = r.stdout.splitlines()
    if case['error'] is not None:
        want = '\n'.join(case['error']).strip()
        err = r.stderr.strip()
        ok = r.returncode != 0 and len(err.splitlines()) == 1 and want in err and case['file'] in err \
            and not got
        return ok, [] if ok else ['exit %d, stderr: %s' % (r.returncode, err), 'want: ' + want]
    want = [l for l in case['expect'] or [] if l.strip()]
    ok = r.returncode == 0 and got == want
    diag = []
    if not ok:
        diag = ['exit %d %s' % (r.returncode, r.stderr.strip())] + ['want: ' + l for l in want] + \
               ['got:  ' + l for l in got]
    if case['sentences'] is not None:
        lang = case['parts'][0]['opts'].get('lang', 'en')
        s = subprocess.run([POLYALIGN, 'segment', '--lang', lang, path], capture_output=True, text=True)
        sents = [l for l in s.stdout.splitlines() if l.strip()]
        want = [l for l in case['sentences'] if l.strip()]
        if s.returncode != 0 or sents != want:
            ok = False
            diag += ['segment: exit %d %s' % (s.returncode, s.stderr.strip())] + \
                    ['want sentence: ' + l for l in want] + ['got sentence:  ' + l for l in sents]
    return ok, diag


def main(argv):
    if argv[:1] == ['--build']:
        casefile, name, outdir = argv[1:4]
        for c in parse_cases(casefile):
            if c['name'] == name:
                print(build(c, outdir))
                return 0
        sys.exit('office.py: no case ' + name)
    files = argv or [os.path.join(HERE, f) for f in ('html.cases', 'docx.cases', 'odt.cases', 'tsv.cases')]
    if not os.path.exists(READDOC):
        print('1..0 # SKIP %s not built' % READDOC)
        return 0
    tmp = tempfile.mkdtemp(prefix='polyalign-office.')
    n = fails = 0
    try:
        for cf in files:
            for case in parse_cases(cf):
                n += 1
                ok, diag = run_case(case, tmp)
                fails += not ok
                print('%s %d - %s: %s' % ('ok' if ok else 'not ok', n, os.path.basename(cf), case['name']))
                for d in diag:
                    print('# ' + d)
    finally:
        shutil.rmtree(tmp)
    print('1..%d' % n)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
