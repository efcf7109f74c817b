// SPDX-License-Identifier: GPL-3.0-or-later
// `lede import URL` below the command line: UrlFetcher against a local server (LocalHttpServer.h)
// that serves pages written here. Nothing is fetched from the internet.
#include "LocalHttpServer.h"
#include "PdfFixture.h"
#include "io/UrlFetcher.h"
#include "library/LibraryImport.h"
#include "store/ArticleRepository.h"
#include "store/ArticleStore.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QScopeGuard>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QThreadPool>
#include <atomic>

using namespace Qt::StringLiterals;
using namespace Lede;
using LedeTest::LocalHttpServer;

class TestUrlFetcher final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void recognisesUrls();
    void importsAWebPageAndNothingElse();
    void followsRedirectsAndRecordsTheFinalUrl();
    void failuresAreOneLine_data();
    void failuresAreOneLine();
    void refusedConnectionIsNamed();
    void timeoutIsNamed();
    void formatFollowsContentType();
    void feedGivesOneArticlePerItem();
    void libraryImportMixesFilesAndUrls();
    void cancelAbortsAFeedsLinkedPages();
    void cancelStopsABulkImportInsideAFeed();
    void cancelStopsAHangingAddress();
    void cancelBeforeTheStartImportsNothing();
    void httpsChecksTheCertificate();

private:
    std::unique_ptr<LocalHttpServer> m_server;
};

namespace {

const QByteArray articleHtml = R"(<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Harbour bridge reopens | Test Gazette</title></head>
<body><nav><a href="/">Home</a></nav>
<article><h1>Harbour bridge reopens after repairs</h1>
<p class="byline">By Mira Okafor</p>
<p>The harbour bridge reopened to traffic on Tuesday after six weeks of repairs, the city council said.</p>
<img src="/pixel.png" alt="">
<p>"We are glad to have it back," said Tomas Berg, who drives across it every morning.</p>
<p>Engineers replaced forty steel cables and repainted the deck during the closure.</p>
</article>
<script src="/tracker.js"></script>
</body></html>
)";

const QByteArray notesText
    = "Council budget approved\n\nThe council approved the budget for next year on Monday, "
      "with more money for libraries and buses.\n";

const QByteArray feedXml = R"(<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Test Gazette</title><link>http://gazette.test/</link>
<item><title>Ferry timetable changes</title><link>http://127.0.0.1:1/ferry</link>
<content:encoded><![CDATA[<p>The ferry to the islands will leave an hour earlier from May, the operator announced on Friday.</p>
<p>Passengers welcomed the change.</p>]]></content:encoded></item>
<item><title>School roof repaired</title><link>http://127.0.0.1:1/school</link>
<content:encoded><![CDATA[<p>Workers finished repairing the school roof over the weekend, the head teacher said.</p>
<p>Lessons resume on Monday.</p>]]></content:encoded></item>
</channel></rss>
)";

QByteArray reportPdf()
{
    LedeTest::PdfFixture pdf;
    pdf.title = u"Water quality report"_s;
    pdf.pages = { { { 72, 100, 12, u"The lake water was found clean in all twelve samples taken in June."_s },
                    { 72, 120, 12, u"Swimming is allowed again from Saturday."_s } } };
    return pdf.build();
}

// A feed of three items: the first carries its whole story, the other two only a teaser whose linked
// page (`pages` + "-1", "-2") never answers.
QByteArray teaserFeedXml(const QByteArray &pages)
{
    QByteArray story;
    for (int i = 0; i < 20; ++i)
        story
            += "<p>The river ferry ran on time all week, the operator said, and the new timetable stays.</p>";
    return R"(<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>River Post</title><link>http://river.test/</link>
<item><title>Ferry keeps its timetable</title><link>http://river.test/ferry</link><guid>r-1</guid>
<content:encoded><![CDATA[)"
        + story + R"(]]></content:encoded></item>
<item><title>Lock gates to be replaced</title><link>)"
        + pages + R"(-1</link><guid>r-2</guid>
<description>The lock gates will be replaced next spring. Read more</description></item>
<item><title>Towpath reopens</title><link>)"
        + pages + R"(-2</link><guid>r-3</guid>
<description>The towpath reopens on Monday…</description></item>
</channel></rss>
)";
}

QHash<QByteArray, QByteArray> routes()
{
    return {
        { "/news/bridge.html",
          LocalHttpServer::response(200, "OK", "text/html; charset=utf-8", articleHtml) },
        { "/r1", LocalHttpServer::redirect("/r2") },
        { "/r2", LocalHttpServer::redirect("/r3") },
        { "/r3", LocalHttpServer::redirect("/news/bridge.html") },
        { "/loop", LocalHttpServer::redirect("/loop") },
        { "/slow", "HANG" },
        // Says it is larger than ArticleImporter::MaxFileSize: refused before the body is read.
        { "/huge",
          "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 62914560\r\n"
          "Connection: close\r\n\r\nabc" },
        // No length: counted while it arrives.
        { "/stream",
          "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n"
              + QByteArray(200 * 1024, 'a') },
        { "/notes", LocalHttpServer::response(200, "OK", "text/plain; charset=utf-8", notesText) },
        { "/report", LocalHttpServer::response(200, "OK", "application/pdf", reportPdf()) },
        { "/feed", LocalHttpServer::response(200, "OK", "application/rss+xml", feedXml) },
        { "/old-feed", LocalHttpServer::response(200, "OK", "application/x-rss+xml", feedXml) },
        { "/drawing",
          LocalHttpServer::response(
              200, "OK", "image/svg+xml",
              "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>A drawing of the harbour "
              "bridge at night</text></svg>") },
        { "/logo.png", LocalHttpServer::response(200, "OK", "image/png", "\x89PNG\r\n\x1a\nxxxx") },
        { "/gone", LocalHttpServer::response(410, "Gone", "text/html", "<p>gone</p>") },
    };
}

} // namespace

void TestUrlFetcher::initTestCase()
{
    m_server = std::make_unique<LocalHttpServer>(routes());
    QVERIFY(m_server->port() != 0);
}

void TestUrlFetcher::recognisesUrls()
{
    QVERIFY(UrlFetcher::isUrl(u"http://example.org/a"_s));
    QVERIFY(UrlFetcher::isUrl(u"HTTPS://example.org/a"_s));
    QVERIFY(!UrlFetcher::isUrl(u"ftp://example.org/a"_s));
    QVERIFY(!UrlFetcher::isUrl(u"http.txt"_s));
    QVERIFY(!UrlFetcher::isUrl(u"/tmp/http://x"_s));
    QCOMPARE(UrlFetcher::fileNameFor(QUrl(u"http://h/a/story"_s), u"text/html"_s, {}), u"story.html"_s);
    QCOMPARE(UrlFetcher::fileNameFor(QUrl(u"http://h/"_s), u"application/pdf"_s, {}), u"h.pdf"_s);
    QCOMPARE(UrlFetcher::fileNameFor(QUrl(u"http://h/x.md"_s), u"application/octet-stream"_s, {}), u"x.md"_s);
    QCOMPARE(UrlFetcher::fileNameFor(QUrl(u"http://h/x"_s), QString(), "  <html>"), u"x.html"_s);
    QVERIFY(UrlFetcher::fileNameFor(QUrl(u"http://h/x.js"_s), u"text/javascript"_s, {}).isEmpty());
}

void TestUrlFetcher::importsAWebPageAndNothingElse()
{
    const QString url = m_server->url(u"/news/bridge.html"_s);
    auto imported = UrlFetcher::importUrl(url);
    QVERIFY2(imported.ok(), qPrintable(imported.errorString()));
    QCOMPARE(imported->size(), 1);
    const Article &a = imported->first().article;
    QCOMPARE(a.title, u"Harbour bridge reopens after repairs"_s);
    QVERIFY2(a.body.contains(u"forty steel cables"_s), qPrintable(a.body));
    QVERIFY(!a.body.contains(u"Home"_s));
    QCOMPARE(a.url, url);
    QCOMPARE(a.path, url);
    QCOMPARE(a.provenance.value(u"format"_s), u"html"_s);
    QCOMPARE(a.provenance.value(u"content_type"_s), u"text/html"_s);
    QCOMPARE(a.provenance.value(u"fetched_from"_s), url);
    QVERIFY(QDateTime::fromString(a.provenance.value(u"fetched_at"_s), Qt::ISODate).isValid());
    // The page only: not its image, nor its script.
    const QList<QByteArray> requests = m_server->requests();
    QVERIFY(!requests.contains("/pixel.png"));
    QVERIFY(!requests.contains("/tracker.js"));
}

void TestUrlFetcher::followsRedirectsAndRecordsTheFinalUrl()
{
    const QString url = m_server->url(u"/r1"_s);
    auto imported = UrlFetcher::importUrl(url);
    QVERIFY2(imported.ok(), qPrintable(imported.errorString()));
    const Article &a = imported->first().article;
    QCOMPARE(a.title, u"Harbour bridge reopens after repairs"_s);
    QVERIFY(a.body.contains(u"forty steel cables"_s));
    QVERIFY(!a.body.contains(u"moved"_s)); // nothing of the redirect responses
    QCOMPARE(a.provenance.value(u"content_type"_s), u"text/html"_s);
    QCOMPARE(a.path, url); // as the user named it
    QCOMPARE(a.url, m_server->url(u"/news/bridge.html"_s)); // where it was found
}

void TestUrlFetcher::failuresAreOneLine_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<qint64>("maxBytes");
    QTest::addColumn<QString>("message");
    const qint64 limit = ArticleImporter::MaxFileSize;
    QTest::newRow("404") << u"/nowhere"_s << limit << u"the server answered 404 Not Found"_s;
    QTest::newRow("410") << u"/gone"_s << limit << u"the server answered 410 Gone"_s;
    QTest::newRow("redirect loop") << u"/loop"_s << limit << u"more than 5 redirects"_s;
    QTest::newRow("declared too large")
        << u"/huge"_s << limit << u"the page is too large (the limit is 50 MiB)"_s;
    QTest::newRow("too large while read")
        << u"/stream"_s << qint64(64 * 1024) << u"the page is too large (the limit is 64 KiB)"_s;
    QTest::newRow("not an article")
        << u"/logo.png"_s << limit
        << u"the server sent image/png, which is not an article (a web page, PDF, text, feed, DOCX, ODT or RTF)"_s;
}

void TestUrlFetcher::failuresAreOneLine()
{
    QFETCH(QString, path);
    QFETCH(qint64, maxBytes);
    QFETCH(QString, message);
    UrlFetcher::Options options;
    options.maxBytes = maxBytes;
    auto imported = UrlFetcher::importUrl(m_server->url(path), options);
    QVERIFY(!imported.ok());
    QCOMPARE(imported.errorString(), message);
}

void TestUrlFetcher::refusedConnectionIsNamed()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const quint16 port = closed.serverPort();
    closed.close();
    auto imported = UrlFetcher::importUrl(u"http://127.0.0.1:%1/page"_s.arg(port));
    QVERIFY(!imported.ok());
    QCOMPARE(imported.errorString(), u"127.0.0.1 refused the connection"_s);
    QCOMPARE(UrlFetcher::importUrl(u"http://"_s).errorString(),
             u"not a valid web address (it must start with http:// or https://)"_s);
}

void TestUrlFetcher::timeoutIsNamed()
{
    UrlFetcher::Options options;
    options.timeoutMs = 300;
    QElapsedTimer timer;
    timer.start();
    auto imported = UrlFetcher::importUrl(m_server->url(u"/slow"_s), options);
    QVERIFY(!imported.ok());
    QCOMPARE(imported.errorString(), u"no complete answer from 127.0.0.1 within 0.3 s"_s);
    QVERIFY(timer.elapsed() < 5000);
}

void TestUrlFetcher::formatFollowsContentType()
{
    // Neither address has a suffix: the Content-Type decides.
    auto text = UrlFetcher::importUrl(m_server->url(u"/notes"_s));
    QVERIFY2(text.ok(), qPrintable(text.errorString()));
    QCOMPARE(text->first().article.provenance.value(u"format"_s), u"txt"_s);
    QCOMPARE(text->first().article.title, u"Council budget approved"_s);
    QVERIFY(text->first().article.body.contains(u"libraries and buses"_s));
    QCOMPARE(text->first().article.url, m_server->url(u"/notes"_s));

    auto pdf = UrlFetcher::importUrl(m_server->url(u"/report"_s));
    QVERIFY2(pdf.ok(), qPrintable(pdf.errorString()));
    QCOMPARE(pdf->first().article.provenance.value(u"format"_s), u"pdf"_s);
    QVERIFY2(pdf->first().article.body.contains(u"twelve samples"_s), qPrintable(pdf->first().article.body));
    QCOMPARE(pdf->first().article.provenance.value(u"content_type"_s), u"application/pdf"_s);

    // The older feed type many servers send is a feed all the same.
    auto oldFeed = UrlFetcher::importUrl(m_server->url(u"/old-feed"_s));
    QVERIFY2(oldFeed.ok(), qPrintable(oldFeed.errorString()));
    QCOMPARE(oldFeed->size(), 2);
    QCOMPARE(oldFeed->first().article.provenance.value(u"format"_s), u"feed"_s);
    QCOMPARE(oldFeed->first().article.title, u"Ferry timetable changes"_s);
    // Other XML types are still no article.
    auto drawing = UrlFetcher::importUrl(m_server->url(u"/drawing"_s));
    QVERIFY(!drawing.ok());
    QVERIFY2(drawing.errorString().contains(u"image/svg+xml, which is not an article"_s),
             qPrintable(drawing.errorString()));
}

void TestUrlFetcher::feedGivesOneArticlePerItem()
{
    const QString url = m_server->url(u"/feed"_s);
    auto feed = UrlFetcher::importUrl(url);
    QVERIFY2(feed.ok(), qPrintable(feed.errorString()));
    QCOMPARE(feed->size(), 2);
    const Article &first = feed->at(0).article;
    const Article &second = feed->at(1).article;
    QCOMPARE(first.title, u"Ferry timetable changes"_s);
    QVERIFY(first.body.contains(u"an hour earlier"_s));
    QCOMPARE(first.url, u"http://127.0.0.1:1/ferry"_s);
    QCOMPARE(first.path, url + u"#1"_s);
    QCOMPARE(second.title, u"School roof repaired"_s);
    QCOMPARE(second.url, u"http://127.0.0.1:1/school"_s);
    QCOMPARE(second.path, url + u"#2"_s);
    QCOMPARE(second.provenance.value(u"format"_s), u"feed"_s);
    // The items are short, so their links are tried (nothing listens on port 1): the feed's text
    // stays, with the reason.
    QVERIFY(first.body.contains(u"an hour earlier"_s));
    QVERIFY2(feed->at(0).warnings.join(u' ').contains(
                 u"could not fetch the full article at http://127.0.0.1:1/ferry"_s),
             qPrintable(feed->at(0).warnings.join(u' ')));
}

void TestUrlFetcher::libraryImportMixesFilesAndUrls()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(u"local.txt"_s);
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(
            "Library hours extended\n\nThe town library will stay open until nine in the evening, the mayor "
            "said.\n");
    }
    const QString page = m_server->url(u"/news/bridge.html"_s);
    const QString missing = m_server->url(u"/nowhere"_s);
    QList<ImportOutcome> errors;
    const QStringList inputs
        = collectImportFiles({ page, file, missing, m_server->url(u"/feed"_s) }, &errors);
    QVERIFY(errors.isEmpty());
    QCOMPARE(inputs.size(), 4);

    ArticleStore store;
    QVERIFY(store.open(dir.filePath(u"lib.sqlite"_s)).ok());
    QList<ImportOutcome> outcomes;
    const auto collect = [&outcomes](const ImportOutcome &o) {
        outcomes.append(o);
        return true;
    };
    QVERIFY(importFiles(store, inputs, collect).ok());
    QCOMPARE(outcomes.size(), 5);
    QCOMPARE(outcomes[0].path, page);
    QCOMPARE(outcomes[0].status, ImportOutcome::Status::Imported);
    QCOMPARE(outcomes[1].status, ImportOutcome::Status::Imported);
    QCOMPARE(outcomes[2].path, missing);
    QCOMPARE(outcomes[2].status, ImportOutcome::Status::Failed);
    QCOMPARE(outcomes[2].message, u"the server answered 404 Not Found"_s);
    QCOMPARE(outcomes[3].path, m_server->url(u"/feed#1"_s));
    QCOMPARE(outcomes[4].path, m_server->url(u"/feed#2"_s));
    QCOMPARE(outcomes[4].status, ImportOutcome::Status::Imported);

    // The same page again, reached through redirects: deduplicated like a file.
    const qint64 pageId = outcomes[0].articleId;
    QVERIFY(pageId > 0);
    outcomes.clear();
    QVERIFY(importFiles(store, { m_server->url(u"/r1"_s) }, collect).ok());
    QCOMPARE(outcomes.size(), 1);
    QCOMPARE(outcomes[0].status, ImportOutcome::Status::AlreadyPresent);
    QCOMPARE(outcomes[0].articleId, pageId);
}

namespace {

// A Cancel that comes once the server has been asked for `path`; it remembers when (the clock starts at
// construction) and stays set.
struct CancelWhenRequested
{
    const LocalHttpServer *server;
    QByteArray path;
    QElapsedTimer clock;
    std::atomic<qint64> at { -1 }; // ms since construction when it first said true
    CancelWhenRequested(const LocalHttpServer *s, QByteArray p)
        : server(s)
        , path(std::move(p))
    {
        clock.start();
    }
    bool operator()()
    {
        if (at.load() >= 0)
            return true;
        if (!server->requests().contains(path))
            return false;
        qint64 expected = -1;
        at.compare_exchange_strong(expected, clock.elapsed());
        return true;
    }
};

// Serves a teaser feed at /NAME.rss whose linked pages /NAME-page-1 and -2 hang; returns the feed's
// address.
QString serveTeaserFeed(LocalHttpServer &server, const QString &name)
{
    const QByteArray pages = "/" + name.toUtf8() + "-page";
    server.setRoute(pages + "-1", "HANG");
    server.setRoute(pages + "-2", "HANG");
    const QByteArray xml = teaserFeedXml(server.url(QString::fromUtf8(pages)).toUtf8());
    server.setRoute("/" + name.toUtf8() + ".rss",
                    LocalHttpServer::response(200, "OK", "application/rss+xml", xml));
    return server.url(u"/%1.rss"_s.arg(name));
}

} // namespace

void TestUrlFetcher::cancelAbortsAFeedsLinkedPages()
{
    // The feed is read, its first teaser's page hangs: the Cancel aborts that fetch, the address
    // fails as "cancelled" (no half-followed feed with a warning per page), long before the time limit.
    const QString name = QString::fromLatin1(QTest::currentTestFunction());
    const QString feedUrl = serveTeaserFeed(*m_server, name);
    const QByteArray firstPage = "/" + name.toUtf8() + "-page-1";
    const QByteArray secondPage = "/" + name.toUtf8() + "-page-2";
    CancelWhenRequested cancel(m_server.get(), firstPage);
    UrlFetcher::Options options;
    options.cancelled = [&cancel] { return cancel(); };
    auto imported = UrlFetcher::importUrl(feedUrl, options);
    const qint64 returnedAt = cancel.clock.elapsed();
    QVERIFY(!imported.ok());
    QCOMPARE(imported.errorString(), u"cancelled"_s);
    QVERIFY(cancel.at.load() >= 0);
    QVERIFY2(returnedAt - cancel.at.load() < 1000,
             qPrintable(QString::number(returnedAt - cancel.at.load())));
    // The second teaser's page was never asked for.
    QVERIFY(!m_server->requests().contains(secondPage));
}

void TestUrlFetcher::cancelStopsABulkImportInsideAFeed()
{
    // Files first, then a feed whose linked pages hang. A Cancel while the feed's page is fetched
    // stops the import within a second; what was imported before it is reported and stays; nothing of
    // the feed is written (not even its complete first item): one address, one transaction.
    QThreadPool::globalInstance()->setMaxThreadCount(2); // slices of 16 files (LibraryImport.cpp)
    const auto restoreThreads
        = qScopeGuard([] { QThreadPool::globalInstance()->setMaxThreadCount(QThread::idealThreadCount()); });
    QTemporaryDir dir;
    QStringList inputs;
    for (int i = 0; i < 20; ++i) {
        const QString file = dir.filePath(u"story-%1.txt"_s.arg(i, 2, 10, QChar(u'0')));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray("Canal story number ") + QByteArray::number(i)
                + "\n\nThe canal trust counted the boats passing the lock on day " + QByteArray::number(i)
                + " of the survey, and the numbers rose again, a volunteer said.\n");
        inputs << file;
    }
    const QString name = QString::fromLatin1(QTest::currentTestFunction());
    const QString feedUrl = serveTeaserFeed(*m_server, name);
    const QByteArray firstPage = "/" + name.toUtf8() + "-page-1";
    const QByteArray secondPage = "/" + name.toUtf8() + "-page-2";
    inputs << feedUrl;

    ArticleStore store;
    QVERIFY(store.open(dir.filePath(u"lib.sqlite"_s)).ok());
    QList<ImportOutcome> outcomes;
    CancelWhenRequested cancel(m_server.get(), firstPage);
    const Status s = importFiles(
        store, inputs,
        [&outcomes](const ImportOutcome &o) {
            outcomes.append(o);
            return true;
        },
        [&cancel] { return cancel(); });
    const qint64 returnedAt = cancel.clock.elapsed();
    QVERIFY2(s.ok(), qPrintable(s.errorString()));
    QVERIFY(cancel.at.load() >= 0);
    QVERIFY2(returnedAt - cancel.at.load() < 1000,
             qPrintable(QString::number(returnedAt - cancel.at.load())));
    // The first slice of files was imported and reported; nothing of the feed, not even "failed".
    QVERIFY(outcomes.size() >= 16);
    for (const ImportOutcome &o : std::as_const(outcomes)) {
        QCOMPARE(o.status, ImportOutcome::Status::Imported);
        QVERIFY2(!o.path.startsWith(feedUrl), qPrintable(o.path));
    }
    // The library holds exactly what was reported.
    QCOMPARE(*ArticleRepository(store).articleCount(), int(outcomes.size()));
    ArticleQuery ferry;
    ferry.search = u"ferry"_s;
    QCOMPARE(*ArticleRepository(store).articleCount(ferry), 0);
    QVERIFY(!m_server->requests().contains(secondPage));
}

void TestUrlFetcher::cancelStopsAHangingAddress()
{
    // The address itself never answers (File → Import from URL… on a dead server): Cancel, not the
    // 30 s time limit, ends it, with nothing reported and nothing written.
    QTemporaryDir dir;
    ArticleStore store;
    QVERIFY(store.open(dir.filePath(u"lib.sqlite"_s)).ok());
    QElapsedTimer clock;
    clock.start();
    int reported = 0;
    const Status s = importFiles(
        store, { m_server->url(u"/slow"_s) },
        [&reported](const ImportOutcome &) {
            ++reported;
            return true;
        },
        [&clock] { return clock.elapsed() > 300; });
    QVERIFY(s.ok());
    QVERIFY2(clock.elapsed() < 1300, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(reported, 0);
    QCOMPARE(*ArticleRepository(store).articleCount(), 0);
}

void TestUrlFetcher::cancelBeforeTheStartImportsNothing()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(u"quay.txt"_s);
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(
            "Quay wall repaired\n\nThe quay wall was repaired over the winter, the harbour master said.\n");
    }
    ArticleStore store;
    QVERIFY(store.open(dir.filePath(u"lib.sqlite"_s)).ok());
    const qsizetype requestsBefore = m_server->requests().size();
    int reported = 0;
    QVERIFY(importFiles(
                store, { file, m_server->url(u"/notes"_s) },
                [&reported](const ImportOutcome &) {
                    ++reported;
                    return true;
                },
                [] { return true; })
                .ok());
    QCOMPARE(reported, 0);
    QCOMPARE(*ArticleRepository(store).articleCount(), 0);
    QCOMPARE(m_server->requests().size(), requestsBefore); // nothing was fetched
    // Without a Cancel the same files import.
    QVERIFY(importFiles(store, { file, m_server->url(u"/notes"_s) }, [&reported](const ImportOutcome &o) {
                reported += o.status == ImportOutcome::Status::Imported;
                return true;
            }).ok());
    QCOMPARE(reported, 2);
}

void TestUrlFetcher::httpsChecksTheCertificate()
{
    QFile certFile(QStringLiteral(LEDE_TEST_DATA_DIR "/tls/localhost-cert.pem"));
    QFile keyFile(QStringLiteral(LEDE_TEST_DATA_DIR "/tls/localhost-key.pem"));
    QVERIFY(certFile.open(QIODevice::ReadOnly));
    QVERIFY(keyFile.open(QIODevice::ReadOnly));
    const QSslCertificate certificate(certFile.readAll());
    QVERIFY(!certificate.isNull());
    QSslConfiguration serverConfig = QSslConfiguration::defaultConfiguration();
    serverConfig.setLocalCertificate(certificate);
    serverConfig.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa));
    // On this thread: fetch() runs an event loop, which serves it.
    QSslServer server;
    server.setSslConfiguration(serverConfig);
    connect(&server, &QTcpServer::pendingConnectionAvailable, &server, [&server] {
        while (QTcpSocket *socket = server.nextPendingConnection()) {
            const auto answer = [socket] {
                if (!socket->peek(64 * 1024).contains("\r\n\r\n"))
                    return;
                socket->readAll();
                socket->write(LocalHttpServer::response(200, "OK", "text/plain", notesText));
                socket->disconnectFromHost();
            };
            connect(socket, &QTcpSocket::readyRead, socket, answer);
            answer();
        }
    });
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    const QString url = u"https://127.0.0.1:%1/notes"_s.arg(server.serverPort());

    // A certificate that nobody vouches for is refused, in one line.
    auto refused = UrlFetcher::importUrl(url);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.errorString().startsWith(u"the secure connection to 127.0.0.1 failed: "_s),
             qPrintable(refused.errorString()));
    QVERIFY(!refused.errorString().contains(u'\n'));

    // Trusted, the page is read over TLS.
    const QSslConfiguration original = QSslConfiguration::defaultConfiguration();
    QSslConfiguration trusting = original;
    trusting.addCaCertificate(certificate);
    QSslConfiguration::setDefaultConfiguration(trusting);
    auto imported = UrlFetcher::importUrl(url);
    QSslConfiguration::setDefaultConfiguration(original);
    QVERIFY2(imported.ok(), qPrintable(imported.errorString()));
    QCOMPARE(imported->first().article.title, u"Council budget approved"_s);
    QCOMPARE(imported->first().article.url, url);
}

QTEST_GUILESS_MAIN(TestUrlFetcher)
#include "tst_urlfetcher.moc"
