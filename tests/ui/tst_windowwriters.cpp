// SPDX-License-Identifier: GPL-3.0-or-later
// Two writers on one library: the window and `lede-cli annotate` / `lede-cli delete`, in both
// orders. After every step the library file itself is read through a connection of its own, so
// nothing the window keeps in memory can hide a lost or a resurrected row.
#include "LibraryModel.h"
#include "MainWindow.h"
#include "session/ArticleSession.h"
#include "session/LibraryWatcher.h"
#include "store/ArticleStore.h"

#include <QAbstractItemModel>
#include <QCoreApplication>
#include <QFile>
#include <QListView>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Lede;
using namespace Qt::StringLiterals;

namespace {

// Written for this test.
const QString First
    = u"Council delays vote on harbour wall\n\n"
      u"By Tomas Reed\n\n"
      u"LINDHOLM (Test Wire) – The town council put off its vote on the harbour wall until spring, "
      u"the mayor said on Tuesday.\n\n"
      u"“We will not build a wall that the next storm knocks down,” said Mayor Ada Kroll.\n"_s;
const QString Second
    = u"Bakery wins regional bread prize\n\n"
      u"ORSVIK (Test Wire) – A family bakery won the regional rye prize for the third year running, "
      u"the judges said.\n"_s;

const QString CliPath = QString::fromUtf8(LEDE_CLI_EXECUTABLE);

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run runCli(const QStringList &arguments)
{
    QProcess p;
    p.start(CliPath, arguments);
    Run r;
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        r.err = u"timed out"_s;
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

// What the file holds, read through a connection of this test's own (not the window's).
class FileView
{
public:
    explicit FileView(const QString &path)
        : m_name(u"fileview-%1"_s.arg(++s_count))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"_s);
        m_ok = db.open();
    }
    ~FileView()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    bool ok() const { return m_ok; }

    int count(const QString &sql) const
    {
        QSqlQuery q(QSqlDatabase::database(m_name, false));
        if (!q.exec(sql) || !q.next())
            return -1;
        return q.value(0).toInt();
    }
    QString integrity() const
    {
        QSqlQuery q(QSqlDatabase::database(m_name, false));
        return q.exec(u"PRAGMA integrity_check"_s) && q.next() ? q.value(0).toString() : QString();
    }
    int articles() const { return count(u"SELECT count(*) FROM articles"_s); }
    int annotations(qint64 articleId) const
    {
        return count(u"SELECT count(*) FROM annotations WHERE article_id = %1"_s.arg(articleId));
    }
    int annotationsWithNote(const QString &note) const
    {
        QSqlQuery q(QSqlDatabase::database(m_name, false));
        q.prepare(u"SELECT count(*) FROM annotations WHERE note = ?"_s);
        q.addBindValue(note);
        if (!q.exec() || !q.next())
            return -1;
        return q.value(0).toInt();
    }

private:
    static inline int s_count = 0;
    QString m_name;
    bool m_ok = false;
};

bool writeFile(const QString &path, const QString &text)
{
    QFile f(path);
    const QByteArray bytes = text.toUtf8();
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

} // namespace

class TestWindowWriters final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void windowFirstThenCommandLine();
    void commandLineFirstThenWindow();

private:
    // Imports both articles through the command line; returns their ids (first, second).
    bool importBoth(qint64 *first, qint64 *second);
    // Offsets of `words` in the open article, as the command line counts them (code points; the
    // fixtures are all in the Basic Multilingual Plane, so UTF-16 offsets are the same).
    static Span spanOf(const ArticleSession *session, const QString &words);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
};

void TestWindowWriters::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"lede-tests"_s);
    QCoreApplication::setApplicationName(u"tst_windowwriters"_s);
    QVERIFY2(QFile::exists(CliPath), qPrintable(CliPath));
}

void TestWindowWriters::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = m_dir->filePath(u"library.sqlite"_s);
}

void TestWindowWriters::cleanup()
{
    m_dir.reset();
}

bool TestWindowWriters::importBoth(qint64 *first, qint64 *second)
{
    const QString a = m_dir->filePath(u"harbour.txt"_s);
    const QString b = m_dir->filePath(u"bakery.txt"_s);
    if (!writeFile(a, First) || !writeFile(b, Second))
        return false;
    const Run r = runCli({ u"import"_s, u"--db"_s, m_db, a, b });
    if (r.exitCode != 0) {
        qWarning("import failed: %s", qPrintable(r.err));
        return false;
    }
    // One line per file: "<id>\t<path>\t<title>" (DESIGN.md); read the ids back from the list.
    const Run list = runCli({ u"list"_s, u"--db"_s, m_db });
    *first = *second = 0;
    for (const QString &line : list.out.split(u'\n', Qt::SkipEmptyParts)) {
        const qint64 id = line.section(u'\t', 0, 0).toLongLong();
        if (line.contains(u"harbour wall"_s))
            *first = id;
        else if (line.contains(u"bread prize"_s))
            *second = id;
    }
    return *first > 0 && *second > 0;
}

Span TestWindowWriters::spanOf(const ArticleSession *session, const QString &words)
{
    const qsizetype start = session->article().body.indexOf(words);
    return start < 0 ? Span {} : Span { start, start + words.size() };
}

void TestWindowWriters::windowFirstThenCommandLine()
{
    qint64 first = 0, second = 0;
    QVERIFY(importBoth(&first, &second));
    {
        MainWindow window(m_db);
        auto *watcher = window.findChild<LibraryWatcher *>();
        QVERIFY(watcher);
        watcher->stop(); // polled by hand below, so that each step is deterministic
        ArticleSession *session = window.session();
        QVERIFY(window.openArticle(first));
        auto *notes = window.findChild<QListView *>(u"notesList"_s);
        QVERIFY(notes);

        // 1. The window highlights: the row is in the file at once, not at close.
        const Span mine = spanOf(session, u"harbour wall until spring"_s);
        QVERIFY(mine.end > mine.start);
        const Result<qint64> added = session->addHighlight(mine, {}, {}, u"window note"_s);
        QVERIFY(added.ok());
        {
            FileView file(m_db);
            QVERIFY(file.ok());
            QCOMPARE(file.annotations(first), 1);
            QCOMPARE(file.annotationsWithNote(u"window note"_s), 1);
        }

        // 2. The command line highlights the same article while the window has it open.
        const Span theirs = spanOf(session, u"the next storm knocks down"_s);
        Run r = runCli({ u"annotate"_s, u"--db"_s, m_db, u"--note"_s, u"cli note"_s, QString::number(first),
                         QString::number(theirs.start), QString::number(theirs.end) });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        {
            FileView file(m_db);
            QCOMPARE(file.annotations(first), 2);
        }
        // The window sees it without reopening the article.
        QVERIFY(watcher->checkNow());
        QCOMPARE(session->annotations().size(), 2);
        QCOMPARE(notes->model()->rowCount(), 2);

        // 3. The window deletes its own highlight: gone from the file at once; the command line's stays.
        QVERIFY(session->remove(added.value()).ok());
        {
            FileView file(m_db);
            QCOMPARE(file.annotations(first), 1);
            QCOMPARE(file.annotationsWithNote(u"window note"_s), 0);
            QCOMPARE(file.annotationsWithNote(u"cli note"_s), 1);
        }
        QCOMPARE(notes->model()->rowCount(), 1);

        // 4. The command line deletes the other article; the list follows.
        QCOMPARE(window.libraryModel()->rowCount(), 2);
        r = runCli({ u"delete"_s, u"--db"_s, m_db, QString::number(second) });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(watcher->checkNow());
        QCOMPARE(window.libraryModel()->rowCount(), 1);
        {
            FileView file(m_db);
            QCOMPARE(file.articles(), 1);
        }

        // 5. Undo in the window brings its highlight back, next to the command line's.
        QVERIFY(session->canUndo());
        session->undo();
        {
            FileView file(m_db);
            QCOMPARE(file.annotations(first), 2);
            QCOMPARE(file.annotationsWithNote(u"window note"_s), 1);
            QCOMPARE(file.annotationsWithNote(u"cli note"_s), 1);
        }
        QCOMPARE(notes->model()->rowCount(), 2);
    } // 6. The window closes: nothing it held is written back over the file.

    FileView file(m_db);
    QCOMPARE(file.articles(), 1);
    QCOMPARE(file.annotations(first), 2);
    QCOMPARE(file.annotationsWithNote(u"window note"_s), 1);
    QCOMPARE(file.annotationsWithNote(u"cli note"_s), 1);
    QCOMPARE(file.integrity(), u"ok"_s);
}

void TestWindowWriters::commandLineFirstThenWindow()
{
    qint64 first = 0, second = 0;
    QVERIFY(importBoth(&first, &second));

    // 1. The command line highlights before the window is opened.
    Run r = runCli({ u"annotate"_s, u"--db"_s, m_db, u"--note"_s, u"early cli"_s, QString::number(second),
                     u"0"_s, u"6"_s });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    {
        MainWindow window(m_db);
        auto *watcher = window.findChild<LibraryWatcher *>();
        QVERIFY(watcher);
        watcher->stop();
        ArticleSession *session = window.session();

        // 2. The window opens that article and shows the command line's highlight.
        QVERIFY(window.openArticle(second));
        QCOMPARE(session->annotations().size(), 1);
        const qint64 theirs = session->annotations().first().id;

        // 3. The window deletes it: gone from the file at once.
        QVERIFY(session->remove(theirs).ok());
        {
            FileView file(m_db);
            QCOMPARE(file.annotations(second), 0);
        }

        // 4. The command line adds another highlight; the window shows it next to nothing else.
        r = runCli({ u"annotate"_s, u"--db"_s, m_db, u"--note"_s, u"late cli"_s, QString::number(second),
                     u"2"_s, u"9"_s });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(watcher->checkNow());
        QCOMPARE(session->annotations().size(), 1);
        QCOMPARE(session->annotations().first().note, u"late cli"_s);

        // 5. The window highlights too; both are in the file.
        const Span mine = spanOf(session, u"regional rye prize"_s);
        QVERIFY(session->addHighlight(mine).ok());
        {
            FileView file(m_db);
            QCOMPARE(file.annotations(second), 2);
        }

        // 6. The command line deletes the open article: the window lets go of it and says so.
        r = runCli({ u"delete"_s, u"--db"_s, m_db, QString::number(second) });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(watcher->checkNow());
        QCOMPARE(window.libraryModel()->rowCount(), 1);
        {
            FileView file(m_db);
            QCOMPARE(file.articles(), 1);
            QCOMPARE(file.annotations(second), 0);
        }
        // Undoing the window's highlight of a deleted article changes nothing in the file.
        if (session->canUndo())
            session->undo();
    }

    FileView file(m_db);
    QCOMPARE(file.articles(), 1);
    QCOMPARE(file.annotations(second), 0);
    QCOMPARE(file.count(u"SELECT count(*) FROM annotations"_s), 0);
    QCOMPARE(file.annotations(first), 0);
    QCOMPARE(file.integrity(), u"ok"_s);
}

QTEST_MAIN(TestWindowWriters)
#include "tst_windowwriters.moc"
