// SPDX-License-Identifier: GPL-3.0-or-later
// Word (DOCX) and OpenDocument (ODT) import, and Nexis Uni exports (one DOCX, many articles): the
// documents are zipped by the test (ZipWriter) from XML and text written here.
#include "io/ArticleImporter.h"
#include "io/NexisExport.h"
#include "io/OfficeImporter.h"
#include "io/ZipArchive.h"
#include "library/LibraryImport.h"
#include "store/ArticleRepository.h"
#include "store/ArticleStore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Lede;
using namespace Qt::StringLiterals;

namespace {

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

// One w:p; `style` empty for body text. "\f" in front of the text puts a page break before it.
QString wordParagraph(const QString &style, QString text)
{
    QString runs;
    if (text.startsWith(u'\f')) {
        runs += u"<w:r><w:br w:type=\"page\"/></w:r>"_s;
        text.remove(0, 1);
    }
    runs += u"<w:r><w:t xml:space=\"preserve\">"_s + escaped(text) + u"</w:t></w:r>"_s;
    const QString props
        = style.isEmpty() ? QString() : u"<w:pPr><w:pStyle w:val=\""_s + style + u"\"/></w:pPr>"_s;
    return u"<w:p>"_s + props + runs + u"</w:p>"_s;
}

QByteArray zip(const QList<std::pair<QString, QByteArray>> &entries)
{
    ZipWriter writer;
    for (const auto &[name, bytes] : entries)
        writer.add(name, bytes, name != u"mimetype"_s);
    auto bytes = writer.archiveBytes();
    if (!bytes)
        qFatal("zip: %s", qPrintable(bytes.errorString()));
    return *bytes;
}

QByteArray docx(const QString &bodyXml, const QString &coreTitle = {}, const QString &creator = {},
                const QString &stylesXml = {})
{
    const QString document
        = u"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
          "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
          "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"><w:body>"_s
        + bodyXml + u"<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr></w:body></w:document>"_s;
    const QString core
        = u"<?xml version=\"1.0\" encoding=\"UTF-8\"?><cp:coreProperties "
          "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
          "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>"_s
        + escaped(coreTitle) + u"</dc:title><dc:creator>"_s + escaped(creator)
        + u"</dc:creator></cp:coreProperties>"_s;
    QList<std::pair<QString, QByteArray>> entries {
        { u"[Content_Types].xml"_s,
          "<?xml version=\"1.0\"?><Types "
          "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>" },
        { u"word/document.xml"_s, document.toUtf8() },
        { u"docProps/core.xml"_s, core.toUtf8() },
    };
    if (!stylesXml.isEmpty())
        entries.append({ u"word/styles.xml"_s, stylesXml.toUtf8() });
    return zip(entries);
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

// A Nexis Uni export as its DOCX holds it: a cover page, then each story after a page break.
struct NexisStory
{
    QString headline, publication, dateLine;
    QStringList fields; // "Section: NEWS; Pg. 3", ...
    QStringList body;
    QStringList trailer; // "Classification", "Language: ENGLISH", ..., "Load-Date: ..."
};

QByteArray nexisDocx(const QList<NexisStory> &stories)
{
    QString xml;
    for (const QString &line :
         { u"User Name: Test Reader"_s, u"Date and Time: Friday, December 1, 2023 10:00:00 AM EST"_s,
           u"Job Number: 123456"_s, u"Documents (3)"_s, u"1. Harbour board approves terminal"_s,
           u"Client/Matter: -None-"_s, u"Search Terms: harbour"_s })
        xml += wordParagraph({}, line);
    for (const NexisStory &s : stories) {
        xml += wordParagraph(u"Title"_s, u"\f"_s + s.headline);
        xml += wordParagraph({}, s.publication);
        xml += wordParagraph({}, s.dateLine);
        for (const QString &f : s.fields)
            xml += wordParagraph({}, f);
        xml += wordParagraph(u"Heading1"_s, u"Body"_s);
        for (const QString &p : s.body)
            xml += wordParagraph({}, p);
        for (const QString &t : s.trailer)
            xml += wordParagraph({}, t);
        xml += wordParagraph({}, u"End of Document"_s);
    }
    return docx(xml, {}, u"LexisNexis"_s);
}

QList<NexisStory> threeStories()
{
    return {
        { u"Harbour board approves grain terminal"_s,
          u"The Portvale Courier"_s,
          u"December 1, 2023 Friday"_s,
          { u"Copyright 2023 The Portvale Courier All Rights Reserved"_s, u"Section: NEWS; Pg. 3"_s,
            u"Length: 33 words"_s, u"Byline: By Ana Ruiz"_s },
          { u"PORTVALE (Courier Wire) - The harbour board voted on Monday to build a grain terminal on the north quay."_s,
            u"\"This ends two years of argument,\" the chair of the board said after the vote."_s },
          { u"Classification"_s, u"Language: ENGLISH"_s, u"Publication-Type: Newspaper"_s,
            u"Subject: PORTS (90%); AGRICULTURE (71%)"_s, u"Geographic: PORTVALE (79%)"_s,
            u"Load-Date: December 2, 2023"_s } },
        { u"Ferry fares to rise in spring"_s,
          u"Island Gazette"_s,
          u"30 November 2023 Thursday"_s,
          { u"Length: 400 words"_s, u"Dateline: ISLEBY"_s },
          { u"Ferry fares between the islands will rise by a tenth in March, the operator said."_s },
          { u"Load-Date: December 1, 2023"_s } },
        { u"Council delays library vote"_s,
          u"The Portvale Courier"_s,
          u"November 29, 2023 Wednesday 6:15 PM EST"_s,
          { u"Section: LOCAL"_s },
          { u"The council put off its vote on the old library until January."_s, u"Costs"_s,
            u"Repairs would cost about two million euros, officials said."_s },
          {} },
    };
}

} // namespace

class TestOfficeImporter final : public QObject
{
    Q_OBJECT

private slots:
    void docxStylesRunsAndMetadata();
    void docxTitleFromMetadataAndLocalizedHeading();
    void odtHeadingsSpacesAndMetadata();
    void badDocuments_data();
    void badDocuments();
    void nexisDates_data();
    void nexisDates();
    void nexisExportSplitsIntoArticles();
    void nexisExportImportsInOneGo();
    void nexisTextExport();
    void nexisDocumentsLineAtEveryOffset();
};

void TestOfficeImporter::docxStylesRunsAndMetadata()
{
    const QString body = wordParagraph(u"Title"_s, u"Port strike halts grain exports"_s)
        // One sentence in three runs, with deleted text and a field code that are not text.
        + u"<w:p><w:r><w:t xml:space=\"preserve\">Dock workers walked out on </w:t></w:r>"
          "<w:del><w:r><w:delText>Sunday</w:delText></w:r></w:del>"
          "<w:r><w:t>Monday,</w:t></w:r><w:r><w:tab/><w:t>the union said.</w:t></w:r>"
          "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r></w:p>"_s
        + wordParagraph(u"Heading2"_s, u"What comes next"_s)
        + u"<w:p><w:r><w:t>Talks resume on Thursday.</w:t><w:br/><w:t>Both sides agreed.</w:t></w:r></w:p>"
          "<w:p></w:p>"_s;
    const auto imported = ArticleImporter::importData(docx(body, {}, u"Maria Okafor"_s), u"strike.docx"_s);
    QVERIFY2(imported, qPrintable(imported.errorString()));
    const Article &a = imported->article;
    QCOMPARE(a.title, u"Port strike halts grain exports"_s);
    QCOMPARE(a.body,
             u"Dock workers walked out on Monday, the union said.\n\nWhat comes next\n\n"
             "Talks resume on Thursday.\nBoth sides agreed."_s);
    QCOMPARE(headings(a), QStringList { u"What comes next"_s });
    QCOMPARE(a.byline, u"Maria Okafor"_s);
    QCOMPARE(a.provenance.value(u"format"_s), u"docx"_s);
    QCOMPARE(a.provenance.value(u"title"_s), u"Title style"_s);
}

void TestOfficeImporter::docxTitleFromMetadataAndLocalizedHeading()
{
    // A German Word names its heading style "berschrift1"; styles.xml says it is "heading 1".
    const QString styles
        = u"<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
          "<w:style w:type=\"paragraph\" w:styleId=\"berschrift1\"><w:name w:val=\"heading 1\"/>"
          "</w:style></w:styles>"_s;
    const QString body = wordParagraph({}, u"Ferry service resumes after storm"_s)
        + wordParagraph({}, u"Ferries sailed again on Sunday after three days in port."_s)
        + wordParagraph(u"berschrift1"_s, u"Backlog"_s)
        + wordParagraph({}, u"Two extra crossings will clear the queue of lorries."_s);
    // Named .txt: the content makes it a DOCX.
    const auto imported = ArticleImporter::importData(
        docx(body, u"Ferry service resumes after storm"_s, u"Administrator"_s, styles), u"ferry.txt"_s);
    QVERIFY2(imported, qPrintable(imported.errorString()));
    const Article &a = imported->article;
    QCOMPARE(a.title, u"Ferry service resumes after storm"_s);
    QCOMPARE(a.provenance.value(u"title"_s), u"document metadata"_s);
    QCOMPARE(a.body,
             u"Ferries sailed again on Sunday after three days in port.\n\nBacklog\n\n"
             "Two extra crossings will clear the queue of lorries."_s);
    QCOMPARE(headings(a), QStringList { u"Backlog"_s });
    QCOMPARE(a.byline, QString()); // "Administrator" is the machine's user, not an author
}

void TestOfficeImporter::odtHeadingsSpacesAndMetadata()
{
    const QByteArray content
        = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
          "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
          "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
          "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
          "xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\">"
          "<office:automatic-styles><style:style style:name=\"P1\" style:family=\"paragraph\" "
          "style:parent-style-name=\"Title\"/></office:automatic-styles>"
          "<office:body><office:text><text:sequence-decls><text:sequence-decl "
          "text:name=\"Figure\"/></text:sequence-decls>"
          "<text:p text:style-name=\"P1\">Bridge repairs to last until June</text:p>"
          "<text:p text:style-name=\"Text_20_body\">Repairs to the old\n   town bridge<text:s "
          "text:c=\"2\"/>will keep "
          "it closed<text:note><text:note-body><text:p>A footnote.</text:p></text:note-body></text:note>, "
          "the <text:span>roads department</text:span> said.</text:p>"
          "<text:h text:outline-level=\"2\">Walkway</text:h>"
          "<text:list><text:list-item><text:p>Pedestrians can cross.<text:line-break/>Cyclists must "
          "walk.</text:p>"
          "</text:list-item></text:list>"
          "</office:text></office:body></office:document-content>";
    const QByteArray meta = "<?xml version=\"1.0\"?><office:document-meta "
                            "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                            "xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" "
                            "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><office:meta>"
                            "<meta:initial-creator>Tomas Lindqvist</meta:initial-creator>"
                            "<dc:title>draft.odt</dc:title></office:meta></office:document-meta>";
    const QByteArray odt = zip({ { u"mimetype"_s, "application/vnd.oasis.opendocument.text" },
                                 { u"content.xml"_s, content },
                                 { u"meta.xml"_s, meta } });
    const auto imported = ArticleImporter::importData(odt, u"bridge.odt"_s);
    QVERIFY2(imported, qPrintable(imported.errorString()));
    const Article &a = imported->article;
    QCOMPARE(a.title, u"Bridge repairs to last until June"_s);
    QCOMPARE(a.body,
             u"Repairs to the old town bridge will keep it closed, the roads department said.\n\nWalkway\n\n"
             "Pedestrians can cross.\nCyclists must walk."_s);
    QCOMPARE(headings(a), QStringList { u"Walkway"_s });
    QCOMPARE(a.byline, u"Tomas Lindqvist"_s);
    QCOMPARE(a.metadata.value(u"document_title"_s), u"draft.odt"_s);
    QCOMPARE(a.provenance.value(u"format"_s), u"odt"_s);
    QCOMPARE(a.provenance.value(u"title"_s), u"Title style"_s);
}

void TestOfficeImporter::badDocuments_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("reason");
    const QByteArray good = docx(wordParagraph({}, u"Dock workers walked out on Monday, the union said."_s));
    QTest::newRow("truncated-docx") << good.left(
        good.size()
        / 2) << u"cut.docx"_s << u"the file is not a readable DOCX document: the zip archive is cut short"_s;
    QTest::newRow("malformed-document-xml")
        << zip({ { u"word/document.xml"_s, "<w:document xmlns:w=\"x\"><w:body><w:p><w:t>Text</w:p>" } })
        << u"broken.docx"_s << u"word/document.xml is not well-formed XML (line 1: "_s;
    QTest::newRow("zip-without-document")
        << zip({ { u"notes.txt"_s, "hello there friends" } }) << u"other.docx"_s
        << u"the file is not a readable DOCX document: "_s;
    QTest::newRow("not-a-zip-at-all") << QByteArray("Just some words in a file named like a document.")
                                      << u"words.odt"_s << u"the file is not a readable ODT document: "_s;
    QTest::newRow("encrypted-docx") << QByteArray("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") + QByteArray(512, '\0')
                                    << u"secret.docx"_s
                                    << u"a password-protected DOCX; save it without a password"_s;
    QTest::newRow("other-zip-named-txt")
        << zip({ { u"notes.txt"_s, "hello there friends" } }) << u"other.txt"_s << u"ZIP archive"_s;
}

void TestOfficeImporter::badDocuments()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, fileName);
    QFETCH(QString, reason);
    const auto imported = ArticleImporter::importData(data, fileName);
    QVERIFY(!imported);
    QVERIFY2(imported.errorString().contains(reason), qPrintable(imported.errorString()));
    QVERIFY2(!imported.errorString().contains(u'\n'), qPrintable(imported.errorString()));
}

void TestOfficeImporter::nexisDates_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QDate>("date");
    QTest::newRow("month-first-weekday") << u"December 1, 2023 Friday"_s << QDate(2023, 12, 1);
    QTest::newRow("day-first-weekday") << u"30 November 2023 Thursday"_s << QDate(2023, 11, 30);
    QTest::newRow("time-and-zone") << u"November 29, 2023 Wednesday 6:15 PM EST"_s << QDate(2023, 11, 29);
    QTest::newRow("abbreviated") << u"Sept. 4, 2023"_s << QDate(2023, 9, 4);
    QTest::newRow("headline-with-date") << u"March 3, 2023 was a wet day"_s << QDate();
    QTest::newRow("not-a-month") << u"Mayday 3, 2023"_s << QDate();
}

void TestOfficeImporter::nexisDates()
{
    QFETCH(QString, line);
    QFETCH(QDate, date);
    QCOMPARE(NexisExport::parseDate(line), date);
}

void TestOfficeImporter::nexisExportSplitsIntoArticles()
{
    const auto imported = ArticleImporter::importDataArticles(nexisDocx(threeStories()), u"export.docx"_s);
    QVERIFY2(imported, qPrintable(imported.errorString()));
    QCOMPARE(imported->size(), 3);
    const Article &first = imported->at(0).article;
    QCOMPARE(first.path, u"export.docx#1"_s);
    QCOMPARE(first.title, u"Harbour board approves grain terminal"_s);
    QCOMPARE(first.source, u"The Portvale Courier"_s); // the publication, not the dateline's agency
    QCOMPARE(first.metadata.value(u"agency"_s), u"Courier Wire"_s);
    QCOMPARE(first.dateline, u"PORTVALE"_s);
    QCOMPARE(first.published, QDate(2023, 12, 1));
    QCOMPARE(first.byline, u"Ana Ruiz"_s);
    QCOMPARE(first.body,
             u"PORTVALE (Courier Wire) - The harbour board voted on Monday to build a grain terminal on the "
             u"north quay.\n\n"
             "\"This ends two years of argument,\" the chair of the board said after the vote."_s);
    QCOMPARE(first.metadata.value(u"section"_s), u"NEWS; Pg. 3"_s);
    QCOMPARE(first.metadata.value(u"length"_s), u"33 words"_s);
    QCOMPARE(first.metadata.value(u"language"_s), u"ENGLISH"_s);
    QCOMPARE(first.metadata.value(u"publication_type"_s), u"Newspaper"_s);
    QCOMPARE(first.metadata.value(u"subject"_s), u"PORTS (90%); AGRICULTURE (71%)"_s);
    QCOMPARE(first.metadata.value(u"load_date"_s), u"December 2, 2023"_s);
    QCOMPARE(first.metadata.value(u"copyright"_s),
             u"Copyright 2023 The Portvale Courier All Rights Reserved"_s);
    QCOMPARE(first.provenance.value(u"format"_s), u"nexis"_s);
    QCOMPARE(imported->at(0).warnings, QStringList());

    const Article &second = imported->at(1).article;
    QCOMPARE(second.path, u"export.docx#2"_s);
    QCOMPARE(second.title, u"Ferry fares to rise in spring"_s);
    QCOMPARE(second.source, u"Island Gazette"_s);
    QCOMPARE(second.published, QDate(2023, 11, 30));
    QCOMPARE(second.metadata.value(u"dateline"_s), u"ISLEBY"_s);
    QCOMPARE(second.body,
             u"Ferry fares between the islands will rise by a tenth in March, the operator said."_s);
    // 400 words stated, 15 in the text.
    QCOMPARE(imported->at(1).warnings, QStringList { u"the export states 400 words, the text has 15"_s });

    const Article &third = imported->at(2).article;
    QCOMPARE(third.published, QDate(2023, 11, 29));
    QCOMPARE(third.metadata.value(u"section"_s), u"LOCAL"_s);
    QCOMPARE(third.body,
             u"The council put off its vote on the old library until January.\n\nCosts\n\n"
             "Repairs would cost about two million euros, officials said."_s);
    // No cover-page or field line stays in any body.
    for (const ImportedArticle &a : *imported) {
        for (const QString &label :
             { u"Body"_s, u"End of Document"_s, u"Load-Date"_s, u"Job Number"_s, u"Length:"_s })
            QVERIFY2(!a.article.body.contains(label), qPrintable(label));
    }
    // An export is not one article.
    const auto single = ArticleImporter::importData(nexisDocx(threeStories()), u"export.docx"_s);
    QVERIFY(!single);
    QCOMPARE(single.errorString(), u"the file is an export holding 3 articles; import it as a whole"_s);
}

void TestOfficeImporter::nexisExportImportsInOneGo()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"export.docx"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QList<NexisStory> stories = threeStories();
    stories.append(stories.first()); // the same story twice in one export: stored once
    file.write(nexisDocx(stories));
    file.close();
    ArticleStore store;
    QVERIFY(store.open(dir.filePath(u"lib.sqlite"_s)).ok());
    QList<ImportOutcome> outcomes;
    const QStringList files = collectImportFiles({ dir.path() }, nullptr);
    QCOMPARE(files, QStringList { path }); // found by the folder scan
    QVERIFY(importFiles(store, files, [&](const ImportOutcome &o) {
        outcomes.append(o);
        return true;
    }));
    QCOMPARE(outcomes.size(), 4);
    for (int i = 0; i < 4; ++i)
        QCOMPARE(outcomes[i].path, path + u"#%1"_s.arg(i + 1));
    QCOMPARE(outcomes[0].status, ImportOutcome::Status::Imported);
    QCOMPARE(outcomes[1].status, ImportOutcome::Status::Imported);
    QCOMPARE(outcomes[2].status, ImportOutcome::Status::Imported);
    QCOMPARE(outcomes[3].status, ImportOutcome::Status::AlreadyPresent);
    QCOMPARE(outcomes[3].articleId, outcomes[0].articleId);
    QCOMPARE(outcomes[1].title, u"Ferry fares to rise in spring"_s);
    QCOMPARE(*ArticleRepository(store).articleCount(), 3);
    const auto stored = ArticleRepository(store).article(outcomes[1].articleId);
    QVERIFY(stored.ok());
    QCOMPARE(stored->source, u"Island Gazette"_s);
    QCOMPARE(stored->published, QDate(2023, 11, 30));

    // Again: every story is already there.
    outcomes.clear();
    QVERIFY(importFiles(store, files, [&](const ImportOutcome &o) {
        outcomes.append(o);
        return true;
    }));
    QCOMPARE(outcomes.size(), 4);
    for (const ImportOutcome &o : std::as_const(outcomes))
        QCOMPARE(o.status, ImportOutcome::Status::AlreadyPresent);
    QCOMPARE(*ArticleRepository(store).articleCount(), 3);
}

void TestOfficeImporter::nexisTextExport()
{
    // The older plain-text layout, centred header lines and wrapped paragraphs included.
    const QByteArray txt
        = "                               1 of 2 DOCUMENTS\r\n\r\n"
          "                          The Portvale Courier\r\n\r\n"
          "                        December 1, 2023 Friday\r\n"
          "                          Late Edition - Final\r\n\r\n"
          "Harbour board approves grain terminal\r\n\r\n"
          "BYLINE: By Ana Ruiz\r\n\r\nSECTION: NEWS; Pg. 3\r\n\r\nLENGTH: 30 words\r\n\r\n"
          "PORTVALE: The harbour board voted on Monday to build a grain terminal\r\n"
          "on the north quay.\r\n\r\n"
          "\"This ends two years of argument,\" the chair of the board said.\r\n\r\n"
          "LOAD-DATE: December 2, 2023\r\n\r\nLANGUAGE: ENGLISH\r\n\r\n"
          "PUBLICATION-TYPE: Newspaper\r\n\r\n"
          "                 Copyright 2023 The Portvale Courier\r\n\r\n\r\n"
          "                               2 of 2 DOCUMENTS\r\n\r\n"
          "                             Island Gazette\r\n\r\n"
          "                        November 30, 2023 Thursday\r\n\r\n"
          "Ferry fares to rise in spring\r\n\r\nLENGTH: 15 words\r\n\r\n"
          "Ferry fares between the islands will rise by a tenth in March, the operator said.\r\n\r\n"
          "LOAD-DATE: December 1, 2023\r\n";
    const auto imported = ArticleImporter::importDataArticles(txt, u"nexis.txt"_s);
    QVERIFY2(imported, qPrintable(imported.errorString()));
    QCOMPARE(imported->size(), 2);
    const Article &first = imported->at(0).article;
    QCOMPARE(first.path, u"nexis.txt#1"_s);
    QCOMPARE(first.title, u"Harbour board approves grain terminal"_s);
    QCOMPARE(first.source, u"The Portvale Courier"_s);
    QCOMPARE(first.published, QDate(2023, 12, 1));
    QCOMPARE(first.byline, u"Ana Ruiz"_s);
    QCOMPARE(first.body,
             u"PORTVALE: The harbour board voted on Monday to build a grain terminal on the north quay.\n\n"
             "\"This ends two years of argument,\" the chair of the board said."_s);
    QCOMPARE(first.metadata.value(u"edition"_s), u"Late Edition - Final"_s);
    QCOMPARE(first.metadata.value(u"section"_s), u"NEWS; Pg. 3"_s);
    QCOMPARE(first.metadata.value(u"language"_s), u"ENGLISH"_s);
    QCOMPARE(first.metadata.value(u"copyright"_s), u"Copyright 2023 The Portvale Courier"_s);
    QCOMPARE(first.provenance.value(u"format"_s), u"nexis"_s);
    const Article &second = imported->at(1).article;
    QCOMPARE(second.title, u"Ferry fares to rise in spring"_s);
    QCOMPARE(second.source, u"Island Gazette"_s);
    QCOMPARE(second.published, QDate(2023, 11, 30));
    QCOMPARE(second.body,
             u"Ferry fares between the islands will rise by a tenth in March, the operator said."_s);
    QCOMPARE(imported->at(1).warnings, QStringList());
}

// The "N of M DOCUMENTS" line is looked for several characters at a time: it is found wherever it
// starts, in any case (the long s included), and a near miss is not taken for it.
void TestOfficeImporter::nexisDocumentsLineAtEveryOffset()
{
    for (int pad = 0; pad <= 20; ++pad) {
        const QString before = QString(pad, u'x') + u"\n"_s;
        const QString after = u"\nHarbour board approves grain terminal\n"_s;
        for (const QString &line :
             { u"1 of 2 DOCUMENTS"_s, u"  3 of 12 documents"_s, u"1 of 2 Document\u017F"_s })
            QVERIFY2(NexisExport::looksLikeTxtExport(before + line + after), qPrintable(line));
        for (const QString &line : { u"1 of 2 DOCUMENT"_s, u"1 of 2  DOCUMENTS"_s, u"1 of 2 DOCUMENTZ"_s,
                                     u"one of two DOCUMENTS"_s })
            QVERIFY2(!NexisExport::looksLikeTxtExport(before + line + after), qPrintable(line));
    }
}

QTEST_GUILESS_MAIN(TestOfficeImporter)
#include "tst_officeimporter.moc"
