#!/usr/bin/env python3
"""mksniff.py - writes the input files of tests/readers/sniff/ (listed with
their expected kinds in tests/readers/sniff.cases).

The files are committed; run this again only to change them:
    python3 tests/readers/mksniff.py tests/readers/sniff
Every file is small and made here from nothing but Python's standard library
(zipfile for the Office Open XML, OpenDocument and EPUB containers, a
hand-built OLE2 header and directory for the 97-2003 formats), except the
real.* files, which LibreOffice writes when `soffice` is installed and
the file is missing (delete one to write it anew).
"""
import gzip
import os
import random
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "sniff")

EN = ("The Permanent Mission presents its compliments to the secretariat of the Conference on "
      "Disarmament and has the honour to transmit herewith the text of the statement.\n")
ZH = "诺兰迪亚共和国常驻代表团向裁军谈判会议秘书处致意，谨此转交声明案文。\n本代表团借此机会，向秘书处致以最崇高的敬意。\n"
RU = "Постоянное представительство свидетельствует свое уважение секретариату Конференции.\n"


def put(name, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


def zip_of(name, entries, compression=zipfile.ZIP_DEFLATED):
    """A ZIP with `entries` [(name, bytes, stored?)] in that order."""
    with zipfile.ZipFile(os.path.join(OUT, name), "w") as z:
        for entry, data, stored in entries:
            info = zipfile.ZipInfo(entry, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_STORED if stored else compression
            z.writestr(info, data)


CT = b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
RELS = b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>'
DOCXML = ('<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
          'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>' + EN.strip() + '</w:t></w:r></w:p></w:body></w:document>')


def ole(entries, pad_to=0):
    """An OLE2 compound file header (512 bytes) and, unless `entries` is
    None, one directory sector right after it holding the named entries."""
    hdr = bytearray(512)
    hdr[0:8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"
    struct.pack_into("<HHHHH", hdr, 0x18, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<I", hdr, 0x30, 0 if entries is not None else 100)  # first directory sector
    body = bytearray()
    if entries is not None:
        sector = bytearray(512)
        for i, name in enumerate(["Root Entry"] + entries):
            u = name.encode("utf-16-le") + b"\0\0"
            sector[i * 128:i * 128 + len(u)] = u
            struct.pack_into("<H", sector, i * 128 + 64, len(u))
            sector[i * 128 + 66] = 5 if i == 0 else 2
        body += sector
    data = bytes(hdr + body)
    return data + b"\0" * max(0, pad_to - len(data))


def main():
    os.makedirs(OUT, exist_ok=True)
    rng = random.Random(20240601)

    # ---- text that must stay text ----
    put("text-en.txt", "Use <p> to start a paragraph in HTML; if a < b and b > c, then the tag <br> breaks a line.\n" + EN)
    put("text-starts-with-tag.txt", "<p> is the HTML tag that starts a paragraph, as the guide explains.\n" + EN)
    put("text-lt-start.txt", "< 5 per cent of the budget was spent.\n" + EN)
    put("text-percent.txt", "% of Member States that replied: 72\n%PDF is how a PDF file starts.\n" + EN)
    put("text-mentions-pdf.txt", "A file that starts with %PDF-1.7 is a PDF file.\n" + EN)
    put("text-rtf-mention.txt", "An RTF file starts with {\\rtf1 and a font table.\n" + EN)
    put("text-zh.txt", ZH)
    put("text-zh-bom.txt", b"\xEF\xBB\xBF" + ZH.encode("utf-8"))
    put("text-utf16le-bom.txt", b"\xFF\xFE" + (EN + ZH).encode("utf-16-le"))
    put("text-utf16be-bom.txt", b"\xFE\xFF" + (EN + ZH).encode("utf-16-be"))
    put("text-utf16le-nobom.txt", EN.encode("utf-16-le"))
    put("text-utf16be-nobom.txt", EN.encode("utf-16-be"))
    put("text-utf16le-nobom-zh.txt", ZH.encode("utf-16-le"))
    put("text-gb18030.txt", ZH.encode("gb18030"))
    put("text-cp1251.txt", RU.encode("cp1251"))
    put("text-stray-nul.txt", (EN * 12)[:600] + "\0" + (EN * 12)[600:])
    put("text-markdown.md", "# Title\n\nSome *text* with a [link](http://example.org).\n")
    put("text-comment-only.txt", "<!-- a note -->\nThe text after a comment is still text.\n" + EN)
    put("text-empty.txt", b"")

    # ---- HTML ----
    page = ("<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>Note</title></head>\n"
            "<body>\n<p>" + EN.strip() + "</p>\n</body>\n</html>\n")
    put("html-doctype.html", page)
    put("html-doctype-upper.htm", page.replace("<!DOCTYPE html>", "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">"))
    put("html-root.txt", page.split("\n", 1)[1])
    put("html-comment-first.html", "<!-- saved from url=(0014)about:internet -->\n\n" + page.split("\n", 1)[1])
    put("html-bom.html", b"\xEF\xBB\xBF" + page.encode("utf-8"))
    put("html-utf16le-bom.html", b"\xFF\xFE" + page.encode("utf-16-le"))
    put("html-head.html", "<head><title>Note</title></head><body><p>" + EN.strip() + "</p></body>")
    put("html-fragment.txt", "<p>" + EN.strip() + "</p>\n<p>Second paragraph.</p>\n<div>Third.</div>\n")
    put("html-leading-space.html", "\n\n   \t" + page)
    put("xhtml.xhtml", '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n<html xmlns="http://www.w3.org/1999/xhtml"><head>'
        '<title>t</title></head><body><p>' + EN.strip() + '</p></body></html>\n')
    put("xhtml-nodoctype.xml", '<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body><p>x</p></body></html>\n')
    put("html-short.html", "<p>Only one tag here.\n")

    # ---- XML, TMX, XLIFF ----
    tmx = ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx version="1.4">\n'
           '<header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" '
           'srclang="en" datatype="plaintext"/>\n<body><tu><tuv xml:lang="en"><seg>Hello.</seg></tuv>'
           '<tuv xml:lang="zh"><seg>你好。</seg></tuv></tu></body>\n</tmx>\n')
    put("tmx.tmx", tmx)

    # ---- TSV: text named .tsv ----
    table = "zh\ten\n你好。\tHello.\n再见。\tGoodbye.\n"
    put("tsv.tsv", table)
    put("tsv-utf16le-bom.tsv", b"\xFF\xFE" + table.encode("utf-16-le"))
    put("tsv-named-txt.txt", table)
    put("tsv-html-named.tsv", page)
    put("tmx-nodoctype.tmx", tmx.replace('<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n', ""))
    put("tmx-nodecl.txt", tmx.split("\n", 2)[2])
    put("tmx-utf16le-bom.tmx", b"\xFF\xFE" + tmx.replace("UTF-8", "UTF-16").encode("utf-16-le"))
    put("tmx-utf16be-bom.tmx", b"\xFE\xFF" + tmx.replace("UTF-8", "UTF-16").encode("utf-16-be"))
    put("tmx-utf16be-nobom.tmx", tmx.replace("UTF-8", "UTF-16BE").encode("utf-16-be"))
    put("html-utf16le-nobom.html", page.encode("utf-16-le"))
    put("xliff.xlf", '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" '
        'xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" datatype="plaintext" '
        'original="x"><body><trans-unit id="1"><source>Hello.</source></trans-unit></body></file></xliff>\n')
    put("xml-decl.xml", '<?xml version="1.0" encoding="UTF-8"?>\n<document><para>' + EN.strip() + '</para></document>\n')
    put("xml-doctype.xml", '<!DOCTYPE article PUBLIC "-//OASIS//DTD DocBook XML V4.5//EN" '
        '"http://www.oasis-open.org/docbook/xml/4.5/docbookx.dtd">\n<article><para>x</para></article>\n')
    put("xml-nodecl.xml", "<document>\n<para>One.</para>\n<para>Two.</para>\n</document>\n")
    put("xml-stylesheet-pi.xml", '<?xml version="1.0"?>\n<?xml-stylesheet type="text/xsl" href="s.xsl"?>\n'
        '<!-- generated -->\n<report><item>1</item></report>\n')

    # ---- ZIP containers ----
    zip_of("docx.docx", [("[Content_Types].xml", CT, False), ("_rels/.rels", RELS, False),
                         ("word/document.xml", DOCXML.encode(), False)])
    zip_of("docx-renamed.bin", [("[Content_Types].xml", CT, False), ("_rels/.rels", RELS, False),
                                ("word/document.xml", DOCXML.encode(), False)])
    zip_of("docx-stored.docx", [("[Content_Types].xml", CT, True), ("word/document.xml", DOCXML.encode(), True)])
    # A thumbnail (incompressible, 70 KB) before the first word/ entry: past
    # the head, so only the extension tells.
    thumb = bytes(rng.getrandbits(8) for _ in range(70000))
    zip_of("docx-late-word.docx", [("[Content_Types].xml", CT, False), ("docProps/thumbnail.jpeg", thumb, True),
                                   ("word/document.xml", DOCXML.encode(), False)])
    zip_of("xlsx.xlsx", [("[Content_Types].xml", CT, False), ("_rels/.rels", RELS, False),
                         ("xl/workbook.xml", b"<workbook/>", False)])
    zip_of("pptx.pptx", [("[Content_Types].xml", CT, False), ("_rels/.rels", RELS, False),
                         ("ppt/presentation.xml", b"<presentation/>", False)])
    for kind, ext in (("text", "odt"), ("spreadsheet", "ods"), ("presentation", "odp")):
        zip_of(ext + "." + ext, [("mimetype", ("application/vnd.oasis.opendocument." + kind).encode(), True),
                                 ("content.xml", b"<office:document-content/>", False),
                                 ("META-INF/manifest.xml", b"<manifest/>", False)])
    zip_of("odt-renamed.zip", [("mimetype", b"application/vnd.oasis.opendocument.text", True),
                               ("content.xml", b"<office:document-content/>", False)])
    zip_of("epub.epub", [("mimetype", b"application/epub+zip", True),
                         ("META-INF/container.xml", b"<container/>", False)])
    zip_of("zip.zip", [("a.txt", EN.encode(), False), ("b.txt", ZH.encode(), False)])
    zip_of("zip-empty-names.docx.zip", [("readme.txt", b"x", False)])

    # ---- PDF ----
    pdf = (b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
           b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
    put("pdf.pdf", pdf)
    put("pdf-junk.pdf", b"HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\n\r\n" + pdf)
    put("pdf-noext", pdf)

    # ---- OLE2, RTF ----
    put("doc.doc", ole(["WordDocument", "1Table", "\x05SummaryInformation"]))
    put("doc-renamed.txt", ole(["WordDocument", "1Table"]))
    put("xls.xls", ole(["Workbook"]))
    put("ppt.ppt", ole(["PowerPoint Document", "Current User"]))
    put("ole-dir-late.xls", ole(None, 4096))
    put("ole-dir-late.bin", ole(None, 4096))
    put("rtf.rtf", "{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times;}}\\f0 " + EN.strip() + "\\par}\n")

    # ---- images, archives, binary ----
    put("image.png", b"\x89PNG\r\n\x1A\n\0\0\0\rIHDR" + bytes(rng.getrandbits(8) for _ in range(200)))
    put("image.jpg", b"\xFF\xD8\xFF\xE0\0\x10JFIF\0" + bytes(rng.getrandbits(8) for _ in range(200)))
    put("image.tif", b"II*\0\x08\0\0\0" + bytes(rng.getrandbits(8) for _ in range(200)))
    put("archive.7z", b"7z\xBC\xAF\x27\x1C\0\x04" + bytes(rng.getrandbits(8) for _ in range(100)))
    put("archive.xz", b"\xFD7zXZ\0\0\x04" + bytes(rng.getrandbits(8) for _ in range(100)))
    put("archive-gzip-in-gzip.gz.txt", gzip.compress(EN.encode(), mtime=0))
    put("binary-random.bin", bytes(rng.getrandbits(8) for _ in range(2000)))
    put("binary-elf", b"\x7FELF\x02\x01\x01\0" + bytes(8) + bytes(rng.getrandbits(8) for _ in range(500)))
    put("binary-controls.dat", bytes(rng.choice(b"\x01\x02\x03\x04abcdef") for _ in range(500)))
    put("binary-utf32le.txt", EN.encode("utf-32-le"))

    # ---- real files from LibreOffice, when it is here ----
    soffice = shutil.which("soffice")
    if soffice:
        with tempfile.TemporaryDirectory() as tmp:
            src = os.path.join(tmp, "real.txt")
            with open(src, "w", encoding="utf-8") as f:
                f.write(EN + ZH)
            for fmt in ("docx", "odt", "doc", "rtf", "pdf"):
                if os.path.exists(os.path.join(OUT, "real." + fmt)):
                    continue  # kept: LibreOffice writes a new date each time
                subprocess.run([soffice, "-env:UserInstallation=file://" + tmp + "/profile", "--headless",
                                "--convert-to", fmt, "--outdir", tmp, src],
                               check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                shutil.copy(os.path.join(tmp, "real." + fmt), os.path.join(OUT, "real." + fmt))


if __name__ == "__main__":
    main()
