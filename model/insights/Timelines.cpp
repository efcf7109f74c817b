// SPDX-License-Identifier: GPL-3.0-or-later
#include "Timelines.h"

#include <map>

namespace Lede::Insights {

qint64 TimeSeries::total() const
{
    qint64 sum = undated;
    for (const auto &point : points)
        sum += point.second;
    return sum;
}

QDate monthOf(const QDate &date)
{
    return date.isValid() ? QDate(date.year(), date.month(), 1) : QDate();
}

namespace {

// Sums (date, count) pairs into months.
class MonthCounter
{
public:
    void add(const QDate &date, qint64 count)
    {
        if (date.isValid())
            m_months[monthOf(date).toJulianDay()] += count;
        else
            m_undated += count;
    }
    TimeSeries series(const QString &name, const QString &type) const
    {
        TimeSeries s;
        s.name = name;
        s.type = type;
        s.undated = m_undated;
        for (const auto &[day, count] : m_months)
            s.points.append({ QDate::fromJulianDay(day), count });
        return s;
    }

private:
    std::map<qint64, qint64> m_months;
    qint64 m_undated = 0;
};

} // namespace

Result<QList<TimeSeries>> quotesOverTime(const QSqlDatabase &db, const Scope &scope,
                                         const QStringList &identities, const CancelFlag *cancel)
{
    QList<TimeSeries> out;
    for (const QString &identity : identities) {
        // No context and no limit: only the dates are used.
        auto quotes = quotesBy(db, identity, scope, 0, -1, cancel);
        if (!quotes)
            return Result<QList<TimeSeries>>::failure(quotes.errorString());
        MonthCounter counter;
        for (const SpeakerQuote &q : *quotes)
            counter.add(q.published, 1);
        out.append(counter.series(identity, {}));
    }
    return out;
}

Result<QList<TimeSeries>> mentionsOverTime(const QSqlDatabase &db, const Scope &scope,
                                           const QList<QPair<QString, QString>> &entities,
                                           const CancelFlag *cancel)
{
    QList<TimeSeries> out;
    for (const auto &[canonical, type] : entities) {
        auto articles = articlesNaming(db, canonical, type, scope, cancel);
        if (!articles)
            return Result<QList<TimeSeries>>::failure(articles.errorString());
        MonthCounter counter;
        for (const ArticleRef &a : *articles)
            counter.add(a.published, a.mentions);
        out.append(counter.series(canonical, type));
    }
    return out;
}

} // namespace Lede::Insights
