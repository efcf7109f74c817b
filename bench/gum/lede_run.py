# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs the shipped `lede analyze --json` on reconstructed GUM documents and maps its offsets
back into the reconstructed text (see bench/gum/README.md)."""

import difflib
import json
import os
import subprocess
import tempfile


def analyze(lede, texts, model=None):
    """texts: {doc_id: text}. Returns {doc_id: article JSON object}, with "_map": a function
    mapping a body offset to an offset of the text given. With model, `lede` is bench/ner's
    eval_ner and is run as `eval_ner --analyze MODEL FILE...` (entities only)."""
    out = {}
    with tempfile.TemporaryDirectory(prefix="lede-gum-") as tmp:
        paths = {}
        for doc_id, text in texts.items():
            p = os.path.join(tmp, doc_id + ".txt")
            with open(p, "w", encoding="utf-8") as f:
                f.write(text + "\n")
            paths[os.path.realpath(p)] = doc_id
        env = dict(os.environ)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        # Keep the user's library out of it: analyze stores nothing, but give it a scratch home.
        env["HOME"] = tmp
        env["XDG_DATA_HOME"] = os.path.join(tmp, "data")
        cmd = [lede, "--analyze", model, *sorted(paths)] if model else [lede, "analyze", *sorted(paths), "--json"]
        res = subprocess.run(cmd, capture_output=True, env=env, timeout=600)
        if res.returncode != 0:
            raise RuntimeError(f"lede analyze failed ({res.returncode}): {res.stderr.decode(errors='replace')[:2000]}")
        data = json.loads(res.stdout.decode("utf-8"))
        for art in data["articles"]:
            doc_id = paths.get(os.path.realpath(art["path"]))
            if doc_id is None:
                doc_id = os.path.splitext(os.path.basename(art["path"]))[0]
            art["_map"] = body_map(texts[doc_id], art["body"])
            out[doc_id] = art
    return out


def body_map(text, body):
    """A function from body offsets to text offsets. The importer takes the title line and may
    take a dateline or byline off the front; when the body is a substring of the text this is a
    shift, otherwise a character alignment."""
    k = text.find(body)
    if k >= 0:
        return lambda off: off + k
    sm = difflib.SequenceMatcher(None, body, text, autojunk=False)
    blocks = sm.get_matching_blocks()

    def f(off):
        for a, b, n in blocks:
            if a <= off < a + n or (off == a + n and n > 0):
                return b + (off - a)
        # Between blocks: the start of the next block.
        for a, b, n in blocks:
            if a >= off:
                return b
        return len(text)

    return f
