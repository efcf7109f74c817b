// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QList>

namespace Lede {

// One CSV row as the exporter writes it (ExportReader::forEachExportRow). Offsets are Unicode code
// points (DESIGN.md). Text is UTF-8, viewed in place: the views are valid only during the callback
// that receives the row, so a million-row export copies and converts nothing it does not write.
struct ExportRow
{
    qint64 articleId = 0;
    QByteArrayView articleTitle;
    QByteArrayView articleSource;
    QByteArrayView articlePublished; // YYYY-MM-DD or empty
    qint64 annotationId = 0; // the user's annotation; 0 (an empty cell) for automatic rows
    QByteArrayView kind; // highlight | note | quote | entity | figure
    qint64 start = 0;
    qint64 end = 0;
    QByteArrayView text;
    QByteArrayView tags; // "A/B; C"
    QByteArrayView note;
    QByteArrayView color;
    QByteArrayView speaker;
    QByteArrayView entityType;
    QByteArrayView createdAt; // ISO 8601 UTC
    QByteArrayView updatedAt;
    // Appended columns (DESIGN.md): the automatic layers' own parts.
    qint64 layerId = 0; // the quote, entity or figure id (`lede layers`); 0 for annotations
    QByteArrayView canonical; // entity: canonical name; quote: the (merged) speaker name
    QByteArrayView value; // figure: the number ("17170", "2300000", "0.5")
    QByteArrayView unit; // figure
    QByteArrayView qualifier; // figure
    QByteArrayView attributedTo; // figure
    QByteArrayView cue; // quote: the speech verb
    QByteArrayView corrected; // automatic rows: "true" where a user's correction decided it
    QByteArrayView articleUrl;
};

// Which rows to export.
struct ExportQuery
{
    QList<qint64> articleIds; // empty: all articles
    qint64 tagId = 0; // non-zero: only annotations with this tag (or a descendant)
    bool includeQuotes = false;
    bool includeEntities = false;
    bool includeFigures = false;
};

} // namespace Lede
