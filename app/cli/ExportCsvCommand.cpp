// SPDX-License-Identifier: GPL-3.0-or-later
#include "Command.h"
#include "ExportSelection.h"
#include "io/CsvExporter.h"
#include "io/ExportTarget.h"
#include "library/AnnotationCsvExport.h"
#include "store/ArticleStore.h"

#include <QCommandLineParser>
#include <QFile>

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
    ExportSelection::addOptions(parser);
    parser.addOption(
        QCommandLineOption({ u"o"_s, u"output"_s }, tr("Write to FILE instead of stdout."), tr("FILE")));
    parser.addOption(QCommandLineOption(u"force"_s,
                                        tr("Replace FILE even when it is not a previous export (never the "
                                           "library, a folder, a device or a FIFO).")));
    parser.addOption(
        QCommandLineOption(u"bom"_s, tr("Start with a UTF-8 byte order mark (for spreadsheets).")));
    parser.addOption(QCommandLineOption(u"no-formula-guard"_s,
                                        tr("Do not prefix cells starting with = + - @ with an apostrophe.")));
    int code = 0;
    if (!parse(parser, args, tr("Export annotations (and optionally automatic layers) as CSV."), &code))
        return code;
    if (!parser.positionalArguments().isEmpty())
        return usageError(tr("export-csv: unexpected argument %1").arg(parser.positionalArguments().first()));

    // Replaces another file only when it is a previous export or the user says --force.
    ExportQuery query;
    ArticleStore store;
    if (const int code = prepareExport(u"export-csv"_s, parser, parser.value(u"output"_s),
                                       parser.isSet(u"force"_s), store, &query);
        code >= 0)
        return code;
    CsvOptions options;
    options.byteOrderMark = parser.isSet(u"bom"_s);
    options.formulaGuard = !parser.isSet(u"no-formula-guard"_s);

    Status status;
    if (parser.isSet(u"output"_s)) {
        status = AnnotationCsvExport::writeFile(store, query, options, parser.value(u"output"_s));
    } else {
        QFile stdoutFile;
        if (!stdoutFile.open(stdout, QIODevice::WriteOnly))
            status = Status::failure(stdoutFile.errorString());
        else
            status = AnnotationCsvExport::write(store, query, options, &stdoutFile);
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
