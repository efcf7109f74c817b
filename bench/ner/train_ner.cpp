// SPDX-License-Identifier: GPL-3.0-or-later
// Trains Lede's entity tagger (averaged perceptron, greedy BIO decoding) and writes the model file.
// Usage: train_ner DATA_DIR OUT_MODEL [--epochs N] [--wordnet DIR] [--prune W] [--seed N] [--ensemble N]
//        train_ner --convert-v1 OLD_MODEL NEW_MODEL   (a model of the first, compressed format)
// See bench/ner/README.md.

#include "NerCorpus.h"
#include "analysis/Gazetteer.h"
#include "analysis/NerFeatures.h"
#include "analysis/Perceptron.h"
#include "analysis/Tokenizer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSaveFile>
#include <QTextStream>
#include <QtEndian>
#include <algorithm>
#include <cmath>
#include <cstring>
#include <random>
#include <unordered_map>

using namespace Qt::StringLiterals;
using namespace Lede;
using namespace Lede::Ner;

namespace {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

// Tokenises a WordNet lemma ("Tel_Aviv") the way the tagger tokenises text.
QString normalisePhrase(QString lemma)
{
    lemma.replace(u'_', u' ');
    const qsizetype paren = lemma.indexOf(u'(');
    if (paren > 0)
        lemma.truncate(paren); // adjective markers such as "(a)"
    QStringList words;
    for (const Token &t : Tokenizer::tokenize(lemma))
        words.append(t.text);
    return words.join(u' ');
}

// WordNet instance nouns by lexicographer file: 18 noun.person, 15 noun.location, 14 noun.group
// (organisations). Pertainym adjectives (file 01, adj.pert) that are capitalised are nationalities
// and place adjectives ("Israeli", "Jordanian").
bool readWordNet(const QString &dir, Gazetteer &gaz, QString *error)
{
    QHash<QString, quint8> classes;
    auto addPhrase = [&](const QString &lemma, GazClass c) {
        const QString p = normalisePhrase(lemma);
        if (p.isEmpty() || !p[0].isUpper())
            return;
        classes[p] |= quint8(1u << c);
    };
    {
        QFile f(dir + u"/data.noun"_s);
        if (!f.open(QIODevice::ReadOnly)) {
            *error = u"cannot read %1 (install wordnet-base)"_s.arg(f.fileName());
            return false;
        }
        while (!f.atEnd()) {
            const QString line = QString::fromUtf8(f.readLine());
            if (line.startsWith(u' '))
                continue; // license header
            const QStringList f2 = line.section(u'|', 0, 0).split(u' ', Qt::SkipEmptyParts);
            if (f2.size() < 5)
                continue;
            const int lexFile = f2[1].toInt();
            const int wordCount = f2[3].toInt(nullptr, 16);
            if (!f2.contains(u"@i"_s))
                continue;
            GazClass c;
            if (lexFile == 18)
                c = GazPer;
            else if (lexFile == 15)
                c = GazLoc;
            else if (lexFile == 14)
                c = GazOrg;
            else
                continue;
            for (int w = 0; w < wordCount && 4 + 2 * w < f2.size(); ++w) {
                const QString lemma = f2[4 + 2 * w];
                addPhrase(lemma, c);
                if (c == GazPer && lemma.contains(u'_')) {
                    const QStringList parts = lemma.split(u'_');
                    addPhrase(parts.first(), GazPerFirst);
                    addPhrase(parts.last(), GazPerLast);
                }
            }
        }
    }
    {
        QFile f(dir + u"/data.adj"_s);
        if (!f.open(QIODevice::ReadOnly)) {
            *error = u"cannot read %1"_s.arg(f.fileName());
            return false;
        }
        while (!f.atEnd()) {
            const QString line = QString::fromUtf8(f.readLine());
            if (line.startsWith(u' '))
                continue;
            const QStringList f2 = line.section(u'|', 0, 0).split(u' ', Qt::SkipEmptyParts);
            if (f2.size() < 5 || f2[1].toInt() != 1)
                continue;
            const int wordCount = f2[3].toInt(nullptr, 16);
            for (int w = 0; w < wordCount && 4 + 2 * w < f2.size(); ++w)
                addPhrase(f2[4 + 2 * w], GazNat);
        }
    }
    QStringList phrases = classes.keys();
    phrases.sort();
    for (const QString &p : phrases)
        gaz.add(p, classes.value(p));
    return true;
}

// Lede's own lists (bench/ner/lists): news organisations replace whatever WordNet said about the
// phrase ("White House" is a building there); countries and capitals add LOC.
bool readLists(const QString &dir, Gazetteer &gaz, QString *error)
{
    QHash<QString, quint8> classes;
    for (const Gazetteer::Entry &e : gaz.entries())
        classes[e.phrase] |= e.classes;
    const struct
    {
        const char16_t *file;
        quint8 classes;
        bool replace;
    } lists[] = { { u"news-orgs.txt", quint8(1u << GazOrg), true },
                  { u"countries.txt", quint8((1u << GazLoc) | (1u << GazCountry)), false },
                  { u"capitals.txt", quint8(1u << GazLoc), false } };
    for (const auto &l : lists) {
        QFile f(dir + u'/' + QString::fromUtf16(l.file));
        if (!f.open(QIODevice::ReadOnly | QIODevice::Text)) {
            *error = u"cannot read %1"_s.arg(f.fileName());
            return false;
        }
        while (!f.atEnd()) {
            const QString line = QString::fromUtf8(f.readLine()).trimmed();
            if (line.isEmpty() || line.startsWith(u'#'))
                continue;
            const QString p = normalisePhrase(line);
            classes[p] = l.replace ? l.classes : quint8(classes.value(p) | l.classes);
        }
    }
    gaz.clear();
    QStringList phrases = classes.keys();
    phrases.sort();
    for (const QString &p : phrases)
        gaz.add(p, classes.value(p));
    return true;
}

struct Weights
{
    std::array<float, LabelCount> w {};
    std::array<double, LabelCount> u {}; // sum of c * update, for averaging
};

// Reads a model in the first file format ("LEDENER1": header, then qCompress()ed rows and
// gazetteer phrases) and writes it in the current mapped format, unchanged in content.
int convertV1(const QString &from, const QString &to)
{
    QFile in(from);
    if (!in.open(QIODevice::ReadOnly)) {
        QTextStream(stderr) << "cannot read " << from << '\n';
        return 1;
    }
    const QByteArray file = in.readAll();
    constexpr qsizetype headerSize = 8 + 4 * 4 + 4;
    if (file.size() < headerSize || !file.startsWith("LEDENER1")) {
        QTextStream(stderr) << from << " is not a version 1 model\n";
        return 1;
    }
    const char *h = file.constData() + 8;
    const quint32 rowCount = qFromLittleEndian<quint32>(h + 8);
    const quint32 gazCount = qFromLittleEndian<quint32>(h + 12);
    const quint32 scaleBits = qFromLittleEndian<quint32>(h + 16);
    if (qFromLittleEndian<quint32>(h) != kFeatureVersion || qFromLittleEndian<quint32>(h + 4) != LabelCount) {
        QTextStream(stderr) << from << " has another feature version or label count\n";
        return 1;
    }
    float scale;
    std::memcpy(&scale, &scaleBits, 4);
    const QByteArray payload = qUncompress(QByteArrayView(file).sliced(headerSize).toByteArray());
    constexpr qsizetype rowSize = 4 + 2 * LabelCount;
    if (payload.size() < qsizetype(rowCount) * rowSize) {
        QTextStream(stderr) << from << " is truncated\n";
        return 1;
    }
    std::vector<PerceptronModel::Row> rows(rowCount);
    const char *p = payload.constData();
    for (quint32 i = 0; i < rowCount; ++i, p += rowSize) {
        rows[i].key = qFromLittleEndian<quint32>(p);
        for (int l = 0; l < LabelCount; ++l)
            rows[i].weights[size_t(l)] = qint16(qFromLittleEndian<quint16>(p + 4 + 2 * l));
    }
    Gazetteer gaz;
    const char *end = payload.constData() + payload.size();
    for (quint32 i = 0; i < gazCount && end - p >= 3; ++i) {
        const quint8 classes = quint8(*p);
        const quint16 len = qFromLittleEndian<quint16>(p + 1);
        p += 3;
        if (end - p < len)
            break;
        gaz.add(QString::fromUtf8(p, len), classes);
        p += len;
    }
    const QByteArray data = PerceptronModel::serialize(rows, scale, gaz);
    QSaveFile out(to);
    if (!out.open(QIODevice::WriteOnly) || out.write(data) != data.size() || !out.commit()) {
        QTextStream(stderr) << "cannot write " << to << '\n';
        return 1;
    }
    QTextStream(stdout) << "wrote " << to << ": " << rowCount << " features, " << gaz.size() << " phrases, "
                        << data.size() << " bytes\n";
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc == 4 && QByteArrayView(argv[1]) == "--convert-v1")
        return convertV1(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]));
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Train Lede's named-entity tagger"_s);
    parser.addHelpOption();
    parser.addPositionalArgument(u"data"_s, u"the ner-data folder"_s);
    parser.addPositionalArgument(u"model"_s, u"output model file (resources/models/ner-en.bin)"_s);
    const QCommandLineOption epochsOpt(u"epochs"_s, u"training epochs (default 8)"_s, u"n"_s, u"8"_s);
    const QCommandLineOption wordnetOpt(u"wordnet"_s, u"WordNet dict folder"_s, u"dir"_s,
                                        u"/usr/share/wordnet"_s);
    const QCommandLineOption pruneOpt(u"prune"_s, u"drop features whose averaged weights are all below W"_s,
                                      u"w"_s, u"0.05"_s);
    const QCommandLineOption skipOpt(
        u"skip"_s, u"comma-separated corpora not to train on (btc, wnut17, ...)"_s, u"names"_s);
    const QCommandLineOption listsOpt(u"lists"_s, u"Lede's phrase lists"_s, u"dir"_s,
                                      QStringLiteral(LEDE_NER_LISTS_DIR));
    const QCommandLineOption gumOpt(
        u"gum-bio"_s, u"also train on GUM's train split, as written by bench/gum/gum_ner.py"_s, u"file"_s);
    const QCommandLineOption gumRepeatOpt(
        u"gum-repeat"_s, u"train on the --gum-bio sentences N times per epoch (default 1)"_s, u"n"_s, u"1"_s);
    const QCommandLineOption seedOpt(u"seed"_s, u"shuffle seed (default 20231110, the shipped model)"_s,
                                     u"n"_s, u"20231110"_s);
    const QCommandLineOption ensembleOpt(
        u"ensemble"_s, u"average the weights of N runs with seeds seed..seed+N-1"_s, u"n"_s, u"1"_s);
    parser.addOptions(
        { epochsOpt, wordnetOpt, pruneOpt, skipOpt, listsOpt, gumOpt, gumRepeatOpt, seedOpt, ensembleOpt });
    parser.process(app);
    if (parser.positionalArguments().size() != 2)
        parser.showHelp(2);
    const QString dataDir = parser.positionalArguments().at(0);
    const QString modelPath = parser.positionalArguments().at(1);
    const int epochs = parser.value(epochsOpt).toInt();
    const float prune = parser.value(pruneOpt).toFloat();

    QElapsedTimer timer;
    timer.start();
    QString error;
    Gazetteer gaz;
    if (!readWordNet(parser.value(wordnetOpt), gaz, &error)
        || !readLists(parser.value(listsOpt), gaz, &error)) {
        QTextStream(stderr) << error << '\n';
        return 1;
    }
    NerBench::Corpus corpus;
    if (!NerBench::readCorpora(dataDir, corpus, &error)) {
        QTextStream(stderr) << error << '\n';
        return 1;
    }
    // GUM is real news and other edited prose, closer to Lede's input than tweets and web text:
    // repeating it weighs it more (--gum-repeat 3 is the shipped model, see bench/ner/README.md).
    for (int r = 0; parser.isSet(gumOpt) && r < std::max(1, parser.value(gumRepeatOpt).toInt()); ++r) {
        if (!NerBench::readGumBio(parser.value(gumOpt), corpus.train, &error)) {
            QTextStream(stderr) << error << '\n';
            return 1;
        }
    }
    if (parser.isSet(skipOpt)) {
        const QStringList skip = parser.value(skipOpt).split(u',', Qt::SkipEmptyParts);
        std::erase_if(corpus.train, [&](const NerBench::Sentence &s) { return skip.contains(s.corpus); });
    }
    out() << "gazetteer: " << gaz.size() << " phrases; sentences: " << corpus.train.size() << " train, "
          << corpus.heldOut.size() << " held out\n";
    out().flush();

    const FeatureExtractor extractor(&gaz);
    // Prepare token info once; it does not depend on the weights.
    std::vector<std::vector<TokenInfo>> infos(corpus.train.size());
    for (size_t s = 0; s < corpus.train.size(); ++s) {
        QList<QStringView> words;
        for (const QString &w : corpus.train[s].words)
            words.append(w);
        extractor.prepare(words, infos[s]);
    }

    // --ensemble N trains N perceptrons on N shuffles (seed, seed + 1, ...) and averages their
    // averaged weights: one run's result depends a lot on the order of the sentences.
    const int runs = std::max(1, parser.value(ensembleOpt).toInt());
    std::unordered_map<quint32, std::array<double, LabelCount>> sum;
    for (int run = 0; run < runs; ++run) {
        std::unordered_map<quint32, Weights> weights;
        weights.reserve(2'000'000);
        std::vector<size_t> order(corpus.train.size());
        for (size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        std::mt19937 rng(parser.value(seedOpt).toUInt() + quint32(run));
        double c = 1;
        FeatureKeys keys;
        for (int epoch = 0; epoch < epochs; ++epoch) {
            std::shuffle(order.begin(), order.end(), rng);
            qint64 errors = 0;
            qint64 scored = 0;
            for (size_t s : order) {
                const auto &info = infos[s];
                const auto &gold = corpus.train[s].labels;
                int prev = O;
                int prev2 = O;
                for (int i = 0; i < int(info.size()); ++i, c += 1) {
                    int pred = O;
                    if (!FeatureExtractor::skip(info[size_t(i)], prev)) {
                        const int count = extractor.features(info, i, prev, prev2, keys);
                        std::array<float, LabelCount> scores {};
                        for (int f = 0; f < count; ++f) {
                            const auto it = weights.find(keys[size_t(f)]);
                            if (it == weights.end())
                                continue;
                            for (int l = 0; l < LabelCount; ++l)
                                scores[size_t(l)] += it->second.w[size_t(l)];
                        }
                        float best = -1e30f;
                        for (int l = 0; l < LabelCount; ++l) {
                            if (allowedAfter(prev, l) && scores[size_t(l)] > best) {
                                best = scores[size_t(l)];
                                pred = l;
                            }
                        }
                        const int g = gold[size_t(i)];
                        ++scored;
                        if (pred != g && allowedAfter(prev, g)) {
                            ++errors;
                            for (int f = 0; f < count; ++f) {
                                Weights &wt = weights[keys[size_t(f)]];
                                wt.w[size_t(g)] += 1;
                                wt.u[size_t(g)] += c;
                                wt.w[size_t(pred)] -= 1;
                                wt.u[size_t(pred)] -= c;
                            }
                        }
                    }
                    prev2 = prev;
                    prev = pred;
                }
            }
            out() << "run " << run + 1 << " epoch " << epoch + 1 << ": " << errors << " errors / " << scored
                  << " scored tokens, " << weights.size() << " features, " << timer.elapsed() / 1000.0
                  << " s\n";
            out().flush();
        }
        for (const auto &[key, wt] : weights) {
            std::array<double, LabelCount> &acc = sum[key];
            for (int l = 0; l < LabelCount; ++l)
                acc[size_t(l)] += double(wt.w[size_t(l)]) - wt.u[size_t(l)] / c;
        }
    }

    // Average, prune and quantise.
    std::vector<std::pair<quint32, std::array<float, LabelCount>>> averaged;
    float maxAbs = 0;
    for (const auto &[key, acc] : sum) {
        std::array<float, LabelCount> a {};
        float m = 0;
        for (int l = 0; l < LabelCount; ++l) {
            a[size_t(l)] = float(acc[size_t(l)] / runs);
            m = std::max(m, std::abs(a[size_t(l)]));
        }
        if (m < prune)
            continue;
        maxAbs = std::max(maxAbs, m);
        averaged.emplace_back(key, a);
    }
    std::sort(averaged.begin(), averaged.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    const float scale = maxAbs / 32000.0f;
    std::vector<PerceptronModel::Row> rows;
    rows.reserve(averaged.size());
    for (const auto &[key, a] : averaged) {
        PerceptronModel::Row r;
        r.key = key;
        bool any = false;
        for (int l = 0; l < LabelCount; ++l) {
            r.weights[size_t(l)] = qint16(std::lround(a[size_t(l)] / scale));
            any = any || r.weights[size_t(l)] != 0;
        }
        if (any)
            rows.push_back(r);
    }
    const QByteArray data = PerceptronModel::serialize(rows, scale, gaz);
    QSaveFile file(modelPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        QTextStream(stderr) << "cannot write " << modelPath << ": " << file.errorString() << '\n';
        return 1;
    }
    out() << "wrote " << modelPath << ": " << rows.size() << " features (of " << sum.size() << "), "
          << data.size() << " bytes, " << timer.elapsed() / 1000.0 << " s\n";
    return 0;
}
