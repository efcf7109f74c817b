// SPDX-License-Identifier: GPL-3.0-or-later
#include "FeedUpdate.h"

#include "Logging.h"
#include "analysis/Analyzer.h"
#include "io/ArticleImporter.h"
#include "io/FeedFullText.h"
#include "io/FeedReader.h"
#include "library/ArticleEditing.h"
#include "store/ArticleRepository.h"
#include "store/ArticleStore.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

// How long after its import a summary article's page is tried again at each update.
constexpr qint64 RetryDays = 3;

QString tr(const char *text)
{
    return QCoreApplication::translate("Lede::FeedUpdate", text);
}

// The items of a fetched feed as articles, or why not.
Result<QList<ImportedArticle>> itemsOf(const UrlFetcher::Fetched &fetched)
{
    using R = Result<QList<ImportedArticle>>;
    if (FeedReader::feedKind(fetched.data).isEmpty())
        return R::failure(
            tr("the address does not serve an RSS or Atom feed (the server sent %1)")
                .arg(fetched.contentType.isEmpty() ? tr("no content type") : fetched.contentType));
    return ArticleImporter::importDataArticles(fetched.data, u"feed.rss"_s);
}

Result<QList<ImportedArticle>> fetchItems(const QString &url, const UrlFetcher::Options &options)
{
    auto fetched = UrlFetcher::fetch(QUrl(url, QUrl::StrictMode), options);
    if (!fetched)
        return Result<QList<ImportedArticle>>::failure(fetched.errorString());
    return itemsOf(*fetched);
}

// The feed a web page announces (<link rel="alternate" type="application/rss+xml" href="...">),
// resolved against the page's address; empty when it names none.
QString announcedFeed(const QByteArray &page, const QUrl &pageUrl)
{
    static const QRegularExpression linkTag(u"<link\\b[^>]*>"_s, QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression attribute(
        u"([a-zA-Z-]+)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))"_s);
    const QString head = QString::fromUtf8(page.left(256 * 1024));
    for (auto tags = linkTag.globalMatch(head); tags.hasNext();) {
        const QString tag = tags.next().captured(0);
        QString rel, type, href;
        for (auto attrs = attribute.globalMatch(tag); attrs.hasNext();) {
            const auto a = attrs.next();
            const QString name = a.captured(1).toLower();
            const QString value = a.captured(2) + a.captured(3) + a.captured(4);
            if (name == u"rel"_s)
                rel = value.toLower();
            else if (name == u"type"_s)
                type = value.trimmed().toLower();
            else if (name == u"href"_s)
                href = value.trimmed().replace(u"&amp;"_s, u"&"_s);
        }
        if (rel.split(u' ', Qt::SkipEmptyParts).contains(u"alternate"_s) && !href.isEmpty()
            && (type == u"application/rss+xml"_s || type == u"application/atom+xml"_s)) {
            const QUrl feed = pageUrl.resolved(QUrl(href));
            if (UrlFetcher::isUrl(feed.toString()))
                return feed.toString();
        }
    }
    return {};
}

QString itemKey(const Article &item)
{
    if (const QString guid = item.metadata.value(u"guid"_s); !guid.isEmpty())
        return u"guid:"_s + guid;
    if (!item.url.isEmpty())
        return u"link:"_s + item.url;
    return u"sha256:"_s + item.contentHash;
}

struct Pending
{
    ImportedArticle item;
    QString key;
    ImportOutcome outcome;
    qint64 existing = 0; // the article the library has for it already
    AnalysisResult analysis;
};

} // namespace

Result<qint64> subscribeFeed(ArticleStore &store, const QString &url, const UrlFetcher::Options &options)
{
    using R = Result<qint64>;
    const QString address = url.trimmed();
    if (!UrlFetcher::isUrl(address))
        return R::failure(
            tr("%1 is not a web address (it must start with http:// or https://)").arg(address));
    auto known = FeedRepository(store).feeds();
    if (!known)
        return R::failure(known.errorString());
    const auto subscribed = [&](const QString &feedUrl) -> qint64 {
        for (const Feed &f : std::as_const(*known)) {
            if (f.url == feedUrl)
                return f.id;
        }
        return 0;
    };
    QString feedUrl = address;
    if (const qint64 id = subscribed(feedUrl))
        return R::failure(tr("the feed %1 is subscribed already (feed %2)").arg(feedUrl).arg(id));
    auto fetched = UrlFetcher::fetch(QUrl(feedUrl, QUrl::StrictMode), options);
    if (!fetched)
        return R::failure(fetched.errorString());
    auto items = itemsOf(*fetched);
    // A web page that announces its feed: the feed it names.
    if (!items && FeedReader::feedKind(fetched->data).isEmpty()) {
        if (const QString announced = announcedFeed(fetched->data, fetched->finalUrl); !announced.isEmpty()) {
            feedUrl = announced;
            if (const qint64 id = subscribed(feedUrl))
                return R::failure(
                    tr("the page's feed %1 is subscribed already (feed %2)").arg(feedUrl).arg(id));
            items = fetchItems(feedUrl, options);
        }
    }
    if (!items)
        return R::failure(feedUrl == address
                              ? items.errorString()
                              : tr("the page's feed %1: %2").arg(feedUrl, items.errorString()));
    return FeedRepository(store).addFeed(feedUrl, items->first().article.metadata.value(u"feed"_s));
}

FeedUpdateResult updateFeed(ArticleStore &store, const Feed &feed, const FeedUpdateOptions &options)
{
    FeedUpdateResult r;
    r.feed = feed;
    r.title = feed.title;
    FeedRepository feeds(store);
    const auto fail = [&](const QString &why) {
        r.ok = false;
        r.error = why;
        if (Status s = feeds.markFailed(feed.id, why); !s)
            qCWarning(lcImport) << "feed" << feed.id << "error not recorded:" << s.errorString();
        return r;
    };
    UrlFetcher::Options fetch = options.fetch;
    if (options.cancelled)
        fetch.cancelled = options.cancelled;
    const auto cancelled = [&] {
        r.cancelled = true;
        r.error = tr("cancelled");
        return r;
    };
    auto items = fetchItems(feed.url, fetch);
    if (options.cancelled && options.cancelled())
        return cancelled(); // nothing written, no error recorded on the feed
    if (!items)
        return fail(items.errorString());
    if (const QString title = items->first().article.metadata.value(u"feed"_s); !title.isEmpty())
        r.title = title;
    auto seen = feeds.seenKeys(feed.id);
    if (!seen)
        return fail(seen.errorString());

    // The items not seen before, and among them those the library has by their web address.
    std::vector<Pending> pending;
    std::vector<Pending> retries; // seen, and their articles still wait for their pages
    QList<ImportedArticle> toFollow;
    QList<size_t> followIndex;
    for (qsizetype i = 0; i < items->size(); ++i) {
        ImportedArticle &item = items.value()[i];
        const QString key = itemKey(item.article);
        if (seen->contains(key)) {
            ++r.known;
            // Seen, but its article still waits for its page: try the page again.
            if (!item.article.url.isEmpty() && FeedFullText::isSummary(item.article)) {
                auto stored = feeds.findArticleByUrl(item.article.url);
                if (!stored)
                    return fail(stored.errorString());
                if (stored->has_value()) {
                    auto article = ArticleRepository(store).article(**stored);
                    if (!article)
                        return fail(article.errorString());
                    // Tried for a few days: a page that is still not there by then is gone.
                    if (FeedFullText::pageNotFetched(*article)
                        && article->importedAt.secsTo(QDateTime::currentDateTimeUtc()) < RetryDays * 86400) {
                        Pending p;
                        p.existing = **stored;
                        p.outcome.path = feed.url + u'#' + QString::number(i + 1);
                        p.outcome.file = feed.url;
                        p.item = std::move(item);
                        retries.push_back(std::move(p));
                    }
                }
            }
            continue;
        }
        seen.value().insert(key); // an item listed twice counts once
        Pending p;
        p.key = key;
        p.outcome.path = feed.url + u'#' + QString::number(i + 1);
        p.outcome.file = feed.url;
        auto byUrl = feeds.findArticleByUrl(item.article.url);
        if (!byUrl)
            return fail(byUrl.errorString());
        if (byUrl->has_value()) {
            p.existing = **byUrl;
        } else {
            followIndex.append(pending.size());
            toFollow.append(item);
        }
        p.item = std::move(item);
        pending.push_back(std::move(p));
    }
    FeedFullText::Options follow;
    follow.fetch = fetch;
    follow.cancelled = options.cancelled;
    FeedFullText::follow(toFollow, follow);
    if (options.cancelled && options.cancelled())
        return cancelled();
    for (qsizetype i = 0; i < toFollow.size(); ++i)
        pending[followIndex[i]].item = std::move(toFollow[i]);
    if (!retries.empty()) {
        QList<ImportedArticle> again;
        for (const Pending &p : retries)
            again.append(p.item);
        FeedFullText::follow(again, follow);
        if (options.cancelled && options.cancelled())
            return cancelled();
        // Only the pages that came: a failure again is no news (it was reported the first time).
        std::vector<Pending> fetched;
        for (qsizetype i = 0; i < again.size(); ++i) {
            if (again[i].article.provenance.value(u"body"_s) != u"linked page"_s)
                continue;
            Pending p = std::move(retries[size_t(i)]);
            p.item = std::move(again[i]);
            fetched.push_back(std::move(p)); // analysed by replaceWithVersion()
        }
        retries = std::move(fetched);
    }

    // The same text under another address: the article that has it.
    for (Pending &p : pending) {
        if (p.existing != 0)
            continue;
        auto byHash = ArticleRepository(store).findArticleByHash(p.item.article.contentHash);
        if (!byHash)
            return fail(byHash.errorString());
        if (byHash->has_value())
            p.existing = **byHash;
        else
            p.analysis = Analyzer::analyze(p.item.article);
    }

    // One transaction for the feed.
    if (Status s = store.beginBulk(); !s)
        return fail(s.errorString());
    const auto rollback = [&](const QString &why) {
        store.rollbackBulk();
        r.imported.clear();
        r.alreadyPresent.clear();
        r.completed.clear();
        return fail(why);
    };
    for (Pending &p : pending) {
        ImportOutcome &o = p.outcome;
        o.title = p.item.article.title;
        o.warnings = p.item.warnings;
        o.articleId = p.existing;
        o.status = ImportOutcome::Status::AlreadyPresent;
        if (p.existing == 0) {
            bool present = false;
            auto id = ArticleRepository(store).addArticle(p.item.article, p.analysis, Analyzer::Version,
                                                          &present);
            if (!id)
                return rollback(tr("%1: %2").arg(o.path, id.errorString()));
            o.articleId = *id;
            o.status = present ? ImportOutcome::Status::AlreadyPresent : ImportOutcome::Status::Imported;
        }
        if (Status s = feeds.markSeen(feed.id, p.key, o.articleId); !s)
            return rollback(s.errorString());
        (o.status == ImportOutcome::Status::Imported ? r.imported : r.alreadyPresent).append(o);
    }
    // The pages that came this time: stored as a new version of the summary's article.
    for (Pending &p : retries) {
        ImportOutcome &o = p.outcome;
        o.title = p.item.article.title;
        o.warnings = p.item.warnings;
        o.articleId = p.existing;
        bool present = false;
        // Stored without layers: replaceWithVersion() analyses the text on the article that keeps it.
        auto page = ArticleRepository(store).addArticle(p.item.article, {}, Analyzer::Version, &present);
        if (!page)
            return rollback(tr("%1: %2").arg(o.path, page.errorString()));
        if (present)
            continue; // the page's text is in the library already, as another article
        if (auto replaced = replaceWithVersion(store, p.existing, *page); !replaced)
            return rollback(tr("%1: %2").arg(o.path, replaced.errorString()));
        o.status = ImportOutcome::Status::Imported;
        r.completed.append(o);
    }
    if (Status s = feeds.markUpdated(feed.id, r.title, QDateTime::currentDateTimeUtc()); !s)
        return rollback(s.errorString());
    if (Status s = store.commitBulk(); !s)
        return rollback(s.errorString());
    r.ok = true;
    return r;
}

void updateFeeds(ArticleStore &store, const QList<qint64> &ids, const FeedUpdateOptions &options,
                 const std::function<bool(const FeedUpdateResult &)> &onFeed)
{
    QList<Feed> chosen;
    auto all = FeedRepository(store).feeds();
    if (!all) {
        FeedUpdateResult r;
        r.error = all.errorString();
        onFeed(r);
        return;
    }
    if (ids.isEmpty()) {
        chosen = *all;
    } else {
        for (qint64 id : ids) {
            const auto it
                = std::find_if(all->cbegin(), all->cend(), [id](const Feed &f) { return f.id == id; });
            if (it != all->cend()) {
                chosen.append(*it);
                continue;
            }
            FeedUpdateResult r;
            r.feed.id = id;
            r.error = tr("there is no feed %1").arg(id);
            if (!onFeed(r))
                return;
        }
    }
    for (const Feed &f : std::as_const(chosen)) {
        if (options.cancelled && options.cancelled())
            return;
        if (!onFeed(updateFeed(store, f, options)))
            return;
    }
}

} // namespace Lede
