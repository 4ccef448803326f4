#!/bin/sh
# `make install` (into a DESTDIR) installs the header, the shared and static
# library exporting only pa_ names, polyalign.pc, the man page and the
# command; examples/align_pair.c builds against the installed library with
# pkg-config and prints the sample's pairs.
. "$top_srcdir/tests/lib.sh"
command -v pkg-config > /dev/null || skip_all "pkg-config is not installed"
dest="$scratch/dest"
make -s -C "$top_builddir" install DESTDIR="$dest" > "$scratch/install.log" 2>&1
ok $? "make install DESTDIR=... succeeds"
prefix=$(sed -n 's/^prefix=//p' "$top_builddir/polyalign.pc")
libdir=$(sed -n 's/^libdir=//p' "$top_builddir/polyalign.pc" | sed "s|\${exec_prefix}|$prefix|")
root="$dest$prefix"
for f in include/polyalign.h bin/polyalign lib/pkgconfig/polyalign.pc share/man/man1/polyalign.1; do
  [ -f "$root/$f" ]; ok $? "installs $f"
done
so=$(ls "$dest$libdir"/libpolyalign.so.*.*.* 2>/dev/null | head -n 1)
[ -n "$so" ]; ok $? "installs the shared library ($so)"
[ -f "$dest$libdir/libpolyalign.a" ]; ok $? "installs the static library"
if [ -n "$so" ]; then
  nm -D --defined-only "$so" | awk '$2 ~ /^[TDBRVW]$/ { print $3 }' > "$scratch/syms"
  n=$(wc -l < "$scratch/syms")
  others=$(grep -v '^pa_' "$scratch/syms" | head -n 5 | tr '\n' ' ')
  [ "$n" -gt 20 ] && [ -z "$others" ]; ok $? "the shared library exports $n names, all pa_ (others: '$others')"
  # exactly the functions the public header declares (align/polyalign.sym)
  grep -oE '^[a-z].*[ *]pa_[a-z0-9_]+\(' "$top_srcdir/align/polyalign.h" | grep -oE 'pa_[a-z0-9_]+\($' | tr -d '(' |
    sort -u > "$scratch/declared"
  sort -u "$top_srcdir/align/polyalign.sym" > "$scratch/listed"
  sort -u "$scratch/syms" > "$scratch/exported"
  cmp -s "$scratch/declared" "$scratch/listed"
  ok $? "align/polyalign.sym lists exactly the functions polyalign.h declares ($(wc -l < "$scratch/declared"))"
  cmp -s "$scratch/listed" "$scratch/exported"
  ok $? "the library exports exactly those: no internals ($(comm -13 "$scratch/listed" "$scratch/exported" | head -n 3 | tr '\n' ' '))"
  for f in pa_context_new pa_align pa_units_get pa_writer_open pa_set_oom_handler; do
    grep -qx "$f" "$scratch/syms"; ok $? "it exports $f"
  done
fi
export PKG_CONFIG_PATH="$dest$libdir/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$dest"
flags=$(pkg-config --cflags --libs polyalign 2>"$scratch/pc.err")
ok $? "pkg-config finds polyalign ($flags)"
# The sanitizer build's library needs the sanitizer runtime in the program.
${CC:-cc} $SANITIZER_CFLAGS "$top_srcdir/examples/align_pair.c" $flags $SANITIZER_LDFLAGS -o "$scratch/align_pair" \
  > "$scratch/cc.log" 2>&1
ok $? "examples/align_pair.c builds against the installed library with pkg-config"
LD_LIBRARY_PATH="$dest$libdir" "$scratch/align_pair" "$top_srcdir/corpora/sample/cd-note.zh.txt" \
  "$top_srcdir/corpora/sample/cd-note.en.txt" > "$scratch/out.tsv" 2>"$scratch/run.err"
ok $? "the installed example runs"
ldd_out=$(LD_LIBRARY_PATH="$dest$libdir" ldd "$scratch/align_pair" 2>/dev/null | grep libpolyalign)
case "$ldd_out" in *"$dest"*) ok 0 "it uses the installed shared library";; *) ok 1 "it uses the installed shared library ($ldd_out)";; esac
"$top_builddir/examples/align_pair" "$top_srcdir/corpora/sample/cd-note.zh.txt" \
  "$top_srcdir/corpora/sample/cd-note.en.txt" > "$scratch/tree.tsv" 2>/dev/null
[ -s "$scratch/out.tsv" ] && cmp -s "$scratch/out.tsv" "$scratch/tree.tsv"
ok $? "and prints the sample's pairs, as the build tree's does ($(wc -l < "$scratch/out.tsv") lines)"
done_testing
