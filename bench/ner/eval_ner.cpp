// SPDX-License-Identifier: GPL-3.0-or-later
// Evaluates the entity tagger on the fixed held-out split (bench/ner/README.md): exact span + type
// precision, recall and F1 per type, per corpus, and micro-averaged over PER/ORG/LOC.
// Usage: eval_ner DATA_DIR [MODEL]   (MODEL defaults to the compiled-in :/lede/models/ner-en.bin)

#include "NerCorpus.h"
#include "analysis/Perceptron.h"

#include <QCoreApplication>
#include <QFile>
#include <QMap>
#include <QTextStream>

#include <set>

using namespace Qt::StringLiterals;
using namespace Lede;
using namespace Lede::Ner;

namespace {

struct Counts
{
    qint64 tp = 0, fp = 0, fn = 0;
    void add(const Counts &o)
    {
        tp += o.tp;
        fp += o.fp;
        fn += o.fn;
    }
};

QString row(const QString &name, const Counts &c)
{
    const double p = c.tp + c.fp ? double(c.tp) / double(c.tp + c.fp) : 0;
    const double r = c.tp + c.fn ? double(c.tp) / double(c.tp + c.fn) : 0;
    const double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
    return u"%1 %2 %3 %4   (tp %5 fp %6 fn %7)"_s.arg(name, -16)
        .arg(p, 6, 'f', 3)
        .arg(r, 6, 'f', 3)
        .arg(f, 6, 'f', 3)
        .arg(c.tp)
        .arg(c.fp)
        .arg(c.fn);
}

const char16_t *kindName(Kind k)
{
    switch (k) {
    case Kind::Per: return u"PER";
    case Kind::Org: return u"ORG";
    case Kind::Loc: return u"LOC";
    case Kind::Misc: return u"MISC";
    case Kind::None: break;
    }
    return u"O";
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        QTextStream(stderr) << "usage: eval_ner DATA_DIR [MODEL]\n";
        return 2;
    }
    const QString modelPath = args.size() > 2 ? args[2] : u":/lede/models/ner-en.bin"_s;
    QFile f(modelPath);
    if (!f.open(QIODevice::ReadOnly)) {
        QTextStream(stderr) << "cannot read " << modelPath << '\n';
        return 1;
    }
    PerceptronModel model;
    QString error;
    if (!model.load(f.readAll(), &error)) {
        QTextStream(stderr) << error << '\n';
        return 1;
    }
    NerBench::Corpus corpus;
    if (!NerBench::readCorpora(args[1], corpus, &error)) {
        QTextStream(stderr) << error << '\n';
        return 1;
    }
    const FeatureExtractor extractor = model.extractor();
    // corpus -> kind -> counts
    QMap<QString, QMap<int, Counts>> counts;
    std::vector<TokenInfo> info;
    std::vector<quint8> labels;
    for (const NerBench::Sentence &s : corpus.heldOut) {
        QList<QStringView> words;
        for (const QString &w : s.words)
            words.append(w);
        extractor.prepare(words, info);
        model.tag(extractor, info, labels);
        const auto gold = NerBench::chunks(s.labels);
        const auto pred = NerBench::chunks(labels);
        auto &byKind = counts[s.corpus];
        for (const auto &g : gold) {
            if (std::find(pred.begin(), pred.end(), g) != pred.end())
                ++byKind[int(g.kind)].tp;
            else
                ++byKind[int(g.kind)].fn;
        }
        for (const auto &p : pred) {
            if (std::find(gold.begin(), gold.end(), p) == gold.end())
                ++byKind[int(p.kind)].fp;
        }
    }
    out << "held-out evaluation, exact span + type; columns: precision recall F1\n";
    QMap<int, Counts> total;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        out << "== " << it.key() << '\n';
        Counts micro;
        for (Kind k : {Kind::Per, Kind::Org, Kind::Loc}) {
            const Counts c = it.value().value(int(k));
            out << row(QString::fromUtf16(kindName(k)), c) << '\n';
            micro.add(c);
            total[int(k)].add(c);
        }
        out << row(u"micro PER/ORG/LOC"_s, micro) << '\n';
    }
    out << "== all held-out\n";
    Counts micro;
    for (Kind k : {Kind::Per, Kind::Org, Kind::Loc}) {
        out << row(QString::fromUtf16(kindName(k)), total[int(k)]) << '\n';
        micro.add(total[int(k)]);
    }
    out << row(u"micro PER/ORG/LOC"_s, micro) << '\n';
    return 0;
}
