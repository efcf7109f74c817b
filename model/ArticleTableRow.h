// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

namespace Lede {

// One row per article with its metadata and counts: the unit most content analyses count
// (`lede export-articles`, the XLSX "Articles" sheet).
struct ArticleTableRow
{
    qint64 id = 0;
    QString title;
    QString source;
    QDate published;
    QString byline;
    QString dateline;
    QString section;
    QString url;
    QString format;
    qint64 words = 0;
    qint64 quotes = 0;
    qint64 entities = 0;
    qint64 figures = 0;
    qint64 annotations = 0;
    QDateTime importedAt;
};

} // namespace Lede
