// SPDX-License-Identifier: GPL-3.0-or-later
// RSS and Atom feed files: one article per item with its title, link, author and date; items with
// only a summary are imported with a warning (nothing is fetched); oversized, malformed and empty
// feeds are refused in one line.
#include "io/ArticleImporter.h"
#include "io/FeedReader.h"

#include <QTest>

using namespace Lede;
using namespace Qt::StringLiterals;

namespace {

const QByteArray rss
    = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "
      "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>Portvale Courier</title>"
      "<link>https://courier.example/</link><description>Harbour news</description>"
      "<item><title>Harbour board approves grain terminal</title>"
      "<link>https://courier.example/terminal</link><guid>tag:courier.example,2023:1</guid>"
      "<dc:creator>Ana Ruiz</dc:creator><pubDate>Fri, 01 Dec 2023 10:00:00 GMT</pubDate>"
      "<description>The board voted on Monday.</description>"
      "<content:encoded><![CDATA[<p>The harbour board voted on Monday to build a grain terminal on the north "
      "quay.</p><p>&#8220;This ends two years of argument,&#8221; the chair "
      "said.</p>]]></content:encoded></item>"
      "<item><title>Ferry fares to rise</title><link>https://courier.example/ferry</link>"
      "<pubDate>Thu, 30 Nov 2023 08:00:00 +0100</pubDate>"
      "<description>Ferry fares between the islands will rise by a tenth in March, the operator "
      "said.</description>"
      "</item>"
      "<item><title>Photo of the day</title><link>https://courier.example/photo</link></item>"
      "</channel></rss>\n";

const QByteArray atom
    = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
      "<atom:feed xmlns:atom=\"http://www.w3.org/2005/Atom\"><atom:title>Island Gazette</atom:title>"
      "<atom:entry><atom:title>Council delays library vote</atom:title>"
      "<atom:link rel=\"alternate\" href=\"https://gazette.example/library\"/>"
      "<atom:link rel=\"enclosure\" href=\"https://gazette.example/library.mp3\"/>"
      "<atom:id>urn:uuid:1</atom:id><atom:published>2023-11-29T18:15:00Z</atom:published>"
      "<atom:author><atom:name>Tomas Lindqvist</atom:name></atom:author>"
      "<atom:content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>The council put off its "
      "vote "
      "on the old library until January.</p><p>Repairs would cost about two million euros, officials "
      "said.</p></div></atom:content></atom:entry></atom:feed>\n";

} // namespace

class TestFeedReader final : public QObject
{
    Q_OBJECT

private slots:
    void rssItemsBecomeArticles();
    void atomEntriesBecomeArticles();
    void blankLinesBeforeTheDeclaration_data();
    void blankLinesBeforeTheDeclaration();
    void utf16Feed();
    void refusals_data();
    void refusals();
};

void TestFeedReader::rssItemsBecomeArticles()
{
    // Named .xml: the root element makes it a feed.
    const auto imported = ArticleImporter::importDataArticles(rss, u"courier.xml"_s);
    QVERIFY2(imported, qPrintable(imported.errorString()));
    QCOMPARE(imported->size(), 2); // the photo item has no text
    const Article &first = imported->at(0).article;
    QCOMPARE(first.path, u"courier.xml#1"_s);
    QCOMPARE(first.title, u"Harbour board approves grain terminal"_s);
    QCOMPARE(first.url, u"https://courier.example/terminal"_s);
    QCOMPARE(first.byline, u"Ana Ruiz"_s);
    QCOMPARE(first.source, u"Portvale Courier"_s);
    QCOMPARE(first.published, QDate(2023, 12, 1));
    QCOMPARE(first.body,
             u"The harbour board voted on Monday to build a grain terminal on the north quay.\n\n"
             "“This ends two years of argument,” the chair said."_s);
    QCOMPARE(first.metadata.value(u"guid"_s), u"tag:courier.example,2023:1"_s);
    QCOMPARE(first.provenance.value(u"format"_s), u"feed"_s);
    QCOMPARE(first.provenance.value(u"body"_s), u"feed item content"_s);
    QCOMPARE(imported->at(0).warnings,
             QStringList { u"parts of the export that are not a complete article, left out: 1"_s });

    const Article &second = imported->at(1).article;
    QCOMPARE(second.path, u"courier.xml#2"_s);
    QCOMPARE(second.title, u"Ferry fares to rise"_s);
    QCOMPARE(second.published, QDate(2023, 11, 30));
    QCOMPARE(second.body,
             u"Ferry fares between the islands will rise by a tenth in March, the operator said."_s);
    QCOMPARE(second.metadata.value(u"summary_only"_s), u"true"_s);
    QCOMPARE(imported->at(1).warnings,
             QStringList { u"the feed carries only a summary of this item; the full article is at "
                           "https://courier.example/ferry (Lede fetches nothing while importing a file)"_s });
}

void TestFeedReader::atomEntriesBecomeArticles()
{
    const auto imported = ArticleImporter::importDataArticles(atom, u"gazette.atom"_s);
    QVERIFY2(imported, qPrintable(imported.errorString()));
    QCOMPARE(imported->size(), 1);
    const Article &a = imported->at(0).article;
    QCOMPARE(a.title, u"Council delays library vote"_s);
    QCOMPARE(a.url, u"https://gazette.example/library"_s);
    QCOMPARE(a.byline, u"Tomas Lindqvist"_s);
    QCOMPARE(a.source, u"Island Gazette"_s);
    QCOMPARE(a.published, QDate(2023, 11, 29));
    QCOMPARE(a.body,
             u"The council put off its vote on the old library until January.\n\n"
             "Repairs would cost about two million euros, officials said."_s);
    QCOMPARE(imported->at(0).warnings, QStringList());
    QVERIFY(ArticleImporter::supportedSuffixes().contains(u"rss"_s));
}

void TestFeedReader::blankLinesBeforeTheDeclaration_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("fileName");
    // Feeds that a site prints a line break or two in front of: XML says the declaration must come
    // first, but every feed reader reads them.
    QTest::newRow("blank-lines") << QByteArray("\n\n  " + rss) << u"courier.rss"_s;
    QTest::newRow("bom-then-blank-line") << QByteArray("\xEF\xBB\xBF\r\n" + rss) << u"courier.xml"_s;
    QTest::newRow("blank-line-named-txt") << QByteArray("\n" + rss) << u"courier.txt"_s;
}

void TestFeedReader::blankLinesBeforeTheDeclaration()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, fileName);
    QCOMPARE(FeedReader::feedKind(data), u"RSS"_s);
    const auto imported = ArticleImporter::importDataArticles(data, fileName);
    QVERIFY2(imported, qPrintable(imported.errorString()));
    QCOMPARE(imported->size(), 2);
    QCOMPARE(imported->at(0).article.title, u"Harbour board approves grain terminal"_s);
    QCOMPARE(imported->at(1).article.title, u"Ferry fares to rise"_s);
    QCOMPARE(imported->at(0).article.provenance.value(u"format"_s), u"feed"_s);
}

void TestFeedReader::utf16Feed()
{
    // Saved by a Windows tool: UTF-16 with a BOM, declared so.
    QString text = QString::fromUtf8(rss);
    text.replace(u"encoding=\"UTF-8\""_s, u"encoding=\"UTF-16\""_s);
    QByteArray data("\xFF\xFE");
    for (const QChar c : std::as_const(text)) {
        data.append(char(c.unicode() & 0xFF));
        data.append(char(c.unicode() >> 8));
    }
    const auto imported = ArticleImporter::importDataArticles(data, u"courier.rss"_s);
    QVERIFY2(imported, qPrintable(imported.errorString()));
    QCOMPARE(imported->size(), 2);
    QCOMPARE(imported->at(0).article.title, u"Harbour board approves grain terminal"_s);
    QCOMPARE(imported->at(0).article.provenance.value(u"format"_s), u"feed"_s);
    QVERIFY(imported->at(0).article.body.contains(u"“This ends two years of argument,” the chair said."_s));
}

void TestFeedReader::refusals_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("message");
    QByteArray huge = "<rss version=\"2.0\"><channel><title>Flood</title>";
    for (int i = 0; i <= FeedReader::MaxItems; ++i)
        huge += "<item><title>Item</title><description>Words of the item here.</description></item>";
    huge += "</channel></rss>";
    QTest::newRow("more-items-than-the-limit")
        << huge << u"the feed holds more than 5000 items; Lede refuses it as a whole"_s;
    QTest::newRow("no-items") << QByteArray(
        "<rss version=\"2.0\"><channel><title>Harbour news</title></channel></rss>")
                              << u"the RSS feed holds no items"_s;
    QTest::newRow("items-without-text")
        << QByteArray("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>Quay</title></entry></feed>")
        << u"no item of the Atom feed carries any text"_s;
    QTest::newRow("cut-in-the-middle")
        << rss.left(rss.indexOf("<item><title>Ferry"))
        << u"the RSS feed is not well-formed XML (line 2: Premature end of document.)"_s;
}

void TestFeedReader::refusals()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, message);
    const auto imported = ArticleImporter::importDataArticles(data, u"feed.rss"_s);
    QVERIFY(!imported);
    QCOMPARE(imported.errorString(), message);
}

QTEST_GUILESS_MAIN(TestFeedReader)
#include "tst_feedreader.moc"
