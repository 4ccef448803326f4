# tests: end-to-end tests of the command line, and the benchmarks.
# Each layer lists its own unit tests in its local.mk; `make check` runs
# them all through the TAP driver. `make bench` runs tests/bench/bench-*.sh,
# which print figures (speed, memory, accuracy) and assert nothing timed.
# `make valgrind` runs the command's main paths under valgrind (not part of
# `make check`: it takes minutes).
EXTRA_DIST += tests/tap.h tests/cases.h tests/lib.sh

# Each runs in a scratch directory of its own: hunalign, the comparator,
# writes translate.txt into its working directory.
bench: all
	@set -e; hun="$${HUNALIGN:+$$(realpath "$$HUNALIGN")}"; \
	for b in $(abs_top_srcdir)/tests/bench/bench-*.sh; do \
	  echo "== $$b"; d=$$(mktemp -d "$${TMPDIR:-/tmp}/polyalign-bench.XXXXXX"); \
	  (cd "$$d" && top_srcdir='$(abs_top_srcdir)' top_builddir='$(abs_top_builddir)' \
	  POLYALIGN='$(abs_top_builddir)/polyalign' SHARED="$${SHARED:-$(SHARED_DIR)}" HUNALIGN="$$hun" \
	  PYTHON3='$(PYTHON3)' $(SHELL) $$b); rm -rf "$$d"; \
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
	tests/bench tests/valgrind.sh tests/valgrind.supp tests/tsan.sh
# The bad-input catalogue: a case a file (tests/bad-input/*.case, the exact
# one-line error and status expected), inputs made by fixtures.py.
TESTS += tests/bad-input/run.sh
EXTRA_DIST += tests/bad-input
# The sample corpus is read by tests/cli/*.sh and by the README's first
# command. (Belongs in corpora/local.mk; listed here until it is there:
# a file named twice is copied once.)
EXTRA_DIST += corpora/sample

# `make fuzz` builds the libFuzzer targets of tests/fuzz/ (clang with ASan
# and UBSan) and runs each for FUZZ_SECONDS on its seed corpus in
# tests/fuzz/corpus/; see tests/fuzz/run.sh for FUZZ_JOBS, FUZZ_WORK and
# what it prints. The targets are built from a clean copy of the sources
# (make distdir, in fuzz-build/src, configured for clang there), so this
# tree's own configuration is left alone. Not part of `make check`: it
# takes minutes. `make fuzz FUZZ_TARGETS="tmx srx"` runs only those.
FUZZ_SECONDS = 60
FUZZ_TARGETS =
fuzz:
	@command -v clang > /dev/null 2>&1 || { \
	  echo "make fuzz: clang is not installed (apt-get install clang libclang-rt-14-dev)"; exit 1; }
	rm -rf fuzz-build/src $(distdir)
	$(MAKE) $(AM_MAKEFLAGS) distdir
	mkdir -p fuzz-build && mv $(distdir) fuzz-build/src
	$(SHELL) fuzz-build/src/tests/fuzz/build.sh fuzz-build/obj
	FUZZ_BUILD=fuzz-build/obj FUZZ_WORK=fuzz-build/work SHARED="$${SHARED:-$(SHARED_DIR)}" \
	  $(SHELL) fuzz-build/src/tests/fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_TARGETS)
fuzz-clean:
	rm -rf fuzz-build sanitize-build tsan-build
clean-local: fuzz-clean
.PHONY: fuzz fuzz-clean

# `make check-all` is what CI runs (the README's test command): the suite;
# the suite again in a build with AddressSanitizer and
# UndefinedBehaviorSanitizer that stops at the first report
# (sanitize-build/, from a clean copy of the sources); and a short run of
# batch -j4 under ThreadSanitizer (check-tsan); and a short run of every
# fuzz target (FUZZ_SMOKE_SECONDS each). Any report fails it. Without clang
# the last two are skipped with a message (CI installs clang).
FUZZ_SMOKE_SECONDS = 15
check-all:
	$(MAKE) $(AM_MAKEFLAGS) check
	$(MAKE) $(AM_MAKEFLAGS) check-sanitizers
	@if command -v clang > /dev/null 2>&1; then \
	  $(MAKE) $(AM_MAKEFLAGS) check-tsan && \
	  $(MAKE) $(AM_MAKEFLAGS) fuzz FUZZ_SECONDS=$(FUZZ_SMOKE_SECONDS) FUZZ_TARGETS=; \
	else echo "check-all: ThreadSanitizer and fuzz runs skipped: clang is not installed" \
	  "(apt-get install clang libclang-rt-14-dev)"; fi
# `make check-tsan`: batch -j4 and test_threads built with ThreadSanitizer
# (tests/tsan.sh, clang) from a clean copy of the sources.
check-tsan:
	rm -rf tsan-build $(distdir)
	$(MAKE) $(AM_MAKEFLAGS) distdir
	mkdir -p tsan-build && mv $(distdir) tsan-build/src
	$(SHELL) tsan-build/src/tests/tsan.sh tsan-build/src tsan-build/obj
check-sanitizers:
	rm -rf sanitize-build $(distdir)
	$(MAKE) $(AM_MAKEFLAGS) distdir
	mv $(distdir) sanitize-build
	cd sanitize-build && ./configure -q --enable-sanitizers --with-shared="$${SHARED:-$(SHARED_DIR)}" && \
	  $(MAKE) -j"$$(nproc)" && \
	  ASAN_OPTIONS=detect_leaks=1:halt_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	  $(MAKE) -j"$$(nproc)" check
.PHONY: check-all check-sanitizers check-tsan
EXTRA_DIST += tests/fuzz

# The review page (align --report, polyalign report): the files and the
# refusals (report.sh), and the page in headless Chromium driven over the
# DevTools protocol (browser.py with cdp.py; skipped without chromium).
TESTS += tests/report/report.sh tests/report/browser.py
EXTRA_DIST += tests/report/report.sh tests/report/browser.py tests/report/cdp.py tests/report/udhr.py \
	doc/report-screenshot.sh doc/report-udhr.png
