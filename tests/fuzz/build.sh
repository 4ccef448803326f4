#!/bin/sh
# build.sh - builds the libFuzzer targets of tests/fuzz/ with clang, ASan
# and UBSan: usage build.sh [BUILDDIR] (default ./fuzz-build).
#
# BUILDDIR gets its own configure run of the library (CC=clang, compiled
# with -fsanitize=fuzzer-no-link,address,undefined), so the project's own
# build is untouched; each fuzz_*.c is then linked with
# -fsanitize=fuzzer,address,undefined into BUILDDIR/fuzz/. Needs clang and
# its runtime (Debian: apt-get install clang libclang-rt-14-dev).
set -e
srcdir=$(cd "$(dirname "$0")/../.." && pwd)
builddir=${1:-fuzz-build}
CC=${CC_FUZZ:-clang}
SAN='-fsanitize=address,undefined -fno-omit-frame-pointer'
CFLAGS_LIB="-g -O1 -fsanitize=fuzzer-no-link $SAN"

command -v "$CC" >/dev/null 2>&1 || {
    echo "build.sh: $CC not found (apt-get install clang libclang-rt-14-dev)" >&2
    exit 1
}
if [ -f "$srcdir/config.status" ]; then
    echo "build.sh: $srcdir is configured in place; run 'make distclean' there first" >&2
    exit 1
fi
[ -x "$srcdir/configure" ] || (cd "$srcdir" && autoreconf -fi)
mkdir -p "$builddir/fuzz"
builddir=$(cd "$builddir" && pwd)
cd "$builddir"
# Reconfigure (and rebuild everything) when configure or the flags changed.
stamp="$CC $CFLAGS_LIB"
if [ ! -f config.status ] || [ -n "$(find "$srcdir/configure" -newer config.status)" ] ||
    [ "$(cat fuzz/flags 2>/dev/null)" != "$stamp" ]; then
    "$srcdir/configure" -q CC="$CC" CFLAGS="$CFLAGS_LIB" --disable-shared \
        --with-shared="${SHARED:-$srcdir/../shared}"
    make -s clean
    echo "$stamp" > fuzz/flags
fi
make -s -j"${JOBS:-2}" libpolyalign.la
LIBS=$(pkg-config --libs libxml-2.0 icu-uc icu-i18n zlib)
INCS="-I$srcdir -I$builddir $(pkg-config --cflags libxml-2.0 icu-uc icu-i18n zlib)"
for f in "$srcdir"/tests/fuzz/fuzz_*.c; do
    t=$(basename "$f" .c)
    out=fuzz/$t
    echo "  CCLD     $out"
    # shellcheck disable=SC2086
    "$CC" -std=c11 -g -O1 -fsanitize=fuzzer $SAN -Wall -Wextra -Wno-unused-parameter \
        -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $INCS \
        -o "$out" "$f" .libs/libpolyalign.a $LIBS -lm
done
echo "fuzz targets in $builddir/fuzz"
