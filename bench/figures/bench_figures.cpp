// SPDX-License-Identifier: GPL-3.0-or-later
// Throughput of FigureExtractor on generated wire-style text, and a dump mode for checking real
// stories by hand:
//   bench_figures [MEGABYTES]     time extract() on about MEGABYTES of generated text (default 8)
//   bench_figures --dump FILE...  print every figure found in FILE as tab-separated values
//   bench_figures --eval GOLD     compare with a gold file (see gold.tsv): precision, recall, fields
#include "analysis/FigureExtractor.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QStringList>
#include <QTextStream>
#include <algorithm>
#include <cstdio>
#include <ctime>

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

struct GoldFigure
{
    QString text;
    double value = 0;
    QString unit;
    QString qualifier;
    QString attributedTo;
};

QString field(const QString &s)
{
    return s == u"-"_s ? QString() : s;
}

int evaluate(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        std::fprintf(stderr, "cannot open %s\n", qPrintable(path));
        return 1;
    }
    QList<QPair<QString, QList<GoldFigure>>> cases;
    for (const QString &line : QString::fromUtf8(file.readAll()).split(u'\n')) {
        const QStringList cols = line.split(u'\t');
        if (cols.size() >= 2 && cols[0] == u"S"_s) {
            cases.append({ cols[1], {} });
        } else if (cols.size() == 6 && cols[0] == u"F"_s && !cases.isEmpty()) {
            cases.last().second.append(
                { cols[1], cols[2].toDouble(), field(cols[3]), field(cols[4]), field(cols[5]) });
        }
    }
    QTextStream out(stdout);
    int gold = 0, found = 0, matched = 0, value = 0, unit = 0, qualifier = 0, source = 0;
    for (const auto &[sentence, expected] : cases) {
        const QList<Lede::Figure> figures = Lede::FigureExtractor::extract(sentence, {});
        gold += int(expected.size());
        found += int(figures.size());
        for (const GoldFigure &g : expected) {
            const auto it = std::find_if(figures.cbegin(), figures.cend(),
                                         [&](const Lede::Figure &f) { return f.text == g.text; });
            if (it == figures.cend()) {
                out << "MISSED  " << g.text << "  in: " << sentence << "\n";
                continue;
            }
            ++matched;
            value += qFuzzyCompare(it->value, g.value) ? 1 : 0;
            unit += it->unit == g.unit ? 1 : 0;
            qualifier += it->qualifier == g.qualifier ? 1 : 0;
            source += it->attributedTo == g.attributedTo ? 1 : 0;
            if (it->unit != g.unit || it->qualifier != g.qualifier || it->attributedTo != g.attributedTo)
                out << "FIELDS  " << g.text << ": unit \"" << it->unit << "\" (gold \"" << g.unit
                    << "\"), qualifier \"" << it->qualifier << "\" (\"" << g.qualifier << "\"), source \""
                    << it->attributedTo << "\" (\"" << g.attributedTo << "\")\n";
        }
        for (const Lede::Figure &f : figures) {
            if (std::none_of(expected.cbegin(), expected.cend(),
                             [&](const GoldFigure &g) { return g.text == f.text; }))
                out << "EXTRA   " << f.text << "  in: " << sentence << "\n";
        }
    }
    const auto pct = [](int a, int b) { return b == 0 ? 0.0 : 100.0 * a / b; };
    out << Qt::fixed << qSetRealNumberPrecision(1) << "cases " << cases.size() << ", gold figures " << gold
        << ", found " << found << ", exact-span matches " << matched << "\n"
        << "precision " << pct(matched, found) << "%, recall " << pct(matched, gold) << "%\n"
        << "on matches: value " << pct(value, matched) << "%, unit " << pct(unit, matched) << "%, qualifier "
        << pct(qualifier, matched) << "%, attributed_to " << pct(source, matched) << "%\n";
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    if (!args.isEmpty() && args.first() == u"--dump"_s)
        return dump(args.mid(1));
    if (args.size() == 2 && args.first() == u"--eval"_s)
        return evaluate(args.at(1));

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

    // CPU time as well as wall time: the build machine is shared, and wall time then says little.
    QElapsedTimer timer;
    const std::clock_t cpuStart = std::clock();
    timer.start();
    const QList<Lede::Figure> figures = Lede::FigureExtractor::extract(body, {});
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    const double cpuSeconds = double(std::clock() - cpuStart) / CLOCKS_PER_SEC;
    const double mb = double(utf8Bytes) / 1e6;
    std::printf("figures: %lld over %.2f MB (UTF-8): wall %.3f s = %.1f MB/s, cpu %.3f s = %.1f MB/s\n",
                static_cast<long long>(figures.size()), mb, seconds, mb / seconds, cpuSeconds,
                mb / cpuSeconds);
    return 0;
}
