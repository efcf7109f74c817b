// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "MessageBar.h"

#include <QList>
#include <QObject>

class QWidget;

namespace Lede {

class ArticleStore;

// The window's feed subscriptions (FeedUpdate.h): subscribing (the address is fetched once to see
// that it is a feed), updating and removing. Fetching and importing run on a worker thread with its
// own connection to the library, behind a window-modal progress dialog; an update can be cancelled
// between feeds (the feed in progress writes nothing). A summary follows, listing the feeds that
// failed with their reasons.
class FeedController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FeedController)

public:
    FeedController(ArticleStore *store, QWidget *window);
    ~FeedController() override;

    bool isRunning() const { return m_running; }
    // Asks for the address (UrlDialog) and subscribes.
    void addFeedDialog();
    void addFeed(const QString &url);
    // Updates these feeds (every feed when `ids` is empty).
    void updateFeeds(const QList<qint64> &ids);
    // Asks first; the feed's articles stay in the library.
    void removeFeed(qint64 id);

signals:
    void message(const QString &text, MessageBar::Kind kind);
    void feedsChanged(); // subscriptions, their titles, times or counts
    void libraryChanged(); // articles were added
    // A summary article took its page's text (FeedUpdateResult::completed): an open copy, its undo steps
    // and their offsets are out of date.
    void articleTextReplaced(qint64 articleId);
    void finished(); // an add or an update ended (its message or summary has been shown)

private:
    ArticleStore *m_store;
    QWidget *m_window;
    bool m_running = false;
};

} // namespace Lede
