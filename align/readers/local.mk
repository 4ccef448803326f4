# align/readers: the document model, content sniffing, and a reader per
# input kind; plain text's layout (one sentence a line, or running text).
libpolyalign_la_SOURCES += \
	align/readers/document.c align/readers/document.h \
	align/readers/reader.h align/readers/readers.c \
	align/readers/text.c align/readers/tmx.c \
	align/readers/layout.c align/readers/layout.h \
	align/readers/sniff.c align/readers/sniff.h \
	align/readers/sentence_lines.c align/readers/sentence_lines.h

# Tests: the sniffer on the files of tests/readers/sniff/ listed in
# sniff.cases (made by mksniff.py), the sentence-line rule on tiny texts
# (test_sentence_lines) and on the shared corpora (sentence_lines.py, with
# the sentlines tool).
check_PROGRAMS += tests/readers/test_sniff tests/readers/test_sentence_lines tests/readers/sentlines
tests_readers_test_sniff_LDADD = libpolyalign.la
tests_readers_test_sentence_lines_LDADD = libpolyalign.la
tests_readers_sentlines_LDADD = libpolyalign.la
TESTS += tests/readers/test_sniff tests/readers/test_sentence_lines tests/readers/sentence_lines.py
EXTRA_DIST += tests/readers/sniff.cases tests/readers/sniff tests/readers/mksniff.py \
	tests/readers/sentence_lines.py
