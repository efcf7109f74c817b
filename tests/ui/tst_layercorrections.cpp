// SPDX-License-Identifier: GPL-3.0-or-later
// The review step in the window: the context menus of the document view and of the side panel's
// Quotes and Entities tabs correct the automatic layers; the side panel marks what was reviewed;
// Undo and Redo in the window take the corrections back and forth, and the library follows.
#include "DocumentView.h"
#include "EntitiesModel.h"
#include "LayerCorrectionActions.h"
#include "MainWindow.h"
#include "ReviewBar.h"
#include "SidePanel.h"
#include "analysis/Analyzer.h"
#include "session/ArticleSession.h"
#include "store/AnalysisRepository.h"
#include "store/ArticleRepository.h"
#include "store/ArticleStore.h"

#include <QAction>
#include <QFile>
#include <QMenu>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <algorithm>

using namespace Lede;
using namespace Qt::StringLiterals;

namespace {

// Written for this test.
const QString Fixture
    = u"Ferry operator halts night crossings\n\n"
      u"By Lena Marsh\n\n"
      u"KESTREL BAY (Test Wire) – A ferry operator suspended all night crossings on Sunday after an "
      u"engine fire, the coast guard said.\n\n"
      u"Captain Ines Varga led the rescue. Her first officer, Tom Eck, stayed on the bridge.\n\n"
      u"“Nobody was hurt, and that is the only good news tonight,” she said.\n"_s;

QAction *findAction(QMenu *menu, const QString &name)
{
    for (QAction *a : menu->findChildren<QAction *>()) {
        if (a->objectName() == name)
            return a;
    }
    return nullptr;
}

int quoteIndex(const ArticleSession *session, const QString &startsWith)
{
    const auto &quotes = session->analysis().quotes;
    for (int i = 0; i < quotes.size(); ++i) {
        if (quotes.at(i).text.startsWith(startsWith))
            return i;
    }
    return -1;
}

// Every label of the tree's model, groups and rows.
QStringList labels(const QAbstractItemModel *model, const QModelIndex &parent = {})
{
    QStringList out;
    for (int r = 0; r < model->rowCount(parent); ++r) {
        const QModelIndex index = model->index(r, 0, parent);
        out << index.data().toString() << labels(model, index);
    }
    return out;
}

bool anyContains(const QStringList &list, const QString &text)
{
    return std::any_of(list.cbegin(), list.cend(), [&](const QString &s) { return s.contains(text); });
}

} // namespace

class TestLayerCorrections final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void changeSpeakerFromTheTextAndUndo();
    void entityRowTypeAndRemoval();
    void selectionBecomesQuote();
    void reviewStepsThroughQuotesThenEntities();
    void outdatedLayersAreShownUntilTodaysArrive();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
    QString m_fixture;
};

void TestLayerCorrections::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"lede-tests"_s);
    QCoreApplication::setApplicationName(u"tst_layercorrections"_s);
}

void TestLayerCorrections::init()
{
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = m_dir->filePath(u"library.sqlite"_s);
    m_fixture = m_dir->filePath(u"ferry.txt"_s);
    QFile f(m_fixture);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(Fixture.toUtf8());
}

void TestLayerCorrections::cleanup()
{
    m_dir.reset();
}

void TestLayerCorrections::changeSpeakerFromTheTextAndUndo()
{
    MainWindow window(m_db);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openArticleFiles({ m_fixture }));
    ArticleSession *session = window.session();
    const int qi = quoteIndex(session, u"“Nobody"_s);
    QVERIFY(qi >= 0);
    const QString automatic = session->analysis().quotes.at(qi).speaker;

    // The speaker dialog offers the article's people; the test answers it.
    QStringList offered;
    window.layerCorrections()->setSpeakerPrompt(
        [&offered](const QString &, const QStringList &candidates, const QString &, QString *speaker) {
            offered = candidates;
            *speaker = u"Tom Eck"_s;
            return true;
        });
    // Right-click in the quote: the document view asks the window for the layer entries.
    QMenu menu;
    const qsizetype inQuote = session->analysis().quotes.at(qi).span.start + 3;
    emit window.documentView()->layerMenuRequested(&menu, inQuote, Span {});
    QAction *change = findAction(&menu, u"changeSpeakerAction"_s);
    QVERIFY(change);
    QVERIFY(findAction(&menu, u"notAQuoteAction"_s));
    change->trigger();
    QVERIFY(offered.contains(u"Tom Eck"_s));
    QVERIFY(offered.contains(u"Ines Varga"_s));

    QCOMPARE(session->analysis().quotes.at(qi).speaker, u"Tom Eck"_s);
    QVERIFY(session->analysis().quotes.at(qi).corrected);
    auto stored = AnalysisRepository(*window.store()).analysis(session->articleId());
    QVERIFY(stored.ok());
    QCOMPARE(stored->quotes.at(qi).speaker, u"Tom Eck"_s);
    // The Quotes tab groups it under its new speaker, marked as reviewed.
    auto *quotesTree = window.sidePanel()->findChild<QTreeView *>(u"quotesTree"_s);
    QVERIFY(quotesTree);
    bool marked = false;
    for (int g = 0; g < quotesTree->model()->rowCount(); ++g) {
        const QModelIndex group = quotesTree->model()->index(g, 0);
        if (!group.data().toString().startsWith(u"Tom Eck"_s))
            continue;
        for (int r = 0; r < quotesTree->model()->rowCount(group); ++r)
            marked
                = marked || quotesTree->model()->index(r, 0, group).data().toString().startsWith(u"\u2713"_s);
    }
    QVERIFY(marked);

    // The window's Undo takes it back, in the window and in the library.
    QAction *undo = window.action(u"undoAction"_s);
    QVERIFY(undo->isEnabled());
    undo->trigger();
    QCOMPARE(session->analysis().quotes.at(qi).speaker, automatic);
    QCOMPARE(AnalysisRepository(*window.store()).analysis(session->articleId())->quotes.at(qi).speaker,
             automatic);
    window.action(u"redoAction"_s)->trigger();
    QCOMPARE(AnalysisRepository(*window.store()).analysis(session->articleId())->quotes.at(qi).speaker,
             u"Tom Eck"_s);

    // Not a quote: gone from the layer.
    QMenu again;
    emit window.documentView()->layerMenuRequested(&again, inQuote, Span {});
    findAction(&again, u"notAQuoteAction"_s)->trigger();
    QCOMPARE(quoteIndex(session, u"“Nobody"_s), -1);
    const auto stored1 = AnalysisRepository(*window.store()).analysis(session->articleId());
    QVERIFY(stored1.ok());
    for (const Quote &q : stored1->quotes)
        QVERIFY(!q.text.startsWith(u"“Nobody"_s));
}

void TestLayerCorrections::entityRowTypeAndRemoval()
{
    MainWindow window(m_db);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openArticleFiles({ m_fixture }));
    ArticleSession *session = window.session();
    auto *tree = window.sidePanel()->findChild<QTreeView *>(u"entitiesTree"_s);
    QVERIFY(tree);
    auto *model = qobject_cast<EntitiesModel *>(tree->model());
    QVERIFY(model);
    // The row of "Ines Varga" (a person), whatever group it is in.
    QModelIndex row;
    for (int g = 0; g < model->rowCount() && !row.isValid(); ++g) {
        const QModelIndex group = model->index(g, 0);
        for (int r = 0; r < model->rowCount(group); ++r) {
            if (model->index(r, 0, group).data().toString().contains(u"Ines Varga"_s))
                row = model->index(r, 0, group);
        }
    }
    QVERIFY(row.isValid());
    const QList<int> mentions = model->entityIndexesAt(row);
    QVERIFY(!mentions.isEmpty());

    QMenu menu;
    emit window.sidePanel()->entityMenuRequested(&menu, mentions);
    QAction *toOrg = findAction(&menu, u"entityType_ORG"_s);
    QVERIFY(toOrg);
    toOrg->trigger();
    for (const Entity &e : session->analysis().entities) {
        if (e.text.contains(u"Varga"_s))
            QCOMPARE(e.type, Entity::Type::Org);
    }

    QMenu remove;
    const QList<int> now = [&] {
        QList<int> out;
        for (int i = 0; i < session->analysis().entities.size(); ++i) {
            if (session->analysis().entities.at(i).text.contains(u"Varga"_s))
                out << i;
        }
        return out;
    }();
    emit window.sidePanel()->entityMenuRequested(&remove, now);
    findAction(&remove, u"notAnEntityAction"_s)->trigger();
    const auto stored2 = AnalysisRepository(*window.store()).analysis(session->articleId());
    QVERIFY(stored2.ok());
    for (const Entity &e : stored2->entities)
        QVERIFY(!e.text.contains(u"Varga"_s));

    // Two undo steps: back to the automatic person.
    window.action(u"undoAction"_s)->trigger();
    window.action(u"undoAction"_s)->trigger();
    bool person = false;
    const auto stored3 = AnalysisRepository(*window.store()).analysis(session->articleId());
    QVERIFY(stored3.ok());
    for (const Entity &e : stored3->entities)
        person = person || (e.text.contains(u"Varga"_s) && e.type == Entity::Type::Person && !e.corrected);
    QVERIFY(person);
}

void TestLayerCorrections::selectionBecomesQuote()
{
    MainWindow window(m_db);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openArticleFiles({ m_fixture }));
    ArticleSession *session = window.session();
    window.layerCorrections()->setSpeakerPrompt(
        [](const QString &, const QStringList &, const QString &, QString *speaker) {
            *speaker = u"Ines Varga"_s;
            return true;
        });
    const QString words = u"stayed on the bridge"_s;
    const qsizetype at = session->article().body.indexOf(words);
    QVERIFY(at > 0);
    QMenu menu;
    emit window.documentView()->layerMenuRequested(&menu, at, Span { at, at + words.size() });
    QVERIFY(findAction(&menu, u"markAsEntity_LOC"_s));
    findAction(&menu, u"markAsQuoteAction"_s)->trigger();
    const int qi = quoteIndex(session, words);
    QVERIFY(qi >= 0);
    QCOMPARE(session->analysis().quotes.at(qi).speaker, u"Ines Varga"_s);
    QVERIFY(session->analysis().quotes.at(qi).corrected);
}

void TestLayerCorrections::reviewStepsThroughQuotesThenEntities()
{
    MainWindow window(m_db);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openArticleFiles({ m_fixture }));
    ArticleSession *session = window.session();
    const int quotes = int(session->analysis().quotes.size());
    QVERIFY(quotes >= 1);
    ReviewBar *bar = window.reviewBar();
    QVERIFY(!bar->isVisible());
    window.resize(1100, 700);
    QCoreApplication::processEvents();
    const auto *splitter = window.findChild<QSplitter *>(u"mainSplitter"_s);
    QVERIFY(splitter);
    const QList<int> paneWidths = splitter->sizes();
    window.action(u"reviewAction"_s)->trigger();
    QVERIFY(bar->isVisible());
    QCoreApplication::processEvents();
    // The bar fits the column it opens in: a long quote is elided, not a reason to squeeze the
    // library pane or widen the window.
    QCOMPARE(window.width(), 1100);
    QCOMPARE(splitter->sizes(), paneWidths);
    QVERIFY2(bar->minimumSizeHint().width() <= bar->width(),
             qPrintable(u"the bar needs %1 px, its column has %2"_s.arg(bar->minimumSizeHint().width())
                            .arg(bar->width())));
    QCOMPARE(bar->position(), 0);
    QVERIFY2(bar->currentText().startsWith(u"Quote 1 of %1"_s.arg(quotes)), qPrintable(bar->currentText()));
    // The quote's own marks are not doubled by the bar's.
    QVERIFY2(!bar->currentText().contains(u"\u201C\u201C"_s) && !bar->currentText().contains(u"\u201C\""_s),
             qPrintable(bar->currentText()));
    const int items = bar->count();
    QVERIFY(items > quotes); // the entities follow

    // A: the quote's speaker is kept and marked as the reader's decision; the bar moves on.
    const QString speaker = session->analysis().quotes.first().speaker;
    QTest::keyClick(bar, Qt::Key_A);
    QVERIFY(session->analysis().quotes.first().corrected);
    QCOMPARE(session->analysis().quotes.first().speaker, speaker);
    QCOMPARE(session->undoText(), u"Accept speaker"_s); // not "Change speaker": nothing was changed
    QCOMPARE(bar->position(), 1);
    QVERIFY2(bar->currentText().startsWith(u"Entity 1 of"_s) || bar->currentText().startsWith(u"Quote 2"_s),
             qPrintable(bar->currentText()));

    // Walk to the first entity, then R: it is no entity; one undo step brings it back.
    while (bar->currentText().startsWith(u"Quote"_s))
        QTest::keyClick(bar, Qt::Key_N);
    const int entities = int(session->analysis().entities.size());
    const int before = bar->position();
    QTest::keyClick(bar, Qt::Key_R);
    QVERIFY(session->analysis().entities.size() < entities);
    QCOMPARE(bar->count(), items - 1);
    QCOMPARE(bar->position(), before); // the next entity took its place
    window.action(u"undoAction"_s)->trigger();
    QCOMPARE(session->analysis().entities.size(), entities);

    // C on an entity asks for its type.
    window.layerCorrections()->setTypePrompt([](Entity::Type, Entity::Type *chosen) {
        *chosen = Entity::Type::Loc;
        return true;
    });
    window.action(u"reviewAction"_s)->trigger();
    while (bar->currentText().startsWith(u"Quote"_s))
        QTest::keyClick(bar, Qt::Key_N);
    QTest::keyClick(bar, Qt::Key_C);
    int places = 0;
    const auto stored4 = AnalysisRepository(*window.store()).analysis(session->articleId());
    QVERIFY(stored4.ok());
    for (const Entity &e : stored4->entities)
        places += e.corrected && e.type == Entity::Type::Loc ? 1 : 0;
    QVERIFY(places >= 1);
    QTest::keyClick(bar, Qt::Key_Escape);
    QVERIFY(!bar->isVisible());
}

void TestLayerCorrections::outdatedLayersAreShownUntilTodaysArrive()
{
    // An article whose stored layers come from an older analyzer (here one entity today's analyzer
    // never finds): the window shows them at once, then today's replace them in the side panel
    // without the window waiting for the analysis.
    qint64 id = 0;
    {
        ArticleStore store;
        QVERIFY(store.open(m_db).ok());
        Article article;
        article.title = u"Ferry operator halts night crossings"_s;
        article.body = Fixture;
        article.contentHash = u"outdated-ferry"_s;
        AnalysisResult stored;
        Entity e;
        e.span = { 0, 5 };
        e.text = Fixture.left(5);
        e.type = Entity::Type::Loc;
        e.canonical = u"Stored layer"_s;
        stored.entities << e;
        auto added = ArticleRepository(store).addArticle(article, stored, Analyzer::Version - 1);
        QVERIFY(added.ok());
        id = *added;
    }
    MainWindow window(m_db);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openArticle(id));
    auto *tree = window.sidePanel()->findChild<QTreeView *>(u"entitiesTree"_s);
    QVERIFY(tree);
    QVERIFY(anyContains(labels(tree->model()), u"Stored layer"_s));
    QVERIFY(!anyContains(labels(tree->model()), u"Ines Varga"_s));
    QVERIFY(window.session()->isReanalysing());

    QTRY_VERIFY(anyContains(labels(tree->model()), u"Ines Varga"_s));
    QVERIFY(!anyContains(labels(tree->model()), u"Stored layer"_s));
    QCOMPARE(ArticleRepository(*window.store()).article(id)->analyzerVersion, Analyzer::Version);
}

QTEST_MAIN(TestLayerCorrections)
#include "tst_layercorrections.moc"
