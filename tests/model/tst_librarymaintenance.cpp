// SPDX-License-Identifier: GPL-3.0-or-later
// check, backup, restore and the rotating automatic backups (issue 12, "Backups").
#include "store/AnnotationRepository.h"
#include "store/ArticleRepository.h"
#include "store/ArticleStore.h"
#include "store/LibraryMaintenance.h"
#include "store/Schema.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <sqlite3.h>

using namespace Lede;
using namespace Qt::StringLiterals;
namespace LM = Lede::LibraryMaintenance;

namespace {

Article makeArticle(int i)
{
    Article a;
    a.title = u"Tram line %1 extended"_s.arg(i);
    a.source = u"Test Wire"_s;
    QString body;
    for (int s = 0; s < 20; ++s)
        body += u"Line %1 gains stop %2 near the old market, the transport office said. "_s.arg(i).arg(s);
    a.body = body;
    a.contentHash
        = QString::fromLatin1(QCryptographicHash::hash(body.toUtf8(), QCryptographicHash::Sha256).toHex());
    return a;
}

// Runs SQL as another program would; returns the first column of the first row (or the error).
QString sql(const QString &path, const char *statement)
{
    sqlite3 *db = nullptr;
    QString out;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr)
        == SQLITE_OK) {
        sqlite3_stmt *stmt = nullptr;
        const char *tail = statement;
        while (tail && *tail) {
            if (sqlite3_prepare_v2(db, tail, -1, &stmt, &tail) != SQLITE_OK) {
                out = u"error: "_s + QString::fromUtf8(sqlite3_errmsg(db));
                break;
            }
            if (!stmt)
                break;
            const int rc = sqlite3_step(stmt);
            if (rc == SQLITE_ROW)
                out = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
            else if (rc != SQLITE_DONE)
                out = u"error: "_s + QString::fromUtf8(sqlite3_errmsg(db));
            sqlite3_finalize(stmt);
            stmt = nullptr;
        }
    } else {
        out = u"error: cannot open"_s;
    }
    sqlite3_close(db);
    return out;
}

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

bool damage(const QString &path)
{
    const qint64 root = sql(path, "SELECT rootpage FROM sqlite_master WHERE name = 'articles'").toLongLong();
    const qint64 pageSize = sql(path, "PRAGMA page_size").toLongLong();
    QFile f(path);
    if (root < 2 || !f.open(QIODevice::ReadWrite) || !f.seek((root - 1) * pageSize + 8))
        return false;
    QRandomGenerator random(7);
    QByteArray bytes(512, Qt::Uninitialized);
    for (char &c : bytes)
        c = char(random.bounded(256));
    return f.write(bytes) == bytes.size();
}

QStringList leftovers(const QString &folder)
{
    return QDir(folder).entryList({ u".*tmp*"_s, u"*.tmp*"_s }, QDir::Files | QDir::Hidden);
}

} // namespace

class TestLibraryMaintenance final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void checkHealthyLibrary();
    void checkFindsDamage();
    void checkFindsBrokenReferences();
    void checkFindsStaleSearchIndex();
    void backupIsAConsistentCopy();
    void backupRefusesTheLibraryItself();
    void restoreKeepsThePreviousLibrary();
    void restoreRefusesWhatIsNotAHealthyLedeLibrary_data();
    void restoreRefusesWhatIsNotAHealthyLedeLibrary();
    void automaticBackupsRotate();
    void openMakesDailyAndMigrationBackups();
    void damagedLibraryIsNotBackedUpDaily();

private:
    void addArticles(int from, int count);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

void TestLibraryMaintenance::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_path = m_dir->filePath(u"library.sqlite"_s);
    addArticles(0, 3);
    ArticleStore store;
    store.setAutomaticBackups(false);
    QVERIFY(store.open(m_path));
    Annotation a;
    a.articleId = 1;
    a.span = { 0, 4 };
    a.tags = { u"Transport/Trams"_s };
    QVERIFY(AnnotationRepository(store).addAnnotation(a));
}

void TestLibraryMaintenance::addArticles(int from, int count)
{
    ArticleStore store;
    store.setAutomaticBackups(false);
    QVERIFY(store.open(m_path));
    for (int i = from; i < from + count; ++i)
        QVERIFY(ArticleRepository(store).addArticle(makeArticle(i), {}, 1));
}

void TestLibraryMaintenance::checkHealthyLibrary()
{
    const auto report = LM::check(m_path);
    QVERIFY2(report, qPrintable(report.errorString()));
    QVERIFY2(report->healthy, qPrintable(report->text));
    QVERIFY(report->problems.isEmpty());
    QVERIFY2(report->text.contains(u"3 articles, 1 annotations, 2 tags"_s), qPrintable(report->text));
    QVERIFY(report->text.contains(u"Structure (integrity check): ok\n"_s));
    QVERIFY(report->text.contains(u"Search index: ok\n"_s));
    QVERIFY(report->text.endsWith(u"Result: the library is healthy.\n"_s));
    QVERIFY(!QFileInfo::exists(LM::backupFolder(m_path))); // a check writes nothing
}

void TestLibraryMaintenance::checkFindsDamage()
{
    QVERIFY(damage(m_path));
    const auto report = LM::check(m_path);
    QVERIFY2(report, qPrintable(report.errorString()));
    QVERIFY(!report->healthy);
    QVERIFY2(report->text.contains(u"Structure (integrity check): "_s), qPrintable(report->text));
    QVERIFY2(!report->text.contains(u"Structure (integrity check): ok"_s), qPrintable(report->text));
    QVERIFY2(report->text.contains(u"lede restore FILE"_s), qPrintable(report->text));
    QVERIFY2(report->text.contains(u"there are no automatic backups"_s), qPrintable(report->text));
}

void TestLibraryMaintenance::checkFindsBrokenReferences()
{
    QCOMPARE(sql(m_path,
                 "INSERT INTO annotations (article_id, start, \"end\", created_at, updated_at) "
                 "VALUES (999, 0, 1, 'x', 'x')"),
             QString());
    const auto report = LM::check(m_path);
    QVERIFY(report);
    QVERIFY(!report->healthy);
    QVERIFY2(report->problems.contains(
                 u"1 row(s) of annotations point to a row of articles that does not exist."_s),
             qPrintable(report->text));
    QVERIFY(report->text.contains(u"References between articles, annotations and tags: 1 broken\n"_s));
}

void TestLibraryMaintenance::checkFindsStaleSearchIndex()
{
    // A body changed behind the index's back (the trigger that keeps them in step is gone).
    QCOMPARE(sql(m_path,
                 "DROP TRIGGER articles_fts_update; UPDATE articles SET body = 'Other words entirely.' WHERE "
                 "id = 2"),
             QString());
    const auto report = LM::check(m_path);
    QVERIFY(report);
    QVERIFY(!report->healthy);
    QVERIFY2(report->text.contains(u"Search index: does not match the articles\n"_s),
             qPrintable(report->text));
    QCOMPARE(sql(m_path, "SELECT count(*) FROM articles"), u"3"_s); // nothing changed by the check
}

void TestLibraryMaintenance::backupIsAConsistentCopy()
{
    // A library that is open and has changes still in its write-ahead log.
    ArticleStore store;
    store.setAutomaticBackups(false);
    QVERIFY(store.open(m_path));
    QVERIFY(ArticleRepository(store).addArticle(makeArticle(10), {}, 1));
    QVERIFY(QFileInfo(m_path + u"-wal"_s).size() > 0);

    QVERIFY(QDir().mkpath(m_dir->filePath(u"out"_s)));
    const QString target = m_dir->filePath(u"out/copy.sqlite"_s);
    QFile old(target);
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write("an older file that the backup replaces whole");
    old.close();
    const Status s = LM::backup(m_path, target);
    QVERIFY2(s, qPrintable(s.errorString()));
    QCOMPARE(sql(target, "SELECT count(*) FROM articles"), u"4"_s);
    QCOMPARE(sql(target, "PRAGMA integrity_check"), u"ok"_s);
    QVERIFY(leftovers(m_dir->filePath(u"out"_s)).isEmpty());

    ArticleStore copy;
    copy.setAutomaticBackups(false);
    QVERIFY(copy.open(target));
    QCOMPARE(ArticleRepository(copy).articleCount().value(), 4);
    QCOMPARE(AnnotationRepository(copy).annotations(1).value().size(), 1);
}

void TestLibraryMaintenance::backupRefusesTheLibraryItself()
{
    const QByteArray before = fileHash(m_path);
    const Status s = LM::backup(m_path, m_path);
    QVERIFY(!s);
    QVERIFY2(s.errorString().contains(u"onto the library itself"_s), qPrintable(s.errorString()));
    const Status viaOtherName = LM::backup(m_path, m_dir->filePath(u"./sub/../library.sqlite"_s));
    QVERIFY(!viaOtherName);
    QCOMPARE(fileHash(m_path), before);
    QVERIFY(!LM::backup(m_dir->filePath(u"missing.sqlite"_s), m_dir->filePath(u"x.sqlite"_s)));
    QVERIFY(!QFileInfo::exists(m_dir->filePath(u"x.sqlite"_s)));
}

void TestLibraryMaintenance::restoreKeepsThePreviousLibrary()
{
    const QString copy = m_dir->filePath(u"copy.sqlite"_s);
    QVERIFY(LM::backup(m_path, copy));
    addArticles(20, 2);
    QCOMPARE(sql(m_path, "SELECT count(*) FROM articles"), u"5"_s);

    const auto outcome = LM::restore(copy, m_path);
    QVERIFY2(outcome, qPrintable(outcome.errorString()));
    QCOMPARE(outcome->articles, 3);
    QCOMPARE(outcome->previousCopy, QFileInfo(m_path).absoluteFilePath() + u".before-restore"_s);
    QCOMPARE(sql(m_path, "SELECT count(*) FROM articles"), u"3"_s);
    QCOMPARE(sql(outcome->previousCopy, "SELECT count(*) FROM articles"), u"5"_s);
    QVERIFY(leftovers(m_dir->path()).isEmpty());

    ArticleStore store;
    store.setAutomaticBackups(false);
    QVERIFY(store.open(m_path));
    QCOMPARE(ArticleRepository(store).articleCount().value(), 3);
    QCOMPARE(AnnotationRepository(store).annotations(1).value().size(), 1);
}

void TestLibraryMaintenance::restoreRefusesWhatIsNotAHealthyLedeLibrary_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("message");
    QTest::newRow("text-file") << u"text"_s << u"not an SQLite database"_s;
    QTest::newRow("other-programs-database") << u"foreign"_s << u"not a Lede library"_s;
    QTest::newRow("damaged-backup") << u"damaged"_s << u"damaged"_s;
    QTest::newRow("newer-lede") << u"newer"_s << u"newer Lede"_s;
    QTest::newRow("the-library-itself") << u"self"_s << u"the library itself"_s;
    QTest::newRow("missing") << u"missing"_s << u"no backup"_s;
}

void TestLibraryMaintenance::restoreRefusesWhatIsNotAHealthyLedeLibrary()
{
    QFETCH(QString, kind);
    QFETCH(QString, message);
    QString from = m_dir->filePath(u"candidate.sqlite"_s);
    if (kind == u"text"_s) {
        QFile f(from);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("Not a database, just some words.\n");
    } else if (kind == u"foreign"_s) {
        QCOMPARE(sql(from, "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup')"),
                 QString());
    } else if (kind == u"damaged"_s) {
        QVERIFY(LM::backup(m_path, from));
        QVERIFY(damage(from));
    } else if (kind == u"newer"_s) {
        QVERIFY(LM::backup(m_path, from));
        QCOMPARE(sql(from, "PRAGMA user_version = 99"), QString());
    } else if (kind == u"self"_s) {
        from = m_path;
    }
    const QByteArray before = fileHash(m_path);
    const auto outcome = LM::restore(from, m_path);
    QVERIFY(!outcome);
    QVERIFY2(outcome.errorString().contains(message), qPrintable(outcome.errorString()));
    QCOMPARE(fileHash(m_path), before);
    QVERIFY(!QFileInfo::exists(m_path + u".before-restore"_s));
    QVERIFY(leftovers(m_dir->path()).isEmpty());
}

void TestLibraryMaintenance::automaticBackupsRotate()
{
    const QDateTime start(QDate(2026, 3, 1), QTime(9, 0), QTimeZone::utc());
    QVERIFY(LM::isDailyBackupDue(m_path, start));
    // What a backup killed half-way leaves (its process, 999999999, is gone).
    QVERIFY(QDir().mkpath(LM::backupFolder(m_path)));
    const QString stale
        = LM::backupFolder(m_path) + u"/.library-20260301-080000-daily.sqlite.tmp-999999999-0badc0de"_s;
    QFile staleFile(stale);
    QVERIFY(staleFile.open(QIODevice::WriteOnly));
    staleFile.close();
    QStringList made;
    for (int day = 0; day < 9; ++day) {
        auto path = LM::makeAutomaticBackup(m_path, u"daily"_s, start.addDays(day));
        QVERIFY2(path, qPrintable(path.errorString()));
        made << *path;
    }
    const QStringList kept = LM::automaticBackups(m_path);
    QCOMPARE(kept.size(), LM::KeptBackups);
    QCOMPARE(kept.first(), made.last());
    QCOMPARE(kept.last(), made.at(2));
    QVERIFY(!QFileInfo::exists(made.at(0)));
    QVERIFY(!QFileInfo::exists(made.at(1)));
    QVERIFY(QFileInfo(kept.first()).fileName().startsWith(u"library-20260309-090000-daily"_s));
    QCOMPARE(sql(kept.first(), "SELECT count(*) FROM articles"), u"3"_s);
    QVERIFY(!QFileInfo::exists(stale));
    QVERIFY(leftovers(LM::backupFolder(m_path)).isEmpty());

    const QDateTime last = start.addDays(8);
    QVERIFY(!LM::isDailyBackupDue(m_path, last.addSecs(23 * 3600)));
    QVERIFY(LM::isDailyBackupDue(m_path, last.addSecs(25 * 3600)));
    // Another library in the same folder has its own backups.
    QVERIFY(LM::automaticBackups(m_dir->filePath(u"other.sqlite"_s)).isEmpty());
}

void TestLibraryMaintenance::openMakesDailyAndMigrationBackups()
{
    {
        ArticleStore store;
        QVERIFY(store.open(m_path));
    }
    QStringList backups = LM::automaticBackups(m_path);
    QCOMPARE(backups.size(), 1);
    QVERIFY(backups.first().endsWith(u"-daily.sqlite"_s));
    {
        ArticleStore store;
        QVERIFY(store.open(m_path)); // the same day: no second copy
    }
    QCOMPARE(LM::automaticBackups(m_path).size(), 1);

    // A library of the previous version is copied before the migration changes it. (The file is
    // built by the migration ladder itself, so the test holds whatever the current version is.)
    const QString older = m_dir->filePath(u"older.sqlite"_s);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"older"_s);
        db.setDatabaseName(older);
        QVERIFY(db.open());
        QVERIFY(db.transaction());
        QVERIFY(Schema::migrate(db, 0, ArticleStore::SchemaVersion - 1).ok());
        QVERIFY(db.commit());
        db.close();
    }
    QSqlDatabase::removeDatabase(u"older"_s);
    {
        ArticleStore store;
        QVERIFY(store.open(older));
    }
    backups = LM::automaticBackups(older);
    const QString before = backups.filter(u"-before-v%1"_s.arg(ArticleStore::SchemaVersion)).value(0);
    QVERIFY2(!before.isEmpty(), qPrintable(backups.join(u' ')));
    QCOMPARE(sql(before, "PRAGMA user_version"), QString::number(ArticleStore::SchemaVersion - 1));
    QCOMPARE(sql(older, "PRAGMA user_version"), QString::number(ArticleStore::SchemaVersion));
}

void TestLibraryMaintenance::damagedLibraryIsNotBackedUpDaily()
{
    QVERIFY(damage(m_path));
    const auto made = LM::makeDailyBackupIfDue(m_path);
    QVERIFY(!made);
    QVERIFY2(made.errorString().contains(u"is damaged"_s), qPrintable(made.errorString()));
    QVERIFY(LM::automaticBackups(m_path).isEmpty());
    ArticleStore store;
    QVERIFY(!store.open(m_path));
    QVERIFY(LM::automaticBackups(m_path).isEmpty());
}

QTEST_GUILESS_MAIN(TestLibraryMaintenance)
#include "tst_librarymaintenance.moc"
