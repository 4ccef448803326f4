#!/usr/bin/env python3
"""Makes the inputs of the bad-input catalogue in the directory argv[1].

Every hostile or broken file is built here from a few bytes of recipe, so
the tree holds no binary fixtures and each one says how it is made. The
good inputs are the bundled sample (argv[2] = the source tree's top).
"""
import gzip
import io
import os
import shutil
import sys
import zipfile
import zlib

out, top = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
sample = os.path.join(top, "corpora", "sample")


def put(name, data):
    with open(os.path.join(out, name), "wb") as f:
        f.write(data.encode("utf-8") if isinstance(data, str) else data)


zh = open(os.path.join(sample, "cd-note.zh.txt"), "rb").read()
en = open(os.path.join(sample, "cd-note.en.txt"), "rb").read()
put("doc.zh.txt", zh)
put("doc.en.txt", en)
put("other.zh.txt", zh)               # a second Chinese version
put("long.en.txt", (en + b"\n") * 10)  # ten times the pair's length

# --- text that is not what it claims
put("empty.en.txt", b"")
put("blank.en.txt", b" \n\n\t\n")
put("badutf8.en.txt", b"abc\n\xe4\xb8\xad\xff\xfe\n")
put("overlong.en.txt", b"ab \xc0\xaf\n")
put("surrogate.en.txt", b"ab \xed\xa0\x80 cd\n")
put("utf16nobom.en.txt", "hello world, a sentence.\n".encode("utf-16-le"))
put("random.en.txt", bytes((i * 7919 + 13) % 256 for i in range(4096)))
put("nul.en.txt", b"text\x00\x00\x00\x00more\x00\x00\x00" * 100)

# --- gzip
z = gzip.compress(en)
put("truncated.en.txt.gz", z[: len(z) // 2])
put("corrupt.en.txt.gz", b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03garbage-not-deflate")
# 64 MiB of spaces and a word, in about 64 KiB: past --max-input-bytes 8M
c = zlib.compressobj(9, zlib.DEFLATED, 31)
bomb = b"".join(c.compress(b" " * (1 << 20)) for _ in range(64)) + c.compress(b"word\n") + c.flush()
put("bomb.en.txt.gz", bomb)


# --- zip containers (DOCX, ODT)
def zip_bytes(entries, compress=zipfile.ZIP_DEFLATED):
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", compress) as zf:
        for name, data in entries:
            zf.writestr(zipfile.ZipInfo(name), data, compress_type=compress)
    return b.getvalue()


CT = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
      'content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
      'officedocument.wordprocessingml.document.main+xml"/></Types>')
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx(body):
    return f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}</w:body></w:document>'


para = '<w:p><w:r><w:t>A sentence of the document.</w:t></w:r></w:p>'
put("bomb.en.docx", zip_bytes([("[Content_Types].xml", CT),
                               ("word/document.xml", docx(para + "<w:p><w:r><w:t>" + " " * (64 << 20)
                                                          + "x</w:t></w:r></w:p>"))]))
put("dotdot.en.docx", zip_bytes([("[Content_Types].xml", CT), ("../../evil.xml", "<x/>"),
                                 ("word/document.xml", docx(para))]))
put("nodoc.en.docx", zip_bytes([("[Content_Types].xml", CT), ("word/styles.xml", f"<w:styles {W}/>")]))
full = zip_bytes([("[Content_Types].xml", CT), ("word/document.xml", docx(para * 50))])
put("truncated.en.docx", full[: len(full) * 2 // 3])
put("entity.en.docx", zip_bytes([("[Content_Types].xml", CT), ("word/document.xml",
     '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
     f'<w:document {W}><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>')]))

# --- HTML whose declared charset is wrong: says UTF-8, is windows-1252
put("wrongcharset.en.html", '<!DOCTYPE html><html><head><meta charset="utf-8"><title>t</title></head>'
    '<body><p>Caf\u00e9 \u201cquoted\u201d text. Another sentence here.</p></body></html>'.encode("cp1252"))

# --- PDF: encrypted, and with no text layer (a page that only paints)
def pdf(objs, trailer_extra=""):
    b, offs = b"%PDF-1.4\n", []
    for i, o in enumerate(objs, 1):
        offs.append(len(b))
        b += f"{i} 0 obj\n{o}\nendobj\n".encode("latin-1")
    x = len(b)
    b += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    b += "".join(f"{o:010d} 00000 n \n" for o in offs).encode()
    b += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R {trailer_extra}>>\nstartxref\n{x}\n%%EOF\n".encode()
    return b


draw = "0 0 1 rg 100 100 200 200 re f"
page = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        f"<< /Length {len(draw)} >>\nstream\n{draw}\nendstream"]
put("imageonly.en.pdf", pdf(page))
put("encrypted.en.pdf", pdf(page + ["<< /Filter /Standard /V 1 /R 2 /O <" + "00" * 32 + "> /U <" + "00" * 32
                                     + "> /P -4 >>"], "/Encrypt 5 0 R /ID [<00><00>] "))

# --- TMX
TMX = ('<?xml version="1.0" encoding="UTF-8"?>\n{doctype}<tmx version="1.4"><header creationtool="t" '
       'creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/>'
       '<body>{units}</body></tmx>\n')
tu = '<tu><tuv xml:lang="en"><seg>One.</seg></tuv><tuv xml:lang="zh"><seg>一。</seg></tuv></tu>'
put("dtd.tmx", TMX.format(doctype='<!DOCTYPE tmx SYSTEM "http://127.0.0.1:9/tmx14.dtd">\n', units=tu))
put("xxe.tmx", TMX.format(doctype='<!DOCTYPE tmx [<!ENTITY x SYSTEM "file:///etc/hostname">]>\n',
                          units='<tu><tuv xml:lang="en"><seg>&x;</seg></tuv></tu>'))
g = gzip.compress(TMX.format(doctype="", units=tu * 200).encode())
put("truncated.tmx.gz", g[: len(g) // 2])
put("manifest.tsv", "set1\tzh\tdoc.zh.txt\nset1\ten\n")
