# tests: end-to-end tests of the command line, and the benchmarks.
# Each layer lists its own unit tests in its local.mk; `make check` runs
# them all through the TAP driver. `make bench` runs tests/bench/bench-*.sh,
# which print figures (speed, memory, accuracy) and assert nothing timed.
EXTRA_DIST += tests/tap.h tests/lib.sh

bench: all
	@set -e; for b in $(srcdir)/tests/bench/bench-*.sh; do \
	  echo "== $$b"; \
	  top_srcdir='$(abs_top_srcdir)' top_builddir='$(abs_top_builddir)' \
	  POLYALIGN='$(abs_top_builddir)/polyalign' SHARED="$${SHARED:-$(abs_top_srcdir)/../shared}" \
	  PYTHON3='$(PYTHON3)' $(SHELL) $$b; \
	done
.PHONY: bench

TESTS += tests/cli/errors.sh
EXTRA_DIST += tests/cli/errors.sh tests/cli/errors.cases
