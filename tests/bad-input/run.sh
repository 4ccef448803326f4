#!/bin/sh
# The bad-input catalogue: every tests/bad-input/*.case is one hostile or
# broken input, run through the command line. A case file holds:
#   # what the case is (comment lines)
#   run: ARGUMENTS           polyalign's arguments ($IN: the inputs that
#                            fixtures.py makes; $OUT: an empty directory)
#   status: N                the exit status expected
#   stderr: LINE             the exact line expected on standard error (one
#                            stderr: line a line; none = nothing at all)
#   stdout: LINE             the same for standard output (not checked when
#                            the case has no stdout: line)
#   needs: poppler           skipped (with a message) in a build without it
#   output: kept|new|none    $OUT/out.* holds an older output before the run;
#                            kept (default): byte-identical afterwards; new:
#                            replaced by a complete file; none: never created
#   as: nobody               run without root's privileges (when root)
#   setup: SHELL COMMAND     run before, with $IN and $OUT set
#   check: SHELL COMMAND     must succeed afterwards
# Besides what the case says, $OUT must hold no temporary file afterwards.
. "$top_srcdir/tests/lib.sh"
command -v python3 > /dev/null 2>&1 || skip_all "python3 is needed to make the fixtures"
IN=$scratch/in
python3 "$top_srcdir/tests/bad-input/fixtures.py" "$IN" "$top_srcdir" || skip_all "fixtures.py failed"
chmod 755 "$scratch"
OLD='older output, to be kept'

for case in "$top_srcdir"/tests/bad-input/*.case; do
  name=$(basename "$case" .case)
  OUT=$scratch/out-$name
  mkdir -p "$OUT"
  field() { sed -n "s/^$1: //p" "$case" | sed "s|\\\$IN|$IN|g; s|\\\$OUT|$OUT|g"; }
  output=$(field output); [ -n "$output" ] || output=kept
  old=$(ls "$OUT" 2> /dev/null)
  args=$(field run)
  target=$(printf '%s\n' "$args" | tr ' ' '\n' | grep -m1 "^$OUT/out" || true)
  [ "$output" = none ] || [ -z "$target" ] || printf '%s\n' "$OLD" > "$target"
  if [ "$(field needs)" = poppler ] &&
    ! grep -q '^#define HAVE_POPPLER 1' "${top_builddir:-.}/config.h" 2> /dev/null; then
    diag "$name: skipped: built without poppler"; continue
  fi
  setup=$(field setup)
  [ -z "$setup" ] || (IN=$IN OUT=$OUT; eval "$setup")
  prefix=""
  if [ "$(field as)" = nobody ] && [ "$(id -u)" -eq 0 ]; then
    if ! command -v setpriv > /dev/null 2>&1; then
      diag "$name: skipped: root, and no setpriv to drop privileges"; continue
    fi
    prefix="setpriv --reuid=65534 --regid=65534 --clear-groups --"
  fi
  # shellcheck disable=SC2086
  $prefix "$POLYALIGN" $args > "$scratch/stdout" 2> "$scratch/stderr" < /dev/null
  rc=$?
  bad=""
  [ "$rc" = "$(field status)" ] || bad="$bad; exit $rc, expected $(field status)"
  field stderr > "$scratch/want"
  cmp -s "$scratch/want" "$scratch/stderr" || bad="$bad; stderr: $(cat "$scratch/stderr") -- expected: $(cat "$scratch/want")"
  if grep -q '^stdout: ' "$case"; then
    field stdout > "$scratch/want"
    cmp -s "$scratch/want" "$scratch/stdout" || bad="$bad; stdout: $(cat "$scratch/stdout") -- expected: $(cat "$scratch/want")"
  fi
  if [ -n "$target" ]; then
    case $output in
      kept) [ "$(cat "$target" 2> /dev/null)" = "$OLD" ] || bad="$bad; the older output was not kept" ;;
      new) [ -s "$target" ] && [ "$(cat "$target")" != "$OLD" ] || bad="$bad; no new output" ;;
      none) [ ! -e "$target" ] || bad="$bad; an output was created" ;;
    esac
  fi
  check=$(field check)
  [ -z "$check" ] || (IN=$IN OUT=$OUT; eval "$check") || bad="$bad; failed: $check"
  ls -A "$OUT" | grep -q '\.tmp-' && bad="$bad; a temporary file was left"
  chmod -R u+w "$OUT" 2> /dev/null
  [ -z "$bad" ] || diag "$name$bad"
  ok $([ -z "$bad" ]; echo $?) "$name: $(sed -n '1s/^# //p' "$case")"
done
done_testing
