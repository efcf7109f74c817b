// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ArticleTableRow.h"
#include "Result.h"

#include <QList>
#include <QString>
#include <functional>

namespace Lede {

class ArticleStore;

// Which articles: all when every field is empty; otherwise those matching all the given filters.
struct ArticleSelection
{
    QList<qint64> ids;
    QString search; // full text, as in the library's search field
    qint64 tagId = 0; // articles with an annotation carrying this tag or one below it
};

// Streams the rows in article id order. The callback returns false to stop; the Status then says
// "Cancelled". Reads in one transaction, so the table is a consistent snapshot.
Status forEachArticleRow(ArticleStore &store, const ArticleSelection &selection,
                         const std::function<bool(const ArticleTableRow &)> &callback);

// Words as a reader counts them: runs of letters or digits (apostrophes and hyphens inside a word
// do not split it).
qint64 countWords(QStringView text);

} // namespace Lede
