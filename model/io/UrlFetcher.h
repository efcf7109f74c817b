// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"
#include "io/ArticleImporter.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>
#include <functional>

namespace Lede {

// Fetches one web address for `lede import URL` (and `lede analyze URL`): the page itself only,
// never its images, scripts or styles.
//
// Contract: fetch() is synchronous (it runs its own QEventLoop, so it works on any thread that has
// a QCoreApplication around it) and speaks HTTP and HTTPS only. It follows at most MaxRedirects
// redirects, never from HTTPS down to HTTP; gives up after timeoutMs; refuses a body over maxBytes
// (by its Content-Length before reading, else while reading). On failure the message is one line
// naming the cause: the host cannot be found, the connection was refused, no answer in time, the
// server's status ("404 Not Found"), too many redirects, too large, a TLS failure.
// importUrl() then imports the body by its Content-Type and its content: a type that is not an
// article (an image, a script, ...) is refused with the type named.
class UrlFetcher final
{
public:
    static constexpr int MaxRedirects = 5;
    static constexpr int DefaultTimeoutMs = 30'000;

    struct Options
    {
        int timeoutMs = DefaultTimeoutMs;
        qint64 maxBytes = ArticleImporter::MaxFileSize;
        // Asked every CancelPollMs while the fetch runs (from the fetching thread); true aborts it
        // with the message "cancelled".
        std::function<bool()> cancelled;
    };
    static constexpr int CancelPollMs = 100;

    struct Fetched
    {
        QByteArray data;
        QString contentType; // the media type only, lower case, without parameters ("text/html")
        QUrl finalUrl; // after redirects
    };

    // Whether a command-line argument names a web address rather than a file: it starts with
    // "http://" or "https://" (in any case).
    static bool isUrl(const QString &argument);

    static Result<Fetched> fetch(const QUrl &url, const Options &options);
    static Result<Fetched> fetch(const QUrl &url) { return fetch(url, Options()); }

    // A file name for ArticleImporter::importDataArticles() whose suffix matches the content type
    // (text/html -> .html, application/pdf -> .pdf, ...), built from the URL's last path segment (or its
    // host). An empty string when the type is not one Lede reads.
    static QString fileNameFor(const QUrl &url, const QString &contentType, const QByteArray &data);

    // Fetches and imports: one article for a page, one per item for a feed (Article::path "URL#N"); a
    // feed's items that carry only a summary get the text of their linked page (FeedFullText).
    // Article::path of a single article is `url` as given; Article::url is the page's own URL when it
    // names one, else the URL after redirects. Provenance records "fetched_from" (the final URL),
    // "content_type" and "fetched_at" (UTC, ISO 8601). Options::cancelled reaches the linked pages'
    // fetches too; a Cancel at any point fails the whole address with "cancelled".
    static Result<QList<ImportedArticle>> importUrl(const QString &url, const Options &options);
    static Result<QList<ImportedArticle>> importUrl(const QString &url) { return importUrl(url, Options()); }
};

} // namespace Lede
