// SPDX-License-Identifier: GPL-3.0-or-later
#include "FeedFullText.h"

#include "Logging.h"
#include "io/FeedReader.h"
#include "io/FormatSniffer.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QRegularExpression>
#include <climits>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

// Provenance of an item whose linked page could not be fetched: a later update tries it again.
const QString FullTextKey = u"full_text"_s;
const QString NotFetched = u"not fetched"_s;

QString tr(const char *text)
{
    return QCoreApplication::translate("Lede::FeedFullText", text);
}

int words(const QString &text)
{
    return FormatSniffer::countWords(text, INT_MAX);
}

bool endsLikeATeaser(const QString &text)
{
    static const QRegularExpression teaser(
        u"(?:…|\\.\\.\\.|\\[…\\]|\\[\\.\\.\\.\\]|read more|continue reading|read the full (?:story|article))"
        u"[\\s\\p{P}»›→]*$"_s,
        QRegularExpression::CaseInsensitiveOption);
    return teaser.match(text.right(80)).hasMatch();
}

// The page's article under the item's own details: the feed's title, byline, date and source win,
// the page fills what the feed leaves out.
void takePage(Article &item, Article &&page, const QUrl &finalUrl)
{
    item.body = std::move(page.body);
    item.blocks = std::move(page.blocks);
    item.contentHash = std::move(page.contentHash);
    if (item.title.isEmpty())
        item.title = page.title;
    if (item.byline.isEmpty())
        item.byline = page.byline;
    if (!item.published.isValid())
        item.published = page.published;
    if (item.source.isEmpty())
        item.source = page.source;
    if (item.dateline.isEmpty())
        item.dateline = page.dateline;
    for (auto it = page.metadata.cbegin(); it != page.metadata.cend(); ++it) {
        if (!item.metadata.contains(it.key()))
            item.metadata.insert(it.key(), it.value());
    }
    item.metadata.remove(u"summary_only"_s);
    item.provenance.remove(FullTextKey);
    item.provenance.insert(u"body"_s, u"linked page"_s);
    item.provenance.insert(u"page_format"_s, page.provenance.value(u"format"_s));
    item.provenance.insert(u"fetched_from"_s, finalUrl.toString());
    item.provenance.insert(u"fetched_at"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
}

// The page at `link` as an article, or why not.
Result<Article> fetchPage(const QString &link, const UrlFetcher::Options &options, QUrl *finalUrl)
{
    using R = Result<Article>;
    auto fetched = UrlFetcher::fetch(QUrl(link, QUrl::StrictMode), options);
    if (!fetched)
        return R::failure(fetched.errorString());
    *finalUrl = fetched->finalUrl;
    const QString fileName = UrlFetcher::fileNameFor(fetched->finalUrl, fetched->contentType, fetched->data);
    if (fileName.isEmpty())
        return R::failure(tr("the server sent %1, not a page").arg(fetched->contentType));
    auto page = ArticleImporter::importData(fetched->data, fileName);
    if (!page)
        return R::failure(page.errorString());
    return std::move(page).value().article;
}

} // namespace

bool FeedFullText::pageNotFetched(const Article &article)
{
    return article.provenance.value(FullTextKey) == NotFetched;
}

bool FeedFullText::isSummary(const Article &item)
{
    return item.metadata.value(u"summary_only"_s) == u"true"_s || endsLikeATeaser(item.body)
        || words(item.body) < ShortWords;
}

int FeedFullText::follow(QList<ImportedArticle> &items, const Options &options)
{
    int followed = 0;
    int failuresInARow = 0;
    for (ImportedArticle &imported : items) {
        Article &item = imported.article;
        if (item.url.isEmpty() || !UrlFetcher::isUrl(item.url) || !isSummary(item))
            continue;
        if (options.cancelled && options.cancelled())
            break;
        const bool summaryOnly = item.metadata.value(u"summary_only"_s) == u"true"_s;
        // FeedReader's "fetches nothing" note no longer applies: the link is tried now.
        imported.warnings.removeAll(FeedReader::summaryWarning(item.url));
        if (failuresInARow >= MaxFailures) {
            item.provenance.insert(FullTextKey, NotFetched);
            imported.warnings.append(
                tr("the full article at %1 was not fetched (%2 pages of this feed failed in a row); "
                   "the feed's text is kept")
                    .arg(item.url)
                    .arg(MaxFailures));
            continue;
        }
        QUrl finalUrl;
        auto page = fetchPage(item.url, options.fetch, &finalUrl);
        // A fetch the Cancel cut short is no failure of the page: no warning, nothing more fetched.
        if (!page && options.cancelled && options.cancelled())
            break;
        if (!page && options.fetch.cancelled && options.fetch.cancelled())
            break;
        if (!page) {
            ++failuresInARow;
            item.provenance.insert(FullTextKey, NotFetched);
            imported.warnings.append(
                tr("could not fetch the full article at %1 (%2); the feed's text is kept")
                    .arg(item.url, page.errorString()));
            continue;
        }
        failuresInARow = 0;
        const int itemWords = words(item.body);
        const int pageWords = words(page->body);
        if (pageWords < FormatSniffer::MinWords || pageWords < PageGain * itemWords) {
            qCDebug(lcImport) << "feed item" << item.url << "kept:" << itemWords << "words, page"
                              << pageWords;
            if (summaryOnly)
                imported.warnings.append(
                    tr("the page at %1 holds no more text than the feed's summary; the summary is kept")
                        .arg(item.url));
            continue;
        }
        takePage(item, std::move(page).value(), finalUrl);
        ++followed;
    }
    return followed;
}

} // namespace Lede
