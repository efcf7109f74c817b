// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Insights.h"
#include "Result.h"
#include "io/CsvExporter.h"

#include <QIODevice>
#include <QStringList>
#include <functional>
#include <string>

namespace Lede::Insights {

// The insights as tables of text, for `lede sources|figures|entities` and the window's CSV export.
// Column names and order are the command line contract (DESIGN.md). `guarded` marks the free-text
// columns that get the CSV formula guard (numbers and dates never need it).
struct TableShape
{
    QStringList columns;
    QList<bool> guarded;
};

TableShape sourcesShape(); // speaker,kind,quotes,articles,first_published,last_published,outlets
TableShape
figuresShape(); // conflict_group,article_id,published,source,value,unit,qualifier,attributed_to,text
TableShape entitiesShape(); // canonical,type,mentions,articles
TableShape cooccurrenceShape(); // first,first_type,second,second_type,articles

QStringList cells(const SourceRow &row);
// The sources table with a last column `roles` (the row's roles joined by "; "): the window's
// table and `lede sources --roles`; the contract's columns stay first and unchanged.
TableShape sourcesWithRolesShape();
QStringList cellsWithRoles(const SourceRow &row);
QStringList cells(const FigureRow &row); // conflict_group empty when the group is not a conflict
QStringList cells(const EntityRow &row);
QStringList cells(const CooccurrenceRow &row);

QString formatValue(double value); // 1200, 2300000, 2.5

// Writes a table row by row: CSV under the annotation CSV's rules (RFC 4180, CRLF, UTF-8, header
// row, formula guard unless turned off, optional BOM), or tab-separated text (a header line, LF,
// tabs and line breaks inside a cell turned into spaces). A failed write is reported by flush().
class TableWriter final
{
public:
    enum class Format { Csv, Tsv };
    TableWriter(QIODevice *device, TableShape shape, Format format, const CsvOptions &options = {});

    void writeHeader();
    void writeRow(const QStringList &cells);
    bool flush();
    QString errorString() const { return m_error; }

private:
    QIODevice *m_device;
    TableShape m_shape;
    Format m_format;
    CsvOptions m_options;
    std::string m_buffer;
    QString m_error;
    bool m_bomPending;
};

// Writes a CSV file atomically (QSaveFile): `rows` calls the writer once per row. On failure the
// previous file at `path` is left as it was.
Status writeCsvFile(const QString &path, const TableShape &shape, const CsvOptions &options,
                    const std::function<void(TableWriter &)> &rows);

} // namespace Lede::Insights
