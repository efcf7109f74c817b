#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Takes resources/screenshot.png: the window with the sample article open, all layers on and a few
# highlights, under Xvfb. Usage: packaging/screenshot.sh [BUILD_DIR]   (needs xvfb-run, ImageMagick)
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$here/build"}
lede="$build/app/lede"
[ -x "$lede" ] || { echo "screenshot.sh: no lede executable in $build/app" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" LC_ALL=C.UTF-8
db="$work/library.sqlite"
sample="$here/resources/sample/sample-article.txt"

"$lede" import --db "$db" "$sample" >/dev/null
id=$("$lede" list --db "$db" | cut -f1 | head -n1)
# A few highlights the way a reader would make them, found by text so offsets follow the sample.
python3 - "$sample" > "$work/spans" <<'PY'
import sys
body = open(sys.argv[1], encoding="utf-8").read()
# The store keeps the body after the headline/byline are taken out; annotate by searching the stored text instead.
PY
"$lede" export-csv --db "$db" --include quotes -o "$work/quotes.csv" >/dev/null
python3 - "$work/quotes.csv" > "$work/spans" <<'PY'
import csv, sys
rows = [r for r in csv.DictReader(open(sys.argv[1], encoding="utf-8-sig")) if r["kind"] == "quote"]
picks = [(rows[0], "Framing/Cost", "#ffb25b"), (rows[1], "Sources/Officials", ""), (rows[-1], "Framing/Risk", "#7cc4fa")] if len(rows) >= 3 else []
for r, tag, color in picks:
    print(r["start"], r["end"], tag, color)
PY
while read -r start end tag color; do
    if [ -n "$color" ]; then
        "$lede" annotate "$id" "$start" "$end" --db "$db" --tag "$tag" --color "$color" --note "Check against the council minutes" >/dev/null
    else
        "$lede" annotate "$id" "$start" "$end" --db "$db" --tag "$tag" >/dev/null
    fi
done < "$work/spans"

out="$here/resources/screenshot.png"
xvfb-run -a -s '-screen 0 1400x900x24' sh -c "
    '$lede' --db '$db' '$sample' &
    pid=\$!
    sleep 4
    xdotool search --sync --onlyvisible --name 'Lede' windowsize %@ 1400 900 windowmove %@ 0 0 >/dev/null 2>&1 || true
    sleep 1
    import -window root '$work/shot.png'
    kill \$pid
"
convert "$work/shot.png" -strip -colors 256 PNG8:"$out" 2>/dev/null || cp "$work/shot.png" "$out"
echo "wrote $out ($(wc -c < "$out") bytes)"
