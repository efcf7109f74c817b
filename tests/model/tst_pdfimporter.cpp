// SPDX-License-Identifier: GPL-3.0-or-later
// PDF import: text layer in reading order, running headers/footers and page numbers dropped,
// hyphenation undone only where it is not a real hyphen, paragraphs rebuilt from line gaps, the
// title from metadata or the largest type, and one-line refusals for damaged, encrypted and
// image-only files. Every PDF is written by the test (PdfFixture, or QPdfWriter from text).
#include "PdfFixture.h"
#include "io/ArticleImporter.h"
#include "io/PdfImporter.h"

#include <QBuffer>
#include <QPainter>
#include <QPdfWriter>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>

using namespace Lede;
using namespace LedeTest;
using namespace Qt::StringLiterals;

namespace {

// Lays out paragraphs of lines from `y` on: 12 pt between lines, 18 pt between paragraphs.
double addParagraphs(QList<PdfText> &page, double x, double y, const QList<QStringList> &paragraphs)
{
    for (const QStringList &lines : paragraphs) {
        for (const QString &line : lines) {
            page.append({ x, y, 10, line });
            y += 12;
        }
        y += 6;
    }
    return y;
}

void addRunningLines(PdfFixture &pdf)
{
    for (qsizetype i = 0; i < pdf.pages.size(); ++i) {
        pdf.pages[i].prepend({ 72, 40, 8, u"The Portvale Courier - Regional news"_s });
        pdf.pages[i].append({ 280, 760, 8, u"Page %1 of %2"_s.arg(i + 1).arg(pdf.pages.size()) });
    }
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

PdfFixture threePageStory()
{
    PdfFixture pdf;
    QList<PdfText> one;
    one.append({ 72, 90, 20, u"Harbour board approves a new"_s });
    one.append({ 72, 114, 20, u"grain terminal"_s });
    addParagraphs(one, 72, 150,
                  { { u"The harbour board of Portvale voted on Monday to build a grain"_s,
                      u"terminal on the north quay, ending a dispute that had lasted two"_s, u"years."_s },
                    { u"The decision followed months of talks with the regional govern-"_s,
                      u"ment and with shipping firms, said the chair of the board."_s },
                    { u"Opponents, led by a Portvale-"_s, u"based haulier and a well-"_s,
                      u"known fishing cooperative, said the terminal would"_s } });
    QList<PdfText> two;
    addParagraphs(two, 72, 80,
                  { { u"crowd the quay and push up rents for small boats."_s },
                    { u"The well-known cooperative has asked the courts to look at the"_s,
                      u"vote again before any work begins."_s } });
    QList<PdfText> three;
    three.append({ 72, 80, 13, u"Costs and jobs"_s });
    addParagraphs(three, 72, 104,
                  { { u"The terminal is expected to cost 48 million euros and to employ"_s,
                      u"about 120 people once it opens."_s } });
    pdf.pages = { one, two, three };
    addRunningLines(pdf);
    return pdf;
}

const QString threePageBody
    = u"The harbour board of Portvale voted on Monday to build a grain terminal on the north "
      "quay, ending a dispute that had lasted two years.\n\n"
      "The decision followed months of talks with the regional government and with "
      "shipping firms, said the chair of the board.\n\n"
      "Opponents, led by a Portvale-based haulier and a well-known fishing cooperative, "
      "said the terminal would crowd the quay and push up rents for small boats.\n\n"
      "The well-known cooperative has asked the courts to look at the vote again before "
      "any work begins.\n\n"
      "Costs and jobs\n\n"
      "The terminal is expected to cost 48 million euros and to employ about 120 people "
      "once it opens."_s;

// A Nexis Uni export printed to PDF: a cover page, then two stories whose header lines are short
// lines at the ordinary line gap; the first story's text runs over a page break in mid-sentence
// and has a hyphenated line end; a classification field wraps, and so does a text line before a
// word that ends in a colon. Every page has a "Page N of 3" footer.
PdfFixture nexisExport()
{
    PdfFixture pdf;
    QList<PdfText> cover;
    double y = 80;
    for (const QString &line :
         { u"User Name: Ana Ruiz"_s, u"Date and Time: December 4, 2023 9:00 AM EST"_s, u"Job Number: 1234"_s,
           u"Documents (2)"_s, u"1. Night trains return to the coast line"_s,
           u"2. Quay lights repaired"_s }) {
        cover.append({ 72, y, 10, line });
        y += 12;
    }
    const auto lines = [](QList<PdfText> &page, double y, const QStringList &texts) {
        for (const QString &text : texts) {
            page.append({ 72, y, 10, text });
            y += 12;
        }
    };
    QList<PdfText> two;
    two.append({ 72, 62, 14, u"Night trains return to the coast line"_s });
    two.append({ 72, 80, 14, u"after three years"_s }); // a headline in two lines
    lines(two, 98,
          { u"The Portvale Courier"_s, u"December 2, 2023 Saturday"_s,
            u"Copyright 2023 The Portvale Courier"_s, u"Section: TRAVEL; Pg. 6"_s, u"Length: 56 words"_s,
            u"Byline: Ola Brekke"_s, u"Body"_s });
    lines(two, 194,
          { u"Night trains will run on the coast line again from March, the rail company"_s,
            u"said on Friday, after three years in which the route saw no sleeping cars"_s, u"at all."_s });
    lines(two, 248,
          { u"Tickets go on sale in January, the company said, and the regional govern-"_s,
            u"ment will pay for the new carriages. The first train leaves the capital at"_s });
    QList<PdfText> three;
    lines(three, 80,
          { u"ten in the evening."_s, u"Classification"_s, u"Language: ENGLISH"_s,
            u"Subject: RAILWAYS (92%); TRAVEL (80%); RAIL TRANSPORT (77%); NIGHT TRAINS"_s, u"(70%)"_s,
            u"Load-Date: December 3, 2023"_s, u"End of Document"_s });
    three.append({ 72, 170, 14, u"Quay lights repaired"_s });
    lines(three, 188,
          { u"The Portvale Courier"_s, u"December 3, 2023 Sunday"_s, u"Length: 15 words"_s, u"Body"_s });
    lines(three, 248,
          { u"Workers repaired the lights on the north quay over the weekend, said the Port"_s,
            u"Authority: four lamps had been broken by the storm in November."_s });
    lines(three, 290, { u"Load-Date: December 4, 2023"_s, u"End of Document"_s });
    pdf.pages = { cover, two, three };
    for (qsizetype i = 0; i < pdf.pages.size(); ++i)
        pdf.pages[i].append({ 280, 760, 8, u"Page %1 of 3"_s.arg(i + 1) });
    return pdf;
}

} // namespace

class TestPdfImporter final : public QObject
{
    Q_OBJECT

private slots:
    void threePagesTitleFromLargestType();
    void titleFromMetadataIsNotRepeated();
    void twoColumnsReadInOrder();
    void firstLineIndentStartsParagraph();
    void hyphenatedLineEnds();
    void qtWrittenDocument();
    void importFileByContent();
    void nexisExportSplitsIntoStories();
    void refusals_data();
    void refusals();
    void pageNumbers_data();
    void pageNumbers();
    void metadataTitles_data();
    void metadataTitles();
};

void TestPdfImporter::threePagesTitleFromLargestType()
{
    const auto converted = PdfImporter::read(threePageStory().build());
    QVERIFY2(converted, qPrintable(converted.errorString()));
    QCOMPARE(converted->hints.title, u"Harbour board approves a new grain terminal"_s);
    QCOMPARE(converted->provenance.value(u"title"_s), u"largest type on page 1"_s);
    QCOMPARE(converted->text, threePageBody);
    QCOMPARE(converted->metadata.value(u"pages"_s), u"3"_s);
    QCOMPARE(converted->hints.headings.size(), 1);
    const Span heading = converted->hints.headings.first();
    QCOMPARE(converted->text.mid(heading.start, heading.length()), u"Costs and jobs"_s);
}

void TestPdfImporter::titleFromMetadataIsNotRepeated()
{
    PdfFixture pdf = threePageStory();
    pdf.title = u"Harbour board approves a new grain terminal"_s;
    pdf.author = u"Ana Ruiz"_s;
    const auto converted = PdfImporter::read(pdf.build());
    QVERIFY2(converted, qPrintable(converted.errorString()));
    QCOMPARE(converted->hints.title, pdf.title);
    QCOMPARE(converted->provenance.value(u"title"_s), u"PDF metadata"_s);
    QCOMPARE(converted->hints.byline, u"Ana Ruiz"_s);
    QCOMPARE(converted->text, threePageBody);
}

void TestPdfImporter::twoColumnsReadInOrder()
{
    PdfFixture pdf;
    QList<PdfText> page;
    page.append({ 72, 80, 18, u"Ferry service resumes after storm"_s });
    const QStringList left { u"Ferries between Portvale and the"_s, u"islands sailed again on Sunday"_s,
                             u"after three days in port."_s };
    const QStringList right { u"The operator said it would add two"_s,
                              u"extra crossings on Monday to clear"_s, u"the backlog of lorries."_s };
    for (qsizetype i = 0; i < left.size(); ++i) {
        page.append({ 72, 120 + 12.0 * i, 10, left[i] });
        page.append({ 320, 120 + 12.0 * i, 10, right[i] });
    }
    pdf.pages = { page };
    const auto converted = PdfImporter::read(pdf.build());
    QVERIFY2(converted, qPrintable(converted.errorString()));
    QCOMPARE(converted->hints.title, u"Ferry service resumes after storm"_s);
    QCOMPARE(
        converted->text,
        u"Ferries between Portvale and the islands sailed again on Sunday after three days in port.\n\n"
        "The operator said it would add two extra crossings on Monday to clear the backlog of lorries."_s);
}

void TestPdfImporter::firstLineIndentStartsParagraph()
{
    // Paragraphs set without space between them, told apart by an indent.
    PdfFixture pdf;
    QList<PdfText> page;
    const QList<std::pair<double, QString>> lines {
        { 90, u"The council met for four hours on Tuesday and"_s },
        { 72, u"agreed to close the old library in the spring of next"_s },
        { 72, u"year, when the new one opens by the river."_s },
        { 90, u"Members of the public filled the gallery and several"_s },
        { 72, u"spoke against the plan before the vote was taken."_s },
    };
    double y = 100;
    for (const auto &[x, text] : lines) {
        page.append({ x, y, 10, text });
        y += 12;
    }
    pdf.pages = { page };
    const auto converted = PdfImporter::read(pdf.build());
    QVERIFY2(converted, qPrintable(converted.errorString()));
    QCOMPARE(
        converted->text,
        u"The council met for four hours on Tuesday and agreed to close the old library in the spring of "
        "next year, when the new one opens by the river.\n\n"
        "Members of the public filled the gallery and several spoke against the plan before the vote was "
        "taken."_s);
}

void TestPdfImporter::hyphenatedLineEnds()
{
    // One paragraph per case: a word split by hyphenation is joined; compounds keep their hyphen.
    PdfFixture pdf;
    QList<PdfText> page;
    addParagraphs(page, 72, 100,
                  { { u"The ministry said the negoti-"_s, u"ations would resume soon."_s },
                    { u"The Hamas-"_s, u"controlled ministry gave no figure."_s },
                    { u"Officials called it a self-"_s, u"inflicted wound."_s },
                    { u"The editor-"_s, u"in-chief resigned on Friday."_s },
                    { u"The site suffered a denial-of-"_s, u"service attack on Monday."_s } });
    pdf.pages = { page };
    const auto converted = PdfImporter::read(pdf.build());
    QVERIFY2(converted, qPrintable(converted.errorString()));
    QCOMPARE(converted->text.split(u"\n\n"_s),
             (QStringList { u"The ministry said the negotiations would resume soon."_s,
                            u"The Hamas-controlled ministry gave no figure."_s,
                            u"Officials called it a self-inflicted wound."_s,
                            u"The editor-in-chief resigned on Friday."_s,
                            u"The site suffered a denial-of-service attack on Monday."_s }));
}

void TestPdfImporter::qtWrittenDocument()
{
    // A PDF as an office program writes it: Qt's own PDF engine, with embedded fonts.
    QByteArray bytes;
    {
        QBuffer buffer(&bytes);
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        QPdfWriter writer(&buffer);
        writer.setTitle(u"Bridge repairs to last until June"_s);
        writer.setCreator(u"Lede test"_s);
        QTextDocument document;
        document.setHtml(
            u"<h1>Bridge repairs to last until June</h1>"
            "<p>Repairs to the old town bridge will keep it closed to cars until June, the roads "
            "department said on Wednesday.</p>"
            "<p>Pedestrians and cyclists can still cross on a temporary walkway.</p>"_s);
        document.setPageSize(QSizeF(writer.width(), writer.height()));
        QPainter painter(&writer);
        document.drawContents(&painter);
    }
    const auto converted = PdfImporter::read(bytes);
    QVERIFY2(converted, qPrintable(converted.errorString()));
    QCOMPARE(converted->hints.title, u"Bridge repairs to last until June"_s);
    QCOMPARE(
        converted->text,
        u"Repairs to the old town bridge will keep it closed to cars until June, the roads department said "
        "on Wednesday.\n\nPedestrians and cyclists can still cross on a temporary walkway."_s);
}

void TestPdfImporter::importFileByContent()
{
    // Named .txt, read as a PDF because of what it holds; the importer records the format.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"story.txt"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(threePageStory().build());
    file.close();
    const auto imported = ArticleImporter::importFile(path);
    QVERIFY2(imported, qPrintable(imported.errorString()));
    const Article &a = imported->article;
    QCOMPARE(a.title, u"Harbour board approves a new grain terminal"_s);
    QCOMPARE(a.body, threePageBody);
    QCOMPARE(headings(a), QStringList { u"Costs and jobs"_s });
    QCOMPARE(a.provenance.value(u"format"_s), u"pdf"_s);
    QVERIFY(ArticleImporter::supportedSuffixes().contains(u"pdf"_s));
}

void TestPdfImporter::nexisExportSplitsIntoStories()
{
    const auto imported = ArticleImporter::importDataArticles(nexisExport().build(), u"nexis.pdf"_s);
    QVERIFY2(imported, qPrintable(imported.errorString()));
    QCOMPARE(imported->size(), 2);
    const Article &first = imported->at(0).article;
    QCOMPARE(first.path, u"nexis.pdf#1"_s);
    QCOMPARE(first.provenance.value(u"format"_s), u"nexis"_s);
    QCOMPARE(first.title, u"Night trains return to the coast line after three years"_s);
    QCOMPARE(first.source, u"The Portvale Courier"_s);
    QCOMPARE(first.published, QDate(2023, 12, 2));
    QCOMPARE(first.byline, u"Ola Brekke"_s);
    QCOMPARE(
        first.body,
        u"Night trains will run on the coast line again from March, the rail company said on Friday, after "
        "three years in which the route saw no sleeping cars at all.\n\n"
        "Tickets go on sale in January, the company said, and the regional government will pay for the new "
        "carriages. The first train leaves the capital at ten in the evening."_s);
    QCOMPARE(first.metadata.value(u"section"_s), u"TRAVEL; Pg. 6"_s);
    // A field that wraps is one field.
    QCOMPARE(first.metadata.value(u"subject"_s),
             u"RAILWAYS (92%); TRAVEL (80%); RAIL TRANSPORT (77%); NIGHT TRAINS (70%)"_s);
    QCOMPARE(first.metadata.value(u"load_date"_s), u"December 3, 2023"_s);
    QCOMPARE(imported->at(0).warnings, QStringList());

    const Article &second = imported->at(1).article;
    QCOMPARE(second.path, u"nexis.pdf#2"_s);
    QCOMPARE(second.title, u"Quay lights repaired"_s);
    QCOMPARE(second.source, u"The Portvale Courier"_s);
    QCOMPARE(second.published, QDate(2023, 12, 3));
    // A wrapped line that starts like a field ("Authority: …") is text.
    QCOMPARE(second.body,
             u"Workers repaired the lights on the north quay over the weekend, said the Port Authority: four "
             u"lamps "
             "had been broken by the storm in November."_s);
}

void TestPdfImporter::refusals_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("message");
    PdfFixture scan;
    scan.pages = { {}, {} };
    PdfFixture locked = threePageStory();
    locked.lockedWithPassword = true;
    QTest::newRow("image-only-pages")
        << scan.build() << u"the PDF has no text layer (a scanned document?); Lede does not do OCR"_s;
    QTest::newRow("encrypted-with-user-password")
        << locked.build() << u"the PDF is encrypted and needs a password"_s;
    QTest::newRow("header-then-garbage") << QByteArray("%PDF-1.7\nthis is not a PDF body at all\n")
                                         << u"the PDF document is damaged or truncated and cannot be read"_s;
    QTest::newRow("cut-after-header") << threePageStory().build().left(9)
                                      << u"the PDF document is damaged or truncated and cannot be read"_s;
}

void TestPdfImporter::refusals()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, message);
    const auto converted = PdfImporter::read(data);
    QVERIFY(!converted);
    QCOMPARE(converted.errorString(), message);
    QVERIFY(!message.contains(u'\n'));
    // The same message through the importer, for a file named .pdf.
    const auto imported = ArticleImporter::importData(data, u"scan.pdf"_s);
    QVERIFY(!imported);
    QCOMPARE(imported.errorString(), message);
}

void TestPdfImporter::pageNumbers_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<bool>("isNumber");
    QTest::newRow("bare") << u"7"_s << true;
    QTest::newRow("dashes") << u"- 12 -"_s << true;
    QTest::newRow("page-of") << u"Page 3 of 10"_s << true;
    QTest::newRow("slash") << u"3/10"_s << true;
    QTest::newRow("year-is-a-number-too") << u"2023"_s << true;
    QTest::newRow("figure-with-words") << u"12 people"_s << false;
    QTest::newRow("sentence") << u"Page three was torn."_s << false;
}

void TestPdfImporter::pageNumbers()
{
    QFETCH(QString, line);
    QFETCH(bool, isNumber);
    QCOMPARE(PdfImporter::isPageNumber(line), isNumber);
}

void TestPdfImporter::metadataTitles_data()
{
    QTest::addColumn<QString>("title");
    QTest::addColumn<bool>("usable");
    QTest::newRow("headline") << u"Harbour board approves terminal"_s << true;
    QTest::newRow("empty") << u" "_s << false;
    QTest::newRow("word-file-name") << u"Microsoft Word - draft7.docx"_s << false;
    QTest::newRow("file-name") << u"page_01.indd"_s << false;
    QTest::newRow("untitled") << u"Untitled"_s << false;
}

void TestPdfImporter::metadataTitles()
{
    QFETCH(QString, title);
    QFETCH(bool, usable);
    QCOMPARE(PdfImporter::isUsableMetadataTitle(title), usable);
}

QTEST_MAIN(TestPdfImporter)
#include "tst_pdfimporter.moc"
