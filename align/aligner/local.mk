# align/aligner: beads, the length model, the banded search, evaluation.
libpolyalign_la_SOURCES += \
	align/aligner/aligner.c align/aligner/aligner.h \
	align/aligner/bead.c align/aligner/bead.h \
	align/aligner/eval.c align/aligner/eval.h \
	align/aligner/lengthmodel.c align/aligner/lengthmodel.h \
	align/aligner/search.c align/aligner/search.h
libpolyalign_la_SOURCES += \
	align/aligner/features.c align/aligner/features.h \
	align/aligner/lexicon.c align/aligner/lexicon.h \
	align/aligner/links.c align/aligner/links.h \
	align/aligner/model.c align/aligner/model.h \
	align/aligner/pairs.c align/aligner/pairs.h \
	align/aligner/vocab.c align/aligner/vocab.h
libpolyalign_la_SOURCES += \
	align/aligner/stem.c align/aligner/stem.h
libpolyalign_la_SOURCES += \
	align/aligner/dict.c align/aligner/dict.h

# Tests: brute force against the search, threads, data-driven cases, and
# the quality floors on the shared development sets.
check_PROGRAMS += tests/aligner/test_search tests/aligner/test_threads
tests_aligner_test_search_LDADD = libpolyalign.la
tests_aligner_test_threads_LDADD = libpolyalign.la
TESTS += tests/aligner/test_search tests/aligner/test_threads \
	tests/aligner/test_cases.sh tests/aligner/quality.sh
EXTRA_DIST += tests/aligner/test_cases.sh tests/aligner/cases.txt tests/aligner/quality.sh
TESTS += tests/aligner/dict.sh
EXTRA_DIST += tests/aligner/dict.sh
TESTS += tests/aligner/coverage.py
EXTRA_DIST += tests/aligner/coverage.py
