// SPDX-License-Identifier: GPL-3.0-or-later
#include "NerCorpus.h"

#include <QDir>
#include <QFile>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace Lede::NerBench {

using Ner::Kind;

namespace {

// Maps a corpus tag type (without B-/I-) to Lede's kinds. MISC-like types (wikigold MISC, re3d
// Nationality, wnut17 product/creative-work) become O: the other corpora leave nationalities and
// works untagged, and mixing the two conventions only teaches the tagger to hesitate.
Kind mapType(const QString &type)
{
    static const QHash<QString, Kind> map
        = { { u"PER"_s, Kind::Per },     { u"ORG"_s, Kind::Org },          { u"LOC"_s, Kind::Loc },
            { u"Person"_s, Kind::Per },  { u"Organisation"_s, Kind::Org }, { u"Location"_s, Kind::Loc },
            { u"person"_s, Kind::Per },  { u"corporation"_s, Kind::Org },  { u"group"_s, Kind::Org },
            { u"location"_s, Kind::Loc } };
    return map.value(type, Kind::None);
}

// Converts raw tags ("B-PER", "I-ORG", "O"; IO or BIO) to consistent BIO labels.
std::vector<quint8> toBio(const QStringList &tags)
{
    std::vector<quint8> out;
    out.reserve(size_t(tags.size()));
    Kind prev = Kind::None;
    for (const QString &tag : tags) {
        Kind k = Kind::None;
        bool begin = false;
        if (tag.size() > 2 && tag[1] == u'-') {
            k = mapType(tag.mid(2));
            begin = tag[0] == u'B';
        }
        if (k == Kind::None)
            out.push_back(Ner::O);
        else if (begin || k != prev)
            out.push_back(quint8(Ner::beginLabel(k)));
        else
            out.push_back(quint8(Ner::insideLabel(k)));
        prev = k;
    }
    return out;
}

// Reads a CoNLL-like file: one token per line, blank line between sentences. wordCol/tagCol are
// column indices after splitting on sep; lines starting with '#' are comments.
bool readConll(const QString &path, QChar sep, int wordCol, int tagCol, const QString &corpus,
               std::vector<Sentence> &out, QString *error, bool docPerFile = false)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = u"cannot read %1: %2"_s.arg(path, f.errorString());
        return false;
    }
    QTextStream in(&f);
    QStringList words;
    QStringList tags;
    int doc = 0;
    auto flush = [&] {
        if (!words.isEmpty()) {
            Sentence s;
            s.words = words;
            s.labels = toBio(tags);
            s.corpus = corpus;
            s.document = docPerFile ? path : path + u'#' + QString::number(doc);
            out.push_back(std::move(s));
        }
        words.clear();
        tags.clear();
    };
    QString line;
    while (in.readLineInto(&line)) {
        if (line.startsWith(u'#'))
            continue;
        if (line.trimmed().isEmpty()) {
            flush();
            continue;
        }
        const QStringList cols = line.split(sep);
        if (cols.size() <= std::max(wordCol, tagCol))
            continue;
        if (cols[wordCol] == u"-DOCSTART-") {
            flush();
            ++doc;
            continue;
        }
        words.append(cols[wordCol]);
        tags.append(cols[tagCol].trimmed());
    }
    flush();
    return true;
}

} // namespace

std::vector<Chunk> chunks(const std::vector<quint8> &labels)
{
    std::vector<Chunk> out;
    int start = -1;
    Kind kind = Kind::None;
    for (int i = 0; i <= int(labels.size()); ++i) {
        const int l = i < int(labels.size()) ? labels[size_t(i)] : int(Ner::O);
        const Kind k = Ner::labelKind(l);
        const bool continues = k != Kind::None && !Ner::isBegin(l) && k == kind;
        if (!continues) {
            if (kind != Kind::None)
                out.push_back({ start, i, kind });
            kind = k;
            start = i;
        }
    }
    return out;
}

bool readCorpora(const QString &dataDir, Corpus &corpus, QString *error)
{
    const QDir dir(dataDir);
    // wikigold: IO tags, space separated; every fifth article (index % 5 == 4) is held out.
    {
        std::vector<Sentence> all;
        if (!readConll(dir.filePath(u"wikigold/wikigold.conll.txt"_s), u' ', 0, 1, u"wikigold"_s, all, error))
            return false;
        for (Sentence &s : all) {
            const int doc = s.document.section(u'#', -1).toInt();
            (doc % 5 == 4 ? corpus.heldOut : corpus.train).push_back(std::move(s));
        }
    }
    // btc: all sections for training.
    for (const char16_t *section : { u"a", u"b", u"e", u"f", u"g", u"h" }) {
        if (!readConll(dir.filePath(u"btc/%1.conll"_s.arg(QStringView(section))), u'\t', 0, 1, u"btc"_s,
                       corpus.train, error))
            return false;
    }
    // Universal NER English-EWT: dev trains, test is held out.
    if (!readConll(dir.filePath(u"uner-en-ewt/en_ewt-ud-dev.iob2"_s), u'\t', 1, 2, u"uner"_s, corpus.train,
                   error))
        return false;
    if (!readConll(dir.filePath(u"uner-en-ewt/en_ewt-ud-test.iob2"_s), u'\t', 1, 2, u"uner"_s, corpus.heldOut,
                   error))
        return false;
    // re3d: per source folder, files sorted by name; every fourth file (index % 4 == 3) is held out.
    const QStringList re3dFolders
        = QDir(dir.filePath(u"re3d"_s)).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    if (re3dFolders.isEmpty()) {
        *error = u"no re3d folders under %1"_s.arg(dir.filePath(u"re3d"_s));
        return false;
    }
    for (const QString &folder : re3dFolders) {
        const QDir sub(dir.filePath(u"re3d/"_s + folder));
        const QStringList files = sub.entryList({ u"*.conll"_s }, QDir::Files, QDir::Name);
        for (qsizetype i = 0; i < files.size(); ++i) {
            if (!readConll(sub.filePath(files[i]), u'\t', 0, 1, u"re3d"_s,
                           i % 4 == 3 ? corpus.heldOut : corpus.train, error, true))
                return false;
        }
    }
    // WNUT 2017: train and dev for training.
    for (const char16_t *file : { u"wnut17/wnut17train.conll", u"wnut17/emerging.dev.conll" }) {
        if (!readConll(dir.filePath(QString::fromUtf16(file)), u'\t', 0, 1, u"wnut17"_s, corpus.train, error))
            return false;
    }
    return true;
}

bool readGumBio(const QString &path, std::vector<Sentence> &out, QString *error)
{
    const size_t before = out.size();
    if (!readConll(path, u'\t', 0, 1, u"gum"_s, out, error))
        return false;
    if (out.size() == before) {
        *error = u"%1 holds no sentences"_s.arg(path);
        return false;
    }
    return true;
}

} // namespace Lede::NerBench
