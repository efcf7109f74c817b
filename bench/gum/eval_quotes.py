#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Quote and speaker evaluation of the shipped `lede analyze --json` on GUM's Wikinews documents.

    eval_quotes.py LEDE_BINARY [--gold bench/gum/quotes-gold.json] [--split dev|test|train|all]
                   [--variant paragraphs|joined|both] [--errors] [--gum DIR]

Gold: bench/gum/quotes-gold.json (offsets into the reconstructed text, speakers as GUM entity
references; no corpus text). Interview documents are also scored on their question-and-answer
turns, generated from GUM's <sp who> markup (a separate line: "Q&A turns").

Matching (one to one): a found quote and a gold quote match when their character spans overlap
by at least half of each of the two spans (mutual majority); pairs are taken greedily by overlap / longer length.
Recall = matched gold / gold; precision = matched found / found (found quotes that lie wholly
inside an interviewer's turn are not counted: questions are neither gold nor errors). The Q&A
line has no precision: quotation-mark quotes inside answers are scored by the first line.
With paragraphs joined, the pieces of a quote that runs on over a paragraph break without a
closing mark count as one gold quote (merge_runons).
Speaker accuracy (direct and partial gold quotes only; scare quotes have no speaker): Lede's
speaker is right when it equals, case-insensitively, one of the names of the gold speaker entity
(gum.Doc.entity_names); an empty speaker is wrong. "matched" divides by the matched gold quotes,
"all" by every gold quote (a missed quote counts wrong).
"""

import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gum  # noqa: E402
import lede_run  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


def gold_quotes(doc, entry):
    """[(start, end, kind, names, speaker label for messages)] in the paragraphs variant."""
    out = []
    for q in entry["quotes"]:
        sp = q.get("speaker")
        if sp:
            names = doc.entity_names(sp["entity"])
            ms, me = sp["mention"]
            names.add(gum.normalise_name(doc.text[ms:me]))
            label = doc.text[ms:me]
        else:
            names, label = set(), None
        out.append((q["start"], q["end"], q["kind"], names, label))
    return out


def qa_turns(doc):
    """Interview answers: each paragraph of a turn by someone other than the interviewer (the
    first speaker of the document) is a quote of that speaker. Returns (quotes, interviewer
    regions)."""
    if not doc.par_who:
        return [], []
    first = min(doc.par_who)
    interviewer = doc.par_who[first]
    labels = {who: name for name, who in doc.par_label.values()}
    quotes, regions = [], []
    for pi, who in sorted(doc.par_who.items()):
        start, end = doc.par_body_start[pi], doc.par_spans[pi][1]
        if who == interviewer:
            regions.append((doc.par_spans[pi][0], end))
            continue
        name = labels.get(who, who)
        names = {gum.normalise_name(name)}
        # The person entity the label was taken from, and its other names.
        for m in doc.mentions:
            if m.etype == "person" and doc.is_named(m):
                run = doc.name_run(m)
                if run and " ".join(doc.tokens[i].form for i in run) == name:
                    names |= doc.entity_names(m.eid)
        quotes.append((start, end, "qa", names, name))
    return quotes, regions


def merge_runons(doc, gold):
    """With paragraphs joined, a quote that runs on into the next paragraph (its piece ends at the
    paragraph's end with no closing mark, and the next gold quote starts the very next paragraph) is one
    quote: merge the pieces."""
    starts = {s: i for i, (s, _e) in enumerate(doc.par_spans)}
    ends = {e: i for i, (_s, e) in enumerate(doc.par_spans)}
    out = []
    for q in gold:
        if out:
            p = out[-1]
            pi = ends.get(p[1])
            if (pi is not None and doc.text[p[1] - 1] not in "\"\u201d" and p[2] != "qa"
                    and starts.get(q[0]) == pi + 1):
                out[-1] = (p[0], q[1], p[2], p[3], p[4])
                continue
        out.append(q)
    return out


def match(gold, found):
    pairs = []
    for gi, (gs, ge, *_rest) in enumerate(gold):
        for fi, f in enumerate(found):
            fs, fe = f["_s"], f["_e"]
            ov = min(ge, fe) - max(gs, fs)
            if ov > 0 and ov >= 0.5 * max(ge - gs, fe - fs):
                pairs.append((ov / max(ge - gs, fe - fs), gi, fi))
    pairs.sort(reverse=True)
    g2f, used = {}, set()
    for _score, gi, fi in pairs:
        if gi in g2f or fi in used:
            continue
        g2f[gi] = fi
        used.add(fi)
    return g2f


class Score:
    def __init__(self):
        self.gold = self.found = self.matched_gold = self.matched_found = 0
        self.sp_total = self.sp_matched = self.sp_right = 0
        self.no_precision = 0

    def add(self, other):
        for k, v in vars(other).items():
            setattr(self, k, getattr(self, k) + v)

    def line(self, name):
        r = self.matched_gold / self.gold if self.gold else 0.0
        p = self.matched_found / self.found if self.found else 0.0
        sm = self.sp_right / self.sp_matched if self.sp_matched else 0.0
        sa = self.sp_right / self.sp_total if self.sp_total else 0.0
        found, prec = (str(self.found), f"{p:.3f}") if not self.no_precision else ("–", "–")
        return (f"| {name} | {self.gold} | {found} | {r:.3f} | {prec} | {sm:.3f} ({self.sp_right}/{self.sp_matched})"
                f" | {sa:.3f} ({self.sp_right}/{self.sp_total}) |")


HEADER = ("| set | gold | found | recall | precision | speaker acc. (matched) | speaker acc. (all gold) |\n"
          "|---|---|---|---|---|---|---|")


def score_doc(doc, art, gold, regions, variant, errors, tag, count_found=True, scored_elsewhere=()):
    s = Score()
    s.no_precision = 0 if count_found else 1
    m = art["_map"]
    found = []
    for q in art["quotes"]:
        f = dict(q)
        f["_s"], f["_e"] = m(q["start"]), m(q["end"])
        found.append(f)
    if variant == "joined":
        gold = merge_runons(doc, gold)
    vgold = [(doc.to_variant(a, variant), doc.to_variant(b, variant), k, n, lab) for a, b, k, n, lab in gold]
    vreg = [(doc.to_variant(a, variant), doc.to_variant(b, variant)) for a, b in regions]
    g2f = match(vgold, found)
    # Found quotes that are interview answers are scored in the Q&A row, not as extras here.
    if scored_elsewhere:
        other = [(doc.to_variant(a, variant), doc.to_variant(b, variant)) for a, b, *_r in scored_elsewhere]
        answered = set(match(other, found).values())
    else:
        answered = set()
    text = doc.variant_text(variant)
    s.gold = len(vgold)
    s.matched_gold = len(g2f)
    matched_f = set(g2f.values())
    for fi, f in enumerate(found):
        if fi not in matched_f and (not count_found or fi in answered
                                    or any(a <= f["_s"] and f["_e"] <= b for a, b in vreg)):
            continue
        s.found += 1
        if fi in matched_f:
            s.matched_found += 1
        elif errors:
            print(f"  EXTRA   {tag} {doc.id} [{f['_s']},{f['_e']}] {f['kind']} -> {f.get('speaker')!r}")
    for gi, (gs, ge, kind, names, label) in enumerate(vgold):
        fi = g2f.get(gi)
        if fi is None and errors:
            print(f"  MISSED  {tag} {doc.id} [{gs},{ge}] {kind} (gold {label!r}) {snippet(text, gs, ge)}")
        if kind == "scare":
            continue
        s.sp_total += 1
        if fi is None:
            continue
        s.sp_matched += 1
        sp = found[fi].get("speaker") or ""
        if sp and gum.normalise_name(sp) in names:
            s.sp_right += 1
        elif errors:
            print(f"  SPEAKER {tag} {doc.id} [{gs},{ge}] {kind} -> {sp or '(none)'!r} (gold {label!r}) "
                  f"{snippet(text, gs, ge)}")
    return s


def snippet(text, s, e):
    # For the developer's terminal only (never written to the repository).
    return text[s:e][:50].replace("\n", " ")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("lede")
    ap.add_argument("--gold", default=os.path.join(HERE, "quotes-gold.json"))
    ap.add_argument("--split", default="all")
    ap.add_argument("--variant", default="both")
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--gum", default=gum.DEFAULT_ROOT)
    a = ap.parse_args()

    with open(a.gold, encoding="utf-8") as f:
        gold = json.load(f)
    if gold["reconstruction"] != gum.RECONSTRUCTION_VERSION:
        sys.exit(f"gold made for reconstruction {gold['reconstruction']}, gum.py has {gum.RECONSTRUCTION_VERSION}")
    entries = [e for e in gold["documents"] if a.split == "all" or e["split"] == a.split]
    splits = sorted({e["split"] for e in entries}, key=["train", "dev", "test"].index)
    variants = ["paragraphs", "joined"] if a.variant == "both" else [a.variant]
    docs = {e["id"]: gum.load(e["id"], a.gum) for e in entries}
    for e in entries:
        if gum.partition_of(e["id"], a.gum) != e["split"]:
            sys.exit(f"{e['id']}: gold says {e['split']}, splits.md says {gum.partition_of(e['id'], a.gum)}")

    print(HEADER)
    for variant in variants:
        arts = lede_run.analyze(a.lede, {d: docs[d].variant_text(variant) for d in docs})
        for split in splits:
            total, qa_total = Score(), Score()
            news, inter = Score(), Score()
            for e in entries:
                if e["split"] != split:
                    continue
                doc = docs[e["id"]]
                qa, regions = qa_turns(doc)
                s = score_doc(doc, arts[e["id"]], gold_quotes(doc, e), regions, variant, a.errors, f"{split}/{variant}",
                              scored_elsewhere=qa)
                total.add(s)
                (news if doc.genre == "news" else inter).add(s)
                if qa:
                    qa_total.add(score_doc(doc, arts[e["id"]], qa, regions, variant, a.errors, f"{split}/{variant}/qa",
                                           count_found=False))
            print(total.line(f"{split}, {variant}: quoted (news + interview)"))
            print(news.line(f"{split}, {variant}: news only"))
            if qa_total.gold:
                print(qa_total.line(f"{split}, {variant}: interview Q&A turns"))


if __name__ == "__main__":
    main()
