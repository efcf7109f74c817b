#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""PERSON/ORG/LOC evaluation of the shipped `lede analyze --json` against GUM's entity layer.

    eval_entities.py LEDE_BINARY [--split dev|test] [--genres news|all|news,bio,...]
                     [--variant paragraphs|joined] [--errors] [--gum DIR]
    eval_entities.py EVAL_NER_BINARY --model MODEL.bin ...   (a model that is not compiled in:
                     runs `eval_ner --analyze MODEL FILE...`, the same importer and recognizer)

Gold (derived at run time from the CoNLL-U files; see README.md "Entity gold from GUM"):
named mentions (a Wikipedia identity, or a proper-noun head) of type person -> PER,
organization -> ORG, place -> LOC; the span is the mention's proper-name part (gold_span()).
Exact span + type, micro-averaged; Lede's DATE, NUMBER and MISC are not scored.
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gum  # noqa: E402
import lede_run  # noqa: E402

TYPE_MAP = {"person": "PER", "organization": "ORG", "place": "LOC"}
LEDE_MAP = {"PERSON": "PER", "ORG": "ORG", "LOC": "LOC"}
GENRES = ["academic", "bio", "court", "interview", "news", "voyage"]  # the openly licensed ones
CONNECTORS = {"of", "and", "&", "for", "de", "du", "des", "la", "le", "von", "van", "the", "-", "–"}
# Inside a person's name only particles and hyphens join two proper words ("Celeste and Tom" are two).
PERSON_CONNECTORS = {"de", "du", "des", "la", "le", "von", "van", "der", "da", "bin", "al", "-", "–"}
# Words before a person's name that Lede (and the CoNLL convention) keep outside the name.
TITLES = {"miss", "mister", "madam", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "professor", "sir", "dame",
          "lord", "lady", "president", "senator", "sen.", "governor", "gov.", "minister", "prime", "secretary",
          "administrator", "director", "chairman", "judge", "justice", "king", "queen", "prince", "princess",
          "pope", "saint", "st.", "general", "gen.", "colonel", "captain", "capt.", "sergeant", "lieutenant",
          "rep.", "representative", "mayor", "chancellor", "emperor", "empress", "duke", "count", "father",
          "reverend", "rev.", "bishop", "archbishop", "cardinal", "chief", "officer", "deputy", "vice",
          "senior", "junior", "researcher", "spokesperson", "spokeswoman", "spokesman", "ceo", "former",
          "republican", "democrat"}


def gold_span(doc, m):
    """The proper-name part of mention m in token indices (first, last), or None."""
    run = doc.name_run(m)
    if not run:
        return None
    a, b = run[0], run[-1]
    conn = PERSON_CONNECTORS if m.etype == "person" else CONNECTORS
    # Bridge "of", "and", "&" ... between proper tokens inside the mention: "Bank of Japan".
    while True:
        if b + 2 <= m.last and doc.tokens[b + 1].form.lower() in conn and doc.is_proper(b + 2):
            b += 2
            while b + 1 <= m.last and doc.is_proper(b + 1):
                b += 1
            continue
        if a - 2 >= m.first and doc.tokens[a - 1].form.lower() in conn and doc.is_proper(a - 2) \
                and doc.tokens[a - 1].form.lower() != "the":
            a -= 2
            while a - 1 >= m.first and doc.is_proper(a - 1):
                a -= 1
            continue
        break
    if m.etype == "person":
        nested = [n for n in doc.mentions if n.eid != m.eid and m.first <= n.first and n.last <= m.last
                  and (n.first, n.last) != (m.first, m.last)]
        while a < b and (doc.tokens[a].form.lower() in TITLES
                         or any(n.first <= a <= n.last for n in nested)):
            a += 1
        words = [doc.tokens[i] for i in range(a, b + 1)]
        if all(w.form.lower() in TITLES for w in words) or all(w.xpos == "NNPS" for w in words if w.form.isalpha()):
            return None  # a title alone ("Minister") or a plural group name ("Vikings")
    # A possessive clitic is a token of its own ("Norvik 's"), so it is never inside.
    return a, b


def gold_entities(doc):
    spans = set()
    for m in doc.mentions:
        t = TYPE_MAP.get(m.etype)
        if not t or not doc.is_named(m):
            continue
        sp = gold_span(doc, m)
        if sp is None:
            continue
        spans.add((doc.tokens[sp[0]].start, doc.tokens[sp[1]].end, t))
    # Flat annotation: drop a span lying inside a longer one ("Springfield" in "Springfield University").
    flat = {s for s in spans
            if not any(o != s and o[0] <= s[0] and s[1] <= o[1] and (o[1] - o[0]) > (s[1] - s[0]) for o in spans)}
    return flat


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("lede")
    ap.add_argument("--split", default="dev")
    ap.add_argument("--genres", default="news")
    ap.add_argument("--variant", default="paragraphs")
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--gum", default=gum.DEFAULT_ROOT)
    ap.add_argument("--model", help="model file; the binary is then bench/ner's eval_ner")
    a = ap.parse_args()
    genres = GENRES if a.genres == "all" else a.genres.split(",")
    ids = [d for d in gum.splits(a.gum).get(a.split, []) if d.split("_")[1] in genres] if a.split != "train" else \
        [d for d in gum.available(a.gum) if gum.partition_of(d, a.gum) == "train" and d.split("_")[1] in genres]
    ids = [d for d in ids if d in set(gum.available(a.gum))]
    docs = {d: gum.load(d, a.gum) for d in ids}
    arts = lede_run.analyze(a.lede, {d: docs[d].variant_text(a.variant) for d in ids}, a.model)
    tp, fp, fn = {}, {}, {}
    for d in ids:
        doc = docs[d]
        gold = {(doc.to_variant(s, a.variant), doc.to_variant(e, a.variant), t) for s, e, t in gold_entities(doc)}
        art = arts[d]
        pred = set()
        for ent in art["entities"]:
            t = LEDE_MAP.get(ent["type"])
            if t:
                pred.add((art["_map"](ent["start"]), art["_map"](ent["end"]), t))
        text = doc.variant_text(a.variant)
        # The title line is not part of Lede's body: gold there cannot be found, so leave it out.
        body0 = art["_map"](0)
        gold = {g for g in gold if g[0] >= body0}
        for t in ("PER", "ORG", "LOC"):
            g = {x for x in gold if x[2] == t}
            p = {x for x in pred if x[2] == t}
            tp[t] = tp.get(t, 0) + len(g & p)
            fp[t] = fp.get(t, 0) + len(p - g)
            fn[t] = fn.get(t, 0) + len(g - p)
            if a.errors:
                for s, e, _ in sorted(g - p):
                    print(f"  MISSED {t} {d} [{s},{e}] {text[s:e]!r}")
                for s, e, _ in sorted(p - g):
                    print(f"  EXTRA  {t} {d} [{s},{e}] {text[s:e]!r}")
    print(f"{a.split}, genres {a.genres}, {a.variant}: {len(ids)} documents")
    print("| type | gold | found | P | R | F1 |\n|---|---|---|---|---|---|")
    T = {"tp": 0, "fp": 0, "fn": 0}
    for t in ("PER", "ORG", "LOC", "all"):
        if t == "all":
            x = (T["tp"], T["fp"], T["fn"])
        else:
            x = (tp[t], fp[t], fn[t])
            T["tp"] += tp[t]
            T["fp"] += fp[t]
            T["fn"] += fn[t]
        p = x[0] / (x[0] + x[1]) if x[0] + x[1] else 0.0
        r = x[0] / (x[0] + x[2]) if x[0] + x[2] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"| {t} | {x[0] + x[2]} | {x[0] + x[1]} | {p:.3f} | {r:.3f} | {f:.3f} |")


if __name__ == "__main__":
    main()
