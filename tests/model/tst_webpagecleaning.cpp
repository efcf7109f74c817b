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
    // A long box that opens, under its heading, with a byline of its own is another story set into
    // this one and leaves; a long fact box without one stays.
    const QString otherStory
        = u"<div class=\"factbox\"><h3>Bakery on the quay closes</h3><p>By Ada Lind for the Harbour "
          u"News</p><p>The bakery on the quay closed on Saturday, after forty years, because the baker, "
          u"who is seventy, found nobody to take it on, though he asked in every village of the "
          u"coast.</p><p>Its last loaves were gone by nine, and the queue, which reached the church, "
          u"stayed to talk long after that, about the oven, the bread and the summers.</p><p>The "
          u"council says it will look for a new baker, and that the oven, which is old but sound, stays "
          u"where it is, in the back room, until someone lights it again.</p><p>Customers came from the "
          u"mainland on the last day, "
          u"some by the first ferry, to buy one more loaf of the dark bread the baker learnt to make from "
          u"his father.</p><p>The baker himself says he will stay on the island, keep bees, and bake, "
          u"now and then, for his grandchildren and for the fair in August.</p></div>"_s;
    const QString factBox
        = u"<div class=\"factbox\"><h3>The ferry in numbers</h3><p>Length: forty-two metres, built "
          u"in 1998 at Kiel, rebuilt in 2024, with a new engine, new seats, a new cafe and a new ramp "
          u"for vans.</p><p>Crossings: eight a day in summer, four in winter, none in a storm, and one "
          u"at night on Fridays, for the fishermen, the nurses and the late bus.</p><p>Fares: four "
          u"euros for islanders, nine for visitors, twenty for a car, free for pupils, the doctor and "
          u"the post, and half for anyone over seventy who asks.</p><p>Crew: a captain, a mate, two "
          u"deckhands and a cook, all from the island, all trained on the old ferry, and all glad, they "
          u"say, to be back at sea after the winter.</p><p>Cost: eleven million euros, of which the "
          u"county paid eight, the island three, and the state, after a long letter from the mayor, "
          u"the interest on the loan.</p></div>"_s;
    QTest::newRow("box-with-its-own-byline")
        << u"<html><head><title>Ferry returns</title></head><body><article><h1>Ferry returns</h1>"_s + story
            + otherStory + factBox + u"</article></body></html>"_s
        << QStringList { u"if the yard kept its word."_s, u"The ferry in numbers"_s,
                         u"Crossings: eight a day"_s }
        << QStringList { u"Bakery on the quay"_s, u"By Ada Lind"_s, u"The bakery on the quay closed"_s };
    // The story's wrapper names the sidebar beside it ("page-with-sidebar"): the strict pass finds
    // nothing and the pass without class hints finds the story. The wrapper is no boilerplate, and
    // the strict pass, run again, keeps the readers' forum box out.
    QTest::newRow("story-in-a-wrapper-named-for-the-sidebar")
        << u"<html><head><title>Ferry returns</title></head><body><div class=\"page-with-sidebar\"><article>"
           u"<h1>Ferry returns</h1>"_s
            + story
            + u"<div class=\"community-box\"><p>Tell the harbour office what you think in the readers' "
              u"forum.</p></div></article><aside><p>Weather: wind from the west, rain later.</p></aside>"
              u"</div></body></html>"_s
        << QStringList { u"The ferry to the island sailed again"_s, u"if the yard kept its word."_s }
        << QStringList { u"readers' forum"_s, u"Weather"_s };
    // A box of headings over a picture, set between the paragraphs ("Read this next", a picture,
    // another story's headline as a role="heading" block): a teaser, it leaves. A role="heading"
    // block over paragraphs is a crosshead and stays, and so does a heading and a picture in a
    // box that also holds a paragraph.
    QTest::newRow("teaser-box-of-role-headings")
        << u"<html><head><title>Ferry returns</title></head><body><article><h1>Ferry returns</h1>"_s + story
            + u"<div class=\"callout\"><div role=\"heading\" aria-level=\"4\">Read this next</div><figure>"
              u"<noscript><img src=\"farm.jpg\" alt=\"\"></noscript></figure><div role=\"heading\" "
              u"aria-level=\"5\">How the island built a <a href=\"/farm\">wind farm</a> in one summer, "
              u"and what it cost</div></div>"
              u"<div role=\"heading\" aria-level=\"2\">Next winter</div><p>The yard at Kiel will overhaul "
              u"the old ferry next winter, and the island will hire a boat from the mainland meanwhile.</p>"
              u"<div class=\"photo-block\"><h3>The quay at dawn</h3><img src=\"quay.jpg\" alt=\"\"><p>The "
              u"quay, rebuilt in stone after the storm of the year before, holds two ferries at once.</p>"
              u"</div></article></body></html>"_s
        << QStringList { u"if the yard kept its word."_s, u"Next winter"_s, u"overhaul the old ferry"_s,
                         u"The quay at dawn"_s, u"holds two ferries at once"_s }
        << QStringList { u"Read this next"_s, u"wind farm"_s };
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
