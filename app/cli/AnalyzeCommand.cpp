// SPDX-License-Identifier: GPL-3.0-or-later
#include "Command.h"

#include "analysis/Analyzer.h"
#include "io/ArticleImporter.h"
#include "io/JsonExporter.h"

#include <QFile>

#include <cstdio>

#include <QCommandLineParser>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

class AnalyzeCommand final : public Command
{
public:
    QString name() const override { return u"analyze"_s; }
    QString usage() const override { return tr("FILE... --json"); }
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
    parser.addPositionalArgument(u"files"_s, tr("Article files."), tr("FILE..."));
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
    for (const QString &file : files) {
        // An export gives one entry per story, each with the path "FILE#N".
        auto imported = ArticleImporter::importFileArticles(file);
        if (!imported) {
            err(tr("error: %1: %2").arg(file, imported.errorString()));
            ++failed;
            continue;
        }
        for (const ImportedArticle &article : *imported) {
            for (const QString &w : article.warnings)
                err(tr("warning: %1: %2").arg(file, w));
            json.write(article.article, Analyzer::analyze(article.article));
        }
    }
    if (Status s = json.finish(); !s) {
        err(tr("Cannot write to standard output: %1").arg(s.errorString()));
        return 1;
    }
    return failed == 0 ? 0 : 1;
}

} // namespace Lede
