// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QString>
#include <functional>

namespace Lede {

class ArticleStore;
struct ExportQuery;

// Writes the selection as an .xlsx workbook: the "Annotations" sheet holds the CSV's rows and
// columns, the "Articles" sheet the selected articles (all of `query.articleIds`, or every article
// when that is empty; with a tag, the articles that carry it), and the "Sources" and "Figures"
// sheets the Insights tables of those articles (`lede sources --roles`, `lede figures` columns). Atomic: on
// failure or cancel any earlier file at `path` is left whole. `progress(rowsDone)` returning false cancels.
Status exportXlsx(ArticleStore &store, const ExportQuery &query, const QString &path,
                  const std::function<bool(qint64 rowsDone)> &progress = {});

} // namespace Lede
