// SPDX-License-Identifier: GPL-3.0-or-later
// The user's corrections of the automatic layers: how they apply to a fresh analysis, and that the
// library keeps them through re-analysis.
#include "Correction.h"
#include "analysis/Analyzer.h"
#include "library/Reanalysis.h"
#include "store/AnalysisRepository.h"
#include "store/ArticleRepository.h"
#include "store/ArticleStore.h"
#include "store/CorrectionRepository.h"

#include <QCryptographicHash>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Lede;

namespace {

// Written for this test.
const QString Body
    = u"Harbour board backs new pier\n\n"
      u"\u201CThe pier will open in May,\u201D said Rosa Lind, the board's chair. "
      u"Her deputy Tomas Berg agreed. \u201CWe have the money,\u201D he said.\n\n"
      u"The Coastal Trust welcomed the plan. \U0001F30A Fishers in Northport were less sure."_s;

Span spanOf(const QString &text, qsizetype from = 0)
{
    const qsizetype at = Body.indexOf(text, from);
    return Span { at, at + text.size() };
}

Quote quote(const QString &text, const QString &speaker)
{
    Quote q;
    q.span = spanOf(text);
    q.text = text;
    q.speaker = speaker;
    return q;
}

Entity entity(const QString &text, Entity::Type type, const QString &canonical = {})
{
    Entity e;
    e.span = spanOf(text);
    e.text = text;
    e.type = type;
    e.canonical = canonical.isEmpty() ? text : canonical;
    return e;
}

AnalysisResult automatic()
{
    AnalysisResult r;
    r.quotes = { quote(u"\u201CThe pier will open in May,\u201D"_s, u"Rosa Lind"_s),
                 quote(u"\u201CWe have the money,\u201D"_s, u"Rosa Lind"_s) };
    r.entities
        = { entity(u"Rosa Lind"_s, Entity::Type::Person), entity(u"Tomas Berg"_s, Entity::Type::Person),
            entity(u"Coastal Trust"_s, Entity::Type::Person), entity(u"Northport"_s, Entity::Type::Loc) };
    return r;
}

LayerCorrection correction(LayerCorrection::Layer layer, LayerCorrection::Action action, Span span,
                           const QString &value = {})
{
    LayerCorrection c;
    c.layer = layer;
    c.action = action;
    c.span = span;
    c.value = value;
    return c;
}

Article article()
{
    Article a;
    a.title = u"Harbour board backs new pier"_s;
    a.body = Body;
    a.contentHash
        = QString::fromLatin1(QCryptographicHash::hash(Body.toUtf8(), QCryptographicHash::Sha256).toHex());
    return a;
}

} // namespace

class TestCorrections final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void setSpeakerFindsTheQuote_data();
    void setSpeakerFindsTheQuote();
    void rejectAndAddQuote();
    void entityTypeRemoveAdd();
    void renameCoversEveryMentionAndItsQuotes();
    void nearestMention();
    void storedCorrectionsOutliveReanalysis();
    void failedCorrectionWritesNothing();

private:
    QTemporaryDir m_dir;
};

void TestCorrections::setSpeakerFindsTheQuote_data()
{
    QTest::addColumn<Span>("span");
    QTest::addColumn<bool>("found");
    const Span exact = spanOf(u"\u201CWe have the money,\u201D"_s);
    QTest::newRow("same-span") << exact << true;
    QTest::newRow("drawn-without-the-comma") << Span { exact.start, exact.end - 2 } << true;
    QTest::newRow("mostly-elsewhere") << Span { exact.start - 40, exact.start + 3 } << false;
}

void TestCorrections::setSpeakerFindsTheQuote()
{
    QFETCH(Span, span);
    QFETCH(bool, found);
    AnalysisResult r = automatic();
    const int applied
        = applyCorrections(r,
                           { correction(LayerCorrection::Layer::Quote, LayerCorrection::Action::SetSpeaker,
                                        span, u"Tomas Berg"_s) },
                           Body);
    QCOMPARE(applied, found ? 1 : 0);
    QCOMPARE(r.quotes[1].speaker, found ? u"Tomas Berg"_s : u"Rosa Lind"_s);
    QCOMPARE(r.quotes[1].corrected, found);
    QVERIFY(!r.quotes[0].corrected);
}

void TestCorrections::rejectAndAddQuote()
{
    AnalysisResult r = automatic();
    const Span missed = spanOf(u"Fishers in Northport were less sure."_s);
    applyCorrections(
        r,
        { correction(LayerCorrection::Layer::Quote, LayerCorrection::Action::Reject, r.quotes[0].span),
          correction(LayerCorrection::Layer::Quote, LayerCorrection::Action::Add, missed, u"Fishers"_s) },
        Body);
    QCOMPARE(r.quotes.size(), 2);
    QCOMPARE(r.quotes[0].text, u"\u201CWe have the money,\u201D"_s); // still in text order
    QCOMPARE(r.quotes[1].span, missed);
    QCOMPARE(r.quotes[1].text, u"Fishers in Northport were less sure."_s);
    QCOMPARE(r.quotes[1].speaker, u"Fishers"_s);
    QVERIFY(r.quotes[1].corrected);
}

void TestCorrections::entityTypeRemoveAdd()
{
    AnalysisResult r = automatic();
    const Span board = spanOf(u"Harbour board"_s);
    applyCorrections(
        r,
        { correction(LayerCorrection::Layer::Entity, LayerCorrection::Action::SetType,
                     spanOf(u"Coastal Trust"_s)),
          correction(LayerCorrection::Layer::Entity, LayerCorrection::Action::Remove, spanOf(u"Northport"_s)),
          [&] {
              auto c = correction(LayerCorrection::Layer::Entity, LayerCorrection::Action::Add, board,
                                  u"Northport Harbour Board"_s);
              c.type = Entity::Type::Org;
              return c;
          }() },
        Body);
    // The SetType correction above carries the default type, Misc.
    QCOMPARE(r.entities.size(), 4);
    QCOMPARE(r.entities[0].text, u"Harbour board"_s);
    QCOMPARE(r.entities[0].canonical, u"Northport Harbour Board"_s);
    QCOMPARE(r.entities[0].type, Entity::Type::Org);
    QCOMPARE(r.entities[3].text, u"Coastal Trust"_s);
    QCOMPARE(r.entities[3].type, Entity::Type::Misc);
    QVERIFY(r.entities[3].corrected);
    for (const Entity &e : std::as_const(r.entities))
        QVERIFY(e.text != u"Northport"_s);
}

void TestCorrections::renameCoversEveryMentionAndItsQuotes()
{
    AnalysisResult r = automatic();
    Entity second = entity(u"Lind"_s, Entity::Type::Person, u"Rosa Lind"_s);
    second.span = spanOf(u"Lind"_s, spanOf(u"Rosa Lind"_s).end); // no later mention: stays unmatched
    auto c = correction(LayerCorrection::Layer::Entity, LayerCorrection::Action::SetCanonical,
                        spanOf(u"Rosa Lind"_s), u"Rosa M. Lind"_s);
    c.original = u"Rosa Lind"_s;
    QCOMPARE(applyCorrections(r, { c }, Body), 1);
    QCOMPARE(r.entities[0].canonical, u"Rosa M. Lind"_s);
    QVERIFY(r.entities[0].corrected);
    QCOMPARE(r.entities[1].canonical, u"Tomas Berg"_s);
    QCOMPARE(r.quotes[0].speaker, u"Rosa M. Lind"_s);
    QCOMPARE(r.quotes[1].speaker, u"Rosa M. Lind"_s);
}

void TestCorrections::nearestMention()
{
    const AnalysisResult r = automatic();
    const Span q = spanOf(u"\u201CWe have the money,\u201D"_s);
    const auto m = Lede::nearestMention(u"Tomas Berg"_s, q, Body, r.entities);
    QVERIFY(m.has_value());
    QCOMPARE(Body.mid(m->start, m->length()), u"Tomas Berg"_s);
    QVERIFY(!Lede::nearestMention(u"Nobody Here"_s, q, Body, r.entities).has_value());
    // Only whole words: "Lin" is not a mention inside "Lind".
    QVERIFY(!Lede::nearestMention(u"Lin"_s, q, Body, {}).has_value());
}

void TestCorrections::storedCorrectionsOutliveReanalysis()
{
    ArticleStore store;
    QVERIFY(store.open(m_dir.filePath(u"outlive.sqlite"_s)).ok());
    auto id = ArticleRepository(store).addArticle(article(), automatic(), Analyzer::Version);
    QVERIFY2(id.ok(), qPrintable(id.errorString()));
    auto stored = AnalysisRepository(store).analysis(*id);
    QVERIFY(stored.ok());
    QCOMPARE(stored->quotes.size(), 2);
    QVERIFY(stored->quotes[1].id > 0);

    CorrectionRepository corrections(store);
    QVERIFY(corrections.setQuoteSpeaker(stored->quotes[1].id, u"Tomas Berg"_s).ok());
    QVERIFY(corrections.rejectQuote(stored->quotes[0].id).ok());
    qint64 trustId = 0;
    for (const Entity &e : std::as_const(stored->entities))
        trustId = e.text == u"Coastal Trust"_s ? e.id : trustId;
    QVERIFY(corrections.setEntityType(trustId, Entity::Type::Org).ok());

    // In place at once: the other rows keep their ids.
    auto now = AnalysisRepository(store).analysis(*id);
    QCOMPARE(now->quotes.size(), 1);
    QCOMPARE(now->quotes[0].id, stored->quotes[1].id);
    QCOMPARE(now->quotes[0].speaker, u"Tomas Berg"_s);
    QVERIFY(now->quotes[0].corrected);
    QVERIFY(now->quotes[0].speakerSpan.has_value());
    QCOMPARE(Body.mid(now->quotes[0].speakerSpan->start, now->quotes[0].speakerSpan->length()),
             u"Tomas Berg"_s);

    // A new analysis (here: the automatic layers again, as a new analyzer version would write them)
    // does not override the decisions.
    QVERIFY(AnalysisRepository(store).replaceAnalysis(*id, automatic(), Analyzer::Version).ok());
    auto after = AnalysisRepository(store).analysis(*id);
    QCOMPARE(after->quotes.size(), 1);
    QCOMPARE(after->quotes[0].speaker, u"Tomas Berg"_s);
    QVERIFY(after->quotes[0].corrected);
    bool trustIsOrg = false;
    for (const Entity &e : std::as_const(after->entities))
        trustIsOrg
            = trustIsOrg || (e.text == u"Coastal Trust"_s && e.type == Entity::Type::Org && e.corrected);
    QVERIFY(trustIsOrg);
    QCOMPARE(corrections.corrections(*id)->size(), 3);

    // And through the real analyzer.
    auto again = reanalyzeArticles(store, { *id });
    QVERIFY2(again.ok(), qPrintable(again.errorString()));
    QCOMPARE(*again, 1);
    bool bergQuote = false;
    const auto reanalysed = AnalysisRepository(store).analysis(*id);
    QVERIFY(reanalysed.ok());
    for (const Quote &q : reanalysed->quotes) {
        QVERIFY(q.span != spanOf(u"\u201CThe pier will open in May,\u201D"_s));
        bergQuote
            = bergQuote || (q.text.startsWith(u"\u201CWe have the money"_s) && q.speaker == u"Tomas Berg"_s);
    }
    QVERIFY(bergQuote);
}

void TestCorrections::failedCorrectionWritesNothing()
{
    ArticleStore store;
    QVERIFY(store.open(m_dir.filePath(u"fail.sqlite"_s)).ok());
    auto id = ArticleRepository(store).addArticle(article(), automatic(), Analyzer::Version);
    QVERIFY(id.ok());
    CorrectionRepository corrections(store);
    QVERIFY(!corrections.setQuoteSpeaker(424242, u"X"_s).ok());
    QVERIFY(!corrections.setEntityCanonical(AnalysisRepository(store).analysis(*id)->entities[0].id, u"  "_s)
                 .ok());
    QVERIFY(!corrections.addQuote(*id, Span { 0, Body.size() + 5 }, u"X"_s).ok());
    QCOMPARE(corrections.corrections(*id)->size(), 0);
    QCOMPARE(AnalysisRepository(store).analysis(*id)->quotes.size(), 2);
}

QTEST_GUILESS_MAIN(TestCorrections)
#include "tst_corrections.moc"
