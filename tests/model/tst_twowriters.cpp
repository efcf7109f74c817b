// SPDX-License-Identifier: GPL-3.0-or-later
// Two writers on one library (issue 12): the window and any number of `lede` commands may write at
// once. Every write is one short transaction that waits for the write lock (busy timeout), a failed
// write leaves nothing open, and two programs creating a new library do not race in the migration.
#include "library/LibraryImport.h"
#include "session/ArticleSession.h"
#include "store/AnnotationRepository.h"
#include "store/ArticleRepository.h"
#include "store/ArticleStore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSqlDriver>
#include <QTemporaryDir>
#include <QTest>
#include <chrono>
#include <future>
#include <sqlite3.h>
#include <thread>

using namespace Lede;
using namespace Qt::StringLiterals;

namespace {

const QString Body
    = u"MILLBROOK (Test Wire) – The river council said on Tuesday that the weir would be rebuilt "
      u"before the spring floods.\n“It cannot wait another year,” said Tomas Vidal, the council’s "
      u"engineer.\n"_s;

Article makeArticle(const QString &body = Body)
{
    Article a;
    a.title = u"Council to rebuild weir"_s;
    a.source = u"Test Wire"_s;
    a.body = body;
    a.contentHash
        = QString::fromLatin1(QCryptographicHash::hash(body.toUtf8(), QCryptographicHash::Sha256).toHex());
    return a;
}

// A second program on the same file, talking to SQLite directly: it takes the write lock
// (BEGIN IMMEDIATE), writes a tag, keeps the lock for `hold`, then commits.
class LockHolder
{
public:
    LockHolder(const QString &path, std::chrono::milliseconds hold)
    {
        std::promise<bool> locked;
        auto lockedFuture = locked.get_future();
        m_thread = std::thread([path, hold, locked = std::move(locked)]() mutable {
            sqlite3 *db = nullptr;
            bool ok = sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE, nullptr)
                == SQLITE_OK;
            ok = ok
                && sqlite3_exec(db, "BEGIN IMMEDIATE; INSERT INTO tags (name) VALUES ('held-by-other')",
                                nullptr, nullptr, nullptr)
                    == SQLITE_OK;
            locked.set_value(ok);
            std::this_thread::sleep_for(hold);
            if (ok)
                sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
            sqlite3_close(db);
        });
        m_locked = lockedFuture.get();
    }
    ~LockHolder() { join(); }
    bool locked() const { return m_locked; }
    void join()
    {
        if (m_thread.joinable())
            m_thread.join();
    }

private:
    std::thread m_thread;
    bool m_locked = false;
};

// Counts rows as another program sees them (its own connection, a fresh read each time).
int countFromOutside(const QString &path, const char *sql)
{
    sqlite3 *db = nullptr;
    int count = -1;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt *stmt = nullptr;
        if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
            count = sqlite3_column_int(stmt, 0);
        sqlite3_finalize(stmt);
    }
    sqlite3_close(db);
    return count;
}

} // namespace

class TestTwoWriters final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void annotateWaitsForAnotherWriter();
    void importWaitsForAnotherWriter();
    void busyFailureLeavesNothingOpen();
    void staleReaderDoesNotBlock();
    void sessionLeavesNoTransactionOpen();
    void twoThreadsCreateOneLibrary();

private:
    void writeStories(int count, int first = 0);
    QStringList storyFiles() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    ArticleStore m_store;
    qint64 m_articleId = 0;
};

void TestTwoWriters::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_path = m_dir->filePath(u"library.sqlite"_s);
    QVERIFY2(m_store.open(m_path), "open");
    auto id = ArticleRepository(m_store).addArticle(makeArticle(), {}, 1);
    QVERIFY2(id, qPrintable(id.errorString()));
    m_articleId = *id;
    QVERIFY(m_store.isIdle());
}

void TestTwoWriters::cleanup()
{
    m_store.close();
    m_dir.reset();
}

void TestTwoWriters::writeStories(int count, int first)
{
    QVERIFY(QDir().mkpath(m_dir->filePath(u"stories"_s)));
    for (int i = first; i < first + count; ++i) {
        QFile f(m_dir->filePath(u"stories/story-%1.txt"_s.arg(i, 3, 10, QLatin1Char('0'))));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(
            u"Bridge %1 reopens\n\nBy Ana Lima\n\nISLEBY (Test Wire) – Bridge number %1 reopened on Monday, "
            u"the county said.\n"_s.arg(i)
                .toUtf8());
    }
}

QStringList TestTwoWriters::storyFiles() const
{
    return collectImportFiles({ m_dir->filePath(u"stories"_s) }, nullptr);
}

void TestTwoWriters::annotateWaitsForAnotherWriter()
{
    Annotation a;
    a.articleId = m_articleId;
    a.span = { 0, 9 };
    auto id = AnnotationRepository(m_store).addAnnotation(a);
    QVERIFY2(id, qPrintable(id.errorString()));
    LockHolder other(m_path, std::chrono::milliseconds(1000));
    QVERIFY(other.locked());
    // An update reads the row first. In a deferred transaction that read made the write an
    // upgrade, for which SQLite does not wait (no busy handler): "database is locked" at once.
    a.id = *id;
    a.note = u"written while another program held the lock"_s;
    const Status updated = AnnotationRepository(m_store).updateAnnotation(a);
    QVERIFY2(updated, qPrintable(updated.errorString()));
    auto second = AnnotationRepository(m_store).addAnnotation(a);
    QVERIFY2(second, qPrintable(second.errorString()));
    other.join();
    QVERIFY(m_store.isIdle());
    QCOMPARE(countFromOutside(m_path, "SELECT count(*) FROM annotations WHERE note <> ''"), 2);
    QCOMPARE(countFromOutside(m_path, "SELECT count(*) FROM tags WHERE name = 'held-by-other'"), 1);
}

void TestTwoWriters::importWaitsForAnotherWriter()
{
    writeStories(5);
    LockHolder other(m_path, std::chrono::milliseconds(1000));
    QVERIFY(other.locked());
    int imported = 0;
    QStringList failures;
    const Status s = importFiles(m_store, storyFiles(), [&](const ImportOutcome &o) {
        if (o.status == ImportOutcome::Status::Imported)
            ++imported;
        else
            failures << o.message;
        return true;
    });
    QVERIFY2(s, qPrintable(s.errorString()));
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u"; "_s)));
    QCOMPARE(imported, 5);
    other.join();
    QVERIFY(m_store.isIdle());
    QCOMPARE(countFromOutside(m_path, "SELECT count(*) FROM articles"), 6);
}

void TestTwoWriters::busyFailureLeavesNothingOpen()
{
    // With a short wait, a write that meets a longer lock fails, with a plain message...
    m_store.setBusyTimeout(50);
    writeStories(2);
    QString message;
    {
        LockHolder other(m_path, std::chrono::milliseconds(600));
        QVERIFY(other.locked());
        auto failed
            = ArticleRepository(m_store).addArticle(makeArticle(Body + u"A second version."_s), {}, 1);
        QVERIFY(!failed);
        message = failed.errorString();
        // ...and leaves no statement or transaction open behind it.
        QVERIFY(m_store.isIdle());
    }
    // A failed write once left its statement un-reset: every later write then stayed uncommitted
    // (another program never saw it, not until the window quit) or failed with "cannot open
    // savepoint - SQL statements in progress".
    Annotation a;
    a.articleId = m_articleId;
    a.span = { 0, 9 };
    auto id = AnnotationRepository(m_store).addAnnotation(a);
    QVERIFY2(id, qPrintable(id.errorString()));
    QVERIFY(m_store.isIdle());
    QCOMPARE(countFromOutside(m_path, "SELECT count(*) FROM annotations"), 1);
    QVERIFY(AnnotationRepository(m_store).removeAnnotation(*id));
    QCOMPARE(countFromOutside(m_path, "SELECT count(*) FROM annotations"), 0);
    int imported = 0;
    QVERIFY(importFiles(m_store, storyFiles(), [&](const ImportOutcome &o) {
        imported += o.status == ImportOutcome::Status::Imported;
        return true;
    }));
    QCOMPARE(imported, 2);
    QCOMPARE(countFromOutside(m_path, "SELECT count(*) FROM articles"), 3);
    QVERIFY2(message.contains(u"busy"_s), qPrintable(message));
    QVERIFY2(!message.contains(u"Unable to fetch row"_s), qPrintable(message));
}

void TestTwoWriters::staleReaderDoesNotBlock()
{
    // Another program in the middle of a long read (an export) keeps an old snapshot; writers go on.
    sqlite3 *reader = nullptr;
    QCOMPARE(sqlite3_open_v2(m_path.toUtf8().constData(), &reader, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    sqlite3_stmt *stmt = nullptr;
    QCOMPARE(sqlite3_prepare_v2(reader, "SELECT id FROM articles", -1, &stmt, nullptr), SQLITE_OK);
    QCOMPARE(sqlite3_step(stmt), SQLITE_ROW);
    m_store.setBusyTimeout(50); // a write that waited for the reader would fail
    Annotation a;
    a.articleId = m_articleId;
    a.span = { 0, 9 };
    auto id = AnnotationRepository(m_store).addAnnotation(a);
    QVERIFY2(id, qPrintable(id.errorString()));
    auto second = ArticleRepository(m_store).addArticle(makeArticle(Body + u"Another version."_s), {}, 1);
    QVERIFY2(second, qPrintable(second.errorString()));
    QVERIFY(m_store.isIdle());
    sqlite3_finalize(stmt);
    sqlite3_close(reader);
    QCOMPARE(countFromOutside(m_path, "SELECT count(*) FROM articles"), 2);
}

void TestTwoWriters::sessionLeavesNoTransactionOpen()
{
    ArticleSession session(&m_store);
    QVERIFY(session.open(m_articleId));
    QVERIFY(m_store.isIdle());
    auto id = session.addHighlight({ 0, 9 }, { u"Places/Rivers"_s }, {}, u"first"_s);
    QVERIFY2(id, qPrintable(id.errorString()));
    QVERIFY(m_store.isIdle());
    QVERIFY(session.setNote(*id, u"second"_s));
    QVERIFY(m_store.isIdle());
    QVERIFY(session.setColor(*id, u"green"_s));
    QVERIFY(m_store.isIdle());
    session.undoStack()->undo();
    QVERIFY(m_store.isIdle());
    session.undoStack()->redo();
    QVERIFY(m_store.isIdle());
    QVERIFY(session.remove(*id));
    QVERIFY(m_store.isIdle());
    QCOMPARE(countFromOutside(m_path, "SELECT count(*) FROM annotations"), 0);
    session.undoStack()->undo();
    QVERIFY(m_store.isIdle());
    QCOMPARE(countFromOutside(m_path, "SELECT count(*) FROM annotations"), 1);

    // What another program writes is what the session reads next.
    ArticleStore other;
    QVERIFY(other.open(m_path));
    Annotation a;
    a.articleId = m_articleId;
    a.span = { 10, 20 };
    QVERIFY(AnnotationRepository(other).addAnnotation(a));
    QVERIFY(session.open(m_articleId));
    QCOMPARE(session.annotations().size(), 2);
}

void TestTwoWriters::twoThreadsCreateOneLibrary()
{
    // Both find a new, empty file; one creates the schema, the other must then see it instead of
    // creating it again ("table articles already exists").
    for (int round = 0; round < 8; ++round) {
        const QString path = m_dir->filePath(u"new-%1.sqlite"_s.arg(round));
        auto openIn = [path] {
            ArticleStore store;
            const Status s = store.open(path);
            if (!s)
                return s.errorString();
            auto count = ArticleRepository(store).articleCount();
            return count ? QString() : count.errorString();
        };
        auto first = std::async(std::launch::async, openIn);
        auto second = std::async(std::launch::async, openIn);
        const QString a = first.get();
        const QString b = second.get();
        QVERIFY2(a.isEmpty(), qPrintable(a));
        QVERIFY2(b.isEmpty(), qPrintable(b));
        QCOMPARE(countFromOutside(path, "PRAGMA user_version"), ArticleStore::SchemaVersion);
    }
}

QTEST_GUILESS_MAIN(TestTwoWriters)
#include "tst_twowriters.moc"
