# SPDX-License-Identifier: GPL-3.0-or-later
"""Print a page's extracted body with its quotation-mark spans marked, for blind labelling.

Usage: python3 bench/newspaper/quote_spans.py LEDE_CLI PAGE [--pages DIR] [--first N]

Reads only `body` from `lede analyze --json` (never `quotes` or `entities`, so the labeller does not
see Lede's speakers) and prints it up to the Nth span (default 14), each span marked as
[k⟦…⟧], then one line per span: index, start, end (code points) and sha (as eval_speakers.py
uses). Spans are paired per paragraph: “…”, "…", and ‘…’ / '…' that open at a word start; a span
left open at a paragraph end runs to its end. Output goes to the terminal only.
"""

import argparse
import gzip
import hashlib
import json
import os
import re
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def spans(body):
    out = []
    for m in re.finditer(r"[^\n]+", body):
        para, base = m.group(0), m.start()
        i, n = 0, len(para)
        while i < n:
            c = para[i]
            close = None
            if c == "\u201c":
                close = "\u201d"
            elif c == '"':
                close = '"'
            elif c in "\u2018'" and (i == 0 or not para[i - 1].isalnum()) and i + 1 < n and not para[i + 1].isspace():
                close = "\u2019" if c == "\u2018" else "'"
            if close is None:
                i += 1
                continue
            j = i + 1
            while j < n:
                if para[j] == close:
                    if close in "\u2019'" and j + 1 < n and para[j + 1].isalnum():
                        j += 1  # an apostrophe inside a word
                        continue
                    break
                j += 1
            end = min(j + 1, n)
            out.append((base + i, base + end))
            i = end
    return out


def sha(text):
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("lede")
    ap.add_argument("page", help="file name in the pages directory (without .gz)")
    ap.add_argument("--pages", default=os.environ.get(
        "LEDE_WEB_PAGES", os.path.join(HERE, "..", "..", "..", "shared", "web-pages", "pages")))
    ap.add_argument("--first", type=int, default=14)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="lede-spans-") as tmp:
        src = os.path.join(args.pages, args.page)
        opener = gzip.open if os.path.exists(src + ".gz") else open
        with opener(src + ".gz" if opener is gzip.open else src, "rb") as f:
            html = f.read()
        path = os.path.join(tmp, args.page if args.page.endswith(".html") else args.page + ".html")
        with open(path, "wb") as f:
            f.write(html)
        env = dict(os.environ, HOME=tmp, QT_QPA_PLATFORM="offscreen")
        res = subprocess.run([args.lede, "analyze", "--json", path], capture_output=True, env=env, timeout=300)
        body = json.loads(res.stdout)["articles"][0]["body"]
    sp = spans(body)[:args.first]
    parts, i = [], 0
    for k, (s, e) in enumerate(sp):
        parts += [body[i:s], f"[{k}\u27e6{body[s:e]}\u27e7]"]
        i = e
    parts.append(body[i:(sp[-1][1] + 300) if sp else len(body)])
    print(re.sub(r"\n+", "\n", "".join(parts)))
    print(f"spans {len(spans(body))} (showing {len(sp)})")
    for k, (s, e) in enumerate(sp):
        print(k, s, e, sha(body[s:e]))


if __name__ == "__main__":
    main()
