// SPDX-License-Identifier: GPL-3.0-or-later
#include "Command.h"
#include "io/TerminalText.h"
#include "library/FeedUpdate.h"
#include "store/ArticleStore.h"
#include "store/FeedRepository.h"

#include <QCommandLineParser>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

class FeedCommand final : public Command
{
public:
    QString name() const override { return u"feed"_s; }
    QString usage() const override { return tr("add URL|list|update|remove"); }
    QString summary() const override { return tr("feed subscriptions: import new items"); }
    int run(const QStringList &args) override;

private:
    int add(ArticleStore &store, const QStringList &args);
    int list(ArticleStore &store);
    int update(ArticleStore &store, const QList<qint64> &ids);
    int remove(ArticleStore &store, qint64 id);
};

} // namespace

std::unique_ptr<Command> makeFeedCommand()
{
    return std::make_unique<FeedCommand>();
}

int FeedCommand::run(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(dbOption());
    parser.addPositionalArgument(u"action"_s, tr("add, list, update or remove."),
                                 tr("add|list|update|remove"));
    parser.addPositionalArgument(u"arguments"_s,
                                 tr("add: the feed's web address; update: feed ids (default: all); "
                                    "remove: a feed id."),
                                 tr("[URL|ID...]"));
    int code = 0;
    if (!parse(
            parser, args,
            tr("Subscribe to RSS and Atom feeds and import their new items. 'update' fetches each feed and "
               "imports the items the library has not seen (one transaction per feed; a feed that fails "
               "is reported and the others go on). 'list' prints id, address, title, last update and the "
               "number of its articles in the library (tab-separated)."),
            &code))
        return code;
    QStringList pos = parser.positionalArguments();
    const QString action = pos.value(0);
    pos.removeFirst();
    QList<qint64> ids;
    if (action == u"update"_s || action == u"remove"_s) {
        for (const QString &arg : std::as_const(pos)) {
            bool ok = false;
            const qint64 id = arg.toLongLong(&ok);
            if (!ok || id <= 0)
                return usageError(
                    tr("feed %1: \"%2\" is not a feed id (see 'lede feed list')").arg(action, arg));
            ids.append(id);
        }
    }
    if (action == u"add"_s) {
        if (pos.size() != 1)
            return usageError(tr("feed add: give one web address"));
    } else if (action == u"list"_s) {
        if (!pos.isEmpty())
            return usageError(tr("feed list: takes no arguments"));
    } else if (action == u"remove"_s) {
        if (ids.size() != 1)
            return usageError(tr("feed remove: give one feed id"));
    } else if (action != u"update"_s) {
        return usageError(tr("feed: expected add URL, list, update [ID...] or remove ID"));
    }
    ArticleStore store;
    if (!openStore(store, parser))
        return 1;
    if (action == u"add"_s)
        return add(store, pos);
    if (action == u"list"_s)
        return list(store);
    if (action == u"remove"_s)
        return remove(store, ids.first());
    return update(store, ids);
}

int FeedCommand::add(ArticleStore &store, const QStringList &args)
{
    auto id = subscribeFeed(store, args.first());
    if (!id) {
        err(tr("error: %1: %2").arg(args.first(), id.errorString()));
        return 1;
    }
    auto feed = FeedRepository(store).feed(*id);
    if (feed && feed->url != args.first().trimmed())
        out(tr("subscribed: feed %1 (%2), announced by the page: %3")
                .arg(QString::number(*id), terminalSafe(feed->title), terminalSafe(feed->url)));
    else
        out(tr("subscribed: feed %1 (%2)")
                .arg(QString::number(*id), terminalSafe(feed ? feed->title : QString())));
    return 0;
}

int FeedCommand::list(ArticleStore &store)
{
    auto feeds = FeedRepository(store).feeds();
    if (!feeds) {
        err(feeds.errorString());
        return 1;
    }
    for (const Feed &f : std::as_const(*feeds)) {
        out(QString::number(f.id) + u'\t' + terminalSafe(oneLine(f.url)) + u'\t'
            + terminalSafe(oneLine(f.title)) + u'\t'
            + (f.updatedAt.isValid() ? f.updatedAt.toString(Qt::ISODate) : QString()) + u'\t'
            + QString::number(f.itemCount));
    }
    return 0;
}

int FeedCommand::update(ArticleStore &store, const QList<qint64> &ids)
{
    int imported = 0;
    int present = 0;
    int feeds = 0;
    int failed = 0;
    updateFeeds(store, ids, {}, [&](const FeedUpdateResult &r) {
        ++feeds;
        const QString name = r.feed.url.isEmpty()
            ? tr("feed %1").arg(r.feed.id)
            : tr("feed %1 (%2)").arg(QString::number(r.feed.id), terminalSafe(r.feed.url));
        if (!r.ok) {
            ++failed;
            err(tr("error: %1: %2").arg(name, r.error));
            return true;
        }
        for (const ImportOutcome &o : r.imported) {
            for (const QString &w : o.warnings)
                err(tr("warning: %1: %2").arg(o.path, w));
            out(tr("imported: %1 (article %2: %3)")
                    .arg(terminalSafe(o.path), QString::number(o.articleId), terminalSafe(o.title)));
        }
        for (const ImportOutcome &o : r.alreadyPresent)
            out(tr("already present: %1 (article %2)")
                    .arg(terminalSafe(o.path), QString::number(o.articleId)));
        for (const ImportOutcome &o : r.completed)
            out(tr("completed: %1 (article %2: %3): the page's full text replaced the feed's summary")
                    .arg(terminalSafe(o.path), QString::number(o.articleId), terminalSafe(o.title)));
        imported += int(r.imported.size());
        present += int(r.alreadyPresent.size());
        out(tr("updated: %1: %2 new, %3 already present, %4 seen before")
                .arg(name)
                .arg(r.imported.size())
                .arg(r.alreadyPresent.size())
                .arg(r.known));
        return true;
    });
    out(tr("%1 imported, %2 already present, %3 of %4 feeds failed")
            .arg(imported)
            .arg(present)
            .arg(failed)
            .arg(feeds));
    return failed == 0 ? 0 : 1;
}

int FeedCommand::remove(ArticleStore &store, qint64 id)
{
    if (Status s = FeedRepository(store).removeFeed(id); !s) {
        err(tr("error: %1").arg(s.errorString()));
        return 1;
    }
    out(tr("removed: feed %1 (its articles stay in the library)").arg(id));
    return 0;
}

} // namespace Lede
