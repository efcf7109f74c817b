// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"
#include "insights/Insights.h"
#include "insights/Timelines.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;

QT_BEGIN_NAMESPACE
class QChart;
class QChartView;
QT_END_NAMESPACE

namespace Lede {

// What the Charts tab draws, computed off the GUI thread by the Insights view.
struct ChartData
{
    QList<Insights::SourceRow> sources; // every speaker, most quoted first
    QList<Insights::TimeSeries> quotesOverTime; // the most quoted speakers
    QList<Insights::TimeSeries> mentionsOverTime; // the most named people, organisations, places
};

// The Insights charts (Qt Charts): quotes per speaker (top N), the share of quotes by kind of
// speaker (person, organisation, other), quotes over time per speaker and mentions over time per
// entity. Colours follow the palette (light and dark); every chart saves as PNG or SVG.
class InsightsCharts final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InsightsCharts)

public:
    enum class Kind { QuotesPerSpeaker, ShareByKind, QuotesOverTime, MentionsOverTime };
    static constexpr int TopSpeakers = 10;

    explicit InsightsCharts(QWidget *parent = nullptr);
    ~InsightsCharts() override;

    void setData(const ChartData &data);
    Kind kind() const;
    void setKind(Kind kind);
    // The chart shown (for tests): its series hold the numbers drawn.
    QChart *chart() const;
    // Writes the chart shown to `path`: SVG when it ends in .svg, else PNG. Atomic (QSaveFile).
    Status save(const QString &path) const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    void askAndSave();

    ChartData m_data;
    QComboBox *m_kind = nullptr;
    QPushButton *m_save = nullptr;
    QLabel *m_note = nullptr;
    QChartView *m_view = nullptr;
};

} // namespace Lede
