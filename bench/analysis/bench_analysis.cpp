// SPDX-License-Identifier: GPL-3.0-or-later
// Analysis budget (issue: text analysis): >= 5 MB/s of article text on one core for the whole
// analysis, and the share of each pass. Text: COUNT generated wire-style articles of ~4 KB, parsed
// by the importer first (not timed), or the files given on the command line.
//
//   bench_analysis [COUNT | FILE...]
#include "../BenchCorpus.h"
#include "analysis/Analyzer.h"
#include "analysis/EntityRecognizer.h"
#include "analysis/FigureExtractor.h"
#include "analysis/QuoteDetector.h"
#include "analysis/SpeakerResolver.h"
#include "io/ArticleImporter.h"

#include <QCoreApplication>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Lede;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QList<Article> articles;
    qint64 bytes = 0;
    QStringList args = app.arguments().mid(1);
    bool isCount = false;
    const int count = args.value(0).toInt(&isCount);
    if (args.isEmpty() || isCount) {
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

    qint64 nsEntities = 0, nsQuotes = 0, nsSpeakers = 0, nsFigures = 0, nsAll = 0;
    qint64 quotes = 0, entities = 0, figures = 0;
    // Thread CPU time, not wall time: the budget is per core, and the machine may be shared.
    using LedeBench::threadCpuNs;
    for (const Article &a : std::as_const(articles)) {
        qint64 t = threadCpuNs();
        const QList<Entity> e = ner.recognize(a);
        nsEntities += threadCpuNs() - t;
        t = threadCpuNs();
        QList<Quote> q = QuoteDetector::detect(a.body);
        nsQuotes += threadCpuNs() - t;
        t = threadCpuNs();
        SpeakerResolver::resolve(a, q, e);
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
    std::printf("entities   %8.2f MB/s\nquotes     %8.2f MB/s\nspeakers   %8.2f MB/s\nfigures    %8.2f MB/s\n",
                mbps(nsEntities), mbps(nsQuotes), mbps(nsSpeakers), mbps(nsFigures));
    std::printf("whole analysis %6.2f MB/s of CPU time (budget 5 MB/s on one core); %.0f articles/s\n", mbps(nsAll),
                articles.size() / (nsAll / 1e9));
    std::printf("peak RSS %.0f MiB\n", LedeBench::peakRssMiB());
    return 0;
}
