// SPDX-License-Identifier: GPL-3.0-or-later
#include "Command.h"
#include "io/ExportTarget.h"
#include "library/RefiQdaExport.h"
#include "store/ArticleStore.h"

#include <QCommandLineParser>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

class ExportQdcCommand final : public Command
{
public:
    QString name() const override { return u"export-qdc"_s; }
    QString usage() const override { return tr("-o FILE.qdc|FILE.csv"); }
    QString summary() const override { return tr("export the tags as a REFI-QDA or CSV codebook"); }
    int run(const QStringList &args) override;
};

int ExportQdcCommand::run(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(dbOption());
    parser.addOption(QCommandLineOption({ u"o"_s, u"output"_s }, tr("The codebook to write (.qdc, or .csv)."),
                                        tr("FILE")));
    int code = 0;
    if (!parse(
            parser, args,
            tr("Export the library's tags as a codebook: REFI-QDA codebook XML (.qdc), or, when FILE ends in "
               ".csv, a CSV with the columns path,color,description."),
            &code))
        return code;
    if (!parser.positionalArguments().isEmpty())
        return usageError(tr("export-qdc: unexpected argument %1").arg(parser.positionalArguments().first()));
    const QString output = parser.value(u"output"_s);
    if (output.isEmpty())
        return usageError(tr("export-qdc: name the codebook with -o FILE.qdc or -o FILE.csv"));
    if (const Status target = ExportTarget::allow(output, libraryPath(parser), true); !target) {
        err(u"export-qdc: "_s + target.errorString());
        return 1;
    }
    ArticleStore store;
    if (!openStore(store, parser))
        return 1;
    const auto codes = exportCodebook(store, output);
    if (!codes) {
        err(u"export-qdc: "_s + codes.errorString());
        return 1;
    }
    out(tr("codes: %1").arg(codes.value()));
    return 0;
}

} // namespace

std::unique_ptr<Command> makeExportQdcCommand()
{
    return std::make_unique<ExportQdcCommand>();
}

} // namespace Lede
