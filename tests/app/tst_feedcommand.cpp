// SPDX-License-Identifier: GPL-3.0-or-later
// `lede feed add|list|update|remove` as a user runs them, against a local server
// (LocalHttpServer.h) on its own thread. Nothing is fetched from the internet.
#include "LocalHttpServer.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using LedeTest::LocalHttpServer;

class TestFeedCommand final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void addListUpdate();
    void badInput();

private:
    struct Run
    {
        int exitCode = -1;
        QStringList out;
        QStringList err;
    };
    Run cli(const QStringList &args);

    std::unique_ptr<LocalHttpServer> m_server;
    QTemporaryDir m_dir;
};

namespace {

QByteArray item(const QByteArray &title, const QByteArray &guid, const QByteArray &text)
{
    QByteArray body;
    // Long enough to be the whole story: its link is not fetched.
    for (int i = 0; i < 12; ++i)
        body += "<p>" + text
            + " The planning committee heard from residents, engineers and shop owners for "
              "most of the evening before it agreed on a date.</p>";
    return "<item><title>" + title + "</title><guid>" + guid + "</guid><content:encoded><![CDATA[" + body
        + "]]></content:encoded></item>\n";
}

QByteArray feed(const QByteArray &title, const QByteArray &items)
{
    return LocalHttpServer::response(200, "OK", "application/rss+xml",
                                     "<?xml version=\"1.0\"?><rss version=\"2.0\" "
                                     "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">"
                                     "<channel><title>"
                                         + title + "</title>" + items + "</channel></rss>");
}

const QByteArray riverItem = item("River path reopens", "river-1", "The river path reopened on Sunday.");
const QByteArray marketItem = item("Night market returns", "river-2", "The night market returns in June.");
const QByteArray ferryItem = item("Ferry fares frozen", "coast-1", "Ferry fares stay the same next year.");

} // namespace

void TestFeedCommand::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_server = std::make_unique<LocalHttpServer>(QHash<QByteArray, QByteArray> {
        { "/river.rss", feed("River News", riverItem) },
        { "/coast.rss", feed("Coast Weekly", ferryItem) },
        { "/page.html",
          LocalHttpServer::response(200, "OK", "text/html",
                                    "<html><body><p>A page with a few words in it.</p></body></html>") },
    });
    QVERIFY(m_server->port() != 0);
}

TestFeedCommand::Run TestFeedCommand::cli(const QStringList &args)
{
    Run run;
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &name : { u"http_proxy"_s, u"HTTP_PROXY"_s, u"all_proxy"_s, u"ALL_PROXY"_s })
        env.remove(name); // 127.0.0.1 directly
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(LEDE_CLI_EXECUTABLE), args);
    if (!p.waitForFinished(60000))
        return run;
    run.exitCode = p.exitCode();
    run.out = QString::fromUtf8(p.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
    run.err = QString::fromUtf8(p.readAllStandardError()).split(u'\n', Qt::SkipEmptyParts);
    return run;
}

void TestFeedCommand::addListUpdate()
{
    const QString db = m_dir.filePath(u"feeds.sqlite"_s);
    const QString river = m_server->url(u"/river.rss"_s);
    const QString coast = m_server->url(u"/coast.rss"_s);
    Run r = cli({ u"feed"_s, u"add"_s, river, u"--db"_s, db });
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QStringList { u"subscribed: feed 1 (River News)"_s });
    QCOMPARE(cli({ u"feed"_s, u"add"_s, coast, u"--db"_s, db }).out,
             QStringList { u"subscribed: feed 2 (Coast Weekly)"_s });

    r = cli({ u"feed"_s, u"list"_s, u"--db"_s, db });
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(
        r.out,
        QStringList({ u"1\t%1\tRiver News\t\t0"_s.arg(river), u"2\t%1\tCoast Weekly\t\t0"_s.arg(coast) }));

    r = cli({ u"feed"_s, u"update"_s, u"--db"_s, db });
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out,
             QStringList({ u"imported: %1#1 (article 1: River path reopens)"_s.arg(river),
                           u"updated: feed 1 (%1): 1 new, 0 already present, 0 seen before"_s.arg(river),
                           u"imported: %1#1 (article 2: Ferry fares frozen)"_s.arg(coast),
                           u"updated: feed 2 (%1): 1 new, 0 already present, 0 seen before"_s.arg(coast),
                           u"2 imported, 0 already present, 0 of 2 feeds failed"_s }));
    QCOMPARE(r.err, QStringList());

    // Nothing new: nothing imported.
    r = cli({ u"feed"_s, u"update"_s, u"--db"_s, db });
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.last(), u"0 imported, 0 already present, 0 of 2 feeds failed"_s);
    QVERIFY(!r.out.join(u'\n').contains(u"imported: "_s));

    // A new item in the river feed, and the coast feed gone: the river feed still updates.
    m_server->setRoute("/river.rss", feed("River News", marketItem + riverItem));
    m_server->setRoute("/coast.rss", LocalHttpServer::response(404, "Not Found", "text/plain", "gone"));
    r = cli({ u"feed"_s, u"update"_s, u"--db"_s, db });
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.out,
             QStringList({ u"imported: %1#1 (article 3: Night market returns)"_s.arg(river),
                           u"updated: feed 1 (%1): 1 new, 0 already present, 1 seen before"_s.arg(river),
                           u"1 imported, 0 already present, 1 of 2 feeds failed"_s }));
    QCOMPARE(r.err,
             QStringList { u"lede: error: feed 2 (%1): the server answered 404 Not Found"_s.arg(coast) });

    // Only the feeds named.
    r = cli({ u"feed"_s, u"update"_s, u"1"_s, u"--db"_s, db });
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.last(), u"0 imported, 0 already present, 0 of 1 feeds failed"_s);

    r = cli({ u"feed"_s, u"list"_s, u"--db"_s, db });
    QCOMPARE(r.out.size(), 2);
    const QStringList first = r.out[0].split(u'\t');
    QCOMPARE(first.size(), 5);
    QCOMPARE(first[0], u"1"_s);
    QVERIFY2(first[3].startsWith(u"20"_s) && first[3].endsWith(u'Z'), qPrintable(first[3]));
    QCOMPARE(first[4], u"2"_s);
    QCOMPARE(r.out[1].split(u'\t').value(4), u"1"_s);

    r = cli({ u"feed"_s, u"remove"_s, u"2"_s, u"--db"_s, db });
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QStringList { u"removed: feed 2 (its articles stay in the library)"_s });
    QCOMPARE(cli({ u"feed"_s, u"list"_s, u"--db"_s, db }).out.size(), 1);
    QCOMPARE(cli({ u"list"_s, u"--db"_s, db }).out.size(), 3);
}

void TestFeedCommand::badInput()
{
    const QString db = m_dir.filePath(u"bad.sqlite"_s);
    Run r = cli({ u"feed"_s, u"add"_s, m_server->url(u"/page.html"_s), u"--db"_s, db });
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err,
             QStringList { u"lede: error: %1: the address does not serve an RSS or Atom feed (the server "
                           u"sent text/html)"_s.arg(m_server->url(u"/page.html"_s)) });
    r = cli({ u"feed"_s, u"add"_s, u"river.rss"_s, u"--db"_s, db });
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.value(0).contains(u"is not a web address"_s));
    QCOMPARE(cli({ u"feed"_s, u"update"_s, u"x"_s, u"--db"_s, db }).exitCode, 2);
    QCOMPARE(cli({ u"feed"_s, u"frobnicate"_s, u"--db"_s, db }).exitCode, 2);
    r = cli({ u"feed"_s, u"update"_s, u"7"_s, u"--db"_s, db });
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err, QStringList { u"lede: error: feed 7: there is no feed 7"_s });
    QCOMPARE(cli({ u"feed"_s, u"list"_s, u"--db"_s, db }).out, QStringList());

    // A site's home page that announces its feed: the feed is subscribed, and named.
    m_server->setRoute(
        "/home.html",
        LocalHttpServer::response(200, "OK", "text/html",
                                  "<html><head><link rel=\"alternate\" type=\"application/rss+xml\" "
                                  "href=\"/river.rss\"></head><body><p>River News home</p></body></html>"));
    r = cli({ u"feed"_s, u"add"_s, m_server->url(u"/home.html"_s), u"--db"_s, db });
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out,
             QStringList { u"subscribed: feed 1 (River News), announced by the page: %1"_s.arg(
                 m_server->url(u"/river.rss"_s)) });
}

QTEST_GUILESS_MAIN(TestFeedCommand)
#include "tst_feedcommand.moc"
