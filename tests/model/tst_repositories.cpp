// SPDX-License-Identifier: GPL-3.0-or-later
// The repositories on their own (ArticleRepository, AnalysisRepository, AnnotationRepository,
// TagRepository, ExportReader), each taking the store: what they write is what they and the others
// read back, offsets stay right whichever article another call read last, and the schema version
// the store writes is the one the migrations define.
#include "store/AnalysisRepository.h"
#include "store/AnnotationRepository.h"
#include "store/ArticleRepository.h"
#include "store/ArticleStore.h"
#include "store/ExportReader.h"
#include "store/Schema.h"
#include "store/TagRepository.h"

#include <QCryptographicHash>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Lede;

namespace {

Article makeArticle(const QString &title, const QString &body)
{
    Article a;
    a.title = title;
    a.source = u"Test Desk"_s;
    a.body = body;
    a.contentHash
        = QString::fromLatin1(QCryptographicHash::hash(body.toUtf8(), QCryptographicHash::Sha256).toHex());
    return a;
}

struct Row
{
    qint64 articleId = 0;
    qint64 annotationId = 0;
    QByteArray kind;
    qint64 start = 0;
    qint64 end = 0;
    QByteArray text;
    QByteArray tags;
};

QList<Row> exportRows(const ArticleStore &store, const ExportQuery &query)
{
    QList<Row> rows;
    const Status s = ExportReader(store).forEachExportRow(query, [&](const ExportRow &r) {
        rows.append({ r.articleId, r.annotationId, r.kind.toByteArray(), r.start, r.end, r.text.toByteArray(),
                      r.tags.toByteArray() });
        return true;
    });
    if (!s)
        qWarning() << s.errorString();
    return rows;
}

} // namespace

class TestRepositories final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void schemaVersionIsTheMigrations();
    void articlesAddListSearchRemove();
    void annotationOffsetsDoNotDependOnTheLastArticleRead();
    void removedArticleIsNotServedFromTheCache();
    void analysisRoundTripAndOutdatedArticles();
    void tagRemovalAndRestoreThroughRepositories();
    void exportReaderCountsAndCancels();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ArticleStore> m_store;
};

void TestRepositories::init()
{
    m_store = std::make_unique<ArticleStore>();
    static int n = 0;
    QVERIFY(m_store->open(m_dir.filePath(u"repo%1.sqlite"_s.arg(++n))).ok());
}

void TestRepositories::cleanup()
{
    m_store.reset();
}

void TestRepositories::schemaVersionIsTheMigrations()
{
    QSqlQuery query(m_store->database());
    QVERIFY(query.exec(u"PRAGMA user_version"_s) && query.next());
    QCOMPARE(query.value(0).toInt(), Schema::CurrentVersion);
    QCOMPARE(ArticleStore::SchemaVersion, Schema::CurrentVersion);
    query.finish();
    QVERIFY(query.exec(u"PRAGMA application_id"_s) && query.next());
    QCOMPARE(query.value(0).toInt(), Schema::ApplicationId);
}

void TestRepositories::articlesAddListSearchRemove()
{
    ArticleRepository articles(*m_store);
    bool present = true;
    auto first = articles.addArticle(
        makeArticle(u"Harbour bridge reopens"_s, u"The U.S. firm said the bridge reopens."_s), {}, 3,
        &present);
    QVERIFY2(first.ok(), qPrintable(first.errorString()));
    QVERIFY(!present);
    auto second = articles.addArticle(
        makeArticle(u"Council vote"_s, u"The council voted \"yes\" on Tuesday."_s), {}, 3);
    QVERIFY(second.ok());
    // The same text again: recognised, nothing written.
    auto again = articles.addArticle(
        makeArticle(u"Other title"_s, u"The U.S. firm said the bridge reopens."_s), {}, 3, &present);
    QVERIFY(again.ok());
    QVERIFY(present);
    QCOMPARE(*again, *first);
    QCOMPARE(*articles.articleCount(), 2);
    QVERIFY(m_store->isIdle());

    // FTS syntax in the words is read as text.
    ArticleQuery query;
    query.search = u"U.S. bridge"_s;
    auto found = articles.articles(query);
    QVERIFY(found.ok());
    QCOMPARE(found->size(), 1);
    QCOMPARE(found->first().id, *first);
    query.search = u"\"yes"_s;
    QCOMPARE(*articles.articleCount(query), 1);
    QCOMPARE(ArticleRepository::ftsMatchQuery(u"a \"b"_s), u"\"a\"* \"\"\"b\"*"_s);

    auto read = articles.article(*second);
    QVERIFY(read.ok());
    QCOMPARE(read->title, u"Council vote"_s);
    QCOMPARE(read->analyzerVersion, 3);

    QVERIFY(articles.removeArticle(*second).ok());
    QCOMPARE(*articles.articleCount(), 1);
    const Status missing = articles.removeArticle(*second);
    QVERIFY(!missing.ok());
    QVERIFY(missing.errorString().contains(u"no article"_s));
    QVERIFY(m_store->isIdle());
}

void TestRepositories::annotationOffsetsDoNotDependOnTheLastArticleRead()
{
    // Four characters outside the BMP open article A (8 UTF-16 units, 4 code points); B is ASCII.
    // Were B's annotation converted with A's map, its code point start would be 6, not 10.
    ArticleRepository articles(*m_store);
    AnnotationRepository annotations(*m_store);
    const QString bodyA = u"\U0001F600\U0001F600\U0001F600\U0001F600 opening words of the first story"_s;
    const QString bodyB = u"Plain text of the second story, all ASCII."_s;
    const qint64 a = *articles.addArticle(makeArticle(u"A"_s, bodyA), {}, 1);
    const qint64 b = *articles.addArticle(makeArticle(u"B"_s, bodyB), {}, 1);

    QVERIFY(articles.article(a).ok()); // A is now the article read last
    Annotation onB;
    onB.articleId = b;
    onB.span = Span { 10, 15 };
    onB.tags = { u"Checked"_s };
    auto idB = annotations.addAnnotation(onB);
    QVERIFY2(idB.ok(), qPrintable(idB.errorString()));

    QVERIFY(articles.article(b).ok()); // now B
    Annotation onA;
    onA.articleId = a;
    onA.span = Span { 9, 16 }; // "opening" after the four pairs and a space
    auto idA = annotations.addAnnotation(onA);
    QVERIFY(idA.ok());

    ExportQuery all;
    const QList<Row> rows = exportRows(*m_store, all);
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows[0].articleId, a);
    QCOMPARE(rows[0].start, 5); // code points
    QCOMPARE(rows[0].end, 12);
    QCOMPARE(rows[0].text, QByteArray("opening"));
    QCOMPARE(rows[1].articleId, b);
    QCOMPARE(rows[1].start, 10);
    QCOMPARE(rows[1].end, 15);
    QCOMPARE(rows[1].text, bodyB.mid(10, 5).toUtf8());
    QCOMPARE(rows[1].tags, QByteArray("Checked"));

    // An update converts with the annotation's own article, whichever was read last.
    QVERIFY(articles.article(a).ok());
    Annotation moved = *annotations.annotation(*idB);
    QCOMPARE(moved.span, (Span { 10, 15 }));
    moved.span = Span { 0, 5 };
    QVERIFY(annotations.updateAnnotation(moved).ok());
    QCOMPARE(annotations.annotation(*idB)->exact, u"Plain"_s);
    QCOMPARE(exportRows(*m_store, all)[1].start, 0);

    // Spans read back are UTF-16 again.
    auto listA = annotations.annotations(a);
    QVERIFY(listA.ok());
    QCOMPARE(listA->size(), 1);
    QCOMPARE(listA->first().span, (Span { 9, 16 }));
    QCOMPARE(listA->first().exact, u"opening"_s);
    QVERIFY(m_store->isIdle());
}

void TestRepositories::removedArticleIsNotServedFromTheCache()
{
    ArticleRepository articles(*m_store);
    const qint64 id
        = *articles.addArticle(makeArticle(u"Gone"_s, u"A short story that will be removed."_s), {}, 1);
    QVERIFY(AnalysisRepository(*m_store).analysis(id).ok()); // its text is cached now
    QVERIFY(articles.removeArticle(id).ok());
    const auto layers = AnalysisRepository(*m_store).analysis(id);
    QVERIFY(!layers.ok());
    QVERIFY(layers.errorString().contains(u"no article"_s));
    Annotation note;
    note.articleId = id;
    note.span = Span { 0, 1 };
    const auto added = AnnotationRepository(*m_store).addAnnotation(note);
    QVERIFY(!added.ok());
    QVERIFY(added.errorString().contains(u"no article"_s));
}

void TestRepositories::analysisRoundTripAndOutdatedArticles()
{
    const QString body = u"\U0001F4F0 “We will rebuild,” said Mayor Ana Ruiz."_s;
    AnalysisResult layers;
    const qsizetype open = body.indexOf(u'“');
    const qsizetype close = body.indexOf(u'”') + 1;
    const qsizetype name = body.indexOf(u"Ana Ruiz"_s);
    Quote q;
    q.span = Span { open, close };
    q.text = body.mid(open, close - open);
    q.speaker = u"Ana Ruiz"_s;
    q.speakerSpan = Span { name, name + 8 };
    q.cue = u"said"_s;
    layers.quotes.append(q);
    Entity e;
    e.span = Span { name, name + 8 };
    e.text = u"Ana Ruiz"_s;
    e.type = Entity::Type::Person;
    layers.entities.append(e);

    const qint64 oldOne = *ArticleRepository(*m_store).addArticle(makeArticle(u"Old"_s, body), layers, 2);
    const qint64 current
        = *ArticleRepository(*m_store).addArticle(makeArticle(u"New"_s, u"Nothing quoted."_s), {}, 5);

    AnalysisRepository analysis(*m_store);
    auto read = analysis.analysis(oldOne);
    QVERIFY(read.ok());
    QCOMPARE(read->quotes.size(), 1);
    QCOMPARE(read->quotes.first().span, q.span); // UTF-16, through the stored code points
    QCOMPARE(read->quotes.first().text, u"“We will rebuild,”"_s);
    QCOMPARE(*read->quotes.first().speakerSpan, *q.speakerSpan);
    QCOMPARE(read->entities.first().canonical, u"Ana Ruiz"_s);
    QVERIFY(read->quotes.first().id > 0);

    QCOMPARE(*analysis.articlesWithAnalyzerBelow(5), QList<qint64> { oldOne });
    AnalysisResult fresh;
    fresh.entities.append(e);
    QVERIFY(analysis.replaceAnalysis(oldOne, fresh, 5).ok());
    QCOMPARE(*analysis.articlesWithAnalyzerBelow(5), QList<qint64> {});
    QCOMPARE(analysis.analysis(oldOne)->quotes.size(), 0);
    QCOMPARE(analysis.analysis(oldOne)->entities.size(), 1);
    QCOMPARE(ArticleRepository(*m_store).article(oldOne)->analyzerVersion, 5);
    QVERIFY(!analysis.replaceAnalysis(current + 100, fresh, 5).ok());
    QVERIFY(m_store->isIdle());
}

void TestRepositories::tagRemovalAndRestoreThroughRepositories()
{
    const qint64 article = *ArticleRepository(*m_store).addArticle(
        makeArticle(u"Tagged"_s, u"One sentence to tag, and another one to tag too."_s), {}, 1);
    TagRepository tags(*m_store);
    AnnotationRepository annotations(*m_store);
    const qint64 parent = *tags.ensureTag(u"Frames/Conflict"_s);
    QCOMPARE(*tags.ensureTag(u" Frames / Conflict "_s), parent);
    Annotation first;
    first.articleId = article;
    first.span = Span { 0, 12 };
    first.tags = { u"Frames/Conflict/Military"_s };
    const qint64 firstId = *annotations.addAnnotation(first);
    Annotation second;
    second.articleId = article;
    second.span = Span { 21, 32 };
    second.tags = { u"Frames/Conflict"_s, u"Sources"_s };
    const qint64 secondId = *annotations.addAnnotation(second);
    QCOMPARE(tags.tags()->size(), 4); // Frames, Frames/Conflict, Frames/Conflict/Military, Sources

    auto snapshot = tags.removeTag(parent, TagRemoval::DeleteAnnotations);
    QVERIFY2(snapshot.ok(), qPrintable(snapshot.errorString()));
    QCOMPARE(snapshot->tags.size(), 2); // Conflict, then Military
    QCOMPARE(snapshot->deletedAnnotations.size(), 2);
    QCOMPARE(annotations.annotations(article)->size(), 0);
    QCOMPARE(tags.tags()->size(), 2); // Frames, Sources

    QVERIFY(tags.restoreTag(*snapshot).ok());
    auto back = annotations.annotations(article);
    QVERIFY(back.ok());
    QCOMPARE(back->size(), 2);
    QCOMPARE(back->at(0).id, firstId);
    QCOMPARE(back->at(0).tags, QStringList { u"Frames/Conflict/Military"_s });
    QCOMPARE(back->at(1).id, secondId);
    QCOMPARE(back->at(1).tags, (QStringList { u"Frames/Conflict"_s, u"Sources"_s }));
    QCOMPARE(tags.tag(parent)->path, u"Frames/Conflict"_s);
    QVERIFY(!tags.moveTag(parent, *tags.ensureTag(u"Frames/Conflict/Military"_s)).ok()); // a cycle
    QVERIFY(m_store->isIdle());
}

void TestRepositories::exportReaderCountsAndCancels()
{
    const qint64 article = *ArticleRepository(*m_store).addArticle(
        makeArticle(u"Counted"_s, u"Words enough for three highlights in one row."_s), {}, 1);
    AnnotationRepository annotations(*m_store);
    for (qint64 start : { 0, 6, 13 }) {
        Annotation a;
        a.articleId = article;
        a.span = Span { start, start + 5 };
        a.tags = { start == 6 ? u"Kept"_s : u"Other"_s };
        QVERIFY(annotations.addAnnotation(a).ok());
    }
    const ExportReader reader(*m_store);
    ExportQuery all;
    QCOMPARE(*reader.exportRowCount(all), 3);
    ExportQuery byTag;
    byTag.tagId = *TagRepository(*m_store).ensureTag(u"Kept"_s);
    QCOMPARE(*reader.exportRowCount(byTag), 1);
    QCOMPARE(exportRows(*m_store, byTag).first().start, 6);

    int seen = 0;
    const Status cancelled = reader.forEachExportRow(all, [&](const ExportRow &) { return ++seen < 2; });
    QVERIFY(!cancelled.ok());
    QCOMPARE(cancelled.errorString(), u"Cancelled"_s);
    QCOMPARE(seen, 2);
    QVERIFY(m_store->isIdle());
}

QTEST_GUILESS_MAIN(TestRepositories)
#include "tst_repositories.moc"
