# SPDX-License-Identifier: GPL-3.0-or-later
"""Quote recall and speaker accuracy of `lede analyze --json` on saved newspaper pages.

Usage: python3 bench/newspaper/eval_speakers.py LEDE_CLI [--gold FILE] [--pages DIR] [--joined] [--errors]

The pages are read at run time from ../shared/web-pages/pages (or --pages, or LEDE_WEB_PAGES); no
page text is in this repository. speakers-gold.json holds page file names, code-point offsets of
each quotation in the body Lede extracts, and the speaker's name as the text gives it. See README.md.

With --joined, each extracted body is imported again as plain text with its paragraphs joined into
one line (the title stays the first line), as news is often stored in databases and feeds, and the
gold quotes are mapped into that text.
"""

import argparse
import gzip
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
OPENING = "\u201c\"'\u2018"


def tokens(s):
    return set(re.findall(r"[\w'-]+", s.lower()))


def matches(speaker, alternatives):
    """A speaker matches when it is empty and "none" is allowed, or when it holds the last word of
    an alternative, or all its words are in one ("Harry" for "Prince Harry")."""
    for alt in alternatives:
        if alt == "none":
            if not speaker:
                return True
            continue
        if not speaker:
            continue
        have = tokens(speaker)
        if alt.lower().split()[-1] in have or (have and have <= tokens(alt) and not have <= {"the", "a"}):
            return True
    return False


def sha(text):
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def relocate(body, spans):
    """The gold quotes placed in `body`: where their offsets still hold the same text, else at the
    opening mark whose text of the same length has the same hash, the nearest to the old place (the
    extracted body changes when the extractor does). Quotes not found again are left out."""
    placed = []
    for q in spans:
        n = q["end"] - q["start"]
        if body[q["start"]:q["end"]] and sha(body[q["start"]:q["end"]]) == q["sha"]:
            placed.append(q)
            continue
        starts = [i for i, c in enumerate(body) if c in OPENING and sha(body[i:i + n]) == q["sha"]]
        if starts:
            i = min(starts, key=lambda i: abs(i - q["start"]))
            placed.append(dict(q, start=i, end=i + n))
    return placed


def join_paragraphs(body):
    """The body with every paragraph break (a run of newlines) turned into one space, and a function
    mapping an offset of the body into the joined text."""
    starts, removed = [], []
    out, gone, i = [], 0, 0
    for m in re.finditer(r"\n+", body):
        out.append(body[i:m.start()])
        out.append(" ")
        gone += len(m.group(0)) - 1
        starts.append(m.end())
        removed.append(gone)
        i = m.end()
    out.append(body[i:])

    def to_joined(off):
        k = 0
        while k < len(starts) and starts[k] <= off:
            k += 1
        return off - (removed[k - 1] if k else 0)

    return "".join(out), to_joined


def analyze(lede, path, env):
    res = subprocess.run([lede, "analyze", "--json", path], capture_output=True, env=env, timeout=300)
    return json.loads(res.stdout)["articles"][0]


def page_html(pages, name):
    for path in (os.path.join(pages, name + ".gz"), os.path.join(pages, name)):
        if os.path.exists(path):
            opener = gzip.open if path.endswith(".gz") else open
            with opener(path, "rb") as f:
                return f.read()
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("lede")
    default_pages = os.environ.get(
        "LEDE_WEB_PAGES", os.path.join(HERE, "..", "..", "..", "shared", "web-pages", "pages"))
    ap.add_argument("--pages", default=default_pages)
    ap.add_argument("--gold", default=os.path.join(HERE, "speakers-gold.json"),
                    help="gold file (default speakers-gold.json; heldout-gold.json was never tuned on)")
    ap.add_argument("--half", choices=["dev", "test"],
                    help="only the even (dev) or odd (test) articles of the gold file: look at errors on one, measure on the other")
    ap.add_argument("--joined", action="store_true", help="paragraphs joined into one line")
    ap.add_argument("--errors", action="store_true", help="list wrong and empty speakers and direct quotes on no gold quotation (terminal only)")
    args = ap.parse_args()
    with open(args.gold, encoding="utf-8") as f:
        gold = json.load(f)
    if args.half:
        gold["articles"] = gold["articles"][0 if args.half == "dev" else 1::2]
    if not os.path.isdir(args.pages):
        sys.exit(f"no pages directory {args.pages}: pass --pages DIR")

    n = found = correct = wrong = empty = 0
    direct = direct_gold = 0
    stale = []
    with tempfile.TemporaryDirectory(prefix="lede-newspaper-") as tmp:
        env = dict(os.environ, HOME=tmp, QT_QPA_PLATFORM="offscreen")
        for art in gold["articles"]:
            html = page_html(args.pages, art["file"])
            if html is None:
                sys.exit(f"missing page {art['file']} in {args.pages}")
            path = os.path.join(tmp, art["file"] if art["file"].endswith(".html") else art["file"] + ".html")
            with open(path, "wb") as f:
                f.write(html)
            a = analyze(args.lede, path, env)
            body = a["body"]
            quotes = a["quotes"]
            spans = relocate(body, art["quotes"])
            if args.joined:
                joined, to_joined = join_paragraphs(body)
                text = (a.get("title") or "Untitled") + "\n\n" + joined
                txt = os.path.splitext(path)[0] + ".txt"
                with open(txt, "w", encoding="utf-8") as f:
                    f.write(text + "\n")
                a = analyze(args.lede, txt, env)
                shift = a["body"].find(joined[:200])
                if shift < 0:
                    stale.append(f"{art['file']} (joined body not found)")
                    continue
                body = a["body"]
                quotes = a["quotes"]
                spans = [dict(q, start=to_joined(q["start"]) + shift, end=to_joined(q["end"]) + shift)
                         for q in spans]
            if len(spans) < len(art["quotes"]):
                stale.append(f"{art['file']} ({len(art['quotes']) - len(spans)} of {len(art['quotes'])})")
            if not spans:
                continue
            limit = max(q["end"] for q in spans)
            for q in quotes:
                if q["start"] < limit and q["kind"] == "direct":
                    direct += 1
                    on_gold = any(q["start"] < g["end"] and g["start"] < q["end"] and g["speaker"]
                                  for g in spans)
                    direct_gold += on_gold
                    if args.errors and not on_gold:
                        print(f"  NOT-A-QUOTE {art['file']} [{q['start']},{q['end']}] direct "
                              f"{body[q['start']:q['start'] + 50]!r}")
            for g in spans:
                if not g["speaker"]:
                    continue
                n += 1
                hits = [q for q in quotes if q["start"] < g["end"] and g["start"] < q["end"]]
                if not hits:
                    if args.errors:
                        print(f"  MISSED {art['file']} [{g['start']},{g['end']}] gold {g['speaker']}")
                    continue
                found += 1
                q = max(hits, key=lambda q: min(g["end"], q["end"]) - max(g["start"], q["start"]))
                speaker = q.get("speaker") or ""
                if matches(speaker, g["speaker"]):
                    correct += 1
                    continue
                if speaker:
                    wrong += 1
                else:
                    empty += 1
                if args.errors:
                    print(f"  {'WRONG' if speaker else 'EMPTY'} {art['file']} [{g['start']},{g['end']}] "
                          f"-> {speaker or '(none)'} (gold {' | '.join(g['speaker'])}) "
                          f"{body[g['start']:g['start'] + 50]!r}")
    if stale:
        print(f"extracted text changed, quotes not found again (left out): {', '.join(stale)}")
    print(f"articles {len(gold['articles']) - len(stale)}, gold quotes {n}, found {found}")
    print(f"quote recall      {found / max(1, n):.3f}")
    print(f"direct precision  {direct_gold / max(1, direct):.3f} ({direct_gold}/{direct} direct quotes on gold quotes)")
    print(f"speaker accuracy  {correct / max(1, found):.3f} ({correct}/{found}; wrong name {wrong}, empty {empty})")


if __name__ == "__main__":
    main()
