// SPDX-License-Identifier: GPL-3.0-or-later
#include "Command.h"
#include "io/TerminalText.h"
#include "library/ArticleEditing.h"
#include "store/ArticleRepository.h"
#include "store/ArticleStore.h"

#include <QCommandLineParser>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

class EditCommand final : public Command
{
public:
    QString name() const override { return u"edit"_s; }
    QString usage() const override
    {
        return tr("ARTICLE_ID [--title T] [--source S] [--date YYYY-MM-DD] [--byline B] [--url U]");
    }
    QString summary() const override { return tr("change an article's title, source, date, byline or URL"); }
    int run(const QStringList &args) override;
};

} // namespace

std::unique_ptr<Command> makeEditCommand()
{
    return std::make_unique<EditCommand>();
}

int EditCommand::run(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(dbOption());
    const QCommandLineOption title(u"title"_s, tr("The new title."), tr("TITLE"));
    const QCommandLineOption source(u"source"_s, tr("The new source (agency or publication)."), tr("SOURCE"));
    const QCommandLineOption date(
        u"date"_s, tr("The publication date, YYYY-MM-DD; an empty value removes it."), tr("DATE"));
    const QCommandLineOption byline(u"byline"_s, tr("The new byline."), tr("BYLINE"));
    const QCommandLineOption url(u"url"_s, tr("The web address; an empty value removes it."), tr("URL"));
    parser.addOptions({ title, source, date, byline, url });
    parser.addPositionalArgument(u"article"_s, tr("The id of the article (see 'lede list')."),
                                 tr("ARTICLE_ID"));
    int code = 0;
    if (!parse(
            parser, args,
            tr("Change an article's details; the options not given stay as they are. Prints the article as "
               "'lede list' does."),
            &code))
        return code;
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 1)
        return usageError(tr("edit: name one ARTICLE_ID"));
    bool ok = false;
    const qint64 id = pos.first().toLongLong(&ok);
    if (!ok || id <= 0)
        return usageError(tr("edit: an ARTICLE_ID is a whole number above 0, not \"%1\"").arg(pos.first()));
    if (!parser.isSet(title) && !parser.isSet(source) && !parser.isSet(date) && !parser.isSet(byline)
        && !parser.isSet(url))
        return usageError(tr("edit: give at least one of --title, --source, --date, --byline, --url"));
    QDate published;
    if (parser.isSet(date) && !parser.value(date).trimmed().isEmpty()) {
        published = QDate::fromString(parser.value(date).trimmed(), Qt::ISODate);
        if (!published.isValid())
            return usageError(
                tr("edit: \"%1\" is not a date; write it as YYYY-MM-DD").arg(parser.value(date)));
    }
    ArticleStore store;
    if (!openStore(store, parser))
        return 1;
    auto article = ArticleRepository(store).article(id);
    if (!article) {
        err(tr("edit: there is no article %1 in the library").arg(id));
        return 1;
    }
    ArticleDetails details = detailsOf(*article);
    if (parser.isSet(title))
        details.title = parser.value(title);
    if (parser.isSet(source))
        details.source = parser.value(source);
    if (parser.isSet(date))
        details.published = published;
    if (parser.isSet(byline))
        details.byline = parser.value(byline);
    if (parser.isSet(url))
        details.url = parser.value(url);
    if (const Status s = setArticleDetails(store, id, details); !s) {
        err(tr("edit: article %1: %2").arg(QString::number(id), s.errorString()));
        return 1;
    }
    const Article stored = ArticleRepository(store).article(id).value();
    out(QStringList { QString::number(id), terminalSafe(oneLine(stored.title)),
                      terminalSafe(oneLine(stored.source)),
                      stored.published.isValid() ? stored.published.toString(Qt::ISODate) : QString(),
                      terminalSafe(oneLine(stored.byline)), terminalSafe(oneLine(stored.url)) }
            .join(u'\t'));
    return 0;
}

} // namespace Lede
