# align/aligner: sentence features, the evidence model, lexicon and
# dictionaries, the banded search, beads and evaluation.
libpolyalign_la_SOURCES += \
	align/aligner/aligner.c align/aligner/aligner.h \
	align/aligner/bead.c align/aligner/bead.h \
	align/aligner/dict.c align/aligner/dict.h \
	align/aligner/eval.c align/aligner/eval.h \
	align/aligner/features.c align/aligner/features.h \
	align/aligner/lengthmodel.c align/aligner/lengthmodel.h \
	align/aligner/lexicon.c align/aligner/lexicon.h \
	align/aligner/links.c align/aligner/links.h \
	align/aligner/model.c align/aligner/model.h \
	align/aligner/pairs.c align/aligner/pairs.h \
	align/aligner/search.c align/aligner/search.h \
	align/aligner/stem.c align/aligner/stem.h \
	align/aligner/vocab.c align/aligner/vocab.h

# Tests: brute force against the search, threads, data-driven cases,
# dictionaries, coverage on perturbed UN text, and the quality floors on the
# shared development sets.
check_PROGRAMS += tests/aligner/test_search tests/aligner/test_threads
tests_aligner_test_search_LDADD = libpolyalign.la
tests_aligner_test_threads_LDADD = libpolyalign.la
ALIGNER_SCRIPT_TESTS = tests/aligner/test_cases.sh tests/aligner/quality.sh \
	tests/aligner/dict.sh tests/aligner/coverage.py
TESTS += tests/aligner/test_search tests/aligner/test_threads $(ALIGNER_SCRIPT_TESTS)
EXTRA_DIST += $(ALIGNER_SCRIPT_TESTS) tests/aligner/cases.txt
