// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ExportRow.h"
#include "Result.h"

#include <QCoreApplication>
#include <functional>

namespace Lede {

class ArticleStore;

// Reads the rows of a CSV export (the user's annotations and, on request, the automatic layers)
// straight from SQLite, for CsvExporter. Read only; from the thread that opened the store.
class ExportReader final
{
    Q_DECLARE_TR_FUNCTIONS(Lede::ExportReader)

public:
    explicit ExportReader(const ArticleStore &store)
        : m_store(store)
    {
    }

    // Streams the rows in article, then start order, without holding them all in memory, from one
    // consistent snapshot. The callback returns false to stop (cancel); then the Status says
    // "Cancelled".
    Status forEachExportRow(const ExportQuery &query,
                            const std::function<bool(const ExportRow &)> &callback) const;
    Result<qint64> exportRowCount(const ExportQuery &query) const;

private:
    const ArticleStore &m_store;
};

} // namespace Lede
