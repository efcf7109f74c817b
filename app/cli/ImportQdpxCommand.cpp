// SPDX-License-Identifier: GPL-3.0-or-later
#include "Command.h"
#include "io/FileAccess.h"
#include "library/RefiQdaImport.h"
#include "store/ArticleStore.h"

#include <QCommandLineParser>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

class ImportQdpxCommand final : public Command
{
public:
    QString name() const override { return u"import-qdpx"_s; }
    QString usage() const override { return tr("FILE.qdpx|.qdc|.csv"); }
    QString summary() const override { return tr("import a REFI-QDA project or codebook"); }
    int run(const QStringList &args) override;
};

int ImportQdpxCommand::run(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(dbOption());
    parser.addPositionalArgument(u"FILE"_s,
                                 tr("A REFI-QDA project (.qdpx), codebook (.qdc) or codebook CSV."));
    int code = 0;
    if (!parse(parser, args,
               tr("Import a REFI-QDA project: text sources become articles, codes become tags, coded "
                  "passages become "
                  "highlights and their notes stay notes. A codebook (.qdc or CSV) adds its tags. Everything "
                  "in one "
                  "transaction: a file that cannot be read adds nothing."),
               &code))
        return code;
    const QStringList files = parser.positionalArguments();
    if (files.size() != 1)
        return usageError(tr("import-qdpx: name one file to import"));
    ArticleStore store;
    if (!openStore(store, parser))
        return 1;
    const auto summary = importRefiQda(store, files.first());
    if (!summary) {
        err(tr("import-qdpx: %1: %2").arg(displayFileName(files.first()), summary.errorString()));
        return 1;
    }
    for (const QString &warning : summary->warnings)
        err(tr("import-qdpx: %1").arg(warning));
    QString line
        = tr("articles added: %1, already present: %2, new tags: %3, highlights: %4 (with a note: %5)")
              .arg(summary->articlesAdded)
              .arg(summary->articlesPresent)
              .arg(summary->tagsCreated)
              .arg(summary->highlights)
              .arg(summary->notes);
    if (summary->alreadyPresent > 0)
        line += tr(", highlights already there: %1").arg(summary->alreadyPresent);
    if (summary->automaticSkipped > 0)
        line += tr(", automatic selections left out: %1").arg(summary->automaticSkipped);
    out(line);
    return 0;
}

} // namespace

std::unique_ptr<Command> makeImportQdpxCommand()
{
    return std::make_unique<ImportQdpxCommand>();
}

} // namespace Lede
