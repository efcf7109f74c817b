// SPDX-License-Identifier: GPL-3.0-or-later
#include "Command.h"

#include "io/LibraryImport.h"
#include "io/TerminalText.h"
#include "store/ArticleStore.h"

#include <QCommandLineParser>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

class ImportCommand final : public Command
{
public:
    QString name() const override { return u"import"_s; }
    QString usage() const override { return tr("FILE_OR_DIR..."); }
    QString summary() const override { return tr("import, analyse and store articles"); }
    int run(const QStringList &args) override;
};

} // namespace

std::unique_ptr<Command> makeImportCommand()
{
    return std::make_unique<ImportCommand>();
}

int ImportCommand::run(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(dbOption());
    parser.addPositionalArgument(u"paths"_s, tr("Article files or folders (searched recursively)."), tr("FILE_OR_DIR..."));
    int code = 0;
    if (!parse(parser, args, tr("Import, analyse and store articles; one line per file."), &code))
        return code;
    const QStringList paths = parser.positionalArguments();
    if (paths.isEmpty())
        return usageError(tr("import: name at least one file or folder"));
    ArticleStore store;
    if (!openStore(store, parser))
        return 1;
    if (auto re = reanalyzeOutdated(store); !re)
        err(tr("could not update older analyses: %1").arg(re.errorString()));

    QList<ImportOutcome> failures;
    const QStringList files = collectImportFiles(paths, &failures);
    int imported = 0;
    int present = 0;
    for (const ImportOutcome &f : std::as_const(failures))
        err(tr("error: %1: %2").arg(f.path, f.message));
    const Status bulk = importFiles(store, files, [&](const ImportOutcome &o) {
        const QString &file = o.path;
        for (const QString &w : o.warnings)
            err(tr("warning: %1: %2").arg(file, w));
        switch (o.status) {
        case ImportOutcome::Status::Imported:
            ++imported;
            // Path and title are escaped: a newline in a name or ESC in a title stays on its line.
            out(tr("imported: %1 (article %2: %3)")
                    .arg(terminalSafe(file), QString::number(o.articleId), terminalSafe(o.title)));
            break;
        case ImportOutcome::Status::AlreadyPresent:
            ++present;
            out(tr("already present: %1 (article %2)").arg(terminalSafe(file), QString::number(o.articleId)));
            break;
        case ImportOutcome::Status::Failed:
            failures.append(o);
            err(tr("error: %1: %2").arg(file, o.message));
            break;
        }
        return true;
    });
    // The files of a batch that could not be committed were reported as failed one by one; the
    // summary still says what the library now holds.
    out(tr("%1 imported, %2 already present, %3 failed").arg(imported).arg(present).arg(failures.size()));
    if (!bulk) {
        err(bulk.errorString());
        return 1;
    }
    return failures.isEmpty() ? 0 : 1;
}

} // namespace Lede
