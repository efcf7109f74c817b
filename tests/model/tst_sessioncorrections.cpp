// SPDX-License-Identifier: GPL-3.0-or-later
// Corrections of the automatic layers made in the window (through ArticleSession): each is stored
// at once, is one undo step, and undo/redo leave the library's layers and corrections exactly as
// they were before/after.
#include "Correction.h"
#include "analysis/Analyzer.h"
#include "session/ArticleSession.h"
#include "store/AnalysisRepository.h"
#include "store/ArticleRepository.h"
#include "store/ArticleStore.h"
#include "store/CorrectionRepository.h"

#include <QCryptographicHash>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Lede;

namespace {

// Written for this test.
const QString Body = u"Harbour board backs new pier\n\n"
                     u"LINDHOLM (Test Wire) \u2013 The harbour board approved the new pier on Monday.\n\n"
                     u"\u201CThe pier will open in May,\u201D said Rosa Lind, the board's chair. "
                     u"Her deputy Tomas Berg agreed. \u201CWe have the money,\u201D he said.\n\n"
                     u"The Coastal Trust welcomed the plan, calling it a fair deal for Northport.\n"_s;

int quoteIndex(const AnalysisResult &an, const QString &startsWith)
{
    for (int i = 0; i < an.quotes.size(); ++i) {
        if (an.quotes.at(i).text.startsWith(startsWith))
            return i;
    }
    return -1;
}

int entityIndex(const AnalysisResult &an, const QString &text)
{
    for (int i = 0; i < an.entities.size(); ++i) {
        if (an.entities.at(i).text == text)
            return i;
    }
    return -1;
}

// The stored layers as text, ids left out (undo analyses again, which renumbers the rows).
QString layers(ArticleStore &store, qint64 articleId)
{
    auto an = AnalysisRepository(store).analysis(articleId);
    if (!an)
        return u"error: "_s + an.errorString();
    QStringList lines;
    for (const Quote &q : an->quotes)
        lines << u"Q %1-%2 %3 speaker=%4 corrected=%5"_s.arg(q.span.start)
                     .arg(q.span.end)
                     .arg(quoteKindName(q.kind), q.speaker)
                     .arg(q.corrected);
    for (const Entity &e : an->entities)
        lines << u"E %1-%2 %3 %4 canonical=%5 corrected=%6"_s.arg(e.span.start)
                     .arg(e.span.end)
                     .arg(entityTypeName(e.type), e.text, e.canonical)
                     .arg(e.corrected);
    return lines.join(u'\n');
}

int correctionCount(ArticleStore &store, qint64 articleId)
{
    CorrectionRepository repository(store);
    auto list = repository.corrections(articleId);
    return list ? int(list->size()) : -1;
}

} // namespace

class TestSessionCorrections final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void speakerChangeUndoRedo();
    void rejectAndAddQuote();
    void entityTypeRenameRemoveAdd();
    void severalMentionsAreOneStep();
    void correctionsOutliveReanalysis();
    void staleIndexIsRefused();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ArticleStore> m_store;
    std::unique_ptr<ArticleSession> m_session;
    qint64 m_articleId = 0;
};

void TestSessionCorrections::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = std::make_unique<ArticleStore>();
    QVERIFY(m_store->open(m_dir->filePath(u"library.sqlite"_s)).ok());
    Article article;
    article.title = u"Harbour board backs new pier"_s;
    article.body = Body;
    article.contentHash
        = QString::fromLatin1(QCryptographicHash::hash(Body.toUtf8(), QCryptographicHash::Sha256).toHex());
    auto id = ArticleRepository(*m_store).addArticle(article, Analyzer::analyze(article), Analyzer::Version);
    QVERIFY2(id.ok(), qPrintable(id.errorString()));
    m_articleId = id.value();
    m_session = std::make_unique<ArticleSession>(m_store.get());
    QVERIFY(m_session->open(m_articleId).ok());
}

void TestSessionCorrections::cleanup()
{
    m_session.reset();
    m_store.reset();
    m_dir.reset();
}

void TestSessionCorrections::speakerChangeUndoRedo()
{
    const QString before = layers(*m_store, m_articleId);
    const int qi = quoteIndex(m_session->analysis(), u"\u201CWe have"_s);
    QVERIFY(qi >= 0);
    QSignalSpy changed(m_session.get(), &ArticleSession::analysisChanged);

    QVERIFY(m_session->setQuoteSpeaker(qi, u"Tomas Berg"_s).ok());
    QCOMPARE(changed.count(), 1);
    const Quote &q = m_session->analysis().quotes.at(quoteIndex(m_session->analysis(), u"\u201CWe have"_s));
    QCOMPARE(q.speaker, u"Tomas Berg"_s);
    QVERIFY(q.corrected);
    // The mention is the name nearest the quote.
    QVERIFY(q.speakerSpan);
    QCOMPARE(Body.mid(q.speakerSpan->start, q.speakerSpan->length()), u"Tomas Berg"_s);
    const QString after = layers(*m_store, m_articleId);
    QVERIFY(after != before);
    QCOMPARE(correctionCount(*m_store, m_articleId), 1);
    QVERIFY(m_session->canUndo());
    QCOMPARE(m_session->undoText(), u"Change speaker"_s);

    m_session->undo();
    QCOMPARE(layers(*m_store, m_articleId), before);
    QCOMPARE(correctionCount(*m_store, m_articleId), 0);
    QCOMPARE(
        m_session->analysis().quotes.at(qi).speaker,
        Analyzer::analyze(ArticleRepository(*m_store).article(m_articleId).value()).quotes.at(qi).speaker);
    QVERIFY(!m_session->analysis().quotes.at(qi).corrected);

    m_session->redo();
    QCOMPARE(layers(*m_store, m_articleId), after);
    QCOMPARE(correctionCount(*m_store, m_articleId), 1);
    QCOMPARE(changed.count(), 3);

    // A second decision about the same quote replaces the first; undo brings the first back.
    QVERIFY(m_session->setQuoteSpeaker(qi, u"Rosa Lind"_s).ok());
    QCOMPARE(correctionCount(*m_store, m_articleId), 1);
    m_session->undo();
    QCOMPARE(layers(*m_store, m_articleId), after);
}

void TestSessionCorrections::rejectAndAddQuote()
{
    const QString before = layers(*m_store, m_articleId);
    const int count = int(m_session->analysis().quotes.size());
    const int qi = quoteIndex(m_session->analysis(), u"\u201CThe pier"_s);
    QVERIFY(qi >= 0);
    QVERIFY(m_session->rejectQuote(qi).ok());
    QCOMPARE(m_session->analysis().quotes.size(), count - 1);
    QCOMPARE(quoteIndex(m_session->analysis(), u"\u201CThe pier"_s), -1);
    m_session->undo();
    QCOMPARE(layers(*m_store, m_articleId), before);
    QCOMPARE(m_session->analysis().quotes.size(), count);

    // A passage the analysis did not take for a quote.
    const QString words = u"a fair deal for Northport"_s;
    const qsizetype at = Body.indexOf(words);
    QVERIFY(m_session->addQuote(Span { at, at + words.size() }, u"Coastal Trust"_s).ok());
    const int added = quoteIndex(m_session->analysis(), words);
    QVERIFY(added >= 0);
    QCOMPARE(m_session->analysis().quotes.at(added).speaker, u"Coastal Trust"_s);
    QVERIFY(m_session->analysis().quotes.at(added).corrected);
    m_session->undo();
    QCOMPARE(quoteIndex(m_session->analysis(), words), -1);
    QCOMPARE(layers(*m_store, m_articleId), before);
    QVERIFY(!m_session->addQuote(Span { 5, 5 }, {}).ok());
}

void TestSessionCorrections::entityTypeRenameRemoveAdd()
{
    const QString before = layers(*m_store, m_articleId);
    int ei = entityIndex(m_session->analysis(), u"Coastal Trust"_s);
    QVERIFY2(ei >= 0, qPrintable(before));

    QVERIFY(m_session->setEntityType({ ei }, Entity::Type::Loc).ok());
    ei = entityIndex(m_session->analysis(), u"Coastal Trust"_s);
    QCOMPARE(m_session->analysis().entities.at(ei).type, Entity::Type::Loc);
    QVERIFY(m_session->analysis().entities.at(ei).corrected);

    QVERIFY(m_session->renameEntity(ei, u"Coastal Heritage Trust"_s).ok());
    ei = entityIndex(m_session->analysis(), u"Coastal Trust"_s);
    QCOMPARE(m_session->analysis().entities.at(ei).canonical, u"Coastal Heritage Trust"_s);

    QVERIFY(m_session->removeEntities({ ei }).ok());
    QCOMPARE(entityIndex(m_session->analysis(), u"Coastal Trust"_s), -1);

    const qsizetype at = Body.indexOf(u"harbour board"_s);
    QVERIFY(m_session->addEntity(Span { at, at + 13 }, Entity::Type::Org).ok());
    const int added = entityIndex(m_session->analysis(), u"harbour board"_s);
    QVERIFY(added >= 0);
    QCOMPARE(m_session->analysis().entities.at(added).type, Entity::Type::Org);

    // Four undo steps, back to the automatic layers.
    for (int i = 0; i < 4; ++i) {
        QVERIFY(m_session->canUndo());
        m_session->undo();
    }
    QCOMPARE(layers(*m_store, m_articleId), before);
    QCOMPARE(correctionCount(*m_store, m_articleId), 0);
}

void TestSessionCorrections::severalMentionsAreOneStep()
{
    const QString before = layers(*m_store, m_articleId);
    const int rosa = entityIndex(m_session->analysis(), u"Rosa Lind"_s);
    const int tomas = entityIndex(m_session->analysis(), u"Tomas Berg"_s);
    QVERIFY2(rosa >= 0 && tomas >= 0, qPrintable(before));
    QVERIFY(m_session->setEntityType({ rosa, tomas }, Entity::Type::Org).ok());
    QCOMPARE(m_session->analysis().entities.at(entityIndex(m_session->analysis(), u"Rosa Lind"_s)).type,
             Entity::Type::Org);
    QCOMPARE(m_session->analysis().entities.at(entityIndex(m_session->analysis(), u"Tomas Berg"_s)).type,
             Entity::Type::Org);
    QCOMPARE(correctionCount(*m_store, m_articleId), 2);
    m_session->undo();
    QVERIFY(!m_session->canUndo());
    QCOMPARE(layers(*m_store, m_articleId), before);
}

void TestSessionCorrections::correctionsOutliveReanalysis()
{
    const int qi = quoteIndex(m_session->analysis(), u"\u201CWe have"_s);
    QVERIFY(m_session->setQuoteSpeaker(qi, u"Tomas Berg"_s).ok());
    const QString corrected = layers(*m_store, m_articleId);
    // A new analyzer version analyses the article again: the decision stays.
    const Article article = ArticleRepository(*m_store).article(m_articleId).value();
    QVERIFY(AnalysisRepository(*m_store)
                .replaceAnalysis(m_articleId, Analyzer::analyze(article), Analyzer::Version)
                .ok());
    QCOMPARE(layers(*m_store, m_articleId), corrected);
}

void TestSessionCorrections::staleIndexIsRefused()
{
    const QString before = layers(*m_store, m_articleId);
    QVERIFY(!m_session->setQuoteSpeaker(999, u"Nobody"_s).ok());
    QVERIFY(!m_session->removeEntities({ -1 }).ok());
    QVERIFY(!m_session->removeEntities({}).ok());
    QVERIFY(!m_session->canUndo());
    QCOMPARE(layers(*m_store, m_articleId), before);
}

QTEST_GUILESS_MAIN(TestSessionCorrections)
#include "tst_sessioncorrections.moc"
