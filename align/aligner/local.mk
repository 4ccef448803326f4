# align/aligner: sentence features, the evidence model, lexicon and
# dictionaries, the banded search, beads and evaluation.
libpolyalign_la_SOURCES += \
	align/aligner/aligner.c align/aligner/aligner.h \
	align/aligner/bead.c align/aligner/bead.h \
	align/aligner/dict.c align/aligner/dict.h \
	align/aligner/dict_cache.c align/aligner/dict_cache.h \
	align/aligner/eval.c align/aligner/eval.h \
	align/aligner/features.c align/aligner/features.h \
	align/aligner/lengthmodel.c align/aligner/lengthmodel.h \
	align/aligner/lexicon.c align/aligner/lexicon.h \
	align/aligner/links.c align/aligner/links.h \
	align/aligner/model.c align/aligner/model.h \
	align/aligner/pairs.c align/aligner/pairs.h \
	align/aligner/pinyin.h \
	align/aligner/romanize.c align/aligner/romanize.h \
	align/aligner/search.c align/aligner/search.h align/aligner/search_run.h \
	align/aligner/stem.c align/aligner/stem.h \
	align/aligner/vocab.c align/aligner/vocab.h \
	align/aligner/wordbreak.c align/aligner/wordbreak.h

# The romanization of each Chinese character, generated at build time by
# running ICU's own transliterator over every ideograph (gen_pinyin.c), so
# that no process compiles ICU's Han-Latin rules (~0.2 s) at run time.
noinst_PROGRAMS = align/aligner/gen_pinyin
align_aligner_gen_pinyin_SOURCES = align/aligner/gen_pinyin.c
align_aligner_gen_pinyin_LDADD = $(ICU_LIBS)
nodist_libpolyalign_la_SOURCES += align/aligner/pinyin_table.c
CLEANFILES += align/aligner/pinyin_table.c
align/aligner/pinyin_table.c: align/aligner/gen_pinyin$(EXEEXT)
	$(AM_V_GEN)$(MKDIR_P) align/aligner && align/aligner/gen_pinyin$(EXEEXT) > $@-t && mv -f $@-t $@

# log(erfc(x)) and its slope at the nodes of the length model's table
# (gen_erfc.c, erfc_nr.h), so that no bead's score calls log().
noinst_PROGRAMS += align/aligner/gen_erfc
align_aligner_gen_erfc_SOURCES = align/aligner/gen_erfc.c align/aligner/erfc_nr.h
align_aligner_gen_erfc_LDADD = -lm
nodist_libpolyalign_la_SOURCES += align/aligner/erfc_table.c
CLEANFILES += align/aligner/erfc_table.c
align/aligner/erfc_table.c: align/aligner/gen_erfc$(EXEEXT)
	$(AM_V_GEN)$(MKDIR_P) align/aligner && align/aligner/gen_erfc$(EXEEXT) > $@-t && mv -f $@-t $@

# Tests: brute force against the search, the word breaker against ICU, threads, data-driven cases,
# dictionaries, coverage on perturbed UN text, and the quality floors on the
# shared development sets.
check_PROGRAMS += tests/aligner/test_search tests/aligner/test_threads tests/aligner/test_romanize \
	tests/aligner/test_lexicon tests/aligner/test_lengthmodel tests/aligner/test_wordbreak tests/aligner/test_pairs
tests_aligner_test_pairs_LDADD = libpolyalign.la
tests_aligner_test_wordbreak_LDADD = libpolyalign.la $(ICU_LIBS)
tests_aligner_test_lexicon_LDADD = libpolyalign.la
tests_aligner_test_lengthmodel_LDADD = libpolyalign.la -lm
tests_aligner_test_search_LDADD = libpolyalign.la
tests_aligner_test_romanize_LDADD = libpolyalign.la $(ICU_LIBS)
tests_aligner_test_threads_LDADD = libpolyalign.la
ALIGNER_SCRIPT_TESTS = tests/aligner/test_cases.sh tests/aligner/quality.sh \
	tests/aligner/dict.sh tests/aligner/coverage.py tests/aligner/levels.sh tests/aligner/beside.sh
TESTS += tests/aligner/test_search tests/aligner/test_threads tests/aligner/test_romanize tests/aligner/test_lexicon \
	tests/aligner/test_lengthmodel tests/aligner/test_wordbreak tests/aligner/test_pairs \
	$(ALIGNER_SCRIPT_TESTS)
EXTRA_DIST += $(ALIGNER_SCRIPT_TESTS) tests/aligner/cases.txt tests/aligner/wordbreak.cases tests/aligner/random_side.h
