// SPDX-License-Identifier: GPL-3.0-or-later
// Throughput of FigureExtractor on generated wire-style text, and a dump mode for checking real
// stories by hand:
//   bench_figures [MEGABYTES]     time extract() on about MEGABYTES of generated text (default 8)
//   bench_figures --dump FILE...  print every figure found in FILE as tab-separated values
#include "analysis/FigureExtractor.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QStringList>
#include <QTextStream>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

// Sentences written for the benchmark in the register of wire copy; about half carry figures.
const QStringList &sentences()
{
    static const QStringList s {
        u"At least 1,250 people have been killed since the storm reached the coast on Nov. 3, officials said."_s,
        u"The ministry says more than 300 homes were destroyed and 4,800 displaced, according to the regional governor’s office."_s,
        u"The company reported a net profit of $2.5 billion for the quarter, up 12.5 per cent from a year earlier."_s,
        u"Turnout was about 61% in the capital, where some 2.1 million voters are registered."_s,
        u"The minister met her counterpart in the afternoon and the two discussed trade, energy and migration."_s,
        u"“We will not give up,” she told reporters outside the court on Thursday."_s,
        u"Police arrested 42 protesters and fined dozens more, a spokesman said."_s,
        u"The bank raised its key rate by 50 basis points to 4.25%, its highest level since 2008."_s,
        u"The fund will invest €40 million in rail and 2.3 billion crowns in local power grids."_s,
        u"Nine of the 15 members voted in favour; the draft needs at least nine votes and no veto."_s,
        u"Rescue teams worked through the night to reach villages cut off by landslides."_s,
        u"Tens of thousands of people marched through the city, and hundreds were detained."_s,
    };
    return s;
}

int dump(const QStringList &files)
{
    QTextStream out(stdout);
    int rc = 0;
    for (const QString &path : files) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "cannot open %s\n", qPrintable(path));
            rc = 1;
            continue;
        }
        const QString body = QString::fromUtf8(file.readAll());
        out << "# " << path << "\n";
        for (const Lede::Figure &f : Lede::FigureExtractor::extract(body, {})) {
            out << f.span.start << '\t' << f.span.end << '\t' << f.text << '\t'
                << QString::number(f.value, 'g', 12) << '\t' << f.unit << '\t' << f.qualifier << '\t'
                << f.attributedTo << "\n";
        }
    }
    return rc;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    if (!args.isEmpty() && args.first() == u"--dump"_s)
        return dump(args.mid(1));

    const double megabytes = args.isEmpty() ? 8.0 : args.first().toDouble();
    QRandomGenerator rng(7);
    QString body;
    const qsizetype target = qsizetype(megabytes * 1e6);
    qsizetype bytes = 0;
    int sentenceCount = 0;
    while (bytes < target) {
        const QString &s = sentences().at(rng.bounded(int(sentences().size())));
        body += s;
        body += (++sentenceCount % 5 == 0) ? u"\n\n"_s : u" "_s;
        bytes += s.toUtf8().size() + 1;
    }
    const qsizetype utf8Bytes = body.toUtf8().size();

    QElapsedTimer timer;
    timer.start();
    const QList<Lede::Figure> figures = Lede::FigureExtractor::extract(body, {});
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    std::printf("figures: %lld over %.2f MB (UTF-8) in %.3f s = %.1f MB/s\n",
                static_cast<long long>(figures.size()), double(utf8Bytes) / 1e6, seconds,
                double(utf8Bytes) / 1e6 / seconds);
    return 0;
}
