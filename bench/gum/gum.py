# SPDX-License-Identifier: GPL-3.0-or-later
"""Reader for the GUM corpus files in ../shared/real-news/gum (see bench/gum/README.md).

Rebuilds each document's plain text deterministically from its CoNLL-U file (plus, for the
news and interview genres, the XML file's speaker turns) and keeps, for every token, its
character span in that text, so that gold annotations can be stored as offsets and document
ids only: no corpus text is ever written into the repository.

Reconstruction (version 1), the contract the gold offsets rely on:

* A paragraph starts at every `# newpar` comment (the first one is the `head` block: the title).
* Inside a paragraph tokens are joined with one space, except after a token whose MISC column
  has `SpaceAfter=No`.  Sentences inside a paragraph are joined with one space.
* Interview documents: a paragraph that opens a speaker turn (`<sp who="#Id">` in the XML file)
  starts with a label "Name: ", where Name is the longest proper-name mention of the person
  entity whose name matches the `who` id (letters only, case-insensitive: the whole name, or
  its last word), or else the id split at capitals ("#JaneQRoe" -> "Jane Q Roe").
* Variant "paragraphs": paragraphs are joined with "\\n\\n" (a blank line).
  Variant "joined": the title, "\\n\\n", then all other paragraphs joined with one space, as
  news stored with its paragraph breaks lost.  Offsets are always given in the "paragraphs"
  variant; `Doc.to_variant()` maps them.
"""

import os
import re
import urllib.parse

RECONSTRUCTION_VERSION = 1

DEFAULT_ROOT = os.environ.get("LEDE_GUM_DIR", "/work/shared/real-news/gum")


class Token:
    __slots__ = ("form", "upos", "xpos", "head", "misc", "sent", "idx", "start", "end", "par", "nospace")

    def __init__(self, form, upos, xpos, head, misc, sent, idx):
        self.form, self.upos, self.xpos, self.head, self.misc = form, upos, xpos, head, misc
        self.sent, self.idx = sent, idx
        self.start = self.end = -1
        self.par = -1
        self.nospace = "SpaceAfter=No" in misc.split("|")


class Mention:
    """One mention of a GUM entity: tokens [first, last] (document token indices)."""
    __slots__ = ("eid", "etype", "identity", "first", "last", "head")

    def __init__(self, eid, etype, identity, first):
        self.eid, self.etype, self.identity, self.first = eid, etype, identity, first
        self.last = first
        self.head = first


ENTITY_ITEM = re.compile(r"\(([^()]+)\)?|(\d+)\)")


def parse_entity_spec(spec):
    # GRP-etype-infstat-salience-centering-minspan-link-identity; identity is optional and may
    # contain hyphens, so split a fixed number of times.
    parts = spec.split("-", 7)
    eid = parts[0]
    etype = parts[1] if len(parts) > 1 else ""
    identity = parts[7] if len(parts) > 7 else ""
    return eid, etype, identity


class Doc:
    def __init__(self, doc_id, genre, title):
        self.id, self.genre, self.title = doc_id, genre, title
        self.tokens = []
        self.sentences = []  # list of (first token, last token)
        self.paragraphs = []  # list of lists of token indices
        self.mentions = []
        self.par_label = {}  # paragraph index -> (label text, who id)
        self.par_who = {}  # paragraph index -> who id of the enclosing speaker turn
        self.text = ""
        self.par_spans = []  # (start, end) of each paragraph in `text`, label included
        self.par_body_start = []  # where the paragraph's tokens start (after a label)

    # ---- entities -------------------------------------------------------------------------
    def entity_mentions(self, eid):
        return [m for m in self.mentions if m.eid == eid]

    def mention_text(self, m):
        return self.text[self.tokens[m.first].start:self.tokens[m.last].end]

    def mention_span(self, m):
        return self.tokens[m.first].start, self.tokens[m.last].end

    def is_named(self, m):
        """A named mention: it has a Wikipedia identity, or its head token is a proper noun."""
        h = self.tokens[m.head]
        return bool(m.identity and m.identity != "_") or h.upos == "PROPN" or h.xpos in ("NNP", "NNPS")

    def is_proper(self, i):
        t = self.tokens[i]
        return t.upos == "PROPN" or t.xpos in ("NNP", "NNPS")

    def own_runs(self, m):
        """The proper-noun runs of a mention outside any mention of another entity nested in it."""
        runs, cur = [], []
        for i in range(m.first, m.last + 1):
            if self.is_proper(i) and self.tokens[i].form:
                cur.append(i)
            elif cur:
                runs.append(cur)
                cur = []
        if cur:
            runs.append(cur)
        nested = [n for n in self.mentions
                  if n.eid != m.eid and m.first <= n.first and n.last <= m.last and (n.first, n.last) != (m.first, m.last)]
        return [r for r in runs if not any(n.first <= r[0] and r[-1] <= n.last for n in nested)]

    def name_run(self, m):
        """Token indices of the proper-noun run of a mention: the run holding its head, else the
        first run of its own ("Chief engineer Ada Lind, of the Port Authority" -> Ada Lind)."""
        runs, cur = [], []  # noqa
        for i in range(m.first, m.last + 1):
            if self.is_proper(i) and self.tokens[i].form:
                cur.append(i)
            elif cur:
                runs.append(cur)
                cur = []
        if cur:
            runs.append(cur)
        for r in runs:
            if m.head in r:
                return r
        # Skip runs that belong to a mention of another entity nested inside this one
        # ("Port Authority" inside "Chief engineer Ada Lind, of the Port Authority").
        nested = [n for n in self.mentions
                  if n.eid != m.eid and m.first <= n.first and n.last <= m.last and (n.first, n.last) != (m.first, m.last)]
        own = [r for r in runs if not any(n.first <= r[0] and r[-1] <= n.last for n in nested)]
        return own[0] if own else []

    def entity_names(self, eid):
        """The names a speaker string may take for entity eid (see README: speaker accuracy)."""
        names = set()
        for m in self.entity_mentions(eid):
            h = self.tokens[m.head]
            if h.upos == "PRON" or h.xpos.startswith("PRP") or h.xpos in ("WP", "WP$"):
                continue
            text = self.mention_text(m)
            names.add(text)
            # The mention up to its head, without what follows it: "a notice" of "a notice
            # saying ...", "Chief engineer" of "Chief engineer Ada Lind, of ...".
            if m.head < m.last:
                names.add(self.text[self.tokens[m.first].start:self.tokens[m.head].end])
            for n in list(names):
                names.add(re.sub(r"^(the|a|an|this|that)\s+", "", n, flags=re.I))
            run = self.name_run(m)
            runs = [run] if run else []
            if m.etype == "person":
                # Every proper-noun run of a person mention that is not another entity's
                # ("Deputy for Transport Ms. Varga" -> "Ms. Varga").
                runs += [r for r in self.own_runs(m) if r != run]
            for r in runs:
                words = [self.tokens[i].form for i in r]
                names.add(" ".join(words))
                if m.etype == "person":
                    # Titles before the name ("Professor Ada Lind", "Ms. Lind"): every
                    # tail of the run.
                    for k in range(1, len(words)):
                        names.add(" ".join(words[k:]))
            if m.identity and m.identity != "_":
                ident = urllib.parse.unquote(m.identity).replace("_", " ")
                names.add(re.sub(r"\s*\(.*\)$", "", ident))
        return {normalise_name(n) for n in names if n.strip()}

    def mention_at(self, start, end):
        for m in self.mentions:
            if self.mention_span(m) == (start, end):
                return m
        return None

    # ---- variants -------------------------------------------------------------------------
    def variant_text(self, variant):
        if variant == "paragraphs":
            return self.text
        if variant == "joined":
            pars = [self.text[s:e] for s, e in self.par_spans]
            return pars[0] + "\n\n" + " ".join(pars[1:]) if len(pars) > 1 else pars[0]
        raise ValueError(variant)

    def to_variant(self, offset, variant):
        """Map an offset of the "paragraphs" text into the given variant's text."""
        if variant == "paragraphs":
            return offset
        # Each separator after the first paragraph shrinks from 2 characters to 1.
        removed = 0
        for i in range(2, len(self.par_spans)):
            if self.par_spans[i][0] <= offset:
                removed += 1
        return offset - removed


def _split_camel(who):
    name = who.lstrip("#")
    return re.sub(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", name)


def _letters(s):
    return re.sub(r"[^a-z]", "", s.lower())


def read_conllu(path):
    docs = []
    doc = None
    sent_first = None
    new_par = False
    mwt = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("# newdoc id = "):
                doc_id = line[len("# newdoc id = "):].strip()
                genre = doc_id.split("_")[1] if doc_id.count("_") >= 2 else ""
                doc = Doc(doc_id, genre, "")
                docs.append(doc)
                open_stack = {}
                continue
            if line.startswith("# meta::title = "):
                doc.title = line[len("# meta::title = "):]
                continue
            if line.startswith("# newpar") and not line.startswith("# newpar_block"):
                new_par = True
                continue
            if line.startswith("#"):
                continue
            if not line:
                if sent_first is not None:
                    doc.sentences.append((sent_first, len(doc.tokens) - 1))
                    sent_first = None
                continue
            cols = line.split("\t")
            if "." in cols[0]:
                continue  # empty nodes
            if "-" in cols[0]:
                # A multiword token ("I'm" = "I" + "'m"): its parts are written without spaces
                # and the range line carries SpaceAfter.
                a, b = (int(x) for x in cols[0].split("-"))
                mwt = (a, b, cols[1], "SpaceAfter=No" in cols[9].split("|"))
                continue
            if sent_first is None:
                sent_first = len(doc.tokens)
                sent_base = sent_first
                if new_par or not doc.paragraphs:
                    doc.paragraphs.append([])
                    new_par = False
            t = Token(cols[1], cols[3], cols[4], int(cols[6]) if cols[6].isdigit() else 0, cols[9],
                      len(doc.sentences), len(doc.tokens))
            t.head = (sent_base + t.head - 1) if t.head > 0 else -1
            if mwt is not None and mwt[0] <= int(cols[0]) <= mwt[1]:
                a, b, form, nospace = mwt
                if int(cols[0]) < b:
                    t.nospace = True
                else:
                    t.nospace = nospace
                    parts = doc.tokens[len(doc.tokens) - (b - a):] + [t]
                    if "".join(p.form for p in parts) != form:
                        # Parts that do not spell the surface (a contraction spelled differently): the first part gets it.
                        parts[0].form = form
                        for p in parts[1:]:
                            p.form = ""
                    mwt = None
            t.par = len(doc.paragraphs) - 1
            doc.tokens.append(t)
            doc.paragraphs[-1].append(t.idx)
            for field in t.misc.split("|"):
                if not field.startswith("Entity="):
                    continue
                for m in ENTITY_ITEM.finditer(field[len("Entity="):]):
                    if m.group(1) is not None:
                        eid, etype, identity = parse_entity_spec(m.group(1))
                        men = Mention(eid, etype, identity, t.idx)
                        doc.mentions.append(men)
                        if m.group(0).endswith(")"):
                            men.last = t.idx
                        else:
                            open_stack.setdefault(eid, []).append(men)
                    else:
                        eid = m.group(2)
                        stack = open_stack.get(eid)
                        if stack:
                            stack.pop().last = t.idx
    if doc is not None and sent_first is not None:
        doc.sentences.append((sent_first, len(doc.tokens) - 1))
    return docs


def _find_heads(doc):
    for m in doc.mentions:
        inside = range(m.first, m.last + 1)
        heads = [i for i in inside if not (m.first <= doc.tokens[i].head <= m.last)]
        m.head = heads[0] if heads else m.first


def _xml_turns(doc, xml_path):
    """Token index -> who id of the enclosing <sp>, and the token indices that open a turn."""
    if not os.path.exists(xml_path):
        return {}, set()
    who_of = {}
    opens = set()
    count = 0
    current = None
    pending_open = False
    with open(xml_path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if "\t" in line:
                if current is not None:
                    who_of[count] = current
                    if pending_open:
                        opens.add(count)
                        pending_open = False
                count += 1
                continue
            m = re.match(r'<sp who="([^"]*)"', line)
            if m:
                current, pending_open = m.group(1), True
            elif line.startswith("</sp>"):
                current, pending_open = None, False
    if count != len(doc.tokens):
        raise RuntimeError(f"{xml_path}: {count} tokens, CoNLL-U has {len(doc.tokens)}")
    return who_of, opens


def _label_for(doc, who):
    key = _letters(who)
    best = ""
    for m in doc.mentions:
        if m.etype != "person" or not doc.is_named(m):
            continue
        run = doc.name_run(m)
        if not run:
            continue
        cand = " ".join(doc.tokens[i].form for i in run)
        if _letters(cand) == key or _letters(doc.tokens[run[-1]].form) == key:
            if len(cand) > len(best):
                best = cand
    return best or _split_camel(who)


def _build_text(doc, xml_path):
    who_of, opens = _xml_turns(doc, xml_path) if doc.genre == "interview" else ({}, set())
    # A first pass without labels gives token texts for the label lookup.
    for label_pass in (False, True):
        out = []
        pos = 0
        doc.par_spans, doc.par_body_start = [], []
        for pi, par in enumerate(doc.paragraphs):
            if pi > 0:
                out.append("\n\n")
                pos += 2
            pstart = pos
            first = par[0]
            if label_pass and first in opens:
                who = who_of[first]
                label = _label_for(doc, who) + ": "
                doc.par_label[pi] = (label[:-2], who)
                out.append(label)
                pos += len(label)
            if first in who_of:
                doc.par_who[pi] = who_of[first]
            doc.par_body_start.append(pos)
            for k, ti in enumerate(par):
                t = doc.tokens[ti]
                if k > 0 and not doc.tokens[par[k - 1]].nospace and t.form:
                    out.append(" ")
                    pos += 1
                t.start = pos
                out.append(t.form)
                pos += len(t.form)
                t.end = pos
            doc.par_spans.append((pstart, pos))
        doc.text = "".join(out)
        if not opens:
            break
    return doc


_CACHE = {}


def load(doc_id, root=DEFAULT_ROOT):
    key = (root, doc_id)
    if key not in _CACHE:
        docs = read_conllu(os.path.join(root, "dep", doc_id + ".conllu"))
        doc = docs[0]
        _find_heads(doc)
        _build_text(doc, os.path.join(root, "xml", doc_id + ".xml"))
        _CACHE[key] = doc
    return _CACHE[key]


def splits(root=DEFAULT_ROOT):
    """{'dev': [...], 'test': [...]} from splits.md; every other GUM document is 'train'."""
    out = {}
    part = None
    with open(os.path.join(root, "splits.md"), encoding="utf-8") as f:
        for line in f:
            m = re.match(r"##\s+(\S+)", line)
            if m:
                part = m.group(1)
                out[part] = []
                continue
            m = re.match(r"\s*\*\s+(\S+)", line)
            if m and part:
                out[part].append(m.group(1))
    return out


def available(root=DEFAULT_ROOT):
    return sorted(f[:-len(".conllu")] for f in os.listdir(os.path.join(root, "dep")) if f.endswith(".conllu"))


def partition_of(doc_id, root=DEFAULT_ROOT):
    for part, ids in splits(root).items():
        if doc_id in ids:
            return part
    return "train"


def quote_marks(doc):
    """Token indices inside a <quote> element of the corpus markup (from the MISC XML field)."""
    inside = set()
    depth = 0
    for t in doc.tokens:
        xmlf = [f for f in t.misc.split("|") if f.startswith("XML=")]
        s = xmlf[0] if xmlf else ""
        depth += s.count("<quote>")
        if depth > 0:
            inside.add(t.idx)
        depth -= s.count("</quote>")
    return inside


def normalise_name(name):
    """Case-insensitive name comparison: curly apostrophes, spaces, a possessive 's dropped."""
    n = name.replace("\u2019", "'").replace("\u2018", "'").strip().lower()
    n = re.sub(r"\s+", " ", n)
    n = re.sub(r"\s*'s?$", "", n)
    return n.strip(" ,.")
