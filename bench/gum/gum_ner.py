#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes GUM's *train* documents as BIO-tagged CoNLL for bench/ner/train_ner (--gum-bio FILE).

    gum_ner.py OUT.conll [--gum DIR] [--genres academic,bio,court,interview,news,voyage]

Only documents of the train partition (every document not listed under dev, test or test2 in
splits.md) are written: dev and test stay unseen. Spans and types are those of the entity
evaluation (eval_entities.gold_span: the proper-name part of named person/organization/place
mentions -> PER/ORG/LOC). Format: "-DOCSTART- O" before each document, one "word<TAB>tag" line
per token, a blank line after each sentence. The output holds corpus text: write it outside the
repository (/tmp), never commit it.
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gum  # noqa: E402
import eval_entities  # noqa: E402


def bio_of(doc):
    tags = ["O"] * len(doc.tokens)
    spans = []
    for m in doc.mentions:
        t = eval_entities.TYPE_MAP.get(m.etype)
        if not t or not doc.is_named(m):
            continue
        sp = eval_entities.gold_span(doc, m)
        if sp:
            spans.append((sp[0], sp[1], t))
    # Flat: keep outer spans (longest first), skip any that overlaps one already placed.
    spans.sort(key=lambda s: (-(s[1] - s[0]), s[0]))
    for a, b, t in spans:
        if any(tags[i] != "O" for i in range(a, b + 1)):
            continue
        tags[a] = "B-" + t
        for i in range(a + 1, b + 1):
            tags[i] = "I-" + t
    return tags


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--gum", default=gum.DEFAULT_ROOT)
    ap.add_argument("--genres", default=",".join(eval_entities.GENRES))
    a = ap.parse_args()
    genres = a.genres.split(",")
    held = set()
    for part, ids in gum.splits(a.gum).items():
        if part != "train":
            held.update(ids)
    ids = [d for d in gum.available(a.gum) if d not in held and d.split("_")[1] in genres]
    sentences = tokens = ents = 0
    with open(a.out, "w", encoding="utf-8") as f:
        for d in ids:
            doc = gum.load(d, a.gum)
            tags = bio_of(doc)
            f.write("-DOCSTART-\tO\n\n")
            for first, last in doc.sentences:
                words = [(doc.tokens[i].form, tags[i]) for i in range(first, last + 1) if doc.tokens[i].form]
                if not words:
                    continue
                for w, t in words:
                    f.write(f"{w}\t{t}\n")
                    ents += t.startswith("B-")
                f.write("\n")
                sentences += 1
                tokens += len(words)
    print(f"{len(ids)} train documents, {sentences} sentences, {tokens} tokens, {ents} entities -> {a.out}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
