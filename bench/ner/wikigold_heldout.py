#!/usr/bin/env python3
"""Write the 29 held-out wikigold articles (article index % 5 == 4, counting -DOCSTART-, as
NerCorpus.cpp splits them) as inline-marked news-NNN.txt files for `eval_ner DATA_DIR --news DIR`.

    python3 bench/ner/wikigold_heldout.py /work/shared/ner-data /tmp/ent-wg

Each file: a title line "Wikigold article", a blank line, one sentence per line; tokens joined
with spaces, none before closing punctuation; PER/ORG/LOC runs marked [TYPE words] (MISC left
unmarked). The output is outside the repository: it holds the corpus's text."""
import os
import sys

NO_SPACE_BEFORE = {'.', ',', ';', ':', '!', '?', ')', "'s", "n't", "'", '%'}


def articles(path):
    docs, sentence, current, doc = [], [], None, 0
    for line in open(path, encoding='utf-8'):
        line = line.rstrip('\n')
        if not line.strip():
            if sentence and current is not None:
                current.append(sentence)
            sentence = []
            continue
        word, tag = line.split(' ')[:2]
        if word == '-DOCSTART-':
            if sentence and current is not None:
                current.append(sentence)
            sentence, current, doc = [], [], doc + 1
            docs.append((doc, current))
            continue
        sentence.append((word, tag.strip()))
    if sentence and current is not None:
        current.append(sentence)
    return docs


def render(sentence):
    pieces = []  # (text, first word)
    i = 0
    while i < len(sentence):
        word, tag = sentence[i]
        kind = tag[2:] if tag != 'O' else None
        if kind in ('PER', 'ORG', 'LOC'):
            j = i
            while j < len(sentence) and sentence[j][1] == tag:
                j += 1
            words = [w for w, _ in sentence[i:j]]
            pieces.append(('[%s %s]' % (kind, ' '.join(words)), words[0]))
            i = j
        else:
            pieces.append((word, word))
            i += 1
    text = ''
    for k, (piece, first) in enumerate(pieces):
        if k and first not in NO_SPACE_BEFORE and pieces[k - 1][1] != '(':
            text += ' '
        text += piece
    return text


def main():
    if len(sys.argv) != 3:
        sys.exit('usage: wikigold_heldout.py NER_DATA_DIR OUT_DIR')
    out = sys.argv[2]
    os.makedirs(out, exist_ok=True)
    count = 0
    for doc, sentences in articles(os.path.join(sys.argv[1], 'wikigold', 'wikigold.conll.txt')):
        if doc % 5 != 4:
            continue
        with open(os.path.join(out, 'news-%03d.txt' % doc), 'w', encoding='utf-8') as f:
            f.write('Wikigold article\n\n' + '\n'.join(render(s) for s in sentences) + '\n')
        count += 1
    print(count, 'articles written to', out)


if __name__ == '__main__':
    main()
