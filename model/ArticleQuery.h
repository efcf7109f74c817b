// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

namespace Lede {

// What to list: a full-text query over title and body (FTS5 syntax-safe: the words are quoted),
// an optional tag filter (articles having an annotation with this tag or a descendant), paging.
// Read by ArticleRepository::articles() and articleCount().
struct ArticleQuery
{
    enum class Sort { ImportedDesc, Title, Source, Published, Annotations };
    QString search; // words and filters, as typed in the library search field (SearchFilters.h)
    qint64 tagId = 0;
    Sort sort = Sort::ImportedDesc;
    bool descending = false; // for Title/Source/Published/Annotations
    int limit = -1;
    int offset = 0;
};

// A row of the library list: what the list needs, without the body.
struct ArticleSummary
{
    qint64 id = 0;
    QString title;
    QString source;
    QDate published;
    int annotationCount = 0;
    QDateTime importedAt;
};

} // namespace Lede
