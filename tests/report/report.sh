#!/bin/sh
# The review page without a browser (tests/report/browser.py has one): what
# align --report and polyalign report write and refuse. The page is one
# file that names nothing outside itself (no src, no href, no url(), no
# @import); hostile text in the input appears in it only escaped (no raw
# "<script>alert" and no "</script>" but the page's own two); an output
# that is an input, or the other output, is refused before anything is
# read; a bad memory leaves no page behind; the command's help and errors;
# -f report for align and batch.
. "$top_srcdir/tests/lib.sh"
P=$POLYALIGN
S=$top_srcdir/corpora/sample
W=$scratch
ZH=$S/cd-note.zh.txt EN=$S/cd-note.en.txt

"$P" align -q "$ZH" "$EN" -o "$W/a.tmx" --report "$W/a.html"; ok $? "align -o a.tmx --report a.html"
[ -s "$W/a.tmx" ] && [ -s "$W/a.html" ]; ok $? "both files written"
grep -q '<script type="application/json" id="pa-data">{"format":1' "$W/a.html"; ok $? "the data is a JSON script block"
! grep -E '[[:space:]](src|href|action|poster|srcset)=|url\(|@import|[Hh][Tt][Tt][Pp][Ss]?:' "$W/a.html" | grep -qv "var SVG = 'http://www.w3.org/2000/svg';"
ok $? "the page names nothing outside itself (no src, href, url(), @import, http but the SVG namespace)"
grep -q "Content-Security-Policy\" content=\"default-src 'none'" "$W/a.html"; ok $? "its policy forbids loading anything"

# hostile text, escaped
printf 'Title\n\nOne <script>alert(1)</script>.\nTwo </script><img src=x onerror=alert(2)>.\n' > "$W/h.en.txt"
printf '标题\n\n一<script>alert(1)</script>。\n二</script><img src=x onerror=alert(2)>。\n' > "$W/h.zh.txt"
"$P" align -q --presplit "$W/h.zh.txt" "$W/h.en.txt" --report "$W/h.html" -o "$W/h.tsv"; ok $? "a hostile document"
! grep -q '<script>alert\|<img' "$W/h.html" && [ "$(grep -o '</script' "$W/h.html" | wc -l)" -eq 2 ]
ok $? "its markup is escaped: no <script>alert, no <img, two </script> (the page's own)"
grep -q '\\u003cscript\\u003ealert(1)\\u003c/script\\u003e' "$W/h.html"; ok $? "... written as \\u003c escapes"

# polyalign report MEMORY
"$P" report -o "$W/r.html" "$W/a.tmx"; ok $? "report a.tmx -o r.html"
[ "$(grep -o '"tags":\["zh-CN","en-US"\]' "$W/r.html")" != "" ]; ok $? "its columns are the memory's languages"
gzip -c "$W/a.tmx" > "$W/a.tmx.gz"
"$P" report "$W/a.tmx.gz" > "$W/rz.html"; ok $? "report of a .tmx.gz to standard output"
cmp -s "$W/r.html" "$W/rz.html"; ok $? "... the same page"
"$P" report -o "$W/t.html" --title 'My <title>' --min-score 0.5 "$W/a.tmx" && grep -q '"title":"My \\u003ctitle\\u003e"' "$W/t.html" && grep -q '"minScore":0.5' "$W/t.html"
ok $? "--title and --min-score go into the page (escaped)"

# refusals: nothing read, nothing written
cp "$W/a.tmx" "$W/keep.tmx"
"$P" report -o "$W/keep.tmx" "$W/keep.tmx" 2> "$W/err"; rc=$?
[ $rc -eq 2 ] && cmp -s "$W/a.tmx" "$W/keep.tmx"; ok $? "report -o MEMORY MEMORY is refused (status $rc), the memory intact"
ln -s keep.tmx "$W/link.tmx"
"$P" report -o "$W/link.tmx" "$W/keep.tmx" 2> /dev/null; [ $? -eq 2 ] && cmp -s "$W/a.tmx" "$W/keep.tmx"
ok $? "... also through a symbolic link"
cp "$EN" "$W/en.copy.txt"
"$P" align -q "$ZH" "$W/en.copy.txt" -o "$W/x.tmx" --report "$W/en.copy.txt" 2> /dev/null; rc=$?
[ $rc -eq 2 ] && cmp -s "$EN" "$W/en.copy.txt" && [ ! -e "$W/x.tmx" ]
ok $? "align --report INPUT is refused (status $rc), no output written"
"$P" align -q "$ZH" "$EN" -o "$W/same.html" --report "$W/same.html" 2> /dev/null; rc=$?
[ $rc -eq 2 ] || { [ ! -e "$W/same.html" ] || ! grep -q . "$W/same.html"; }
ok $? "align --report FILE -o FILE is refused (status $rc)"

# a bad memory: one-line error, no page
printf '<tmx version="1.4"><header/><body><tu><tuv xml:lang="en"><seg>x</seg></tuv>' > "$W/bad.tmx"
"$P" report -o "$W/bad.html" "$W/bad.tmx" 2> "$W/err"; rc=$?
[ $rc -eq 1 ] && [ ! -e "$W/bad.html" ] && [ "$(wc -l < "$W/err")" -eq 1 ] && grep -q 'bad.tmx' "$W/err"
ok $? "a truncated memory: status $rc, one line naming it, no page: $(cat "$W/err")"
ls "$W" | grep -q '^\.\?bad.html.*tmp' ; [ $? -ne 0 ]; ok $? "... and no temporary file left"

# usage
"$P" report --help | grep -q 'usage: polyalign report'; ok $? "report --help"
"$P" report 2> /dev/null; [ $? -eq 2 ]; ok $? "report without a memory: status 2"
"$P" report --min-scroe 1 "$W/a.tmx" 2> "$W/err"; [ $? -eq 2 ] && grep -q 'min-score' "$W/err"
ok $? "an unknown option suggests --min-score"
"$P" report --min-score 2 "$W/a.tmx" 2> /dev/null; [ $? -eq 2 ]; ok $? "--min-score 2 is refused"
"$P" align -q -f report "$ZH" "$EN" -o "$W/f.out" && grep -q 'id="pa-data"' "$W/f.out"; ok $? "-f report writes the page too"
mkdir "$W/set"; cp "$ZH" "$EN" "$W/set/"
"$P" batch -q --dir "$W/set" -o "$W/out" -f report && grep -q 'id="pa-data"' "$W/out/cd-note.html"
ok $? "batch -f report writes OUTDIR/DOCID.html, the review page"
done_testing
