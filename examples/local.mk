# examples: programs that use the public API only. `make check` builds
# them against the build tree's shared library (the installed-library build
# is tests/examples/install.sh).
check_PROGRAMS += examples/align_pair
examples_align_pair_SOURCES = examples/align_pair.c
examples_align_pair_CPPFLAGS = -I$(top_srcdir)/align
examples_align_pair_LDFLAGS = $(SANITIZER_LDFLAGS)
examples_align_pair_LDADD = libpolyalign.la
EXAMPLE_TESTS = tests/examples/align_pair.sh tests/examples/install.sh
TESTS += $(EXAMPLE_TESTS)
EXTRA_DIST += $(EXAMPLE_TESTS)
