#!/bin/sh
# The manual page and the bash completion against the program: every
# command that `polyalign --help` lists and every long option that
# `polyalign COMMAND --help` prints is documented in the command's section
# of doc/polyalign.1 and completed by completion/polyalign (the man page
# may document more than --help prints, not less). The man page renders
# without warnings (with groff or mandoc, where installed), the completion
# script parses, and sourced in bash it completes `polyalign al` to `align`
# and `polyalign align --for` to `--format`.
. "$top_srcdir/tests/lib.sh"

P=$POLYALIGN
MAN=$top_srcdir/doc/polyalign.1
COMP=$top_srcdir/completion/polyalign

[ -x "$P" ] || skip_all "no polyalign binary at $P"
[ -f "$MAN" ] || skip_all "no man page at $MAN"
[ -f "$COMP" ] || skip_all "no completion script at $COMP"

# skip DESCRIPTION REASON: a skipped assertion.
skip() { tap_n=$((tap_n + 1)); echo "ok $tap_n - $1 # SKIP $2"; }

# The man page as plain words: roff escapes for '-' and fonts removed.
sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' -e 's/\\f(CR//g' "$MAN" > "$scratch/man.txt"

# section TITLE: the lines of the man page section .SH TITLE.
section() {
  awk -v t="$1" '
    /^\.SH / { s = $0; sub(/^\.SH +/, "", s); gsub(/"/, "", s); on = (s == t); next }
    on' "$scratch/man.txt"
}

# has_word FILE WORD: FILE holds WORD not as part of a longer option name.
has_word() {
  grep -E -q -e "(^|[^A-Za-z0-9-])$2([^A-Za-z0-9-]|\$)" "$1"
}

# long_options COMMAND...: the long options that `polyalign COMMAND --help`
# prints, one a line; an option of another command quoted in the text
# ('polyalign align --lexicon' in lexicon's help) is not one of them.
long_options() {
  "$P" "$@" --help 2>/dev/null | sed -e "s/'polyalign [^']*'//g" |
    grep -E -o -e '--[a-z][a-z0-9-]*' | sort -u
}

have_bash=""
command -v bash >/dev/null 2>&1 && have_bash=1
[ -n "$have_bash" ] || diag "bash not found: completion assertions skipped"

# completes WORDS...: runs _polyalign on COMP_WORDS=(WORDS), the cursor on
# the last word, and prints COMPREPLY one a line.
completes() {
  bash -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1));
           COMPREPLY=(); _polyalign; printf "%s\n" "${COMPREPLY[@]}"' \
    completes "$COMP" "$@" 2>&1
}

# Commands: the ones `polyalign --help` lists are documented and completed.
cmds=$("$P" --help | awk '/^commands:/ { on = 1; next } on && /^  [a-z]+  / { print $1 } on && /^$/ { exit }')
[ -n "$cmds" ] || diag "no commands found in 'polyalign --help'"
ok $([ -n "$cmds" ] && echo 0 || echo 1) "polyalign --help lists commands"
for c in $cmds; do
  if section COMMANDS | grep -E -q -e "^\\.B(I)? \"?$c( |\"|\$)"; then ok 0 "man page: command $c in COMMANDS"
  else ok 1 "man page: command $c in COMMANDS"; fi
  if [ -n "$have_bash" ]; then
    if completes polyalign "" | grep -x -q -e "$c"; then ok 0 "completion: command $c"
    else ok 1 "completion: command $c"; fi
  else skip "completion: command $c" "no bash"; fi
done

# Options: each command's long options in its man page section and in the
# completion of that command.
for spec in "align:ALIGN OPTIONS" "batch:BATCH OPTIONS" "segment:SEGMENT OPTIONS" "eval:EVAL OPTIONS" \
            "lexicon train:LEXICON TRAIN OPTIONS" "tmx stats:TMX OPTIONS" "report:REPORT OPTIONS"; do
  cmd=${spec%%:*}
  title=${spec#*:}
  section "$title" > "$scratch/section.txt"
  opts=$(long_options $cmd)
  n=$(printf '%s\n' "$opts" | grep -c -e '--')
  if [ "$n" -gt 0 ] && [ -s "$scratch/section.txt" ]; then ok 0 "polyalign $cmd --help: $n long options; man page has $title"
  else ok 1 "polyalign $cmd --help: $n long options; man page has $title"; continue; fi
  missing_man="" missing_comp=""
  for o in $opts; do
    has_word "$scratch/section.txt" "$o" || missing_man="$missing_man $o"
    if [ -n "$have_bash" ]; then
      # shellcheck disable=SC2086
      completes polyalign $cmd "$o" | grep -x -q -e "$o" || missing_comp="$missing_comp $o"
    fi
  done
  [ -z "$missing_man" ] || diag "not in man page section $title:$missing_man"
  ok $([ -z "$missing_man" ] && echo 0 || echo 1) "man page documents every long option of polyalign $cmd"
  if [ -n "$have_bash" ]; then
    [ -z "$missing_comp" ] || diag "not completed after 'polyalign $cmd':$missing_comp"
    ok $([ -z "$missing_comp" ] && echo 0 || echo 1) "completion offers every long option of polyalign $cmd"
  else skip "completion offers every long option of polyalign $cmd" "no bash"; fi
done

# The general options.
for o in --help --version; do
  if section "GENERAL OPTIONS" | grep -q -e "$o"; then ok 0 "man page: $o"; else ok 1 "man page: $o"; fi
done

# The man page renders without warnings.
rendered=""
if command -v groff >/dev/null 2>&1; then
  rendered=1
  groff -man -Tutf8 -ww -z "$MAN" > "$scratch/groff.log" 2>&1
  rc=$?
  while IFS= read -r l; do diag "groff: $l"; done < "$scratch/groff.log"
  ok $([ "$rc" -eq 0 ] && [ ! -s "$scratch/groff.log" ] && echo 0 || echo 1) "groff -man -ww renders the man page without warnings"
fi
if command -v mandoc >/dev/null 2>&1; then
  rendered=1
  mandoc -Tlint -W warning "$MAN" > "$scratch/mandoc.log" 2>&1
  rc=$?
  while IFS= read -r l; do diag "mandoc: $l"; done < "$scratch/mandoc.log"
  ok $([ "$rc" -eq 0 ] && [ ! -s "$scratch/mandoc.log" ] && echo 0 || echo 1) "mandoc -Tlint finds nothing in the man page"
fi
[ -n "$rendered" ] || skip "the man page renders without warnings" "neither groff nor mandoc is installed"

# The completion script parses and completes as a user would see it.
if [ -n "$have_bash" ]; then
  check "bash -n completion/polyalign" bash -n "$COMP"
  out=$(completes polyalign al)
  ok $([ "$out" = align ] && echo 0 || echo 1) "'polyalign al<TAB>' completes to align (got: $(echo $out))"
  out=$(completes polyalign align --for)
  ok $([ "$out" = --format ] && echo 0 || echo 1) "'polyalign align --for<TAB>' completes to --format (got: $(echo $out))"
  out=$(completes polyalign align --format t | tr '\n' ' ')
  ok $([ "$out" = "tmx tmx.gz tsv " ] && echo 0 || echo 1) "'polyalign align --format t<TAB>' offers tmx tmx.gz tsv (got: $out)"
  out=$(cd "$top_srcdir/corpora/sample" && completes polyalign align cd-note.z | sort | tr '\n' ' ')
  ok $([ "$out" = "cd-note.zh.sent cd-note.zh.txt " ] && echo 0 || echo 1) "'polyalign align cd-note.z<TAB>' offers the file names (got: $out)"
else
  skip "bash -n completion/polyalign" "no bash"
  skip "completion of 'polyalign al' and 'polyalign align --for'" "no bash"
fi

done_testing
