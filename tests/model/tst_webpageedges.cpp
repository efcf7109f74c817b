// SPDX-License-Identifier: GPL-3.0-or-later
// The edges of a web page's main text: a paywall line ends the story (the offer after it leaves),
// headings and lines ending in a colon that close the text head nothing, and a line with a link
// that opens the text in emphasis or invites the reader to follow, join or write leaves. Pages
// written for these tests.

#include "io/ArticleImporter.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Lede;

namespace {

// Three paragraphs of a story, long enough to be taken for the text.
const QString story
    = u"<p>The ferry to the island sailed again on Monday, after a winter in the yard at Kiel, "
      u"with forty passengers, two vans of post and the mayor on board.</p><p>The crossing took "
      u"fifty minutes, ten less than last year, because the new engine, bought with money from "
      u"the county and a loan, is stronger than the old one.</p><p>Islanders said the winter "
      u"without a ferry had been long, and that the shop had run out of flour twice.</p>"_s;

QString page(const QString &before, const QString &after)
{
    return u"<html><head><title>Ferry returns</title></head><body><article><h1>Ferry returns</h1>"_s + before
        + story + after + u"</article></body></html>"_s;
}

} // namespace

class TestWebPageEdges final : public QObject
{
    Q_OBJECT

private slots:
    void edges_data();
    void edges();
    void shortMarkedBlockJoinsTheText();
    void nextStoryOfAnEndlessPageLeaves();
    void describedStandfirstWithABoxClass();
};

void TestWebPageEdges::edges_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QStringList>("kept");
    QTest::addColumn<QStringList>("dropped");
    // The story breaks off at a paywall line; the offer after it is no story.
    QTest::newRow("paywall") << page(
        QString(),
        u"<p>To view the full story, please subscribe to <a href=\"/s\">The Island Post</a>.</p><p>When "
        u"you join, you get every story from the islands, the tide tables and our weekly letter from "
        u"the harbour master.</p><p>If you are seeing this but are already a subscriber, <a "
        u"href=\"/login\">log in</a>.</p>"_s)
                             << QStringList { u"shop had run out of flour twice."_s }
                             << QStringList { u"To view the full story"_s, u"When you join"_s,
                                              u"already a subscriber"_s };
    // An emphasized line with links opens the text; an invitation with a link closes it.
    QTest::newRow("promotion-at-the-edges")
        << page(u"<p><em><strong>Send your letter to the editor through <a href=\"/letters\">this form</a>. "
                u"Read <a href=\"/l\">more letters</a>.</strong></em></p>"_s,
                u"<p>Did you know the Island Post has a Telegram channel? Join it <a href=\"/t\">from your "
                u"phone</a>.</p>"_s)
        << QStringList { u"The ferry to the island sailed again"_s, u"run out of flour twice."_s }
        << QStringList { u"letter to the editor"_s, u"Telegram"_s };
    // A story's own sentences may say "already a member" or name a newsletter with a link: they
    // are no paywall and no promotion.
    QTest::newRow("story-line-like-a-paywall-kept")
        << page(QString(),
                u"<p>Lind was already a member of the council when the ferry stopped, and she sat on its "
                u"harbour committee for ten years.</p><p>The harbour office will announce the new timetable "
                u"on Telegram and in its <a href=\"/n\">weekly newsletter</a>, a spokesman said. Fares will "
                u"stay the same for islanders and their families all year.</p>"_s)
        << QStringList { u"already a member of the council"_s, u"Fares will stay the same"_s }
        << QStringList();
    // Lines that are mostly links close the text no more than headings do; a line that spells out
    // an address is a source and stays.
    QTest::newRow("link-lines-at-the-end")
        << page(
               QString(),
               u"<p>Timetables: <a href=\"https://island.example/ferry\">https://island.example/ferry</a></p>"
               u"<p>Next: <a href=\"/bakery\">Bakery on the quay closes after forty years</a></p>"
               u"<p>Harbour <a href=\"/tags/ferry\">ferry</a> <a href=\"/tags/island\">island</a></p>"_s)
        << QStringList { u"run out of flour twice."_s, u"https://island.example/ferry"_s }
        << QStringList { u"Bakery on the quay"_s, u"Harbour"_s };
    // Pointers to other stories of the site close the text.
    QTest::newRow("pointers-at-the-end") << page(
        QString(),
        u"<p>Check out our guide to <a href=\"/guide\">the island ferries</a>.</p><p>Alle Fahrpl\u00e4ne "
        u"findest du <a href=\"/plan\">hier</a>.</p>"_s)
                                         << QStringList { u"run out of flour twice."_s }
                                         << QStringList { u"Check out our guide"_s, u"findest du"_s };
    // A heading and a line ending in a colon that close the text head what left (a box of links).
    QTest::newRow("dangling-heading-and-colon")
        << page(QString(),
                u"<p>You may also like:</p><h2>More from the coast</h2><ul><li><a href=\"/a\">Harbour wall "
                u"repaired</a></li><li><a href=\"/b\">New lighthouse keeper</a></li></ul>"_s)
        << QStringList { u"run out of flour twice."_s }
        << QStringList { u"You may also like"_s, u"More from the coast"_s, u"Harbour wall"_s };
    // An emphasized quotation with a footnote mark opens the text, an emphasized note with a link
    // closes it: both are the author's and stay.
    QTest::newRow("quotation-and-note-kept")
        << page(u"<blockquote><p><em>\u201cThe sea is wide and my boat is small.\u201d<a "
                u"href=\"#fn1\">1</a></em></p></blockquote>"_s,
                u"<p><em>This report was written with <a href=\"/partner\">the Coast Desk</a> of the Island "
                u"Post.</em></p>"_s)
        << QStringList { u"The sea is wide and my boat is small."_s,
                         u"This report was written with the Coast Desk"_s }
        << QStringList();
}

void TestWebPageEdges::edges()
{
    QFETCH(QString, html);
    QFETCH(QStringList, kept);
    QFETCH(QStringList, dropped);
    const auto result = ArticleImporter::importData(html.toUtf8(), u"page.html"_s);
    QVERIFY2(result.ok(), qPrintable(result.errorString()));
    const QString &body = result->article.body;
    for (const QString &text : std::as_const(kept))
        QVERIFY2(body.contains(text), qPrintable(text + u"\n--- not in ---\n"_s + body));
    for (const QString &text : std::as_const(dropped))
        QVERIFY2(!body.contains(text), qPrintable(text + u"\n--- left in ---\n"_s + body));
}

void TestWebPageEdges::shortMarkedBlockJoinsTheText()
{
    // The standfirst is the only block marked as the text ("post-text"); the story itself sits in
    // plain sections between tables. Both are the text, in page order.
    QString sections;
    for (const QString &topic : { u"engine"_s, u"crew"_s, u"timetable"_s, u"cafe"_s }) {
        sections += u"<div class=\"band\"><div class=\"box\"><div class=\"row\"><div class=\"col\"><h2>The "_s
            + topic + u"</h2><p>The "_s + topic
            + u" of the ferry was the talk of the harbour all winter, and the county, which paid for most of "
              u"it, sent two people to the first crossing to see it for themselves.</p><p>They said that the "_s
            + topic
            + u" had done well, and that the islanders, who had waited long, deserved it.</p><p>Not everyone "
              u"agreed: the fishermen, who lost their berth by the slip to the new ferry, wrote to the "
              u"council "
              u"twice, and the council, after a long meeting in March, gave them a berth by the old mill, "
              u"where the water is deeper and the wind, they say, is worse.</p><p>The shop, the school, the "
              u"doctor, the post, the baker and the pub all said, in one way or another, that the winter had "
              u"cost them, that the spring would pay some of it back, and that the summer, with the "
              u"visitors, "
              u"the boats, the fair and the races, would tell.</p></div></div></div></div><div "
              u"class=\"row\"><table><tr><th>Year</th><td>2024</td></tr></table></div>"_s;
    }
    const QString html
        = u"<html><head><title>Ferry returns</title></head><body><div class=\"hero\"><div "
          u"class=\"row\"><h1>Ferry returns</h1><div class=\"post-text\"><p>After a winter in the yard the "
          u"ferry sails again: what changed on board, who runs it now and when it leaves, in one place for "
          u"everyone who has waited for it since the autumn storms, with the prices for the season and the "
          u"numbers to call. The harbour office answers on weekdays, from nine in the morning.</p></div>"
          u"</div></div>"_s
        + sections + u"<footer>Island Post</footer></body></html>"_s;
    const auto result = ArticleImporter::importData(html.toUtf8(), u"page.html"_s);
    QVERIFY2(result.ok(), qPrintable(result.errorString()));
    const QString &body = result->article.body;
    QVERIFY2(body.startsWith(u"After a winter in the yard the ferry sails again"_s), qPrintable(body));
    for (const QString &text :
         { u"The engine of the ferry"_s, u"the crew had done well"_s, u"The timetable"_s })
        QVERIFY2(body.contains(text), qPrintable(text + u"\n--- not in ---\n"_s + body));
    QVERIFY2(!body.contains(u"Island Post"_s), qPrintable(body));
}

void TestWebPageEdges::nextStoryOfAnEndlessPageLeaves()
{
    // The page was opened for the ferry story; scrolling appended the next story, an <article> with
    // a headline of its own, in the same stream.
    const QString html
        = u"<html><head><title>Ferry returns</title></head><body><div class=\"stream\"><article><h1>Ferry "
          u"returns</h1>"_s
        + story
        + u"</article><article><h1>Bakery closes after forty years</h1><p>The bakery on the quay closed on "
          u"Saturday, after forty years, because the baker, who is seventy, found nobody to take it "
          u"on.</p><p>Its "
          u"last loaves were gone by nine, and the queue, which reached the church, stayed to talk long "
          u"after "
          u"that.</p><p>The council says it will look for a new baker, and that the oven, which is old, "
          u"stays "
          u"where it is.</p></article></div></body></html>"_s;
    const auto result = ArticleImporter::importData(html.toUtf8(), u"page.html"_s);
    QVERIFY2(result.ok(), qPrintable(result.errorString()));
    const QString &body = result->article.body;
    QVERIFY2(body.contains(u"The ferry to the island sailed again"_s), qPrintable(body));
    QVERIFY2(body.contains(u"run out of flour twice."_s), qPrintable(body));
    for (const QString &text : { u"Bakery closes"_s, u"The bakery on the quay"_s, u"the oven"_s })
        QVERIFY2(!body.contains(text), qPrintable(text + u"\n--- left in ---\n"_s + body));
}

void TestWebPageEdges::describedStandfirstWithABoxClass()
{
    // The standfirst says what the description says; its class names a type size ("caption-large"),
    // which is no caption. It stays, above the story.
    const QString standfirst = u"After a winter in the yard at Kiel the island ferry sails again, faster "
                               u"than before, and the islanders are glad of it."_s;
    const QString html
        = u"<html><head><title>Ferry returns</title><meta property=\"og:description\" content=\""_s
        + standfirst
        + u"\"></head><body><div class=\"hero\"><h1>Ferry returns</h1><h2 class=\"caption-large\">"_s
        + standfirst + u"</h2></div><div class=\"story\">"_s + story + u"</div></body></html>"_s;
    const auto result = ArticleImporter::importData(html.toUtf8(), u"page.html"_s);
    QVERIFY2(result.ok(), qPrintable(result.errorString()));
    const QString &body = result->article.body;
    QVERIFY2(body.startsWith(standfirst + u"\n\nThe ferry to the island sailed again"_s), qPrintable(body));
}

QTEST_GUILESS_MAIN(TestWebPageEdges)
#include "tst_webpageedges.moc"
