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
for f in broken notsrx badregex nolang; do
  echo "Hello. World." | "$POLYALIGN" segment --lang en --srx "$scratch/$f.srx" - > /dev/null 2> "$scratch/err"
  rc=$?
  lines=$(wc -l < "$scratch/err")
  if [ $rc -eq 1 ] && [ "$lines" -eq 1 ] && grep -q "$f.srx" "$scratch/err"; then ok 0 "$f.srx: error names the file"
  else ok 1 "$f.srx: error names the file (status $rc)"; sed 's/^/# /' "$scratch/err"; fi
done
grep -q 'badregex.srx:3: beforebreak' "$scratch/err" 2>/dev/null || \
  { echo "Hello. World." | "$POLYALIGN" segment --lang en --srx "$scratch/badregex.srx" - 2>&1 | grep -q 'badregex.srx:3: beforebreak'; }
ok $? "a bad pattern is reported with its line"

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
