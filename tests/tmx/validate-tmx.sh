#!/bin/sh
# validate-tmx.sh - checks TMX files against the TMX 1.4b DTD and OmegaT's
# strict TMX 1.4 schema, the two references polyalign's output must meet.
#
# Usage: validate-tmx.sh FILE...   (FILE.gz is decompressed first)
# Uses $XMLLINT (default: xmllint on PATH) and $SHARED/tmx (default: the
# shared/ directory beside the source tree). Prints one line per invalid file
# and exits 1 when any file fails; exits 2 when xmllint or the data is missing.

here=$(cd "$(dirname "$0")" && pwd)
SHARED=${SHARED:-$here/../../../shared}
XMLLINT=${XMLLINT:-xmllint}
me=validate-tmx.sh

if ! command -v "$XMLLINT" >/dev/null 2>&1; then
    echo "$me: xmllint not found (set XMLLINT)" >&2
    exit 2
fi
if [ ! -f "$SHARED/tmx/tmx14.dtd" ] || [ ! -f "$SHARED/tmx/tmx14.xsd" ]; then
    echo "$me: TMX DTD and schema not found under $SHARED/tmx (set SHARED)" >&2
    exit 2
fi
if [ $# -eq 0 ]; then
    echo "usage: $me FILE..." >&2
    exit 2
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/validate-tmx.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM

status=0
for file in "$@"; do
    case $file in
        /*) path=$file ;;
        *) path=$PWD/$file ;;
    esac
    if [ ! -r "$path" ]; then
        echo "$me: $file: cannot read" >&2
        status=1
        continue
    fi
    case $path in
        *.gz|*.GZ)
            if ! gzip -dc "$path" > "$tmp/plain.tmx" 2>"$tmp/log"; then
                echo "$me: $file: bad gzip data: $(head -n 1 "$tmp/log")" >&2
                status=1
                continue
            fi
            path=$tmp/plain.tmx ;;
    esac
    if ! "$XMLLINT" --noout --nonet --dtdvalid "$SHARED/tmx/tmx14.dtd" "$path" >"$tmp/log" 2>&1; then
        echo "$me: $file: not valid against the TMX 1.4b DTD: $(head -n 1 "$tmp/log")" >&2
        status=1
    fi
    # From the schema's directory, so that its import of xml.xsd resolves locally.
    if ! (cd "$SHARED/tmx" && "$XMLLINT" --noout --nonet --schema tmx14.xsd "$path") >"$tmp/log" 2>&1; then
        echo "$me: $file: not valid against the TMX 1.4 schema: $(head -n 1 "$tmp/log")" >&2
        status=1
    fi
done
exit $status
