// SPDX-License-Identifier: GPL-3.0-or-later
// The web-page path of the importer: main text without boilerplate, metadata with its provenance
// (JSON-LD, OpenGraph, <meta>, <time>, canonical link), charsets (BOM, HTTP header, <meta>, XML
// declaration), and headings, lists and block quotes kept as blocks. Fixtures in tests/data/web/
// are pages written for these tests.

#include "io/ArticleImporter.h"
#include "io/MarkupImporter.h"
#include "io/html/HtmlCharset.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Lede;

namespace {

QString fixture(const QString &name)
{
    return QStringLiteral(LEDE_TEST_DATA_DIR "/web/") + name;
}

QStringList headings(const Article &a)
{
    QStringList out;
    for (const Block &b : a.blocks) {
        if (b.kind == Block::Kind::Heading)
            out.append(a.body.mid(b.span.start, b.span.length()));
    }
    return out;
}

} // namespace

class TestWebPageImporter final : public QObject
{
    Q_OBJECT

private slots:
    void newsPageKeepsTheStoryAndDropsBoilerplate();
    void jsonLdMetadataWithGraphAndProvenance();
    void openGraphAndMetaAuthor();
    void timeElementDate();
    void jsonLdArrayAndRepairedJson();
    void charset_data();
    void charset();
    void httpHeaderBeatsMeta();
    void declaredCharsetLabels_data();
    void declaredCharsetLabels();
    void blocks_data();
    void blocks();
    void nothingButBoilerplateStillGivesText();
    void deeplyNestedPage();
    void textSplitOverMarkedBlocks();
    void textSplitOverSimilarSections();
    void standfirstAfterTheHeadline_data();
    void standfirstAfterTheHeadline();
    void escapedJsonLdArticleBody();
    void metadataPlaceholdersGiveWay_data();
    void metadataPlaceholdersGiveWay();
};

void TestWebPageImporter::newsPageKeepsTheStoryAndDropsBoilerplate()
{
    const auto result = ArticleImporter::importFile(fixture(u"news-page.html"_s));
    QVERIFY2(result.ok(), qPrintable(result.errorString()));
    const Article &a = result->article;
    QCOMPARE(
        a.body,
        u"The little harbour ferry returned to the water on Thursday morning, four months after it was "
        u"lifted "
        u"out for a refit of its engines, hull and passenger deck.\n\n"
        u"About forty passengers, most of them commuters with bicycles, made the first crossing, which took "
        u"eleven minutes in a light westerly breeze.\n\n"
        u"New engines, same timetable\n\n"
        u"The operator said the two new engines use a third less fuel, and that the timetable, with "
        u"crossings "
        u"every twenty minutes, would stay as it was.\n\n"
        u"We kept the old bell, because the regulars would never forgive us otherwise.\n\n"
        u"The refit cost the harbour trust about 310,000 euros. It paid for:\n\n"
        u"two new diesel-electric engines;\n\na repainted hull;\n\ncovered seating for twenty-four "
        u"passengers.\n\n"
        u"The winter timetable starts again in November, when the ferry will run until eight in the evening."_s);
    QCOMPARE(headings(a), QStringList { u"New engines, same timetable"_s });
    for (const QString &boilerplate :
         { u"cookies"_s, u"Sport"_s, u"Share"_s, u"Photo: Harbour Trust"_s, u"Related stories"_s,
           u"newsletter"_s, u"cycling around the bay"_s, u"Most read"_s, u"Copyright"_s, u"14 March 2024"_s })
        QVERIFY2(!a.body.contains(boilerplate), qPrintable(boilerplate));
}

void TestWebPageImporter::jsonLdMetadataWithGraphAndProvenance()
{
    const auto result = ArticleImporter::importFile(fixture(u"news-page.html"_s));
    QVERIFY2(result.ok(), qPrintable(result.errorString()));
    const Article &a = result->article;
    // JSON-LD wins over og:title, og:site_name and the <title>.
    QCOMPARE(a.title, u"Harbour ferry back in service after refit"_s);
    QCOMPARE(a.byline, u"Ada Marsh and Theo Quill"_s);
    QCOMPARE(a.source, u"Coastline Courier Group"_s); // publisher {"@id"} resolved in @graph
    QCOMPARE(a.published, QDate(2024, 3, 14));
    QCOMPARE(a.url, u"https://courier.example/news/harbour-ferry-returns"_s);
    QCOMPARE(a.metadata.value(u"section"_s), u"Local"_s);
    QCOMPARE(a.metadata.value(u"authors"_s), u"Ada Marsh; Theo Quill"_s);
    QCOMPARE(a.metadata.value(u"published_as_written"_s), u"2024-03-14T07:30:00+01:00"_s);
    QCOMPARE(a.provenance.value(u"title"_s), u"JSON-LD headline"_s);
    QCOMPARE(a.provenance.value(u"byline"_s), u"JSON-LD author"_s);
    QCOMPARE(a.provenance.value(u"source"_s), u"JSON-LD publisher.name"_s);
    QCOMPARE(a.provenance.value(u"published"_s), u"JSON-LD datePublished"_s);
    QCOMPARE(a.provenance.value(u"section"_s), u"JSON-LD articleSection"_s);
    QCOMPARE(a.provenance.value(u"url"_s), u"link canonical"_s);
    // The encoding used, and what declared it.
    QCOMPARE(a.provenance.value(u"encoding"_s), u"UTF-8 (meta)"_s);
}

void TestWebPageImporter::openGraphAndMetaAuthor()
{
    const auto result = ArticleImporter::importFile(fixture(u"og-only.html"_s));
    QVERIFY2(result.ok(), qPrintable(result.errorString()));
    const Article &a = result->article;
    QCOMPARE(a.title, u"Library opens late on Fridays"_s);
    QCOMPARE(a.provenance.value(u"title"_s), u"og:title"_s);
    // article:author is a profile URL here, so <meta name="author"> gives the name.
    QCOMPARE(a.byline, u"Rowan Pike"_s);
    QCOMPARE(a.provenance.value(u"byline"_s), u"meta author"_s);
    QCOMPARE(a.source, u"Valley Gazette"_s);
    QCOMPARE(a.provenance.value(u"source"_s), u"og:site_name"_s);
    QCOMPARE(a.published, QDate(2023, 9, 1));
    QCOMPARE(a.provenance.value(u"published"_s), u"article:published_time"_s);
    QCOMPARE(a.metadata.value(u"section"_s), u"Community"_s);
    QCOMPARE(a.url, u"https://gazette.example/library-late"_s);
    QCOMPARE(a.provenance.value(u"url"_s), u"og:url"_s);
    // The <h1> repeats the title and leaves the body.
    QVERIFY(a.body.startsWith(u"The town library will stay open"_s));
    QVERIFY(a.body.endsWith(u"when it is rarely used."_s));
}

void TestWebPageImporter::timeElementDate()
{
    const auto result = ArticleImporter::importFile(fixture(u"time-only.html"_s));
    QVERIFY2(result.ok(), qPrintable(result.errorString()));
    const Article &a = result->article;
    QCOMPARE(a.title, u"Village fete raises funds"_s);
    QCOMPARE(a.provenance.value(u"title"_s), u"title"_s);
    QCOMPARE(a.published, QDate(2022, 6, 18));
    QCOMPARE(a.provenance.value(u"published"_s), u"time datetime"_s);
    QCOMPARE(a.body,
             u"The village fete raised more than two thousand pounds for the new playground, the organisers "
             u"said on "
             u"Sunday evening.\n\nA tug of war between the two pubs ended in a draw after the rope snapped, "
             u"and both "
             u"teams shared the prize."_s);
}

void TestWebPageImporter::jsonLdArrayAndRepairedJson()
{
    // An array at the top, a BlogPosting, a string author, a raw line break inside a string.
    const QByteArray page
        = "<html><head><script type=\"application/ld+json\">[{\"@type\": \"BreadcrumbList\"}, "
          "{\"@type\": [\"BlogPosting\"], \"headline\": \"Two\nlines\", \"author\": \"Mira Holt\", "
          "\"publisher\": [{\"name\": \"Field Notes\"}], \"datePublished\": \"2021-02-03\", "
          "\"articleSection\": \"Nature\"}]</script></head><body><p>Some text of the post.</p>"
          "</body></html>";
    const auto result = MarkupImporter::fromHtmlData(page);
    QVERIFY2(result.ok(), qPrintable(result.errorString()));
    QCOMPARE(result->hints.title, u"Two lines"_s);
    QCOMPARE(result->hints.byline, u"Mira Holt"_s);
    QCOMPARE(result->hints.source, u"Field Notes"_s);
    QCOMPARE(result->hints.published, QDate(2021, 2, 3));
    QCOMPARE(result->metadata.value(u"section"_s), u"Nature"_s);
    QCOMPARE(result->text, u"Some text of the post."_s);

    // A title that ends in the site's name loses it.
    const auto suffixed = MarkupImporter::fromHtmlData(
        "<head><meta property=\"og:title\" content=\"Rain returns | Field Notes\"><meta "
        "property=\"og:site_name\" content=\"Field Notes\"></head><p>Text.</p>");
    QVERIFY(suffixed.ok());
    QCOMPARE(suffixed->hints.title, u"Rain returns"_s);
}

void TestWebPageImporter::charset_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("expected"); // a piece of the body
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<QString>("declaredBy");
    QTest::newRow("meta-charset-windows-1252")
        << u"windows-1252-meta.html"_s
        << u"The café on the corner closes after thirty years – its owner, José, "
           u"retires “happy”."_s
        << u"Windows-1252"_s << u"meta"_s;
    QTest::newRow("xml-declaration-iso-8859-2")
        << u"latin2-xml-declaration.xhtml"_s << u"Łódź is a city in Poland."_s << u"ISO-8859-2"_s
        << u"meta"_s;
    QTest::newRow("utf16-bom-beats-meta")
        << u"utf16-bom.html"_s << u"Zürich “quotes” ✓"_s << u"UTF-16LE"_s << u"BOM"_s;
}

void TestWebPageImporter::charset()
{
    QFETCH(QString, file);
    QFETCH(QString, expected);
    const auto result = ArticleImporter::importFile(fixture(file));
    QVERIFY2(result.ok(), qPrintable(result.errorString()));
    QCOMPARE(result->article.body, expected);
    QFile f(fixture(file));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const auto decoded = HtmlCharset::decode(f.readAll());
    QVERIFY(decoded.ok());
    QTEST(decoded->encoding, "encoding");
    QTEST(decoded->declaredBy, "declaredBy");
}

void TestWebPageImporter::httpHeaderBeatsMeta()
{
    // The bytes are ISO-8859-2; the page wrongly says UTF-8; the server's header is right.
    const QByteArray page
        = "<html><head><meta charset=\"utf-8\"></head><body><p>\xa3\xf3\x64\xbc.</p></body></html>";
    const auto withHeader = MarkupImporter::fromHtmlData(page, u"text/html; charset=ISO-8859-2"_s);
    QVERIFY(withHeader.ok());
    QCOMPARE(withHeader->text, u"Łódź."_s);
    QCOMPARE(withHeader->provenance.value(u"encoding"_s), u"HTTP header"_s);
    QVERIFY(withHeader->warnings.isEmpty());
    // Without the header the meta is followed, and the bad bytes are replaced with a warning.
    const auto withoutHeader = MarkupImporter::fromHtmlData(page);
    QVERIFY(withoutHeader.ok());
    QCOMPARE(withoutHeader->text, u"\uFFFD\uFFFDd\uFFFD."_s);
    QCOMPARE(withoutHeader->warnings.size(), 1);
    // No declaration at all: valid UTF-8 is UTF-8, anything else Windows-1252.
    QCOMPARE(MarkupImporter::fromHtmlData("<p>caf\xc3\xa9</p>")->text, u"café"_s);
    QCOMPARE(MarkupImporter::fromHtmlData("<p>caf\xe9</p>")->text, u"café"_s);
}

void TestWebPageImporter::declaredCharsetLabels_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<QString>("label");
    QTest::newRow("meta-charset-quoted") << QByteArray("<meta charset=\"Shift_JIS\">") << u"shift_jis"_s;
    QTest::newRow("meta-charset-unquoted") << QByteArray("<META CHARSET=koi8-r>") << u"koi8-r"_s;
    QTest::newRow("http-equiv") << QByteArray(
        "<meta http-equiv=\"content-type\" content=\"text/html; charset=ISO-8859-15\">")
                                << u"iso-8859-15"_s;
    QTest::newRow("inside-comment-ignored")
        << QByteArray("<!-- <meta charset=\"koi8-r\"> --><meta charset=\"utf-8\">") << u"utf-8"_s;
    QTest::newRow("none") << QByteArray("<meta name=\"viewport\" content=\"width=device-width\">")
                          << QString();
}

void TestWebPageImporter::declaredCharsetLabels()
{
    QFETCH(QByteArray, head);
    QTEST(HtmlCharset::declaredInMarkup(head), "label");
}

void TestWebPageImporter::blocks_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("body");
    QTest::addColumn<QStringList>("headings");
    QTest::newRow("crossheads-h2-h3")
        << u"<h1>T</h1><p>First paragraph.</p><h2>Cross  head</h2><p>Second.</p><h3>Another</h3><p>Third.</p>"_s
        << u"First paragraph.\n\nCross head\n\nSecond.\n\nAnother\n\nThird."_s
        << QStringList { u"Cross head"_s, u"Another"_s };
    QTest::newRow("ordered-list-and-nested-blockquote")
        << u"<h1>T</h1><p>Steps:</p><ol><li>Open <b>the</b> "
           u"valve</li><li>Wait</li></ol><blockquote><p>Quoted "
           u"one.</p><p>Quoted two.</p></blockquote>"_s
        << u"Steps:\n\nOpen the valve\n\nWait\n\nQuoted one.\n\nQuoted two."_s << QStringList();
    QTest::newRow("table-rows-and-cells")
        << u"<h1>T</h1><table><tr><td>Team</td><td>Points</td></tr><tr><td>North</td><td>12</td></tr></table>"_s
        << u"Team Points\nNorth 12"_s << QStringList();
    QTest::newRow("nbsp-and-whitespace-collapse")
        << u"<h1>T</h1><p>Ten&nbsp;km \n\t away</p>"_s << u"Ten km away"_s << QStringList();
    QTest::newRow("hidden-and-caption-dropped")
        << u"<h1>T</h1><p>Seen.</p><p hidden>Unseen.</p><div style=\"display: none\">Gone.</div><span "
           u"class=\"sr-only\">Opens in a new window</span><figure><figcaption>A caption.</figcaption></figure>"_s
        << u"Seen."_s << QStringList();
    // A base letter and a combining accent become the one composed letter (Unicode form C), and the
    // heading spans still cover their text.
    QTest::newRow("combining-marks-composed")
        << u"<h1>T</h1><h2>Re\u0301sume\u0301 of the day</h2><p>Cafe\u0301 at noon, cre\u0300me at four.</p>"_s
        << u"R\u00e9sum\u00e9 of the day\n\nCaf\u00e9 at noon, cr\u00e8me at four."_s
        << QStringList { u"R\u00e9sum\u00e9 of the day"_s };
    // Ruby annotations (furigana) are a reading aid over the text, not part of it.
    QTest::newRow("ruby-annotations-dropped") << u"<h1>T</h1><p><ruby>\u6f22<rp>(</rp><rt>\u304b\u3093</"
                                                 u"rt><rp>)</rp></ruby><ruby>\u5b57<rt>\u3058</rt>"
                                                 u"</ruby>\u3092\u8aad\u3080\u3002</p>"_s
                                              << u"\u6f22\u5b57\u3092\u8aad\u3080\u3002"_s << QStringList();
    // A picture with a short line in a box of its own is a figure and its caption, unmarked; a
    // picture next to a paragraph is not.
    QTest::newRow("unmarked-picture-caption-dropped")
        << u"<h1>T</h1><article><p>The pier reopened on Friday, after a winter of repairs to its deck, rails "
           u"and "
           u"lamps, paid for by the town and a fund of local firms.</p><div class=\"visual\"><img "
           u"src=\"pier.jpg\">"
           u"<div><b>The pier at dusk, seen from the beach</b></div></div><div><img src=\"gate.jpg\"><p>The "
           u"gate at "
           u"the far end stays shut until the new lift is tested, which the town expects in "
           u"May.</p></div><p>Anglers, "
           u"walkers and the ice-cream kiosk were back on the first day, and so, the council says, were the "
           u"gulls."
           u"</p></article>"_s
        << u"The pier reopened on Friday, after a winter of repairs to its deck, rails and lamps, paid for "
           u"by the "
           u"town and a fund of local firms.\n\nThe gate at the far end stays shut until the new lift is "
           u"tested, "
           u"which the town expects in May.\n\nAnglers, walkers and the ice-cream kiosk were back on the "
           u"first day, "
           u"and so, the council says, were the gulls."_s
        << QStringList();
    QTest::newRow("lone-dates-dropped")
        << u"<h1>T</h1><p>The market opens.</p><time datetime=\"2020-04-03\">3 April "
           u"2020</time><p>03.04.2020, "
           u"14:05</p><p>It closes on <time>Monday</time>, at 12.04.</p>"_s
        << u"The market opens.\n\nIt closes on Monday, at 12.04."_s << QStringList();
    // A paragraph that is only a link is a teaser for another page; a spelled-out address stays.
    QTest::newRow("link-only-paragraphs-dropped")
        << u"<h1>T</h1><p>The pool reopens.</p><p><a href=\"/prices\">Pool prices rise again for the "
           u"summer</a></p><p><a href=\"https://example.org/pool\">https://example.org/pool</a></p><p>See "
           u"<a href=\"/hours\">the timetable</a> for the hours.</p>"_s
        << u"The pool reopens.\n\nhttps://example.org/pool\n\nSee the timetable for the hours."_s
        << QStringList();
    // An advertising disclosure box and an "About the author" heading are not the article.
    QTest::newRow("disclosure-and-author-heading-dropped")
        << u"<h1>T</h1><p>The harbour opens at six.</p><div class=\"editorial-disclosure\"><p>This page "
           u"links to "
           u"shops that pay us.</p></div><h3>About the author</h3><p>Ana has sailed for years.</p>"_s
        << u"The harbour opens at six.\n\nAna has sailed for years."_s << QStringList();
    QTest::newRow("see-also-and-follow-us-lines-dropped")
        << u"<h1>T</h1><p>The ferry sails at noon.</p><p>Veja tamb\u00e9m:</p><p>Follow us on every channel "
           u"for the news.</p><p>For the latest stories, get our app.</p><p>It returns at six.</p>"_s
        << u"The ferry sails at noon.\n\nIt returns at six."_s << QStringList();
    // A list of nothing but links is a box of other stories; a list that says something stays.
    QTest::newRow("link-only-list-dropped")
        << u"<h1>T</h1><p>The pool reopens on Monday.</p><ul><li><a href=\"/a\">Pool prices rise "
           u"again</a></li>"
           u"<li><a href=\"/b\">Beach cafe gets a new owner</a></li><li><a href=\"/c\">Swim club wins the "
           u"cup</a></li></ul><ul><li>Towels: <a href=\"/t\">bring</a> your own from home</li><li>Lockers "
           u"cost one euro</li></ul><p>It closes at nine.</p>"_s
        << u"The pool reopens on Monday.\n\nTowels: bring your own from home\n\nLockers cost one "
           u"euro\n\nIt closes at nine."_s
        << QStringList();
    // A dateline marked as such opens the first sentence and stays in it; a byline box leaves.
    QTest::newRow("run-in-dateline-kept")
        << u"<h1>T</h1><p><span class=\"byline\">By Ana Reyes</span></p><p><span "
           u"class=\"dateline\">HARBOURTON \u2013 </span>The ferry sails again at noon, the port said on "
           u"Monday, after a week of storms.</p>"_s
        << u"HARBOURTON \u2013 The ferry sails again at noon, the port said on Monday, after a week of "
           u"storms."_s
        << QStringList();
    // An overlay or a modal (a browser warning, a welcome box) is not the page's text, however long.
    QTest::newRow("overlay-and-modal-dropped")
        << u"<div id=\"browser-overlay\"><h2>Dear readers,</h2><p>Thank you for visiting our pages, which "
           u"work best in a newer browser than the one you use, so please, if you can, update it, and "
           u"enjoy the news, the scores, the pictures and everything else we write for you.</p></div><div "
           u"class=\"signup-modal\"><p>Stay with us, every morning, with the news of the day, the weather, "
           u"the tides and the ferry times, all in one mail, sent before seven, free.</p></div><article>"
           u"<h1>T</h1><p>%1</p><p>%2</p><p>%3</p></article>"_s.arg(
               u"The ferry to the island sails again from noon today, the port said on Monday morning, after a week in which storms kept every boat in the harbour and the island's shop ran short of bread, milk and newspapers."_s,
               u"Two crossings a day are planned for the rest of the month, one at noon and one at six in the evening, and the port asks passengers to book ahead, because the smaller of the two boats is still in the yard."_s,
               u"The island's school, closed since Tuesday, opens again on Wednesday, its head teacher said, once the teachers who live on the mainland can make the crossing."_s)
        << u"The ferry to the island sails again from noon today, the port said on Monday morning, after a week in which storms kept every boat in the harbour and the island's shop ran short of bread, milk and newspapers.\n\nTwo crossings a day are planned for the rest of the month, one at noon and one at six in the evening, and the port asks passengers to book ahead, because the smaller of the two boats is still in the yard.\n\nThe island's school, closed since Tuesday, opens again on Wednesday, its head teacher said, once the teachers who live on the mainland can make the crossing."_s
        << QStringList();
    // A short credit line after a picture: "Copyright: …", "© …".
    QTest::newRow("credit-lines-dropped")
        << u"<h1>T</h1><p>The pier reopened on Friday.</p><img src=\"pier.jpg\"><p>Copyright: Ana "
           u"Reyes</p><p>\u00a9 Tom Vale</p><p>Anglers were back on the first day.</p>"_s
        << u"The pier reopened on Friday.\n\nAnglers were back on the first day."_s << QStringList();
    // A heading over a box that leaves heads nothing and leaves with it; one over an empty slot for
    // an advertisement stays.
    QTest::newRow("heading-over-dropped-box-dropped")
        << u"<article><h1>T</h1><p>The pool reopens on Monday.</p><h3>More on this</h3><ul><li><a "
           u"href=\"/a\">Pool prices rise again</a></li><li><a href=\"/b\">Beach cafe gets a new "
           u"owner</a></li></ul><section><h2>Opening hours</h2><div "
           u"class=\"ad-break\"></div></section><section><p>It "
           u"opens at nine in the morning and closes at six.</p></section></article>"_s
        << u"The pool reopens on Monday.\n\nOpening hours\n\nIt opens at nine in the morning and closes at six."_s
        << QStringList { u"Opening hours"_s };
    // A "legend" under a picture is its caption.
    QTest::newRow("legend-caption-dropped")
        << u"<h1>T</h1><p>The pier reopened on Friday.</p><img src=\"pier.jpg\"><div "
           u"class=\"photo__legend\">The pier at dusk</div><p>Anglers were back on the first day.</p>"_s
        << u"The pier reopened on Friday.\n\nAnglers were back on the first day."_s << QStringList();
}

void TestWebPageImporter::blocks()
{
    QFETCH(QString, html);
    const auto result = ArticleImporter::importData(html.toUtf8(), u"page.html"_s);
    QVERIFY2(result.ok(), qPrintable(result.errorString()));
    QTEST(result->article.body, "body");
    QTEST(headings(result->article), "headings");
}

void TestWebPageImporter::nothingButBoilerplateStillGivesText()
{
    // A page that is all furniture is not refused: the last pass keeps what there is.
    const QByteArray page = "<body><nav><a href=\"/\">Home</a> <a href=\"/about\">About us</a></nav>"
                            "<footer>Contact the office on weekdays.</footer></body>";
    const auto result = ArticleImporter::importData(page, u"menu.html"_s);
    QVERIFY2(result.ok(), qPrintable(result.errorString()));
    QVERIFY(result->article.body.contains(u"Contact the office on weekdays."_s));
}

void TestWebPageImporter::deeplyNestedPage()
{
    auto nested = [](int depth) {
        QByteArray page = "<html><body>";
        for (int i = 0; i < depth; ++i)
            page += "<div>";
        page += "<p>The only sentence, at the very bottom of the page.</p>";
        for (int i = 0; i < depth; ++i)
            page += "</div>";
        return page;
    };
    // Deep enough to overflow a recursive walk: read.
    const auto deep = ArticleImporter::importData(nested(3000), u"deep.html"_s);
    QVERIFY2(deep.ok(), qPrintable(deep.errorString()));
    QCOMPARE(deep->article.body, u"The only sentence, at the very bottom of the page."_s);
    // Deep enough to make the parser crawl: refused with its reason.
    const auto tooDeep = ArticleImporter::importData(nested(10001), u"deeper.html"_s);
    QVERIFY(!tooDeep.ok());
    QCOMPARE(tooDeep.errorString(),
             u"the page nests its elements more than 10000 deep, which no real page does"_s);
}

void TestWebPageImporter::textSplitOverMarkedBlocks()
{
    // Two blocks marked as the article body, a short one above the picture and the long one under
    // it: both are the text, in order; the menu between them is not.
    const QByteArray page = "<body><div class=\"article-body\"><p>The island's only bakery closed on "
                            "Saturday after ninety years, "
                            "because its owner, who is seventy-eight, could not find anyone on the island or "
                            "on the mainland to take "
                            "it over from her. Her son, a fisherman, wants none of it, and her daughter "
                            "lives abroad.</p></div><ul class=\"menu\"><li><a "
                            "href=\"/\">Home</a></li><li><a href=\"/news\">"
                            "News</a></li></ul><div class=\"article-body\"><p>Islanders queued from six in "
                            "the morning for the last "
                            "loaves, and many stayed to talk, drink coffee and look at the old photographs "
                            "on the walls.</p><p>The "
                            "council says it will look for a new baker, and may offer the shop rent-free for "
                            "a year, with the oven "
                            "and the flat upstairs included.</p><p>Until then, bread will come on the "
                            "morning ferry, three days a "
                            "week, and the shop at the harbour will sell it.</p></div></body>";
    const auto result = ArticleImporter::importData(page, u"bakery.html"_s);
    QVERIFY2(result.ok(), qPrintable(result.errorString()));
    const QString &body = result->article.body;
    QVERIFY2(body.startsWith(u"The island's only bakery closed on Saturday"_s), qPrintable(body));
    QVERIFY2(body.contains(u"three days a week, and the shop at the harbour will sell it."_s),
             qPrintable(body));
    QVERIFY2(!body.contains(u"News"_s), qPrintable(body));
}

void TestWebPageImporter::textSplitOverSimilarSections()
{
    // The story runs in two sections built alike (the same classes on the block, its parent and its
    // grandparent), with a table between them and a heading of their own: both sections are kept.
    const QByteArray page = "<body><main class=\"page\"><div class=\"site-head\"><a href=\"/\">The Valley "
                            "Paper</a></div><div cla"
                            "ss=\"wrap\"><h2 class=\"band-title\">On the path</h2><div class=\"band "
                            "text\"><div class=\"inner\"><"
                            "div class=\"col main-col\"><p>The valley's new cycle path opened on Sunday, "
                            "after three years of pla"
                            "nning, two years of building and one long argument about where the bridge over "
                            "the river should go.<"
                            "/p><p>More than two thousand people rode, walked or pushed prams along the "
                            "first stretch, which runs"
                            " for eleven kilometres from the station to the old mill, mostly on the bed of a "
                            "railway closed in 19"
                            "67.</p><p>The path cost 4.2 million euros, of which the region paid half, the "
                            "state a third and the "
                            "three towns along the valley the rest, shared by the number of people living in "
                            "each.</p></div></div"
                            "></div></div><div class=\"band figures\"><div "
                            "class=\"inner\"><table><tr><th>Stretch</th><th>Length<"
                            "/th></tr><tr><td>Station to mill</td><td>11 "
                            "km</td></tr></table></div></div><div class=\"wrap\"><h2 "
                            "class=\"band-title\">What comes next</h2><div class=\"band text\"><div "
                            "class=\"inner\"><div class=\""
                            "col main-col\"><p>The second stretch, up to the lake, is due in two years, once "
                            "the owners of four f"
                            "ields have agreed to sell a strip along the river, which two of them, so far, "
                            "refuse to do.</p><p>Un"
                            "til then, riders going on to the lake share the road with lorries from the "
                            "quarry, and the towns hav"
                            "e asked for a lower speed limit there, so far without an "
                            "answer.</p></div></div></div></div><div cla"
                            "ss=\"foot\">Contact us</div></main></body>";
    const auto result = ArticleImporter::importData(page, u"path.html"_s);
    QVERIFY2(result.ok(), qPrintable(result.errorString()));
    const QString &body = result->article.body;
    QVERIFY2(body.startsWith(u"The valley's new cycle path opened on Sunday"_s), qPrintable(body));
    QVERIFY2(
        body.contains(u"the towns have asked for a lower speed limit there, so far without an answer."_s),
        qPrintable(body));
    for (const QString &text : { u"The Valley Paper"_s, u"Contact us"_s })
        QVERIFY2(!body.contains(text), qPrintable(text));
}

void TestWebPageImporter::standfirstAfterTheHeadline_data()
{
    // Some pages give the headline in og:title, the others only as their first <h1>. The story is
    // long enough for the scorer to choose its container.
    const QString story
        = u"<div class=\"story\"><p>The council met on Tuesday evening, for the third time this "
          u"month, to decide the future of the old swimming baths on the quay.</p>"
          u"<p>Members argued for two hours, with the public gallery full, about repairs, "
          u"costs and the plans of a private club that wants to run the baths.</p>"
          u"<p>In the end, by seven votes to five, they agreed to keep the baths open for "
          u"another year, and to ask the club for a detailed offer by the spring.</p></div>"_s;
    const QString headline
        = u"Council votes to keep the old swimming baths on the quay open for at least one more year"_s;
    const QString lead
        = u"After a long and heated meeting, members chose to wait for a firm offer from the club that "
          u"wants to take the baths over."_s;
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("lead");
    QTest::addColumn<QStringList>("dropped");
    // A headline long enough to pass for a paragraph of the article header is not its own standfirst.
    QTest::newRow("long-headline-in-header") << u"<meta property=\"og:title\" content=\""_s + headline
            + u" | The Quay Post\"><article><header><h2>"_s + headline + u"</h2><p>"_s + lead
            + u"</p></header>"_s + story
            + u"</article>"_s << lead << QStringList { headline };
    // No class and no header: the paragraph right after the headline is the standfirst.
    QTest::newRow("subheading-after-headline") << u"<title>"_s + headline
            + u"</title><article><div class=\"top\"><h1>"_s + headline
            + u"</h1></div><div class=\"under\"><h2>"_s + lead
            + u"</h2></div><div class=\"when\"><span>"
              u"Tuesday, 4 March</span></div>"_s
            + story + u"</article>"_s << lead << QStringList { headline, u"4 March"_s };
    // The article header has a boilerplate class, so the strict pass leaves it out, inside the
    // chosen container (three parts of one story and their wrappers): its standfirst is kept, once.
    QTest::newRow("standfirst-in-left-out-header") << u"<title>"_s + headline
            + u"</title><div class=\"page\"><div class=\"columns\"><div class=\"main\">"
              u"<div class=\"wrap\"><article><header class=\"post-header\"><h1>"_s
            + headline + u"</h1><div class=\"box\"><h2>"_s + lead + u"</h2></div></header>"_s + story
            + u"<div class=\"story\"><p>Two members wanted the baths sold, and said so, at length, before "
              u"the "
              u"vote.</p></div><div class=\"story\"><p>The club has said it will send its offer, with "
              u"drawings "
              u"and costs, in February.</p></div></article></div></div><div class=\"side\"><p>Tides: high "
              u"water "
              u"at noon.</p></div></div></div>"_s << lead
                                                   << QStringList { headline, u"Tides"_s };
    // No title in the page: the <h1> is the headline. The standfirst sits above the element that
    // holds the article.
    QTest::newRow("standfirst-above-the-article") << u"<main><header><h1>"_s + headline + u"</h1><div><p>"_s
            + lead + u"</p></div></header><div class=\"column\"><article>"_s + story
            + u"</article></div></main>"_s << lead << QStringList { headline };
    // A standfirst marked by its class in Spanish ("bajada"), after a date line.
    QTest::newRow("standfirst-class-bajada")
        << u"<meta property=\"og:title\" content=\""_s + headline + u"\"><article><h1>"_s + headline
            + u"</h1><span class=\"fecha\">4 de marzo</span><div class=\"texto-bajada\"><p>"_s + lead
            + u"</p></div>"_s + story + u"</article>"_s
        << lead << QStringList { headline, u"4 de marzo"_s };
    // The headline and standfirst sit in a box with a share bar, which no other signal looks into:
    // the page's description says which paragraph is the standfirst.
    QTest::newRow("standfirst-found-by-description") << u"<meta property=\"og:title\" content=\""_s + headline
            + u"\"><meta property=\"og:description\" "
              u"content=\""_s
            + lead + u"\"><article><div class=\"top has-sharing\"><h1>"_s + headline + u"</h1><div><p>"_s
            + lead + u"</p></div><a href=\"/share\">Share this page</a></div>"_s + story
            + u"</article>"_s << lead << QStringList { headline, u"Share"_s };
    // The description says the same at first, then words it otherwise.
    QTest::newRow("standfirst-found-by-reworded-description")
        << u"<meta property=\"og:title\" content=\""_s + headline
            + u"\"><meta name=\"description\" content=\"After a long and heated meeting, members chose to "
              u"wait for a firm offer from the club, due in the spring.\"><article><div class=\"top has-sharing\"><h1>"_s
            + headline + u"</h1><div><p>"_s + lead
            + u"</p></div><a href=\"/share\">Share this page</a></div>"_s + story + u"</article>"_s
        << lead << QStringList { headline, u"Share"_s };
    // A short line after the headline (a kicker, a date) is not a standfirst.
    QTest::newRow("short-line-after-headline") << u"<meta property=\"og:title\" content=\""_s + headline
            + u"\"><article><h1>"_s + headline + u"</h1><p>Local news</p>"_s + story
            + u"</article>"_s << QString() << QStringList { headline, u"Local news"_s };
}

void TestWebPageImporter::standfirstAfterTheHeadline()
{
    QFETCH(QString, html);
    QFETCH(QString, lead);
    QFETCH(QStringList, dropped);
    const auto result = ArticleImporter::importData(html.toUtf8(), u"page.html"_s);
    QVERIFY2(result.ok(), qPrintable(result.errorString()));
    const QString &body = result->article.body;
    const QString first = u"The council met on Tuesday evening"_s;
    QVERIFY2(body.contains(first), qPrintable(body));
    QVERIFY2(body.contains(u"by seven votes to five"_s), qPrintable(body));
    if (!lead.isEmpty()) {
        QVERIFY2(body.startsWith(lead + u"\n\n"_s + first), qPrintable(body));
        QCOMPARE(body.count(lead), 1);
    } else
        QVERIFY2(body.startsWith(first), qPrintable(body));
    for (const QString &text : std::as_const(dropped))
        QVERIFY2(!body.contains(text), qPrintable(text));
}

void TestWebPageImporter::escapedJsonLdArticleBody()
{
    // A page built by scripts: the DOM holds a placeholder, the JSON-LD the story, its HTML escaped
    // once more than it needs to be. The text comes out as paragraphs, the entities resolved.
    const QByteArray page
        = "<html><head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": "
          "\"Market hall reopens\", \"articleBody\": \"&lt;p class=&quot;txt&quot;&gt;The market hall "
          "reopened on Saturday morning, two years after the fire that destroyed its roof, and the first "
          "traders were back at their stalls before seven.&lt;/p&gt;&lt;p class=&quot;txt&quot;&gt;The "
          "caf&amp;eacute; by the east door was full by eight, and the mayor, who came at nine, had to "
          "wait for a table like everyone else.&lt;/p&gt;\"}</script></head><body><div "
          "id=\"app\"><p>Loading the story.</p></div></body></html>";
    const auto result = ArticleImporter::importData(page, u"page.html"_s);
    QVERIFY2(result.ok(), qPrintable(result.errorString()));
    const QString &body = result->article.body;
    QVERIFY2(body.startsWith(u"The market hall reopened on Saturday morning"_s), qPrintable(body));
    QVERIFY2(body.contains(u"before seven.\n\nThe caf\u00e9 by the east door"_s), qPrintable(body));
    for (const QString &text : { u"&lt;"_s, u"<p"_s, u"&amp;"_s, u"Loading"_s })
        QVERIFY2(!body.contains(text), qPrintable(text));
    QCOMPARE(result->article.provenance.value(u"body"_s), u"JSON-LD articleBody"_s);
}

void TestWebPageImporter::metadataPlaceholdersGiveWay_data()
{
    QTest::addColumn<QString>("head");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("byline");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QDate>("published");
    QTest::addColumn<QString>("publishedFrom");
    // The JSON-LD headline is the name of the publishing system, the author is the site itself, the
    // <meta> author a placeholder, the publisher the company behind the site; the date is written
    // as in RFC 2822.
    QTest::newRow("placeholders")
        << u"<title>Ferry returns to the island | The Harbour Gazette</title><meta property=\"og:title\" "
           u"content=\"Ferry returns to the island\"><meta property=\"og:site_name\" content=\"The Harbour "
           u"Gazette\"><meta name=\"author\" content=\"No Author\"><script type=\"application/ld+json\">"
           u"{\"@type\": \"NewsArticle\", \"headline\": \"inkpress\", \"author\": {\"@type\": "
           u"\"Organization\", \"name\": \"THE HARBOUR GAZETTE\"}, \"publisher\": {\"name\": \"Harbour "
           u"Media GmbH\"}, \"datePublished\": \"Wed, 04 May 2022 00:25:56 GMT\"}</script>"_s
        << u"Ferry returns to the island"_s << QString() << u"The Harbour Gazette"_s << QDate(2022, 5, 4)
        << u"JSON-LD datePublished"_s;
    // The author "name" is a whole byline; the date is printed the way Java prints one.
    QTest::newRow("byline-as-name")
        << u"<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": \"Ferry "
           u"returns to the island\", \"author\": {\"@type\": \"Person\", \"name\": \"By Ana Reyes And Tom "
           u"Vale For The Sunday Harbour\"}, \"datePublished\": \"Tue Jan 28 15:28:56 CET 2020\"}</script>"_s
        << u"Ferry returns to the island"_s << u"Ana Reyes and Tom Vale"_s << QString() << QDate(2020, 1, 28)
        << u"JSON-LD datePublished"_s;
    // The author is a company, the <meta> author the site's name after "von"; the title is escaped
    // twice.
    QTest::newRow("company-author-and-escaped-title")
        << u"<meta property=\"og:title\" content=\"Ferry &amp;#8216;returns&amp;#8217; to the island\"><meta "
           u"property=\"og:site_name\" content=\"Harbour Gazette\"><meta name=\"author\" content=\"von "
           u"HARBOUR "
           u"GAZETTE\"><meta property=\"article:published_time\" content=\"2021-03-05\"><script "
           u"type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"author\": {\"name\": \"Harbour "
           u"Media Services GmbH, Kiel\"}}</script>"_s
        << u"Ferry \u2018returns\u2019 to the island"_s << QString() << u"Harbour Gazette"_s
        << QDate(2021, 3, 5) << u"article:published_time"_s;
    // "Von" before a name, and the site "in City, Country" as a JSON-LD author that gives way to it.
    QTest::newRow("von-before-a-name")
        << u"<meta property=\"og:title\" content=\"Ferry returns to the island\"><meta "
           u"property=\"og:site_name\" content=\"Harbour Gazette\"><meta name=\"author\" content=\"Von Ana "
           u"Reyes\"><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"author\": "
           u"{\"name\": \"Harbour Gazette, Kiel, Germany\"}}</script>"_s
        << u"Ferry returns to the island"_s << u"Ana Reyes"_s << u"Harbour Gazette"_s << QDate() << QString();
    // The article names its publisher by "@id"; another script of the page defines it, and the
    // author is that publisher.
    QTest::newRow("publisher-defined-in-another-script")
        << u"<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": \"Ferry "
           u"returns to the island\", \"author\": {\"@type\": \"Organization\", \"name\": \"Harbour "
           u"Gazette\"}, \"publisher\": {\"@id\": \"https://gazette.example/\"}}</script><script "
           u"type=\"application/ld+json\">{\"@id\": \"https://gazette.example/\", \"@type\": "
           u"\"Organization\", \"name\": \"Harbour Gazette\"}</script>"_s
        << u"Ferry returns to the island"_s << QString() << u"Harbour Gazette"_s << QDate() << QString();
    // JSON-LD headlines with no word of three letters are headlines all the same when the page's
    // other titles share a word with them.
    QTest::newRow("short-headline")
        << u"<title>G7 | Harbour Gazette</title><meta property=\"og:title\" content=\"G7: leaders meet on "
           u"the island\"><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": "
           u"\"G7\"}</script>"_s
        << u"G7"_s << QString() << QString() << QDate() << QString();
    QTest::newRow("short-words-headline")
        << u"<meta property=\"og:title\" content=\"AI: Q&amp;A with the ferry captain\"><script "
           u"type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": \"AI: Q&A\"}</script>"_s
        << u"AI: Q&A"_s << QString() << QString() << QDate() << QString();
    // A short placeholder that shares nothing with og:title still gives way to it.
    QTest::newRow("short-placeholder-headline")
        << u"<meta property=\"og:title\" content=\"Ferry returns to the island\"><script "
           u"type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": \"TV\"}</script>"_s
        << u"Ferry returns to the island"_s << QString() << QString() << QDate() << QString();
    // A job title after a comma is no author; names after commas and "and" are.
    QTest::newRow("job-title-after-comma")
        << u"<meta property=\"og:title\" content=\"Ferry returns to the island\"><meta name=\"author\" "
           u"content=\"By Ada Lind, Staff Writer\">"_s
        << u"Ferry returns to the island"_s << u"Ada Lind"_s << QString() << QDate() << QString();
    QTest::newRow("three-names")
        << u"<meta property=\"og:title\" content=\"Ferry returns to the island\"><meta name=\"author\" "
           u"content=\"By Ada Lind, Bo Berg, and Cy Moss\">"_s
        << u"Ferry returns to the island"_s << u"Ada Lind, Bo Berg and Cy Moss"_s << QString() << QDate()
        << QString();
    QTest::newRow("two-names-with-titles")
        << u"<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": \"Ferry "
           u"returns to the island\", \"author\": {\"name\": \"By Ada Lind, Senior Correspondent, and Bo "
           u"Berg, Photographer\"}}</script>"_s
        << u"Ferry returns to the island"_s << u"Ada Lind and Bo Berg"_s << QString() << QDate() << QString();
    // A date that cannot be read gives way to the next source.
    QTest::newRow("unreadable-date")
        << u"<meta property=\"og:title\" content=\"Ferry returns to the island\"><meta "
           u"property=\"article:published_time\" content=\"2021-03-05T10:00:00Z\"><script "
           u"type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"datePublished\": \"this "
           u"morning\"}</script>"_s
        << u"Ferry returns to the island"_s << QString() << QString() << QDate(2021, 3, 5)
        << u"article:published_time"_s;
}

void TestWebPageImporter::metadataPlaceholdersGiveWay()
{
    QFETCH(QString, head);
    const QString page = u"<html><head>"_s + head
        + u"</head><body><article><h1>Ferry returns to the island</h1><p>The ferry sailed again on "
          u"Monday, after a winter in the yard, with forty passengers and the mayor on board.</p>"
          u"</article></body></html>"_s;
    const auto result = ArticleImporter::importData(page.toUtf8(), u"page.html"_s);
    QVERIFY2(result.ok(), qPrintable(result.errorString()));
    const Article &a = result->article;
    QTEST(a.title, "title");
    QTEST(a.byline, "byline");
    QTEST(a.source, "source");
    QTEST(a.published, "published");
    QTEST(a.provenance.value(u"published"_s), "publishedFrom");
}

QTEST_GUILESS_MAIN(TestWebPageImporter)
#include "tst_webpageimporter.moc"
