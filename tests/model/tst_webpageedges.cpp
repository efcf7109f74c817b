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

QTEST_GUILESS_MAIN(TestWebPageEdges)
#include "tst_webpageedges.moc"
