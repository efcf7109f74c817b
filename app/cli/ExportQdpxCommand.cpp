// SPDX-License-Identifier: GPL-3.0-or-later
#include "Command.h"
#include "ExportSelection.h"
#include "io/ExportTarget.h"
#include "library/RefiQdaExport.h"
#include "store/ArticleStore.h"

#include <QCommandLineParser>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

class ExportQdpxCommand final : public Command
{
public:
    QString name() const override { return u"export-qdpx"_s; }
    QString usage() const override { return tr("-o FILE.qdpx [options]"); }
    QString summary() const override { return tr("export a REFI-QDA project (MAXQDA, NVivo...)"); }
    int run(const QStringList &args) override;
};

int ExportQdpxCommand::run(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(dbOption());
    ExportSelection::addOptions(parser);
    parser.addOption(
        QCommandLineOption({ u"o"_s, u"output"_s }, tr("The project file to write (.qdpx)."), tr("FILE")));
    int code = 0;
    if (!parse(parser, args,
               tr("Export articles with their tags, highlights and notes as a REFI-QDA project (.qdpx), "
                  "which MAXQDA, "
                  "NVivo, ATLAS.ti and QualCoder import. With --include, quotes, entities and figures become "
                  "codes "
                  "below \"Lede\"."),
               &code))
        return code;
    if (!parser.positionalArguments().isEmpty())
        return usageError(
            tr("export-qdpx: unexpected argument %1").arg(parser.positionalArguments().first()));
    const QString output = parser.value(u"output"_s);
    if (output.isEmpty())
        return usageError(tr("export-qdpx: name the project with -o FILE.qdpx"));
    // A file the user names is replaced (the write is atomic), but never the library, a device or a FIFO.
    ExportQuery query;
    ArticleStore store;
    if (const int code = prepareExport(u"export-qdpx"_s, parser, output, true, store, &query); code >= 0)
        return code;
    RefiQdaOptions options;
    options.articleIds = query.articleIds;
    options.tagId = query.tagId;
    options.includeQuotes = query.includeQuotes;
    options.includeEntities = query.includeEntities;
    options.includeFigures = query.includeFigures;
    const auto counts = exportQdpx(store, options, output);
    if (!counts) {
        err(u"export-qdpx: "_s + counts.errorString());
        return 1;
    }
    out(tr("articles: %1, selections: %2, codes: %3, notes: %4")
            .arg(counts->articles)
            .arg(counts->selections)
            .arg(counts->codes)
            .arg(counts->notes));
    return 0;
}

} // namespace

std::unique_ptr<Command> makeExportQdpxCommand()
{
    return std::make_unique<ExportQdpxCommand>();
}

} // namespace Lede
