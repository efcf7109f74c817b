// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "insights/Insights.h"
#include "insights/InsightsTable.h"
#include "library/Reanalysis.h"
#include "store/ArticleStore.h"

#include <QCommandLineParser>
#include <QFile>
#include <cstdio>

namespace Lede {

// What `lede sources`, `lede figures` and `lede entities` share: the scope options (--search,
// --tag), --csv, and writing a table to stdout. Used from those commands' run() only.
class InsightsOptions final
{
    Q_DECLARE_TR_FUNCTIONS(Lede::InsightsOptions)

public:
    static void add(QCommandLineParser &parser)
    {
        parser.addOption(QCommandLineOption(QStringLiteral("search"),
                                            tr("Only articles matching these words (title and body)."),
                                            tr("QUERY")));
        parser.addOption(QCommandLineOption(QStringLiteral("tag"),
                                            tr("Only articles with an annotation tagged PATH or below it."),
                                            tr("PATH")));
        parser.addOption(
            QCommandLineOption(QStringLiteral("csv"),
                               tr("Write CSV (RFC 4180, CRLF, formula guard) instead of tab-separated "
                                  "lines.")));
    }

    // The scope named by the options; false (with *error) for a tag that does not exist.
    static bool scope(ArticleStore &store, const QCommandLineParser &parser, Insights::Scope *scope,
                      QString *error)
    {
        scope->search = parser.value(QStringLiteral("search"));
        if (parser.isSet(QStringLiteral("tag"))) {
            const QString path = parser.value(QStringLiteral("tag")).trimmed();
            auto id = Insights::tagIdForPath(store.database(), path);
            if (!id) {
                *error = id.errorString();
                return false;
            }
            if (*id == 0) {
                *error = tr("there is no tag \"%1\"").arg(path);
                return false;
            }
            scope->tagId = *id;
        }
        return true;
    }

    // Header and rows to stdout, as CSV or tab-separated lines. False when stdout refused them.
    template<typename Row>
    static bool print(const QCommandLineParser &parser, const Insights::TableShape &shape,
                      const QList<Row> &rows, QString *error)
    {
        return print(
            parser, shape, rows, [](const Row &row) { return Insights::cells(row); }, error);
    }
    template<typename Row, typename Cells>
    static bool print(const QCommandLineParser &parser, const Insights::TableShape &shape,
                      const QList<Row> &rows, Cells cells, QString *error)
    {
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly, QFileDevice::DontCloseHandle)) {
            *error = out.errorString();
            return false;
        }
        Insights::TableWriter writer(&out, shape,
                                     parser.isSet(QStringLiteral("csv"))
                                         ? Insights::TableWriter::Format::Csv
                                         : Insights::TableWriter::Format::Tsv);
        writer.writeHeader();
        for (const Row &row : rows)
            writer.writeRow(cells(row));
        if (!writer.flush()) {
            *error = writer.errorString();
            return false;
        }
        out.flush();
        return true;
    }
};

} // namespace Lede
