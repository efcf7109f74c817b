// SPDX-License-Identifier: GPL-3.0-or-later
// RTF import: the compact reader of control words (paragraphs, page breaks, code page bytes, \uN
// escapes, skipped destinations, RTF bombs) and Factiva and Nexis Uni exports in RTF (one article per story).
#include "io/ArticleImporter.h"
#include "io/RtfReader.h"

#include <QTest>

using namespace Lede;
using namespace Qt::StringLiterals;

namespace {

// Written as Word or LibreOffice would: tables, a generator, a header, a field and a picture
// around the text.
const QByteArray article
    = "{\\rtf1\\ansi\\ansicpg1252\\deff0\\uc1"
      "{\\fonttbl{\\f0\\froman Times New Roman;}{\\f1\\fswiss Arial;}}"
      "{\\colortbl;\\red0\\green0\\blue0;}"
      "{\\stylesheet{\\s0 Normal;}{\\s1 heading 1;}}"
      "{\\*\\generator Riched20 10.0.19041}"
      "{\\info{\\title Caf\\'e9 owners fight new rent rules}{\\author Maria Okafor}{\\creatim\\yr2023\\mo12}}"
      "{\\header \\pard Page header text\\par}"
      "\\pard\\plain \\f0\\fs24 Caf\\'e9 owners in the old town said on Monday that the new rules would "
      "\\ldblquote ruin\\rdblquote  them.\\par\n"
      "\\pard The council\\rquote s plan \\u8212\\'97 first shown in June \\u8212\\'97 raises rents by a "
      "fifth.{\\field{\\*\\fldinst HYPERLINK \"http://example.org\"}{\\fldrslt  Details online.}}\\par\n"
      "{\\pict\\pngblip\\picw10\\pich10 89504e470d0a1a0a}"
      "{\\*\\bkmkstart quote}\\pard Owners meet again\\line on Thursday.\\tab Entry is free.\\par\n"
      "\\page\\pard Emoji stay whole: \\uc0\\u-10179\\u-8704 .\\par}";

QByteArray factiva()
{
    QByteArray rtf = "{\\rtf1\\ansi\\ansicpg1252{\\fonttbl{\\f0 Arial;}}\\f0 ";
    const auto para = [&rtf](const char *text) {
        rtf += "\\pard ";
        rtf += text;
        rtf += "\\par\n";
    };
    para("Harbour board approves grain terminal");
    para("By Ana Ruiz");
    para("48 words");
    para("1 December 2023");
    para("The Portvale Courier");
    para("10:32 GMT");
    para("English");
    para("Copyright 2023 The Portvale Courier. All rights reserved.");
    para("The harbour board voted on Monday to build a grain terminal on the north quay, ending two years of "
         "argument.");
    para("\\ldblquote This is a good day for the port,\\rdblquote  the chair said.");
    para("Document PTVCOU0020231201ejc1000a1");
    rtf += "\\page\n";
    para("Ferry fares to rise in spring");
    para("400 words");
    para("30 November 2023");
    para("Island Gazette");
    para("Ferry fares between the islands will rise by a tenth in March, the operator said.");
    para("Document ISLGAZ0020231130ejbu0002b");
    rtf += "}";
    return rtf;
}

// The lines Factiva writes between the source name and the text in most exports: a time before the
// source, the source code, a page, an edition, then language and copyright. A third story has no
// language or copyright line, so its short first line is text.
QByteArray factivaWithFieldLines()
{
    QByteArray rtf = "{\\rtf1\\ansi\\ansicpg1252{\\fonttbl{\\f0 Arial;}}\\f0 ";
    const auto para = [&rtf](const char *text) {
        rtf += "\\pard ";
        rtf += text;
        rtf += "\\par\n";
    };
    para("Night trains return to the coast line");
    para("By Ola Brekke");
    para("30 words");
    para("2 December 2023");
    para("07:15 GMT");
    para("The Portvale Courier");
    para("PTVCOU");
    para("B3");
    para("Late Edition");
    para("English");
    para("(c) 2023 The Portvale Courier. All rights reserved.");
    para("Night trains will run on the coast line again from March, the rail company said on Friday.");
    para("Tickets go on sale in January, and the first train leaves the capital at ten in the evening.");
    para("Document PTVCOU0020231202ejc2000c3");
    rtf += "\\page\n";
    para("Quay lights repaired");
    para("25 words");
    para("3 December 2023");
    para("Island Gazette");
    para("ISLGAZ");
    para("English");
    para("Workers repaired the lights on the north quay over the weekend, the harbour office said.");
    para("Document ISLGAZ0020231203ejc3000d4");
    rtf += "\\page\n";
    para("Library opens on Sundays");
    para("20 words");
    para("4 December 2023");
    para("Island Gazette");
    para("Good news for readers");
    para("The town library will open on Sundays from January, the council said on Monday.");
    para("Document ISLGAZ0020231204ejc4000e5");
    rtf += "}";
    return rtf;
}

// A Nexis Uni export saved as RTF (the DOCX layout, paragraph for paragraph, a page break before
// each story).
QByteArray nexisRtf()
{
    QByteArray rtf = "{\\rtf1\\ansi\\ansicpg1252{\\fonttbl{\\f0 Arial;}}\\f0 ";
    const auto para = [&rtf](const char *text) {
        rtf += "\\pard ";
        rtf += text;
        rtf += "\\par\n";
    };
    para("Documents (2)");
    for (int story = 0; story < 2; ++story) {
        rtf += "\\page\n";
        para(story == 0 ? "{\\b\\fs32 Caf\\'e9 owners fight new rent rules}"
                        : "{\\b\\fs32 Quay lights repaired}");
        para("The Portvale Courier");
        para(story == 0 ? "December 1, 2023 Friday" : "December 3, 2023 Sunday");
        para("Copyright 2023 The Portvale Courier");
        para(story == 0 ? "Section: CITY; Pg. 2" : "Section: PORT; Pg. 5");
        para(story == 0 ? "Length: 22 words" : "Length: 15 words");
        if (story == 0)
            para("Byline: Ana Ruiz");
        para("Body");
        if (story == 0) {
            para("Caf\\'e9 owners in the old town said on Monday that the new rules would ruin them.");
            para("The council meets again on Thursday.");
        } else {
            para("Workers repaired the lights on the north quay over the weekend, the harbour office said.");
        }
        para("Classification");
        para("Language: ENGLISH");
        para(story == 0 ? "Subject: RENTS (90%)" : "Subject: PORTS (88%)");
        para("Load-Date: December 4, 2023");
        para("End of Document");
    }
    rtf += "}";
    return rtf;
}

} // namespace

class TestRtfReader final : public QObject
{
    Q_OBJECT

private slots:
    void readsTextAndSkipsTheRest();
    void importsAsArticle();
    void refusals_data();
    void refusals();
    void factivaExportSplitsIntoArticles();
    void factivaFieldLinesLeaveTheText();
    void nexisExportInRtf();
};

void TestRtfReader::readsTextAndSkipsTheRest()
{
    const auto document = RtfReader::read(article);
    QVERIFY2(document, qPrintable(document.errorString()));
    QCOMPARE(document->title, u"Café owners fight new rent rules"_s);
    QCOMPARE(document->author, u"Maria Okafor"_s);
    QStringList texts;
    for (const RtfReader::Paragraph &p : document->paragraphs)
        texts.append(p.text);
    QCOMPARE(texts,
             (QStringList {
                 u"Café owners in the old town said on Monday that the new rules would “ruin” them."_s,
                 u"The council’s plan — first shown in June — raises rents by a fifth. Details online."_s,
                 u"Owners meet again\non Thursday. Entry is free."_s, u"Emoji stay whole: 😀."_s }));
    QCOMPARE(document->paragraphs[3].pageBreakBefore, true);
    QCOMPARE(document->paragraphs[2].pageBreakBefore, false);
}

void TestRtfReader::importsAsArticle()
{
    // Named .txt: "{\rtf" makes it RTF.
    const auto imported = ArticleImporter::importData(article, u"cafe.txt"_s);
    QVERIFY2(imported, qPrintable(imported.errorString()));
    const Article &a = imported->article;
    QCOMPARE(a.title, u"Café owners fight new rent rules"_s);
    QCOMPARE(a.byline, u"Maria Okafor"_s);
    QVERIFY(a.body.startsWith(u"Café owners in the old town said on Monday"_s));
    QVERIFY(!a.body.contains(u"Page header"_s));
    QVERIFY(!a.body.contains(u"HYPERLINK"_s));
    QVERIFY(!a.body.contains(u"Times New Roman"_s));
    QCOMPARE(a.provenance.value(u"format"_s), u"rtf"_s);
    QVERIFY(ArticleImporter::supportedSuffixes().contains(u"rtf"_s));
}

void TestRtfReader::refusals_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("message");
    QTest::newRow("nesting-bomb") << QByteArray("{\\rtf1 ") + QByteArray(5000, '{')
            + "text" << u"the RTF document nests groups deeper than 256 levels (damaged or a bomb)"_s;
    QTest::newRow("only-fonts") << QByteArray("{\\rtf1{\\fonttbl{\\f0 Arial;}}}")
                                << u"the file holds no article text"_s;
}

void TestRtfReader::refusals()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, message);
    const auto imported = ArticleImporter::importData(data, u"bad.rtf"_s);
    QVERIFY(!imported);
    QCOMPARE(imported.errorString(), message);
}

void TestRtfReader::factivaExportSplitsIntoArticles()
{
    const auto imported = ArticleImporter::importDataArticles(factiva(), u"factiva.rtf"_s);
    QVERIFY2(imported, qPrintable(imported.errorString()));
    QCOMPARE(imported->size(), 2);
    const Article &first = imported->at(0).article;
    QCOMPARE(first.path, u"factiva.rtf#1"_s);
    QCOMPARE(first.title, u"Harbour board approves grain terminal"_s);
    QCOMPARE(first.byline, u"Ana Ruiz"_s);
    QCOMPARE(first.source, u"The Portvale Courier"_s);
    QCOMPARE(first.published, QDate(2023, 12, 1));
    QCOMPARE(
        first.body,
        u"The harbour board voted on Monday to build a grain terminal on the north quay, ending two years of "
        "argument.\n\n“This is a good day for the port,” the chair said."_s);
    QCOMPARE(first.metadata.value(u"document_id"_s), u"PTVCOU0020231201ejc1000a1"_s);
    QCOMPARE(first.metadata.value(u"language"_s), u"English"_s);
    QCOMPARE(first.metadata.value(u"time"_s), u"10:32 GMT"_s);
    QCOMPARE(first.metadata.value(u"copyright"_s),
             u"Copyright 2023 The Portvale Courier. All rights reserved."_s);
    QCOMPARE(first.provenance.value(u"format"_s), u"factiva"_s);
    QCOMPARE(imported->at(0).warnings, QStringList()); // 48 words stated, 28 in the text: close enough

    const Article &second = imported->at(1).article;
    QCOMPARE(second.path, u"factiva.rtf#2"_s);
    QCOMPARE(second.title, u"Ferry fares to rise in spring"_s);
    QCOMPARE(second.byline, QString());
    QCOMPARE(second.source, u"Island Gazette"_s);
    QCOMPARE(second.published, QDate(2023, 11, 30));
    QCOMPARE(second.body,
             u"Ferry fares between the islands will rise by a tenth in March, the operator said."_s);
    QCOMPARE(second.metadata.value(u"document_id"_s), u"ISLGAZ0020231130ejbu0002b"_s);
    QCOMPARE(imported->at(1).warnings, QStringList { u"the export states 400 words, the text has 15"_s });
}

void TestRtfReader::factivaFieldLinesLeaveTheText()
{
    const auto imported = ArticleImporter::importDataArticles(factivaWithFieldLines(), u"fields.rtf"_s);
    QVERIFY2(imported, qPrintable(imported.errorString()));
    QCOMPARE(imported->size(), 3);
    const Article &first = imported->at(0).article;
    QCOMPARE(first.title, u"Night trains return to the coast line"_s);
    QCOMPARE(first.source, u"The Portvale Courier"_s);
    QCOMPARE(first.published, QDate(2023, 12, 2));
    QCOMPARE(
        first.body,
        u"Night trains will run on the coast line again from March, the rail company said on Friday.\n\n"
        "Tickets go on sale in January, and the first train leaves the capital at ten in the evening."_s);
    QCOMPARE(first.metadata.value(u"time"_s), u"07:15 GMT"_s);
    QCOMPARE(first.metadata.value(u"source_code"_s), u"PTVCOU"_s);
    QCOMPARE(first.metadata.value(u"page"_s), u"B3"_s);
    QCOMPARE(first.metadata.value(u"edition"_s), u"Late Edition"_s);
    QCOMPARE(first.metadata.value(u"language"_s), u"English"_s);
    QCOMPARE(first.metadata.value(u"copyright"_s), u"(c) 2023 The Portvale Courier. All rights reserved."_s);

    const Article &second = imported->at(1).article;
    QCOMPARE(second.source, u"Island Gazette"_s);
    QCOMPARE(second.body,
             u"Workers repaired the lights on the north quay over the weekend, the harbour office said."_s);
    QCOMPARE(second.metadata.value(u"source_code"_s), u"ISLGAZ"_s);

    // No language or copyright line follows: the short line is the text's, not a field.
    const Article &third = imported->at(2).article;
    QCOMPARE(third.body,
             u"Good news for readers\n\nThe town library will open on Sundays from January, the council said "
             "on Monday."_s);
    QVERIFY(!third.metadata.contains(u"edition"_s));
}

void TestRtfReader::nexisExportInRtf()
{
    const auto imported = ArticleImporter::importDataArticles(nexisRtf(), u"nexis.rtf"_s);
    QVERIFY2(imported, qPrintable(imported.errorString()));
    QCOMPARE(imported->size(), 2);
    const Article &first = imported->at(0).article;
    QCOMPARE(first.path, u"nexis.rtf#1"_s);
    QCOMPARE(first.provenance.value(u"format"_s), u"nexis"_s);
    QCOMPARE(first.title, u"Café owners fight new rent rules"_s);
    QCOMPARE(first.source, u"The Portvale Courier"_s);
    QCOMPARE(first.published, QDate(2023, 12, 1));
    QCOMPARE(first.byline, u"Ana Ruiz"_s);
    QCOMPARE(first.body,
             u"Café owners in the old town said on Monday that the new rules would ruin them.\n\n"
             "The council meets again on Thursday."_s);
    QCOMPARE(first.metadata.value(u"section"_s), u"CITY; Pg. 2"_s);
    QCOMPARE(first.metadata.value(u"subject"_s), u"RENTS (90%)"_s);
    QCOMPARE(first.metadata.value(u"language"_s), u"ENGLISH"_s);
    const Article &second = imported->at(1).article;
    QCOMPARE(second.path, u"nexis.rtf#2"_s);
    QCOMPARE(second.title, u"Quay lights repaired"_s);
    QCOMPARE(second.published, QDate(2023, 12, 3));
    QCOMPARE(second.body,
             u"Workers repaired the lights on the north quay over the weekend, the harbour office said."_s);
    QCOMPARE(second.metadata.value(u"section"_s), u"PORT; Pg. 5"_s);
}

QTEST_GUILESS_MAIN(TestRtfReader)
#include "tst_rtfreader.moc"
