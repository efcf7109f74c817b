// SPDX-License-Identifier: GPL-3.0-or-later
// An export never lands on the library, a folder, a device or a FIFO, and replaces another file
// only when it is a previous export or the user confirms.
#include "io/CsvExporter.h"
#include "io/ExportTarget.h"
#include "library/AnnotationCsvExport.h"
#include "library/ArticleCsvExport.h"
#include "library/WebAnnotationExport.h"
#include "store/ArticleStore.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Lede;

namespace {

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestExportTarget final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void verdicts_data();
    void verdicts();
    void looksLikeExport_data();
    void looksLikeExport();
    void writeFileNeverOverwritesTheLibrary();

private:
    QTemporaryDir m_dir;
    QString m_library;
};

void TestExportTarget::initTestCase()
{
    m_library = m_dir.filePath(u"library.lede"_s);
    ArticleStore store;
    QVERIFY(store.open(m_library).ok());
}

void TestExportTarget::verdicts_data()
{
    QTest::addColumn<QString>("setup");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("reason");
    using K = ExportTarget::Kind;
    QTest::newRow("new-file") << u"new"_s << int(K::NewFile) << QString();
    QTest::newRow("empty-file") << u"empty"_s << int(K::Replaceable) << QString();
    QTest::newRow("previous-export") << u"export"_s << int(K::Replaceable) << QString();
    QTest::newRow("previous-export-bom") << u"export-bom"_s << int(K::Replaceable) << QString();
    QTest::newRow("other-csv") << u"other"_s << int(K::OtherFile) << u"not a Lede export"_s;
    QTest::newRow("the-library") << u"library"_s << int(K::Forbidden) << u"library itself"_s;
    QTest::newRow("library-wal") << u"wal"_s << int(K::Forbidden) << u"library itself"_s;
    QTest::newRow("symlink-to-library") << u"symlink"_s << int(K::Forbidden) << u"library itself"_s;
    QTest::newRow("hardlink-to-library") << u"hardlink"_s << int(K::Forbidden) << u"library itself"_s;
    QTest::newRow("dev-null") << u"/dev/null"_s << int(K::Forbidden) << u"a device"_s;
    QTest::newRow("fifo") << u"fifo"_s << int(K::Forbidden) << u"FIFO"_s;
    QTest::newRow("folder") << u"folder"_s << int(K::Forbidden) << u"is a folder"_s;
}

void TestExportTarget::verdicts()
{
    QFETCH(QString, setup);
    QFETCH(int, kind);
    QFETCH(QString, reason);
    QTemporaryDir dir;
    QString path = dir.filePath(u"out.csv"_s);
    const QByteArray header = CsvExporter::headerLine() + "\r\n";
    if (setup == u"empty"_s)
        writeFile(path, {});
    else if (setup == u"export"_s)
        writeFile(path, header + "1,Title,,,2,highlight,0,4,Text,,,,,,,\r\n");
    else if (setup == u"export-bom"_s)
        writeFile(path, "\xEF\xBB\xBF" + header);
    else if (setup == u"other"_s)
        writeFile(path, "name,score\r\nAda,3\r\n");
    else if (setup == u"library"_s)
        path = m_library;
    else if (setup == u"wal"_s) {
        path = m_library + u"-wal"_s;
        if (!QFile::exists(path))
            writeFile(path, "wal");
    } else if (setup == u"symlink"_s)
        QCOMPARE(::symlink(m_library.toUtf8().constData(), path.toUtf8().constData()), 0);
    else if (setup == u"hardlink"_s)
        QCOMPARE(::link(m_library.toUtf8().constData(), path.toUtf8().constData()), 0);
    else if (setup.startsWith(u'/'))
        path = setup;
    else if (setup == u"fifo"_s)
        QCOMPARE(::mkfifo(path.toUtf8().constData(), 0644), 0);
    else if (setup == u"folder"_s)
        path = dir.path();

    const ExportTarget::Verdict v = ExportTarget::check(path, m_library);
    QCOMPARE(int(v.kind), kind);
    QVERIFY2(v.reason.contains(reason), qPrintable(v.reason));
    // Confirming changes nothing for what is forbidden, and is needed only for another file.
    QCOMPARE(ExportTarget::allow(path, m_library, true).ok(), kind != int(ExportTarget::Kind::Forbidden));
    QCOMPARE(ExportTarget::allow(path, m_library, false).ok(),
             kind == int(ExportTarget::Kind::NewFile) || kind == int(ExportTarget::Kind::Replaceable));
}

void TestExportTarget::looksLikeExport_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<bool>("expected");
    // The columns every export has begun with since the first version (later ones append).
    const QByteArray header = CsvExporter::headerLine().left(CsvExporter::headerLine().indexOf(",layer_id"));
    QVERIFY(header.endsWith(",updated_at"));
    QTest::newRow("header-crlf") << QByteArray(header + "\r\n") << true;
    QTest::newRow("header-with-later-columns") << QByteArray(header + ",layer_id,canonical\r\n") << true;
    QTest::newRow("bom-header") << QByteArray("\xEF\xBB\xBF" + header + "\r\n") << true;
    QTest::newRow("header-prefix-only") << header.left(20) << false;
    QTest::newRow("header-with-other-last-column") << QByteArray(header + "x\r\n") << false;
    QTest::newRow("other") << QByteArray("id,title\r\n") << false;
    QTest::newRow("article-table") << QByteArray(ArticleCsvExport::headerLine() + "\r\n1,T\r\n") << true;
    QTest::newRow("article-table-prefix-only") << ArticleCsvExport::headerLine().left(30) << false;
    // A previous `export-json`: its first lines are fixed; another JSON-LD file is not Lede's.
    QTest::newRow("web-annotations") << QByteArray(WebAnnotation::headStart().toByteArray()
                                                   + "0b6f0c1e-7d0a-4c1b-9c55-2f0f3b6f3d11\",\n")
                                     << true;
    QTest::newRow("other-web-annotations")
        << QByteArray("{\n    \"@context\": \"http://www.w3.org/ns/anno.jsonld\",\n    \"id\": \"http://x/\"")
        << false;
}

void TestExportTarget::looksLikeExport()
{
    QFETCH(QByteArray, head);
    QFETCH(bool, expected);
    QCOMPARE(ExportTarget::looksLikeExport(head), expected);
}

void TestExportTarget::writeFileNeverOverwritesTheLibrary()
{
    ArticleStore store;
    QVERIFY(store.open(m_library).ok());
    const QByteArray before = readFile(m_library);
    QVERIFY(!before.isEmpty());
    const Status s = AnnotationCsvExport::writeFile(store, {}, {}, m_library);
    QVERIFY(!s.ok());
    QVERIFY2(s.errorString().contains(u"library itself"_s), qPrintable(s.errorString()));
    QCOMPARE(readFile(m_library), before);
    const Status dev = AnnotationCsvExport::writeFile(store, {}, {}, u"/dev/full"_s);
    QVERIFY(!dev.ok());
    QVERIFY2(dev.errorString().contains(u"device"_s), qPrintable(dev.errorString()));
}

QTEST_GUILESS_MAIN(TestExportTarget)
#include "tst_exporttarget.moc"
