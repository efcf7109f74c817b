// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"
#include "io/CsvExporter.h"
#include "store/ArticleTable.h"

#include <QByteArray>
#include <QIODevice>
#include <QString>
#include <functional>

namespace Lede {

// The article table as CSV (`lede export-articles`): one row per article, the unit most content
// analyses count, under the annotation export's CSV rules (RFC 4180, CRLF, UTF-8, optional BOM,
// formula guard; cells written by appendCsvField). Columns:
//
//     article_id,title,source,published,byline,dateline,section,url,format,words,quotes,entities,
//     figures,annotations,imported_at
//
// `published` is YYYY-MM-DD or empty, `imported_at` ISO 8601 UTC, `words` counts words as
// countWords() does; `section` and `format` are empty until the library stores them.
// writeArticleCsvFile() refuses what ExportTarget forbids (an existing file that is neither empty
// nor a previous Lede export is replaced only when `confirmed`) and writes through QSaveFile: on
// failure or cancel the earlier file is left whole.
class ArticleCsvExport final
{
public:
    static QByteArray headerLine(); // without the CRLF
    static void appendRow(std::string &buffer, const ArticleTableRow &row, bool formulaGuard);

    // `progress(rowsDone)` returning false cancels ("Cancelled").
    static Status write(ArticleStore &store, const ArticleSelection &selection, const CsvOptions &options,
                        QIODevice *device, const std::function<bool(qint64)> &progress = {});
    static Status writeFile(ArticleStore &store, const ArticleSelection &selection, const CsvOptions &options,
                            const QString &path, bool confirmed,
                            const std::function<bool(qint64)> &progress = {});
};

} // namespace Lede
