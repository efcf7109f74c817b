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
# A few highlights the way a reader would make them: on the first quotes the analysis found, one
# overlapping another, so that tag colours, margin stripes and blending all show.
"$lede" export-csv --db "$db" --include quotes -o "$work/quotes.csv" >/dev/null
python3 - "$work/quotes.csv" > "$work/spans" <<'PY'
import csv, sys
rows = [r for r in csv.DictReader(open(sys.argv[1], encoding="utf-8-sig")) if r["kind"] == "quote"]
if len(rows) >= 2:
    a, b = rows[0], rows[1]
    print(a["start"], a["end"], "Framing/Cost", "#ffb25b")
    print(b["start"], b["end"], "Sources/Officials", "")
    mid = (int(b["start"]) + int(b["end"])) // 2
    print(mid, int(b["end"]) + 40, "Framing/Risk", "#7cc4fa")
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
