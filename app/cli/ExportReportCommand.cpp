// SPDX-License-Identifier: GPL-3.0-or-later
#include "Command.h"
#include "library/ArticleReport.h"
#include "store/ArticleRepository.h"
#include "store/ArticleStore.h"

#include <QCommandLineParser>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

class ExportReportCommand final : public Command
{
public:
    QString name() const override { return u"export-report"_s; }
    QString usage() const override { return tr("ARTICLE_ID -o FILE.html|FILE.pdf [options]"); }
    QString summary() const override { return tr("one article as a readable HTML or PDF report"); }
    // The PDF is laid out with the system's fonts (offscreen: still no display and no widgets).
    bool needsFonts() const override { return true; }
    int run(const QStringList &args) override;
};

int ExportReportCommand::run(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(dbOption());
    parser.addOption(
        QCommandLineOption({ u"o"_s, u"output"_s }, tr("The report to write (.html or .pdf)."), tr("FILE")));
    parser.addOption(QCommandLineOption(u"force"_s,
                                        tr("Replace FILE even when it is not a previous export (never the "
                                           "library, a folder, a device or a FIFO).")));
    parser.addPositionalArgument(u"ARTICLE_ID"_s, tr("The article to report on."));
    int code = 0;
    if (!parse(parser, args,
               tr("Write one article as a report: title and metadata, the text with the highlights in "
                  "their colours, notes as numbered endnotes, quotes by speaker and the figures table."),
               &code))
        return code;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return usageError(tr("export-report: give one ARTICLE_ID"));
    bool ok = false;
    const qint64 id = positional.first().toLongLong(&ok);
    if (!ok || id <= 0)
        return usageError(tr("export-report: \"%1\" is not an article id").arg(positional.first()));
    const QString output = parser.value(u"output"_s);
    if (output.isEmpty())
        return usageError(tr("export-report: name the report with -o FILE.html or -o FILE.pdf"));
    if (!output.endsWith(u".html"_s, Qt::CaseInsensitive) && !output.endsWith(u".htm"_s, Qt::CaseInsensitive)
        && !output.endsWith(u".pdf"_s, Qt::CaseInsensitive))
        return usageError(tr("export-report: the report's name ends in .html or .pdf"));
    ArticleStore store;
    if (!openStore(store, parser))
        return 1;
    if (!ArticleRepository(store).article(id)) {
        err(tr("export-report: there is no article %1 in the library").arg(id));
        return 1;
    }
    auto data = ArticleReport::load(store, id);
    if (!data) {
        err(u"export-report: "_s + data.errorString());
        return 1;
    }
    if (Status s = writeArticleReport(*data, output, libraryPath(parser), parser.isSet(u"force"_s)); !s) {
        err(u"export-report: "_s + s.errorString());
        return 1;
    }
    return 0;
}

} // namespace

std::unique_ptr<Command> makeExportReportCommand()
{
    return std::make_unique<ExportReportCommand>();
}

} // namespace Lede
