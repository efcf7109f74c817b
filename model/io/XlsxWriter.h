// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QVariant>
#include <memory>

namespace Lede {

struct ExportRow;
struct ArticleTableRow;

// Writes an .xlsx workbook (libxlsxwriter) with an "Annotations" sheet (the CSV columns), an
// "Articles" sheet (one row per article) and any further sheets (beginSheet()). Text cells are strings, so a
// spreadsheet never retypes "17,170" as a number or "Oct. 7" as a date; ids, offsets and counts are numbers;
// dates are dates. Each sheet has a frozen header row, an autofilter and column widths that fit.
//
// Rows are written in constant memory (libxlsxwriter streams them to a temporary file). The
// workbook is written next to `path` under a temporary name and renamed over it only by commit(),
// so a failed or cancelled export leaves any earlier file whole.
class XlsxWriter final
{
    Q_DECLARE_TR_FUNCTIONS(Lede::XlsxWriter)
    Q_DISABLE_COPY_MOVE(XlsxWriter)

public:
    static constexpr qint64 MaxRows = 1048575; // Excel's limit below the header row

    explicit XlsxWriter(const QString &path);
    ~XlsxWriter(); // without commit(): the temporary file is removed

    Status open();
    // Sheets are written one after the other: all annotation rows, then all article rows.
    Status beginAnnotations();
    Status writeAnnotation(const ExportRow &row);
    Status beginArticles();
    Status writeArticle(const ArticleTableRow &row);
    // A further sheet with its own columns ("Sources", "Figures"). A cell is text (a QString), a
    // number (a double, int or qint64) or a date (a QDate); a null QVariant or an invalid date is
    // left empty.
    struct SheetColumn
    {
        enum class Kind { Text, Number, Date };
        QString name;
        Kind kind = Kind::Text;
        double width = 12;
    };
    Status beginSheet(const QString &name, const QList<SheetColumn> &columns);
    Status writeRow(const QVariantList &cells);
    Status commit();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Lede
