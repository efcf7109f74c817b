// SPDX-License-Identifier: GPL-3.0-or-later
#include "InsightsCharts.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QBuffer>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLineSeries>
#include <QPainter>
#include <QPieSeries>
#include <QPushButton>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

// A line chart of monthly counts; each series a line, months on a date axis.
void addTimeSeries(QChart *chart, const QList<Insights::TimeSeries> &series, const QString &yTitle)
{
    auto *x = new QDateTimeAxis;
    x->setFormat(u"MMM yyyy"_s);
    x->setTitleText(InsightsCharts::tr("Month of publication"));
    auto *y = new QValueAxis;
    y->setLabelFormat(u"%d"_s);
    y->setTitleText(yTitle);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    qint64 most = 1;
    QDate first;
    QDate last;
    for (const Insights::TimeSeries &s : series) {
        if (s.points.isEmpty())
            continue;
        auto *line = new QLineSeries;
        line->setName(s.name);
        line->setPointsVisible(true);
        for (const auto &[month, count] : s.points) {
            line->append(double(QDateTime(month.startOfDay()).toMSecsSinceEpoch()), double(count));
            most = std::max(most, count);
            first = first.isValid() ? std::min(first, month) : month;
            last = last.isValid() ? std::max(last, month) : month;
        }
        chart->addSeries(line);
        line->attachAxis(x);
        line->attachAxis(y);
    }
    if (first.isValid()) {
        x->setRange(QDateTime(first.addMonths(-1).startOfDay()), QDateTime(last.addMonths(1).startOfDay()));
        x->setTickCount(int(std::clamp<qint64>(first.daysTo(last) / 30 + 3, 3, 8)));
    }
    y->setRange(0, double(most));
    y->setTickCount(int(std::min<qint64>(most, 5)) + 1);
}

} // namespace

InsightsCharts::InsightsCharts(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QHBoxLayout;
    m_kind = new QComboBox(this);
    m_kind->setObjectName(u"chartKind"_s);
    m_kind->addItem(tr("Quotes per speaker (top %1)").arg(TopSpeakers), int(Kind::QuotesPerSpeaker));
    m_kind->addItem(tr("Share of quotes by kind of speaker"), int(Kind::ShareByKind));
    m_kind->addItem(tr("Quotes over time, most quoted speakers"), int(Kind::QuotesOverTime));
    m_kind->addItem(tr("Mentions over time, most named entities"), int(Kind::MentionsOverTime));
    m_save = new QPushButton(tr("Save Chart\u2026"), this);
    m_save->setObjectName(u"chartSave"_s);
    m_save->setToolTip(tr("Save the chart as a PNG image or an SVG drawing"));
    bar->addWidget(m_kind, 1);
    bar->addWidget(m_save);
    layout->addLayout(bar);
    m_view = new QChartView(new QChart, this);
    m_view->setObjectName(u"chartView"_s);
    m_view->setRenderHint(QPainter::Antialiasing);
    layout->addWidget(m_view, 1);
    m_note = new QLabel(this);
    m_note->setObjectName(u"chartNote"_s);
    m_note->setWordWrap(true);
    layout->addWidget(m_note);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &InsightsCharts::rebuild);
    connect(m_save, &QPushButton::clicked, this, &InsightsCharts::askAndSave);
    rebuild();
}

InsightsCharts::~InsightsCharts() = default;

void InsightsCharts::setData(const ChartData &data)
{
    m_data = data;
    rebuild();
}

InsightsCharts::Kind InsightsCharts::kind() const
{
    return Kind(m_kind->currentData().toInt());
}

void InsightsCharts::setKind(Kind kind)
{
    m_kind->setCurrentIndex(m_kind->findData(int(kind)));
}

QChart *InsightsCharts::chart() const
{
    return m_view->chart();
}

void InsightsCharts::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        rebuild(); // light or dark
    QWidget::changeEvent(event);
}

void InsightsCharts::rebuild()
{
    auto *chart = new QChart;
    chart->setTheme(isDark(palette()) ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundBrush(palette().brush(QPalette::Base));
    chart->setTitleBrush(palette().brush(QPalette::Text));
    chart->legend()->setLabelColor(palette().color(QPalette::Text));
    QString note;
    switch (kind()) {
    case Kind::QuotesPerSpeaker: {
        chart->setTitle(tr("Quotes per speaker"));
        auto *set = new QBarSet(tr("Quotes"));
        QStringList names;
        for (const Insights::SourceRow &row : m_data.sources) {
            if (names.size() == TopSpeakers)
                break;
            names.append(row.speaker);
            *set << double(row.quotes);
        }
        // Most quoted at the top of a horizontal bar chart: the axis counts from the bottom.
        std::reverse(names.begin(), names.end());
        QList<qreal> values;
        for (int i = int(set->count()) - 1; i >= 0; --i)
            values.append(set->at(i));
        set->remove(0, set->count());
        set->append(values);
        auto *series = new QHorizontalBarSeries;
        series->append(set);
        series->setLabelsVisible(true);
        chart->addSeries(series);
        auto *y = new QBarCategoryAxis;
        y->append(names);
        chart->addAxis(y, Qt::AlignLeft);
        series->attachAxis(y);
        auto *x = new QValueAxis;
        x->setLabelFormat(u"%d"_s);
        x->setTitleText(tr("Quotes"));
        chart->addAxis(x, Qt::AlignBottom);
        series->attachAxis(x);
        chart->legend()->hide();
        if (m_data.sources.size() > TopSpeakers)
            note = tr("%1 more speakers are in the Sources table.").arg(m_data.sources.size() - TopSpeakers);
        break;
    }
    case Kind::ShareByKind: {
        chart->setTitle(tr("Share of quotes by kind of speaker"));
        qint64 counts[3] = {};
        for (const Insights::SourceRow &row : m_data.sources)
            counts[int(row.kind)] += row.quotes;
        auto *series = new QPieSeries;
        const QString labels[3] = { tr("Other or unnamed"), tr("Organisations"), tr("People") };
        for (int k = 2; k >= 0; --k) {
            if (counts[k] > 0)
                series->append(tr("%1: %2").arg(labels[k]).arg(counts[k]), double(counts[k]));
        }
        series->setLabelsVisible(true);
        chart->addSeries(series);
        note = tr("Quotes without a speaker are not counted.");
        break;
    }
    case Kind::QuotesOverTime:
        chart->setTitle(tr("Quotes per month"));
        addTimeSeries(chart, m_data.quotesOverTime, tr("Quotes"));
        break;
    case Kind::MentionsOverTime:
        chart->setTitle(tr("Mentions per month"));
        addTimeSeries(chart, m_data.mentionsOverTime, tr("Mentions"));
        break;
    }
    if (kind() == Kind::QuotesOverTime || kind() == Kind::MentionsOverTime) {
        const auto &series = kind() == Kind::QuotesOverTime ? m_data.quotesOverTime : m_data.mentionsOverTime;
        qint64 undated = 0;
        for (const Insights::TimeSeries &s : series)
            undated += s.undated;
        if (undated > 0)
            note = tr("%1 more in articles without a publication date are not shown.").arg(undated);
    }
    if (chart->series().isEmpty())
        note = tr("Nothing to draw for these articles yet.");
    QChart *old = m_view->chart();
    m_view->setChart(chart);
    delete old;
    m_note->setText(note);
    m_save->setEnabled(!chart->series().isEmpty());
}

Status InsightsCharts::save(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Status::failure(tr("Cannot write %1: %2").arg(path, file.errorString()));
    const QSize size = m_view->size().expandedTo(QSize(640, 400));
    if (path.endsWith(u".svg"_s, Qt::CaseInsensitive)) {
        QSvgGenerator svg;
        svg.setOutputDevice(&file);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setTitle(chart()->title());
        QPainter painter(&svg);
        m_view->render(&painter, QRectF(QPoint(0, 0), size), m_view->viewport()->rect());
        painter.end();
    } else {
        QImage image(size, QImage::Format_ARGB32_Premultiplied);
        image.fill(palette().color(QPalette::Base));
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        m_view->render(&painter, QRectF(QPoint(0, 0), size), m_view->viewport()->rect());
        painter.end();
        if (!image.save(&file, "PNG"))
            return Status::failure(tr("Cannot write %1: the image could not be encoded").arg(path));
    }
    if (!file.commit())
        return Status::failure(tr("Cannot write %1: %2").arg(path, file.errorString()));
    return {};
}

void InsightsCharts::askAndSave()
{
    QString selected;
    QString path = QFileDialog::getSaveFileName(this, tr("Save Chart"), QString(),
                                                tr("PNG image (*.png);;SVG drawing (*.svg)"), &selected);
    if (path.isEmpty())
        return;
    if (!path.endsWith(u".png"_s, Qt::CaseInsensitive) && !path.endsWith(u".svg"_s, Qt::CaseInsensitive))
        path += selected.contains(u"svg"_s) ? u".svg"_s : u".png"_s;
    const Status s = save(path);
    m_note->setText(s.ok() ? tr("Saved to %1.").arg(path) : s.errorString());
}

} // namespace Lede
