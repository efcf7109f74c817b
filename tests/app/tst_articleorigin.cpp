// SPDX-License-Identifier: GPL-3.0-or-later
// Where an article came from, for every format Lede reads: `lede import` stores the format, the
// source's metadata and the provenance; they read back from the library, they are searchable, and
// `lede analyze --json`, `lede layers` and `lede export-articles` carry them. The fixtures are
// built here from text written for this test (the office files zipped by ZipWriter, the PDF by
// PdfFixture).
#include "CsvReader.h"
#include "PdfFixture.h"
#include "io/ZipArchive.h"
#include "store/ArticleRepository.h"
#include "store/ArticleStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Lede;

namespace {

struct Run
{
    int code = -1;
    QByteArray out;
    QString err;
};

Run cli(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(LEDE_CLI_EXECUTABLE), args);
    if (!p.waitForFinished(120000))
        return {};
    return { p.exitCode(), p.readAllStandardOutput(), QString::fromUtf8(p.readAllStandardError()) };
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
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

QByteArray wordParagraphs(const QStringList &paragraphs)
{
    QByteArray xml;
    for (QString text : paragraphs) {
        QByteArray runs;
        if (text.startsWith(u'\f')) {
            runs += "<w:r><w:br w:type=\"page\"/></w:r>";
            text.remove(0, 1);
        }
        runs += "<w:r><w:t xml:space=\"preserve\">" + text.toHtmlEscaped().toUtf8() + "</w:t></w:r>";
        xml += "<w:p>" + runs + "</w:p>";
    }
    return xml;
}

QByteArray docx(const QStringList &paragraphs, const QByteArray &title, const QByteArray &creator)
{
    const QByteArray document
        = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
          "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
        + wordParagraphs(paragraphs) + "</w:body></w:document>";
    const QByteArray core = "<?xml version=\"1.0\"?><cp:coreProperties "
                            "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/"
                            "core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>"
        + title + "</dc:title><dc:creator>" + creator + "</dc:creator></cp:coreProperties>";
    return zip({ { u"[Content_Types].xml"_s,
                   "<?xml version=\"1.0\"?><Types "
                   "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>" },
                 { u"word/document.xml"_s, document },
                 { u"docProps/core.xml"_s, core } });
}

QByteArray odt()
{
    const QByteArray content
        = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
          "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
          "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text>"
          "<text:p>The ferry timetable for the winter months was published on Friday by the island "
          "operator.</text:p>"
          "<text:p>Crossings leave every two hours, and the last boat sails at nine in the "
          "evening.</text:p></office:text></office:body></office:document-content>";
    const QByteArray meta = "<?xml version=\"1.0\"?><office:document-meta "
                            "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                            "xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" "
                            "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><office:meta>"
                            "<meta:initial-creator>Tomas Lindqvist</meta:initial-creator>"
                            "<dc:title>Winter ferry timetable published</dc:title></office:meta>"
                            "</office:document-meta>";
    return zip({ { u"mimetype"_s, "application/vnd.oasis.opendocument.text" },
                 { u"content.xml"_s, content },
                 { u"meta.xml"_s, meta } });
}

QByteArray pdf()
{
    LedeTest::PdfFixture fixture;
    fixture.title = u"Quay wall repairs begin"_s;
    fixture.author = u"Ana Ruiz"_s;
    fixture.pages = { {
        { 72, 100, 11, u"Repairs to the old quay wall began on Monday after a winter of storms."_s },
        { 72, 114, 11, u"The harbour office expects the work to last until the end of the summer."_s },
        { 72, 128, 11, u"Boats will moor at the north pier while the divers are at work."_s },
    } };
    return fixture.build();
}

QByteArray rtfParagraphs(const QList<QByteArray> &paragraphs, const QByteArray &info = {})
{
    QByteArray rtf = "{\\rtf1\\ansi\\ansicpg1252{\\fonttbl{\\f0 Arial;}}" + info + "\\f0 ";
    for (const QByteArray &p : paragraphs)
        rtf += p == "\\page" ? QByteArray("\\page\n") : "\\pard " + p + "\\par\n";
    return rtf + "}";
}

QByteArray factivaRtf()
{
    return rtfParagraphs({
        "Harbour pilots agree new rota",
        "By Ana Ruiz",
        "44 words",
        "4 December 2023",
        "The Portvale Courier",
        "English",
        "Copyright 2023 The Portvale Courier. All rights reserved.",
        "The harbour pilots agreed on Monday to a new rota that keeps two pilots on duty at night.",
        "\\ldblquote Nobody waits for a pilot any more,\\rdblquote  the harbour master said after the "
        "meeting.",
        "Document PTVCOU0020231204ejc4000a1",
        "\\page",
        "Island school gets a new roof",
        "31 words",
        "5 December 2023",
        "Island Gazette",
        "The island school will have a new roof before the spring term, the council said on Tuesday.",
        "Document ISLGAZ0020231205ejc5000b2",
    });
}

// Factiva's "Article Format" saved as HTML: the RTF's lines, each in a block of its own, the
// articles separated by a rule.
QByteArray factivaHtml()
{
    return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Factiva</title>"
           "<style>.articleParagraph { margin: 0 }</style></head><body>\n"
           "<div class=\"article enArticle\"><div id=\"hd\"><span class=\"enHeadline\">Harbour pilots "
           "agree new rota</span></div>\n"
           "<div class=\"author\">By Ana Ruiz</div><div>44 words</div><div>4 December 2023</div>"
           "<div>The Portvale Courier</div><div>English</div>"
           "<div>Copyright 2023 The Portvale Courier. All rights reserved.</div>\n"
           "<p class=\"articleParagraph enarticleParagraph\">The harbour pilots agreed on Monday to a new "
           "rota that keeps two pilots on duty at night.</p>\n"
           "<p class=\"articleParagraph enarticleParagraph\">\u201cNobody waits for a pilot any more,\u201d "
           "the harbour <b>master</b> said after the meeting.</p>\n"
           "<p>Document PTVCOU0020231204ejc4000a1</p></div>\n<hr>\n"
           "<div class=\"article enArticle\"><div id=\"hd\"><span class=\"enHeadline\">Island school gets "
           "a new roof</span></div><div>31 words</div><div>5 December 2023</div><div>Island Gazette</div>\n"
           "<p class=\"articleParagraph enarticleParagraph\">The island school will have a new roof before "
           "the spring term, the council said on Tuesday.</p>\n"
           "<p>Document ISLGAZ0020231205ejc5000b2</p></div>\n</body></html>\n";
}

QByteArray nexisDocx()
{
    return docx(
        {
            u"User Name: Test Reader"_s,
            u"Job Number: 424242"_s,
            u"\fDredgers start work in the outer harbour"_s,
            u"The Portvale Courier"_s,
            u"December 1, 2023 Friday"_s,
            u"Copyright 2023 The Portvale Courier All Rights Reserved"_s,
            u"Section: HARBOURFRONT; Pg. 3"_s,
            u"Length: 400 words"_s,
            u"Byline: By Ana Ruiz"_s,
            u"Body"_s,
            u"Two dredgers began work in the outer harbour on Thursday, the port authority said."_s,
            u"The channel will be two metres deeper by the end of January."_s,
            u"Classification"_s,
            u"Language: ENGLISH"_s,
            u"Publication-Type: Newspaper"_s,
            u"Subject: SEABED WORKS (91%); PORTS (77%)"_s,
            u"Load-Date: December 2, 2023"_s,
            u"End of Document"_s,
            u"\fMarket hall to open on Sundays"_s,
            u"Island Gazette"_s,
            u"November 30, 2023 Thursday"_s,
            u"Section: LOCAL"_s,
            u"Body"_s,
            u"The market hall will open on Sundays from March, the traders' association said."_s,
            u"Load-Date: December 1, 2023"_s,
            u"End of Document"_s,
        },
        "", "LexisNexis");
}

QByteArray nexisTxt()
{
    return "                               1 of 2 DOCUMENTS\n\n"
           "                              The Portvale Courier\n\n"
           "                           December 1, 2023 Friday\n\n"
           "Tide gauge installed at the pier\n\n"
           "BYLINE: Ana Ruiz\n\n"
           "SECTION: COASTWATCH; Pg. 4\n\n"
           "LENGTH: 31 words\n\n"
           "The harbour office installed a tide gauge at the end of the pier on Thursday. Readings will\n"
           "appear on the office's board every ten minutes, day and night, from next week.\n\n"
           "LOAD-DATE: December 2, 2023\n\n"
           "LANGUAGE: ENGLISH\n\n"
           "                               2 of 2 DOCUMENTS\n\n"
           "                              Island Gazette\n\n"
           "                           November 30, 2023 Thursday\n\n"
           "Ferry crew rescues kayaker\n\n"
           "SECTION: NEWS\n\n"
           "LENGTH: 20 words\n\n"
           "The crew of the morning ferry pulled a kayaker from the water near the harbour mouth on\n"
           "Wednesday.\n\n"
           "LOAD-DATE: December 1, 2023\n";
}

QByteArray feed()
{
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel>"
           "<title>Portvale Courier</title><link>https://courier.example/</link>"
           "<item><title>Harbour lights switched on</title><link>https://courier.example/lights</link>"
           "<guid>courier-lights-1</guid><pubDate>Fri, 01 Dec 2023 08:00:00 GMT</pubDate>"
           "<content:encoded><![CDATA[<p>The winter lights along the harbour were switched on on Thursday "
           "evening.</p><p>They stay on until the first week of January, the council said.</p>]]>"
           "</content:encoded></item>"
           "<item><title>Night ferry returns</title><link>https://courier.example/night-ferry</link>"
           "<guid>courier-ferry-2</guid><pubDate>Sat, 02 Dec 2023 08:00:00 GMT</pubDate>"
           "<content:encoded><![CDATA[<p>The night ferry to the islands returns on Saturday after a "
           "month in dry dock.</p><p>It sails at eleven.</p>]]></content:encoded></item>"
           "</channel></rss>\n";
}

QByteArray page()
{
    return "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
           "<title>Night buses return to the old town | Portvale Courier</title>"
           "<link rel=\"canonical\" href=\"https://courier.example/night-buses\">"
           "<script "
           "type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\","
           "\"headline\":\"Night buses return to the old town\",\"articleSection\":\"Waterfront\","
           "\"datePublished\":\"2023-12-01T08:00:00Z\",\"author\":{\"@type\":\"Person\",\"name\":\"Ana "
           "Ruiz\"},"
           "\"publisher\":{\"@type\":\"Organization\",\"name\":\"Portvale Courier\"}}</script>"
           "</head><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><article>"
           "<h1>Night buses return to the old town</h1>"
           "<p>Night buses will run through the old town again from Friday, the transport office said on "
           "Monday.</p>"
           "<p>The service stopped in the spring when the main square was dug up for new pipes.</p>"
           "<p>Buses will leave the station every half hour between midnight and five in the morning.</p>"
           "</article></body></html>";
}

} // namespace

class TestArticleOrigin final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void eachFormatKeepsItsOrigin_data();
    void eachFormatKeepsItsOrigin();

private:
    QTemporaryDir m_dir;
};

void TestArticleOrigin::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestArticleOrigin::eachFormatKeepsItsOrigin_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("format");
    QTest::addColumn<int>("count"); // articles in the file
    QTest::addColumn<QString>("metaKey"); // a metadata field of the first article ("" for none at all)
    QTest::addColumn<QString>("metaValue");
    QTest::addColumn<QString>("section"); // the export's section column of the first article
    QTest::addColumn<QString>("searchWord"); // found only in the first article's metadata
    QTest::addColumn<QString>("url"); // of the first article
    // The one warning line the import prints, after "lede: warning: DIR/", as a regular expression; it
    // names the story as FILE#N, like its "imported:" line ("" for no warning at all).
    QTest::addColumn<QString>("warning");

    const QByteArray wire
        = "Harbour board closes ferry pier\n\nPORTVALE (Lede Wire) - The harbour board voted "
          "on Tuesday to close the old ferry pier. Repairs would cost four million dollars, "
          "the engineers said.\n";
    const QByteArray markdown = "# Tram line reaches the hospital\n\nThe new tram line reached the hospital "
                                "on Sunday, two months ahead of plan.\n\n## Next stop\n\nThe line goes on to "
                                "the university next year.\n";
    QTest::newRow("txt") << u"wire.txt"_s << wire << u"txt"_s << 1 << QString() << QString() << QString()
                         << QString() << QString() << QString();
    QTest::newRow("md") << u"tram.md"_s << markdown << u"md"_s << 1 << QString() << QString() << QString()
                        << QString() << QString() << QString();
    QTest::newRow("html") << u"buses.html"_s << page() << u"html"_s << 1 << u"section"_s << u"Waterfront"_s
                          << u"Waterfront"_s << u"waterfront"_s << u"https://courier.example/night-buses"_s
                          << QString();
    QTest::newRow("pdf") << u"quay.pdf"_s << pdf() << u"pdf"_s << 1 << u"pages"_s << u"1"_s << QString()
                         << QString() << QString() << QString();
    QTest::newRow("docx") << u"silo.docx"_s
                          << docx({ u"Farmers asked the port on Monday to build a second grain silo."_s,
                                    u"The first one was full two weeks after the harvest began."_s },
                                  "Port asked for a second silo", "Maria Okafor")
                          << u"docx"_s << 1 << u"document_title"_s << u"Port asked for a second silo"_s
                          << QString() << QString() << QString() << QString();
    QTest::newRow("odt") << u"ferry.odt"_s << odt() << u"odt"_s << 1 << u"document_title"_s
                         << u"Winter ferry timetable published"_s << QString() << QString() << QString()
                         << QString();
    QTest::newRow("rtf") << u"lighthouse.rtf"_s
                         << rtfParagraphs({ "The keeper of the north lighthouse retired on Friday after "
                                            "thirty-one years.",
                                            "The light has been automatic since 2009, but she stayed on to "
                                            "look after the building." },
                                          "{\\info{\\title Lighthouse keeper retires}{\\author Ana Ruiz}}")
                         << u"rtf"_s << 1 << u"document_title"_s << u"Lighthouse keeper retires"_s
                         << QString() << QString() << QString() << QString();
    QTest::newRow("nexis-docx") << u"nexis.docx"_s << nexisDocx() << u"nexis"_s << 2 << u"subject"_s
                                << u"SEABED WORKS (91%); PORTS (77%)"_s << u"HARBOURFRONT; Pg. 3"_s
                                << u"seabed"_s << QString()
                                << u"nexis\\.docx#1: the export states 400 words, the text has \\d+"_s;
    QTest::newRow("nexis-txt") << u"nexis.txt"_s << nexisTxt() << u"nexis"_s << 2 << u"section"_s
                               << u"COASTWATCH; Pg. 4"_s << u"COASTWATCH; Pg. 4"_s << u"coastwatch"_s
                               << QString() << QString();
    QTest::newRow("factiva-rtf") << u"factiva.rtf"_s << factivaRtf() << u"factiva"_s << 2 << u"document_id"_s
                                 << u"PTVCOU0020231204ejc4000a1"_s << QString()
                                 << u"PTVCOU0020231204ejc4000a1"_s << QString() << QString();
    QTest::newRow("factiva-html") << u"factiva.html"_s << factivaHtml() << u"factiva"_s << 2
                                  << u"document_id"_s << u"PTVCOU0020231204ejc4000a1"_s << QString()
                                  << u"PTVCOU0020231204ejc4000a1"_s << QString() << QString();
    // Recognised by its content whatever its name.
    QTest::newRow("factiva-html-named-txt")
        << u"factiva-export.txt"_s << factivaHtml() << u"factiva"_s << 2 << u"language"_s << u"English"_s
        << QString() << u"PTVCOU0020231204ejc4000a1"_s << QString() << QString();
    // The second story states 433 words and has 20 or so: the warning names that story.
    QTest::newRow("factiva-html-length")
        << u"factiva.html"_s << factivaHtml().replace("<div>31 words</div>", "<div>433 words</div>")
        << u"factiva"_s << 2 << u"document_id"_s << u"PTVCOU0020231204ejc4000a1"_s << QString()
        << u"PTVCOU0020231204ejc4000a1"_s << QString()
        << u"factiva\\.html#2: the export states 433 words, the text has \\d+"_s;
    QTest::newRow("feed") << u"courier.rss"_s << feed() << u"feed"_s << 2 << u"guid"_s
                          << u"courier-lights-1"_s << QString() << u"courier-lights-1"_s
                          << u"https://courier.example/lights"_s << QString();
}

void TestArticleOrigin::eachFormatKeepsItsOrigin()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, format);
    QFETCH(int, count);
    QFETCH(QString, metaKey);
    QFETCH(QString, metaValue);
    QFETCH(QString, section);
    QFETCH(QString, searchWord);
    QFETCH(QString, url);
    QFETCH(QString, warning);
    const QString tag = QString::fromLatin1(QTest::currentDataTag());
    QVERIFY(QDir().mkpath(m_dir.filePath(tag)));
    const QString file = m_dir.filePath(tag + u'/' + fileName);
    const QString db = m_dir.filePath(tag + u"/library.sqlite"_s);
    QVERIFY(writeFile(file, bytes));

    // lede import: one line per article; a stated length far from the text is a warning.
    const Run imported = cli({ u"import"_s, file, u"--db"_s, db });
    QVERIFY2(imported.code == 0, qPrintable(imported.err));
    const QStringList lines = QString::fromUtf8(imported.out).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(int(std::count_if(lines.begin(), lines.end(),
                               [](const QString &l) { return l.startsWith(u"imported: "_s); })),
             count);
    // A stated length far from the text's word count: one warning line naming the story (FILE#N),
    // and none for any other story or file.
    const QStringList warnings = imported.err.split(u'\n', Qt::SkipEmptyParts).filter(u"warning:"_s);
    if (warning.isEmpty()) {
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(u'\n')));
    } else {
        QCOMPARE(warnings.size(), 1);
        const QRegularExpression line(u"^lede: warning: "_s
                                      + QRegularExpression::escape(QFileInfo(file).path()) + u"/"_s + warning
                                      + u"$"_s);
        QVERIFY2(line.match(warnings.first()).hasMatch(), qPrintable(warnings.first()));
    }

    // Read back from the library.
    QList<qint64> ids;
    {
        ArticleStore store;
        QVERIFY(store.open(db).ok());
        const auto all = ArticleRepository(store).articles();
        QVERIFY(all.ok());
        for (const ArticleSummary &s : *all)
            ids.append(s.id);
        std::sort(ids.begin(), ids.end());
        QCOMPARE(ids.size(), count);
        for (qsizetype i = 0; i < ids.size(); ++i) {
            const auto a = ArticleRepository(store).article(ids[i]);
            QVERIFY(a.ok());
            QCOMPARE(articleFormat(*a), format);
            QCOMPARE(a->provenance.value(u"file"_s), file);
            QCOMPARE(articleIndex(*a), count > 1 ? int(i) + 1 : 0);
            QVERIFY(a->provenance.value(u"importer_version"_s).startsWith(u"Lede "_s));
            // Text that was decoded says how.
            if (QStringList { u"txt"_s, u"md"_s, u"html"_s }.contains(format) || tag == u"nexis-txt"_s)
                QCOMPARE(a->provenance.value(u"encoding"_s).section(u' ', 0, 0), u"UTF-8"_s);
            QVERIFY(a->provenance.contains(u"title"_s) || format == u"txt"_s || format == u"md"_s);
            // The lines of an export's layout are metadata, never text.
            for (const QString &line :
                 { u"Section:"_s, u"SECTION:"_s, u"Length:"_s, u"LENGTH:"_s, u"Load-Date"_s, u"LOAD-DATE"_s,
                   u"Document PTV"_s, u"Classification"_s, u"words\n"_s })
                QVERIFY2(!a->body.contains(line), qPrintable(a->body));
        }
        // The format: filter lists them.
        ArticleQuery byFormat;
        byFormat.search = u"format:"_s + format.toUpper();
        QCOMPARE(ArticleRepository(store).articleCount(byFormat).value(), count);
        byFormat.search = format == u"txt"_s ? u"format:md"_s : u"format:txt"_s;
        QCOMPARE(ArticleRepository(store).articleCount(byFormat).value(), 0);
        const auto first = ArticleRepository(store).article(ids.first());
        if (metaKey.isEmpty())
            QVERIFY(first->metadata.isEmpty());
        else
            QCOMPARE(first->metadata.value(metaKey), metaValue);
        QCOMPARE(first->url, url);
        if (!searchWord.isEmpty()) {
            // Found by a metadata value that is in neither its title nor its text.
            QVERIFY(!first->body.contains(searchWord, Qt::CaseInsensitive));
            QVERIFY(!first->title.contains(searchWord, Qt::CaseInsensitive));
            ArticleQuery query;
            query.search = searchWord;
            const auto found = ArticleRepository(store).articles(query);
            QVERIFY(found.ok());
            QCOMPARE(found->size(), 1);
            QCOMPARE(found->first().id, ids.first());
        }
    }

    // lede analyze --json: one entry per article, each with the file's path and its index.
    const Run analysed = cli({ u"analyze"_s, u"--json"_s, file });
    QVERIFY2(analysed.code == 0, qPrintable(analysed.err));
    const QJsonArray articles = QJsonDocument::fromJson(analysed.out).object()[u"articles"_s].toArray();
    QCOMPARE(articles.size(), count);
    for (qsizetype i = 0; i < articles.size(); ++i) {
        const QJsonObject a = articles[i].toObject();
        QCOMPARE(a[u"path"_s].toString(), file);
        QCOMPARE(a[u"format"_s].toString(), format);
        if (count > 1)
            QCOMPARE(a[u"index"_s].toInt(), int(i) + 1);
        else
            QVERIFY(a[u"index"_s].isNull());
        QVERIFY(a[u"metadata"_s].isObject());
    }
    const QJsonObject firstJson = articles.first().toObject();
    if (metaKey.isEmpty())
        QVERIFY(firstJson[u"metadata"_s].toObject().isEmpty());
    else
        QCOMPARE(firstJson[u"metadata"_s].toObject()[metaKey].toString(), metaValue);
    if (url.isEmpty())
        QVERIFY(firstJson[u"url"_s].isNull());
    else
        QCOMPARE(firstJson[u"url"_s].toString(), url);

    // lede layers: the stored article in the same schema.
    const Run layers = cli({ u"layers"_s, QString::number(ids.first()), u"--db"_s, db });
    QVERIFY2(layers.code == 0, qPrintable(layers.err));
    const QJsonObject stored
        = QJsonDocument::fromJson(layers.out).object()[u"articles"_s].toArray().first().toObject();
    QCOMPARE(stored[u"path"_s].toString(), file);
    QCOMPARE(stored[u"format"_s].toString(), format);
    QCOMPARE(stored[u"metadata"_s].toObject(), firstJson[u"metadata"_s].toObject());
    QCOMPARE(stored[u"index"_s], firstJson[u"index"_s]);
    QCOMPARE(stored[u"url"_s], firstJson[u"url"_s]);

    // lede export-articles: the format and section columns.
    const QString csv = m_dir.filePath(tag + u"/articles.csv"_s);
    const Run exported = cli({ u"export-articles"_s, u"--db"_s, db, u"-o"_s, csv });
    QVERIFY2(exported.code == 0, qPrintable(exported.err));
    QFile in(csv);
    QVERIFY(in.open(QIODevice::ReadOnly));
    bool ok = false;
    const QList<QStringList> rows = LedeTest::parseCsv(in.readAll(), &ok);
    QVERIFY(ok);
    QCOMPARE(rows.size(), count + 1);
    const qsizetype formatColumn = rows[0].indexOf(u"format"_s);
    const qsizetype sectionColumn = rows[0].indexOf(u"section"_s);
    const qsizetype urlColumn = rows[0].indexOf(u"url"_s);
    QVERIFY(formatColumn > 0 && sectionColumn > 0 && urlColumn > 0);
    for (qsizetype r = 1; r < rows.size(); ++r)
        QCOMPARE(rows[r][formatColumn], format);
    QCOMPARE(rows[1][sectionColumn], section);
    QCOMPARE(rows[1][urlColumn], url);
}

QTEST_GUILESS_MAIN(TestArticleOrigin)
#include "tst_articleorigin.moc"
