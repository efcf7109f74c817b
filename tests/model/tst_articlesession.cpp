// SPDX-License-Identifier: GPL-3.0-or-later
// ArticleSession: every mutator changes the library at once, and undo/redo replay it exactly.
#include "analysis/Analyzer.h"
#include "session/ArticleSession.h"
#include "store/AnalysisRepository.h"
#include "store/AnnotationRepository.h"
#include "store/ArticleRepository.h"
#include "store/ArticleStore.h"
#include "store/TagRepository.h"

#include <QCryptographicHash>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoGroup>
#include <algorithm>
#include <functional>

using namespace Lede;
using namespace Qt::StringLiterals;

namespace {

// Written for this test in wire style; the emoji puts code points and UTF-16 apart.
const QString Body
    = u"HARBOURTON (Test Wire) – The port authority said on Friday 🚢 that it would close the old "
      u"dock by March.\n“We have no other choice,” said Ana Ruiz, the authority’s director.\n"
      u"Unions said 300 jobs were at risk."_s;

Article makeArticle()
{
    Article a;
    a.title = u"Port to close old dock"_s;
    a.source = u"Test Wire"_s;
    a.body = Body;
    a.contentHash
        = QString::fromLatin1(QCryptographicHash::hash(Body.toUtf8(), QCryptographicHash::Sha256).toHex());
    return a;
}

AnalysisResult makeAnalysis()
{
    AnalysisResult r;
    Quote q;
    const qsizetype qs = Body.indexOf(u"“We"_s);
    const qsizetype qe = Body.indexOf(u"”"_s, qs) + 1;
    q.span = { qs, qe };
    q.text = Body.mid(qs, qe - qs);
    q.speaker = u"Ana Ruiz"_s;
    r.quotes << q;
    Entity e;
    e.span = { Body.indexOf(u"Ana Ruiz"_s), Body.indexOf(u"Ana Ruiz"_s) + 8 };
    e.text = u"Ana Ruiz"_s;
    e.type = Entity::Type::Person;
    e.canonical = u"Ana Ruiz"_s;
    r.entities << e;
    return r;
}

Span spanOf(const QString &text)
{
    const qsizetype s = Body.indexOf(text);
    return { s, s + text.size() };
}

// What the library holds for the article, without the times that change on every write.
QString snapshot(ArticleStore &store, qint64 articleId)
{
    QStringList lines;
    const auto annotations = AnnotationRepository(store).annotations(articleId);
    if (!annotations)
        return u"error: "_s + annotations.errorString();
    for (const Annotation &a : annotations.value()) {
        QStringList tags = a.tags;
        tags.sort();
        lines << u"A%1 %2-%3 [%4] color=%5 note=%6 tags=%7"_s.arg(a.id)
                     .arg(a.span.start)
                     .arg(a.span.end)
                     .arg(a.exact, a.color, a.note, tags.join(u','));
    }
    const auto tags = TagRepository(store).tags();
    for (const Tag &t : tags.value())
        lines << u"T%1 parent=%2 path=%3 color=%4 uses=%5"_s.arg(t.id)
                     .arg(t.parentId)
                     .arg(t.path, t.color)
                     .arg(t.useCount);
    lines.sort();
    return lines.join(u'\n');
}

QString sessionSnapshot(const ArticleSession &session)
{
    QStringList lines;
    for (const Annotation &a : session.annotations()) {
        QStringList tags = a.tags;
        tags.sort();
        lines << u"A%1 %2-%3 note=%4 color=%5 tags=%6"_s.arg(a.id)
                     .arg(a.span.start)
                     .arg(a.span.end)
                     .arg(a.note, a.color, tags.join(u','));
    }
    return lines.join(u'\n');
}

QString storeAnnotationsAsSession(ArticleStore &store, qint64 articleId)
{
    QStringList lines;
    auto annotations = AnnotationRepository(store).annotations(articleId).value();
    std::sort(annotations.begin(), annotations.end(), [](const Annotation &a, const Annotation &b) {
        return a.span.start < b.span.start || (a.span.start == b.span.start && a.id < b.id);
    });
    for (const Annotation &a : annotations) {
        QStringList tags = a.tags;
        tags.sort();
        lines << u"A%1 %2-%3 note=%4 color=%5 tags=%6"_s.arg(a.id)
                     .arg(a.span.start)
                     .arg(a.span.end)
                     .arg(a.note, a.color, tags.join(u','));
    }
    return lines.join(u'\n');
}

using Operation = std::function<Status(ArticleSession &, ArticleStore &, qint64 firstAnnotation)>;

} // namespace

Q_DECLARE_METATYPE(Operation)

class TestArticleSession final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();

    void undoRedoEveryOperation_data();
    void undoRedoEveryOperation();
    void noteTypingIsOneUndoStepPerBurst();
    void failedChangePushesNothing_data();
    void failedChangePushesNothing();
    void openLoadsLayersAndAnnotations();
    void openShowsStoredLayersUntilTodaysArrive();
    void reanalysisKeepsACorrectionMadeMeanwhile();
    void reanalysisOfALeftArticleIsDropped();
    void historySurvivesSwitchingArticles();
    void codebookHasItsOwnHistory();
    void undoFollowsTheMostRecentStep();
    void oldHistoriesAreDropped();

private:
    qint64 addOtherArticle(int n);
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ArticleStore> m_store;
    qint64 m_articleId = 0;
    qint64 m_firstAnnotation = 0;
};

void TestArticleSession::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = std::make_unique<ArticleStore>();
    QVERIFY(m_store->open(m_dir->filePath(u"library.sqlite"_s)).ok());
    auto id = ArticleRepository(*m_store).addArticle(makeArticle(), makeAnalysis(), Analyzer::Version);
    QVERIFY2(id.ok(), qPrintable(id.errorString()));
    m_articleId = id.value();
    // An existing tagged highlight for the operations that change one.
    Annotation a;
    a.articleId = m_articleId;
    a.span = spanOf(u"close the old dock"_s);
    a.tags = { u"Economy/Jobs"_s };
    auto first = AnnotationRepository(*m_store).addAnnotation(a);
    QVERIFY2(first.ok(), qPrintable(first.errorString()));
    m_firstAnnotation = first.value();
}

void TestArticleSession::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void TestArticleSession::undoRedoEveryOperation_data()
{
    QTest::addColumn<Operation>("operation");
    QTest::newRow("add-highlight-after-emoji") << Operation([](ArticleSession &s, ArticleStore &, qint64) {
        return Status::from(s.addHighlight(spanOf(u"300 jobs"_s), { u"Economy/Jobs"_s }, u"#7bd389"_s));
    });
    QTest::newRow("add-highlight-creates-new-hierarchical-tag")
        << Operation([](ArticleSession &s, ArticleStore &, qint64) {
               return Status::from(s.addHighlight(spanOf(u"Ana Ruiz"_s), { u"Sources/Officials/Port"_s }));
           });
    QTest::newRow("set-note") << Operation([](ArticleSession &s, ArticleStore &, qint64 id) {
        return s.setNote(id, u"Check the date 📅 with the authority"_s);
    });
    QTest::newRow("set-tags-replaces-tags") << Operation([](ArticleSession &s, ArticleStore &, qint64 id) {
        return s.setTags(id, { u"Framing/Inevitability"_s, u"Economy"_s });
    });
    QTest::newRow("set-color") << Operation(
        [](ArticleSession &s, ArticleStore &, qint64 id) { return s.setColor(id, u"#f7a1c4"_s); });
    QTest::newRow("set-range-across-emoji") << Operation([](ArticleSession &s, ArticleStore &, qint64 id) {
        return s.setRange(id, spanOf(u"Friday 🚢 that it would close"_s));
    });
    QTest::newRow("remove-highlight")
        << Operation([](ArticleSession &s, ArticleStore &, qint64 id) { return s.remove(id); });
    QTest::newRow("rename-tag") << Operation([](ArticleSession &s, ArticleStore &st, qint64) {
        return s.renameTag(TagRepository(st).ensureTag(u"Economy/Jobs"_s).value(), u"Employment"_s);
    });
    QTest::newRow("recolor-tag") << Operation([](ArticleSession &s, ArticleStore &st, qint64) {
        return s.setTagColor(TagRepository(st).ensureTag(u"Economy/Jobs"_s).value(), u"#7cc4fa"_s);
    });
    QTest::newRow("move-tag-to-top-level") << Operation([](ArticleSession &s, ArticleStore &st, qint64) {
        return s.moveTag(TagRepository(st).ensureTag(u"Economy/Jobs"_s).value(), 0);
    });
    QTest::newRow("remove-tag-keeping-highlights") << Operation([](ArticleSession &s, ArticleStore &st,
                                                                   qint64) {
        return s.removeTag(TagRepository(st).ensureTag(u"Economy"_s).value(), TagRemoval::UntagAnnotations);
    });
    QTest::newRow("remove-tag-with-its-highlights") << Operation([](ArticleSession &s, ArticleStore &st,
                                                                    qint64) {
        return s.removeTag(TagRepository(st).ensureTag(u"Economy"_s).value(), TagRemoval::DeleteAnnotations);
    });
}

void TestArticleSession::undoRedoEveryOperation()
{
    QFETCH(Operation, operation);
    ArticleSession session(m_store.get());
    QVERIFY(session.open(m_articleId).ok());
    QSignalSpy changed(&session, &ArticleSession::annotationsChanged);
    const QString before = snapshot(*m_store, m_articleId);

    const Status s = operation(session, *m_store, m_firstAnnotation);
    QVERIFY2(s.ok(), qPrintable(s.errorString()));
    const QString after = snapshot(*m_store, m_articleId);
    QVERIFY2(after != before, qPrintable(after));
    QCOMPARE(session.undoStack()->count() + session.codebookStack()->count(), 1);
    QVERIFY(changed.count() >= 1);
    QCOMPARE(sessionSnapshot(session), storeAnnotationsAsSession(*m_store, m_articleId));

    session.undo();
    QCOMPARE(snapshot(*m_store, m_articleId), before);
    QCOMPARE(sessionSnapshot(session), storeAnnotationsAsSession(*m_store, m_articleId));

    session.redo();
    QCOMPARE(snapshot(*m_store, m_articleId), after);
    QCOMPARE(sessionSnapshot(session), storeAnnotationsAsSession(*m_store, m_articleId));

    // And once more, to be sure undo works after a redo (ids restored, not re-created).
    session.undo();
    QCOMPARE(snapshot(*m_store, m_articleId), before);
}

void TestArticleSession::noteTypingIsOneUndoStepPerBurst()
{
    ArticleSession session(m_store.get());
    QVERIFY(session.open(m_articleId).ok());
    QVERIFY(session.setNote(m_firstAnnotation, u"C"_s).ok());
    QVERIFY(session.setNote(m_firstAnnotation, u"Ch"_s).ok());
    QVERIFY(session.setNote(m_firstAnnotation, u"Check"_s).ok());
    QCOMPARE(session.undoStack()->count(), 1);
    QCOMPARE(AnnotationRepository(*m_store).annotation(m_firstAnnotation)->note, u"Check"_s);
    session.endNoteBurst();
    QVERIFY(session.setNote(m_firstAnnotation, u"Check this"_s).ok());
    QCOMPARE(session.undoStack()->count(), 2);
    session.undoStack()->undo();
    QCOMPARE(AnnotationRepository(*m_store).annotation(m_firstAnnotation)->note, u"Check"_s);
    session.undoStack()->undo();
    QCOMPARE(AnnotationRepository(*m_store).annotation(m_firstAnnotation)->note, QString());
}

void TestArticleSession::failedChangePushesNothing_data()
{
    QTest::addColumn<Operation>("operation");
    QTest::newRow("range-past-end-of-body") << Operation([](ArticleSession &s, ArticleStore &, qint64 id) {
        return s.setRange(id, Span { 10, Body.size() + 5 });
    });
    QTest::newRow("empty-highlight") << Operation([](ArticleSession &s, ArticleStore &, qint64) {
        return Status::from(s.addHighlight(Span { 5, 5 }));
    });
    QTest::newRow("note-on-missing-highlight") << Operation(
        [](ArticleSession &s, ArticleStore &, qint64 id) { return s.setNote(id + 1000, u"x"_s); });
    QTest::newRow("rename-tag-with-slash") << Operation([](ArticleSession &s, ArticleStore &st, qint64) {
        return s.renameTag(TagRepository(st).ensureTag(u"Economy"_s).value(), u"A/B"_s);
    });
}

void TestArticleSession::failedChangePushesNothing()
{
    QFETCH(Operation, operation);
    ArticleSession session(m_store.get());
    QVERIFY(session.open(m_articleId).ok());
    const QString before = snapshot(*m_store, m_articleId);
    const Status s = operation(session, *m_store, m_firstAnnotation);
    QVERIFY(!s.ok());
    QVERIFY(!s.errorString().isEmpty());
    QCOMPARE(session.undoStack()->count(), 0);
    QCOMPARE(session.codebookStack()->count(), 0);
    QCOMPARE(snapshot(*m_store, m_articleId), before);
}

void TestArticleSession::openLoadsLayersAndAnnotations()
{
    ArticleSession session(m_store.get());
    QVERIFY(!session.open(m_articleId + 99).ok());
    QVERIFY(!session.isOpen());
    QVERIFY(session.open(m_articleId).ok());
    QCOMPARE(session.article().body, Body);
    QCOMPARE(session.analysis().quotes.size(), 1);
    QCOMPARE(session.analysis().quotes.first().speaker, u"Ana Ruiz"_s);
    QCOMPARE(session.annotations().size(), 1);
    QCOMPARE(session.annotations().first().span, spanOf(u"close the old dock"_s));
}

namespace {

Article outdatedArticle()
{
    Article old = makeArticle();
    old.body += u"\nMayor Lena Berg said the plan was fair."_s;
    old.contentHash = u"older-version"_s;
    return old;
}

bool hasEntityNamed(const AnalysisResult &analysis, const QString &canonical)
{
    return std::any_of(analysis.entities.cbegin(), analysis.entities.cend(),
                       [&](const Entity &e) { return e.canonical == canonical; });
}

} // namespace

void TestArticleSession::openShowsStoredLayersUntilTodaysArrive()
{
    // An article stored by an older analyzer: its stored layers (here one entity today's analyzer
    // never finds) are shown at once; today's are made off the GUI thread, then shown and kept.
    const Article old = outdatedArticle();
    AnalysisResult stored;
    Entity e;
    e.span = { 0, 11 };
    e.text = old.body.left(11);
    e.type = Entity::Type::Loc;
    e.canonical = u"Stored layer"_s;
    stored.entities << e;
    auto id = ArticleRepository(*m_store).addArticle(old, stored, Analyzer::Version - 1);
    QVERIFY(id.ok());
    ArticleSession session(m_store.get());
    QSignalSpy changed(&session, &ArticleSession::analysisChanged);
    QVERIFY(session.open(*id).ok());
    QCOMPARE(session.analysis().entities.size(), 1);
    QCOMPARE(session.analysis().entities.first().canonical, u"Stored layer"_s);
    QVERIFY(session.analysis().quotes.isEmpty());
    QVERIFY(session.isReanalysing());
    QCOMPARE(ArticleRepository(*m_store).article(*id)->analyzerVersion, Analyzer::Version - 1);

    QTRY_COMPARE(changed.count(), 1);
    QCOMPARE(changed.first().first().toLongLong(), *id);
    QVERIFY(!session.isReanalysing());
    QVERIFY(!hasEntityNamed(session.analysis(), u"Stored layer"_s));
    QVERIFY(!session.analysis().quotes.isEmpty());
    QCOMPARE(session.analysis().entities.size(), Analyzer::analyze(old).entities.size());
    QVERIFY(AnalysisRepository(*m_store).articlesWithAnalyzerBelow(Analyzer::Version)->isEmpty());
    QCOMPARE(AnalysisRepository(*m_store).analysis(*id)->entities.size(), session.analysis().entities.size());
    QCOMPARE(ArticleRepository(*m_store).article(*id)->analyzerVersion, Analyzer::Version);
}

void TestArticleSession::reanalysisKeepsACorrectionMadeMeanwhile()
{
    // The user removes an entity from the stored layers before today's arrive: the fresh layers are
    // stored with that correction applied again, in memory and in the library.
    const Article old = outdatedArticle();
    auto id = ArticleRepository(*m_store).addArticle(old, Analyzer::analyze(old), 0);
    QVERIFY(id.ok());
    ArticleSession session(m_store.get());
    QSignalSpy changed(&session, &ArticleSession::analysisChanged);
    QVERIFY(session.open(*id).ok());
    QVERIFY(session.isReanalysing());
    int berg = -1;
    for (int i = 0; i < session.analysis().entities.size(); ++i) {
        if (session.analysis().entities.at(i).canonical.contains(u"Berg"_s))
            berg = i;
    }
    QVERIFY(berg >= 0);
    const QString name = session.analysis().entities.at(berg).canonical;
    QVERIFY(session.removeEntities({ berg }).ok());
    QVERIFY(!hasEntityNamed(session.analysis(), name));
    const int afterCorrection = int(changed.count());

    QTRY_VERIFY(!session.isReanalysing());
    QCOMPARE(changed.count(), afterCorrection + 1);
    QVERIFY(!hasEntityNamed(session.analysis(), name));
    QVERIFY(!hasEntityNamed(AnalysisRepository(*m_store).analysis(*id).value(), name));
    QVERIFY(hasEntityNamed(Analyzer::analyze(old), name));
    QCOMPARE(ArticleRepository(*m_store).article(*id)->analyzerVersion, Analyzer::Version);
}

void TestArticleSession::reanalysisOfALeftArticleIsDropped()
{
    // The user opens another article before the outdated one's analysis arrives: the result is
    // dropped (nothing shown, nothing stored); opening the article again analyses it again.
    const qint64 other = addOtherArticle(1);
    QVERIFY(other);
    auto id = ArticleRepository(*m_store).addArticle(outdatedArticle(), {}, 0);
    QVERIFY(id.ok());
    ArticleSession session(m_store.get());
    QSignalSpy changed(&session, &ArticleSession::analysisChanged);
    QVERIFY(session.open(*id).ok());
    QVERIFY(session.isReanalysing());
    QVERIFY(session.open(other).ok());
    QTRY_VERIFY(!session.isReanalysing());
    QCOMPARE(changed.count(), 0);
    QCOMPARE(session.articleId(), other);
    QCOMPARE(AnalysisRepository(*m_store).articlesWithAnalyzerBelow(Analyzer::Version).value(),
             QList<qint64> { *id });
    QVERIFY(AnalysisRepository(*m_store).analysis(*id)->entities.isEmpty());

    QVERIFY(session.open(*id).ok());
    QTRY_COMPARE(changed.count(), 1);
    QVERIFY(!session.analysis().entities.isEmpty());
    QVERIFY(AnalysisRepository(*m_store).articlesWithAnalyzerBelow(Analyzer::Version)->isEmpty());
}

qint64 TestArticleSession::addOtherArticle(int n)
{
    Article other = makeArticle();
    other.title = u"Second story %1"_s.arg(n);
    other.body = u"A second story number %1 about the harbour."_s.arg(n);
    other.contentHash = u"other-%1"_s.arg(n);
    auto id = ArticleRepository(*m_store).addArticle(other, {}, Analyzer::Version);
    return id ? id.value() : 0;
}

void TestArticleSession::historySurvivesSwitchingArticles()
{
    const qint64 other = addOtherArticle(1);
    QVERIFY(other);
    ArticleSession session(m_store.get());
    QVERIFY(session.open(m_articleId).ok());
    QVERIFY(session.setNote(m_firstAnnotation, u"Ask the port office"_s).ok());
    QVERIFY(session.remove(m_firstAnnotation).ok());
    QVERIFY(!AnnotationRepository(*m_store).annotation(m_firstAnnotation).ok());
    QUndoStack *first = session.undoStack();

    QVERIFY(session.open(other).ok());
    QVERIFY(session.undoStack() != first);
    QVERIFY(!session.canUndo()); // the other article has no history of its own
    QVERIFY(session.open(m_articleId).ok());
    QCOMPARE(session.undoStack(), first);
    QCOMPARE(session.undoText(), u"Delete highlight"_s);
    session.undo();
    const auto restored = AnnotationRepository(*m_store).annotation(m_firstAnnotation);
    QVERIFY(restored.ok());
    QCOMPARE(restored->note, u"Ask the port office"_s);
    QCOMPARE(session.annotations().size(), 1);
    session.undo();
    QCOMPARE(AnnotationRepository(*m_store).annotation(m_firstAnnotation)->note, QString());
    QCOMPARE(session.undoGroup()->activeStack(), first);
}

void TestArticleSession::codebookHasItsOwnHistory()
{
    const qint64 other = addOtherArticle(1);
    ArticleSession session(m_store.get());
    QVERIFY(session.open(m_articleId).ok());
    const qint64 jobs = TagRepository(*m_store).ensureTag(u"Economy/Jobs"_s).value();
    QVERIFY(session.renameTag(jobs, u"Employment"_s).ok());
    QCOMPARE(session.codebookStack()->count(), 1);
    QCOMPARE(session.undoStack()->count(), 0);
    QVERIFY(session.open(other).ok());
    QVERIFY(session.canUndo());
    QCOMPARE(session.undoText(), u"Rename tag"_s);
    session.undo();
    QCOMPARE(TagRepository(*m_store).tag(jobs)->name, u"Jobs"_s);
    QCOMPARE(session.undoGroup()->activeStack(), session.codebookStack());
    session.redo();
    QCOMPARE(TagRepository(*m_store).tag(jobs)->name, u"Employment"_s);
    // Also with no article open at all.
    ArticleSession fresh(m_store.get());
    QVERIFY(fresh.renameTag(jobs, u"Work"_s).ok());
    fresh.undo();
    QCOMPARE(TagRepository(*m_store).tag(jobs)->name, u"Employment"_s);
}

void TestArticleSession::undoFollowsTheMostRecentStep()
{
    ArticleSession session(m_store.get());
    QVERIFY(session.open(m_articleId).ok());
    const qint64 economy = TagRepository(*m_store).ensureTag(u"Economy"_s).value();
    QVERIFY(session.setColor(m_firstAnnotation, u"#7cc4fa"_s).ok()); // article
    QVERIFY(session.renameTag(economy, u"Money"_s).ok()); // codebook
    QVERIFY(session.setNote(m_firstAnnotation, u"later"_s).ok()); // article again
    // Undo walks back in time across both histories; redo walks forward again.
    QCOMPARE(session.undoText(), u"Edit note"_s);
    session.undo();
    QCOMPARE(session.undoText(), u"Rename tag"_s);
    session.undo();
    QCOMPARE(TagRepository(*m_store).tag(economy)->name, u"Economy"_s);
    QCOMPARE(session.undoText(), u"Change color"_s);
    QCOMPARE(session.redoText(), u"Rename tag"_s);
    session.undo();
    QVERIFY(!session.canUndo());
    QCOMPARE(session.redoText(), u"Change color"_s);
    session.redo();
    QCOMPARE(session.redoText(), u"Rename tag"_s);
    session.redo();
    QCOMPARE(TagRepository(*m_store).tag(economy)->name, u"Money"_s);
    session.redo();
    QCOMPARE(AnnotationRepository(*m_store).annotation(m_firstAnnotation)->note, u"later"_s);
    QVERIFY(!session.canRedo());
}

void TestArticleSession::oldHistoriesAreDropped()
{
    ArticleSession session(m_store.get());
    QVERIFY(session.open(m_articleId).ok());
    QVERIFY(session.setNote(m_firstAnnotation, u"kept?"_s).ok());
    QList<qint64> others;
    for (int i = 0; i < ArticleSession::MaxKeptHistories; ++i) {
        others << addOtherArticle(i);
        QVERIFY(session.open(others.last()).ok());
    }
    // The first article is still among the last MaxKeptHistories opened besides the open one.
    QCOMPARE(session.keptHistories().size(), ArticleSession::MaxKeptHistories + 1);
    QCOMPARE(session.keptHistories().first(), m_articleId);
    QVERIFY(session.open(m_articleId).ok());
    QVERIFY(session.canUndo());
    // Now open MaxKeptHistories + 1 others: its history goes.
    others << addOtherArticle(99);
    for (qint64 id : std::as_const(others))
        QVERIFY(session.open(id).ok());
    QVERIFY(!session.keptHistories().contains(m_articleId));
    QCOMPARE(session.undoGroup()->stacks().size(),
             ArticleSession::MaxKeptHistories + 1 + 2); // + codebook, none
    QVERIFY(session.open(m_articleId).ok());
    QVERIFY(!session.canUndo());
}

QTEST_GUILESS_MAIN(TestArticleSession)
#include "tst_articlesession.moc"
