// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/UrlFetcher.h"
#include "library/LibraryImport.h"
#include "store/FeedRepository.h"

#include <QList>
#include <QString>
#include <functional>

namespace Lede {

class ArticleStore;

// Feed subscriptions at work: `lede feed add|update` and the window's Feeds.
//
// subscribeFeed() fetches the address once and subscribes only to an RSS or Atom feed that reads
// (its channel title is kept); nothing is imported yet. A web page that announces its feed
// (<link rel="alternate" type="application/rss+xml" or "application/atom+xml">) subscribes to that
// feed: the subscription's address is the feed's.
//
// updateFeed() fetches the feed and imports the items it has not seen: an item is known by its guid,
// else its link, else its text's hash (FeedRepository). A new item whose link is the web address of
// an article in the library, or whose text is already there (content hash), is not stored again:
// it is remembered with that article and counted as already present. Items that carry only a
// summary get their linked page's text first (FeedFullText); one seen before whose page could not be
// fetched then is tried again while the feed still lists it, for three days after its import
// (FeedUpdateResult::completed). Everything an
// update of one feed writes (the new articles with their analyses, the items seen, the feed's title and time)
// is one transaction: a failure leaves the library as it was, records the one-line reason on the feed
// (Feed::lastError) and returns it; the caller goes on with the next feed. A cancelled update
// (FeedUpdateOptions::cancelled, also asked while a fetch runs) writes nothing and records no error.
struct FeedUpdateResult
{
    Feed feed; // as it was before the update
    QString title; // the channel's title now
    bool ok = false;
    bool cancelled = false;
    QString error; // why it failed, one line
    QList<ImportOutcome> imported; // the new articles, in the feed's order (path "FEED_URL#N")
    QList<ImportOutcome> alreadyPresent; // new items that were in the library already
    // Items seen before whose article kept the feed's summary because its page could not be fetched, and
    // whose page came this time: the article (same id) took the page's text, its highlights and notes
    // re-attached as `import --replace` does (replaceWithVersion).
    QList<ImportOutcome> completed;
    int known = 0; // items seen by an earlier update
};

struct FeedUpdateOptions
{
    UrlFetcher::Options fetch;
    std::function<bool()> cancelled; // asked during every fetch and between them (on the updating thread)
};

Result<qint64> subscribeFeed(ArticleStore &store, const QString &url,
                             const UrlFetcher::Options &options = {});
FeedUpdateResult updateFeed(ArticleStore &store, const Feed &feed, const FeedUpdateOptions &options = {});
// The feeds with these ids (every feed when `ids` is empty), one after the other; `onFeed` sees each
// result and returns false to stop. An unknown id is a failed result of its own.
void updateFeeds(ArticleStore &store, const QList<qint64> &ids, const FeedUpdateOptions &options,
                 const std::function<bool(const FeedUpdateResult &)> &onFeed);

} // namespace Lede
