// SPDX-License-Identifier: GPL-3.0-or-later
#include "Command.h"
#include "io/TerminalText.h"
#include "store/ArticleRepository.h"
#include "store/ArticleStore.h"

#include <QCommandLineParser>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

class ListCommand final : public Command
{
public:
    QString name() const override { return u"list"_s; }
    QString usage() const override { return tr("[--search QUERY]"); }
    QString summary() const override { return tr("list articles (tab-separated)"); }
    int run(const QStringList &args) override;
};

} // namespace

std::unique_ptr<Command> makeListCommand()
{
    return std::make_unique<ListCommand>();
}

int ListCommand::run(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(dbOption());
    parser.addOption(QCommandLineOption(
        u"search"_s, tr("Only articles matching these words (title and body)."), tr("QUERY")));
    int code = 0;
    if (!parse(parser, args, tr("List articles: id, title, source, date, annotation count (tab-separated)."),
               &code))
        return code;
    ArticleStore store;
    if (!openStore(store, parser))
        return 1;
    ArticleQuery query;
    query.search = parser.value(u"search"_s);
    query.sort = ArticleQuery::Sort::ImportedDesc;
    auto list = ArticleRepository(store).articles(query);
    if (!list) {
        err(list.errorString());
        return 1;
    }
    for (const ArticleSummary &a : *list) {
        out(QString::number(a.id) + u'\t' + terminalSafe(oneLine(a.title)) + u'\t'
            + terminalSafe(oneLine(a.source)) + u'\t'
            + (a.published.isValid() ? a.published.toString(Qt::ISODate) : QString()) + u'\t'
            + QString::number(a.annotationCount));
    }
    return 0;
}

} // namespace Lede
