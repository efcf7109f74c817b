// SPDX-License-Identifier: GPL-3.0-or-later
#include "Command.h"

#include "analysis/Analyzer.h"
#include "io/ArticleImporter.h"
#include "io/JsonExporter.h"

#include <QJsonArray>
#include <QJsonDocument>

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
    QJsonArray articles;
    int failed = 0;
    for (const QString &file : files) {
        auto imported = ArticleImporter::importFile(file);
        if (!imported) {
            err(tr("error: %1: %2").arg(file, imported.errorString()));
            ++failed;
            continue;
        }
        for (const QString &w : imported->warnings)
            err(tr("warning: %1: %2").arg(file, w));
        articles.append(JsonExporter::articleObject(imported->article, Analyzer::analyze(imported->article)));
    }
    const QByteArray json = QJsonDocument(QJsonObject{{u"articles"_s, articles}}).toJson(QJsonDocument::Indented);
    std::fwrite(json.constData(), 1, size_t(json.size()), stdout);
    return failed == 0 ? 0 : 1;
}

} // namespace Lede
