// SPDX-License-Identifier: GPL-3.0-or-later
// What is not text of a known kind is refused with its reason, never imported as garbage.
#include "io/ArticleImporter.h"
#include "io/FormatSniffer.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Lede;

class TestFormatSniffer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void binaryKinds_data();
    void binaryKinds();
    void markup_data();
    void markup();
    void words_data();
    void words();
    void importRefusals_data();
    void importRefusals();
    void doctypeSubsetIsSkipped();
};

void TestFormatSniffer::binaryKinds_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("kind"); // empty: not binary by magic
    QTest::newRow("pdf") << QByteArray("%PDF-1.7\n%...") << u"PDF"_s;
    QTest::newRow("zip-docx") << QByteArray("PK\x03\x04\x14\x00\x06\x00", 8) << u"ZIP"_s;
    QTest::newRow("empty-zip") << QByteArray("PK\x05\x06" + QByteArray(18, '\0')) << u"ZIP"_s;
    QTest::newRow("png") << QByteArray("\x89PNG\r\n\x1A\n\0\0\0\x0DIHDR", 16) << u"PNG"_s;
    QTest::newRow("jpeg") << QByteArray("\xFF\xD8\xFF\xE0\0\x10JFIF", 10) << u"JPEG"_s;
    QTest::newRow("gif") << QByteArray("GIF89a\x01\0\x01\0", 10) << u"GIF"_s;
    QTest::newRow("webp") << QByteArray("RIFF\x24\0\0\0WEBPVP8 ", 16) << u"WebP"_s;
    QTest::newRow("elf") << QByteArray("\x7F"
                                       "ELF\x02\x01\x01\0",
                                       8)
                         << u"ELF"_s;
    QTest::newRow("gzip") << QByteArray("\x1F\x8B\x08\0", 4) << u"gzip"_s;
    QTest::newRow("xz") << QByteArray("\xFD"
                                      "7zXZ\0\0",
                                      7)
                        << u"xz"_s;
    QTest::newRow("sqlite") << QByteArray("SQLite format 3\0\x10\0", 19) << u"SQLite"_s;
    QTest::newRow("ole-doc") << QByteArray("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) << u"Office"_s;
    QTest::newRow("tar") << QByteArray(QByteArray(257, 'a') + "ustar\0" + QByteArray(100, '\0')) << u"tar"_s;
    QTest::newRow("windows-exe") << QByteArray(QByteArray("MZ\x90\0\x03\0", 6) + QByteArray(70, '\0'))
                                 << u"Windows"_s;
    QTest::newRow("text-starting-MZ")
        << QByteArray("MZ Holdings said on Monday that profits rose.") << QString();
    QTest::newRow("text-starting-ID") << QByteArray("IDs were checked at the door.") << QString();
    QTest::newRow("plain-text") << QByteArray("The council met on Tuesday.") << QString();
}

void TestFormatSniffer::binaryKinds()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, kind);
    const QString found = FormatSniffer::binaryKind(data);
    if (kind.isEmpty())
        QVERIFY2(found.isEmpty(), qPrintable(found));
    else
        QVERIFY2(found.contains(kind), qPrintable(found));
}

void TestFormatSniffer::markup_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reason"); // empty: accepted
    QTest::newRow("rtf") << u"{\\rtf1\\ansi\\deff0 {\\fonttbl}}"_s
                         << u"RTF document in an encoding RTF does not use"_s;
    QTest::newRow("rtf-after-blank") << u"\n  {\\rtf1 Hello}"_s << u"RTF"_s;
    QTest::newRow("rss") << u"<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel/></rss>"_s
                         << u"RSS feed"_s;
    QTest::newRow("rss-no-prolog") << u"<rss version=\"2.0\"><channel/></rss>"_s << u"RSS feed"_s;
    QTest::newRow("rdf") << u"<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"x\"></rdf:RDF>"_s << u"RSS feed"_s;
    QTest::newRow("atom") << u"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!-- c -->\n<feed xmlns=\"x\"/>"_s
                          << u"Atom feed"_s;
    QTest::newRow("other-xml") << u"<?xml version=\"1.0\"?><note><to>A</to></note>"_s
                               << u"XML document (<note>)"_s;
    QTest::newRow("entity-bomb-xml")
        << u"<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;\">]><lolz>&lol2;</lolz>"_s
        << u"XML document (<lolz>)"_s;
    QTest::newRow("xhtml")
        << u"<?xml version=\"1.0\"?>\n<!DOCTYPE html>\n<html><body><p>Hi</p></body></html>"_s << QString();
    QTest::newRow("html") << u"<!doctype html><html><p>Hello</p></html>"_s << QString();
    QTest::newRow("postscript") << u"%!PS-Adobe-3.0\n"_s << u"PostScript"_s;
    QTest::newRow("text-with-brace") << u"{Draft} The council met."_s << QString();
}

void TestFormatSniffer::markup()
{
    QFETCH(QString, text);
    QFETCH(QString, reason);
    const QString found = FormatSniffer::markupRefusal(text);
    if (reason.isEmpty())
        QVERIFY2(found.isEmpty(), qPrintable(found));
    else
        QVERIFY2(found.contains(reason), qPrintable(found));
}

void TestFormatSniffer::words_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("words");
    QTest::newRow("sentence") << u"The council met on Tuesday."_s << 3; // counting stops at MinWords
    QTest::newRow("quotes-only") << QString(1000, u'"') << 0;
    QTest::newRow("curly-quotes-only") << u"“”“”‘’"_s << 0;
    QTest::newRow("single-token") << u"Supercalifragilistic"_s << 1;
    QTest::newRow("one-x-per-line") << u"x\nx\nx\nx\nx\nx\n"_s << 0;
    QTest::newRow("two-words") << u"Hello world"_s << 2;
    QTest::newRow("numbers-only") << u"1 2 3 4 5 6 7"_s << 0;
    QTest::newRow("japanese") << u"東京で地震"_s << 3;
    QTest::newRow("combining-marks") << u"Ame\u0301lie cafe\u0301 ni\u0303o"_s << 3;
}

void TestFormatSniffer::words()
{
    QFETCH(QString, text);
    QFETCH(int, words);
    QCOMPARE(FormatSniffer::countWords(text), words);
    QCOMPARE(FormatSniffer::tooLittleText(text).isEmpty(), words >= FormatSniffer::MinWords);
}

void TestFormatSniffer::importRefusals_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("reason");
    // RTF itself is read (tst_rtfreader); saved as UTF-16 it is not RTF any more.
    QTest::newRow("rtf-as-utf16-txt")
        << (QByteArray("\xFF\xFE")
            + QByteArray(
                reinterpret_cast<const char *>(u"{\\rtf1\\ansi Council meets today about the barrier.}"),
                2 * 51))
        << u"a.txt"_s << u"RTF document in an encoding"_s;
    QTest::newRow("rss-as-txt") << QByteArray(
        "<?xml version=\"1.0\"?><rss><channel><title>News</title></channel></rss>")
                                << u"feed.txt"_s << u"RSS"_s;
    QTest::newRow("atom-as-html") << QByteArray(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title></feed>")
                                  << u"feed.html"_s << u"Atom"_s;
    QTest::newRow("quotes-only") << QByteArray(100000, '"') << u"q.txt"_s << u"too little text"_s;
    QTest::newRow("single-token") << QByteArray("Word\n") << u"w.txt"_s << u"too little text"_s;
    QTest::newRow("x-per-line") << QByteArray("x\nx\nx\nx\nx\n") << u"x.txt"_s << u"too little text"_s;
    // The title made from a long file name does not count as the file's words.
    QTest::newRow("x-per-line-long-name")
        << QByteArray("x\nx\nx\n") << u"notes from the long meeting.txt"_s << u"too little text"_s;
    QTest::newRow("markdown-only-markers")
        << QByteArray("# *\n\n> **\n") << u"m.md"_s << u"too little text"_s;
    QTest::newRow("pdf-as-txt") << QByteArray("%PDF-1.4\n1 0 obj\n") << u"p.txt"_s << u"PDF"_s;
}

void TestFormatSniffer::importRefusals()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, fileName);
    QFETCH(QString, reason);
    QTemporaryDir dir;
    QFile file(dir.filePath(fileName));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(data);
    file.close();
    const auto imported = ArticleImporter::importFile(file.fileName());
    QVERIFY(!imported.ok());
    QVERIFY2(imported.errorString().contains(reason), qPrintable(imported.errorString()));
}

void TestFormatSniffer::doctypeSubsetIsSkipped()
{
    // An HTML page whose DOCTYPE carries an internal subset: the subset is neither text nor title.
    const QByteArray html = "<!DOCTYPE html [\n<!ENTITY a \"aaaaaaaaaa\">\n<!ENTITY b \"&a;&a;&a;&a;\">\n]>\n"
                            "<html><body><h1>Harbour plan approved</h1><p>The council approved the harbour "
                            "plan on Tuesday &b;.</p></body></html>";
    const auto imported = ArticleImporter::importData(html, u"bomb.html"_s);
    QVERIFY2(imported.ok(), qPrintable(imported.errorString()));
    QCOMPARE(imported->article.title, u"Harbour plan approved"_s);
    QVERIFY(!imported->article.body.contains(u"]>"_s));
    QVERIFY(!imported->article.body.contains(u"ENTITY"_s));
    QVERIFY(!imported->article.body.contains(u"aaaaaaaaaa"_s)); // never expanded
}

QTEST_GUILESS_MAIN(TestFormatSniffer)
#include "tst_formatsniffer.moc"
