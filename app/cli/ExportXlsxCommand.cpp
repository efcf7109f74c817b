// SPDX-License-Identifier: GPL-3.0-or-later
#include "Command.h"
#include "ExportSelection.h"
#include "io/ExportTarget.h"
#include "library/XlsxExport.h"
#include "store/ArticleStore.h"

#include <QCommandLineParser>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

class ExportXlsxCommand final : public Command
{
public:
    QString name() const override { return u"export-xlsx"_s; }
    QString usage() const override { return tr("-o FILE.xlsx [options]"); }
    QString summary() const override { return tr("export annotations and articles as a workbook"); }
    int run(const QStringList &args) override;
};

int ExportXlsxCommand::run(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(dbOption());
    ExportSelection::addOptions(parser);
    parser.addOption(QCommandLineOption({ u"o"_s, u"output"_s }, tr("The workbook to write."), tr("FILE")));
    int code = 0;
    if (!parse(parser, args,
               tr("Export annotations (and optionally automatic layers) and the articles as an .xlsx "
                  "workbook: text "
                  "stays text, numbers are numbers, dates are dates."),
               &code))
        return code;
    if (!parser.positionalArguments().isEmpty())
        return usageError(
            tr("export-xlsx: unexpected argument %1").arg(parser.positionalArguments().first()));
    const QString output = parser.value(u"output"_s);
    if (output.isEmpty())
        return usageError(tr("export-xlsx: name the workbook with -o FILE.xlsx"));
    // A file the user names is replaced (the write is atomic), but never the library, a device or a FIFO.
    ExportQuery query;
    ArticleStore store;
    if (const int code = prepareExport(u"export-xlsx"_s, parser, output, true, store, &query); code >= 0)
        return code;
    if (Status s = exportXlsx(store, query, output); !s) {
        err(s.errorString());
        return 1;
    }
    return 0;
}

} // namespace

std::unique_ptr<Command> makeExportXlsxCommand()
{
    return std::make_unique<ExportXlsxCommand>();
}

} // namespace Lede
