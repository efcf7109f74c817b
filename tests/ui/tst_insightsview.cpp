// SPDX-License-Identifier: GPL-3.0-or-later
// The Insights view on a library of invented articles (InsightsFixture.h): its models (checked by
// QAbstractItemModelTester), the tables filled off the GUI thread, the filter field, a speaker's
// quotes, double-click to open, the figures' conflicts.
#include "InsightsFixture.h"
#include "insights/InsightsModels.h"
#include "insights/InsightsView.h"
#include "store/ArticleStore.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Lede;

class TestInsightsView final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void modelsPassTheTester();
    void sourcesFilterAndSort();
    void speakerQuotesAndDoubleClickOpens();
    void entitiesByTypeAndPairs();
    void figuresConflictsOnly();
    void mergeAndKeepApartSpeakers();

private:
    template<typename T> T *child(QWidget &view, const QString &name) { return view.findChild<T *>(name); }
    QTemporaryDir m_dir;
    QString m_path;
    QList<qint64> m_ids;
};

void TestInsightsView::initTestCase()
{
    m_path = m_dir.filePath(u"lib.sqlite"_s);
    ArticleStore store;
    QVERIFY(store.open(m_path).ok());
    for (const auto &a : LedeTest::harbourArticles())
        m_ids.append(LedeTest::store(store, a));
}

void TestInsightsView::modelsPassTheTester()
{
    ArticleStore store;
    QVERIFY(store.open(m_path).ok());
    const QSqlDatabase db = store.database();
    SourcesModel sources;
    QAbstractItemModelTester t1(&sources, QAbstractItemModelTester::FailureReportingMode::QtTest);
    sources.setRows(*Insights::sources(db, {}));
    QCOMPARE(sources.rowCount(), 6);
    QCOMPARE(sources.columnCount(), int(SourcesModel::ColumnCount));
    QCOMPARE(sources.index(0, SourcesModel::Quotes).data().toInt(), 2);
    QCOMPARE(sources.index(0, SourcesModel::FirstPublished).data().toDate(), QDate(2024, 3, 1));
    QCOMPARE(sources.csvCells(0).join(u','),
             u"Rosa Lind,person,2,2,2024-03-01,2024-03-05,Coast Post; Harbour Times,"_s); // no roles stored

    SpeakerQuotesModel quotes;
    QAbstractItemModelTester t2(&quotes, QAbstractItemModelTester::FailureReportingMode::QtTest);
    quotes.setRows(*Insights::quotesBy(db, u"Rosa Lind"_s, {}));
    QCOMPARE(quotes.rowCount(), 2);
    QCOMPARE(quotes.index(0, SpeakerQuotesModel::Quote).data().toString(),
             u"\u201CWe have the money,\u201D"_s);

    EntityIndexModel entities;
    QAbstractItemModelTester t3(&entities, QAbstractItemModelTester::FailureReportingMode::QtTest);
    entities.setRows(*Insights::entities(db, {}));
    QCOMPARE(entities.rowCount(), 4);

    CooccurrenceModel pairs;
    QAbstractItemModelTester t4(&pairs, QAbstractItemModelTester::FailureReportingMode::QtTest);
    pairs.setRows(*Insights::cooccurrence(db, {}));
    QCOMPARE(pairs.rowCount(), 4);
    QCOMPARE(pairs.index(0, CooccurrenceModel::Articles).data().toInt(), 2);

    EntityArticlesModel articles;
    QAbstractItemModelTester t5(&articles, QAbstractItemModelTester::FailureReportingMode::QtTest);
    articles.setRows(*Insights::articlesNaming(db, u"Northport"_s, u"LOC"_s, {}));
    QCOMPARE(articles.rowCount(), 3);

    FiguresModel figures;
    QAbstractItemModelTester t6(&figures, QAbstractItemModelTester::FailureReportingMode::QtTest);
    figures.setRows(*Insights::figures(db, {}, false));
    QCOMPARE(figures.rowCount(), 5);
    QVERIFY(!figures.index(0, FiguresModel::ConflictGroup).data().isValid());
    QCOMPARE(figures.index(2, FiguresModel::ConflictGroup).data().toInt(), 1);
    QVERIFY(figures.index(2, 0).data(Qt::FontRole).value<QFont>().bold());

    InsightsFilterModel proxy;
    QAbstractItemModelTester t7(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&sources);
    proxy.setFilterText(u"harbour"_s);
    QCOMPARE(proxy.rowCount(), 3); // Rosa Lind, Lind, Ros Lind: quoted in the Harbour Times
}

void TestInsightsView::sourcesFilterAndSort()
{
    InsightsView view(m_path);
    view.show();
    QTRY_COMPARE(view.sourcesModel()->rowCount(), 5); // "Berg" joined "Tomas Berg"
    auto *table = child<QTableView>(view, u"sourcesTable"_s);
    QVERIFY(table);
    QCOMPARE(table->model()->index(0, 0).data().toString(), u"Rosa Lind"_s);
    QTest::keyClicks(child<QLineEdit>(view, u"insightsFilter"_s), u"LIND"_s);
    QCOMPARE(table->model()->rowCount(), 3);
    child<QLineEdit>(view, u"insightsFilter"_s)->clear();
    QCOMPARE(table->model()->rowCount(), 5);
    // Sort by first publication: undated (Tomas Berg) last, the earliest (Ros Lind) first.
    table->sortByColumn(SourcesModel::FirstPublished, Qt::AscendingOrder);
    QCOMPARE(table->model()->index(0, 0).data().toString(), u"Ros Lind"_s);
    QCOMPARE(table->model()->index(4, 0).data().toString(), u"Tomas Berg"_s);
    QVERIFY(!view.isBusy());
}

void TestInsightsView::speakerQuotesAndDoubleClickOpens()
{
    InsightsView view(m_path);
    view.resize(900, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTRY_COMPARE(view.sourcesModel()->rowCount(), 5);
    auto *sources = child<QTableView>(view, u"sourcesTable"_s);
    sources->setCurrentIndex(sources->model()->index(1, 0)); // Tomas Berg, with "Berg"
    QCOMPARE(sources->currentIndex().data().toString(), u"Tomas Berg"_s);
    QTRY_COMPARE(view.speakerQuotesModel()->rowCount(), 2);
    auto *quotes = child<QTableView>(view, u"speakerQuotesTable"_s);
    QCOMPARE(quotes->model()->index(0, SpeakerQuotesModel::Quote).data().toString(),
             u"\u201CWe fish here,\u201D"_s);
    QCOMPARE(quotes->model()->index(0, SpeakerQuotesModel::After).data().toString(),
             u" said Tomas Berg in Northport. \u201C=SUM(A1)\u201D, Berg joked."_s);

    QSignalSpy open(&view, &InsightsView::openArticleRequested);
    const QRect cell = quotes->visualRect(quotes->model()->index(1, SpeakerQuotesModel::Quote));
    QTest::mouseClick(quotes->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(quotes->viewport(), Qt::LeftButton, {}, cell.center());
    QTRY_COMPARE(open.count(), 1);
    const QString body = LedeTest::harbourArticles().at(3).body;
    QCOMPARE(open.at(0).at(0).toLongLong(), m_ids[3]);
    QCOMPARE(open.at(0).at(1).toLongLong(), body.indexOf(u"\u201C=SUM"_s)); // UTF-16, after the emoji
}

void TestInsightsView::entitiesByTypeAndPairs()
{
    InsightsView view(m_path);
    view.show();
    child<QTabWidget>(view, u"insightsTabs"_s)->setCurrentIndex(1);
    QTRY_COMPARE(view.entitiesModel()->rowCount(), 4);
    QTRY_COMPARE(view.cooccurrenceModel()->rowCount(), 4);
    auto *type = child<QComboBox>(view, u"entityTypeFilter"_s);
    type->setCurrentIndex(type->findData(u"PERSON"_s));
    QTRY_COMPARE(view.entitiesModel()->rowCount(), 2);
    QTRY_COMPARE(view.cooccurrenceModel()->rowCount(), 0);
    auto *entities = child<QTableView>(view, u"entitiesTable"_s);
    entities->setCurrentIndex(entities->model()->index(0, 0)); // Rosa Lind
    QTRY_COMPARE(view.entityArticlesModel()->rowCount(), 3);
}

void TestInsightsView::figuresConflictsOnly()
{
    InsightsView view(m_path);
    view.show();
    child<QTabWidget>(view, u"insightsTabs"_s)->setCurrentIndex(2);
    QTRY_COMPARE(view.figuresModel()->rowCount(), 5);
    child<QCheckBox>(view, u"figuresConflictsOnly"_s)->setChecked(true);
    QTRY_COMPARE(view.figuresModel()->rowCount(), 3);
    QCOMPARE(view.figuresModel()->figureAt(0).value, 40.0);
    QCOMPARE(view.figuresModel()->figureAt(2).value, 55.0);
    // A scope of one article: its figures agree with themselves.
    Insights::Scope one;
    one.articleIds = QList<qint64> { m_ids[0] };
    view.setScope(one);
    QTRY_COMPARE(view.figuresModel()->rowCount(), 0);
    QTRY_VERIFY(!view.isBusy());
}

void TestInsightsView::mergeAndKeepApartSpeakers()
{
    // A library of its own: the merge is written to it.
    QTemporaryDir dir;
    const QString path = dir.filePath(u"merge.sqlite"_s);
    {
        ArticleStore store;
        QVERIFY(store.open(path).ok());
        for (const auto &a : LedeTest::harbourArticles())
            QVERIFY(LedeTest::store(store, a) > 0);
    }
    InsightsView view(path);
    view.show();
    QTRY_VERIFY(view.sourcesModel()->rowCount() > 0);
    QTRY_VERIFY(!view.isBusy());
    const auto rowOf = [&](const QString &speaker) {
        for (int r = 0; r < view.sourcesModel()->rowCount(); ++r) {
            if (view.sourcesModel()->sourceAt(r).speaker == speaker)
                return r;
        }
        return -1;
    };
    QVERIFY(rowOf(u"Ros Lind"_s) >= 0);
    QVERIFY(rowOf(u"Rosa Lind"_s) >= 0);
    const qint64 before = view.sourcesModel()->sourceAt(rowOf(u"Rosa Lind"_s)).quotes;
    const int rows = view.sourcesModel()->rowCount();

    // "Lind" stays apart while two full names end with it.
    QVERIFY(rowOf(u"Lind"_s) >= 0);
    // "Ros Lind" (a misspelling) is Rosa Lind: one speaker across the library; then "Lind" has
    // only one full name left and joins it automatically.
    view.mergeSpeakers({ u"Ros Lind"_s, u"Rosa Lind"_s }, u"Rosa Lind"_s);
    QTRY_COMPARE(view.sourcesModel()->rowCount(), rows - 2);
    QTRY_VERIFY(!view.isBusy());
    QCOMPARE(rowOf(u"Ros Lind"_s), -1);
    QCOMPARE(rowOf(u"Lind"_s), -1);
    const Insights::SourceRow merged = view.sourcesModel()->sourceAt(rowOf(u"Rosa Lind"_s));
    QCOMPARE(merged.quotes, before + 2);
    QCOMPARE(merged.articles, 3);
    QVERIFY(merged.names.contains(u"Ros Lind"_s));
    QVERIFY(merged.names.contains(u"Lind"_s));

    // The decision is in the library: a fresh view (and `lede sources`) sees it.
    {
        InsightsView again(path);
        again.show();
        QTRY_COMPARE(again.sourcesModel()->rowCount(), rows - 2);
    }

    // Kept apart again.
    view.keepSpeakersApart({ u"Ros Lind"_s });
    QTRY_COMPARE(view.sourcesModel()->rowCount(), rows);
    QTRY_VERIFY(!view.isBusy());
    QVERIFY(rowOf(u"Ros Lind"_s) >= 0);
}

QTEST_MAIN(TestInsightsView)
#include "tst_insightsview.moc"
