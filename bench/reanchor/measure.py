#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Re-anchoring on real text, end to end through lede-cli (not a test: it reports numbers).

Builds articles from the GUM news documents (../shared/real-news, read at run time, never stored
here), imports them, adds 5 annotations per article with `lede annotate`, writes an edited version
of each (a sentence added at the top, one annotated sentence deleted, a one-letter change inside one
annotated passage, two words replaced inside another, a word changed outside any passage), imports
the edited versions with `lede import --replace`, and compares where each annotation ended up with
where it truly belongs.

    bench/reanchor/measure.py BUILD_DIR/app/lede-cli [--gum DIR] [--count 20] [--seed 1]
"""
import argparse
import csv
import io
import json
import os
import random
import re
import subprocess
import sys
import tempfile

parser = argparse.ArgumentParser()
parser.add_argument("cli")
parser.add_argument("--gum", default=os.environ.get("LEDE_REAL_NEWS", os.path.join(
    os.path.dirname(__file__), "..", "..", "..", "shared", "real-news")) + "/gum/dep")
parser.add_argument("--count", type=int, default=20)
parser.add_argument("--seed", type=int, default=1)
args = parser.parse_args()
rng = random.Random(args.seed)


def run(*argv):
    p = subprocess.run([args.cli, *argv], capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"lede {' '.join(argv)} failed: {p.stderr}")
    return p.stdout


def read_doc(path):
    """Title and paragraphs (lists of sentences) from a CoNLL-U file."""
    paragraphs, title = [], None
    for line in open(path, encoding="utf-8"):
        if line.startswith("# meta::title = "):
            title = line.split("= ", 1)[1].strip()
        elif line.startswith("# newpar"):
            if line.startswith("# newpar_block"):
                continue
            paragraphs.append([])
        elif line.startswith("# text = "):
            if not paragraphs:
                paragraphs.append([])
            paragraphs[-1].append(line.split("= ", 1)[1].rstrip("\n"))
    return title, [p for p in paragraphs if p]


def text_of(title, paragraphs):
    return title + "\n\n" + "\n\n".join(" ".join(p) for p in paragraphs) + "\n"


def sentence_offsets(body, paragraphs):
    """Where each sentence starts in the stored body, in reading order (code points)."""
    out, cursor = [], 0
    for p in paragraphs:
        for s in p:
            at = body.find(s, cursor)
            if at < 0:
                return None
            out.append(at)
            cursor = at + len(s)
    return out


work = tempfile.mkdtemp(prefix="lede-reanchor-")
db = os.path.join(work, "library.sqlite")
docs = sorted(f for f in os.listdir(args.gum) if f.startswith("GUM_news_"))[: args.count]
truths = []  # (article, annotation id, kind, truth span or None)
versions = []
for name in docs:
    title, paragraphs = read_doc(os.path.join(args.gum, name))
    # The head paragraph is the title again; the body starts after it.
    if paragraphs and " ".join(paragraphs[0]) == title:
        paragraphs = paragraphs[1:]
    path = os.path.join(work, name.replace(".conllu", ".txt"))
    open(path, "w", encoding="utf-8").write(text_of(title, paragraphs))
    out = run("import", path, "--db", db)
    m = re.search(r"\(article (\d+):", out)
    if not m:
        print(f"skipped {name}: {out.strip()}")
        continue
    article = int(m.group(1))
    body = json.loads(run("layers", str(article), "--db", db))["articles"][0]["body"]
    flat = [(pi, si) for pi, p in enumerate(paragraphs) for si in range(len(p))]
    starts = sentence_offsets(body, paragraphs)
    if starts is None:
        print(f"skipped {name}: sentences not found in the stored body")
        continue
    candidates = [i for i, (pi, si) in enumerate(flat) if len(paragraphs[pi][si].split()) >= 10]
    if len(candidates) < 6:
        print(f"skipped {name}: too few long sentences")
        continue
    chosen = rng.sample(candidates, 5)
    notes = []
    for n, i in enumerate(chosen):
        pi, si = flat[i]
        s = paragraphs[pi][si]
        words = [m.span() for m in re.finditer(r"\S+", s)]
        length = rng.randint(4, min(12, len(words) - 2))
        first = rng.randint(0, len(words) - length)
        a, b = words[first][0], words[first + length - 1][1]
        out = run("annotate", str(article), str(starts[i] + a), str(starts[i] + b), "--note", f"n{n}", "--db", db)
        notes.append((int(out.strip()), i, a, b, words[first:first + length]))

    # The edited version. Kinds: 0, 1 unchanged; 2 one letter dropped inside; 3 two words replaced
    # inside; 4 its sentence deleted. One word outside every passage changes too.
    new = [list(p) for p in paragraphs]
    spans = {}  # flat index -> (a, b) after edits, for the annotations that stay
    for n, (aid, i, a, b, words) in enumerate(notes):
        pi, si = flat[i]
        s = new[pi][si]
        if n == 2:
            long_words = [w for w in words if w[1] - w[0] >= 5]
            w = long_words[0] if long_words else words[0]
            cut = w[0] + (w[1] - w[0]) // 2
            s = s[:cut] + s[cut + 1:]
            b -= 1
        elif n == 3 and len(words) >= 3:
            for w in sorted(rng.sample(words[1:-1] if len(words) > 3 else words, 2), reverse=True):
                replacement = "altered" if s[w[0]:w[1]] != "altered" else "changed"
                s = s[:w[0]] + replacement + s[w[1]:]
                b += len(replacement) - (w[1] - w[0])
        new[pi][si] = s
        spans[n] = (i, a, b)
    deleted = notes[4][1]
    # A word outside every passage, in a sentence with no annotation.
    free = [i for i in range(len(flat)) if i not in [x[1] for x in notes] and len(new[flat[i][0]][flat[i][1]].split()) > 3]
    if free:
        pi, si = flat[free[0]]
        words = new[pi][si].split(" ")
        words[1] = "reportedly"
        new[pi][si] = " ".join(words)
    pi, si = flat[deleted]
    new[pi][si] = None
    new = [[s for s in p if s is not None] for p in new]
    new[0].insert(0, "This article was updated with new details on Friday.")
    new = [p for p in new if p]
    path2 = os.path.join(work, name.replace(".conllu", "-v2.txt"))
    open(path2, "w", encoding="utf-8").write(text_of(title, new))
    versions.append((article, path2, new, notes, spans, flat, paragraphs, deleted))

# Import every new version with --replace in one run, as a user would.
out = run("import", *[v[1] for v in versions], "--replace", "--db", db)
reported = [tuple(map(int, m)) for m in re.findall(r"(\d+) kept exactly, (\d+) moved, (\d+) orphaned", out)]
replaced = len(reported)
rows = list(csv.DictReader(io.StringIO(run("export-csv", "--db", db))))
placed = {int(r["annotation_id"]): (int(r["start"]), int(r["end"])) for r in rows if r["annotation_id"]}

tally = {k: {"n": 0, "right": 0, "overlap": 0, "orphan": 0, "wrong": 0} for k in
         ("unchanged", "letter dropped", "two words replaced", "sentence deleted")}
kinds = ["unchanged", "unchanged", "letter dropped", "two words replaced", "sentence deleted"]
not_replaced = 0
wrong = []  # (truth kind, true text, where it went)
for article, path2, new, notes, spans, flat, paragraphs, deleted in versions:
    body = json.loads(run("layers", str(article), "--db", db))["articles"][0]["body"]
    if "This article was updated" not in body:
        not_replaced += 1
        continue
    # Sentence starts in the new body: the kept sentences in order.
    starts = sentence_offsets(body, new)
    kept = [i for i in range(len(flat)) if i != deleted]
    new_start = {i: starts[k + 1] for k, i in enumerate(kept)}  # +1: the added first sentence
    for n, (aid, i, a, b, words) in enumerate(notes):
        t = tally[kinds[n]]
        t["n"] += 1
        got = placed.get(aid)
        if got is None:
            t["wrong"] += 1
            continue
        if n == 4:
            if got == (0, 0):
                t["right"] += 1
            else:
                t["wrong"] += 1
                wrong.append((kinds[n], paragraphs[flat[i][0]][flat[i][1]][a:b], body[got[0]:got[1]]))
            continue
        _, a2, b2 = spans[n]
        truth = (new_start[i] + a2, new_start[i] + b2)
        if got == truth:
            t["right"] += 1
        elif got == (0, 0):
            t["orphan"] += 1
        elif got[0] < truth[1] and truth[0] < got[1]:
            inter = min(got[1], truth[1]) - max(got[0], truth[0])
            if inter >= 0.5 * (truth[1] - truth[0]):
                t["overlap"] += 1
            else:
                t["wrong"] += 1
                wrong.append((kinds[n], body[truth[0]:truth[1]], body[got[0]:got[1]]))
        else:
            t["wrong"] += 1
            wrong.append((kinds[n], body[truth[0]:truth[1]], body[got[0]:got[1]]))

print(f"articles: {len(versions)} annotated, {replaced} replaced by import --replace, {not_replaced} not recognised")
print("lede's report (sum over articles): %d kept exactly, %d moved, %d orphaned" %
      tuple(sum(r[k] for r in reported) for k in range(3)))
print(f"{'truth':<20}{'n':>4}{'right':>7}{'overlap':>9}{'orphan':>8}{'wrong':>7}")
for k, t in tally.items():
    print(f"{k:<20}{t['n']:>4}{t['right']:>7}{t['overlap']:>9}{t['orphan']:>8}{t['wrong']:>7}")
print("right: the exact true span (for 'sentence deleted': kept as an orphan); overlap: placed over at least "
      "half of the true span; wrong: placed elsewhere (or a deleted passage placed somewhere)")
for kind, truth, got in wrong:
    print(f"wrong ({kind}): {truth!r} -> {got!r}")
print(f"work files: {work}")
