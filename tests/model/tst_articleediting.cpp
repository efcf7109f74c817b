// SPDX-License-Identifier: GPL-3.0-or-later
// Library management on whole articles (model/library/ArticleEditing): delete and put back with
// every row, edit the details. Text written for this test.
#include "analysis/Analyzer.h"
#include "library/ArticleEditing.h"
#include "store/AnalysisRepository.h"
#include "store/AnnotationRepository.h"
#include "store/ArticleRepository.h"
#include "store/ArticleStore.h"
#include "store/CorrectionRepository.h"
#include "store/TagRepository.h"

#include <QCryptographicHash>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Lede;

namespace {

const QString StoryA
    = u"PORTVALE — The harbour board voted on Tuesday to close the old ferry pier. \"We cannot keep "
      u"patching it,\" said Mara Ellison, the board's chair. Repairs would cost 4 million dollars, "
      u"the board's engineers said. Fishermen who use the pier asked for a delay."_s;
const QString StoryB
    = u"Snow closed the mountain road above Kettleby for a second day. Police said 40 drivers spent the "
      u"night in a school hall. \"Nobody should travel tonight,\" said Inspector Joel Varga."_s;

Article makeArticle(const QString &title, const QString &body)
{
    Article a;
    a.title = title;
    a.source = u"Valley Courier"_s;
    a.body = body;
    a.published = QDate(2024, 3, 18);
    a.contentHash
        = QString::fromLatin1(QCryptographicHash::hash(body.toUtf8(), QCryptographicHash::Sha256).toHex());
    return a;
}

// Every row of every table that refers to the article, as the file holds it.
QStringList dump(ArticleStore &store)
{
    QStringList out;
    QSqlQuery query(store.database());
    for (const QString &table : { u"articles"_s, u"article_blocks"_s, u"annotations"_s, u"annotation_tags"_s,
                                  u"quotes"_s, u"entities"_s, u"figures"_s, u"layer_corrections"_s }) {
        if (!query.exec(u"SELECT * FROM "_s + table + u" ORDER BY 1, 2"_s))
            return { u"error"_s };
        while (query.next()) {
            QStringList cells;
            for (int i = 0; i < query.record().count(); ++i)
                cells << query.value(i).toString();
            out << table + u": "_s + cells.join(u'|');
        }
    }
    return out;
}

int ftsHits(ArticleStore &store, const QString &word)
{
    ArticleQuery q;
    q.search = word;
    return ArticleRepository(store).articleCount(q).value();
}

} // namespace

class TestArticleEditing : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void removeAndRestoreKeepsEveryRow();
    void countsWhatGoesWithTheArticles();
    void removingAnUnknownIdRemovesNothing();
    void restoreSkipsLinksToATagDeletedSince();
    void restoreRefusedWhenTheTextCameBack();
    void insideABatchAFailureRollsBackTheActionOnly();
    void editDetails();
    void editDetailsRefusesBadInput();
    void storedDetailsAreNeverRefused();

private:
    QTemporaryDir m_dir;
    ArticleStore m_store;
    qint64 m_a = 0;
    qint64 m_b = 0;
};

void TestArticleEditing::init()
{
    QVERIFY(m_dir.isValid());
    QFile::remove(m_dir.filePath(u"lib.sqlite"_s));
    m_store.setAutomaticBackups(false);
    QVERIFY(m_store.open(m_dir.filePath(u"lib.sqlite"_s)));
    Article a = makeArticle(u"Board votes to close ferry pier"_s, StoryA);
    a.blocks = { Block { Block::Kind::Dateline, Span { 0, 8 } } };
    m_a = ArticleRepository(m_store).addArticle(a, Analyzer::analyze(a), Analyzer::Version).value();
    const Article b = makeArticle(u"Snow closes Kettleby road"_s, StoryB);
    m_b = ArticleRepository(m_store).addArticle(b, Analyzer::analyze(b), Analyzer::Version).value();
    Annotation h;
    h.articleId = m_a;
    h.span = Span { StoryA.indexOf(u"close the old"_s), StoryA.indexOf(u"close the old"_s) + 22 };
    h.tags = { u"Decisions/Votes"_s };
    QVERIFY(AnnotationRepository(m_store).addAnnotation(h));
    Annotation n = h;
    n.span = Span { StoryA.indexOf(u"Repairs"_s), StoryA.indexOf(u"Repairs"_s) + 7 };
    n.note = u"check the estimate"_s;
    n.tags = { u"Money"_s, u"Decisions"_s };
    QVERIFY(AnnotationRepository(m_store).addAnnotation(n));
    Annotation other = h;
    other.articleId = m_b;
    other.span = Span { 0, 4 };
    other.tags = { u"Weather"_s };
    QVERIFY(AnnotationRepository(m_store).addAnnotation(other));
    CorrectionRepository corrections(m_store);
    const AnalysisResult layers = AnalysisRepository(m_store).analysis(m_a).value();
    QVERIFY(!layers.quotes.isEmpty());
    QVERIFY(corrections.setQuoteSpeaker(layers.quotes.first().id, u"Mara Ellison"_s));
    QVERIFY(!layers.entities.isEmpty());
    QVERIFY(corrections.setEntityType(layers.entities.first().id, Entity::Type::Org));
}

void TestArticleEditing::cleanup()
{
    m_store.close();
}

void TestArticleEditing::removeAndRestoreKeepsEveryRow()
{
    const QStringList before = dump(m_store);
    QVERIFY(before.filter(u"layer_corrections"_s).size() == 2);
    QCOMPARE(ftsHits(m_store, u"ferry"_s), 1);
    auto snapshot = removeArticles(m_store, { m_a });
    QVERIFY2(snapshot, qPrintable(snapshot.errorString()));
    QVERIFY(m_store.isIdle());
    QVERIFY(!ArticleRepository(m_store).article(m_a));
    QCOMPARE(ftsHits(m_store, u"ferry"_s), 0);
    QCOMPARE(AnnotationRepository(m_store).annotations(m_b)->size(), 1); // the other article keeps its own
    const QStringList gone = dump(m_store);
    QVERIFY(!gone.join(u'\n').contains(u"ferry pier"_s));
    // The snapshot holds the tables found through the foreign keys, parents first.
    QStringList tables;
    for (const TableRows &t : snapshot->tables)
        tables << t.table;
    QCOMPARE(tables.first(), u"articles"_s);
    QVERIFY(tables.indexOf(u"annotations"_s) < tables.indexOf(u"annotation_tags"_s));
    for (const QString &t :
         { u"article_blocks"_s, u"quotes"_s, u"entities"_s, u"figures"_s, u"layer_corrections"_s })
        QVERIFY2(tables.contains(t), qPrintable(t));

    QVERIFY(restoreArticles(m_store, *snapshot));
    QVERIFY(m_store.isIdle());
    QCOMPARE(dump(m_store), before); // same ids, same rows, every table
    QCOMPARE(ftsHits(m_store, u"ferry"_s), 1);
    const auto notes = AnnotationRepository(m_store).annotations(m_a).value();
    QCOMPARE(notes.size(), 2);
    QCOMPARE(notes.at(1).note, u"check the estimate"_s);
    QCOMPARE(notes.at(1).tags, (QStringList { u"Decisions"_s, u"Money"_s }));
    // And again: remove, restore.
    auto both = removeArticles(m_store, { m_a, m_b });
    QVERIFY(both);
    QCOMPARE(ArticleRepository(m_store).articleCount().value(), 0);
    QVERIFY(restoreArticles(m_store, *both));
    QCOMPARE(dump(m_store), before);
}

void TestArticleEditing::countsWhatGoesWithTheArticles()
{
    auto counts = countDeletion(m_store, { m_a, m_b, 999 });
    QVERIFY(counts);
    QCOMPARE(counts->articles, 2);
    QCOMPARE(counts->highlights, 2);
    QCOMPARE(counts->notes, 1);
}

void TestArticleEditing::removingAnUnknownIdRemovesNothing()
{
    const QStringList before = dump(m_store);
    auto removed = removeArticles(m_store, { m_a, 999 });
    QVERIFY(!removed);
    QVERIFY2(removed.errorString().contains(u"999"_s), qPrintable(removed.errorString()));
    QCOMPARE(dump(m_store), before);
    QVERIFY(m_store.isIdle());
}

void TestArticleEditing::restoreSkipsLinksToATagDeletedSince()
{
    auto snapshot = removeArticles(m_store, { m_a });
    QVERIFY(snapshot);
    const auto tags = TagRepository(m_store).tags().value();
    const auto money
        = std::find_if(tags.begin(), tags.end(), [](const Tag &t) { return t.path == u"Money"_s; });
    QVERIFY(money != tags.end());
    QVERIFY(TagRepository(m_store).removeTag(money->id, TagRemoval::UntagAnnotations));
    QVERIFY(restoreArticles(m_store, *snapshot));
    const auto notes = AnnotationRepository(m_store).annotations(m_a).value();
    QCOMPARE(notes.size(), 2);
    QCOMPARE(notes.at(1).tags, QStringList { u"Decisions"_s });
}

void TestArticleEditing::restoreRefusedWhenTheTextCameBack()
{
    auto snapshot = removeArticles(m_store, { m_a });
    QVERIFY(snapshot);
    const Article again = makeArticle(u"Board votes to close ferry pier"_s, StoryA);
    const qint64 newId
        = ArticleRepository(m_store).addArticle(again, Analyzer::analyze(again), Analyzer::Version).value();
    const QStringList before = dump(m_store);
    const Status s = restoreArticles(m_store, *snapshot);
    QVERIFY(!s);
    QVERIFY2(s.errorString().contains(u"again"_s), qPrintable(s.errorString()));
    QCOMPARE(dump(m_store), before);
    QVERIFY(ArticleRepository(m_store).article(newId));
}

void TestArticleEditing::insideABatchAFailureRollsBackTheActionOnly()
{
    QVERIFY(m_store.beginBulk());
    QVERIFY(setArticleDetails(m_store, m_b, { u"Road closed"_s, u"Courier"_s, {}, {}, {} }));
    QVERIFY(!removeArticles(m_store, { m_a, 999 }));
    QVERIFY(m_store.commitBulk());
    QCOMPARE(ArticleRepository(m_store).article(m_b)->title, u"Road closed"_s);
    QVERIFY(ArticleRepository(m_store).article(m_a));
    QCOMPARE(AnnotationRepository(m_store).annotations(m_a)->size(), 2);
}

void TestArticleEditing::editDetails()
{
    ArticleDetails d = detailsOf(ArticleRepository(m_store).article(m_a).value());
    QCOMPARE(d.title, u"Board votes to close ferry pier"_s);
    d.title = u"  Harbour board closes   ferry pier "_s;
    d.source = u"Portvale Post"_s;
    d.published = QDate(2024, 3, 19);
    d.byline = u"Ana Ruiz"_s;
    d.url = u"https://example.org/pier"_s;
    const QString hash = ArticleRepository(m_store).article(m_a)->contentHash;
    QVERIFY(setArticleDetails(m_store, m_a, d));
    const Article stored = ArticleRepository(m_store).article(m_a).value();
    QCOMPARE(stored.title, u"Harbour board closes ferry pier"_s);
    QCOMPARE(stored.source, u"Portvale Post"_s);
    QCOMPARE(stored.published, QDate(2024, 3, 19));
    QCOMPARE(stored.byline, u"Ana Ruiz"_s);
    QCOMPARE(stored.url, u"https://example.org/pier"_s);
    QCOMPARE(stored.body, StoryA);
    QCOMPARE(stored.contentHash, hash);
    QCOMPARE(stored.blocks.size(), 1);
    QCOMPARE(ftsHits(m_store, u"harbour closes"_s), 1); // the index follows the new title
    d.published = {};
    QVERIFY(setArticleDetails(m_store, m_a, d));
    QVERIFY(!ArticleRepository(m_store).article(m_a)->published.isValid());
    QCOMPARE(AnnotationRepository(m_store).annotations(m_a)->size(), 2);
}

void TestArticleEditing::editDetailsRefusesBadInput()
{
    const QStringList before = dump(m_store);
    ArticleDetails d = detailsOf(ArticleRepository(m_store).article(m_a).value());
    d.title = u"   "_s;
    QVERIFY(!setArticleDetails(m_store, m_a, d));
    d.title = u"Fine"_s;
    d.url = u"not a web address"_s;
    const Status s = setArticleDetails(m_store, m_a, d);
    QVERIFY(!s);
    QVERIFY(s.errorString().contains(u"not a web address"_s));
    d.url.clear();
    QVERIFY(!setArticleDetails(m_store, 999, d));
    QCOMPARE(dump(m_store), before);
    QVERIFY(m_store.isIdle());
}

void TestArticleEditing::storedDetailsAreNeverRefused()
{
    // An address the importer kept as it found it (here with a space), and no title: the other
    // details can still be edited, and put back.
    QSqlQuery query(m_store.database());
    QVERIFY(query.exec(
        u"UPDATE articles SET url = 'https://example.org/a page', title = '' WHERE id = %1"_s.arg(m_b)));
    query.finish();
    ArticleDetails d = detailsOf(ArticleRepository(m_store).article(m_b).value());
    const ArticleDetails before = d;
    d.source = u"Mountain Herald"_s;
    QVERIFY(setArticleDetails(m_store, m_b, d));
    QCOMPARE(ArticleRepository(m_store).article(m_b)->source, u"Mountain Herald"_s);
    QVERIFY(setArticleDetails(m_store, m_b, before));
    QCOMPARE(detailsOf(ArticleRepository(m_store).article(m_b).value()), before);
}

QTEST_GUILESS_MAIN(TestArticleEditing)
#include "tst_articleediting.moc"
