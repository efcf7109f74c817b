// SPDX-License-Identifier: GPL-3.0-or-later
#include "Command.h"
#include "io/ExportTarget.h"
#include "library/ArticleCsvExport.h"
#include "store/ArticleRepository.h"
#include "store/ArticleStore.h"
#include "store/TagRepository.h"

#include <QCommandLineParser>
#include <QFile>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

class ExportArticlesCommand final : public Command
{
public:
    QString name() const override { return u"export-articles"_s; }
    QString usage() const override { return tr("[options]"); }
    QString summary() const override { return tr("one CSV row per article, with counts"); }
    int run(const QStringList &args) override;
};

int ExportArticlesCommand::run(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(dbOption());
    parser.addOption(QCommandLineOption(u"article"_s, tr("Only this article (repeatable)."), tr("ID")));
    parser.addOption(
        QCommandLineOption(u"search"_s, tr("Only articles matching this full-text search."), tr("QUERY")));
    parser.addOption(QCommandLineOption(
        u"tag"_s, tr("Only articles with an annotation carrying this tag or one below it."), tr("PATH")));
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
    if (!parse(parser, args,
               tr("Export the articles as CSV, one row each: "
                  "article_id,title,source,published,byline,dateline,section,"
                  "url,format,words,quotes,entities,figures,annotations,imported_at."),
               &code))
        return code;
    if (!parser.positionalArguments().isEmpty())
        return usageError(
            tr("export-articles: unexpected argument %1").arg(parser.positionalArguments().first()));
    ArticleSelection selection;
    for (const QString &id : parser.values(u"article"_s)) {
        bool ok = false;
        const qint64 value = id.toLongLong(&ok);
        if (!ok || value <= 0)
            return usageError(tr("export-articles: --article takes an article id, not \"%1\"").arg(id));
        selection.ids.append(value);
    }
    selection.search = parser.value(u"search"_s);
    const QString output = parser.value(u"output"_s);
    if (parser.isSet(u"output"_s)) {
        if (const Status target = ExportTarget::allow(output, libraryPath(parser), parser.isSet(u"force"_s));
            !target) {
            err(tr("export-articles: %1").arg(target.errorString()));
            return 1;
        }
    }
    ArticleStore store;
    if (!openStore(store, parser))
        return 1;
    for (qint64 id : std::as_const(selection.ids)) {
        if (!ArticleRepository(store).article(id)) {
            err(tr("export-articles: there is no article %1 in the library").arg(id));
            return 1;
        }
    }
    if (parser.isSet(u"tag"_s)) {
        auto tags = TagRepository(store).tags();
        if (!tags) {
            err(u"export-articles: "_s + tags.errorString());
            return 1;
        }
        const QString wanted = parser.value(u"tag"_s).trimmed();
        for (const Tag &t : *tags) {
            if (t.path.compare(wanted, Qt::CaseInsensitive) == 0)
                selection.tagId = t.id;
        }
        if (selection.tagId == 0) {
            err(tr("export-articles: there is no tag \"%1\"").arg(wanted));
            return 1;
        }
    }
    CsvOptions options;
    options.byteOrderMark = parser.isSet(u"bom"_s);
    options.formulaGuard = !parser.isSet(u"no-formula-guard"_s);
    Status status;
    if (parser.isSet(u"output"_s)) {
        status = ArticleCsvExport::writeFile(store, selection, options, output, parser.isSet(u"force"_s));
    } else {
        QFile stdoutFile;
        if (!stdoutFile.open(stdout, QIODevice::WriteOnly))
            status = Status::failure(stdoutFile.errorString());
        else
            status = ArticleCsvExport::write(store, selection, options, &stdoutFile);
        if (status && !stdoutFile.flush())
            status = Status::failure(tr("Cannot write to standard output: %1").arg(stdoutFile.errorString()));
    }
    if (!status) {
        err(u"export-articles: "_s + status.errorString());
        return 1;
    }
    return 0;
}

} // namespace

std::unique_ptr<Command> makeExportArticlesCommand()
{
    return std::make_unique<ExportArticlesCommand>();
}

} // namespace Lede
