// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/ArticleImporter.h"
#include "io/UrlFetcher.h"

#include <QList>
#include <functional>

namespace Lede {

// The full text of feed items that carry only a summary: the item's link is fetched (UrlFetcher)
// and the page's main text extracted (ArticleImporter -> MarkupImporter -> MainTextExtractor), as
// for `lede import URL`. Used for feeds fetched from the web (`lede import FEED_URL`,
// `lede feed update`); a feed file is read without any fetch (FeedReader).
//
// An item is a summary when the feed has no content:encoded / atom:content for it (FeedReader
// marks it "summary_only"), when its text ends the way teasers do ("…", "[…]", "Read more",
// "Continue reading"), or when it is short (under ShortWords words). Its page replaces its text only
// when the page holds clearly more (at least PageGain times the item's words): a short item that is
// the whole story keeps its text. Title, byline, date and source stay the feed's where it gives
// them (the page fills the ones it lacks); provenance "body" says "linked page" and "fetched_from"
// the page's address. A failed fetch keeps the feed's text with a warning naming the reason; after
// MaxFailures failed pages in a row the remaining items are not fetched (each with a warning), so
// a dead site costs a few timeouts, not one per item. An item whose page could not be fetched gets
// provenance "full_text": "not fetched" (NotFetched), so that a later feed update can try it again.
class FeedFullText final
{
public:
    static constexpr int ShortWords = 150;
    static constexpr double PageGain = 1.25;
    static constexpr int MaxFailures = 3;

    struct Options
    {
        UrlFetcher::Options fetch;
        // Asked before each fetch; true stops fetching (the rest keep their summaries, no warning).
        // A fetch that fetch.cancelled (or this) aborts adds no warning either.
        std::function<bool()> cancelled;
    };

    static bool isSummary(const Article &item);
    // An article that kept its feed summary because its page could not be fetched (not because the page
    // held no more text).
    static bool pageNotFetched(const Article &article);
    // Fetches the pages of the summary items among `items` (in order); returns how many got their text from
    // their page.
    static int follow(QList<ImportedArticle> &items, const Options &options);
    static int follow(QList<ImportedArticle> &items) { return follow(items, Options()); }
};

} // namespace Lede
