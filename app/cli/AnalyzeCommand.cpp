// SPDX-License-Identifier: GPL-3.0-or-later
#include "Command.h"
#include "analysis/Analyzer.h"
#include "analysis/LanguageGuess.h"
#include "io/ArticleImporter.h"
#include "io/JsonExporter.h"
#include "io/UrlFetcher.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFuture>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

class AnalyzeCommand final : public Command
{
public:
    QString name() const override { return u"analyze"_s; }
    QString usage() const override { return tr("FILE_OR_URL... --json"); }
    QString summary() const override { return tr("analyse without storing; JSON to stdout"); }
    int run(const QStringList &args) override;
};

} // namespace

std::unique_ptr<Command> makeAnalyzeCommand()
{
    return std::make_unique<AnalyzeCommand>();
}

int AnalyzeCommand::run(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(QCommandLineOption(u"json"_s, tr("Print JSON (the only format so far).")));
    parser.addPositionalArgument(u"files"_s, tr("Article files or web addresses (http:// or https://)."),
                                 tr("FILE_OR_URL..."));
    int code = 0;
    if (!parse(parser, args, tr("Analyse articles without storing them; JSON to stdout."), &code))
        return code;
    if (!parser.isSet(u"json"_s))
        return usageError(tr("analyze: --json is required (it is the only output format)"));
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty())
        return usageError(tr("analyze: name at least one file"));
    // Each article is written as soon as it is analysed: the whole document is never in memory.
    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly | QIODevice::Unbuffered)) {
        err(tr("Cannot write to standard output: %1").arg(out.errorString()));
        return 1;
    }
    JsonArticleStream json(&out);
    int failed = 0;
    // Files are read and analysed on every core; the JSON keeps the order of the files, each file
    // written as soon as it and the ones before it are done. At most a few files per thread wait
    // in memory, so the output streams and memory stays bounded however many files there are.
    struct Analysed
    {
        QString error; // the file could not be read
        QList<ImportedArticle> articles; // an export gives one entry per story, each with its "index"
        QList<AnalysisResult> analyses;
    };
    const auto work = [](const QString &file) {
        Analysed done;
        auto imported = UrlFetcher::isUrl(file)
            ? UrlFetcher::importUrl(file)
            : ArticleImporter::importFileArticles(file, ArticleImporter::ContentHash::Skip);
        if (!imported) {
            done.error = imported.errorString();
            return done;
        }
        done.articles = std::move(imported).value();
        for (const ImportedArticle &article : std::as_const(done.articles))
            done.analyses.append(Analyzer::analyze(article.article));
        return done;
    };
    QThreadPool pool;
    pool.setMaxThreadCount(std::max(1, QThread::idealThreadCount()));
    const qsizetype window = 2 * qsizetype(pool.maxThreadCount());
    QList<QFuture<Analysed>> running;
    QStringList runningFiles;
    const auto writeOldest = [&] {
        const Analysed done = running.takeFirst().result();
        const QString file = runningFiles.takeFirst();
        if (!done.error.isEmpty()) {
            err(tr("error: %1: %2").arg(file, done.error));
            ++failed;
            return;
        }
        const bool many = done.articles.size() > 1
            || (!done.articles.isEmpty() && ArticleImporter::isMultiArticle(done.articles.first().article));
        for (qsizetype i = 0; i < done.articles.size(); ++i) {
            // A story's warning names it as the import does ("FILE#3").
            const QString where = many ? file + u'#' + QString::number(i + 1) : file;
            for (const QString &w : done.articles.at(i).warnings)
                err(tr("warning: %1: %2").arg(where, w));
            if (!done.analyses.at(i).english)
                err(tr("warning: %1: %2").arg(where, LanguageGuess::notEnglishWarning()));
            json.write(done.articles.at(i).article, done.analyses.at(i));
        }
    };
    for (const QString &file : files) {
        running.append(QtConcurrent::run(&pool, work, file));
        runningFiles.append(file);
        if (running.size() >= window)
            writeOldest();
    }
    while (!running.isEmpty())
        writeOldest();
    if (Status s = json.finish(); !s) {
        err(tr("Cannot write to standard output: %1").arg(s.errorString()));
        return 1;
    }
    return failed == 0 ? 0 : 1;
}

} // namespace Lede
