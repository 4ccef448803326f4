# align/readers: the document model, content sniffing, and a reader per
# input kind; plain text's layout (one sentence a line, or running text).
libpolyalign_la_SOURCES += \
	align/readers/document.c align/readers/document.h \
	align/readers/reader.h align/readers/readers.c \
	align/readers/blocks.c align/readers/blocks.h \
	align/readers/html.c align/readers/html_charset.c align/readers/html_charset.h \
	align/readers/zip.c align/readers/zip.h align/readers/xmlpart.c align/readers/xmlpart.h \
	align/readers/docx.c align/readers/odt.c \
	align/readers/text.c align/readers/tmx.c align/readers/tsv.c \
	align/readers/layout.c align/readers/layout.h \
	align/readers/sniff.c align/readers/sniff.h \
	align/readers/sentence_lines.c align/readers/sentence_lines.h
if HAVE_POPPLER
libpolyalign_la_SOURCES += align/readers/pdf.c
endif

# Tests: the sniffer on the files of tests/readers/sniff/ listed in
# sniff.cases (made by mksniff.py), the sentence-line rule on tiny texts
# (test_sentence_lines) and on the shared corpora (sentence_lines.py, with
# the sentlines tool).
check_PROGRAMS += tests/readers/test_sniff tests/readers/test_sentence_lines tests/readers/sentlines
tests_readers_test_sniff_LDADD = libpolyalign.la
tests_readers_test_sentence_lines_LDADD = libpolyalign.la
tests_readers_sentlines_LDADD = libpolyalign.la
TESTS += tests/readers/test_sniff tests/readers/test_sentence_lines tests/readers/sentence_lines.py \
	tests/readers/pdf.sh tests/readers/pdf-breaks.sh tests/readers/pdf-udhr.sh
EXTRA_DIST += tests/readers/sniff.cases tests/readers/sniff tests/readers/mksniff.py \
	tests/readers/sentence_lines.py tests/readers/pdf.sh tests/readers/pdf-breaks.sh tests/readers/pdf-udhr.sh \
	$(PDF_FIXTURES)
# the files, not the folder: make would build a target "tests/readers/pdf"
# from pdf.sh by its built-in rule whenever pdf.sh is the newer
PDF_FIXTURES = tests/readers/pdf/breaks.py tests/readers/pdf/mkfodt.py tests/readers/pdf/udhr.py \
	tests/readers/pdf/un-like.pdf tests/readers/pdf/un-like.spec tests/readers/pdf/un-like-encrypted.pdf \
	tests/readers/pdf/stretched.pdf tests/readers/pdf/stretched.spec

# Tests of the HTML, DOCX, ODT and TSV readers: the cases of tests/readers/
# html.cases, docx.cases, odt.cases and tsv.cases, built and read by
# office.py with the readdoc tool; the UDHR pages of the shared corpus
# aligned (udhr.sh, with udhr_pairs.py's true pairs); tables as align's and
# segment's input (tsv.sh).
check_PROGRAMS += tests/readers/readdoc
tests_readers_readdoc_LDADD = libpolyalign.la
TESTS += tests/readers/office.py tests/readers/udhr.sh tests/readers/tsv.sh
EXTRA_DIST += tests/readers/office.py tests/readers/html.cases tests/readers/docx.cases tests/readers/odt.cases \
	tests/readers/tsv.cases tests/readers/tsv.sh \
	tests/readers/udhr.sh tests/readers/udhr_pairs.py tests/readers/udhr_docx.py tests/readers/office
