// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/AnalysisRepository.h"
#include "store/AnnotationRepository.h"
#include "store/ArticleRepository.h"
#include "store/ArticleStore.h"
#include "store/Schema.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Lede;

namespace {

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

int pragma(const QString &path, const QString &name)
{
    int value = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"probe"_s);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(u"PRAGMA "_s + name) && q.next())
                value = q.value(0).toInt();
        }
    }
    QSqlDatabase::removeDatabase(u"probe"_s);
    return value;
}

} // namespace

class TestMigrations final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newLibraryHasCurrentSchema();
    void migratesFromEveryOlderVersion_data();
    void migratesFromEveryOlderVersion();
    void refusesForeignFiles_data();
    void refusesForeignFiles();

private:
    QTemporaryDir m_dir;
};

void TestMigrations::newLibraryHasCurrentSchema()
{
    const QString path = m_dir.filePath(u"new/sub/lib.sqlite"_s);
    {
        ArticleStore store;
        QVERIFY(store.open(path).ok());
    }
    QCOMPARE(pragma(path, u"user_version"_s), ArticleStore::SchemaVersion);
    QCOMPARE(pragma(path, u"application_id"_s), ArticleStore::ApplicationId);
}

void TestMigrations::migratesFromEveryOlderVersion_data()
{
    QTest::addColumn<int>("from");
    for (int v = 0; v < ArticleStore::SchemaVersion; ++v)
        QTest::newRow(qPrintable(u"from-v%1"_s.arg(v))) << v;
}

void TestMigrations::migratesFromEveryOlderVersion()
{
    QFETCH(int, from);
    const QString path = m_dir.filePath(u"old-v%1.sqlite"_s.arg(from));
    // Build a library at the old version with data in it, as that version would have written it.
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"old"_s);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QVERIFY(db.transaction());
        QVERIFY(Schema::migrate(db, 0, from).ok());
        QSqlQuery q(db);
        if (from >= 1) {
            QVERIFY(
                q.exec(u"INSERT INTO articles (title, body, content_hash, imported_at) "
                       u"VALUES ('Old story', 'Body of the old story.', 'h1', '2025-01-02T03:04:05Z')"_s));
            QVERIFY(q.exec(u"INSERT INTO tags (name) VALUES ('Kept')"_s));
            QVERIFY(
                q.exec(u"INSERT INTO annotations (article_id, start, \"end\", exact, created_at, updated_at) "
                       u"VALUES (1, 0, 4, 'Body', '2025-01-02T03:04:05Z', '2025-01-02T03:04:05Z')"_s));
            QVERIFY(q.exec(u"INSERT INTO annotation_tags VALUES (1, 1)"_s));
        }
        QVERIFY(db.commit());
        db.close();
    }
    QSqlDatabase::removeDatabase(u"old"_s);
    QCOMPARE(pragma(path, u"user_version"_s), from);

    ArticleStore store;
    const Status opened = store.open(path);
    QVERIFY2(opened.ok(), qPrintable(opened.errorString()));
    QSqlQuery q(store.database());
    QVERIFY(q.exec(u"PRAGMA user_version"_s) && q.next());
    QCOMPARE(q.value(0).toInt(), ArticleStore::SchemaVersion);
    if (from >= 1) {
        QCOMPARE(ArticleRepository(store).article(1)->title, u"Old story"_s);
        QCOMPARE(AnnotationRepository(store).annotations(1)->first().tags, QStringList { u"Kept"_s });
        ArticleQuery search;
        search.search = u"old story"_s;
        QCOMPARE(ArticleRepository(store).articles(search)->size(), 1);
        // Articles from before v2 have never been analysed.
        QCOMPARE(*AnalysisRepository(store).articlesWithAnalyzerBelow(1), QList<qint64> { 1 });
    }
    QVERIFY(AnalysisRepository(store).analysis(1).ok() || from == 0);
    if (from >= 1) {
        // v8: an article from before has no recorded format, metadata or provenance.
        const auto old = ArticleRepository(store).article(1);
        QVERIFY(old.ok());
        QCOMPARE(articleFormat(*old), QString());
        QVERIFY(old->metadata.isEmpty());
        QVERIFY(old->provenance.isEmpty());
    }
    // The rebuilt full-text index holds the metadata of what is added after the upgrade, and is sound.
    Article fresh;
    fresh.title = u"Tide tables printed"_s;
    fresh.body = u"The harbour office printed the tide tables for next year."_s;
    fresh.contentHash = u"h-fresh"_s;
    fresh.metadata.insert(u"section"_s, u"Quayside"_s);
    fresh.provenance.insert(u"format"_s, u"nexis"_s);
    fresh.provenance.insert(u"index"_s, u"2"_s);
    const auto added = ArticleRepository(store).addArticle(fresh, {}, 0);
    QVERIFY2(added.ok(), qPrintable(added.errorString()));
    ArticleQuery bySection;
    bySection.search = u"quayside"_s;
    const auto found = ArticleRepository(store).articles(bySection);
    QVERIFY(found.ok());
    QCOMPARE(found->size(), 1);
    QCOMPARE(found->first().id, *added);
    const auto back = ArticleRepository(store).article(*added);
    QCOMPARE(articleFormat(*back), u"nexis"_s);
    QCOMPARE(articleIndex(*back), 2);
    QCOMPARE(back->metadata, fresh.metadata);
    QVERIFY2(q.exec(u"INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)"_s),
             qPrintable(q.lastError().text()));
}

void TestMigrations::refusesForeignFiles_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("sql"); // run on a real SQLite file instead when not empty
    QTest::addColumn<QString>("message");
    QTest::newRow("text-file") << QByteArray("just some notes\n") << QString() << u"not an SQLite database"_s;
    QTest::newRow("other-programs-sqlite")
        << QByteArray() << u"CREATE TABLE contacts (name TEXT)"_s << u"another program"_s;
    QTest::newRow("newer-lede")
        << QByteArray()
        << u"PRAGMA application_id = 1279607877; PRAGMA user_version = 99; CREATE TABLE x (a)"_s
        << u"newer version"_s;
    QByteArray damaged("SQLite format 3\0", 16);
    damaged.append(QByteArray(4096, '\xAB'));
    QTest::newRow("damaged-sqlite") << damaged << QString() << u"damaged"_s;
}

void TestMigrations::refusesForeignFiles()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, sql);
    QFETCH(QString, message);
    const QString path = m_dir.filePath(QString::fromLatin1(QTest::currentDataTag()) + u".db"_s);
    if (sql.isEmpty()) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
    } else {
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"foreign"_s);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            for (const QString &statement : sql.split(u"; "_s))
                QVERIFY(q.exec(statement));
        }
        QSqlDatabase::removeDatabase(u"foreign"_s);
    }
    const QByteArray before = fileHash(path);
    ArticleStore store;
    const Status s = store.open(path);
    QVERIFY(!s.ok());
    QVERIFY2(s.errorString().contains(message), qPrintable(s.errorString()));
    QVERIFY(!store.isOpen());
    QCOMPARE(fileHash(path), before);
}

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
