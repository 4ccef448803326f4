#!/bin/sh
# make-fixtures.sh - remakes lo-writer.docx and lo-writer.odt, the files as
# LibreOffice writes them that docx.cases and odt.cases read: office.py
# builds lo-source.odt from lo-source.cases, LibreOffice (Debian package
# libreoffice-writer-nogui) opens it and saves it as DOCX and as ODT.
# Not run by the tests; run it from this directory.
set -e
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 ../office.py --build lo-source.cases 'LibreOffice source' "$tmp" >/dev/null
soffice --headless --convert-to 'docx:MS Word 2007 XML' --outdir "$tmp/docx" "$tmp/lo-source.odt" >/dev/null
soffice --headless --convert-to odt --outdir "$tmp/odt" "$tmp/lo-source.odt" >/dev/null
cp "$tmp/docx/lo-source.docx" lo-writer.docx
cp "$tmp/odt/lo-source.odt" lo-writer.odt
