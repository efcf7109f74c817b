// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <optional>

namespace Lede {

class ArticleStore;

// A feed subscription (`lede feed`, the window's Feeds).
struct Feed
{
    qint64 id = 0;
    QString url;
    QString title; // the channel's title, as of the last update
    QDateTime addedAt; // UTC
    QDateTime updatedAt; // UTC; invalid until the first successful update
    QString lastError; // the reason the last update failed, empty when it worked
    int itemCount = 0; // items of the feed that are articles in the library
};

// The library's feed subscriptions and the items each has seen (schema v7). An item is known by a
// key (FeedUpdate: its guid, else its link, else its content hash); an update imports only items
// whose key is new. Works on the store's connection, from the thread that opened it; every
// mutating call is one transaction (a savepoint inside a bulk batch, which is how FeedUpdate makes
// one update of one feed one transaction).
class FeedRepository final
{
    Q_DECLARE_TR_FUNCTIONS(Lede::FeedRepository)

public:
    explicit FeedRepository(ArticleStore &store)
        : m_store(store)
    {
    }

    Result<QList<Feed>> feeds() const; // by id
    Result<Feed> feed(qint64 id) const;
    // Subscribes; refuses a URL that is already subscribed (naming its id).
    Result<qint64> addFeed(const QString &url, const QString &title);
    // Ends the subscription and forgets its items; the articles stay.
    Status removeFeed(qint64 id);
    // After an update: the channel's title (kept when empty) and the time; clears the last error.
    Status markUpdated(qint64 id, const QString &title, const QDateTime &when);
    Status markFailed(qint64 id, const QString &error);

    // The keys of the items the feed has seen.
    Result<QSet<QString>> seenKeys(qint64 feedId) const;
    // Remembers an item; articleId 0 for none. Seeing an item again keeps its first record.
    Status markSeen(qint64 feedId, const QString &itemKey, qint64 articleId);
    // The article stored with this web address (an item imported some other way), if any.
    Result<std::optional<qint64>> findArticleByUrl(const QString &url) const;

private:
    ArticleStore &m_store;
};

} // namespace Lede
