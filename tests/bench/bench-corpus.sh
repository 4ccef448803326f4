#!/bin/sh
# bench-corpus.sh - batch at corpus scale, and against hunalign run once per
# document. Prints figures; asserts nothing.
#
# 1. A synthetic corpus of 2,196 Chinese-English document sets: the UN
#    Parallel Corpus dev set cut into its 732 documents, three times, each
#    copy's lines marked with its number so that no unit repeats another
#    (--merge keeps them all). batch --presplit at -j1 and -j2: sets/s,
#    sentences/s, peak RSS; the time projected for OPUS's UN Parallel
#    Corpus zh-en (94,770 document pairs, about 15 million sentence pairs:
#    30 million sentences to read, segment and align) from the sentences/s.
#    Then --merge memory at two corpus sizes (732 and 2,196 sets).
# 2. 135 held-out document pairs of 29 sentences (the dev set's 4,000 lines
#    cut in order) plus two broken sets: polyalign batch (one process, -j1
#    and default -j), against hunalign run once per document, as corpus
#    builders run it (HUNALIGN=path to a hunalign binary, HUNALIGN_DIC= its
#    dictionary, default null.dic beside the binary's source; skipped with a
#    message when absent).
: "${POLYALIGN:=${top_builddir:-.}/polyalign}"
: "${SHARED:=${top_srcdir:-.}/../shared}"
U=$SHARED/corpora/unpc-devset
if [ ! -f "$U/UNv1.0.devset.ids" ]; then
  echo "bench-corpus.sh: skipped: no UN dev set under $U (set SHARED)"
  exit 0
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bench-corpus.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
cores=$(nproc 2> /dev/null || echo "?")

# run LABEL CMD...: runs CMD under /usr/bin/time; sets $wall and $cpu (user +
# system, s: what a loaded machine distorts least) and $rss (MB)
run() {
  label=$1; shift
  if ! /usr/bin/time -f '%e %M %U %S' -o "$tmp/time" "$@" > /dev/null 2> "$tmp/err"; then
    [ "$label" = tolerant ] || { echo "  failed: $*"; sed 's/^/  /' "$tmp/err" | head -3; }
  fi
  wall=$(tail -1 "$tmp/time" | cut -d' ' -f1)
  rss=$(tail -1 "$tmp/time" | awk '{ printf "%.0f", $2 / 1024 }')
  cpu=$(tail -1 "$tmp/time" | awk '{ printf "%.2f", $3 + $4 }')
}

# --- 1. 2,196 sets
mkdir "$tmp/docs" "$tmp/docs1"
for copy in 1 2 3; do
  for l in zh en; do
    awk -v D="$tmp/docs" -v L=$l -v C=$copy '
      FILENAME == ARGV[1] { id[FNR] = $1; gsub("/", "_", id[FNR]); next }
      { f = D "/c" C "-" id[FNR] "." L ".txt"; print $0 " [" C "]" >> f; close(f) }' \
      "$U/UNv1.0.devset.ids" "$U/UNv1.0.devset.$l"
  done
done
cp "$tmp/docs"/c1-* "$tmp/docs1/"
sets=$(ls "$tmp/docs" | grep -c '\.zh\.txt$')
sents=$(cat "$tmp/docs"/*.txt | grep -c .)
echo "Synthetic corpus: $sets zh-en document sets, $sents sentences (UN dev set documents, three marked copies)"
echo "machine: $cores cores online (nproc); figures are wall time on whatever else runs"
printf '%-22s | %7s | %7s | %7s | %11s | %6s\n' run "wall s" "CPU s" "sets/s" "sentences/s" "RSS MB"
for j in 1 2; do
  run strict "$POLYALIGN" batch -q --presplit -j $j --dir "$tmp/docs" -o "$tmp/out$j"
  printf '%-22s | %7s | %7s | %7.1f | %11.0f | %6s\n' "batch -j$j" "$wall" "$cpu" "$(echo "$sets / $wall" | bc -l)" \
    "$(echo "$sents / $wall" | bc -l)" "$rss"
  eval "rate$j=\$(echo \"$sents / $wall\" | bc -l)"
done
best=$(echo "if ($rate1 > $rate2) $rate1 else $rate2" | bc -l)
hours=$(echo "30000000 / $best / 3600" | bc -l)
printf 'projection, UNPC zh-en (94,770 pairs, ~30 M sentences) at %.0f sentences/s: %.1f hours on this machine\n' \
  "$best" "$hours"
echo "  (dev-set documents are short, 5.5 sentences; UNPC's average 158: per-set costs weigh less there)"
echo
echo "--merge: memory at two corpus sizes (-j1)"
printf '%-22s | %7s | %7s | %7s | %6s\n' sets "wall s" "CPU s" units "RSS MB"
for d in docs1 docs; do
  n=$(ls "$tmp/$d" | grep -c '\.zh\.txt$')
  run strict "$POLYALIGN" batch -q --presplit -j1 --dir "$tmp/$d" -o "$tmp/m$d" --merge "$tmp/m$d.tmx.gz"
  units=$(gzip -dc "$tmp/m$d.tmx.gz" | grep -c '<tu ')
  printf '%-22s | %7s | %7s | %7s | %6s\n' "$n" "$wall" "$cpu" "$units" "$rss"
done
rm -rf "$tmp"/out* "$tmp"/m*

# --- 2. 135 document pairs + 2 broken, against hunalign per document
echo
mkdir "$tmp/small"
for l in zh en; do
  awk -v D="$tmp/small" -v L=$l 'NR <= 135 * 29 {
      f = sprintf("%s/d%03d.%s.txt", D, int((NR - 1) / 29), L); print >> f; close(f) }' "$U/UNv1.0.devset.$l"
done
head -c 4000 /dev/urandom > "$tmp/small/broken1.zh.txt"; cp "$tmp/small/d000.en.txt" "$tmp/small/broken1.en.txt"
cp "$tmp/small/d001.zh.txt" "$tmp/small/broken2.zh.txt" # one language only
echo "135 document pairs of 29 sentences (UN dev set, in order) + 2 broken sets"
printf '%-34s | %7s | %7s | %6s\n' run "wall s" "CPU s" "RSS MB"
for j in 1 0; do
  opt=""; [ $j -eq 1 ] && opt="-j1"
  run tolerant "$POLYALIGN" batch -q --presplit $opt --dir "$tmp/small" -o "$tmp/sout$j"
  printf '%-34s | %7s | %7s | %6s\n' "polyalign batch ${opt:--j$cores}" "$wall" "$cpu" "$rss"
  eval "pwall$j=$wall pcpu$j=$cpu"
done
written=$(ls "$tmp/sout1" | grep -c '\.tmx\.gz$')
echo "  written: $written of 135 good sets; failed sets in run.json: $(grep -c '"status": "failed"' "$tmp/sout1/run.json")"
if [ -n "$HUNALIGN" ] && [ -x "$HUNALIGN" ]; then
  dic=${HUNALIGN_DIC:-$(dirname "$HUNALIGN")/../../data/null.dic}
  [ -f "$dic" ] || { : > "$tmp/null.dic"; dic=$tmp/null.dic; }
  dic=$(realpath "$dic")
  # hunalign writes translate.txt into its working directory: run it in $tmp
  cat > "$tmp/loop.sh" << EOS
cd "$tmp" || exit 1
for f in "$tmp/small"/d*.zh.txt; do "$HUNALIGN" "$dic" "\$f" "\${f%.zh.txt}.en.txt" > /dev/null 2>&1; done
EOS
  run tolerant sh "$tmp/loop.sh"
  printf '%-34s | %7s | %7s | %6s\n' "hunalign, a process per document" "$wall" "$cpu" "$rss"
  printf 'polyalign batch (-j%s, the default here) takes %.2f of hunalign'"'"'s wall time (target: at most 0.5)\n' \
    "$cores" "$(echo "$pwall0 / $wall" | bc -l)"
  printf 'polyalign batch -j1 takes %.2f of hunalign'"'"'s wall time, %.2f of its CPU time\n' \
    "$(echo "$pwall1 / $wall" | bc -l)" "$(echo "$pcpu1 / $cpu" | bc -l)"
  cat > "$tmp/loop2.sh" << EOS
for f in "$tmp/small"/d*.zh.txt; do "$POLYALIGN" align -q --presplit "\$f" "\${f%.zh.txt}.en.txt" -o "\${f%.zh.txt}.tmx.gz"; done
EOS
  run tolerant sh "$tmp/loop2.sh"
  printf '%-34s | %7s | %7s | %6s\n' "polyalign align, a process per doc" "$wall" "$cpu" "$rss"
else
  echo "hunalign: skipped (set HUNALIGN=/path/to/hunalign to compare)"
fi
