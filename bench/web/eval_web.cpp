// SPDX-License-Identifier: GPL-3.0-or-later
// Main-text extraction quality and speed on saved web pages (see bench/web/README.md).
//
// Reads evaldata.json and pages/*.html.gz from a directory holding the trafilatura evaluation pages
// (default /work/shared/web-pages; never committed), runs every page through the shipped importer
// (ArticleImporter::importData, as `lede import page.html` does) and scores the body with the
// benchmark's metric: a `with` snippet kept is a true positive, one missing a false negative, a
// `without` snippet present a false positive. Pages are split by their position in evaldata.json:
// even positions are the development half the extractor was tuned on, odd positions the held-out
// half. Prints precision, recall and F1 for each half and for all pages, the pages refused, and the
// import speed (MB of HTML per second of CPU time, one thread).
//
//   eval_web [DIR] [--failures] [--only NAME]
//     --failures  list every page that loses a `with` or leaks a `without` snippet
//     --only NAME run one page (file name without .gz) and print its title, metadata and body

#include "io/ArticleImporter.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <cstdio>
#include <ctime>
#include <zlib.h>

using namespace Qt::StringLiterals;

namespace {

QByteArray gunzip(const QString &path)
{
    QByteArray out;
    gzFile f = gzopen(QFile::encodeName(path).constData(), "rb");
    if (!f)
        return out;
    char buffer[65536];
    int n = 0;
    while ((n = gzread(f, buffer, sizeof buffer)) > 0)
        out.append(buffer, n);
    gzclose(f);
    return out;
}

double cpuSeconds()
{
    timespec ts {};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

struct Counts
{
    int tp = 0, fn = 0, fp = 0, tn = 0, pages = 0, refused = 0, perfect = 0;
    void print(const char *label) const
    {
        const double p = tp + fp ? double(tp) / (tp + fp) : 0;
        const double r = tp + fn ? double(tp) / (tp + fn) : 0;
        const double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
        std::printf("%-10s pages %4d  precision %.4f  recall %.4f  F1 %.4f  (tp %d fn %d fp %d tn %d)  "
                    "perfect pages %d  refused %d\n",
                    label, pages, p, r, f, tp, fn, fp, tn, perfect, refused);
    }
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QString dir = u"/work/shared/web-pages"_s;
    bool failures = false;
    QString only;
    const QStringList args = app.arguments().mid(1);
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == u"--failures"_s)
            failures = true;
        else if (args[i] == u"--only"_s && i + 1 < args.size())
            only = args[++i];
        else
            dir = args[i];
    }
    QFile evalFile(dir + u"/evaldata.json"_s);
    if (!evalFile.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", qPrintable(evalFile.fileName()));
        return 1;
    }
    // Keys in file order: QJsonObject sorts them, so read the order from the raw text.
    const QByteArray raw = evalFile.readAll();
    const QJsonObject eval = QJsonDocument::fromJson(raw).object();
    QList<std::pair<qsizetype, QString>> ordered;
    for (auto it = eval.begin(); it != eval.end(); ++it)
        ordered.append(
            { raw.indexOf(
                  QJsonDocument(QJsonArray { it.key() }).toJson(QJsonDocument::Compact).mid(1).chopped(1)),
              it.key() });
    std::sort(ordered.begin(), ordered.end());

    // A news-like page: the importer read a publication date and a byline from it (a dated, signed
    // story). The hidden measure of issue 7 is news pages only; this is its nearest proxy here.
    Counts halves[2], news[2], all;
    qint64 bytes = 0;
    double cpu = 0;
    QTextStream out(stdout);
    for (qsizetype position = 0; position < ordered.size(); ++position) {
        const QJsonObject item = eval.value(ordered[position].second).toObject();
        const QString file = item.value(u"file"_s).toString();
        if (!only.isEmpty() && file != only)
            continue;
        const QByteArray html = gunzip(dir + u"/pages/"_s + file + u".gz"_s);
        if (html.isEmpty())
            continue; // 41 entries have no page
        const double start = cpuSeconds();
        const auto result = Lede::ArticleImporter::importData(html, u"page.html"_s);
        cpu += cpuSeconds() - start;
        bytes += html.size();
        Counts &half = halves[position % 2];
        const bool newsLike
            = result && result->article.published.isValid() && !result->article.byline.isEmpty();
        Counts scratch;
        Counts &story = newsLike ? news[position % 2] : scratch;
        ++half.pages;
        ++all.pages;
        ++story.pages;
        QString body;
        if (result) {
            body = result->article.body;
        } else {
            ++half.refused;
            ++all.refused;
            out << "REFUSED " << file << ": " << result.errorString() << Qt::endl;
        }
        QStringList missing, leaked;
        for (const QJsonValue &v : item.value(u"with"_s).toArray()) {
            const bool kept = body.contains(v.toString());
            half.tp += kept;
            half.fn += !kept;
            story.tp += kept;
            story.fn += !kept;
            all.tp += kept;
            all.fn += !kept;
            if (!kept)
                missing.append(v.toString());
        }
        for (const QJsonValue &v : item.value(u"without"_s).toArray()) {
            const bool present = body.contains(v.toString());
            half.fp += present;
            half.tn += !present;
            story.fp += present;
            story.tn += !present;
            all.fp += present;
            all.tn += !present;
            if (present)
                leaked.append(v.toString());
        }
        const bool perfect = missing.isEmpty() && leaked.isEmpty();
        half.perfect += perfect;
        all.perfect += perfect;
        story.perfect += perfect;
        if (!only.isEmpty() && result) {
            const Lede::Article &a = result->article;
            out << "title: " << a.title << "\nbyline: " << a.byline << "\nsource: " << a.source
                << "\npublished: " << a.published.toString(Qt::ISODate) << "\nurl: " << a.url << Qt::endl;
            for (auto it = a.metadata.begin(); it != a.metadata.end(); ++it)
                out << "metadata " << it.key() << ": " << it.value() << Qt::endl;
            for (auto it = a.provenance.begin(); it != a.provenance.end(); ++it)
                out << "from " << it.key() << ": " << it.value() << Qt::endl;
            out << "----\n" << a.body << "\n----" << Qt::endl;
        }
        if ((failures || !only.isEmpty()) && !perfect) {
            out << (position % 2 ? "test " : "dev  ") << file << (newsLike ? "  [news]" : "") << Qt::endl;
            for (const QString &m : std::as_const(missing))
                out << "   missing: " << m
                    << (result && result->article.title.contains(m) ? "   (in the title)" : "") << Qt::endl;
            for (const QString &l : std::as_const(leaked))
                out << "   leaked:  " << l << Qt::endl;
        }
    }
    halves[0].print("dev (even)");
    halves[1].print("test (odd)");
    all.print("all");
    news[0].print("news dev");
    news[1].print("news test");
    std::printf("speed: %.1f MB of HTML in %.2f s CPU: %.1f MB/s, %.2f ms per page\n", double(bytes) / 1e6,
                cpu, double(bytes) / 1e6 / cpu, all.pages ? cpu * 1000 / all.pages : 0.0);
    return 0;
}
