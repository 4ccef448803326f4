#!/bin/sh
# test_tmx_lang_cli.sh - language tags end to end: runs the cases of
# tests/tmx/lang-cli-cases.txt (see the comment at its top) through the
# polyalign command and reads the tags back from the TMX it writes.
. "$top_srcdir/tests/lib.sh"

IN=$scratch/in
mkdir -p "$IN"
zh='第一句。第二句！

第三句。'
en='First sentence. Second one!

Third sentence.'
for f in doc.zh.txt doc.zh-TW.txt doc.ZH.txt doc.zh_hant.txt report_zh.txt doc.qq.txt notes.txt; do
  printf '%s\n' "$zh" > "$IN/$f"
done
for f in doc.en.txt doc.en-GB.txt doc.en-US.txt UDHR-EN.txt; do
  printf '%s\n' "$en" > "$IN/$f"
done
gzip -c "$IN/doc.zh.txt" > "$IN/doc.zh.txt.gz"

# TMX files are validated where validate-tmx.sh can run (xmllint, schemas).
validate=$top_srcdir/tests/tmx/validate-tmx.sh
if ! command -v "${XMLLINT:-xmllint}" >/dev/null 2>&1 || [ ! -f "$SHARED/tmx/tmx14.xsd" ]; then
  validate=
  diag "no xmllint or no schemas under $SHARED/tmx: TMX files are not validated"
fi

# attrs FILE NAME: the values of attribute NAME in FILE, one a line.
attrs() { grep -o "$2=\"[^\"]*\"" "$1" | sed 's/^[^"]*"//; s/"$//'; }

while IFS= read -r line; do
  case "$line" in ''|'#'*) continue ;; esac
  args=$(printf '%s' "$line" | sed 's/ | .*//; s|\$IN|'"$IN"'|g')
  want=$(printf '%s' "$line" | sed 's/.* | //')
  cmd=align
  case "$args" in SEG\ *) cmd=segment args=${args#SEG } ;; esac
  OUT=$scratch/out
  rm -rf "$OUT"; mkdir -p "$OUT"
  out=$OUT/out.tmx
  [ $cmd = segment ] && out=$OUT/out.txt
  # shellcheck disable=SC2086
  "$POLYALIGN" $cmd $args -o "$out" >"$scratch/stdout" 2>"$scratch/stderr" </dev/null
  rc=$?
  good=0
  set -- $want
  case "$1" in
  tmx)
    [ "$rc" -eq 0 ] && [ ! -s "$scratch/stderr" ] || { good=1; diag "exit $rc: $(head -c 300 "$scratch/stderr")"; }
    if [ -s "$out" ]; then
      src=$(attrs "$out" srclang)
      [ "$src" = "$2" ] || { good=1; diag "srclang is '$src', want '$2'"; }
      ntu=$(grep -c '<tu ' "$out")
      nsrc=$(attrs "$out" xml:lang | grep -cx -- "$3")
      ntgt=$(attrs "$out" xml:lang | grep -cx -- "$4")
      nall=$(attrs "$out" xml:lang | wc -l)
      [ "$ntu" -gt 0 ] && [ "$nsrc" -eq "$ntu" ] && [ "$ntgt" -eq "$ntu" ] && [ "$nall" -eq $((2 * ntu)) ] || {
        good=1; diag "$ntu units; tuv tags: $(attrs "$out" xml:lang | sort | uniq -c | tr '\n' ' ')"; }
      if [ -n "$validate" ] && ! sh "$validate" "$out" >"$scratch/valid" 2>&1; then
        good=1; diag "invalid TMX: $(head -c 300 "$scratch/valid")"
      fi
    else
      good=1; diag "no TMX written"
    fi
    ;;
  exit)
    shift; want_rc=$1; shift; text=$*
    [ "$rc" = "$want_rc" ] || { good=1; diag "exit $rc, want $want_rc"; }
    if [ "$want_rc" = 0 ]; then
      [ ! -s "$scratch/stderr" ] && [ -s "$out" ] || { good=1; diag "stderr: $(head -c 300 "$scratch/stderr")"; }
    else
      [ "$(wc -l < "$scratch/stderr")" -eq 1 ] && grep -qF -- "$text" "$scratch/stderr" ||
        { good=1; diag "stderr: $(head -c 300 "$scratch/stderr")"; }
      [ -z "$(ls -A "$OUT")" ] || { good=1; diag "left behind: $(ls -A "$OUT")"; }
    fi
    ;;
  *) good=1; diag "malformed case: $want" ;;
  esac
  ok $good "$cmd $(printf '%s' "$line" | sed 's/ | .*//') -> $want"
done < "$top_srcdir/tests/tmx/lang-cli-cases.txt"

done_testing
