# tests/lib.sh - helpers for TAP tests written in shell. Source it, call
# `ok COND-EXIT-STATUS "description"` style helpers, end with `done_testing`.
# The environment (POLYALIGN, SHARED, top_srcdir, top_builddir, XMLLINT) comes
# from AM_TESTS_ENVIRONMENT in Makefile.am.
: "${POLYALIGN:=${top_builddir:-.}/polyalign}"
: "${SHARED:=${top_srcdir:-.}/../shared}"
# absolute, as scripts cd into scratch directories (SHARED=../shared on the
# make command line would otherwise point nowhere from there)
case $SHARED in /*) ;; *) [ -d "$SHARED" ] && SHARED=$(cd "$SHARED" && pwd) ;; esac
tap_n=0
tap_fail=0

# ok STATUS DESCRIPTION: passes when STATUS is 0.
ok() {
  tap_n=$((tap_n + 1))
  if [ "$1" -eq 0 ]; then echo "ok $tap_n - $2"; else echo "not ok $tap_n - $2"; tap_fail=$((tap_fail + 1)); fi
}

# check DESCRIPTION COMMAND...: runs the command, passes when it succeeds.
check() {
  desc=$1; shift
  if "$@" >/dev/null 2>&1; then ok 0 "$desc"; else ok 1 "$desc"; fi
}

diag() { echo "# $*"; }

# skip_all REASON: the whole script is skipped (TAP "1..0 # SKIP").
skip_all() { echo "1..0 # SKIP $*"; exit 0; }

have_shared() { [ -d "$SHARED" ] && [ -f "$SHARED/README.md" ]; }

# have_arabic_dictionary: hunspell's Arabic dictionary and libhunspell, which
# the lam-alef repair of Arabic PDF text uses where they are (text/wordlist.h).
have_arabic_dictionary() {
  [ -r /usr/share/hunspell/ar.dic ] && /sbin/ldconfig -p 2>/dev/null | grep -q "libhunspell-1.7.so.0"
}

done_testing() { echo "1..$tap_n"; exit 0; }

# A scratch directory removed at exit.
scratch=$(mktemp -d "${TMPDIR:-/tmp}/polyalign-test.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
