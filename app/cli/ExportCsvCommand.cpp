// SPDX-License-Identifier: GPL-3.0-or-later
#include "Command.h"

#include "io/CsvExporter.h"
#include "io/ExportTarget.h"
#include "io/LibraryImport.h"
#include "store/ArticleStore.h"

#include <QFile>

#include <QCommandLineParser>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

class ExportCsvCommand final : public Command
{
public:
    QString name() const override { return u"export-csv"_s; }
    QString usage() const override { return tr("[options]"); }
    QString summary() const override { return tr("export annotations (and layers) as CSV"); }
    int run(const QStringList &args) override;
};

} // namespace

std::unique_ptr<Command> makeExportCsvCommand()
{
    return std::make_unique<ExportCsvCommand>();
}

int ExportCsvCommand::run(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(dbOption());
    parser.addOption(QCommandLineOption(u"article"_s, tr("Only this article (repeatable)."), tr("ID")));
    parser.addOption(QCommandLineOption(u"tag"_s, tr("Only annotations with this tag or one below it."), tr("PATH")));
    parser.addOption(QCommandLineOption({u"o"_s, u"output"_s}, tr("Write to FILE instead of stdout."), tr("FILE")));
    parser.addOption(QCommandLineOption(u"force"_s, tr("Replace FILE even when it is not a previous export (never the "
                                                       "library, a folder, a device or a FIFO).")));
    parser.addOption(QCommandLineOption(u"include"_s, tr("Also export automatic layers: quotes,entities,figures."),
                                        tr("LAYERS")));
    parser.addOption(QCommandLineOption(u"bom"_s, tr("Start with a UTF-8 byte order mark (for spreadsheets).")));
    parser.addOption(QCommandLineOption(u"no-formula-guard"_s,
                                        tr("Do not prefix cells starting with = + - @ with an apostrophe.")));
    int code = 0;
    if (!parse(parser, args, tr("Export annotations (and optionally automatic layers) as CSV."), &code))
        return code;
    if (!parser.positionalArguments().isEmpty())
        return usageError(tr("export-csv: unexpected argument %1").arg(parser.positionalArguments().first()));

    ExportQuery query;
    for (const QString &id : parser.values(u"article"_s)) {
        bool ok = false;
        const qint64 value = id.toLongLong(&ok);
        if (!ok || value <= 0)
            return usageError(tr("export-csv: --article takes an article id, not \"%1\"").arg(id));
        query.articleIds.append(value);
    }
    for (const QString &layers : parser.values(u"include"_s)) {
        for (const QString &layer : layers.split(u',', Qt::SkipEmptyParts)) {
            const QString name = layer.trimmed();
            if (name == u"quotes"_s)
                query.includeQuotes = true;
            else if (name == u"entities"_s)
                query.includeEntities = true;
            else if (name == u"figures"_s)
                query.includeFigures = true;
            else
                return usageError(tr("export-csv: unknown layer \"%1\" (use quotes, entities, figures)").arg(name));
        }
    }
    // Before anything else: an export never lands on the library, a device or a FIFO, and replaces
    // another file only when it is a previous export or the user says --force.
    if (parser.isSet(u"output"_s)) {
        const Status target = ExportTarget::allow(parser.value(u"output"_s), libraryPath(parser), parser.isSet(u"force"_s));
        if (!target) {
            err(tr("export-csv: %1").arg(target.errorString()));
            return 1;
        }
    }
    ArticleStore store;
    if (!openStore(store, parser))
        return 1;
    // Automatic layers of articles stored by an older analyzer are brought up to date first.
    if (query.includeQuotes || query.includeEntities || query.includeFigures) {
        if (auto re = reanalyzeOutdated(store); !re)
            err(tr("could not update older analyses: %1").arg(re.errorString()));
    }
    for (qint64 id : std::as_const(query.articleIds)) {
        if (!store.article(id)) {
            err(tr("export-csv: there is no article %1 in the library").arg(id));
            return 1;
        }
    }
    if (parser.isSet(u"tag"_s)) {
        auto tags = store.tags();
        if (!tags) {
            err(tags.errorString());
            return 1;
        }
        const QString wanted = parser.value(u"tag"_s).trimmed();
        for (const Tag &t : *tags) {
            if (t.path.compare(wanted, Qt::CaseInsensitive) == 0)
                query.tagId = t.id;
        }
        if (query.tagId == 0) {
            err(tr("export-csv: there is no tag \"%1\"").arg(wanted));
            return 1;
        }
    }
    CsvOptions options;
    options.byteOrderMark = parser.isSet(u"bom"_s);
    options.formulaGuard = !parser.isSet(u"no-formula-guard"_s);

    Status status;
    if (parser.isSet(u"output"_s)) {
        status = CsvExporter::writeFile(store, query, options, parser.value(u"output"_s));
    } else {
        QFile stdoutFile;
        if (!stdoutFile.open(stdout, QIODevice::WriteOnly))
            status = Status::failure(stdoutFile.errorString());
        else
            status = CsvExporter::write(store, query, options, &stdoutFile);
        if (status && !stdoutFile.flush())
            status = Status::failure(tr("Cannot write to standard output: %1").arg(stdoutFile.errorString()));
    }
    if (!status) {
        err(status.errorString());
        return 1;
    }
    return 0;
}

} // namespace Lede
