// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <functional>

namespace Lede {

class ArticleStore;

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
    QString section; // the metadata's "section" (an export's Section line, a page's articleSection)
    QString url;
    QString format; // txt, md, html, pdf, docx, odt, rtf, nexis, factiva, feed; empty before v6
    qint64 words = 0;
    qint64 quotes = 0;
    qint64 entities = 0;
    qint64 figures = 0;
    qint64 annotations = 0;
    QDateTime importedAt;
};

// Which articles: all when every field is empty; otherwise those matching all the given filters.
struct ArticleSelection
{
    QList<qint64> ids;
    QString search; // full text, as in the library's search field
    qint64 tagId = 0; // articles with an annotation carrying this tag or one below it
};

// Streams the rows in article id order. The callback returns false to stop; the Status then says
// "Cancelled". Reads in one transaction, so the table is a consistent snapshot.
Status forEachArticleRow(const ArticleStore &store, const ArticleSelection &selection,
                         const std::function<bool(const ArticleTableRow &)> &callback);

// Words as a reader counts them: runs of letters or digits (apostrophes and hyphens inside a word
// do not split it).
qint64 countWords(QStringView text);

} // namespace Lede
