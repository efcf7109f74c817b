// SPDX-License-Identifier: GPL-3.0-or-later
#include "UrlFetcher.h"

#include "Logging.h"
#include "io/FeedFullText.h"
#include "io/FormatSniffer.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Lede::UrlFetcher", text);
}

QString sizeText(qint64 bytes)
{
    if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0)
        return tr("%1 MiB").arg(bytes / (1024 * 1024));
    if (bytes >= 1024 && bytes % 1024 == 0)
        return tr("%1 KiB").arg(bytes / 1024);
    return tr("%1 bytes").arg(bytes);
}

QString secondsText(int milliseconds)
{
    if (milliseconds % 1000 == 0)
        return tr("%1 s").arg(milliseconds / 1000);
    return tr("%1 s").arg(double(milliseconds) / 1000.0, 0, 'g', 3);
}

// The suffix ArticleImporter reads a media type as, or empty for a type that is not an article.
// Generic binary or missing types fall back on the URL's suffix and the content.
QString suffixForType(const QString &type)
{
    struct Entry
    {
        QStringView type;
        QStringView suffix;
    };
    static constexpr Entry entries[] = {
        { u"text/html", u"html" },
        { u"application/xhtml+xml", u"html" },
        { u"application/pdf", u"pdf" },
        { u"application/x-pdf", u"pdf" },
        { u"text/plain", u"txt" },
        { u"text/markdown", u"md" },
        { u"text/x-markdown", u"md" },
        { u"application/rtf", u"rtf" },
        { u"text/rtf", u"rtf" },
        { u"application/rss+xml", u"rss" },
        { u"application/atom+xml", u"atom" },
        { u"application/rdf+xml", u"rss" },
        // Generic XML: a feed is read by its root element, any other XML is refused for what it is.
        { u"text/xml", u"xml" },
        { u"application/xml", u"xml" },
        { u"application/vnd.openxmlformats-officedocument.wordprocessingml.document", u"docx" },
        { u"application/vnd.oasis.opendocument.text", u"odt" },
    };
    for (const Entry &e : entries) {
        if (e.type == type)
            return e.suffix.toString();
    }
    // The older feed types many servers still send ("application/x-rss+xml"); a feed is read by its
    // root element. Other XML types (SVG, ...) stay refused.
    if (type.endsWith(u"+xml"_s) && (type.contains(u"rss"_s) || type.contains(u"atom"_s)))
        return u"xml"_s;
    return {};
}

bool isGenericType(const QString &type)
{
    return type.isEmpty() || type == u"application/octet-stream"_s || type == u"binary/octet-stream"_s;
}

QString networkError(const QNetworkReply &reply, const QUrl &url)
{
    const QString host = url.host();
    switch (reply.error()) {
    case QNetworkReply::HostNotFoundError:
        return tr("cannot find the host %1 (check the address and the network)").arg(host);
    case QNetworkReply::ConnectionRefusedError:
        return tr("%1 refused the connection").arg(host);
    case QNetworkReply::RemoteHostClosedError:
        return tr("%1 closed the connection before it answered").arg(host);
    case QNetworkReply::TooManyRedirectsError:
        return tr("more than %1 redirects").arg(UrlFetcher::MaxRedirects);
    case QNetworkReply::InsecureRedirectError:
        return tr("the server redirected from HTTPS to an insecure address; not followed");
    case QNetworkReply::ProtocolUnknownError:
        return tr("the address is not HTTP or HTTPS");
    case QNetworkReply::SslHandshakeFailedError:
        return tr("the secure connection to %1 failed: %2").arg(host, reply.errorString().simplified());
    default:
        break;
    }
    return reply.errorString().simplified();
}

} // namespace

bool UrlFetcher::isUrl(const QString &argument)
{
    return argument.startsWith(u"http://"_s, Qt::CaseInsensitive)
        || argument.startsWith(u"https://"_s, Qt::CaseInsensitive);
}

Result<UrlFetcher::Fetched> UrlFetcher::fetch(const QUrl &url, const Options &options)
{
    using R = Result<Fetched>;
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != u"http"_s && scheme != u"https"_s) || url.host().isEmpty())
        return R::failure(tr("not a valid web address (it must start with http:// or https://)"));

    QNetworkAccessManager manager;
    manager.setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
    QNetworkRequest request(url);
    request.setMaximumRedirectsAllowed(MaxRedirects);
    request.setHeader(QNetworkRequest::UserAgentHeader, u"Lede (news reader)"_s);
    request.setRawHeader("Accept",
                         "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
                         "application/pdf,text/plain;q=0.9,*/*;q=0.5");
    QNetworkReply *reply = manager.get(request);

    enum class Stop { None, Timeout, TooLarge, Cancelled };
    Stop stop = Stop::None;
    QByteArray body;
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    const auto success = [reply] {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        return status >= 200 && status < 300;
    };
    const auto halt = [&](Stop why) {
        if (stop != Stop::None)
            return;
        stop = why;
        reply->abort();
    };
    QObject::connect(&timer, &QTimer::timeout, &loop, [&] { halt(Stop::Timeout); });
    QTimer poll;
    if (options.cancelled) {
        QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
            if (options.cancelled())
                halt(Stop::Cancelled);
        });
        poll.start(CancelPollMs);
    }
    QObject::connect(reply, &QNetworkReply::metaDataChanged, &loop, [&] {
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        if (success() && length.isValid() && length.toLongLong() > options.maxBytes)
            halt(Stop::TooLarge);
    });
    QObject::connect(reply, &QNetworkReply::readyRead, &loop, [&] {
        if (stop != Stop::None || !success())
            return;
        body += reply->readAll();
        if (body.size() > options.maxBytes)
            halt(Stop::TooLarge);
    });
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    timer.start(options.timeoutMs);
    if (!reply->isFinished())
        loop.exec();
    timer.stop();
    poll.stop();

    const QUrl finalUrl = reply->url();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString reason
        = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString().simplified();
    const QString statusText
        = reason.isEmpty() ? QString::number(status) : QString::number(status) + u' ' + reason;
    const auto fail = [&](const QString &message) {
        qCDebug(lcImport) << "fetch" << url << "failed:" << message;
        reply->deleteLater();
        return R::failure(message);
    };
    if (stop == Stop::Cancelled)
        return fail(tr("cancelled"));
    if (stop == Stop::Timeout)
        return fail(
            tr("no complete answer from %1 within %2").arg(url.host(), secondsText(options.timeoutMs)));
    if (stop == Stop::TooLarge)
        return fail(tr("the page is too large (the limit is %1)").arg(sizeText(options.maxBytes)));
    if (status >= 300 && status < 400 && reply->error() == QNetworkReply::NoError)
        return fail(tr("the server answered %1 without a redirect that can be followed").arg(statusText));
    if (status >= 400)
        return fail(tr("the server answered %1").arg(statusText));
    if (reply->error() != QNetworkReply::NoError)
        return fail(networkError(*reply, url));
    if (status != 0 && !success())
        return fail(tr("the server answered %1").arg(statusText));
    body += reply->readAll();
    if (body.size() > options.maxBytes)
        return fail(tr("the page is too large (the limit is %1)").arg(sizeText(options.maxBytes)));

    Fetched fetched;
    fetched.data = std::move(body);
    // After a redirect Qt may hand over the header values of every hop joined by ", "; the final
    // response's value is the last.
    const QString typeHeader = QString::fromLatin1(reply->rawHeader("Content-Type"));
    fetched.contentType = typeHeader.section(u',', -1).section(u';', 0, 0).trimmed().toLower();
    fetched.finalUrl = finalUrl;
    reply->deleteLater();
    qCDebug(lcImport) << "fetched" << url << "->" << finalUrl << fetched.contentType << fetched.data.size()
                      << "bytes";
    return fetched;
}

QString UrlFetcher::fileNameFor(const QUrl &url, const QString &contentType, const QByteArray &data)
{
    const QFileInfo segment(url.fileName());
    QString base = segment.completeBaseName();
    if (base.isEmpty())
        base = url.host();
    QString suffix = suffixForType(contentType);
    if (suffix.isEmpty() && isGenericType(contentType)) {
        // No useful type: the URL's own suffix, else the content (markup or not; ArticleImporter
        // recognises PDF, DOCX, ODT, RTF and feeds by their bytes whatever the name says).
        const QString own = segment.suffix().toLower();
        if (ArticleImporter::supportedSuffixes().contains(own))
            suffix = own;
        else
            suffix = data.trimmed().startsWith('<') ? u"html"_s : u"txt"_s;
    }
    if (suffix.isEmpty())
        return {};
    return base + u'.' + suffix;
}

Result<QList<ImportedArticle>> UrlFetcher::importUrl(const QString &url, const Options &options)
{
    using R = Result<QList<ImportedArticle>>;
    auto fetched = fetch(QUrl(url, QUrl::StrictMode), options);
    if (!fetched)
        return R::failure(fetched.errorString());
    const QString fileName = fileNameFor(fetched->finalUrl, fetched->contentType, fetched->data);
    if (fileName.isEmpty()) {
        return R::failure(
            tr("the server sent %1, which is not an article (a web page, PDF, text, feed, DOCX, "
               "ODT or RTF)")
                .arg(fetched->contentType));
    }
    auto imported = ArticleImporter::importDataArticles(fetched->data, fileName);
    if (!imported)
        return imported;
    QList<ImportedArticle> articles = std::move(imported).value();
    // A feed's items that carry only a summary get their linked page's text.
    if (articles.first().article.provenance.value(u"format"_s) == u"feed"_s) {
        FeedFullText::Options follow;
        follow.fetch = options;
        follow.cancelled = options.cancelled;
        FeedFullText::follow(articles, follow);
        // Cancelled among the items' pages: the feed is not imported half-followed.
        if (options.cancelled && options.cancelled())
            return R::failure(tr("cancelled"));
    }
    const bool many = articles.size() > 1 || ArticleImporter::isMultiArticle(articles.first().article);
    if (!many) {
        // A page is an article only with some words in it, as a file is.
        const Article &a = articles.first().article;
        if (const QString why = FormatSniffer::tooLittleText(QString(a.title + u'\n' + a.body));
            !why.isEmpty())
            return R::failure(why);
    }
    const QString finalUrl = fetched->finalUrl.toString();
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    for (qsizetype i = 0; i < articles.size(); ++i) {
        Article &a = articles[i].article;
        a.path = many ? url + u'#' + QString::number(i + 1) : url;
        if (!many && a.url.isEmpty())
            a.url = finalUrl;
        a.provenance.insert(u"file"_s, url);
        a.provenance.insert(u"fetched_from"_s, finalUrl);
        a.provenance.insert(u"content_type"_s, fetched->contentType);
        a.provenance.insert(u"fetched_at"_s, now);
    }
    return articles;
}

} // namespace Lede
