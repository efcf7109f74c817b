// SPDX-License-Identifier: GPL-3.0-or-later
#include "Command.h"
#include "ExportSelection.h"
#include "library/WebAnnotationExport.h"
#include "store/ArticleStore.h"

#include <QCommandLineParser>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

class ExportJsonCommand final : public Command
{
public:
    QString name() const override { return u"export-json"_s; }
    QString usage() const override { return tr("-o FILE.jsonld [options]"); }
    QString summary() const override { return tr("export highlights and notes as W3C Web Annotations"); }
    int run(const QStringList &args) override;
};

int ExportJsonCommand::run(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(dbOption());
    parser.addOption(QCommandLineOption(u"article"_s, tr("Only this article (repeatable)."), tr("ID")));
    parser.addOption(
        QCommandLineOption(u"tag"_s, tr("Only annotations with this tag or one below it."), tr("PATH")));
    parser.addOption(
        QCommandLineOption(u"search"_s, tr("Only articles matching this full-text search."), tr("QUERY")));
    parser.addOption(
        QCommandLineOption({ u"o"_s, u"output"_s }, tr("The JSON-LD file to write."), tr("FILE")));
    // ExportSelection::parse() reads --include; the automatic layers are not annotations here.
    QCommandLineOption include(u"include"_s, tr("Not for this export."), tr("LAYERS"));
    include.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(include);
    parser.addOption(QCommandLineOption(u"force"_s,
                                        tr("Replace FILE even when it is not a previous export (never the "
                                           "library, a folder, a device or a FIFO).")));
    int code = 0;
    if (!parse(parser, args,
               tr("Export the highlights and notes as a W3C Web Annotation collection (JSON-LD): one "
                  "annotation per highlight or note, with a text quote and a code point position "
                  "selector, tags and notes as bodies."),
               &code))
        return code;
    if (!parser.positionalArguments().isEmpty())
        return usageError(
            tr("export-json: unexpected argument %1").arg(parser.positionalArguments().first()));
    if (parser.isSet(u"include"_s))
        return usageError(tr("export-json: --include does not apply: the Web Annotation export holds "
                             "the highlights and notes only"));
    const QString output = parser.value(u"output"_s);
    if (output.isEmpty())
        return usageError(tr("export-json: name the file with -o FILE.jsonld"));
    ExportQuery query;
    ArticleStore store;
    if (const int code
        = prepareExport(u"export-json"_s, parser, output, parser.isSet(u"force"_s), store, &query);
        code >= 0)
        return code;
    WebAnnotationOptions options;
    options.articleIds = query.articleIds;
    options.tagId = query.tagId;
    options.search = parser.value(u"search"_s);
    const auto counts = exportWebAnnotations(store, options, output, parser.isSet(u"force"_s));
    if (!counts) {
        err(u"export-json: "_s + counts.errorString());
        return 1;
    }
    out(tr("annotations: %1, articles: %2").arg(counts->annotations).arg(counts->articles));
    return 0;
}

} // namespace

std::unique_ptr<Command> makeExportJsonCommand()
{
    return std::make_unique<ExportJsonCommand>();
}

} // namespace Lede
