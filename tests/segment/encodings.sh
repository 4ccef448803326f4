#!/bin/sh
# Encodings through `polyalign segment --encoding`: GB18030, Big5,
# windows-1251, windows-1256 and UTF-16 with a byte-order mark give the same
# sentences as the UTF-8 text (inputs are made here with Python's codecs).
. "$top_srcdir/tests/lib.sh"
PY=${PYTHON3:-python3}
mk() { # TEXT CODEC FILE [bom]
  "$PY" -c 'import sys; t=sys.argv[1]; c=sys.argv[2]
b=t.encode(c)
if len(sys.argv) > 4: b={"utf-16-le":b"\xff\xfe","utf-16-be":b"\xfe\xff"}[c]+b
open(sys.argv[3],"wb").write(b)' "$1" "$2" "$3" $4
}
try() { # DESC LANG TEXT CODEC ENCODING-OPTION [bom]
  desc=$1 lang=$2 text=$3 codec=$4 enc=$5
  printf '%s\n' "$text" > "$scratch/utf8"
  mk "$text" "$codec" "$scratch/in" $6
  "$POLYALIGN" segment --lang $lang "$scratch/utf8" > "$scratch/want"
  if [ -n "$enc" ]; then "$POLYALIGN" segment --lang $lang --encoding "$enc" "$scratch/in" > "$scratch/got" 2> "$scratch/err"
  else "$POLYALIGN" segment --lang $lang "$scratch/in" > "$scratch/got" 2> "$scratch/err"; fi
  if [ $? -eq 0 ] && [ "$(wc -l < "$scratch/want")" -ge 2 ] && cmp -s "$scratch/want" "$scratch/got"; then ok 0 "$desc"
  else ok 1 "$desc"; sed 's/^/# /' "$scratch/err" "$scratch/got" | head -5; fi
}
zh='委员会审议了报告。它决定采取行动！这是真的吗？'
tw='委員會審議了報告。它決定採取行動！這是真的嗎？'
ru='Комитет рассмотрел доклад, т.е. документ. В 2010 г. он принял решение.'
ar='هل اعتمدت اللجنة التقرير؟ نعم، اعتمدته. وقال د. أحمد إن ذلك مهم.'
try "GB18030" zh "$zh" gb18030 GB18030
try "Big5" zh "$tw" big5 Big5
try "windows-1251" ru "$ru" cp1251 windows-1251
try "windows-1256" ar "$ar" cp1256 windows-1256
try "UTF-16LE with BOM (detected)" zh "$zh" utf-16-le "" bom
try "UTF-16BE with BOM (detected)" ru "$ru" utf-16-be "" bom
try "UTF-16LE with BOM named" ar "$ar" utf-16-le UTF-16 bom
# A character outside the BMP whose surrogates straddle ICU's 8,192-unit
# conversion buffer, in UTF-16 and GB18030: no text may be lost.
for at in 8182 8183 8184 16375; do
  long="First. W$(printf '%*s' "$at" '' | tr ' ' x)😀𠀀 Second. W$(printf '%*s' 8200 '' | tr ' ' y) Third."
  try "UTF-16LE, a supplementary character at unit $((at + 8))" en "$long" utf-16-le "" bom
  try "GB18030, a supplementary character after $((at + 8)) characters" en "$long" gb18030 GB18030
done
# Full-width forms stay as they are (NFC does not fold them).
printf '２０１８年通过了决议。ＯＫ！\n' > "$scratch/fw"
"$POLYALIGN" segment --lang zh "$scratch/fw" > "$scratch/got"
printf '２０１８年通过了决议。\nＯＫ！\n' | cmp -s - "$scratch/got"; ok $? "full-width forms are kept"
done_testing
