// SPDX-License-Identifier: GPL-3.0-or-later
// The bad-input corpus: `lede-cli import` on each input of tests/data/bad (made by
// make-bad-inputs.sh) and on what cannot be committed (a FIFO, /dev/zero, loops of links, files at
// the size limit, a 10 MB line, unreadable files and folders), each in a library of its own.
// Every row checks the exit code, the one-line message, the time (no hang), and that nothing was
// stored (the article count) or changed (the input's bytes) when the input is refused.
#include "store/ArticleRepository.h"
#include "store/ArticleStore.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Lede;

namespace {

const QString Corpus = QStringLiteral(LEDE_TEST_DATA_DIR "/bad");
constexpr qint64 MaxFileSize = 50 * 1024 * 1024; // ArticleImporter::MaxFileSize

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

int articleCount(const QString &db)
{
    ArticleStore store;
    if (!store.open(db))
        return -1;
    auto list = ArticleRepository(store).articles({});
    return list ? int(list->size()) : -1;
}

// Expected outcome: Refused (exit 1, "error:" line, nothing stored), Imported (exit 0, stored),
// ImportedWithWarning (exit 0, stored, one "warning:" line).
enum class Expect { Refused, Imported, ImportedWithWarning };

} // namespace

class TestBadInput final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void corpusIsWhatTheScriptMakes();
    void import_data();
    void import();
    void unreadableAsAnOrdinaryUser_data();
    void unreadableAsAnOrdinaryUser();

private:
    QTemporaryDir m_dir;
    QString m_seed; // a library holding one article
    QString m_runtime; // inputs made at run time
};

void TestBadInput::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_seed = m_dir.filePath(u"seed.lede"_s);
    m_runtime = m_dir.filePath(u"runtime"_s);
    QVERIFY(QDir().mkpath(m_runtime));
    const QString story = m_dir.filePath(u"seed.txt"_s);
    QVERIFY(writeFile(story,
                      "Ferry timetable changes\n\nThe island ferry will leave an hour earlier from "
                      "Monday, the operator said.\n"));
    QProcess p;
    p.start(QStringLiteral(LEDE_CLI_EXECUTABLE), { u"import"_s, story, u"--db"_s, m_seed });
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 0);
    // Close the WAL into the main file so that a byte copy is the whole library.
    {
        ArticleStore store;
        QVERIFY(store.open(m_seed).ok());
    }
    QCOMPARE(articleCount(m_seed), 1);

    // What is made at run time.
    const QString r = m_runtime;
    QCOMPARE(::mkfifo(QFile::encodeName(r + u"/fifo.txt"_s).constData(), 0644), 0);
    QVERIFY(QDir().mkpath(r + u"/folder-with-fifo"_s));
    QCOMPARE(::mkfifo(QFile::encodeName(r + u"/folder-with-fifo/pipe.txt"_s).constData(), 0644), 0);
    QCOMPARE(::symlink("loop-b.txt", QFile::encodeName(r + u"/loop-a.txt"_s).constData()), 0);
    QCOMPARE(::symlink("loop-a.txt", QFile::encodeName(r + u"/loop-b.txt"_s).constData()), 0);
    QCOMPARE(::symlink("nowhere.txt", QFile::encodeName(r + u"/dangling.txt"_s).constData()), 0);
    QCOMPARE(::symlink("/dev/zero", QFile::encodeName(r + u"/zero-link.txt"_s).constData()), 0);
    QVERIFY(QDir().mkpath(r + u"/empty-folder"_s));
    QVERIFY(QDir().mkpath(r + u"/folder-loop"_s));
    QCOMPARE(::symlink("../folder-loop", QFile::encodeName(r + u"/folder-loop/again"_s).constData()), 0);
    QVERIFY(writeFile(r + u"/folder-loop/story.txt"_s,
                      "Quay lights repaired\n\nThe lights on the north quay were "
                      "repaired on Wednesday night.\n"));

    // At the size limit: a short article padded with blank lines to exactly the limit, and one byte over.
    const QByteArray article = "Quay report\n\nThe quay report was published on Thursday morning.\n";
    QByteArray under = article;
    under.append(QByteArray(MaxFileSize - article.size(), '\n'));
    QVERIFY(writeFile(r + u"/at-limit.txt"_s, under));
    under.append('\n');
    QVERIFY(writeFile(r + u"/over-limit.txt"_s, under));
    under.clear();
    // A single 10 MB line of words.
    const QByteArray words = "the quay is wide and the tide is low ";
    QByteArray line;
    line.reserve(10 * 1024 * 1024);
    while (line.size() + words.size() <= 10 * 1024 * 1024)
        line.append(words);
    QVERIFY(writeFile(r + u"/long-line.txt"_s, line));
    // The longest text one article may have (ArticleImporter::MaxArticleLength, 2 million characters),
    // and one word more.
    line.truncate(2'000'000);
    QVERIFY(writeFile(r + u"/longest-article.txt"_s, line));
    line.append(" tide");
    QVERIFY(writeFile(r + u"/too-long-article.txt"_s, line));
}

void TestBadInput::corpusIsWhatTheScriptMakes()
{
    // The committed corpus and its script agree: the script is the corpus's source.
    QTemporaryDir made;
    QProcess sh;
    sh.start(u"/bin/sh"_s, { Corpus + u"/make-bad-inputs.sh"_s, made.path() });
    QVERIFY(sh.waitForFinished(120000));
    QVERIFY2(sh.exitCode() == 0, sh.readAllStandardError().constData());
    const QStringList names = QDir(made.path()).entryList(QDir::Files, QDir::Name);
    QVERIFY2(names.size() >= 40, qPrintable(QString::number(names.size())));
    QCOMPARE(names.size() + 1, QDir(Corpus).entryList(QDir::Files).size()); // + the script
    for (const QString &name : names)
        QVERIFY2(fileBytes(made.filePath(name)) == fileBytes(Corpus + u'/' + name), qPrintable(name));
}

void TestBadInput::import_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("expect");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("seconds"); // the bound: far above the normal time, only a hang breaks it

    const auto refused = [](const char *name, const char *message) {
        QTest::newRow(name) << Corpus + u'/' + QString::fromUtf8(name) << int(Expect::Refused)
                            << QString::fromUtf8(message) << 60;
    };
    refused("empty.txt", "the file is empty");
    refused("bom-only.txt", "the file holds no article text");
    refused("bom-utf16le-only.txt", "the file holds no article text");
    refused("whitespace-only.txt", "the file holds no article text");
    refused("crlf-only.txt", "the file holds no article text");
    refused("punctuation-only.txt", "too little text to be an article");
    refused("quotes-100000.txt", "too little text to be an article");
    refused("single-token.txt", "too little text to be an article");
    refused("x-per-line.txt", "too little text to be an article");
    refused("numbers-only.txt", "too little text to be an article");
    refused("markdown-markup-only.md", "too little text to be an article");
    refused("html-script-only.html", "the file holds no article text");
    refused("nul-bytes.txt", "it contains NUL bytes");
    refused("control-chars.txt", "many control characters");
    refused("undecodable.txt", "not UTF-8, UTF-16 or Windows-1252");
    refused("lone-surrogate-utf16le.txt", "holds invalid UTF-16LE data");
    refused("utf32-broken.txt", "holds invalid UTF-32LE data");
    refused("zip.txt", "ZIP archive");
    refused("empty-zip.txt", "ZIP archive");
    refused("docx.txt", "ZIP archive");
    refused("odt.txt", "ZIP archive");
    refused("epub.txt", "ZIP archive");
    refused("pdf.txt", "PDF document");
    refused("png.txt", "PNG image");
    refused("jpeg.txt", "JPEG image");
    refused("gif.txt", "GIF image");
    refused("webp.txt", "WebP image");
    refused("tiff.txt", "TIFF image");
    refused("bmp.txt", "binary");
    refused("ico.txt", "binary");
    refused("mp3.txt", "MP3");
    refused("ogg.txt", "Ogg");
    refused("mp4.txt", "MP4");
    refused("wav.txt", "WAV");
    refused("elf.txt", "ELF executable");
    refused("windows-exe.txt", "Windows executable");
    refused("java-class.txt", "Java class");
    refused("wasm.txt", "WebAssembly");
    refused("gzip.txt", "gzip archive");
    refused("bzip2.txt", "bzip2 archive");
    refused("xz.txt", "xz archive");
    refused("zstd.txt", "Zstandard archive");
    refused("7z.txt", "7-Zip archive");
    refused("rar.txt", "RAR archive");
    refused("tar.txt", "tar archive");
    refused("deb.txt", "ar archive");
    refused("sqlite.txt", "SQLite database");
    refused("ole-doc.txt", "old Microsoft Office document");
    refused("rtf-bomb.txt", "nests groups deeper than 256 levels");
    refused("rss-no-prolog.html", "RSS feed");
    refused("rdf.txt", "RSS feed");
    refused("atom.txt", "no item of the Atom feed carries any text");
    refused("svg.html", "XML document (<svg>)");
    refused("postscript.txt", "PostScript");
    refused("entity-bomb.txt", "XML document (<lolz>)");

    const auto imported = [](const char *name, Expect expect, const char *message, int seconds = 60) {
        QTest::newRow(name) << Corpus + u'/' + QString::fromUtf8(name) << int(expect)
                            << QString::fromUtf8(message) << seconds;
    };
    imported("truncated-utf8.txt", Expect::ImportedWithWarning, "ends in the middle of a UTF-8 character");
    imported("truncated-utf16le.txt", Expect::ImportedWithWarning,
             "ends in the middle of a UTF-16LE character");
    imported("entity-bomb.html", Expect::Imported, "(article 2: Quay vote passes)");
    imported("rss.txt", Expect::ImportedWithWarning, "the feed carries only a summary of this item");
    imported("rtf.txt", Expect::Imported,
             "(article 2: The harbour board voted on Tuesday to widen the north quay)");
    // Thousands of nested elements are no web page: refused at once, before the HTML5 parser
    // (which slows down sharply with depth) sees them.
    refused("deeply-nested.html", "nests its elements more than 10000 deep");
    refused("deeply-nested-unclosed.html", "nests its elements more than 10000 deep");
    imported("deeply-nested-quote.md", Expect::Imported, "(article 2: ");
    imported("escape-title.txt", Expect::Imported, "(article 2: Quay \\x1B[2J\\x1B]0;owned\\x07vote passes)");

    const auto runtime = [this](const char *name, const QString &path, Expect expect, const char *message,
                                int seconds = 60) {
        QTest::newRow(name) << path << int(expect) << QString::fromUtf8(message) << seconds;
    };
    const QString r = m_runtime;
    runtime("fifo", r + u"/fifo.txt"_s, Expect::Refused, "is a FIFO (named pipe), not a regular file");
    runtime("fifo-inside-folder", r + u"/folder-with-fifo"_s, Expect::Refused, "is a FIFO");
    runtime("dev-zero", u"/dev/zero"_s, Expect::Refused, "is a character device, not a regular file");
    runtime("link-to-dev-zero", r + u"/zero-link.txt"_s, Expect::Refused, "is a character device");
    runtime("symlink-loop", r + u"/loop-a.txt"_s, Expect::Refused, "a loop of symbolic links");
    runtime("dangling-symlink", r + u"/dangling.txt"_s, Expect::Refused, "a symbolic link to a missing file");
    runtime("missing", r + u"/missing.txt"_s, Expect::Refused, "no such file or folder");
    runtime("empty-folder", r + u"/empty-folder"_s, Expect::Refused, "the folder holds no article files");
    runtime("folder-with-link-to-itself", r + u"/folder-loop"_s, Expect::Imported,
            "(article 2: Quay lights repaired)");
    runtime("over-size-limit", r + u"/over-limit.txt"_s, Expect::Refused,
            "the file is too large (50.0 MiB; the limit is 50 MiB)");
    runtime("at-size-limit", r + u"/at-limit.txt"_s, Expect::Imported, "(article 2: Quay report)", 240);
    runtime(
        "single-10mb-line", r + u"/long-line.txt"_s, Expect::Refused,
        "the text is too long for one article (10.5 million characters; the limit is 2.0 million): split it "
        "into articles");
    runtime("longest-article", r + u"/longest-article.txt"_s, Expect::Imported,
            "(article 2: the quay is wide", 600);
    runtime("article-over-the-longest", r + u"/too-long-article.txt"_s, Expect::Refused,
            "(2.1 million characters; the limit is 2.0 million)");
}

void TestBadInput::import()
{
    QFETCH(QString, path);
    QFETCH(int, expect);
    QFETCH(QString, message);
    QFETCH(int, seconds);

    QTemporaryDir dir;
    const QString db = dir.filePath(u"lib.lede"_s);
    QVERIFY(QFile::copy(m_seed, db));
    const QFileInfo info(path);
    const bool regular = info.isFile() && !info.isSymLink() && info.size() < 20 * 1024 * 1024;
    const QByteArray before = regular ? fileBytes(path) : QByteArray();

    QProcess p;
    QElapsedTimer timer;
    timer.start();
    p.start(QStringLiteral(LEDE_CLI_EXECUTABLE), { u"import"_s, path, u"--db"_s, db });
    const bool finished = p.waitForFinished(seconds * 1000);
    if (!finished) {
        p.kill();
        p.waitForFinished();
    }
    QVERIFY2(finished, qPrintable(u"no answer after %1 s"_s.arg(seconds)));
    qInfo("%s: %lld ms", QTest::currentDataTag(), qint64(timer.elapsed()));
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    const QString err = QString::fromUtf8(p.readAllStandardError());
    const QStringList errLines = err.split(u'\n', Qt::SkipEmptyParts);
    const QStringList outLines = out.split(u'\n', Qt::SkipEmptyParts);

    switch (Expect(expect)) {
    case Expect::Refused:
        QCOMPARE(p.exitCode(), 1);
        QCOMPARE(errLines.size(), 1);
        QVERIFY2(errLines.first().startsWith(u"lede: error: "_s), qPrintable(err));
        QVERIFY2(errLines.first().contains(message), qPrintable(err));
        QCOMPARE(outLines, QStringList { u"0 imported, 0 already present, 1 failed"_s });
        QCOMPARE(articleCount(db), 1);
        if (regular)
            QCOMPARE(fileBytes(path), before);
        break;
    case Expect::ImportedWithWarning:
        QCOMPARE(errLines.size(), 1);
        QVERIFY2(errLines.first().startsWith(u"lede: warning: "_s), qPrintable(err));
        QVERIFY2(errLines.first().contains(message), qPrintable(err));
        QCOMPARE(p.exitCode(), 0);
        QCOMPARE(outLines.size(), 2);
        QCOMPARE(articleCount(db), 2);
        break;
    case Expect::Imported:
        QVERIFY2(err.isEmpty(), qPrintable(err));
        QCOMPARE(p.exitCode(), 0);
        QCOMPARE(outLines.size(), 2); // the file's line and the summary
        QVERIFY2(outLines.first().contains(message), qPrintable(outLines.first().left(300)));
        QCOMPARE(outLines.last(), u"1 imported, 0 already present, 0 failed"_s);
        QCOMPARE(articleCount(db), 2);
        break;
    }
}

void TestBadInput::unreadableAsAnOrdinaryUser_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("message");
    QTest::newRow("unreadable-file") << u"file"_s << u"locked.txt: permission denied"_s;
    QTest::newRow("unreadable-folder")
        << u"folder"_s << u"locked: cannot read the folder: permission denied"_s;
    QTest::newRow("unreadable-subfolder-beside-a-good-file")
        << u"subfolder"_s << u"locked: cannot read the folder: permission denied"_s;
}

void TestBadInput::unreadableAsAnOrdinaryUser()
{
    // Permissions do not stop root, and CI runs as root: then the command runs as "nobody".
    QFETCH(QString, what);
    QFETCH(QString, message);
    QStringList prefix;
    if (::geteuid() == 0) {
        prefix
            = { u"/usr/bin/setpriv"_s, u"--reuid=65534"_s, u"--regid=65534"_s, u"--clear-groups"_s, u"--"_s };
        QProcess probe;
        probe.start(prefix.first(),
                    prefix.mid(1) + QStringList { QStringLiteral(LEDE_CLI_EXECUTABLE), u"--version"_s });
        if (!probe.waitForFinished(30000) || probe.exitCode() != 0)
            QSKIP("running as root and cannot run lede-cli as nobody (setpriv, or the build folder is not "
                  "readable)");
    }
    QTemporaryDir dir;
    QCOMPARE(::chmod(QFile::encodeName(dir.path()).constData(), 0777), 0);
    const QString db = dir.filePath(u"lib.lede"_s);
    QVERIFY(QFile::copy(m_seed, db));
    QCOMPARE(::chmod(QFile::encodeName(db).constData(), 0666), 0);
    const QString folder = dir.filePath(u"in"_s);
    QVERIFY(QDir().mkpath(folder));
    QCOMPARE(::chmod(QFile::encodeName(folder).constData(), 0777), 0);
    QString target = folder;
    QString locked;
    const QByteArray text = "Locked story\n\nNobody may read this story about the locked quay gate.\n";
    if (what == u"file"_s) {
        locked = folder + u"/locked.txt"_s;
        QVERIFY(writeFile(locked, text));
        target = locked;
    } else {
        locked = folder + u"/locked"_s;
        QVERIFY(QDir().mkpath(locked));
        QVERIFY(writeFile(locked + u"/inside.txt"_s, text));
        if (what == u"folder"_s)
            target = locked;
        else
            QVERIFY(writeFile(folder + u"/good.txt"_s,
                              "Gate reopens\n\nThe quay gate reopened on Friday after repairs.\n"));
    }
    QCOMPARE(::chmod(QFile::encodeName(locked).constData(), 0), 0);

    QProcess p;
    const QStringList args { QStringLiteral(LEDE_CLI_EXECUTABLE), u"import"_s, target, u"--db"_s, db };
    const QStringList command = prefix + args;
    p.start(command.first(), command.mid(1));
    QVERIFY(p.waitForFinished(60000));
    ::chmod(QFile::encodeName(locked).constData(), 0755);
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QCOMPARE(p.exitCode(), 1);
    QVERIFY2(err.contains(message), qPrintable(err));
    QVERIFY2(!err.contains(u"holds no article files"_s), qPrintable(err));
    QCOMPARE(articleCount(db), what == u"subfolder"_s ? 2 : 1);
}

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_badinput.moc"
