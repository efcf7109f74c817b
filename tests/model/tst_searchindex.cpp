// SPDX-License-Identifier: GPL-3.0-or-later
// The full-text index against the articles it indexes (schema v9): a bulk batch indexes its new
// articles once, at its end, and whatever happens in and around a batch – a failed article, an
// article changed or removed in the batch that added it, an older article edited or removed, a
// rollback, a close – the committed index holds exactly the committed articles.
#include "library/ArticleEditing.h"
#include "store/ArticleRepository.h"
#include "store/ArticleStore.h"
#include "store/Schema.h"

#include <QCryptographicHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;
using namespace Lede;

namespace {

Article makeArticle(const QString &title, const QString &body)
{
    Article a;
    a.title = title;
    a.source = u"Test Wire"_s;
    a.body = body;
    a.contentHash
        = QString::fromLatin1(QCryptographicHash::hash(body.toUtf8(), QCryptographicHash::Sha256).toHex());
    return a;
}

// The ids of the articles the library search finds for `words`, in id order.
QList<qint64> found(ArticleStore &store, const QString &words)
{
    ArticleQuery q;
    q.search = words;
    q.sort = ArticleQuery::Sort::Title;
    QList<qint64> ids;
    const auto list = ArticleRepository(store).articles(q);
    if (!list)
        return { -1 };
    for (const ArticleSummary &s : *list)
        ids.append(s.id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

// FTS5's own check of an external-content index against its table: every indexed row matches the
// article as stored, and every article is indexed. Also the number of indexed rows.
QString indexProblem(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(u"INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)"_s))
        return q.lastError().text();
    if (!q.exec(u"SELECT (SELECT count(*) FROM articles_fts_docsize), (SELECT count(*) FROM articles), "
                u"(SELECT count(*) FROM articles_fts_deferred)"_s)
        || !q.next())
        return q.lastError().text();
    if (q.value(0).toInt() != q.value(1).toInt())
        return u"%1 indexed rows for %2 articles"_s.arg(q.value(0).toInt()).arg(q.value(1).toInt());
    if (q.value(2).toInt() != 0)
        return u"the deferral row outlived its batch"_s;
    return {};
}

} // namespace

class TestSearchIndex final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void batchIsIndexedAtItsEnd();
    void failedArticleLeavesNoSearchEntry();
    void changesInsideTheBatch();
    void rollbackAndCloseKeepIndexInStep();
    void otherConnectionSeesOnlyCommitted();
    void libraryFromV8StaysSearchable();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ArticleStore> m_store;
    QString m_path;
};

void TestSearchIndex::init()
{
    static int n = 0;
    m_path = m_dir.filePath(u"lib%1.sqlite"_s.arg(++n));
    m_store = std::make_unique<ArticleStore>();
    QVERIFY(m_store->open(m_path).ok());
}

void TestSearchIndex::cleanup()
{
    m_store.reset();
}

void TestSearchIndex::batchIsIndexedAtItsEnd()
{
    ArticleRepository articles(*m_store);
    const auto single
        = articles.addArticle(makeArticle(u"Lighthouse keeper"_s, u"The keeper retired."_s), {}, 1);
    QVERIFY(single.ok());
    QCOMPARE(found(*m_store, u"keeper"_s), QList<qint64> { *single }); // outside a batch: at once

    QVERIFY(m_store->beginBulk().ok());
    QList<qint64> ids;
    for (int i = 0; i < 5; ++i) {
        Article a = makeArticle(u"Harbour report %1"_s.arg(i), u"Tugboat number %1 towed a barge."_s.arg(i));
        a.metadata.insert(u"section"_s, u"Quayside"_s);
        const auto id = articles.addArticle(a, {}, 1);
        QVERIFY2(id.ok(), qPrintable(id.errorString()));
        ids.append(*id);
    }
    // Not in the index before the batch ends (it is written once, at the commit)...
    QCOMPARE(found(*m_store, u"tugboat"_s), QList<qint64>());
    QVERIFY(m_store->commitBulk().ok());
    // ... and all of it after, titles, bodies and metadata alike.
    QCOMPARE(found(*m_store, u"tugboat"_s), ids);
    QCOMPARE(found(*m_store, u"harbour report"_s), ids);
    QCOMPARE(found(*m_store, u"quayside"_s), ids);
    QCOMPARE(found(*m_store, u"keeper"_s), QList<qint64> { *single });
    QCOMPARE(indexProblem(m_store->database()), QString());
    QVERIFY(m_store->isIdle());
}

void TestSearchIndex::failedArticleLeavesNoSearchEntry()
{
    ArticleRepository articles(*m_store);
    QVERIFY(m_store->beginBulk().ok());
    const auto first = articles.addArticle(makeArticle(u"Ferry"_s, u"The ferry sailed at noon."_s), {}, 1);
    QVERIFY(first.ok());
    // A figure with no value (NaN is stored as NULL) fails the article after its row was written.
    AnalysisResult broken;
    Figure figure;
    figure.span = { 4, 9 };
    figure.text = u"glacier"_s;
    figure.value = std::numeric_limits<double>::quiet_NaN();
    broken.figures.append(figure);
    const auto failed
        = articles.addArticle(makeArticle(u"Glacier"_s, u"The glacier calved twice."_s), broken, 1);
    QVERIFY(!failed.ok());
    const auto last = articles.addArticle(makeArticle(u"Ferry again"_s, u"The ferry came back."_s), {}, 1);
    QVERIFY(last.ok());
    QVERIFY(m_store->commitBulk().ok());
    QCOMPARE(*articles.articleCount(), 2);
    QCOMPARE(found(*m_store, u"glacier"_s), QList<qint64>());
    QCOMPARE(found(*m_store, u"ferry"_s), (QList<qint64> { *first, *last }));
    QCOMPARE(indexProblem(m_store->database()), QString());
}

void TestSearchIndex::changesInsideTheBatch()
{
    ArticleRepository articles(*m_store);
    const auto old = articles.addArticle(makeArticle(u"Orchard"_s, u"Apples ripened early."_s), {}, 1);
    const auto gone = articles.addArticle(makeArticle(u"Quarry"_s, u"Granite was cut."_s), {}, 1);
    QVERIFY(old.ok() && gone.ok());

    QVERIFY(m_store->beginBulk().ok());
    // Articles added in the batch, then changed or removed in it.
    const auto changed = articles.addArticle(makeArticle(u"Draft"_s, u"Walrus sighted offshore."_s), {}, 1);
    const auto dropped
        = articles.addArticle(makeArticle(u"Dropped"_s, u"Narwhal sighted offshore."_s), {}, 1);
    QVERIFY(changed.ok() && dropped.ok());
    Article edited = *articles.article(*changed);
    edited.title = u"Final"_s;
    edited.body = u"Seal sighted offshore."_s;
    edited.contentHash = makeArticle(edited.title, edited.body).contentHash;
    QVERIFY(articles.updateArticle(edited).ok());
    QVERIFY(articles.removeArticle(*dropped).ok());
    // Articles from before the batch, changed and removed in it (their index rows change at once).
    Article older = *articles.article(*old);
    older.body = u"Pears ripened late."_s;
    older.contentHash = makeArticle(older.title, older.body).contentHash;
    QVERIFY(articles.updateArticle(older).ok());
    QVERIFY(articles.removeArticle(*gone).ok());
    QCOMPARE(found(*m_store, u"pears"_s), QList<qint64> { *old });
    QVERIFY(m_store->commitBulk().ok());

    QCOMPARE(found(*m_store, u"sighted"_s), QList<qint64> { *changed });
    QCOMPARE(found(*m_store, u"seal final"_s), QList<qint64> { *changed });
    QCOMPARE(found(*m_store, u"walrus"_s), QList<qint64>());
    QCOMPARE(found(*m_store, u"draft"_s), QList<qint64>());
    QCOMPARE(found(*m_store, u"narwhal"_s), QList<qint64>());
    QCOMPARE(found(*m_store, u"apples"_s), QList<qint64>());
    QCOMPARE(found(*m_store, u"pears"_s), QList<qint64> { *old });
    QCOMPARE(found(*m_store, u"granite"_s), QList<qint64>());
    QCOMPARE(indexProblem(m_store->database()), QString());

    // Deleting, putting back and editing through the library's own actions (each its own batch).
    const auto snapshot = removeArticles(*m_store, { *changed });
    QVERIFY2(snapshot.ok(), qPrintable(snapshot.errorString()));
    QCOMPARE(found(*m_store, u"seal"_s), QList<qint64>());
    QVERIFY(restoreArticles(*m_store, *snapshot).ok());
    QCOMPARE(found(*m_store, u"seal"_s), QList<qint64> { *changed });
    QCOMPARE(indexProblem(m_store->database()), QString());
}

void TestSearchIndex::rollbackAndCloseKeepIndexInStep()
{
    ArticleRepository articles(*m_store);
    const auto kept = articles.addArticle(makeArticle(u"Mill"_s, u"The mill ground wheat."_s), {}, 1);
    QVERIFY(kept.ok());
    QVERIFY(m_store->beginBulk().ok());
    QVERIFY(articles.addArticle(makeArticle(u"Bakery"_s, u"The bakery sold rye."_s), {}, 1).ok());
    Article edited = *articles.article(*kept);
    edited.body = u"The mill ground barley."_s;
    edited.contentHash = makeArticle(edited.title, edited.body).contentHash;
    QVERIFY(articles.updateArticle(edited).ok());
    m_store->rollbackBulk();
    QCOMPARE(found(*m_store, u"rye"_s), QList<qint64>());
    QCOMPARE(found(*m_store, u"barley"_s), QList<qint64>());
    QCOMPARE(found(*m_store, u"wheat"_s), QList<qint64> { *kept });
    QCOMPARE(indexProblem(m_store->database()), QString());

    // close() commits an open batch: its articles are indexed too.
    QVERIFY(m_store->beginBulk().ok());
    const auto closed = articles.addArticle(makeArticle(u"Brewery"_s, u"The brewery made stout."_s), {}, 1);
    QVERIFY(closed.ok());
    m_store->close();
    QVERIFY(m_store->open(m_path).ok());
    QCOMPARE(found(*m_store, u"stout"_s), QList<qint64> { *closed });
    QCOMPARE(indexProblem(m_store->database()), QString());
}

void TestSearchIndex::otherConnectionSeesOnlyCommitted()
{
    ArticleStore other;
    QVERIFY(other.open(m_path).ok());
    QVERIFY(m_store->beginBulk().ok());
    const auto id
        = ArticleRepository(*m_store).addArticle(makeArticle(u"Canal"_s, u"Barges on the canal."_s), {}, 1);
    QVERIFY(id.ok());
    QCOMPARE(found(other, u"canal"_s), QList<qint64>());
    QCOMPARE(*ArticleRepository(other).articleCount(), 0);
    QVERIFY(m_store->commitBulk().ok());
    QCOMPARE(found(other, u"canal"_s), QList<qint64> { *id });
    QCOMPARE(indexProblem(other.database()), QString());
}

void TestSearchIndex::libraryFromV8StaysSearchable()
{
    // A library as version 8 wrote it: its triggers indexed every article as it was inserted.
    const QString path = m_dir.filePath(u"v8.sqlite"_s);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"v8"_s);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QVERIFY(db.transaction());
        QVERIFY(Schema::migrate(db, 0, 8).ok());
        QSqlQuery q(db);
        for (int i = 1; i <= 3; ++i)
            QVERIFY2(
                q.exec(u"INSERT INTO articles (title, body, content_hash, imported_at, metadata_text) VALUES "
                       u"('Old %1', 'Lantern number %1 was lit.', 'h%1', '2026-01-01T00:00:00Z', 'Archive')"_s
                           .arg(i)),
                qPrintable(q.lastError().text()));
        QVERIFY(db.commit());
        db.close();
    }
    QSqlDatabase::removeDatabase(u"v8"_s);

    ArticleStore store;
    store.setAutomaticBackups(false);
    QVERIFY(store.open(path).ok());
    QSqlQuery version(store.database());
    QVERIFY(version.exec(u"PRAGMA user_version"_s) && version.next());
    QCOMPARE(version.value(0).toInt(), 9);
    version.finish();
    QCOMPARE(found(store, u"lantern"_s), (QList<qint64> { 1, 2, 3 }));
    QCOMPARE(found(store, u"archive"_s), (QList<qint64> { 1, 2, 3 }));
    // A batch on the upgraded library: new articles, an old one edited and one removed.
    ArticleRepository articles(store);
    QVERIFY(store.beginBulk().ok());
    const auto added = articles.addArticle(makeArticle(u"New"_s, u"Lantern number 4 was lit."_s), {}, 1);
    QVERIFY(added.ok());
    QCOMPARE(*added, 4);
    QVERIFY(articles.removeArticle(2).ok());
    Article first = *articles.article(1);
    first.body = u"Candle number 1 was lit."_s;
    first.contentHash = u"h1-new"_s;
    QVERIFY(articles.updateArticle(first).ok());
    QVERIFY(store.commitBulk().ok());
    QCOMPARE(found(store, u"lantern"_s), (QList<qint64> { 3, 4 }));
    QCOMPARE(found(store, u"candle"_s), QList<qint64> { 1 });
    QCOMPARE(indexProblem(store.database()), QString());
}

QTEST_GUILESS_MAIN(TestSearchIndex)
#include "tst_searchindex.moc"
