# shellcheck shell=sh
# shellcheck disable=SC2034,SC2154 # set here for, and by, the scripts that source it
# macdev.sh - sourced by the bench scripts that score alignments against
# MAC-dev's gold (bench-paragraphs.sh, bench-short.sh), which set `me` (the
# script's name) first: the tools and data they read, a skip message and
# exit 0 where either is absent, a temporary folder removed at exit ($tmp),
# and f1, `polyalign eval`'s F1.
: "${POLYALIGN:=${top_builddir:-.}/polyalign}"
: "${SHARED:=${top_srcdir:-.}/../shared}"
: "${PYTHON3:=python3}"
here=$(dirname "$0")
MAC=$SHARED/eval/alignment/mac-dev
CEDICT=$SHARED/dict/cedict_ts.u8.gz
if [ ! -d "$MAC/zh" ] || [ ! -d "$MAC/gold" ]; then
  echo "$me: skipped: no MAC-dev data under $MAC (set SHARED)"
  exit 0
fi
if ! command -v "$PYTHON3" > /dev/null 2>&1; then
  echo "$me: skipped: needs python3"
  exit 0
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/$me.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

# f1 EVAL-ARGS...: `polyalign eval`'s strict and lax F1, as "strict lax"
f1() {
  "$POLYALIGN" eval --json "$@" | sed -n 's/.*"f1_strict": \([0-9.]*\).*"f1_lax": \([0-9.]*\).*/\1 \2/p'
}
