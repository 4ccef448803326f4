# align/text: decoding and cleaning text, language tags, repairing wrapped
# lines, the numbers of a segment.
libpolyalign_la_SOURCES += \
	align/text/input.c align/text/input.h \
	align/text/lang.c align/text/lang.h \
	align/text/numbers.c align/text/numbers.h \
	align/text/reflow.c align/text/reflow.h \
	align/text/utf8.h

# Tests: the numbers of a segment on the cases of tests/text/numbers.cases.
check_PROGRAMS += tests/text/test_numbers
tests_text_test_numbers_LDADD = libpolyalign.la
TESTS += tests/text/test_numbers
EXTRA_DIST += tests/text/numbers.cases
