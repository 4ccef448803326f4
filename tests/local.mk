# tests: end-to-end tests of the command line, and the benchmarks.
# Each layer lists its own unit tests in its local.mk; `make check` runs
# them all through the TAP driver. `make bench` runs tests/bench/bench-*.sh,
# which print figures (speed, memory, accuracy) and assert nothing timed.
# `make valgrind` runs the command's main paths under valgrind (not part of
# `make check`: it takes minutes).
EXTRA_DIST += tests/tap.h tests/lib.sh

bench: all
	@set -e; for b in $(srcdir)/tests/bench/bench-*.sh; do \
	  echo "== $$b"; \
	  top_srcdir='$(abs_top_srcdir)' top_builddir='$(abs_top_builddir)' \
	  POLYALIGN='$(abs_top_builddir)/polyalign' SHARED="$${SHARED:-$(SHARED_DIR)}" \
	  PYTHON3='$(PYTHON3)' $(SHELL) $$b; \
	done

valgrind: all
	top_srcdir='$(abs_top_srcdir)' top_builddir='$(abs_top_builddir)' \
	  POLYALIGN='$(abs_top_builddir)/polyalign' SHARED="$${SHARED:-$(SHARED_DIR)}" \
	  PYTHON3='$(PYTHON3)' $(SHELL) $(srcdir)/tests/valgrind.sh
.PHONY: bench valgrind

# The command line end to end: bad input (errors.cases), every output format
# and input form (align.sh, with tmxcheck.py), eval against score.py on the
# cases of eval-cases/ and on MAC-dev (eval.sh).
TESTS += tests/cli/errors.sh tests/cli/align.sh tests/cli/eval.sh
EXTRA_DIST += tests/cli/errors.sh tests/cli/errors.cases \
	tests/cli/align.sh tests/cli/tmxcheck.py tests/cli/eval.sh tests/cli/eval-cases \
	tests/bench tests/valgrind.sh tests/valgrind.supp
# The sample corpus is read by tests/cli/*.sh and by the README's first
# command. (Belongs in corpora/local.mk; listed here until it is there:
# a file named twice is copied once.)
EXTRA_DIST += corpora/sample

# `make fuzz` builds the libFuzzer targets of tests/fuzz/ (clang with ASan
# and UBSan, against a configure run of its own in fuzz-build/) and runs
# each for FUZZ_SECONDS on its seed corpus in tests/fuzz/corpus/; see
# tests/fuzz/run.sh for FUZZ_JOBS, FUZZ_WORK and what it prints. Not part of
# `make check`: it takes minutes. `make fuzz FUZZ_TARGETS="tmx srx"` runs
# only those.
FUZZ_SECONDS = 60
FUZZ_TARGETS =
fuzz:
	$(SHELL) $(srcdir)/tests/fuzz/build.sh fuzz-build
	FUZZ_BUILD=fuzz-build SHARED="$${SHARED:-$(SHARED_DIR)}" \
	  $(SHELL) $(srcdir)/tests/fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_TARGETS)
fuzz-clean:
	rm -rf fuzz-build
clean-local: fuzz-clean
.PHONY: fuzz fuzz-clean
EXTRA_DIST += tests/fuzz

# The review page (align --report, polyalign report): the files and the
# refusals (report.sh), and the page in headless Chromium driven over the
# DevTools protocol (browser.py with cdp.py; skipped without chromium).
TESTS += tests/report/report.sh tests/report/browser.py
EXTRA_DIST += tests/report/report.sh tests/report/browser.py tests/report/cdp.py tests/report/udhr.py \
	doc/report-screenshot.sh doc/report-udhr.png
