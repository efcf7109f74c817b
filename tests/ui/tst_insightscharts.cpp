// SPDX-License-Identifier: GPL-3.0-or-later
// The Charts tab of the Insights view on the invented harbour articles (InsightsFixture.h): the
// numbers drawn are the library's, the charts follow a dark palette, and they save as PNG and SVG.
#include "InsightsFixture.h"
#include "insights/InsightsCharts.h"
#include "insights/InsightsModels.h"
#include "insights/InsightsView.h"
#include "store/ArticleStore.h"

#include <QApplication>
#include <QBarSet>
#include <QChart>
#include <QFile>
#include <QHorizontalBarSeries>
#include <QImage>
#include <QLineSeries>
#include <QPieSeries>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Lede;

class TestInsightsCharts final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void chartsDrawTheLibrary();
    void darkPaletteAndSaving();

private:
    // An Insights view on the Charts tab, with its data in.
    void showCharts(InsightsView &view);
    QTemporaryDir m_dir;
    QString m_path;
};

void TestInsightsCharts::initTestCase()
{
    m_path = m_dir.filePath(u"lib.sqlite"_s);
    ArticleStore store;
    QVERIFY(store.open(m_path).ok());
    for (const auto &a : LedeTest::harbourArticles())
        QVERIFY(LedeTest::store(store, a) > 0);
}

void TestInsightsCharts::showCharts(InsightsView &view)
{
    view.resize(900, 600);
    view.show();
    auto *tabs = view.findChild<QTabWidget *>(u"insightsTabs"_s);
    QVERIFY(tabs);
    tabs->setCurrentWidget(view.charts());
    QTRY_VERIFY(!view.charts()->chart()->series().isEmpty());
    QTRY_VERIFY(!view.isBusy());
}

void TestInsightsCharts::chartsDrawTheLibrary()
{
    InsightsView view(m_path);
    showCharts(view);
    InsightsCharts *charts = view.charts();

    // Quotes per speaker: one bar per speaker, the most quoted on top with the Sources table's count.
    charts->setKind(InsightsCharts::Kind::QuotesPerSpeaker);
    auto *bars = qobject_cast<QHorizontalBarSeries *>(charts->chart()->series().first());
    QVERIFY(bars);
    QCOMPARE(bars->barSets().size(), 1);
    const QBarSet *set = bars->barSets().first();
    // The sources table of the same scope, computed by the view.
    auto *tabs = view.findChild<QTabWidget *>(u"insightsTabs"_s);
    tabs->setCurrentIndex(0);
    QTRY_VERIFY(view.sourcesModel()->rowCount() > 0);
    QTRY_VERIFY(!view.isBusy());
    const int speakers = view.sourcesModel()->rowCount();
    QCOMPARE(set->count(), std::min(speakers, int(InsightsCharts::TopSpeakers)));
    qint64 totalQuotes = 0;
    for (int r = 0; r < speakers; ++r)
        totalQuotes += view.sourcesModel()->sourceAt(r).quotes;
    // The top bar (drawn last) is the most quoted speaker.
    QCOMPARE(qint64(set->at(set->count() - 1)), view.sourcesModel()->sourceAt(0).quotes);
    qreal drawn = 0;
    for (int i = 0; i < set->count(); ++i)
        drawn += set->at(i);
    QCOMPARE(qint64(drawn), totalQuotes); // fewer speakers than the top N: every quote is drawn

    // Share by kind: the slices add up to every attributed quote.
    charts->setKind(InsightsCharts::Kind::ShareByKind);
    auto *pie = qobject_cast<QPieSeries *>(charts->chart()->series().first());
    QVERIFY(pie);
    QCOMPARE(qint64(pie->sum()), totalQuotes);

    // Over time: a line per speaker, dated articles only.
    charts->setKind(InsightsCharts::Kind::QuotesOverTime);
    QVERIFY(!charts->chart()->series().isEmpty());
    QStringList lines;
    for (QAbstractSeries *s : charts->chart()->series()) {
        QVERIFY(qobject_cast<QLineSeries *>(s));
        lines << s->name();
    }
    QVERIFY(lines.contains(view.sourcesModel()->sourceAt(0).speaker));
    QVERIFY(!lines.contains(u"Tomas Berg"_s)); // quoted only in the undated article
    charts->setKind(InsightsCharts::Kind::MentionsOverTime);
    QStringList named;
    for (QAbstractSeries *s : charts->chart()->series())
        named << s->name();
    QVERIFY2(named.contains(u"Northport"_s), qPrintable(named.join(u", "_s)));
    auto *northport = [&]() -> QLineSeries * {
        for (QAbstractSeries *s : charts->chart()->series()) {
            if (s->name() == u"Northport"_s)
                return qobject_cast<QLineSeries *>(s);
        }
        return nullptr;
    }();
    QVERIFY(northport);
    QCOMPARE(northport->count(), 2); // February and March 2024
}

void TestInsightsCharts::darkPaletteAndSaving()
{
    InsightsView view(m_path);
    QPalette dark = view.palette();
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    view.setPalette(dark);
    showCharts(view);
    QCOMPARE(view.charts()->chart()->theme(), QChart::ChartThemeDark);

    QTemporaryDir out;
    const QString png = out.filePath(u"chart.png"_s);
    const QString svg = out.filePath(u"chart.svg"_s);
    QVERIFY(view.charts()->save(png).ok());
    QVERIFY(view.charts()->save(svg).ok());
    const QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() >= 640);
    QFile svgFile(svg);
    QVERIFY(svgFile.open(QIODevice::ReadOnly));
    const QByteArray drawing = svgFile.readAll();
    QVERIFY(drawing.contains("<svg"));
    QVERIFY(drawing.contains("</svg>"));
    // A folder that does not exist: a clear failure, no file.
    const Status bad = view.charts()->save(out.filePath(u"missing/chart.png"_s));
    QVERIFY(!bad.ok());
    QVERIFY(!bad.errorString().isEmpty());
}

QTEST_MAIN(TestInsightsCharts)
#include "tst_insightscharts.moc"
