# align/cli: the polyalign command: option parsing and wiring only.
polyalign_SOURCES = \
	align/cli/cli.h align/cli/main.c \
	align/cli/cmd_align.c align/cli/cmd_batch.c align/cli/cmd_eval.c align/cli/cmd_lexicon.c align/cli/cmd_segment.c align/cli/cmd_tmx.c align/cli/cmd_report.c \
	align/cli/messages.c align/cli/options.c \
	align/cli/progress.c align/cli/progress.h \
	align/cli/suggest.c align/cli/suggest.h
polyalign_LDADD = libpolyalign.la $(LIBXML2_LIBS) $(ICU_LIBS) $(ZLIB_LIBS) $(STATIC_CLI_LIBS) -lm
# --enable-static-cli (configure.ac): the dependencies' archives, non-PIE
polyalign_LDFLAGS = $(AM_LDFLAGS) $(STATIC_CLI_LDFLAGS)

# Tests of the command line's helpers, built from their sources: "did you
# mean" on the cases of suggest.cases, and the progress line on a fake clock
# (the library only for pa_calloc).
check_PROGRAMS += tests/cli/test_suggest tests/cli/test_progress
tests_cli_test_suggest_SOURCES = tests/cli/test_suggest.c align/cli/suggest.c align/cli/suggest.h
tests_cli_test_progress_SOURCES = tests/cli/test_progress.c align/cli/progress.c align/cli/progress.h
tests_cli_test_progress_LDADD = libpolyalign.la
TESTS += tests/cli/test_suggest tests/cli/test_progress
EXTRA_DIST += tests/cli/suggest.cases

# configure made static-cli/ (links to the archives); configure again makes it anew
distclean-local:
	rm -rf static-cli
