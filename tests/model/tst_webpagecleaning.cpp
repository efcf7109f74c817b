// SPDX-License-Identifier: GPL-3.0-or-later
// Cleaning inside the chosen text of a web page: what leaves and what stays once the scorer has
// picked the block that holds the story. Pages written for these tests.

#include "io/ArticleImporter.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Lede;

namespace {

// Four paragraphs of a story, long enough to be taken for the text.
const QString story
    = u"<p>The ferry to the island sailed again on Monday, after a winter in the yard at Kiel, "
      u"with forty passengers, two vans of post and the mayor on board.</p><p>The crossing took "
      u"fifty minutes, ten less than last year, because the new engine, bought with money from "
      u"the county and a loan, is stronger than the old one.</p><p>Islanders said the winter "
      u"without a ferry had been long, and that the shop had run out of flour twice.</p><p>The "
      u"harbour master, who has worked on the quay for thirty years, said the next ferry, a "
      u"smaller one for the winter, would be ready in the autumn, if the yard kept its word.</p>"_s;

QString bodyOf(const QString &html)
{
    const auto result = ArticleImporter::importData(html.toUtf8(), u"page.html"_s);
    return result.ok() ? result->article.body : u"(refused) "_s + result.errorString();
}

} // namespace

class TestWebPageCleaning final : public QObject
{
    Q_OBJECT

private slots:
    void cleaning_data();
    void cleaning();
};

void TestWebPageCleaning::cleaning_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QStringList>("kept");
    QTest::addColumn<QStringList>("dropped");
    // The story sits in a wrapper whose class reads like boilerplate ("widget"), the only child of
    // the block the scorer picked: the wrapper holds the whole text, so it is looked into, not
    // dropped whole; the readers' forum box inside it still leaves.
    QTest::newRow("wrapper-holding-the-whole-text")
        << u"<html><head><title>Ferry returns</title></head><body><nav><a href=\"/\">Home</a> <a "
           u"href=\"/news\">News</a></nav><div class=\"main-col\"><div class=\"widget-container\"><h1>Ferry "
           u"returns</h1>"_s
            + story
            + u"<div class=\"community-box\"><p>Tell the harbour office what you think in the readers' "
              u"forum.</p></div></div></div><footer>Island Post</footer></body></html>"_s
        << QStringList { u"The ferry to the island sailed again"_s, u"if the yard kept its word."_s }
        << QStringList { u"readers' forum"_s, u"Island Post"_s, u"Home"_s };
    // A class that names a layout ("media") on plain paragraphs without a link is no boilerplate:
    // an interview's answers set in such blocks stay. A block with the same kind of class that
    // holds a link still leaves.
    QTest::newRow("negative-class-on-plain-paragraphs")
        << u"<html><head><title>Ferry returns</title></head><body><div class=\"story\"><h1>Ferry returns</h1>"_s
            + story
            + u"<div class=\"media\"><p>Will the ferry run all year? Yes, said the harbour master, in "
              u"summer, in autumn, in winter, if the ice allows, and in spring, when the yard is done with "
              u"it.</p><p>And the fares? They stay, he said, for islanders, for their families, for "
              u"pupils, for the doctor, and for the post, at least until the county says otherwise.</p>"
              u"</div><div class=\"tools\"><p>Print this, mail it, save it, share it, or, if you like, "
              u"read it aloud, slowly, to a friend, a neighbour, or a cat: <a href=\"/print\">print "
              u"view</a>.</p></div></div></body></html>"_s
        << QStringList { u"Will the ferry run all year?"_s, u"until the county says otherwise."_s }
        << QStringList { u"print view"_s };
}

void TestWebPageCleaning::cleaning()
{
    QFETCH(QString, html);
    QFETCH(QStringList, kept);
    QFETCH(QStringList, dropped);
    const QString body = bodyOf(html);
    for (const QString &text : std::as_const(kept))
        QVERIFY2(body.contains(text), qPrintable(text + u"\n--- not in ---\n"_s + body));
    for (const QString &text : std::as_const(dropped))
        QVERIFY2(!body.contains(text), qPrintable(text + u"\n--- left in ---\n"_s + body));
}

QTEST_GUILESS_MAIN(TestWebPageCleaning)
#include "tst_webpagecleaning.moc"
