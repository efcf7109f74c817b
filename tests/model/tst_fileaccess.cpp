// SPDX-License-Identifier: GPL-3.0-or-later
// Reading article files: only regular files, never blocking, at their size, names in any bytes.
#include "io/FileAccess.h"
#include "io/TerminalText.h"

#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Lede;

namespace {

void writeNative(const QByteArray &path, const QByteArray &bytes)
{
    const int fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    QVERIFY(fd >= 0);
    QCOMPARE(::write(fd, bytes.constData(), size_t(bytes.size())), ssize_t(bytes.size()));
    ::close(fd);
}

} // namespace

class TestFileAccess final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nameRoundTrip_data();
    void nameRoundTrip();
    void readsRegularFileAtItsSize();
    void refusesWhatIsNotARegularFile_data();
    void refusesWhatIsNotARegularFile();
    void refusesOverLimit();
    void readsFileWithNonUtf8Name();
    void scanReportsUnreadableFolder();
    void scanListsSortedWantedFiles();
    void terminalSafe_data();
    void terminalSafe();

private:
    QTemporaryDir m_dir;
};

void TestFileAccess::nameRoundTrip_data()
{
    QTest::addColumn<QByteArray>("native");
    QTest::addColumn<QString>("shown");
    QTest::newRow("ascii") << QByteArray("story.txt") << u"story.txt"_s;
    QTest::newRow("utf8-accents") << QByteArray("caf\xC3\xA9.txt") << u"café.txt"_s;
    QTest::newRow("utf8-emoji") << QByteArray("\xF0\x9F\x8C\x8A.txt") << u"🌊.txt"_s;
    QTest::newRow("latin1-byte") << QByteArray("caf\xE9.txt") << u"caf\\xE9.txt"_s;
    QTest::newRow("lone-ff") << QByteArray("\xFF") << u"\\xFF"_s;
    QTest::newRow("truncated-sequence") << QByteArray("a\xE2\x80.txt") << u"a\\xE2\\x80.txt"_s;
    QTest::newRow("encoded-surrogate") << QByteArray("\xED\xB2\x80") << u"\\xED\\xB2\\x80"_s;
    QTest::newRow("leading-bom-kept") << QByteArray("\xEF\xBB\xBFnote.txt") << u"\uFEFFnote.txt"_s;
    QTest::newRow("supplementary-with-low-surrogate-dc80")
        << QByteArray("\xF0\x90\x82\x80") << QString::fromUcs4(U"\U00010080", 1);
    QTest::newRow("overlong-slash") << QByteArray("\xC0\xAF") << u"\\xC0\\xAF"_s;
}

void TestFileAccess::nameRoundTrip()
{
    QFETCH(QByteArray, native);
    QFETCH(QString, shown);
    const QString name = fileNameFromNative(native);
    QCOMPARE(fileNameToNative(name), native);
    QCOMPARE(displayFileName(name), shown);
    QCOMPARE(Lede::terminalSafe(name), shown);
}

void TestFileAccess::readsRegularFileAtItsSize()
{
    const QString path = m_dir.filePath(u"plain.txt"_s);
    writeNative(path.toUtf8(), "A short text of ours.\n");
    const auto data = readRegularFile(path, 1024);
    QVERIFY2(data.ok(), qPrintable(data.errorString()));
    QCOMPARE(*data, QByteArray("A short text of ours.\n"));
    // Its capacity follows the file, not the limit.
    QVERIFY(data->capacity() < 1024);

    const auto empty = readRegularFile(m_dir.filePath(u"empty.txt"_s), 1024);
    QVERIFY(!empty.ok());
    writeNative(m_dir.filePath(u"empty.txt"_s).toUtf8(), {});
    const auto emptyRead = readRegularFile(m_dir.filePath(u"empty.txt"_s), 1024);
    QVERIFY(emptyRead.ok());
    QVERIFY(emptyRead->isEmpty());
}

void TestFileAccess::refusesWhatIsNotARegularFile_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("reason");
    QTest::newRow("fifo") << u"fifo"_s << u"FIFO"_s;
    QTest::newRow("dev-zero") << u"/dev/zero"_s << u"character device"_s;
    QTest::newRow("dev-null") << u"/dev/null"_s << u"character device"_s;
    QTest::newRow("folder") << u"folder"_s << u"directory"_s;
    QTest::newRow("symlink-loop") << u"loop"_s << u"loop of symbolic links"_s;
    QTest::newRow("dangling-symlink") << u"dangling"_s << u"symbolic link to a missing file"_s;
    QTest::newRow("missing") << u"missing"_s << u"no such file"_s;
    QTest::newRow("below-a-file") << u"below-file"_s << u"not a folder"_s;
}

void TestFileAccess::refusesWhatIsNotARegularFile()
{
    QFETCH(QString, kind);
    QFETCH(QString, reason);
    QString path;
    QTemporaryDir dir;
    if (kind.startsWith(u'/')) {
        path = kind;
    } else if (kind == u"fifo"_s) {
        path = dir.filePath(u"pipe.txt"_s);
        QCOMPARE(::mkfifo(path.toUtf8().constData(), 0644), 0);
    } else if (kind == u"folder"_s) {
        path = dir.path();
    } else if (kind == u"loop"_s) {
        path = dir.filePath(u"a.txt"_s);
        QCOMPARE(::symlink("b.txt", path.toUtf8().constData()), 0);
        QCOMPARE(::symlink("a.txt", dir.filePath(u"b.txt"_s).toUtf8().constData()), 0);
    } else if (kind == u"dangling"_s) {
        path = dir.filePath(u"gone.txt"_s);
        QCOMPARE(::symlink("nowhere.txt", path.toUtf8().constData()), 0);
    } else if (kind == u"missing"_s) {
        path = dir.filePath(u"missing.txt"_s);
    } else if (kind == u"below-file"_s) {
        writeNative(dir.filePath(u"file"_s).toUtf8(), "x");
        path = dir.filePath(u"file/inside.txt"_s);
    }
    QElapsedTimer timer;
    timer.start();
    const auto data = readRegularFile(path, 1024 * 1024);
    QVERIFY(timer.elapsed() < 5000); // a FIFO without a writer must not block
    QVERIFY(!data.ok());
    QVERIFY2(data.errorString().contains(reason), qPrintable(data.errorString()));
}

void TestFileAccess::refusesOverLimit()
{
    const QString path = m_dir.filePath(u"big.txt"_s);
    writeNative(path.toUtf8(), QByteArray(2049, 'a'));
    const auto over = readRegularFile(path, 2048);
    QVERIFY(!over.ok());
    QVERIFY2(over.errorString().contains(u"too large"_s), qPrintable(over.errorString()));
    const auto exact = readRegularFile(path, 2049);
    QVERIFY(exact.ok());
    QCOMPARE(exact->size(), 2049);
}

void TestFileAccess::readsFileWithNonUtf8Name()
{
    const QByteArray native = QFile::encodeName(m_dir.path()) + "/caf\xE9 \xFF.txt";
    writeNative(native, "Bytes in the name.\n");
    const QString name = fileNameFromNative(native);
    const auto data = readRegularFile(name, 1024);
    QVERIFY2(data.ok(), qPrintable(data.errorString()));
    QCOMPARE(*data, QByteArray("Bytes in the name.\n"));

    const FolderScan scan = scanFolder(m_dir.path(), [](const QString &n) { return n.endsWith(u".txt"_s); });
    bool found = false;
    for (const QString &f : scan.files)
        found |= fileNameToNative(f) == native;
    QVERIFY(found);
}

void TestFileAccess::scanReportsUnreadableFolder()
{
    if (::geteuid() == 0)
        QSKIP("root reads every folder; tests/app/tst_badinput checks this as an unprivileged user");
    QTemporaryDir dir;
    const QString locked = dir.filePath(u"locked"_s);
    QVERIFY(QDir().mkpath(locked));
    writeNative((locked + u"/inside.txt"_s).toUtf8(), "Hidden from us.\n");
    QCOMPARE(::chmod(locked.toUtf8().constData(), 0), 0);
    const FolderScan scan = scanFolder(dir.path(), [](const QString &) { return true; });
    ::chmod(locked.toUtf8().constData(), 0755);
    QVERIFY(scan.files.isEmpty());
    QCOMPARE(scan.skipped.size(), 1);
    QCOMPARE(scan.skipped.first().path, locked);
    QVERIFY2(scan.skipped.first().reason.contains(u"permission denied"_s),
             qPrintable(scan.skipped.first().reason));
}

void TestFileAccess::scanListsSortedWantedFiles()
{
    QTemporaryDir dir;
    QVERIFY(QDir().mkpath(dir.filePath(u"sub/deeper"_s)));
    QVERIFY(QDir().mkpath(dir.filePath(u".hidden"_s)));
    writeNative(dir.filePath(u"b.txt"_s).toUtf8(), "b");
    writeNative(dir.filePath(u"a.md"_s).toUtf8(), "a");
    writeNative(dir.filePath(u"skip.jpg"_s).toUtf8(), "j");
    writeNative(dir.filePath(u"sub/deeper/c.txt"_s).toUtf8(), "c");
    writeNative(dir.filePath(u".hidden/d.txt"_s).toUtf8(), "d");
    // A link back up must not make the scan go round for ever.
    QCOMPARE(::symlink("..", dir.filePath(u"sub/up"_s).toUtf8().constData()), 0);
    const FolderScan scan = scanFolder(
        dir.path() + u"/"_s, [](const QString &n) { return n.endsWith(u".txt"_s) || n.endsWith(u".md"_s); });
    QCOMPARE(scan.files,
             QStringList(
                 { dir.filePath(u"a.md"_s), dir.filePath(u"b.txt"_s), dir.filePath(u"sub/deeper/c.txt"_s) }));
    QVERIFY(scan.skipped.isEmpty());
}

void TestFileAccess::terminalSafe_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("shown");
    QTest::newRow("plain-unchanged") << u"Council backs “tidal” barrier \\ study 🌊"_s
                                     << u"Council backs “tidal” barrier \\ study 🌊"_s;
    QTest::newRow("ansi-escape") << u"Red \x1B[31mtitle\x1B[0m"_s << u"Red \\x1B[31mtitle\\x1B[0m"_s;
    QTest::newRow("newline-tab-cr") << u"two\nlines\tand\rreturn"_s << u"two\\nlines\\tand\\rreturn"_s;
    QTest::newRow("bell-and-del") << u"a\x07"
                                     u"b\x7F"_s
                                  << u"a\\x07b\\x7F"_s;
    QTest::newRow("c1-csi") << QString(u"x"_s + QChar(0x9B) + u"2J"_s) << u"x\\x9B2J"_s;
    QTest::newRow("bidi-override") << QString(u"abc"_s + QChar(0x202E) + u"txt.exe"_s)
                                   << u"abc\\u202Etxt.exe"_s;
    QTest::newRow("line-separator") << QString(u"a"_s + QChar(0x2028) + u"b"_s) << u"a\\u2028b"_s;
    QTest::newRow("lone-high-surrogate") << QString(u"a"_s + QChar(0xD800) + u"b"_s) << u"a\\uD800b"_s;
}

void TestFileAccess::terminalSafe()
{
    QFETCH(QString, text);
    QFETCH(QString, shown);
    QCOMPARE(Lede::terminalSafe(text), shown);
}

QTEST_GUILESS_MAIN(TestFileAccess)
#include "tst_fileaccess.moc"
