// SPDX-License-Identifier: GPL-3.0-or-later
// Re-attaching annotations to a changed text (model/library/Reanchoring) and the two actions that
// use it: merging duplicates and replacing an article with a new version (ArticleEditing).
// Text written for this test.
#include "analysis/Analyzer.h"
#include "library/ArticleEditing.h"
#include "library/Reanchoring.h"
#include "session/ArticleSession.h"
#include "store/AnalysisRepository.h"
#include "store/AnnotationRepository.h"
#include "store/ArticleRepository.h"
#include "store/ArticleStore.h"
#include "store/CorrectionRepository.h"

#include <QCryptographicHash>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Lede;

namespace {

const QString Story
    = u"The river rose two metres overnight in Alderford. \"We moved the whole ward upstairs,\" said "
      u"Dr. Nadia Brook, who runs the hospital. The council opened three shelters. The council "
      u"said the water would fall by Friday. Farmers east of the town lost most of the spring crop, "
      u"and the road to Millbeck stayed closed."_s;

Article makeArticle(const QString &title, const QString &body, const QString &url = {})
{
    Article a;
    a.title = title;
    a.source = u"Alderford Echo"_s;
    a.url = url;
    a.body = body;
    a.contentHash
        = QString::fromLatin1(QCryptographicHash::hash(body.toUtf8(), QCryptographicHash::Sha256).toHex());
    return a;
}

Span spanOf(const QString &text, const QString &passage, int occurrence = 0)
{
    qsizetype at = text.indexOf(passage);
    while (occurrence-- > 0)
        at = text.indexOf(passage, at + 1);
    return Span { at, at + passage.size() };
}

} // namespace

class TestReanchoring : public QObject
{
    Q_OBJECT

private slots:
    void locate_data();
    void locate();
    void repeatedPassageFollowsItsContext();
    void nearestWinsWhenContextTies();
    void fuzzyBoundIsTwentyPercent();
    void similarity();
    void reanchorKeepsEverythingButTheSpan();
    void mergeMovesAnnotationsAndUndoes();
    void mergeRefusesBadIds();
    void findEarlierVersion();
    void replaceWithVersionReanchors();
    void openSessionFollowsAReplacementByAnotherProgram();
};

void TestReanchoring::locate_data()
{
    QTest::addColumn<QString>("newText");
    QTest::addColumn<QString>("passage"); // in Story
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("found"); // the text of the new span; empty for an orphan

    const QString quote = u"We moved the whole ward upstairs"_s;
    QTest::newRow("unchanged") << Story << quote << int(AnchorMatch::Kind::Exact) << quote;
    QTest::newRow("sentence-inserted-before")
        << QString(u"Rain fell for nine days. "_s + Story) << quote << int(AnchorMatch::Kind::Exact) << quote;
    QTest::newRow("one-word-changed")
        << QString(Story).replace(u"whole ward"_s, u"entire ward"_s) << quote << int(AnchorMatch::Kind::Fuzzy)
        << u"We moved the entire ward upstairs"_s;
    QTest::newRow("typo-fixed") << QString(Story).replace(u"spring crop"_s, u"sprin crop"_s)
                                << u"lost most of the spring crop"_s << int(AnchorMatch::Kind::Fuzzy)
                                << u"lost most of the sprin crop"_s;
    QTest::newRow("sentence-deleted")
        << QString(Story).remove(
               u" \"We moved the whole ward upstairs,\" said Dr. Nadia Brook, who runs the hospital."_s)
        << u"said Dr. Nadia Brook, who runs the hospital"_s << int(AnchorMatch::Kind::Orphan) << QString();
    QTest::newRow("rewritten-beyond-bound")
        << QString(Story).replace(u"the road to Millbeck stayed closed"_s, u"the Millbeck road is shut"_s)
        << u"the road to Millbeck stayed closed"_s << int(AnchorMatch::Kind::Orphan) << QString();
    QTest::newRow("short-passage-changed-without-its-context")
        << u"The river rose two meters."_s << u"metres"_s << int(AnchorMatch::Kind::Orphan) << QString();
    QTest::newRow("short-passage-pinned-by-context")
        << QString(Story).replace(u"two metres"_s, u"two meters"_s) << u"metres"_s
        << int(AnchorMatch::Kind::Fuzzy) << u"meters"_s;
    QTest::newRow("a-word-replaced-pinned-by-context") // 5 edits: over 20% of 21, within 50%
        << QString(Story).replace(u"The council opened three shelters."_s,
                                  u"The council opened four shelters."_s)
        << u"opened three shelters"_s << int(AnchorMatch::Kind::Fuzzy) << u"opened four shelters"_s;
    QTest::newRow("context-kept-passage-rewritten")
        << QString(Story).replace(u"The council opened three shelters."_s,
                                  u"The council was not reachable."_s)
        << u"opened three shelters"_s << int(AnchorMatch::Kind::Orphan) << QString();
    QTest::newRow("outside-the-bmp")
        << QString(u"🌊 High water. "_s + Story).replace(u"whole ward"_s, u"whole 🏥 ward"_s) << quote
        << int(AnchorMatch::Kind::Fuzzy) << u"We moved the whole 🏥 ward upstairs"_s;
}

void TestReanchoring::locate()
{
    QFETCH(QString, newText);
    QFETCH(QString, passage);
    QFETCH(int, kind);
    QFETCH(QString, found);
    const AnchorMatch m = locateAnchor(newText, anchorAt(Story, spanOf(Story, passage)));
    QCOMPARE(int(m.kind), kind);
    QCOMPARE(newText.mid(m.span.start, m.span.length()), found);
    if (m.kind == AnchorMatch::Kind::Fuzzy)
        QVERIFY(m.distance > 0 && m.distance <= int(passage.size() * MaxContextRatio));
}

void TestReanchoring::repeatedPassageFollowsItsContext()
{
    // "The council" occurs twice; the second one is highlighted. A sentence inserted at the start
    // moves both; the prefix and suffix pick the right one, not the first.
    const Span second = spanOf(Story, u"The council"_s, 1);
    const QString changed = u"Sandbags ran out at noon. The council asked for help. "_s + Story;
    const AnchorMatch m = locateAnchor(changed, anchorAt(Story, second));
    QCOMPARE(int(m.kind), int(AnchorMatch::Kind::Exact));
    QCOMPARE(m.span.start, spanOf(changed, u"The council said the water"_s).start);
}

void TestReanchoring::nearestWinsWhenContextTies()
{
    const QString text = u"yes. yes. yes. yes."_s;
    TextAnchor anchor { u"yes"_s, {}, {}, 10 };
    QCOMPARE(locateAnchor(text, anchor).span.start, 10);
    anchor.position = 1;
    QCOMPARE(locateAnchor(text, anchor).span.start, 0);
}

void TestReanchoring::fuzzyBoundIsTwentyPercent()
{
    // 20 characters allow 4 edits, not 5.
    const QString exact = u"abcdefghijklmnopqrst"_s;
    QCOMPARE(int(locateAnchor(u"xx abcdXXXXijklmnopqrst xx"_s, { exact, {}, {}, -1 }).kind),
             int(AnchorMatch::Kind::Fuzzy));
    QCOMPARE(int(locateAnchor(u"xx abcdXXXXXjklmnopqrst xx"_s, { exact, {}, {}, -1 }).kind),
             int(AnchorMatch::Kind::Orphan));
}

void TestReanchoring::similarity()
{
    QCOMPARE(textSimilarity(Story, Story), 1.0);
    const QString edited = QString(Story).remove(u" The council opened three shelters."_s);
    QVERIFY(textSimilarity(Story, edited) >= SameStorySimilarity);
    const QString other
        = u"The council opened a new library in Millbeck on Friday, with a reading room for children "
          u"and a cafe, after two years of building work paid for by the town."_s;
    QVERIFY(textSimilarity(Story, other) < 0.2);

    // The numeric sets give the very same figure as the sets of strings, short texts included.
    const QStringList texts { Story,
                              edited,
                              other,
                              u"Rain."_s,
                              u"rain"_s,
                              u"Heavy rain!"_s,
                              u"rain heavy"_s,
                              u"heavy rain"_s,
                              u""_s,
                              u"... --"_s,
                              u"rain rain rain rain"_s,
                              u"Rain, rain and more rain: rain and more rain."_s,
                              u"Zürich ÉTÉ café 2026"_s,
                              u"zürich été Café 2026, Zürich"_s };
    WordTrigramSets sets;
    for (const QString &a : texts) {
        for (const QString &b : texts) {
            const auto x = sets.of(a);
            const auto y = sets.of(b);
            QVERIFY(x && y);
            QCOMPARE(WordTrigramSets::similarity(*x, *y), textSimilarity(a, b));
        }
    }
    QCOMPARE(sets.of(u"Heavy rain"_s), sets.of(u"heavy RAIN."_s));
    QVERIFY(sets.of(u"heavy rain"_s) != sets.of(u"rain heavy"_s));
    QCOMPARE(sets.of(u"ÉTÉ à Zürich"_s), sets.of(u"été À zürich"_s));
    QCOMPARE(WordTrigramSets::similarity(*sets.of(u"rain"_s), *sets.of(u"heavy rain"_s)), 0.0);
}

void TestReanchoring::reanchorKeepsEverythingButTheSpan()
{
    Annotation kept;
    kept.id = 7;
    const Span s = spanOf(Story, u"opened three shelters"_s);
    kept.span = s;
    const TextAnchor a = anchorAt(Story, s);
    kept.exact = a.exact;
    kept.prefix = a.prefix;
    kept.suffix = a.suffix;
    kept.note = u"how many beds?"_s;
    kept.tags = { u"Response"_s };
    Annotation lost = kept;
    lost.id = 8;
    const TextAnchor b = anchorAt(Story, spanOf(Story, u"the road to Millbeck stayed closed"_s));
    lost.span = spanOf(Story, u"the road to Millbeck stayed closed"_s);
    lost.exact = b.exact;
    lost.prefix = b.prefix;
    lost.suffix = b.suffix;
    const QString changed = QString(Story).remove(u", and the road to Millbeck stayed closed"_s);
    ReanchorReport report;
    const QList<Annotation> out = reanchorAnnotations({ kept, lost }, changed, &report);
    QCOMPARE(report.exact, 1);
    QCOMPARE(report.orphaned, 1);
    QCOMPARE(out.at(0).id, 7);
    QCOMPARE(out.at(0).note, u"how many beds?"_s);
    QCOMPARE(out.at(0).tags, QStringList { u"Response"_s });
    QCOMPARE(changed.mid(out.at(0).span.start, out.at(0).span.length()), u"opened three shelters"_s);
    QVERIFY(out.at(1).isOrphan());
    QCOMPARE(out.at(1).exact, u"the road to Millbeck stayed closed"_s); // never dropped
    // An orphan gets another try against a later text.
    ReanchorReport again;
    const QList<Annotation> back = reanchorAnnotations(out, Story, &again);
    QCOMPARE(again.exact, 2);
    QVERIFY(!back.at(1).isOrphan());
}

void TestReanchoring::mergeMovesAnnotationsAndUndoes()
{
    QTemporaryDir dir;
    ArticleStore store;
    store.setAutomaticBackups(false);
    QVERIFY(store.open(dir.filePath(u"lib.sqlite"_s)));
    const Article keep = makeArticle(u"Alderford floods"_s, Story);
    const QString otherBody
        = QString(Story).replace(u"whole ward"_s, u"entire ward"_s) + u" More rain is due."_s;
    const Article other = makeArticle(u"Alderford floods"_s, otherBody);
    const qint64 keepId
        = ArticleRepository(store).addArticle(keep, Analyzer::analyze(keep), Analyzer::Version).value();
    const qint64 otherId
        = ArticleRepository(store).addArticle(other, Analyzer::analyze(other), Analyzer::Version).value();
    auto annotate = [&](qint64 article, const QString &body, const QString &passage, const QString &note) {
        Annotation a;
        a.articleId = article;
        a.span = spanOf(body, passage);
        a.note = note;
        a.tags = { u"Flood/Health"_s };
        return AnnotationRepository(store).addAnnotation(a).value();
    };
    const qint64 own = annotate(keepId, Story, u"opened three shelters"_s, {});
    const qint64 exact = annotate(otherId, otherBody, u"runs the hospital"_s, u"which hospital?"_s);
    const qint64 fuzzy = annotate(otherId, otherBody, u"We moved the entire ward upstairs"_s, {});
    const qint64 orphan = annotate(otherId, otherBody, u"More rain is due."_s, u"source?"_s);

    auto merged = mergeArticles(store, keepId, otherId);
    QVERIFY2(merged, qPrintable(merged.errorString()));
    QVERIFY(store.isIdle());
    QCOMPARE(merged->report.exact, 1);
    QCOMPARE(merged->report.fuzzy, 1);
    QCOMPARE(merged->report.orphaned, 1);
    QVERIFY(!ArticleRepository(store).article(otherId));
    QList<Annotation> onKeep = AnnotationRepository(store).annotations(keepId).value();
    QCOMPARE(onKeep.size(), 4);
    QHash<qint64, Annotation> byId;
    for (const Annotation &a : onKeep)
        byId.insert(a.id, a);
    QVERIFY(byId.contains(own) && byId.contains(exact) && byId.contains(fuzzy) && byId.contains(orphan));
    QCOMPARE(Story.mid(byId[exact].span.start, byId[exact].span.length()), u"runs the hospital"_s);
    QCOMPARE(byId[exact].note, u"which hospital?"_s);
    QCOMPARE(byId[exact].tags, QStringList { u"Flood/Health"_s });
    QCOMPARE(Story.mid(byId[fuzzy].span.start, byId[fuzzy].span.length()),
             u"We moved the whole ward upstairs"_s);
    QVERIFY(byId[orphan].isOrphan());
    QCOMPARE(byId[orphan].exact, u"More rain is due."_s);
    QCOMPARE(byId[orphan].note, u"source?"_s);
    // The orphan survives an edit of its note with its text.
    Annotation edited = byId[orphan];
    edited.note = u"source? ask the council"_s;
    QVERIFY(AnnotationRepository(store).updateAnnotation(edited));
    QCOMPARE(AnnotationRepository(store).annotation(orphan)->exact, u"More rain is due."_s);
    edited.note = u"source?"_s;
    QVERIFY(AnnotationRepository(store).updateAnnotation(edited));

    QVERIFY(undoMerge(store, *merged));
    QVERIFY(store.isIdle());
    QCOMPARE(AnnotationRepository(store).annotations(keepId)->size(), 1);
    const QList<Annotation> back = AnnotationRepository(store).annotations(otherId).value();
    QCOMPARE(back.size(), 3);
    QCOMPARE(back.at(0).id, fuzzy);
    QCOMPARE(otherBody.mid(back.at(2).span.start, back.at(2).span.length()), u"More rain is due."_s);
}

void TestReanchoring::mergeRefusesBadIds()
{
    QTemporaryDir dir;
    ArticleStore store;
    store.setAutomaticBackups(false);
    QVERIFY(store.open(dir.filePath(u"lib.sqlite"_s)));
    const Article keep = makeArticle(u"Alderford floods"_s, Story);
    const qint64 keepId
        = ArticleRepository(store).addArticle(keep, Analyzer::analyze(keep), Analyzer::Version).value();
    QVERIFY(!mergeArticles(store, keepId, keepId));
    QVERIFY(!mergeArticles(store, keepId, 99));
    QVERIFY(!mergeArticles(store, 99, keepId));
    QVERIFY(ArticleRepository(store).article(keepId));
    QVERIFY(store.isIdle());
}

void TestReanchoring::findEarlierVersion()
{
    QTemporaryDir dir;
    ArticleStore store;
    store.setAutomaticBackups(false);
    QVERIFY(store.open(dir.filePath(u"lib.sqlite"_s)));
    auto add = [&](const Article &a) {
        return ArticleRepository(store).addArticle(a, Analyzer::analyze(a), Analyzer::Version).value();
    };
    const qint64 first = add(makeArticle(u"Alderford floods"_s, Story));
    const QString edited = QString(Story).remove(u" The council opened three shelters."_s);
    const qint64 second = add(makeArticle(u"ALDERFORD FLOODS"_s, edited));
    const qint64 unrelated
        = add(makeArticle(u"Alderford floods"_s,
                          u"A quiz night in Alderford raised money for the brass band; the "
                          u"winners were the team from the bakery on Mill Lane."_s));
    const qint64 byUrl1
        = add(makeArticle(u"Old headline"_s, u"First version of a web story about a bridge."_s,
                          u"https://example.org/bridge"_s));
    const qint64 byUrl2
        = add(makeArticle(u"New headline"_s, u"Completely rewritten story about the bridge works."_s,
                          u"https://example.org/bridge"_s));
    QCOMPARE(Lede::findEarlierVersion(store, second).value(), std::optional<qint64>(first));
    QCOMPARE(Lede::findEarlierVersion(store, unrelated).value(), std::optional<qint64>());
    QCOMPARE(Lede::findEarlierVersion(store, byUrl2).value(), std::optional<qint64>(byUrl1));
}

void TestReanchoring::replaceWithVersionReanchors()
{
    QTemporaryDir dir;
    ArticleStore store;
    store.setAutomaticBackups(false);
    QVERIFY(store.open(dir.filePath(u"lib.sqlite"_s)));
    const Article first = makeArticle(u"Alderford floods"_s, Story, u"https://example.org/flood"_s);
    const qint64 oldId
        = ArticleRepository(store).addArticle(first, Analyzer::analyze(first), Analyzer::Version).value();
    auto annotate = [&](const QString &passage, const QString &note) {
        Annotation a;
        a.articleId = oldId;
        a.span = spanOf(Story, passage);
        a.note = note;
        return AnnotationRepository(store).addAnnotation(a).value();
    };
    const qint64 exact = annotate(u"opened three shelters"_s, u"where?"_s);
    const qint64 moved = annotate(u"We moved the whole ward upstairs"_s, {});
    const qint64 lost = annotate(u"the road to Millbeck stayed closed"_s, u"still?"_s);
    const AnalysisResult layers = AnalysisRepository(store).analysis(oldId).value();
    QVERIFY(!layers.quotes.isEmpty());
    CorrectionRepository corrections(store);
    QVERIFY(corrections.setQuoteSpeaker(layers.quotes.first().id, u"Nadia Brook"_s));

    const QString newBody = u"UPDATE: Water levels peaked at noon. "_s
        + QString(Story)
              .replace(u"whole ward"_s, u"entire ward"_s)
              .remove(u", and the road to Millbeck stayed closed"_s);
    Article second = makeArticle(u"Alderford floods peak"_s, newBody);
    const qint64 newId
        = ArticleRepository(store).addArticle(second, Analyzer::analyze(second), Analyzer::Version).value();
    auto report = replaceWithVersion(store, oldId, newId);
    QVERIFY2(report, qPrintable(report.errorString()));
    QVERIFY(store.isIdle());
    QCOMPARE(report->exact, 1);
    QCOMPARE(report->fuzzy, 1);
    QCOMPARE(report->orphaned, 1);
    QVERIFY(!ArticleRepository(store).article(newId));
    const Article stored = ArticleRepository(store).article(oldId).value();
    QCOMPARE(stored.body, newBody);
    QCOMPARE(stored.title, u"Alderford floods peak"_s);
    QCOMPARE(stored.url, u"https://example.org/flood"_s); // kept: the new version had none
    const Annotation e = AnnotationRepository(store).annotation(exact).value();
    QCOMPARE(newBody.mid(e.span.start, e.span.length()), u"opened three shelters"_s);
    QCOMPARE(e.note, u"where?"_s);
    const Annotation m = AnnotationRepository(store).annotation(moved).value();
    QCOMPARE(newBody.mid(m.span.start, m.span.length()), u"We moved the entire ward upstairs"_s);
    const Annotation o = AnnotationRepository(store).annotation(lost).value();
    QVERIFY(o.isOrphan());
    QCOMPARE(o.exact, u"the road to Millbeck stayed closed"_s);
    QCOMPARE(o.note, u"still?"_s);
    // The speaker correction moved with its quote and still decides it.
    const AnalysisResult after = AnalysisRepository(store).analysis(oldId).value();
    const auto quote
        = std::find_if(after.quotes.begin(), after.quotes.end(), [](const Quote &q) { return q.corrected; });
    QVERIFY(quote != after.quotes.end());
    QCOMPARE(quote->speaker, u"Nadia Brook"_s);
    QVERIFY(newBody.mid(quote->span.start, quote->span.length()).contains(u"entire ward"_s));
    ArticleQuery q;
    q.search = u"peaked"_s;
    QCOMPARE(ArticleRepository(store).articles(q)->size(), 1);
    QCOMPARE(ArticleRepository(store).articles(q)->first().id, oldId);
}

void TestReanchoring::openSessionFollowsAReplacementByAnotherProgram()
{
    // The window has the article open with an undo history; `lede import --replace` (another
    // connection) replaces its text. On the next reload the window shows the new text with the
    // re-anchored highlight, and drops the history whose spans belonged to the old text.
    QTemporaryDir dir;
    const QString path = dir.filePath(u"lib.sqlite"_s);
    ArticleStore window;
    window.setAutomaticBackups(false);
    QVERIFY(window.open(path));
    const Article first = makeArticle(u"Alderford floods"_s, Story);
    const qint64 id
        = ArticleRepository(window).addArticle(first, Analyzer::analyze(first), Analyzer::Version).value();
    ArticleSession session(&window);
    QVERIFY(session.open(id));
    QVERIFY(session.addHighlight(spanOf(Story, u"opened three shelters"_s)).ok());
    QVERIFY(session.undoStack()->canUndo());

    ArticleStore cli;
    cli.setAutomaticBackups(false);
    QVERIFY(cli.open(path));
    const QString newBody = u"Sandbags ran out at noon. "_s + Story;
    const Article second = makeArticle(u"Alderford floods"_s, newBody);
    const qint64 newId
        = ArticleRepository(cli).addArticle(second, Analyzer::analyze(second), Analyzer::Version).value();
    QVERIFY(replaceWithVersion(cli, id, newId));
    cli.close();

    QVERIFY(session.reloadFromLibrary());
    QCOMPARE(session.article().body, newBody);
    QCOMPARE(session.annotations().size(), 1);
    const Annotation a = session.annotations().first();
    QCOMPARE(newBody.mid(a.span.start, a.span.length()), u"opened three shelters"_s);
    QVERIFY(!session.undoStack()->canUndo());
    QVERIFY(window.isIdle());
}

QTEST_GUILESS_MAIN(TestReanchoring)
#include "tst_reanchoring.moc"
