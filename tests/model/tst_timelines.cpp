// SPDX-License-Identifier: GPL-3.0-or-later
// Counts over time for the Insights charts, on the invented harbour articles (InsightsFixture.h).
#include "InsightsFixture.h"
#include "insights/SpeakerIdentities.h"
#include "insights/Timelines.h"
#include "store/ArticleStore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Lede;

class TestTimelines final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void monthOf();
    void quotesPerMonth();
    void mentionsPerMonth();
    void scopeApplies();

private:
    QTemporaryDir m_dir;
    ArticleStore m_store;
    QList<qint64> m_ids;
};

void TestTimelines::initTestCase()
{
    QVERIFY(m_store.open(m_dir.filePath(u"lib.sqlite"_s)).ok());
    for (const auto &a : LedeTest::harbourArticles())
        m_ids.append(LedeTest::store(m_store, a));
    QVERIFY(!m_ids.contains(0));
    QVERIFY(SpeakerIdentities(m_store.database()).refreshAutomatic().ok());
}

void TestTimelines::monthOf()
{
    QCOMPARE(Insights::monthOf(QDate(2024, 3, 17)), QDate(2024, 3, 1));
    QCOMPARE(Insights::monthOf(QDate(2024, 12, 31)), QDate(2024, 12, 1));
    QVERIFY(!Insights::monthOf(QDate()).isValid());
}

void TestTimelines::quotesPerMonth()
{
    auto series = Insights::quotesOverTime(m_store.database(), {},
                                           { u"Coastal Trust"_s, u"Tomas Berg"_s, u"Nobody"_s });
    QVERIFY2(series.ok(), qPrintable(series.errorString()));
    QCOMPARE(series->size(), 3);
    const Insights::TimeSeries &trust = series->at(0);
    QCOMPARE(trust.name, u"Coastal Trust"_s);
    QCOMPARE(trust.points, (QList<QPair<QDate, qint64>> { { QDate(2024, 3, 1), 1 } }));
    QCOMPARE(trust.undated, 0);
    // Tomas Berg ("Berg" merged into him) is quoted twice in the article without a date.
    const Insights::TimeSeries &berg = series->at(1);
    QVERIFY(berg.points.isEmpty());
    QCOMPARE(berg.undated, 2);
    QCOMPARE(berg.total(), 2);
    QCOMPARE(series->at(2).total(), 0);
}

void TestTimelines::mentionsPerMonth()
{
    auto series = Insights::mentionsOverTime(m_store.database(), {}, { { u"Northport"_s, u"LOC"_s } });
    QVERIFY2(series.ok(), qPrintable(series.errorString()));
    QCOMPARE(series->size(), 1);
    const Insights::TimeSeries &northport = series->first();
    QCOMPARE(northport.type, u"LOC"_s);
    QCOMPARE(northport.points,
             (QList<QPair<QDate, qint64>> { { QDate(2024, 2, 1), 1 }, { QDate(2024, 3, 1), 1 } }));
    QCOMPARE(northport.undated, 1);
}

void TestTimelines::scopeApplies()
{
    Insights::Scope scope;
    scope.articleIds = QList<qint64> { m_ids.at(2) }; // the February article only
    auto series = Insights::mentionsOverTime(m_store.database(), scope, { { u"Northport"_s, u"LOC"_s } });
    QVERIFY(series.ok());
    QCOMPARE(series->first().points, (QList<QPair<QDate, qint64>> { { QDate(2024, 2, 1), 1 } }));
    QCOMPARE(series->first().undated, 0);
}

QTEST_GUILESS_MAIN(TestTimelines)
#include "tst_timelines.moc"
