// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Insights.h"

#include <QDate>
#include <QList>
#include <QPair>
#include <QString>

namespace Lede::Insights {

// Counts over time for the Insights charts: quotes of a speaker, mentions of an entity, per month
// of the articles' publication dates. Built on quotesBy() and articlesNaming(), so that speaker
// merges and the scope apply exactly as in the tables.
struct TimeSeries
{
    QString name; // the speaker identity, or the entity's canonical name
    QString type; // for entities: PERSON, ORG, LOC...; empty for speakers
    QList<QPair<QDate, qint64>> points; // first day of the month -> count, in date order, no zeros
    qint64 undated = 0; // counted in articles without a publication date (not in points)
    qint64 total() const;
};

// The first day of the month that `date` is in (invalid stays invalid).
QDate monthOf(const QDate &date);

// One series per identity (in the order given).
Result<QList<TimeSeries>> quotesOverTime(const QSqlDatabase &db, const Scope &scope,
                                         const QStringList &identities, const CancelFlag *cancel = nullptr);

// One series per entity (canonical name and type, in the order given): mentions per month.
Result<QList<TimeSeries>> mentionsOverTime(const QSqlDatabase &db, const Scope &scope,
                                           const QList<QPair<QString, QString>> &entities,
                                           const CancelFlag *cancel = nullptr);

} // namespace Lede::Insights
