// SPDX-License-Identifier: GPL-3.0-or-later
#include "CsvReader.h"
#include "io/CsvExporter.h"
#include "library/AnnotationCsvExport.h"
#include "store/AnnotationRepository.h"
#include "store/ArticleRepository.h"
#include "store/ArticleStore.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Lede;
using LedeTest::parseCsv;

namespace {

// The strings a sample row views; they live as long as the test.
struct SampleTexts
{
    QByteArray title = u"Storm, floods and “relief”"_s.toUtf8();
    QByteArray text = u"He said \"no\"\nthen left 🙂"_s.toUtf8();
};

ExportRow sampleRow()
{
    static const SampleTexts texts;
    ExportRow r;
    r.articleId = 7;
    r.articleTitle = texts.title;
    r.articleSource = "Lede Wire";
    r.articlePublished = "2026-03-14";
    r.annotationId = 42;
    r.kind = "note";
    r.start = 10;
    r.end = 25;
    r.text = texts.text;
    r.tags = "Claims/Numbers; Voices";
    r.note = "=SUM(A1)";
    r.color = "yellow";
    r.createdAt = "2026-11-21T10:00:00Z";
    r.updatedAt = "2026-11-21T10:05:00Z";
    return r;
}

QString str(QByteArrayView utf8)
{
    return QString::fromUtf8(utf8);
}

// A device that accepts a fixed number of bytes, then fails like a full disk.
class FullDisk final : public QIODevice
{
public:
    explicit FullDisk(qint64 capacity)
        : m_capacity(capacity)
    {
        open(QIODevice::WriteOnly);
    }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *, qint64 len) override
    {
        if (m_written + len > m_capacity) {
            setErrorString(u"No space left on device"_s);
            return -1;
        }
        m_written += len;
        return len;
    }

private:
    qint64 m_capacity;
    qint64 m_written = 0;
};

} // namespace

class TestCsvExporter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void headerIsTheContract();
    void exactBytes_data();
    void exactBytes();
    void roundTripEveryCell();
    void automaticRowsCarryTheirParts();
    void fullDiskReportsError();
    void fileIsWrittenAtomically();
    void exportFromStoreWithCodePointOffsets();
};

void TestCsvExporter::headerIsTheContract()
{
    QCOMPARE(
        CsvExporter::headerLine(),
        QByteArray(
            "article_id,article_title,article_source,article_published,annotation_id,kind,start,end,text,"
            "tags,note,color,speaker,entity_type,created_at,updated_at,layer_id,canonical,value,unit,"
            "qualifier,attributed_to,cue,corrected,article_url"));
}

void TestCsvExporter::exactBytes_data()
{
    QTest::addColumn<bool>("bom");
    QTest::addColumn<bool>("guard");
    QTest::addColumn<QByteArray>("expected");
    const QByteArray header = CsvExporter::headerLine() + "\r\n";
    const QByteArray row
        = "7,\"Storm, floods and \xE2\x80\x9Crelief\xE2\x80\x9D\",Lede Wire,2026-03-14,42,note,10,25,"
          "\"He said \"\"no\"\"\nthen left \xF0\x9F\x99\x82\",Claims/Numbers; Voices,";
    const QByteArray tail = ",yellow,,,2026-11-21T10:00:00Z,2026-11-21T10:05:00Z,,,,,,,,,\r\n";
    QTest::newRow("guard-on-no-bom") << false << true << QByteArray(header + row + "'=SUM(A1)" + tail);
    QTest::newRow("guard-off") << false << false << QByteArray(header + row + "=SUM(A1)" + tail);
    QTest::newRow("bom-for-spreadsheets")
        << true << true << QByteArray("\xEF\xBB\xBF" + header + row + "'=SUM(A1)" + tail);
}

void TestCsvExporter::exactBytes()
{
    QFETCH(bool, bom);
    QFETCH(bool, guard);
    QFETCH(QByteArray, expected);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvRowWriter writer(&buffer, CsvOptions { bom, guard });
    writer.writeHeader();
    writer.writeRow(sampleRow());
    QVERIFY(writer.flush());
    QCOMPARE(buffer.data(), expected);
}

void TestCsvExporter::roundTripEveryCell()
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvRowWriter writer(&buffer, CsvOptions { false, true });
    writer.writeHeader();
    ExportRow r = sampleRow();
    writer.writeRow(r);
    ExportRow guarded = r;
    guarded.text = "-5 degrees, said \"Ana\"";
    guarded.note = "\tindented";
    guarded.tags = "@mention";
    guarded.articleTitle = "+plus";
    writer.writeRow(guarded);
    QVERIFY(writer.flush());
    bool ok = false;
    const auto rows = parseCsv(buffer.data(), &ok);
    QVERIFY(ok);
    QCOMPARE(rows.size(), 3);
    for (const QStringList &row : rows)
        QCOMPARE(row.size(), 25);
    QStringList expected1 { u"7"_s,
                            str(r.articleTitle),
                            str(r.articleSource),
                            str(r.articlePublished),
                            u"42"_s,
                            u"note"_s,
                            u"10"_s,
                            u"25"_s,
                            str(r.text),
                            str(r.tags),
                            u"'=SUM(A1)"_s,
                            str(r.color),
                            QString(),
                            QString(),
                            str(r.createdAt),
                            str(r.updatedAt) };
    for (int i = 0; i < 9; ++i)
        expected1.append(QString());
    QCOMPARE(rows[1], expected1);
    QCOMPARE(rows[2][1], u"'+plus"_s);
    QCOMPARE(rows[2][8], u"'-5 degrees, said \"Ana\""_s);
    QCOMPARE(rows[2][9], u"'@mention"_s);
    QCOMPARE(rows[2][10], u"'\tindented"_s);
}

void TestCsvExporter::automaticRowsCarryTheirParts()
{
    // A figure row: no annotation id, its layer id, and the parts the window shows.
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvRowWriter writer(&buffer, CsvOptions { false, true });
    ExportRow f;
    f.articleId = 3;
    f.articleTitle = "Dam report";
    f.kind = "figure";
    f.start = 4;
    f.end = 15;
    f.text = "1,200 homes";
    f.layerId = 77;
    f.value = "1200";
    f.unit = "homes flooded";
    f.qualifier = "at least";
    f.attributedTo = "-the council"; // a leading minus is guarded like any text cell
    f.corrected = "false";
    f.articleUrl = "https://example.org/dam";
    writer.writeRow(f);
    QVERIFY(writer.flush());
    QCOMPARE(buffer.data(),
             QByteArray("3,Dam report,,,,figure,4,15,\"1,200 homes\",,,,,,,,77,,1200,homes flooded,at least,"
                        "'-the council,,false,https://example.org/dam\r\n"));
}

void TestCsvExporter::fullDiskReportsError()
{
    QTemporaryDir dir;
    ArticleStore store;
    QVERIFY(store.open(dir.filePath(u"lib.sqlite"_s)).ok());
    Article a;
    a.title = u"t"_s;
    a.body = QString(2000, u'x');
    a.contentHash = u"h"_s;
    const qint64 id = *ArticleRepository(store).addArticle(a, {}, 1);
    for (int i = 0; i < 1000; ++i) {
        Annotation n;
        n.articleId = id;
        n.span = { i, i + 500 };
        QVERIFY(AnnotationRepository(store).addAnnotation(n).ok());
    }
    FullDisk disk(64 * 1024);
    const Status s = AnnotationCsvExport::write(store, {}, {}, &disk);
    QVERIFY(!s.ok());
    QVERIFY2(s.errorString().contains(u"No space left"_s), qPrintable(s.errorString()));
}

void TestCsvExporter::fileIsWrittenAtomically()
{
    QTemporaryDir dir;
    ArticleStore store;
    QVERIFY(store.open(dir.filePath(u"lib.sqlite"_s)).ok());
    const QString path = dir.filePath(u"out.csv"_s);
    {
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("previous export\r\n");
    }
    // Cancelling must leave the previous file as it was.
    const Status cancelled
        = AnnotationCsvExport::writeFile(store, {}, {}, path, [](qint64, qint64) { return false; });
    QVERIFY(!cancelled.ok());
    QFile check(path);
    QVERIFY(check.open(QIODevice::ReadOnly));
    QCOMPARE(check.readAll(), QByteArray("previous export\r\n"));
    check.close();

    const Status unwritable
        = AnnotationCsvExport::writeFile(store, {}, {}, dir.filePath(u"no/such/dir/out.csv"_s));
    QVERIFY(!unwritable.ok());
    QVERIFY(unwritable.errorString().contains(u"no/such/dir"_s));

    QVERIFY(AnnotationCsvExport::writeFile(store, {}, {}, path).ok());
    QVERIFY(check.open(QIODevice::ReadOnly));
    QCOMPARE(check.readAll(), CsvExporter::headerLine() + "\r\n");
}

void TestCsvExporter::exportFromStoreWithCodePointOffsets()
{
    QTemporaryDir dir;
    ArticleStore store;
    QVERIFY(store.open(dir.filePath(u"lib.sqlite"_s)).ok());
    Article a;
    a.title = u"Emoji 🎉 story"_s;
    a.source = u"Lede Wire"_s;
    a.body = u"🎉🎉 Crowds cheered as Mayor Ana Ruiz spoke."_s;
    a.contentHash = u"h"_s;
    const qint64 id = *ArticleRepository(store).addArticle(a, {}, 1);
    Annotation n;
    n.articleId = id;
    const QString passage = u"Ana Ruiz"_s;
    n.span = { a.body.indexOf(passage), a.body.indexOf(passage) + passage.size() };
    n.tags = { u"People/Officials"_s };
    QVERIFY(AnnotationRepository(store).addAnnotation(n).ok());

    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    qint64 lastDone = -1;
    QVERIFY(AnnotationCsvExport::write(store, {}, {}, &buffer, [&](qint64 done, qint64 total) {
                lastDone = done;
                return total == 1;
            }).ok());
    QCOMPARE(lastDone, 1);
    bool ok = false;
    const auto rows = parseCsv(buffer.data(), &ok);
    QVERIFY(ok);
    QCOMPARE(rows.size(), 2);
    const QStringList &row = rows[1];
    // Python's body[start:end] works in code points: the two emoji count one each.
    const QList<uint> codePoints = a.body.toUcs4();
    const qsizetype start = row[6].toLongLong();
    const qsizetype end = row[7].toLongLong();
    QCOMPARE(start, 27);
    QCOMPARE(
        QString::fromUcs4(reinterpret_cast<const char32_t *>(codePoints.mid(start, end - start).constData()),
                          end - start),
        passage);
    QCOMPARE(row[8], passage);
    QCOMPARE(row[9], u"People/Officials"_s);
    QCOMPARE(row[5], u"highlight"_s);
    QCOMPARE(row[1], a.title);
}

QTEST_GUILESS_MAIN(TestCsvExporter)
#include "tst_csvexporter.moc"
