// SPDX-License-Identifier: GPL-3.0-or-later
// Zip archives: what ZipWriter writes, ZipReader and Info-ZIP's unzip read back; bombs, damaged and
// foreign files are refused with a message; a failed commit leaves the old file whole.
#include "io/ZipArchive.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace Lede;

namespace {

QDateTime fixedTime()
{
    return QDateTime(QDate(2024, 3, 5), QTime(12, 30, 0), Qt::UTC);
}

void putLe32(QByteArray &bytes, qsizetype at, quint32 value)
{
    for (int i = 0; i < 4; ++i)
        bytes[at + i] = char((value >> (8 * i)) & 0xFF);
}

} // namespace

class TestZipArchive final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesAndReadsBack();
    void unzipReadsWhatWeWrite();
    void readsWhatPythonWrites();
    void sameEntriesSameBytes();
    void emptyArchiveIsValid();
    void refusesBadEntryNames_data();
    void refusesBadEntryNames();
    void failedCommitKeepsOldFile();
    void refusesNonZip();
    void refusesTruncatedArchive();
    void refusesEntryOverLimit();
    void refusesEntryThatLiesAboutItsSize();
    void totalBudgetStopsManyReads();
    void refusesFifo();
    void missingEntry();
};

void TestZipArchive::writesAndReadsBack()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"a.zip"_s);
    ZipWriter writer(path);
    writer.setTimestamp(fixedTime());
    const QByteArray text = u"Grüße, 𝄞 and ünïcödé\n"_s.toUtf8().repeated(200);
    writer.add(u"mimetype"_s, "application/x-test", false);
    writer.add(u"Sources/ärticle 1.txt"_s, text);
    writer.add(u"empty.txt"_s, QByteArray());
    QCOMPARE(writer.entryCount(), 3);
    const Status committed = writer.commit();
    QVERIFY2(committed.ok(), qPrintable(committed.errorString()));

    ZipReader reader;
    const Status opened = reader.open(path);
    QVERIFY2(opened.ok(), qPrintable(opened.errorString()));
    QCOMPARE(reader.entryNames(),
             (QStringList { u"mimetype"_s, u"Sources/ärticle 1.txt"_s, u"empty.txt"_s }));
    QVERIFY(reader.contains(u"empty.txt"_s));
    QCOMPARE(reader.declaredSize(u"Sources/ärticle 1.txt"_s), text.size());
    QCOMPARE(reader.read(u"mimetype"_s, 100).value(), QByteArray("application/x-test"));
    QCOMPARE(reader.read(u"Sources/ärticle 1.txt"_s, text.size()).value(), text);
    QCOMPARE(reader.read(u"empty.txt"_s, 0).value(), QByteArray());

    // "mimetype" is stored (ODF needs that): its bytes appear as they are right after its header.
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray raw = file.readAll();
    QVERIFY(raw.startsWith("PK\x03\x04"));
    QCOMPARE(raw.mid(30, 8 + 18), QByteArray("mimetypeapplication/x-test"));
    // The text is compressed: repeated text shrinks a lot.
    QVERIFY(raw.size() < text.size() / 4);
}

void TestZipArchive::unzipReadsWhatWeWrite()
{
    const QString unzip = QStandardPaths::findExecutable(u"unzip"_s);
    if (unzip.isEmpty())
        QSKIP("Info-ZIP unzip is not installed (Debian: unzip)");
    QTemporaryDir dir;
    const QString path = dir.filePath(u"b.zip"_s);
    ZipWriter writer(path);
    const QByteArray body = "One line of text.\nAnother one.\n";
    writer.add(u"project.qde"_s, "<Project/>");
    writer.add(u"Sources/x.txt"_s, body);
    QVERIFY(writer.commit().ok());

    QProcess test;
    test.start(unzip, { u"-t"_s, path });
    QVERIFY(test.waitForFinished(30000));
    QCOMPARE(test.exitCode(), 0);
    QProcess print;
    print.start(unzip, { u"-p"_s, path, u"Sources/x.txt"_s });
    QVERIFY(print.waitForFinished(30000));
    QCOMPARE(print.exitCode(), 0);
    QCOMPARE(print.readAllStandardOutput(), body);
}

void TestZipArchive::readsWhatPythonWrites()
{
    // Another writer: Python's zipfile, streaming one entry (sizes in a data descriptor after the
    // data) and writing one with a non-ASCII name.
    const QString python = QStandardPaths::findExecutable(u"python3"_s);
    if (python.isEmpty())
        QSKIP("python3 is not installed");
    QTemporaryDir dir;
    const QString path = dir.filePath(u"py.zip"_s);
    QProcess p;
    p.start(python,
            { u"-c"_s,
              u"import zipfile,sys\n"
              u"with zipfile.ZipFile(sys.argv[1],'w',zipfile.ZIP_DEFLATED) as z:\n"
              u"    z.writestr('Sources/caf\u00e9.txt','Caf\u00e9 \U0001F30A text\\n'*50)\n"
              u"    with z.open('streamed.txt','w') as f: f.write(b'streamed bytes')\n"
              u"    z.writestr(zipfile.ZipInfo('stored.txt'),'as is')\n"_s,
              path });
    QVERIFY(p.waitForFinished(30000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    ZipReader reader;
    const Status opened = reader.open(path);
    QVERIFY2(opened.ok(), qPrintable(opened.errorString()));
    QCOMPARE(reader.entryNames(),
             (QStringList { u"Sources/café.txt"_s, u"streamed.txt"_s, u"stored.txt"_s }));
    QCOMPARE(QString::fromUtf8(reader.read(u"Sources/café.txt"_s, 10000).value()),
             u"Café 🌊 text\n"_s.repeated(50));
    QCOMPARE(reader.read(u"streamed.txt"_s, 100).value(), QByteArray("streamed bytes"));
    QCOMPARE(reader.read(u"stored.txt"_s, 100).value(), QByteArray("as is"));
}

void TestZipArchive::sameEntriesSameBytes()
{
    const auto build = [] {
        ZipWriter writer;
        writer.setTimestamp(fixedTime());
        writer.add(u"one.txt"_s, "first");
        writer.add(u"two/three.txt"_s, "second");
        return writer.archiveBytes();
    };
    const Result<QByteArray> a = build();
    const Result<QByteArray> b = build();
    QVERIFY(a.ok() && b.ok());
    QCOMPARE(a.value(), b.value());
}

void TestZipArchive::emptyArchiveIsValid()
{
    ZipWriter writer;
    const Result<QByteArray> bytes = writer.archiveBytes();
    QVERIFY(bytes.ok());
    QCOMPARE(bytes->size(), 22);
    ZipReader reader;
    const Status opened = reader.openData(bytes.value());
    QVERIFY2(opened.ok(), qPrintable(opened.errorString()));
    QVERIFY(reader.entryNames().isEmpty());
}

void TestZipArchive::refusesBadEntryNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("empty") << QString();
    QTest::newRow("absolute") << u"/etc/passwd"_s;
    QTest::newRow("parent-segment") << u"Sources/../../x.txt"_s;
    QTest::newRow("dot-segment") << u"./x.txt"_s;
    QTest::newRow("double-slash") << u"a//b.txt"_s;
    QTest::newRow("backslash") << u"a\\b.txt"_s;
}

void TestZipArchive::refusesBadEntryNames()
{
    QFETCH(QString, name);
    ZipWriter writer;
    writer.add(u"good.txt"_s, "fine");
    writer.add(name, "bad");
    const Result<QByteArray> bytes = writer.archiveBytes();
    QVERIFY(!bytes.ok());
    QVERIFY(bytes.errorString().contains(u"entry name"_s));
}

void TestZipArchive::failedCommitKeepsOldFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"keep.zip"_s);
    {
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("the earlier export");
    }
    ZipWriter writer(path);
    writer.add(u"a.txt"_s, "one");
    writer.add(u"a.txt"_s, "two"); // duplicate: commit must fail before touching the file
    const Status committed = writer.commit();
    QVERIFY(!committed.ok());
    QVERIFY(committed.errorString().contains(u"two zip entries"_s));
    QFile old(path);
    QVERIFY(old.open(QIODevice::ReadOnly));
    QCOMPARE(old.readAll(), QByteArray("the earlier export"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList { u"keep.zip"_s });

    // A folder that does not exist: a message, nothing written.
    ZipWriter nowhere(dir.filePath(u"missing/x.zip"_s));
    nowhere.add(u"a.txt"_s, "one");
    const Status failed = nowhere.commit();
    QVERIFY(!failed.ok());
    QVERIFY(!failed.errorString().isEmpty());
    QVERIFY(!QFile::exists(dir.filePath(u"missing/x.zip"_s)));
}

void TestZipArchive::refusesNonZip()
{
    ZipReader reader;
    const Status opened = reader.openData("This is a plain text file and not an archive at all.\n");
    QVERIFY(!opened.ok());
    QCOMPARE(opened.errorString(), u"not a zip archive"_s);
    QVERIFY(!reader.isOpen());
    QVERIFY(!reader.read(u"x"_s, 10).ok());
}

void TestZipArchive::refusesTruncatedArchive()
{
    ZipWriter writer;
    writer.add(u"a.txt"_s, QByteArray("some text ").repeated(100));
    const QByteArray bytes = writer.archiveBytes().value();
    ZipReader reader;
    const Status opened = reader.openData(bytes.left(bytes.size() - 10));
    QVERIFY(!opened.ok());
    QCOMPARE(opened.errorString(),
             u"the zip archive is cut short or damaged (its directory at the end is missing)"_s);
    // Bytes that are no zip archive at all are named so.
    const Status words = reader.openData(QByteArray("Just some words, no archive."));
    QCOMPARE(words.errorString(), u"not a zip archive"_s);
}

void TestZipArchive::refusesEntryOverLimit()
{
    // 20 MB of zeros compress to about 20 kB: the classic bomb shape.
    ZipWriter writer;
    writer.add(u"bomb.txt"_s, QByteArray(20 * 1024 * 1024, '\0'));
    const QByteArray bytes = writer.archiveBytes().value();
    QVERIFY(bytes.size() < 100 * 1024);
    ZipReader reader;
    QVERIFY(reader.openData(bytes).ok());
    const Result<QByteArray> entry = reader.read(u"bomb.txt"_s, 1024 * 1024);
    QVERIFY(!entry.ok());
    QCOMPARE(entry.errorString(), u"the zip entry \"bomb.txt\" is too large"_s);
}

void TestZipArchive::refusesEntryThatLiesAboutItsSize()
{
    // The header claims 100 bytes; the data expands to 4 MB. Both the local header and the central
    // directory are patched so that the archive is consistent; the reader must stop decompressing.
    ZipWriter writer;
    writer.add(u"liar.txt"_s, QByteArray(4 * 1024 * 1024, 'x'));
    QByteArray bytes = writer.archiveBytes().value();
    QVERIFY(bytes.startsWith("PK\x03\x04"));
    putLe32(bytes, 22, 100); // local header: uncompressed size
    const qsizetype central = bytes.indexOf("PK\x01\x02");
    QVERIFY(central > 0);
    putLe32(bytes, central + 24, 100); // central directory: uncompressed size
    ZipReader reader;
    QVERIFY(reader.openData(bytes).ok());
    QCOMPARE(reader.declaredSize(u"liar.txt"_s), 100);
    const Result<QByteArray> entry = reader.read(u"liar.txt"_s, 64 * 1024);
    QVERIFY(!entry.ok());
    QVERIFY(!entry.errorString().isEmpty());
}

void TestZipArchive::totalBudgetStopsManyReads()
{
    ZipWriter writer;
    for (int i = 0; i < 5; ++i)
        writer.add(u"part%1.txt"_s.arg(i), QByteArray(1000, 'a' + char(i)));
    ZipReader::Limits limits;
    limits.maxTotalBytes = 3500;
    ZipReader reader(limits);
    QVERIFY(reader.openData(writer.archiveBytes().value()).ok());
    for (int i = 0; i < 3; ++i)
        QVERIFY(reader.read(u"part%1.txt"_s.arg(i), 10000).ok());
    const Result<QByteArray> fourth = reader.read(u"part3.txt"_s, 10000);
    QVERIFY(!fourth.ok());
    QCOMPARE(fourth.errorString(), u"the zip archive expands to too much data"_s);

    ZipReader::Limits few;
    few.maxEntries = 4;
    ZipReader crowded(few);
    const Status opened = crowded.openData(writer.archiveBytes().value());
    QVERIFY(!opened.ok());
    QCOMPARE(opened.errorString(), u"the zip archive has too many entries"_s);
}

void TestZipArchive::refusesFifo()
{
    QTemporaryDir dir;
    const QByteArray fifo = QFile::encodeName(dir.filePath(u"pipe.zip"_s));
    QCOMPARE(::mkfifo(fifo.constData(), 0600), 0);
    ZipReader reader;
    const Status opened = reader.open(QFile::decodeName(fifo)); // must not block
    QVERIFY(!opened.ok());
    QVERIFY(opened.errorString().contains(u"not a regular file"_s));
}

void TestZipArchive::missingEntry()
{
    ZipWriter writer;
    writer.add(u"here.txt"_s, "x");
    ZipReader reader;
    QVERIFY(reader.openData(writer.archiveBytes().value()).ok());
    const Result<QByteArray> entry = reader.read(u"there.txt"_s, 10);
    QVERIFY(!entry.ok());
    QCOMPARE(entry.errorString(), u"the archive has no entry \"there.txt\""_s);
}

QTEST_GUILESS_MAIN(TestZipArchive)
#include "tst_ziparchive.moc"
