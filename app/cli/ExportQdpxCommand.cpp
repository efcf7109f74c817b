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
    ExportQuery query;
    QString error;
    if (!ExportSelection::parse(parser, &query, &error))
        return usageError(u"export-qdpx: "_s + error);
    // Never onto the library, a folder, a device or a FIFO; a file the user names is replaced
    // (atomically), as with export-xlsx.
    if (const Status target = ExportTarget::allow(output, libraryPath(parser), true); !target) {
        err(u"export-qdpx: "_s + target.errorString());
        return 1;
    }
    ArticleStore store;
    if (!openStore(store, parser))
        return 1;
    QString warning;
    if (!ExportSelection::resolve(parser, store, &query, &error, &warning)) {
        err(u"export-qdpx: "_s + error);
        return 1;
    }
    if (!warning.isEmpty())
        err(warning);
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
