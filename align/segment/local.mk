# align/segment: sentence segmentation (SRX rules over ICU's break
# iterator), without I/O.
libpolyalign_la_SOURCES += \
	align/segment/jregex.c align/segment/jregex.h \
	align/segment/srx.c align/segment/srx.h \
	align/segment/rules.c align/segment/rules.h \
	align/segment/uclass.c align/segment/uclass.h \
	align/segment/segmenter.c align/segment/segmenter.h

# The shipped rules are compiled into the library (a generated C array), so
# the program never has to find a data file at run time: no search path to
# get wrong when installed, uninstalled, relocated or under `make distcheck`.
# The same file is installed for users to copy and edit (--srx FILE).
nodist_libpolyalign_la_SOURCES = align/segment/builtin_srx.c
CLEANFILES += align/segment/builtin_srx.c
align/segment/builtin_srx.c: $(top_srcdir)/corpora/srx/polyalign.srx
	$(AM_V_GEN)$(MKDIR_P) align/segment && { \
	  echo '/* Generated from corpora/srx/polyalign.srx by align/segment/local.mk. */'; \
	  echo '#include <stddef.h>'; \
	  echo 'extern const unsigned char pa_builtin_srx_data[];'; \
	  echo 'extern const size_t pa_builtin_srx_size;'; \
	  echo 'const unsigned char pa_builtin_srx_data[] = {'; \
	  od -An -v -tx1 $(top_srcdir)/corpora/srx/polyalign.srx | sed -e 's/\([0-9a-f][0-9a-f]\)/0x\1,/g'; \
	  echo '0x00};'; \
	  echo 'const size_t pa_builtin_srx_size = sizeof pa_builtin_srx_data - 1;'; \
	} > $@-t && mv -f $@-t $@

# Tests: data-driven cases, the accuracy table, the seed and sample
# documents, SRX files, encodings, repair. srxcheck compiles SRX files.
check_PROGRAMS += tests/segment/srxcheck tests/segment/rulecheck tests/segment/test_uclass
tests_segment_srxcheck_LDADD = libpolyalign.la $(LIBXML2_LIBS) $(ICU_LIBS) $(ZLIB_LIBS)
# rulecheck: the shortcuts of rules.c against a plain evaluation of every
# rule at every position of long generated paragraphs.
tests_segment_rulecheck_LDADD = libpolyalign.la $(LIBXML2_LIBS) $(ICU_LIBS) $(ZLIB_LIBS)
TESTS += tests/segment/rulecheck
# test_uclass: the class patterns built from cached properties against
# ICU's own reading (tests/segment/uclass.cases).
tests_segment_test_uclass_LDADD = libpolyalign.la $(ICU_LIBS)
TESTS += tests/segment/test_uclass
TESTS += tests/segment/cases.py tests/segment/eval.py tests/segment/seed.py \
	tests/segment/sample.sh tests/segment/srx.sh tests/segment/encodings.sh \
	tests/segment/reflow.sh tests/segment/nfc.sh
EXTRA_DIST += tests/segment/cases.txt tests/segment/ar-pysbd.srx tests/segment/nfc.txt tests/segment/uclass.cases \
	tests/segment/cases.py tests/segment/eval.py tests/segment/seed.py \
	tests/segment/sample.sh tests/segment/srx.sh tests/segment/encodings.sh \
	tests/segment/reflow.sh tests/segment/nfc.sh
