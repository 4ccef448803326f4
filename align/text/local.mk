# align/text: decoding and cleaning text, language tags, repairing wrapped
# lines and reversed Arabic ligatures, the numbers of a segment.
libpolyalign_la_SOURCES += \
	align/text/input.c align/text/input.h \
	align/text/lamalef.c align/text/lamalef.h \
	align/text/lang.c align/text/lang.h \
	align/text/pages.c align/text/pages.h \
	align/text/numbers.c align/text/numbers.h \
	align/text/reflow.c align/text/reflow.h \
	align/text/utf8.h

# Tests: the numbers of a segment on the cases of tests/text/numbers.cases;
# the lam-alef repair on those of tests/text/lamalef.cases, and through the
# text reader (`segment --lang ar`, lamalef.sh).
check_PROGRAMS += tests/text/test_numbers tests/text/test_lamalef
tests_text_test_numbers_LDADD = libpolyalign.la
tests_text_test_lamalef_LDADD = libpolyalign.la
TESTS += tests/text/test_numbers tests/text/test_lamalef tests/text/lamalef.sh
EXTRA_DIST += tests/text/numbers.cases tests/text/lamalef.cases tests/text/lamalef.sh
