# align/text: decoding and cleaning text, language tags, repairing wrapped
# lines, reversed Arabic ligatures (with a dictionary's words, wordlist.c)
# and pdftotext's left-to-right runs, the numbers of a segment.
libpolyalign_la_SOURCES += \
	align/text/input.c align/text/input.h \
	align/text/lamalef.c align/text/lamalef.h \
	align/text/ltrrun.c align/text/ltrrun.h \
	align/text/lang.c align/text/lang.h \
	align/text/pages.c align/text/pages.h \
	align/text/numbers.c align/text/numbers.h \
	align/text/reflow.c align/text/reflow.h \
	align/text/utf8.h \
	align/text/wordlist.c align/text/wordlist.h

# Tests: the numbers of a segment on the cases of tests/text/numbers.cases;
# the lam-alef repair on those of tests/text/lamalef.cases, pdftotext's
# left-to-right runs on those of tests/text/ltrrun.cases, and both through
# the text reader (`segment --lang ar`, arabic-pdftotext.sh).
check_PROGRAMS += tests/text/test_numbers tests/text/test_lamalef tests/text/test_ltrrun
tests_text_test_numbers_LDADD = libpolyalign.la
tests_text_test_lamalef_LDADD = libpolyalign.la
tests_text_test_ltrrun_LDADD = libpolyalign.la
TESTS += tests/text/test_numbers tests/text/test_lamalef tests/text/test_ltrrun tests/text/arabic-pdftotext.sh
EXTRA_DIST += tests/text/numbers.cases tests/text/lamalef.cases tests/text/ltrrun.cases tests/text/arabic-pdftotext.sh
