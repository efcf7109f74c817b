// SPDX-License-Identifier: GPL-3.0-or-later
#include "FeedRepository.h"

#include "ArticleStore.h"
#include "StoreInternal_p.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Lede {

using namespace StoreInternal;

namespace {

const QString FeedColumns
    = u"SELECT f.id, f.url, f.title, f.added_at, ifnull(f.updated_at, ''), f.last_error, "
      u"(SELECT count(*) FROM feed_items i WHERE i.feed_id = f.id AND i.article_id IS NOT NULL) "
      u"FROM feeds f"_s;

Feed feedFrom(const QSqlQuery &query)
{
    Feed f;
    f.id = query.value(0).toLongLong();
    f.url = query.value(1).toString();
    f.title = query.value(2).toString();
    f.addedAt = parseTime(query.value(3).toString());
    f.updatedAt = parseTime(query.value(4).toString());
    f.lastError = query.value(5).toString();
    f.itemCount = query.value(6).toInt();
    return f;
}

} // namespace

Result<QList<Feed>> FeedRepository::feeds() const
{
    using R = Result<QList<Feed>>;
    QSqlQuery query(m_store.database());
    if (!execute(query, FeedColumns + u" ORDER BY f.id"_s))
        return R::failure(queryError(query));
    QList<Feed> out;
    while (query.next())
        out.append(feedFrom(query));
    return out;
}

Result<Feed> FeedRepository::feed(qint64 id) const
{
    using R = Result<Feed>;
    QSqlQuery query(m_store.database());
    if (!execute(query, FeedColumns + u" WHERE f.id = ?"_s, { id }))
        return R::failure(queryError(query));
    if (!query.next())
        return R::failure(tr("There is no feed %1").arg(id));
    return feedFrom(query);
}

Result<qint64> FeedRepository::addFeed(const QString &url, const QString &title)
{
    using R = Result<qint64>;
    Transaction tx { StoreAccess(m_store) };
    if (!tx.active())
        return R::failure(tr("Cannot write to the library: %1").arg(tx.error()));
    QSqlQuery query(m_store.database());
    if (!execute(query, u"SELECT id FROM feeds WHERE url = ?"_s, { url }))
        return R::failure(queryError(query));
    if (query.next())
        return R::failure(
            tr("The feed %1 is subscribed already (feed %2)").arg(url).arg(query.value(0).toLongLong()));
    if (!execute(query, u"INSERT INTO feeds (url, title, added_at) VALUES (?, ?, ?)"_s,
                 { url, text(title), nowUtc() }))
        return R::failure(tr("Cannot add the feed: %1").arg(queryError(query)));
    const qint64 id = query.lastInsertId().toLongLong();
    if (!tx.commit())
        return R::failure(tx.error());
    return id;
}

Status FeedRepository::removeFeed(qint64 id)
{
    Transaction tx { StoreAccess(m_store) };
    if (!tx.active())
        return Status::failure(tr("Cannot write to the library: %1").arg(tx.error()));
    QSqlQuery query(m_store.database());
    if (!execute(query, u"DELETE FROM feed_items WHERE feed_id = ?"_s, { id })
        || !execute(query, u"DELETE FROM feeds WHERE id = ?"_s, { id }))
        return Status::failure(tr("Cannot remove the feed: %1").arg(queryError(query)));
    if (query.numRowsAffected() == 0)
        return Status::failure(tr("There is no feed %1").arg(id));
    if (!tx.commit())
        return Status::failure(tx.error());
    return {};
}

Status FeedRepository::markUpdated(qint64 id, const QString &title, const QDateTime &when)
{
    QSqlQuery query(m_store.database());
    if (!execute(query,
                 u"UPDATE feeds SET title = CASE WHEN ? = '' THEN title ELSE ? END, updated_at = ?, "
                 u"last_error = '' WHERE id = ?"_s,
                 { text(title), text(title), when.toUTC().toString(Qt::ISODate), id }))
        return Status::failure(tr("Cannot record the feed's update: %1").arg(queryError(query)));
    if (query.numRowsAffected() == 0)
        return Status::failure(tr("There is no feed %1").arg(id));
    return {};
}

Status FeedRepository::markFailed(qint64 id, const QString &error)
{
    QSqlQuery query(m_store.database());
    if (!execute(query, u"UPDATE feeds SET last_error = ? WHERE id = ?"_s, { text(error), id }))
        return Status::failure(tr("Cannot record the feed's error: %1").arg(queryError(query)));
    return {};
}

Result<QSet<QString>> FeedRepository::seenKeys(qint64 feedId) const
{
    using R = Result<QSet<QString>>;
    QSqlQuery query(m_store.database());
    if (!execute(query, u"SELECT item_key FROM feed_items WHERE feed_id = ?"_s, { feedId }))
        return R::failure(queryError(query));
    QSet<QString> keys;
    while (query.next())
        keys.insert(query.value(0).toString());
    return keys;
}

Status FeedRepository::markSeen(qint64 feedId, const QString &itemKey, qint64 articleId)
{
    QSqlQuery query(m_store.database());
    if (!execute(query,
                 u"INSERT OR IGNORE INTO feed_items (feed_id, item_key, article_id, seen_at) "
                 u"VALUES (?, ?, ?, ?)"_s,
                 { feedId, itemKey, idOrNull(articleId), nowUtc() }))
        return Status::failure(tr("Cannot record the feed's item: %1").arg(queryError(query)));
    return {};
}

Result<std::optional<qint64>> FeedRepository::findArticleByUrl(const QString &url) const
{
    using R = Result<std::optional<qint64>>;
    if (url.isEmpty())
        return std::optional<qint64>();
    QSqlQuery query(m_store.database());
    // The condition repeats the partial index's own, so that SQLite uses it.
    if (!execute(query, u"SELECT id FROM articles WHERE url = ? AND url <> '' ORDER BY id LIMIT 1"_s,
                 { url }))
        return R::failure(queryError(query));
    if (!query.next())
        return std::optional<qint64>();
    return std::optional<qint64>(query.value(0).toLongLong());
}

} // namespace Lede
