// SPDX-License-Identifier: GPL-3.0-or-later
// Evaluates the entity tagger on the fixed held-out split (bench/ner/README.md): exact span + type
// precision, recall and F1 per type, per corpus, and micro-averaged over PER/ORG/LOC.
// With --news DIR it also runs the full EntityRecognizer::recognize() (importer blocks, rules,
// document-level pass) over the hand-written wire-style gold articles DIR/news-*.txt.
// Usage: eval_ner DATA_DIR [MODEL] [--news DIR] [--errors]
//   (MODEL defaults to the compiled-in :/lede/models/ner-en.bin)
//        eval_ner --analyze MODEL FILE...
//   imports each FILE like `lede analyze` and prints {"articles": [...]} in the analyze --json
//   schema with only "entities" filled, recognised with MODEL: the end-to-end entity evaluation
//   of a model that is not compiled in (bench/gum/eval_entities.py --model).

#include "NerCorpus.h"
#include "analysis/EntityRecognizer.h"
#include "analysis/Perceptron.h"
#include "io/ArticleImporter.h"
#include "io/JsonExporter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QRegularExpression>
#include <QTextStream>
#include <set>
#include <tuple>

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
    case Kind::Per:
        return u"PER";
    case Kind::Org:
        return u"ORG";
    case Kind::Loc:
        return u"LOC";
    case Kind::Misc:
        return u"MISC";
    case Kind::None:
        break;
    }
    return u"O";
}

Kind kindOf(Entity::Type t)
{
    switch (t) {
    case Entity::Type::Person:
        return Kind::Per;
    case Entity::Type::Org:
        return Kind::Org;
    case Entity::Type::Loc:
        return Kind::Loc;
    default:
        break;
    }
    return Kind::None;
}

struct GoldSpan
{
    qsizetype start;
    qsizetype end;
    Kind kind;
    friend bool operator<(const GoldSpan &a, const GoldSpan &b)
    {
        return std::tie(a.start, a.end, a.kind) < std::tie(b.start, b.end, b.kind);
    }
};

// --errors on the held-out split: every error counted by kind. A missed gold chunk is a type
// confusion (a found chunk with its exact span and another type), a boundary error (an overlapping
// found chunk of its type; "+the"/"+title"/"+'s" when the found chunk has that word more), an
// overlapping chunk of another type, or a plain miss (sentence-initial, all caps or other); a found
// chunk that overlaps no gold chunk is a false positive (same sub-kinds).
void classifyErrors(const NerBench::Sentence &s, const std::vector<NerBench::Chunk> &gold,
                    const std::vector<NerBench::Chunk> &pred, QMap<QString, int> &kinds)
{
    auto overlaps = [](const NerBench::Chunk &a, const NerBench::Chunk &b) {
        return a.start < b.end && b.start < a.end;
    };
    auto name = [](Kind k) { return QString::fromUtf16(kindName(k)); };
    auto where = [&](const NerBench::Chunk &c) {
        bool caps = true;
        for (int i = c.start; i < c.end; ++i)
            caps = caps && s.words[i] == s.words[i].toUpper() && s.words[i].size() > 1;
        if (caps)
            return u"all caps/acronym"_s;
        return c.start == 0 ? u"sentence start"_s : u"other"_s;
    };
    for (const auto &g : gold) {
        if (std::find(pred.begin(), pred.end(), g) != pred.end())
            continue;
        QString kind;
        for (const auto &p : pred) {
            if (p.start == g.start && p.end == g.end) {
                kind = u"type %1 as %2"_s.arg(name(g.kind), name(p.kind));
                break;
            }
            if (overlaps(p, g)) {
                QString extra;
                if (p.start < g.start) {
                    const QString w = s.words[p.start].toLower();
                    extra = w == u"the" ? u" (+the)"_s : u" (+word before)"_s;
                } else if (p.end > g.end) {
                    extra = s.words[g.end] == u"'s" ? u" (+'s)"_s : u" (+word after)"_s;
                } else {
                    extra = u" (too short)"_s;
                }
                kind = p.kind == g.kind ? u"boundary %1%2"_s.arg(name(g.kind), extra)
                                        : u"boundary+type %1 as %2"_s.arg(name(g.kind), name(p.kind));
                break;
            }
        }
        if (kind.isEmpty())
            kind = u"missed %1 (%2)"_s.arg(name(g.kind), where(g));
        ++kinds[kind];
    }
    for (const auto &p : pred) {
        if (std::any_of(gold.begin(), gold.end(), [&](const auto &g) { return overlaps(p, g); }))
            continue;
        ++kinds[u"false %1 (%2)"_s.arg(name(p.kind), where(p))];
    }
}

// Gold articles mark entities inline: "[PER Maria Delgado] said". The marks are removed, the plain
// text goes through ArticleImporter (title line, byline, dateline and credit blocks) and
// EntityRecognizer; spans are compared in body coordinates. The title line is not annotated.
bool evalNews(const QString &dir, const EntityRecognizer &recognizer, bool showErrors, QTextStream &out)
{
    const QStringList files = QDir(dir).entryList({ u"news-*.txt"_s }, QDir::Files, QDir::Name);
    if (files.isEmpty()) {
        QTextStream(stderr) << "no news-*.txt under " << dir << '\n';
        return false;
    }
    static const QRegularExpression mark(u"\\[(PER|ORG|LOC) ([^\\]]+)\\]"_s);
    QMap<int, Counts> byKind;
    for (const QString &name : files) {
        QFile f(QDir(dir).filePath(name));
        if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
            return false;
        const QString marked = QString::fromUtf8(f.readAll());
        QString raw;
        std::vector<GoldSpan> gold;
        qsizetype pos = 0;
        for (auto it = mark.globalMatch(marked); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            raw += QStringView(marked).sliced(pos, m.capturedStart() - pos);
            const QString type = m.captured(1);
            const Kind k = type == u"PER" ? Kind::Per : type == u"ORG" ? Kind::Org : Kind::Loc;
            gold.push_back({ raw.size(), raw.size() + m.capturedLength(2), k });
            raw += m.captured(2);
            pos = m.capturedEnd();
        }
        raw += QStringView(marked).sliced(pos);
        auto imported = ArticleImporter::importData(raw.toUtf8(), name);
        if (!imported) {
            QTextStream(stderr) << name << ": import failed\n";
            return false;
        }
        const Article &article = imported.value().article;
        const qsizetype offset = raw.indexOf(article.body);
        if (offset < 0) {
            QTextStream(stderr) << name << ": body is not a substring of the file\n";
            return false;
        }
        std::set<GoldSpan> goldSet, predSet;
        for (const GoldSpan &g : gold) {
            if (g.start >= offset)
                goldSet.insert({ g.start - offset, g.end - offset, g.kind });
        }
        for (const Entity &e : recognizer.recognize(article)) {
            const Kind k = kindOf(e.type);
            if (k != Kind::None)
                predSet.insert({ e.span.start, e.span.end, k });
        }
        for (const GoldSpan &g : goldSet) {
            if (predSet.count(g)) {
                ++byKind[int(g.kind)].tp;
            } else {
                ++byKind[int(g.kind)].fn;
                if (showErrors)
                    out << name << "  missed " << QString::fromUtf16(kindName(g.kind)) << ' '
                        << article.body.mid(g.start, g.end - g.start) << '\n';
            }
        }
        for (const GoldSpan &p : predSet) {
            if (!goldSet.count(p)) {
                ++byKind[int(p.kind)].fp;
                if (showErrors)
                    out << name << "  extra  " << QString::fromUtf16(kindName(p.kind)) << ' '
                        << article.body.mid(p.start, p.end - p.start) << '\n';
            }
        }
    }
    out << "== news gold (" << files.size() << " articles, full recognize())\n";
    Counts micro;
    for (Kind k : { Kind::Per, Kind::Org, Kind::Loc }) {
        out << row(QString::fromUtf16(kindName(k)), byKind.value(int(k))) << '\n';
        micro.add(byKind.value(int(k)));
    }
    out << row(u"micro PER/ORG/LOC"_s, micro) << '\n';
    return true;
}

// `--analyze MODEL FILE...`: entities of each file, as `lede analyze --json` would print them with
// MODEL in place of the compiled-in model.
int analyzeFiles(const QString &modelPath, const QStringList &files)
{
    QFile f(modelPath);
    if (!f.open(QIODevice::ReadOnly)) {
        QTextStream(stderr) << "cannot read " << modelPath << '\n';
        return 1;
    }
    const EntityRecognizer recognizer(f.readAll());
    QJsonArray articles;
    int status = 0;
    for (const QString &file : files) {
        auto imported = ArticleImporter::importFile(file);
        if (!imported) {
            QTextStream(stderr) << file << ": " << imported.errorString() << '\n';
            status = 1;
            continue;
        }
        const Article &article = imported.value().article;
        AnalysisResult analysis;
        analysis.entities = recognizer.recognize(article);
        articles.append(JsonExporter::articleObject(article, analysis));
    }
    QTextStream(stdout)
        << QJsonDocument(QJsonObject { { u"articles"_s, articles } }).toJson(QJsonDocument::Compact) << '\n';
    return status;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QStringList args = app.arguments();
    if (args.size() >= 3 && args[1] == u"--analyze")
        return analyzeFiles(args[2], args.mid(3));
    QString newsDir;
    bool showErrors = false;
    for (qsizetype i = 1; i < args.size();) {
        if (args[i] == u"--news" && i + 1 < args.size()) {
            newsDir = args[i + 1];
            args.remove(i, 2);
        } else if (args[i] == u"--errors") {
            showErrors = true;
            args.remove(i);
        } else {
            ++i;
        }
    }
    if (args.size() < 2) {
        QTextStream(stderr) << "usage: eval_ner DATA_DIR [MODEL] [--news DIR] [--errors]\n";
        return 2;
    }
    const QString modelPath = args.size() > 2 ? args[2] : u":/lede/models/ner-en.bin"_s;
    QFile f(modelPath);
    if (!f.open(QIODevice::ReadOnly)) {
        QTextStream(stderr) << "cannot read " << modelPath << '\n';
        return 1;
    }
    const QByteArray modelData = f.readAll();
    PerceptronModel model;
    QString error;
    if (!model.load(modelData, &error)) {
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
    QMap<QString, int> kinds; // error kind -> count (--errors)
    for (const NerBench::Sentence &s : corpus.heldOut) {
        QList<QStringView> words;
        for (const QString &w : s.words)
            words.append(w);
        extractor.prepare(words, info);
        model.tag(extractor, info, labels);
        const auto gold = NerBench::chunks(s.labels);
        const auto pred = NerBench::chunks(labels);
        auto &byKind = counts[s.corpus];
        if (showErrors)
            classifyErrors(s, gold, pred, kinds);
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
        for (Kind k : { Kind::Per, Kind::Org, Kind::Loc }) {
            const Counts c = it.value().value(int(k));
            out << row(QString::fromUtf16(kindName(k)), c) << '\n';
            micro.add(c);
            total[int(k)].add(c);
        }
        out << row(u"micro PER/ORG/LOC"_s, micro) << '\n';
    }
    if (showErrors) {
        out << "errors by kind (held-out, all corpora)\n";
        for (auto it = kinds.cbegin(); it != kinds.cend(); ++it)
            out << "  " << it.key() << ": " << it.value() << '\n';
    }
    out << "== all held-out\n";
    Counts micro;
    for (Kind k : { Kind::Per, Kind::Org, Kind::Loc }) {
        out << row(QString::fromUtf16(kindName(k)), total[int(k)]) << '\n';
        micro.add(total[int(k)]);
    }
    out << row(u"micro PER/ORG/LOC"_s, micro) << '\n';
    if (!newsDir.isEmpty()) {
        const EntityRecognizer recognizer(modelData);
        if (!evalNews(newsDir, recognizer, showErrors, out))
            return 1;
    }
    return 0;
}
