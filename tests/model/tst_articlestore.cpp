// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/AnalysisRepository.h"
#include "store/AnnotationRepository.h"
#include "store/ArticleRepository.h"
#include "store/ArticleStore.h"
#include "store/ExportReader.h"
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
    a.source = u"Lede Wire"_s;
    a.published = QDate(2026, 3, 14);
    a.body = body;
    a.contentHash
        = QString::fromLatin1(QCryptographicHash::hash(body.toUtf8(), QCryptographicHash::Sha256).toHex());
    return a;
}

} // namespace

class TestArticleStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void addAndReadArticle();
    void reimportIsRecognised();
    void annotationOffsetsAreCodePoints_data();
    void annotationOffsetsAreCodePoints();
    void annotationAnchorAndTags();
    void invalidRangeWritesNothing();
    void updateAndRemoveAnnotation();
    void tagHierarchy();
    void removeTagAndRestore();
    void moveTagRefusesCycle();
    void search_data();
    void search();
    void tagFilter();
    void analysisRoundTrip();
    void exportRowsInOrder();
    void bulkKeepsEachActionAtomic();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ArticleStore> m_store;
};

void TestArticleStore::init()
{
    m_store = std::make_unique<ArticleStore>();
    static int n = 0;
    QVERIFY(m_store->open(m_dir.filePath(u"lib%1.sqlite"_s.arg(++n))).ok());
}

void TestArticleStore::cleanup()
{
    m_store.reset();
}

void TestArticleStore::addAndReadArticle()
{
    Article a
        = makeArticle(u"Port strike ends"_s, u"By Ada Reyes\nDOCKTOWN (Lede Wire) – The strike ended."_s);
    a.byline = u"Ada Reyes"_s;
    a.dateline = u"DOCKTOWN"_s;
    a.blocks = { { Block::Kind::Byline, { 0, 12 } }, { Block::Kind::Dateline, { 13, 34 } } };
    bool present = true;
    auto id = ArticleRepository(*m_store).addArticle(a, {}, 1, &present);
    QVERIFY2(id.ok(), qPrintable(id.errorString()));
    QVERIFY(!present);
    auto back = ArticleRepository(*m_store).article(*id);
    QVERIFY(back.ok());
    QCOMPARE(back->title, a.title);
    QCOMPARE(back->byline, u"Ada Reyes"_s);
    QCOMPARE(back->dateline, u"DOCKTOWN"_s);
    QCOMPARE(back->published, QDate(2026, 3, 14));
    QCOMPARE(back->body, a.body);
    QCOMPARE(back->blocks, a.blocks);
    QVERIFY(back->importedAt.isValid());
    QVERIFY(!ArticleRepository(*m_store).article(*id + 100).ok());
}

void TestArticleStore::reimportIsRecognised()
{
    const Article a = makeArticle(u"T"_s, u"Same text."_s);
    auto first = ArticleRepository(*m_store).addArticle(a, {}, 1);
    QVERIFY(first.ok());
    bool present = false;
    auto second = ArticleRepository(*m_store).addArticle(a, {}, 1, &present);
    QVERIFY(second.ok());
    QVERIFY(present);
    QCOMPARE(*second, *first);
    QCOMPARE(*ArticleRepository(*m_store).articleCount(), 1);
}

void TestArticleStore::annotationOffsetsAreCodePoints_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("passage");
    QTest::addColumn<qint64>("cpStart");
    QTest::addColumn<qint64>("cpEnd");
    QTest::newRow("ascii") << u"The mayor spoke."_s << u"mayor"_s << qint64(4) << qint64(9);
    QTest::newRow("emoji-before-passage")
        << u"Fans 🎉🎉 cheered the mayor."_s << u"mayor"_s << qint64(20) << qint64(25);
    QTest::newRow("combining-mark") << u"Cafe\u0301 owner Zoë said."_s << u"owner"_s << qint64(6)
                                    << qint64(11);
    QTest::newRow("passage-with-emoji")
        << u"He wrote “🙂 fine” twice."_s << u"“🙂 fine”"_s << qint64(9) << qint64(17);
}

void TestArticleStore::annotationOffsetsAreCodePoints()
{
    QFETCH(QString, body);
    QFETCH(QString, passage);
    QFETCH(qint64, cpStart);
    QFETCH(qint64, cpEnd);
    auto id = ArticleRepository(*m_store).addArticle(makeArticle(u"t"_s, body), {}, 1);
    QVERIFY(id.ok());
    Annotation a;
    a.articleId = *id;
    a.span.start = body.indexOf(passage);
    a.span.end = a.span.start + passage.size();
    auto annId = AnnotationRepository(*m_store).addAnnotation(a);
    QVERIFY2(annId.ok(), qPrintable(annId.errorString()));

    QSqlQuery q(m_store->database());
    QVERIFY(q.exec(u"SELECT start, \"end\", exact FROM annotations"_s));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toLongLong(), cpStart);
    QCOMPARE(q.value(1).toLongLong(), cpEnd);
    QCOMPARE(q.value(2).toString(), passage);

    auto list = AnnotationRepository(*m_store).annotations(*id);
    QVERIFY(list.ok());
    QCOMPARE(list->size(), 1);
    QCOMPARE(body.mid(list->first().span.start, list->first().span.length()), passage);
}

void TestArticleStore::annotationAnchorAndTags()
{
    const QString body
        = u"Officials said the bridge would reopen on Monday after repairs costing 4 million."_s;
    auto id = ArticleRepository(*m_store).addArticle(makeArticle(u"t"_s, body), {}, 1);
    Annotation a;
    a.articleId = *id;
    a.span = { body.indexOf(u"bridge"_s), body.indexOf(u"bridge"_s) + 6 };
    a.tags = { u"Infrastructure/Bridges"_s, u"Claims"_s };
    a.note = u"check the date"_s;
    a.color = u"yellow"_s;
    auto annId = AnnotationRepository(*m_store).addAnnotation(a);
    QVERIFY(annId.ok());
    auto back = AnnotationRepository(*m_store).annotation(*annId);
    QVERIFY(back.ok());
    QCOMPARE(back->exact, u"bridge"_s);
    QCOMPARE(back->prefix, u"Officials said the "_s);
    QCOMPARE(back->suffix, body.mid(a.span.end, 32));
    QCOMPARE(back->tags, (QStringList { u"Claims"_s, u"Infrastructure/Bridges"_s }));
    QCOMPARE(back->note, a.note);
    QCOMPARE(back->color, u"yellow"_s);
    QCOMPARE(back->kind(), u"note"_s);
    QVERIFY(back->createdAt.isValid());
    QCOMPARE(back->createdAt.timeSpec(), Qt::UTC);
}

void TestArticleStore::invalidRangeWritesNothing()
{
    auto id = ArticleRepository(*m_store).addArticle(makeArticle(u"t"_s, u"Short."_s), {}, 1);
    Annotation a;
    a.articleId = *id;
    a.span = { 2, 50 };
    a.tags = { u"NewTag"_s };
    auto r = AnnotationRepository(*m_store).addAnnotation(a);
    QVERIFY(!r.ok());
    QVERIFY(r.errorString().contains(u"outside"_s));
    QCOMPARE(AnnotationRepository(*m_store).annotations(*id)->size(), 0);
    QCOMPARE(TagRepository(*m_store).tags()->size(), 0);

    a.span = { 0, 5 };
    a.tags = { u"Bad//Path"_s };
    QVERIFY(!AnnotationRepository(*m_store).addAnnotation(a).ok());
    QCOMPARE(AnnotationRepository(*m_store).annotations(*id)->size(),
             0); // the tag failed, so the annotation was rolled back
}

void TestArticleStore::updateAndRemoveAnnotation()
{
    const QString body = u"One two three four."_s;
    auto id = ArticleRepository(*m_store).addArticle(makeArticle(u"t"_s, body), {}, 1);
    Annotation a;
    a.articleId = *id;
    a.span = { 0, 3 };
    a.tags = { u"A"_s };
    auto annId = AnnotationRepository(*m_store).addAnnotation(a);
    Annotation b = *AnnotationRepository(*m_store).annotation(*annId);
    b.span = { 4, 13 };
    b.tags = { u"B"_s };
    b.note = u"n"_s;
    QVERIFY(AnnotationRepository(*m_store).updateAnnotation(b).ok());
    auto back = *AnnotationRepository(*m_store).annotation(*annId);
    QCOMPARE(back.exact, u"two three"_s);
    QCOMPARE(back.tags, QStringList { u"B"_s });
    QVERIFY(AnnotationRepository(*m_store).removeAnnotation(*annId).ok());
    QVERIFY(!AnnotationRepository(*m_store).annotation(*annId).ok());
    QVERIFY(AnnotationRepository(*m_store).restoreAnnotation(back).ok());
    QCOMPARE(AnnotationRepository(*m_store).annotation(*annId)->exact, u"two three"_s);
}

void TestArticleStore::tagHierarchy()
{
    auto child = TagRepository(*m_store).ensureTag(u" Sources / Official "_s);
    QVERIFY(child.ok());
    QCOMPARE(*TagRepository(*m_store).ensureTag(u"Sources/Official"_s), *child);
    auto tags = *TagRepository(*m_store).tags();
    QCOMPARE(tags.size(), 2);
    QCOMPARE(tags[0].path, u"Sources"_s);
    QCOMPARE(tags[1].path, u"Sources/Official"_s);
    QCOMPARE(tags[1].parentId, tags[0].id);
    QVERIFY(TagRepository(*m_store).renameTag(tags[0].id, u"Voices"_s).ok());
    QCOMPARE(TagRepository(*m_store).tag(*child)->path, u"Voices/Official"_s);
    QVERIFY(!TagRepository(*m_store).renameTag(tags[0].id, u"a/b"_s).ok());
    QVERIFY(!TagRepository(*m_store).ensureTag(u"/"_s).ok());
}

void TestArticleStore::removeTagAndRestore()
{
    const QString body = u"Alpha beta gamma."_s;
    auto id = ArticleRepository(*m_store).addArticle(makeArticle(u"t"_s, body), {}, 1);
    Annotation a;
    a.articleId = *id;
    a.span = { 0, 5 };
    a.tags = { u"Topic/Sub"_s, u"Other"_s };
    auto annId = *AnnotationRepository(*m_store).addAnnotation(a);
    const qint64 topic = *TagRepository(*m_store).ensureTag(u"Topic"_s);

    auto snap = TagRepository(*m_store).removeTag(topic, TagRemoval::UntagAnnotations);
    QVERIFY(snap.ok());
    QCOMPARE(snap->tags.size(), 2);
    QCOMPARE(AnnotationRepository(*m_store).annotation(annId)->tags, QStringList { u"Other"_s });
    QVERIFY(TagRepository(*m_store).restoreTag(*snap).ok());
    QCOMPARE(AnnotationRepository(*m_store).annotation(annId)->tags,
             (QStringList { u"Other"_s, u"Topic/Sub"_s }));

    auto snap2 = TagRepository(*m_store).removeTag(topic, TagRemoval::DeleteAnnotations);
    QVERIFY(snap2.ok());
    QVERIFY(!AnnotationRepository(*m_store).annotation(annId).ok());
    QVERIFY(TagRepository(*m_store).restoreTag(*snap2).ok());
    QCOMPARE(AnnotationRepository(*m_store).annotation(annId)->tags,
             (QStringList { u"Other"_s, u"Topic/Sub"_s }));
}

void TestArticleStore::moveTagRefusesCycle()
{
    const qint64 sub = *TagRepository(*m_store).ensureTag(u"A/B/C"_s);
    const qint64 a = *TagRepository(*m_store).ensureTag(u"A"_s);
    QVERIFY(!TagRepository(*m_store).moveTag(a, sub).ok());
    QVERIFY(TagRepository(*m_store).moveTag(sub, 0).ok());
    QCOMPARE(TagRepository(*m_store).tag(sub)->path, u"C"_s);
}

void TestArticleStore::search_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("hits");
    QTest::newRow("word-in-body") << u"harbour"_s << 1;
    QTest::newRow("prefix") << u"harb"_s << 1;
    QTest::newRow("two-words-and") << u"harbour council"_s << 1;
    QTest::newRow("word-in-title") << u"drought"_s << 1;
    QTest::newRow("diacritics-folded") << u"zurich"_s << 1;
    QTest::newRow("fts-syntax-is-literal") << u"\"AND ( OR"_s << 0;
    QTest::newRow("abbreviation-with-dots") << u"U.N."_s << 1;
    QTest::newRow("empty-lists-all") << QString() << 3;
}

void TestArticleStore::search()
{
    QFETCH(QString, query);
    QFETCH(int, hits);
    QVERIFY(
        ArticleRepository(*m_store)
            .addArticle(makeArticle(u"Harbour plan"_s, u"The council approved the harbour plan."_s), {}, 1)
            .ok());
    QVERIFY(ArticleRepository(*m_store)
                .addArticle(makeArticle(u"Drought deepens"_s, u"Farmers near Zürich wait for rain."_s), {}, 1)
                .ok());
    QVERIFY(ArticleRepository(*m_store)
                .addArticle(makeArticle(u"Vote"_s, u"The U.N. assembly voted."_s), {}, 1)
                .ok());
    ArticleQuery q;
    q.search = query;
    auto list = ArticleRepository(*m_store).articles(q);
    QVERIFY2(list.ok(), qPrintable(list.errorString()));
    QCOMPARE(list->size(), hits);
    QCOMPARE(*ArticleRepository(*m_store).articleCount(q), hits);
}

void TestArticleStore::tagFilter()
{
    auto one
        = *ArticleRepository(*m_store).addArticle(makeArticle(u"one"_s, u"First article text."_s), {}, 1);
    auto two
        = *ArticleRepository(*m_store).addArticle(makeArticle(u"two"_s, u"Second article text."_s), {}, 1);
    Annotation a;
    a.articleId = two;
    a.span = { 0, 6 };
    a.tags = { u"Claims/Numbers"_s };
    QVERIFY(AnnotationRepository(*m_store).addAnnotation(a).ok());
    ArticleQuery q;
    q.tagId
        = *TagRepository(*m_store).ensureTag(u"Claims"_s); // the parent matches its children's annotations
    auto list = *ArticleRepository(*m_store).articles(q);
    QCOMPARE(list.size(), 1);
    QCOMPARE(list[0].id, two);
    QCOMPARE(list[0].annotationCount, 1);
    Q_UNUSED(one);
}

void TestArticleStore::analysisRoundTrip()
{
    const QString body = u"😀 “We will win,” said Ana Ruiz."_s;
    AnalysisResult in;
    Quote q;
    q.span = { 3, 19 };
    q.text = body.mid(3, 16);
    q.speaker = u"Ana Ruiz"_s;
    q.speakerSpan = Span { 25, 33 };
    q.cue = u"said"_s;
    in.quotes.append(q);
    Entity e;
    e.span = { 25, 33 };
    e.text = u"Ana Ruiz"_s;
    e.type = Entity::Type::Person;
    e.canonical = u"Ana Ruiz"_s;
    in.entities.append(e);
    auto id = ArticleRepository(*m_store).addArticle(makeArticle(u"t"_s, body), in, 7);
    QVERIFY(id.ok());
    QSqlQuery sql(m_store->database());
    QVERIFY(sql.exec(u"SELECT start, speaker_start FROM quotes"_s) && sql.next());
    QCOMPARE(sql.value(0).toInt(), 2); // the emoji is one code point but two UTF-16 units
    QCOMPARE(sql.value(1).toInt(), 24);
    auto out = AnalysisRepository(*m_store).analysis(*id);
    QVERIFY(out.ok());
    QCOMPARE(out->quotes.size(), 1);
    QCOMPARE(out->quotes[0].span, q.span);
    QCOMPARE(*out->quotes[0].speakerSpan, *q.speakerSpan);
    QCOMPARE(out->quotes[0].speaker, q.speaker);
    QCOMPARE(out->entities.size(), 1);
    QCOMPARE(out->entities[0].type, Entity::Type::Person);
    QCOMPARE(*AnalysisRepository(*m_store).articlesWithAnalyzerBelow(8), QList<qint64> { *id });
    QVERIFY(AnalysisRepository(*m_store).replaceAnalysis(*id, {}, 8).ok());
    QCOMPARE(AnalysisRepository(*m_store).analysis(*id)->quotes.size(), 0);
    QVERIFY(AnalysisRepository(*m_store).articlesWithAnalyzerBelow(8)->isEmpty());
}

void TestArticleStore::exportRowsInOrder()
{
    const QString body = u"Alpha beta gamma delta."_s;
    AnalysisResult in;
    Entity e;
    e.span = { 6, 10 };
    e.text = u"beta"_s;
    e.type = Entity::Type::Org;
    in.entities.append(e);
    auto id = *ArticleRepository(*m_store).addArticle(makeArticle(u"t"_s, body), in, 1);
    for (auto span : { Span { 11, 16 }, Span { 0, 5 } }) {
        Annotation a;
        a.articleId = id;
        a.span = span;
        a.tags = { u"T"_s };
        QVERIFY(AnnotationRepository(*m_store).addAnnotation(a).ok());
    }
    ExportQuery q;
    QStringList seen;
    QVERIFY(ExportReader(*m_store)
                .forEachExportRow(q,
                                  [&](const ExportRow &r) {
                                      seen.append(QString::fromUtf8(r.kind + ':' + r.text + ':' + r.tags));
                                      return true;
                                  })
                .ok());
    QCOMPARE(seen, (QStringList { u"highlight:Alpha:T"_s, u"highlight:gamma:T"_s }));
    QCOMPARE(*ExportReader(*m_store).exportRowCount(q), 2);
    q.includeEntities = true;
    seen.clear();
    QVERIFY(ExportReader(*m_store)
                .forEachExportRow(q,
                                  [&](const ExportRow &r) {
                                      seen.append(
                                          QString::fromUtf8(r.kind + ':' + r.text + ':' + r.entityType));
                                      return true;
                                  })
                .ok());
    QCOMPARE(seen, (QStringList { u"highlight:Alpha:"_s, u"entity:beta:ORG"_s, u"highlight:gamma:"_s }));
    int calls = 0;
    auto cancelled
        = ExportReader(*m_store).forEachExportRow(q, [&](const ExportRow &) { return ++calls < 1; });
    QVERIFY(!cancelled.ok());
    QCOMPARE(calls, 1);
}

void TestArticleStore::bulkKeepsEachActionAtomic()
{
    // A batch journals its actions' savepoints in memory (PRAGMA temp_store = 2), and only a batch.
    const auto tempStore = [this] {
        QSqlQuery q(m_store->database());
        return q.exec(u"PRAGMA temp_store"_s) && q.next() ? q.value(0).toInt() : -1;
    };
    QCOMPARE(tempStore(), 0);
    QVERIFY(m_store->beginBulk().ok());
    QCOMPARE(tempStore(), 2);
    QVERIFY(!m_store->beginBulk().ok()); // no nesting
    auto a = ArticleRepository(*m_store).addArticle(makeArticle(u"a"_s, u"First body."_s), {}, 1);
    QVERIFY(a.ok());
    Annotation bad;
    bad.articleId = *a;
    bad.span = { 0, 5 };
    bad.tags = { u"Good"_s, u"Bad//Tag"_s }; // the second tag fails after the annotation row was written
    QVERIFY(!AnnotationRepository(*m_store).addAnnotation(bad).ok());
    bool present = false;
    auto again
        = ArticleRepository(*m_store).addArticle(makeArticle(u"a"_s, u"First body."_s), {}, 1, &present);
    QVERIFY(again.ok() && present);
    QCOMPARE(*again, *a);
    QVERIFY(ArticleRepository(*m_store).addArticle(makeArticle(u"b"_s, u"Second body."_s), {}, 1).ok());
    QVERIFY(m_store->commitBulk().ok());
    QVERIFY(!m_store->inBulk());
    QCOMPARE(tempStore(), 0);
    QCOMPARE(*ArticleRepository(*m_store).articleCount(), 2);
    QCOMPARE(AnnotationRepository(*m_store).annotations(*a)->size(),
             0); // the failed action left nothing behind
    QCOMPARE(TagRepository(*m_store).tags()->size(), 0);
    QVERIFY(m_store->beginBulk().ok());
    QVERIFY(ArticleRepository(*m_store).addArticle(makeArticle(u"d"_s, u"Dropped body."_s), {}, 1).ok());
    m_store->rollbackBulk();
    QCOMPARE(tempStore(), 0);
    QCOMPARE(*ArticleRepository(*m_store).articleCount(), 2);

    // Closing with a batch open keeps the finished actions.
    const QString path = m_store->path();
    QVERIFY(m_store->beginBulk().ok());
    QVERIFY(ArticleRepository(*m_store).addArticle(makeArticle(u"c"_s, u"Third body."_s), {}, 1).ok());
    m_store->close();
    QVERIFY(m_store->open(path).ok());
    QCOMPARE(*ArticleRepository(*m_store).articleCount(), 3);
}

QTEST_GUILESS_MAIN(TestArticleStore)
#include "tst_articlestore.moc"
