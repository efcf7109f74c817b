// SPDX-License-Identifier: GPL-3.0-or-later
// Analysis budget (issue 9): >= 20 MB/s of real news text per core for the whole analysis, and the
// share of each pass. Text: COUNT generated wire-style articles of ~4 KB, real news articles built
// from the GUM sentences (bench/RealNews.h; never stored in the repository), or the files given on
// the command line. Every text is parsed by the importer first (not timed).
//
//   bench_analysis [COUNT | FILE...]
//   bench_analysis --real BYTES COUNT       COUNT real news articles of BYTES each
//   bench_analysis --scale                  cost of one 1 MB article against four 250 KB ones (budget
//                                           <= 1.3x) on real news and on name-dense text
//   bench_analysis --write DIR BYTES COUNT  write real news articles as DIR/NNNNN.txt for `lede
//                                           analyze` and `lede import` (not committed anywhere)
#include "../BenchCorpus.h"
#include "../RealNews.h"
#include "analysis/Analyzer.h"
#include "analysis/EntityRecognizer.h"
#include "analysis/FigureExtractor.h"
#include "analysis/QuoteDetector.h"
#include "analysis/SpeakerResolver.h"
#include "analysis/TokenStream.h"
#include "io/ArticleImporter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <algorithm>
#include <cstdio>
#include <cstdlib>

using namespace Qt::StringLiterals;
using namespace Lede;

namespace {

QList<QByteArray> realOrExit(qsizetype bytes, int count)
{
    const QList<QByteArray> texts = LedeBench::realArticles(LedeBench::loadRealNews(), bytes, count);
    if (texts.isEmpty()) {
        std::fprintf(stderr, "no real news under %s (set LEDE_REAL_NEWS)\n",
                     qPrintable(LedeBench::realNewsDir()));
        std::exit(1);
    }
    return texts;
}

Article parsed(const QByteArray &text)
{
    auto a = ArticleImporter::importData(text, u"a.txt"_s);
    if (!a) {
        std::fprintf(stderr, "import: %s\n", qPrintable(a.errorString()));
        std::exit(1);
    }
    return a->article;
}

// CPU seconds of the whole analysis of each article, best of `runs`.
double analysisSeconds(const QList<Article> &articles, int runs = 3)
{
    double best = 1e300;
    for (int r = 0; r < runs; ++r) {
        const qint64 t = LedeBench::threadCpuNs();
        for (const Article &a : articles)
            (void)Analyzer::analyze(a);
        best = std::min(best, (LedeBench::threadCpuNs() - t) / 1e9);
    }
    return best;
}

// One article of `text` repeated to `bytes` (paragraphs of `perParagraph` repetitions).
QByteArray repeated(const QByteArray &text, qsizetype bytes, int perParagraph = 20)
{
    QByteArray out = "Title\n\n";
    int n = 0;
    while (out.size() < bytes) {
        out += text;
        out += (++n % perParagraph == 0) ? "\n\n" : " ";
    }
    return out;
}

// Capitalised words only: a stress case for everything that compares names with names.
QByteArray capitalised(qsizetype bytes)
{
    static const char *const words[]
        = { "Harbour", "Norvik", "Arcwell", "Tessaly", "Brenton", "Coral",   "Mayor",
            "Delling", "Orrin",  "Velsa",   "Quarry",  "Union",   "Council", "Marlow" };
    QByteArray out = "Title\n\n";
    quint32 x = 12345;
    int n = 0;
    while (out.size() < bytes) {
        x = x * 1103515245u + 12345u;
        out += words[(x >> 16) % std::size(words)];
        out += (++n % 200 == 0) ? "\n\n" : " ";
    }
    return out;
}

int scale()
{
    struct Case
    {
        const char *name;
        QByteArray big;
        QList<QByteArray> parts;
    };
    QList<Case> cases;
    {
        const QList<QByteArray> real = realOrExit(250'000, 4);
        QByteArray big = real[0];
        for (int i = 1; i < 4; ++i)
            big += "\n" + real[i].mid(real[i].indexOf("\n\n") + 2);
        cases.append({ "real news", big, real });
    }
    const QByteArray said = R"("Yes," Mr. Smith said.)";
    cases.append({ "\"Yes,\" Mr. Smith said. repeated", repeated(said, 1'000'000),
                   QList<QByteArray>(4, repeated(said, 250'000)) });
    cases.append({ "the same, one paragraph", repeated(said, 1'000'000, 1 << 30),
                   QList<QByteArray>(4, repeated(said, 250'000, 1 << 30)) });
    cases.append({ "capitalised words", capitalised(1'000'000), QList<QByteArray>(4, capitalised(250'000)) });
    bool ok = true;
    for (const Case &c : std::as_const(cases)) {
        QList<Article> parts;
        for (const QByteArray &p : c.parts)
            parts.append(parsed(p));
        const double big = analysisSeconds({ parsed(c.big) }, 1);
        const double four = analysisSeconds(parts, 1);
        const double ratio = big / four;
        ok = ok && ratio <= 1.3;
        std::printf(
            "%-34s one %.2f MB article %.3f s; four %.2f MB articles %.3f s; ratio %.2fx (budget 1.3x)\n",
            c.name, c.big.size() / 1e6, big, c.parts.size() * c.parts[0].size() / 1e6, four, ratio);
    }
    return ok ? 0 : 2;
}

int writeCorpus(const QString &dir, qsizetype bytes, int count)
{
    QDir().mkpath(dir);
    const QList<QByteArray> texts = realOrExit(bytes, count);
    for (int i = 0; i < texts.size(); ++i) {
        QFile f(QDir(dir).filePath(QString::asprintf("%05d.txt", i)));
        if (!f.open(QIODevice::WriteOnly) || f.write(texts[i]) != texts[i].size()) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(f.fileName()));
            return 1;
        }
    }
    std::printf("%d articles of %lld bytes in %s\n", count, qint64(bytes), qPrintable(dir));
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QList<Article> articles;
    qint64 bytes = 0;
    QStringList args = app.arguments().mid(1);
    bool isCount = false;
    const int count = args.value(0).toInt(&isCount);
    if (args.value(0) == u"--scale"_s)
        return scale();
    if (args.value(0) == u"--write"_s && args.size() == 4)
        return writeCorpus(args[1], args[2].toLongLong(), args[3].toInt());
    if (args.value(0) == u"--real"_s && args.size() == 3) {
        for (const QByteArray &text : realOrExit(args[1].toLongLong(), args[2].toInt()))
            articles.append(parsed(text));
    } else if (args.isEmpty() || isCount) {
        for (int i = 0; i < (isCount ? count : 2000); ++i) {
            auto a = ArticleImporter::importData(LedeBench::wireArticle(quint32(i)).toUtf8(), u"a.txt"_s);
            if (!a)
                return 1;
            articles.append(a->article);
        }
    } else {
        for (const QString &file : args) {
            auto a = ArticleImporter::importFile(file);
            if (!a) {
                std::fprintf(stderr, "%s: %s\n", qPrintable(file), qPrintable(a.errorString()));
                return 1;
            }
            articles.append(a->article);
        }
    }
    for (const Article &a : std::as_const(articles))
        bytes += a.body.toUtf8().size();

    QElapsedTimer load;
    load.start();
    const EntityRecognizer &ner = EntityRecognizer::shared();
    const double loadMs = load.nsecsElapsed() / 1e6;
    const double rssAfterLoad = LedeBench::currentRssMiB();

    qint64 nsTokens = 0, nsEntities = 0, nsQuotes = 0, nsSpeakers = 0, nsFigures = 0, nsAll = 0;
    qint64 quotes = 0, entities = 0, figures = 0;
    // Thread CPU time, not wall time: the budget is per core, and the machine may be shared.
    using LedeBench::threadCpuNs;
    for (const Article &a : std::as_const(articles)) {
        // The passes as Analyzer runs them: one token stream that entities and speakers read.
        qint64 t = threadCpuNs();
        const TokenStream tokens(a.body);
        nsTokens += threadCpuNs() - t;
        t = threadCpuNs();
        const QList<Entity> e = ner.recognize(a, tokens);
        nsEntities += threadCpuNs() - t;
        t = threadCpuNs();
        QList<Quote> q = QuoteDetector::detect(a.body);
        nsQuotes += threadCpuNs() - t;
        t = threadCpuNs();
        SpeakerResolver::resolve(a, tokens, q, e);
        nsSpeakers += threadCpuNs() - t;
        t = threadCpuNs();
        const QList<Figure> f = FigureExtractor::extract(a.body, e);
        nsFigures += threadCpuNs() - t;
        t = threadCpuNs();
        const AnalysisResult all = Analyzer::analyze(a);
        nsAll += threadCpuNs() - t;
        quotes += all.quotes.size();
        entities += all.entities.size();
        figures += all.figures.size();
    }
    auto mbps = [bytes](qint64 ns) { return ns > 0 ? bytes / 1e6 / (ns / 1e9) : 0.0; };
    std::printf("%lld articles, %.2f MB of body text; %lld quotes, %lld entities, %lld figures\n",
                qint64(articles.size()), bytes / 1e6, quotes, entities, figures);
    std::printf("model load %.1f ms; RSS after load %.0f MiB\n", loadMs, rssAfterLoad);
    std::printf("tokens     %8.2f MB/s\nentities   %8.2f MB/s\nquotes     %8.2f MB/s\nspeakers   %8.2f "
                "MB/s\nfigures    %8.2f MB/s\n",
                mbps(nsTokens), mbps(nsEntities), mbps(nsQuotes), mbps(nsSpeakers), mbps(nsFigures));
    std::printf(
        "whole analysis %6.2f MB/s of CPU time (budget 20 MB/s on one core on real news); %.0f articles/s\n",
        mbps(nsAll), articles.size() / (nsAll / 1e9));
    std::printf("peak RSS %.0f MiB\n", LedeBench::peakRssMiB());
    return 0;
}
