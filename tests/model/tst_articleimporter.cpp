// SPDX-License-Identifier: GPL-3.0-or-later
// Importing article files end to end: fixtures in tests/data/articles (plain text in several
// encodings, Markdown, HTML), format selection by suffix, Markdown and HTML conversion, and the
// one-line errors for files that are not articles.
#include "io/ArticleImporter.h"
#include "io/MarkupImporter.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Lede;
using namespace Qt::StringLiterals;

namespace {

QString fixture(const QString &name)
{
    return QStringLiteral(LEDE_TEST_DATA_DIR "/articles/") + name;
}

QStringList describeBlocks(const Article &a)
{
    QStringList out;
    for (const Block &b : a.blocks)
        out.append(blockKindName(b.kind) + u':' + a.body.mid(b.span.start, b.span.length()));
    return out;
}

QString sha256(const QString &text)
{
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
}

} // namespace

class TestArticleImporter final : public QObject
{
    Q_OBJECT

private slots:
    void fixtures_data();
    void fixtures();
    void emojiSpansAreUtf16();
    void contentHashCanBeSkipped();
    void failures_data();
    void failures();
    void tooLarge();
    void formatBySuffix_data();
    void formatBySuffix();
    void markdown_data();
    void markdown();
    void html_data();
    void html();
    void entities_data();
    void entities();
    void supportedSuffixes();
};

void TestArticleImporter::fixtures_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("byline");
    QTest::addColumn<QString>("dateline");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QDate>("published");
    QTest::addColumn<QString>("bodyStart");
    QTest::addColumn<QStringList>("blocks");
    QTest::addColumn<QStringList>("warnings");

    QTest::newRow("title-line-blank-byline-two-names-credit")
        << u"title-byline-two-names.txt"_s << u"Port strike halts grain exports for a second day"_s
        << u"Maria Okafor and Tomas Lindqvist"_s << u"MOMBASA"_s << u"Reuters"_s << QDate()
        << u"By Maria Okafor and Tomas Lindqvist\nMOMBASA (Reuters) – Dock workers at Kenya’s largest port"_s
        << QStringList { u"byline:By Maria Okafor and Tomas Lindqvist"_s, u"dateline:MOMBASA (Reuters) –"_s,
                         u"credit:(Reporting by Maria Okafor and Tomas Lindqvist; Editing by Helen Marsh)"_s }
        << QStringList();
    QTest::newRow("byline-three-names-country-em-dash-crosshead-curly-quotes")
        << u"byline-three-names-emdash.txt"_s
        << u"Negotiators from 40 countries agreed on Thursday to extend a truce over fishing rights in the "
           u"North "
           u"Atlantic by six…"_s
        << u"Ana Souza, Leo Brandt and Priya Nair"_s << u"GENEVA, Switzerland"_s << u"AP"_s << QDate()
        << u"By Ana Souza, Leo Brandt and Priya Nair\nGENEVA, Switzerland (AP) — Negotiators"_s
        << QStringList { u"byline:By Ana Souza, Leo Brandt and Priya Nair"_s,
                         u"dateline:GENEVA, Switzerland (AP) —"_s, u"heading:TALKS TO RESUME IN MARCH"_s }
        << QStringList();
    QTest::newRow("hyphen-dateline-with-date-credit-gives-byline")
        << u"dateline-hyphen-date-credit.txt"_s
        << u"Nigeria’s central bank raised its main interest rate by 150 basis points on Friday, its fourth "
           u"increase this year"_s
        << u"Chidi Eze"_s << u"LAGOS"_s << u"Reuters"_s << QDate() << u"LAGOS, Nov 3 (Reuters) - Nigeria’s"_s
        << QStringList { u"dateline:LAGOS, Nov 3 (Reuters) -"_s,
                         u"credit:(Reporting by Chidi Eze in Lagos; Additional reporting by Sara Bello in "
                         u"Abuja; "
                         u"Writing by Mark Daly; Editing by Ruth Pike)"_s }
        << QStringList();
    QTest::newRow("published-line-place-only-dateline-crosshead")
        << u"place-only-dateline-published.txt"_s
        << u"The Senate passed a stopgap spending bill late on Thursday, averting a government shutdown with "
           u"hours "
           u"to spare"_s
        << QString() << u"WASHINGTON"_s << QString() << QDate(2023, 11, 3)
        << u"November 3, 2023\n\nWASHINGTON — The Senate"_s
        << QStringList { u"dateline:WASHINGTON —"_s, u"heading:WHAT HAPPENS NEXT"_s } << QStringList();
    QTest::newRow("crlf-line-endings-title-byline")
        << u"crlf-title.txt"_s << u"Floods close schools across the north"_s << u"Jan Kowalski"_s
        << u"KRAKOW"_s << u"PAP"_s << QDate() << u"By Jan Kowalski\nKRAKOW (PAP) – Heavy rain"_s
        << QStringList { u"byline:By Jan Kowalski"_s, u"dateline:KRAKOW (PAP) –"_s } << QStringList();
    QTest::newRow("windows-1252-curly-quotes-e-acute")
        << u"windows-1252.txt"_s << u"Café owners protest new tax"_s << QString() << u"PARIS"_s << u"AFP"_s
        << QDate()
        << u"PARIS (AFP) – Owners of cafés across France closed for an hour on Saturday. “It is a tax"_s
        << QStringList { u"dateline:PARIS (AFP) –"_s }
        << QStringList { u"decoded as Windows-1252 (the file is not valid UTF-8)"_s };
    QTest::newRow("utf16le-bom-byline-no-title-line")
        << u"utf16le-bom.txt"_s
        << u"Shares in the ferry operator rose 4% on Monday after it said demand had “fully recovered.”"_s
        << u"Kenji Sato and Mei Tanaka"_s << u"OSAKA"_s << u"Kyodo"_s << QDate()
        << u"By Kenji Sato and Mei Tanaka\nOSAKA (Kyodo) – Shares"_s
        << QStringList { u"byline:By Kenji Sato and Mei Tanaka"_s, u"dateline:OSAKA (Kyodo) –"_s }
        << QStringList();
    QTest::newRow("utf8-bom-title-line")
        << u"utf8-bom.txt"_s << u"Rail link opens after ten years of work"_s << QString() << u"HELSINKI"_s
        << u"Reuters"_s << QDate() << u"HELSINKI (Reuters) – The first passenger train"_s
        << QStringList { u"dateline:HELSINKI (Reuters) –"_s } << QStringList();
    QTest::newRow("emoji-in-title-body-and-crosshead")
        << u"emoji-crosshead.txt"_s << u"Fans flood streets after title win 🏆🎉"_s << QString() << u"ROME"_s
        << u"Reuters"_s << QDate() << u"ROME (Reuters) – Thousands of fans 🎉 celebrated"_s
        << QStringList { u"dateline:ROME (Reuters) –"_s, u"heading:PARTY GOES ON 🏆"_s } << QStringList();
    QTest::newRow("no-title-blank-line-paragraphs")
        << u"no-title-blank-paragraphs.txt"_s
        << u"The city council voted 7-2 on Tuesday to close three branch libraries next year"_s << QString()
        << QString() << QString() << QDate() << u"The city council voted 7-2"_s << QStringList()
        << QStringList();
    QTest::newRow("markdown-heading-title-emphasis-link-subheading")
        << u"markdown-article.md"_s << u"Drought cuts coffee harvest"_s << u"Lucia Ferreira"_s
        << u"SAO PAULO"_s << u"Reuters"_s << QDate()
        << u"By Lucia Ferreira\n\nSAO PAULO (Reuters) – Brazil’s coffee harvest will fall 12% this year "
           u"after a "
           u"severe drought, the farm agency said on Monday.\n\nPrices climb\n\n"_s
        << QStringList { u"byline:By Lucia Ferreira"_s, u"dateline:SAO PAULO (Reuters) –"_s,
                         u"heading:Prices climb"_s,
                         u"credit:(Reporting by Lucia Ferreira; Editing by Tom Hale)"_s }
        << QStringList();
    QTest::newRow("messy-html-page-with-article-element")
        << u"messy-page.html"_s << u"Bridge reopens after repairs"_s << u"Nora Lind and Erik Dahl"_s
        << u"OSLO"_s << u"NTB"_s << QDate(2023, 11, 3)
        << u"OSLO (NTB) – The city’s main bridge reopened on Friday after two "
           u"years "
           u"of repairs, officials said.\n\nTraffic & tolls\n\nDrivers will pay a toll of 30 "
           u"crowns.\nCyclists ride "
           u"free.\n\n“It was worth the wait,” said the mayor 🌉."_s
        << QStringList { u"dateline:OSLO (NTB) –"_s, u"heading:Traffic & tolls"_s } << QStringList();
}

void TestArticleImporter::fixtures()
{
    QFETCH(QString, file);
    QFETCH(QString, bodyStart);
    const auto result = ArticleImporter::importFile(fixture(file));
    QVERIFY2(result.ok(), qPrintable(result.errorString()));
    const Article &a = result->article;
    QTEST(a.title, "title");
    QTEST(a.byline, "byline");
    QTEST(a.dateline, "dateline");
    QTEST(a.source, "source");
    QTEST(a.published, "published");
    QTEST(describeBlocks(a), "blocks");
    QTEST(result->warnings, "warnings");
    QVERIFY2(a.body.startsWith(bodyStart), qPrintable(a.body.left(bodyStart.size() + 20)));
    QVERIFY(!a.body.contains(QLatin1Char('\r')));
    QVERIFY(!a.body.contains(QChar(0xFEFF)));
    QVERIFY(!a.body.front().isSpace());
    QVERIFY(!a.body.back().isSpace());
    QCOMPARE(a.path, QFileInfo(fixture(file)).absoluteFilePath());
    QCOMPARE(a.contentHash, sha256(a.body));
    QCOMPARE(a.contentHash.size(), 64);
    QVERIFY(!a.importedAt.isValid());
    QCOMPARE(a.id, 0);
}

void TestArticleImporter::emojiSpansAreUtf16()
{
    // Two surrogate pairs before the crosshead: the span counts UTF-16 units, not code points.
    const auto result = ArticleImporter::importFile(fixture(u"emoji-crosshead.txt"_s));
    QVERIFY(result.ok());
    const Article &a = result->article;
    QCOMPARE(a.blocks.size(), 2);
    const qsizetype expected = a.body.indexOf(u"PARTY"_s);
    QCOMPARE(a.blocks[1].span, (Span { expected, expected + 16 }));
    QCOMPARE(a.body.left(expected).toUcs4().size(), expected - 1); // one emoji (two units) before it
}

void TestArticleImporter::contentHashCanBeSkipped()
{
    // lede analyze stores nothing and asks for no hash; the article is otherwise the same.
    const QString path = fixture(u"emoji-crosshead.txt"_s);
    const auto hashed = ArticleImporter::importFileArticles(path);
    const auto skipped = ArticleImporter::importFileArticles(path, ArticleImporter::ContentHash::Skip);
    QVERIFY(hashed.ok() && skipped.ok());
    QCOMPARE(hashed->size(), 1);
    QCOMPARE(skipped->size(), 1);
    QCOMPARE(hashed->first().article.contentHash, sha256(hashed->first().article.body));
    QVERIFY(skipped->first().article.contentHash.isEmpty());
    QCOMPARE(skipped->first().article.body, hashed->first().article.body);
    QCOMPARE(skipped->first().article.path, hashed->first().article.path);
    QCOMPARE(skipped->first().article.blocks, hashed->first().article.blocks);
}

void TestArticleImporter::failures_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("error");
    QTest::newRow("empty-file") << fixture(u"empty.txt"_s) << u"the file is empty"_s;
    QTest::newRow("binary-file") << fixture(u"binary.txt"_s)
                                 << u"the file is an ELF executable or library, not text"_s;
    QTest::newRow("missing-path") << fixture(u"no-such-article.txt"_s) << u"no such file"_s;
    QTest::newRow("directory") << QStringLiteral(LEDE_TEST_DATA_DIR "/articles")
                               << u"is a directory, not an article file"_s;
}

void TestArticleImporter::failures()
{
    QFETCH(QString, path);
    const auto result = ArticleImporter::importFile(path);
    QVERIFY(!result.ok());
    QTEST(result.errorString(), "error");
    QVERIFY(!result.errorString().contains(QLatin1Char('\n')));
}

void TestArticleImporter::tooLarge()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"huge.txt"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.resize(ArticleImporter::MaxFileSize + 1)); // sparse: no 50 MiB written
    file.close();
    const auto result = ArticleImporter::importFile(path);
    QVERIFY(!result.ok());
    QCOMPARE(result.errorString(), u"the file is too large (50.0 MiB; the limit is 50 MiB)"_s);

    // Whitespace-only and markup-only data hold no text.
    const auto blank = ArticleImporter::importData(" \r\n\t\n", u"blank.txt"_s);
    QVERIFY(!blank.ok());
    QCOMPARE(blank.errorString(), u"the file holds no article text"_s);
    const auto scriptOnly = ArticleImporter::importData("<script>alert(1)</script>", u"x.html"_s);
    QVERIFY(!scriptOnly.ok());
    QCOMPARE(scriptOnly.errorString(), u"the file holds no article text"_s);
}

void TestArticleImporter::formatBySuffix_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("body");
    const QString path = u"/notes/"_s;
    QTest::newRow("md") << path + u"a.md"_s << u"Big news"_s << u"Some *text*."_s.remove(QLatin1Char('*'));
    QTest::newRow("markdown-upper-case") << path + u"a.MARKDOWN"_s << u"Big news"_s << u"Some text."_s;
    QTest::newRow("txt-keeps-markup") << path + u"a.txt"_s << u"# Big news"_s << u"Some *text*."_s;
    QTest::newRow("unknown-suffix-is-text") << path + u"a.log"_s << u"# Big news"_s << u"Some *text*."_s;
    QTest::newRow("no-suffix-is-text") << path + u"README"_s << u"# Big news"_s << u"Some *text*."_s;
}

void TestArticleImporter::formatBySuffix()
{
    QFETCH(QString, fileName);
    const auto result = ArticleImporter::importData("# Big news\n\nSome *text*.\n", fileName);
    QVERIFY2(result.ok(), qPrintable(result.errorString()));
    QTEST(result->article.title, "title");
    QTEST(result->article.body, "body");
    QCOMPARE(result->article.path, fileName);
}

void TestArticleImporter::markdown_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("body");
    QTest::addColumn<QStringList>("blocks");
    QTest::addColumn<QString>("byline");
    QTest::addColumn<QDate>("published");
    QTest::addColumn<QString>("source");

    QTest::newRow("emphasis-strong-code-strike")
        << u"# T\n\nA **bold** and __strong__ and *em* and _em_ and `code` and ~~gone~~ word."_s << u"T"_s
        << u"A bold and strong and em and em and code and gone word."_s << QStringList() << QString()
        << QDate() << QString();
    QTest::newRow("underscores-inside-words-kept")
        << u"# T\n\nsnake_case_name and 2*3*4 stay."_s << u"T"_s << u"snake_case_name and 2*3*4 stay."_s
        << QStringList() << QString() << QDate() << QString();
    QTest::newRow("links-images-autolinks-references")
        << u"# T\n\nSee [the report](https://example.org/r \"R\") and [this][1] or <https://example.org>. "
           u"![photo](p.jpg)\n\n[1]: https://example.org/ref\n\nEnd."_s
        << u"T"_s << u"See the report and this or https://example.org. \n\nEnd."_s << QStringList()
        << QString() << QDate() << QString();
    QTest::newRow("escapes-kept-literally")
        << u"# T\n\nA \\*not em\\* and \\[x\\](y)."_s << u"T"_s << u"A *not em* and [x](y)."_s
        << QStringList() << QString() << QDate() << QString();
    QTest::newRow("sub-headings-become-heading-blocks")
        << u"# Title\n\nIntro.\n\n## First part ##\n\nText.\n\n### Second *part*\n\nMore."_s << u"Title"_s
        << u"Intro.\n\nFirst part\n\nText.\n\nSecond part\n\nMore."_s
        << QStringList { u"heading:First part"_s, u"heading:Second part"_s } << QString() << QDate()
        << QString();
    QTest::newRow("setext-headings") << u"Main title\n==========\n\nIntro.\n\nPart two\n--------\n\nText."_s
                                     << u"Main title"_s << u"Intro.\n\nPart two\n\nText."_s
                                     << QStringList { u"heading:Part two"_s } << QString() << QDate()
                                     << QString();
    QTest::newRow("title-heading-later-in-file-leaves-no-double-gap")
        << u"Kicker text.\n\n# The title\n\nBody here."_s << u"The title"_s << u"Kicker text.\n\nBody here."_s
        << QStringList() << QString() << QDate() << QString();
    QTest::newRow("no-h1-first-subheading-is-title-line")
        << u"## Only a subhead\n\nBody here."_s << u"Only a subhead"_s << u"Body here."_s << QStringList()
        << QString() << QDate() << QString();
    QTest::newRow("blockquote-thematic-break-fence")
        << u"# T\n\n> “Quoted,” she said.\n\n---\n\n```\nkeep *this*\n```\n\n- list item stays"_s << u"T"_s
        << u"“Quoted,” she said.\n\nkeep *this*\n\n- list item stays"_s << QStringList() << QString()
        << QDate() << QString();
    QTest::newRow("front-matter-title-author-date")
        << u"---\ntitle: \"Front matter title\"\nauthor: [Ida Sol, Tom Fry]\ndate: 2024-02-29\nsource: "
           u"Example\n---\n"
           u"Body here. More."_s
        << u"Front matter title"_s << u"Body here. More."_s << QStringList() << u"Ida Sol and Tom Fry"_s
        << QDate(2024, 2, 29) << u"Example"_s;
}

void TestArticleImporter::markdown()
{
    QFETCH(QString, markdown);
    const auto result = ArticleImporter::importData(markdown.toUtf8(), u"a.md"_s);
    QVERIFY2(result.ok(), qPrintable(result.errorString()));
    QTEST(result->article.title, "title");
    QTEST(result->article.body, "body");
    QTEST(describeBlocks(result->article), "blocks");
    QTEST(result->article.byline, "byline");
    QTEST(result->article.published, "published");
    QTEST(result->article.source, "source");
}

void TestArticleImporter::html_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("body");
    QTest::addColumn<QStringList>("blocks");

    QTest::newRow("title-element-when-no-h1")
        << u"<html><head><title>Page &amp; title</title></head><body><p>One.</p><p>Two.</p></body></html>"_s
        << u"Page & title"_s << u"One.\n\nTwo."_s << QStringList();
    QTest::newRow("h1-preferred-over-title-and-removed-from-body")
        << u"<title>Headline - Site</title><h1>Headline</h1><p>Text.</p>"_s << u"Headline"_s << u"Text."_s
        << QStringList();
    QTest::newRow("og-title-before-title-element") << u"<head><meta property=\"og:title\" content=\"Clean "
                                                      u"title\"><title>Clean title | Site</title></head>"
                                                      u"<p>Text.</p>"_s
                                                   << u"Clean title"_s << u"Text."_s << QStringList();
    QTest::newRow("script-style-noscript-head-dropped")
        << u"<head><style>p{}</style><script>var x='<p>no</p>';</script></head><body><h1>T</h1>"
           u"<script type=\"module\">if (a<b) {}</script><noscript><p>Enable JS</p></noscript><p>Kept.</p>"
           u"<template><p>no</p></template></body>"_s
        << u"T"_s << u"Kept."_s << QStringList();
    QTest::newRow("lists-breaks-headings-whitespace")
        << u"<h1>T</h1><p>Line one<br>line   two\n   wrapped</p><ul><li>First</li><li>Second</li></ul>"
           u"<h3>Sub  head</h3><div>Last</div>"_s
        << u"T"_s << u"Line one\nline two wrapped\n\nFirst\n\nSecond\n\nSub head\n\nLast"_s
        << QStringList { u"heading:Sub head"_s };
    QTest::newRow("second-h1-is-a-heading") << u"<h1>T</h1><p>A.</p><h1>Part</h1><p>B.</p>"_s << u"T"_s
                                            << u"A.\n\nPart\n\nB."_s << QStringList { u"heading:Part"_s };
    QTest::newRow("pre-keeps-whitespace") << u"<h1>T</h1><pre>a  b\n  c</pre><p>x   y</p>"_s << u"T"_s
                                          << u"a  b\n  c\n\nx y"_s << QStringList();
    QTest::newRow("only-article-element-used")
        << u"<body><nav>Menu</nav><p>Cookie banner</p><article><h1>T</h1><p>Story.</p></article>"
           u"<aside>Related</aside><p>Footer text</p></body>"_s
        << u"T"_s << u"Story."_s << QStringList();
    QTest::newRow("comments-doctype-and-stray-less-than")
        << u"<!DOCTYPE html><!-- <p>hidden</p> --><h1>T</h1><p>3 < 4 and 5 > 2</p>"_s << u"T"_s
        << u"3 < 4 and 5 > 2"_s << QStringList();
    QTest::newRow("unclosed-tags-and-uppercase-names")
        << u"<H1>T</H1><P>One<P>Two<DIV>Three"_s << u"T"_s << u"One\n\nTwo\n\nThree"_s << QStringList();
    QTest::newRow("wire-structure-inside-html")
        << u"<h1>T</h1><p>By Ida Sol</p><p>ROME (ANSA) &ndash; Text.</p><h2>MORE</h2><p>(Reporting by Ida "
           u"Sol; "
           u"Editing by Tom Fry)</p>"_s
        << u"T"_s
        << u"By Ida Sol\n\nROME (ANSA) – Text.\n\nMORE\n\n(Reporting by Ida Sol; Editing by Tom Fry)"_s
        << QStringList { u"byline:By Ida Sol"_s, u"dateline:ROME (ANSA) –"_s, u"heading:MORE"_s,
                         u"credit:(Reporting by Ida Sol; Editing by Tom Fry)"_s };
}

void TestArticleImporter::html()
{
    QFETCH(QString, html);
    const auto result = ArticleImporter::importData(html.toUtf8(), u"page.html"_s);
    QVERIFY2(result.ok(), qPrintable(result.errorString()));
    QTEST(result->article.title, "title");
    QTEST(result->article.body, "body");
    QTEST(describeBlocks(result->article), "blocks");
}

void TestArticleImporter::entities_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("output");
    QTest::newRow("basic-named") << u"&amp; &lt; &gt; &quot; &apos;"_s << u"& < > \" '"_s;
    QTest::newRow("quotes-and-dashes")
        << u"&ldquo;a&rdquo; &lsquo;b&rsquo; &ndash; &mdash; &hellip;"_s << u"“a” ‘b’ – — …"_s;
    QTest::newRow("decimal-and-hex") << u"&#8220;x&#x201D;"_s << u"“x”"_s;
    QTest::newRow("non-bmp-numeric") << u"&#128512; &#x1F309;"_s << u"😀 🌉"_s;
    QTest::newRow("latin1-names") << u"caf&eacute; &Uuml;ber &szlig; &copy; &frac12;"_s
                                  << u"café Über ß © ½"_s;
    QTest::newRow("nbsp-kept-as-nbsp") << u"a&nbsp;b"_s << u"a\u00A0b"_s;
    QTest::newRow("windows-1252-numeric-range") << u"&#150; &#147;x&#148;"_s << u"– “x”"_s;
    QTest::newRow("invalid-code-points-replaced")
        << u"&#0; &#xD800; &#x110000;"_s << u"\uFFFD \uFFFD \uFFFD"_s;
    QTest::newRow("unknown-and-unterminated-kept") << u"&bogus; AT&T &amp"_s << u"&bogus; AT&T &amp"_s;
}

void TestArticleImporter::entities()
{
    QFETCH(QString, input);
    QTEST(MarkupImporter::decodeEntities(input), "output");
}

void TestArticleImporter::supportedSuffixes()
{
    QCOMPARE(ArticleImporter::supportedSuffixes(),
             (QStringList { u"txt"_s, u"text"_s, u"md"_s, u"markdown"_s, u"html"_s, u"htm"_s, u"xhtml"_s,
                            u"pdf"_s, u"docx"_s, u"odt"_s, u"rtf"_s, u"rss"_s, u"atom"_s }));
}

QTEST_GUILESS_MAIN(TestArticleImporter)
#include "tst_articleimporter.moc"
