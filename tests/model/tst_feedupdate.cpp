// SPDX-License-Identifier: GPL-3.0-or-later
// Feed subscriptions (FeedUpdate, FeedRepository, FeedFullText) against a local server
// (LocalHttpServer.h) serving feeds and pages written here. Nothing is fetched from the internet.
#include "LocalHttpServer.h"
#include "io/FeedFullText.h"
#include "library/FeedUpdate.h"
#include "library/LibraryImport.h"
#include "store/AnalysisRepository.h"
#include "store/AnnotationRepository.h"
#include "store/ArticleRepository.h"
#include "store/ArticleStore.h"
#include "store/FeedRepository.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Lede;
using LedeTest::LocalHttpServer;

namespace {

// About 180 words on a topic: a full article as a feed's content:encoded carries it.
QByteArray longStory(const QByteArray &topic)
{
    QByteArray text;
    const char *const sentences[] = {
        "The council met on Tuesday evening to discuss the %1 and heard from residents for two hours.",
        "Several speakers said the %1 had changed their street, some for the better and some not.",
        "The deputy mayor, Ines Lowe, said the town would publish a full report on the %1 in spring.",
        "Shop owners near the square asked for longer opening hours while work on the %1 goes on.",
        "A retired teacher who has lived in the valley for forty years said she welcomed the %1.",
        "Engineers told the meeting that the budget for the %1 had risen by a tenth since last year.",
        "Councillors agreed to meet again next month, when the first results of the %1 are known.",
    };
    for (int round = 0; round < 3; ++round) {
        text += "<p>";
        for (const char *s : sentences)
            text += QByteArray(s).replace("%1", topic) + ' ';
        text += "</p>\n";
    }
    return text;
}

QByteArray rssItem(const QByteArray &title, const QByteArray &link, const QByteArray &guid,
                   const QByteArray &content, const QByteArray &summary)
{
    QByteArray item = "<item><title>" + title + "</title><link>" + link + "</link><guid>" + guid + "</guid>"
        + "<pubDate>Tue, 02 Dec 2025 09:00:00 GMT</pubDate>";
    if (!summary.isEmpty())
        item += "<description><![CDATA[" + summary + "]]></description>";
    if (!content.isEmpty())
        item += "<content:encoded><![CDATA[" + content + "]]></content:encoded>";
    return item + "</item>\n";
}

QByteArray rss(const QByteArray &title, const QByteArray &items)
{
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
           "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\n"
           "<channel><title>"
        + title + "</title><link>http://127.0.0.1/</link>\n" + items + "</channel></rss>\n";
}

QByteArray ok(const QByteArray &type, const QByteArray &body)
{
    return LocalHttpServer::response(200, "OK", type, body);
}

// A page with its furniture: the extractor keeps the article and leaves the rest.
const QByteArray libraryPage = "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                               "<title>Library roof mended | Valley Courier</title></head><body>"
                               "<nav><a href=\"/\">Home</a> <a href=\"/sport\">Sport</a></nav>"
                               "<article><h1>Library roof mended before winter</h1>"
    + longStory("library roof")
    + "<p>The library reopens on Monday with its reading room and the children's corner.</p></article>"
      "<aside class=\"most-read\"><h2>Most read</h2><ul><li><a href=\"/a\">Cat rescued from tree</a></li>"
      "<li><a href=\"/b\">Bakery wins prize</a></li></ul></aside>"
      "<footer>Copyright Valley Courier. All rights reserved.</footer></body></html>";

} // namespace

class TestFeedUpdate final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void subscribesOnlyToFeeds();
    void updateImportsOnlyNewItems();
    void summaryItemsGetTheirPage();
    void duplicatesByAddressAndByText();
    void failingFeedIsReportedAndOthersGoOn();
    void deletedArticleIsNotImportedAgain();
    void removeKeepsTheArticles();
    void importUrlFollowsSummaries();
    void cancelStopsAHangingFetch();
    void summaryGetsItsPageWhenItComes();

private:
    QByteArray valleyFeed(bool withFourthItem) const;
    qint64 subscribe(const QString &path);

    std::unique_ptr<LocalHttpServer> m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<ArticleStore> m_store;
    int m_run = 0;
};

QByteArray TestFeedUpdate::valleyFeed(bool withFourthItem) const
{
    const QByteArray base = m_server->url(u""_s).toUtf8();
    QByteArray items = rssItem("Tram line opens", base + "/tram", "valley-1", longStory("tram line"), {})
        + rssItem("Library roof mended", base + "/pages/library.html", "valley-2", {},
                  "<p>The library roof has been mended before winter. Read more…</p>")
        + rssItem("Harbour festival moves", base + "/pages/gone.html", "valley-3", {},
                  "<p>The harbour festival moves to August, organisers said.</p>");
    if (withFourthItem)
        items = rssItem("Bus timetable changes", base + "/bus", "valley-4", longStory("bus timetable"), {})
            + items;
    return rss("Valley Courier", items);
}

void TestFeedUpdate::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_server = std::make_unique<LocalHttpServer>(QHash<QByteArray, QByteArray> {
        { "/pages/library.html", ok("text/html; charset=utf-8", libraryPage) },
        { "/page.html",
          ok("text/html",
             "<html><body><article><p>Just a page, not a feed, with some words.</p>"
             "</article></body></html>") },
    });
    QVERIFY(m_server->port() != 0);
    m_server->setRoute("/valley.rss", ok("application/rss+xml", valleyFeed(false)));
}

void TestFeedUpdate::init()
{
    m_server->setRoute("/valley.rss", ok("application/rss+xml", valleyFeed(false)));
    m_store = std::make_unique<ArticleStore>();
    QVERIFY(m_store->open(m_dir.filePath(u"lib-%1.sqlite"_s.arg(++m_run))).ok());
}

void TestFeedUpdate::cleanup()
{
    m_store.reset();
}

qint64 TestFeedUpdate::subscribe(const QString &path)
{
    auto id = subscribeFeed(*m_store, m_server->url(path));
    if (!id)
        qWarning() << id.errorString();
    return id ? *id : 0;
}

void TestFeedUpdate::subscribesOnlyToFeeds()
{
    const qint64 id = subscribe(u"/valley.rss"_s);
    QVERIFY(id > 0);
    auto feeds = FeedRepository(*m_store).feeds();
    QVERIFY(feeds.ok());
    QCOMPARE(feeds->size(), 1);
    QCOMPARE(feeds->first().title, u"Valley Courier"_s);
    QCOMPARE(feeds->first().url, m_server->url(u"/valley.rss"_s));
    QVERIFY(!feeds->first().updatedAt.isValid());
    QCOMPARE(feeds->first().itemCount, 0);
    // Nothing is imported by subscribing.
    QCOMPARE(*ArticleRepository(*m_store).articleCount(), 0);

    auto again = subscribeFeed(*m_store, m_server->url(u"/valley.rss"_s));
    QVERIFY(!again);
    QVERIFY2(again.errorString().contains(u"subscribed already (feed %1)"_s.arg(id)),
             qPrintable(again.errorString()));
    auto page = subscribeFeed(*m_store, m_server->url(u"/page.html"_s));
    QVERIFY(!page);
    QVERIFY2(page.errorString().contains(u"does not serve an RSS or Atom feed (the server sent text/html)"_s),
             qPrintable(page.errorString()));
    auto missing = subscribeFeed(*m_store, m_server->url(u"/nothing.rss"_s));
    QVERIFY(!missing);
    QVERIFY2(missing.errorString().contains(u"404 Not Found"_s), qPrintable(missing.errorString()));
    auto notUrl = subscribeFeed(*m_store, u"valley.rss"_s);
    QVERIFY(!notUrl);
    QCOMPARE(FeedRepository(*m_store).feeds()->size(), 1);

    // A page that announces its feed subscribes to the feed.
    m_server->setRoute("/home.html",
                       ok("text/html",
                          "<html><head><link rel=\"stylesheet\" href=\"/s.css\">"
                          "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"News\" "
                          "href=\"feeds/mirror.rss?a=1&amp;b=2\"></head><body><p>Home</p></body></html>"));
    m_server->setRoute("/feeds/mirror.rss?a=1&b=2", ok("application/rss+xml", valleyFeed(false)));
    auto announced = subscribeFeed(*m_store, m_server->url(u"/home.html"_s));
    QVERIFY2(announced.ok(), qPrintable(announced.errorString()));
    QCOMPARE(FeedRepository(*m_store).feed(*announced)->url, m_server->url(u"/feeds/mirror.rss?a=1&b=2"_s));
    auto twice = subscribeFeed(*m_store, m_server->url(u"/home.html"_s));
    QVERIFY(!twice);
    QVERIFY2(twice.errorString().contains(u"subscribed already (feed %1)"_s.arg(*announced)),
             qPrintable(twice.errorString()));
    QCOMPARE(FeedRepository(*m_store).feeds()->size(), 2);
    QVERIFY(m_store->isIdle());
}

void TestFeedUpdate::updateImportsOnlyNewItems()
{
    const qint64 id = subscribe(u"/valley.rss"_s);
    QVERIFY(id > 0);
    const Feed feed = *FeedRepository(*m_store).feed(id);
    FeedUpdateResult first = updateFeed(*m_store, feed);
    QVERIFY2(first.ok, qPrintable(first.error));
    QCOMPARE(first.imported.size(), 3);
    QCOMPARE(first.known, 0);
    QCOMPARE(first.imported[0].title, u"Tram line opens"_s);
    QCOMPARE(first.imported[0].path, m_server->url(u"/valley.rss#1"_s));
    QCOMPARE(*ArticleRepository(*m_store).articleCount(), 3);
    QVERIFY(m_store->isIdle());

    FeedUpdateResult second = updateFeed(*m_store, *FeedRepository(*m_store).feed(id));
    QVERIFY2(second.ok, qPrintable(second.error));
    QCOMPARE(second.imported.size(), 0);
    QCOMPARE(second.alreadyPresent.size(), 0);
    QCOMPARE(second.known, 3);
    QCOMPARE(*ArticleRepository(*m_store).articleCount(), 3);

    // A new item appears at the top of the feed: only it is imported.
    m_server->setRoute("/valley.rss", ok("application/rss+xml", valleyFeed(true)));
    const qsizetype pagesBefore = m_server->requests().count("/pages/library.html");
    const qsizetype failedBefore = m_server->requests().count("/pages/gone.html");
    FeedUpdateResult third = updateFeed(*m_store, *FeedRepository(*m_store).feed(id));
    QVERIFY2(third.ok, qPrintable(third.error));
    QCOMPARE(third.imported.size(), 1);
    QCOMPARE(third.imported[0].title, u"Bus timetable changes"_s);
    QCOMPARE(third.known, 3);
    QCOMPARE(*ArticleRepository(*m_store).articleCount(), 4);
    // The links of known items are not fetched again, except the page that could not be fetched before
    // (once per update; summaryGetsItsPageWhenItComes).
    QCOMPARE(m_server->requests().count("/pages/library.html"), pagesBefore);
    QCOMPARE(m_server->requests().count("/pages/gone.html"), failedBefore + 1);

    const Feed after = *FeedRepository(*m_store).feed(id);
    QCOMPARE(after.itemCount, 4);
    QVERIFY(after.updatedAt.isValid());
    QVERIFY(after.lastError.isEmpty());
}

void TestFeedUpdate::summaryItemsGetTheirPage()
{
    const qint64 id = subscribe(u"/valley.rss"_s);
    FeedUpdateResult r = updateFeed(*m_store, *FeedRepository(*m_store).feed(id));
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.imported.size(), 3);
    // Item 1 is a full article: its link is never fetched.
    QVERIFY(!m_server->requests().contains("/tram"));
    const Article tram = *ArticleRepository(*m_store).article(r.imported[0].articleId);
    QCOMPARE(tram.provenance.value(u"body"_s, u"feed item content"_s), u"feed item content"_s);

    // Item 2 has a summary only: the page's article text, without the page's furniture.
    const Article library = *ArticleRepository(*m_store).article(r.imported[1].articleId);
    QCOMPARE(library.title, u"Library roof mended"_s);
    QVERIFY2(library.body.contains(u"The library reopens on Monday"_s), qPrintable(library.body));
    QVERIFY(library.body.contains(u"Ines Lowe"_s));
    QVERIFY(!library.body.contains(u"Most read"_s));
    QVERIFY(!library.body.contains(u"Cat rescued"_s));
    QVERIFY(!library.body.contains(u"All rights reserved"_s));
    QVERIFY(!library.body.contains(u"Read more"_s));
    QCOMPARE(library.url, m_server->url(u"/pages/library.html"_s));
    QVERIFY(r.imported[1].warnings.isEmpty());

    // Item 3's page is gone: the summary stays, with the reason.
    const Article harbour = *ArticleRepository(*m_store).article(r.imported[2].articleId);
    QVERIFY(harbour.body.contains(u"moves to August"_s));
    const QString warnings = r.imported[2].warnings.join(u' ');
    QVERIFY2(
        warnings.contains(u"could not fetch the full article at %1 (the server answered 404 Not Found)"_s.arg(
            m_server->url(u"/pages/gone.html"_s))),
        qPrintable(warnings));
    QVERIFY(!warnings.contains(u"fetches nothing"_s));
}

void TestFeedUpdate::duplicatesByAddressAndByText()
{
    // The library page was imported on its own before; a mirror carries the tram story's text
    // under another guid and link.
    const ImportOutcome page = importIntoLibrary(*m_store, m_server->url(u"/pages/library.html"_s));
    QCOMPARE(page.status, ImportOutcome::Status::Imported);
    FeedUpdateResult valley
        = updateFeed(*m_store, *FeedRepository(*m_store).feed(subscribe(u"/valley.rss"_s)));
    QVERIFY2(valley.ok, qPrintable(valley.error));
    QCOMPARE(valley.imported.size(), 2);
    QCOMPARE(valley.alreadyPresent.size(), 1);
    QCOMPARE(valley.alreadyPresent[0].articleId, page.articleId);
    QCOMPARE(valley.alreadyPresent[0].path, m_server->url(u"/valley.rss#2"_s));

    const QByteArray base = m_server->url(u""_s).toUtf8();
    m_server->setRoute("/mirror.rss",
                       ok("application/rss+xml",
                          rss("Mirror",
                              rssItem("Tram line opens (mirror)", base + "/m/tram", "mirror-1",
                                      longStory("tram line"), {}))));
    FeedUpdateResult mirror
        = updateFeed(*m_store, *FeedRepository(*m_store).feed(subscribe(u"/mirror.rss"_s)));
    QVERIFY2(mirror.ok, qPrintable(mirror.error));
    QCOMPARE(mirror.imported.size(), 0);
    QCOMPARE(mirror.alreadyPresent.size(), 1);
    QCOMPARE(mirror.alreadyPresent[0].articleId, valley.imported[0].articleId);
    QCOMPARE(*ArticleRepository(*m_store).articleCount(), 3);
    // Remembered: the mirror's next update finds it known.
    QCOMPARE(updateFeed(*m_store, *FeedRepository(*m_store).feed(mirror.feed.id)).known, 1);
}

void TestFeedUpdate::failingFeedIsReportedAndOthersGoOn()
{
    m_server->setRoute("/soon-gone.rss", ok("application/rss+xml", valleyFeed(false)));
    const qint64 gone = subscribe(u"/soon-gone.rss"_s);
    const qint64 valley = subscribe(u"/valley.rss"_s);
    QVERIFY(gone > 0 && valley > 0);
    m_server->setRoute("/soon-gone.rss", LocalHttpServer::response(404, "Not Found", "text/plain", "gone"));

    QList<FeedUpdateResult> results;
    updateFeeds(*m_store, { gone, 99, valley }, {}, [&](const FeedUpdateResult &r) {
        results.append(r);
        return true;
    });
    QCOMPARE(results.size(), 3);
    // Unknown ids first, then the feeds in the order asked.
    QCOMPARE(results[0].feed.id, qint64(99));
    QVERIFY(!results[0].ok);
    QCOMPARE(results[0].error, u"there is no feed 99"_s);
    QCOMPARE(results[1].feed.id, gone);
    QVERIFY(!results[1].ok);
    QCOMPARE(results[1].error, u"the server answered 404 Not Found"_s);
    QCOMPARE(results[2].feed.id, valley);
    QVERIFY(results[2].ok);
    QCOMPARE(results[2].imported.size(), 3);

    const Feed failed = *FeedRepository(*m_store).feed(gone);
    QCOMPARE(failed.lastError, u"the server answered 404 Not Found"_s);
    QVERIFY(!failed.updatedAt.isValid());
    QCOMPARE(failed.itemCount, 0);
    QVERIFY(FeedRepository(*m_store).seenKeys(gone)->isEmpty());
    QVERIFY(m_store->isIdle());
}

void TestFeedUpdate::deletedArticleIsNotImportedAgain()
{
    const qint64 id = subscribe(u"/valley.rss"_s);
    FeedUpdateResult r = updateFeed(*m_store, *FeedRepository(*m_store).feed(id));
    QVERIFY(r.ok);
    QVERIFY(ArticleRepository(*m_store).removeArticle(r.imported[0].articleId).ok());
    QCOMPARE(FeedRepository(*m_store).feed(id)->itemCount, 2);
    FeedUpdateResult again = updateFeed(*m_store, *FeedRepository(*m_store).feed(id));
    QVERIFY(again.ok);
    QCOMPARE(again.imported.size(), 0);
    QCOMPARE(*ArticleRepository(*m_store).articleCount(), 2);
}

void TestFeedUpdate::removeKeepsTheArticles()
{
    const qint64 id = subscribe(u"/valley.rss"_s);
    QVERIFY(updateFeed(*m_store, *FeedRepository(*m_store).feed(id)).ok);
    QVERIFY(FeedRepository(*m_store).removeFeed(id).ok());
    QVERIFY(FeedRepository(*m_store).feeds()->isEmpty());
    QCOMPARE(*ArticleRepository(*m_store).articleCount(), 3);
    const Status again = FeedRepository(*m_store).removeFeed(id);
    QVERIFY(!again.ok());
    QCOMPARE(again.errorString(), u"There is no feed %1"_s.arg(id));
}

void TestFeedUpdate::importUrlFollowsSummaries()
{
    auto items = UrlFetcher::importUrl(m_server->url(u"/valley.rss"_s));
    QVERIFY2(items.ok(), qPrintable(items.errorString()));
    QCOMPARE(items->size(), 3);
    QVERIFY(items->at(1).article.body.contains(u"The library reopens on Monday"_s));
    QCOMPARE(items->at(1).article.provenance.value(u"body"_s), u"linked page"_s);
    QVERIFY(!items->at(1).article.metadata.contains(u"summary_only"_s));
    QVERIFY(items->at(2).article.body.contains(u"moves to August"_s));
    QCOMPARE(items->at(2).article.metadata.value(u"summary_only"_s), u"true"_s);
    QVERIFY(FeedFullText::isSummary(items->at(2).article));
    QVERIFY(!FeedFullText::isSummary(items->at(0).article));
}

void TestFeedUpdate::cancelStopsAHangingFetch()
{
    m_server->setRoute("/hang.rss", "HANG");
    auto id = FeedRepository(*m_store).addFeed(m_server->url(u"/hang.rss"_s), u"Slow"_s);
    QVERIFY(id.ok());
    QElapsedTimer clock;
    clock.start();
    FeedUpdateOptions options;
    options.cancelled = [&clock] { return clock.elapsed() > 300; };
    const FeedUpdateResult r = updateFeed(*m_store, *FeedRepository(*m_store).feed(*id), options);
    QVERIFY(clock.elapsed() < 5000); // not the 30 s time limit
    QVERIFY(!r.ok);
    QVERIFY(r.cancelled);
    QCOMPARE(r.error, u"cancelled"_s);
    // A cancel is not a failure of the feed, and writes nothing.
    const Feed after = *FeedRepository(*m_store).feed(*id);
    QVERIFY(after.lastError.isEmpty());
    QVERIFY(!after.updatedAt.isValid());
    QCOMPARE(*ArticleRepository(*m_store).articleCount(), 0);
}

void TestFeedUpdate::summaryGetsItsPageWhenItComes()
{
    // Item 3's page is gone at the first update: its article keeps the feed's summary.
    m_server->setRoute("/pages/gone.html", LocalHttpServer::response(404, "Not Found", "text/plain", "gone"));
    const qint64 id = subscribe(u"/valley.rss"_s);
    const auto update = [&] { return updateFeed(*m_store, *FeedRepository(*m_store).feed(id)); };
    FeedUpdateResult first = update();
    QVERIFY2(first.ok, qPrintable(first.error));
    QCOMPARE(first.imported.size(), 3);
    const qint64 harbourId = first.imported[2].articleId;
    const QString summary = ArticleRepository(*m_store).article(harbourId)->body;
    QVERIFY(summary.contains(u"moves to August"_s));
    // The reader highlights a word of the summary and writes a note.
    Annotation note;
    note.articleId = harbourId;
    const qsizetype at = summary.indexOf(u"August"_s);
    note.span = { at, at + 6 };
    note.note = u"check the month"_s;
    QVERIFY(AnnotationRepository(*m_store).addAnnotation(note).ok());

    // Still gone at the next update: tried again, nothing changes and nothing fails.
    const auto fetchesOfThePage = [&] { return m_server->requests().count("/pages/gone.html"); };
    const qsizetype fetchedBefore = fetchesOfThePage();
    FeedUpdateResult second = update();
    QVERIFY2(second.ok, qPrintable(second.error));
    QVERIFY(second.imported.isEmpty());
    QVERIFY(second.completed.isEmpty());
    QCOMPARE(second.known, 3);
    QCOMPARE(fetchesOfThePage(), fetchedBefore + 1);
    QCOMPARE(ArticleRepository(*m_store).article(harbourId)->body, summary);

    // The page is back: the same article takes its text, and the note stays on its word.
    m_server->setRoute("/pages/gone.html",
                       ok("text/html; charset=utf-8",
                          "<!DOCTYPE html><html><head><title>Harbour festival moves</title></head><body>"
                          "<article><h1>Harbour festival moves</h1><p>The harbour festival moves to August, "
                          "organisers said.</p>"
                              + longStory("harbour festival") + "</article></body></html>"));
    FeedUpdateResult third = update();
    QVERIFY2(third.ok, qPrintable(third.error));
    QVERIFY(third.imported.isEmpty());
    QCOMPARE(third.completed.size(), 1);
    QCOMPARE(third.completed[0].articleId, harbourId);
    QCOMPARE(third.completed[0].path, m_server->url(u"/valley.rss"_s) + u"#3"_s);
    const Article full = *ArticleRepository(*m_store).article(harbourId);
    QVERIFY2(full.body.contains(u"heard from residents for two hours"_s), qPrintable(full.body));
    QCOMPARE(full.provenance.value(u"body"_s), u"linked page"_s);
    QVERIFY(!FeedFullText::pageNotFetched(full));
    QCOMPARE(*ArticleRepository(*m_store).articleCount(), 3); // replaced, not added
    // Its layers are those of the page's text (the council met on Tuesday only there).
    const auto layers = AnalysisRepository(*m_store).analysis(harbourId);
    QVERIFY(layers.ok());
    QVERIFY(std::any_of(layers->entities.cbegin(), layers->entities.cend(),
                        [](const Entity &e) { return e.text == u"Tuesday"_s; }));
    const auto notes = AnnotationRepository(*m_store).annotations(harbourId);
    QVERIFY(notes.ok());
    QCOMPARE(notes->size(), 1);
    QCOMPARE(notes->first().note, u"check the month"_s);
    QCOMPARE(full.body.mid(notes->first().span.start, notes->first().span.length()), u"August"_s);

    // Complete now: later updates leave it alone.
    const qsizetype fetchedThen = fetchesOfThePage();
    FeedUpdateResult fourth = update();
    QVERIFY2(fourth.ok, qPrintable(fourth.error));
    QVERIFY(fourth.completed.isEmpty());
    QCOMPARE(fetchesOfThePage(), fetchedThen);
    m_server->setRoute("/pages/gone.html", LocalHttpServer::response(404, "Not Found", "text/plain", "gone"));
}

QTEST_GUILESS_MAIN(TestFeedUpdate)
#include "tst_feedupdate.moc"
