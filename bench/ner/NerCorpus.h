// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Readers for the openly licensed NER corpora in /work/shared/ner-data (see bench/ner/README.md for
// the tag mapping and the fixed held-out split). Shared by train_ner and eval_ner.

#include "analysis/NerFeatures.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace Lede::NerBench {

struct Sentence
{
    QStringList words;
    std::vector<quint8> labels; // Ner::Label, BIO-consistent
    QString corpus; // "wikigold", "btc", "uner", "re3d", "wnut17"
    QString document; // document key, used to group sentences for document-level eval
};

struct Corpus
{
    std::vector<Sentence> train;
    std::vector<Sentence> heldOut;
};

// Reads every corpus under dataDir; false + message on a missing file.
bool readCorpora(const QString &dataDir, Corpus &corpus, QString *error);

// Reads the BIO file that bench/gum/gum_ner.py writes from GUM's train split ("word<TAB>tag",
// -DOCSTART- between documents) and appends its sentences, as corpus "gum", to out.
bool readGumBio(const QString &path, std::vector<Sentence> &out, QString *error);

// Entity chunks of a BIO sequence: (start token, end token exclusive, kind).
struct Chunk
{
    int start;
    int end;
    Ner::Kind kind;
    friend bool operator==(const Chunk &, const Chunk &) = default;
};
std::vector<Chunk> chunks(const std::vector<quint8> &labels);

} // namespace Lede::NerBench
