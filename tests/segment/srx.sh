#!/bin/sh
# SRX rule files: the shipped file and every file under ../shared/srx load
# and compile; a malformed file is one clear line naming it; OmegaT's own
# defaults (not schema-valid) segment as OmegaT would.
. "$top_srcdir/tests/lib.sh"
check_out() { # DESC EXPECTED-FILE COMMAND...
  desc=$1 want=$2; shift 2
  if "$@" > "$scratch/got" 2> "$scratch/err" && cmp -s "$scratch/got" "$want"; then ok 0 "$desc"
  else ok 1 "$desc"; sed 's/^/# /' "$scratch/got" "$scratch/err" | head -10; fi
}
"$top_builddir/tests/segment/srxcheck" "$top_srcdir/corpora/srx/polyalign.srx" | grep '^ok' > /dev/null
ok $? "corpora/srx/polyalign.srx compiles"

# Malformed files: exit status 1, one line on stderr naming the file.
printf '<srx><body><languagerules>' > "$scratch/broken.srx"
printf '<tmx version="1.4"/>' > "$scratch/notsrx.srx"
cat > "$scratch/badregex.srx" <<'X'
<srx xmlns="http://www.lisa.org/srx20" version="2.0"><header cascade="yes"/><body>
<languagerules><languagerule languagerulename="L">
<rule break="yes"><beforebreak>[a-</beforebreak><afterbreak>\s</afterbreak></rule>
</languagerule></languagerules>
<maprules><languagemap languagepattern=".*" languagerulename="L"/></maprules></body></srx>
X
sed 's/languagepattern=".\*"/languagepattern="fr.*"/; s/\[a-/\\./' "$scratch/badregex.srx" > "$scratch/nolang.srx"
# bytes invalid in the declared encoding: libxml2 reports them outside the
# parser, and they used to reach stderr as three more lines (found by fuzzing)
printf '<?xml version="1.0" encoding="Shift_JIS"?>\n<srx version="2.0"><body>\377\377</body></srx>\n' > "$scratch/badencoding.srx"
for f in broken notsrx badregex nolang badencoding; do
  echo "Hello. World." | "$POLYALIGN" segment --lang en --srx "$scratch/$f.srx" - > /dev/null 2> "$scratch/err"
  rc=$?
  lines=$(wc -l < "$scratch/err")
  if [ $rc -eq 1 ] && [ "$lines" -eq 1 ] && grep -q "$f.srx" "$scratch/err"; then ok 0 "$f.srx: error names the file"
  else ok 1 "$f.srx: error names the file (status $rc)"; sed 's/^/# /' "$scratch/err"; fi
done
grep -q 'badregex.srx:3: beforebreak' "$scratch/err" 2>/dev/null || \
  { echo "Hello. World." | "$POLYALIGN" segment --lang en --srx "$scratch/badregex.srx" - 2>&1 | grep -q 'badregex.srx:3: beforebreak'; }
ok $? "a bad pattern is reported with its line"

# Rules found by fuzzing (tests/fuzz/fuzz_srx): each file segments (status
# 0) or fails with one line naming it (status 1), within the time limit.
#   quantifier: a 20-digit {n} overflowed the quantifier parser (UBSan);
#   lazy-rule, lazy-map: ICU 72 never ends a lazy loop over what matches
#   nothing ("^+?x") when the rest fails; now an error, not a hang.
srx_with() { # NO-BREAK-BEFOREBREAK LANGUAGEPATTERN [BREAK-BEFOREBREAK [BREAK-AFTERBREAK]]
  printf '<srx xmlns="http://www.lisa.org/srx20" version="2.0"><header cascade="yes"/><body>\n'
  printf '<languagerules><languagerule languagerulename="L">\n'
  printf '<rule break="no"><beforebreak>%s</beforebreak></rule>\n' "$1"
  printf '<rule break="yes"><beforebreak>%s</beforebreak><afterbreak>%s</afterbreak></rule>\n' "${3:-\\.}" "${4:-\\s}"
  printf '</languagerule></languagerules>\n'
  printf '<maprules><languagemap languagepattern="%s" languagerulename="L"/></maprules></body></srx>\n' "$2"
}
srx_with 'x{99999999999999999999}' '.*' > "$scratch/quantifier.srx"
srx_with '^+?x' '.*' > "$scratch/lazy-rule.srx"
srx_with 'Mr\.' '(?:a?)+?x' > "$scratch/lazy-map.srx"
limit=
command -v timeout > /dev/null 2>&1 && limit="timeout 60"
for c in quantifier:0 lazy-rule:1 lazy-map:1; do
  f=${c%:*} want=${c#*:}
  echo "Hello. World." | $limit "$POLYALIGN" segment --lang en --srx "$scratch/$f.srx" - > /dev/null 2> "$scratch/err"
  rc=$?
  if [ $rc -eq "$want" ] && { [ "$want" -eq 0 ] || { [ "$(wc -l < "$scratch/err")" -eq 1 ] && grep -q "$f.srx" "$scratch/err"; }; }
  then ok 0 "$f.srx: status $rc"
  else ok 1 "$f.srx: status $rc, want $want"; sed 's/^/# /' "$scratch/err"; fi
done
# Break rules that prefilters wrongly ruled out (found by fuzzing): a
# pattern starting with ^ that is not anchored ("^x|\.", "^?\."), and
# classes holding white space, $ or braces, which mean other things in the
# UnicodeSet a prefilter is made of. Tab-separated: BEFOREBREAK, AFTERBREAK,
# the text, the sentences wanted (separated by /).
while IFS='	' read -r before after text want; do
  srx_with 'Mr\.' '.*' "$before" "$after" > "$scratch/rule.srx"
  printf '%s\n' "$want" | tr '/' '\n' > "$scratch/want"
  check_out "break rule $before, $after splits '$text'" "$scratch/want" \
    sh -c 'printf "%s\n" "$3" | "$1" segment --lang en --srx "$2" -' sh "$POLYALIGN" "$scratch/rule.srx" "$text"
done <<'X'
^x|\.	\s	Hello. World.	Hello./World.
^?\.	\s	Hello. World.	Hello./World.
\.	[ ]	Hello. World.	Hello./World.
[$]	\s	Pay 5$ now.	Pay 5$/now.
[x{}]	\s	a{ b	a{/b
X
# \cX is X & 31 to ICU, which gets the pattern (Java takes X ^ 64); the
# prefilter read it as Java does, so "\ci", a tab to ICU, never applied.
srx_with 'Mr\.' '.*' 'x' '\ci' > "$scratch/rule.srx"
printf 'x\nyes\n' > "$scratch/want"
check_out "break rule x, \\ci splits at a tab" "$scratch/want" \
  sh -c 'printf "x\tyes\n" | "$1" segment --lang en --srx "$2" -' sh "$POLYALIGN" "$scratch/rule.srx"

# A copy of the shipped file given with --srx segments like the built-in rules.
"$POLYALIGN" segment --lang en "$top_srcdir/corpora/sample/cd-note.en.txt" > "$scratch/builtin"
check_out "--srx polyalign.srx equals the built-in rules" "$scratch/builtin" \
  "$POLYALIGN" segment --lang en --srx "$top_srcdir/corpora/srx/polyalign.srx" "$top_srcdir/corpora/sample/cd-note.en.txt"

have_shared || { done_testing; }
omegat="$SHARED/srx/omegat-defaultRules.srx"
if [ -f "$omegat" ]; then
  # OmegaT: exceptions Dr. and etc.+lower case, a break after ".", the
  # numbered-header rule (a break after "1." before a capital), no ICU.
  printf 'Dr. Smith arrived. He said etc. and left.\n\n1. Introduction follows.\n' > "$scratch/in.en"
  printf 'Dr. Smith arrived.\nHe said etc. and left.\n\n1.\nIntroduction follows.\n' > "$scratch/want.en"
  check_out "OmegaT defaults segment English as OmegaT does" "$scratch/want.en" \
    "$POLYALIGN" segment --lang en --reflow off --srx "$omegat" "$scratch/in.en"
  printf '你好。我很好！“是吗？”他问。\n' > "$scratch/in.zh"
  printf '你好。\n我很好！\n“是吗？”他问。\n' > "$scratch/want.zh"
  check_out "OmegaT defaults segment Chinese as OmegaT does (language map ZH.* matches zh)" "$scratch/want.zh" \
    "$POLYALIGN" segment --lang zh --srx "$omegat" "$scratch/in.zh"
fi
# Every rule file in real use must load and compile, all languages.
find "$SHARED/srx" -type f | sort > "$scratch/files"
while read -r f; do
  "$top_builddir/tests/segment/srxcheck" "$f" > "$scratch/out"
  if grep -q '^ok' "$scratch/out"; then ok 0 "$(sed -n 's/^ok 1 - //p' "$scratch/out" | sed "s|$SHARED/||")"
  else ok 1 "$f"; grep '^#' "$scratch/out"; fi
done < "$scratch/files"
done_testing
