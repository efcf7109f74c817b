// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Annotation.h"
#include "Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace Lede {

// A codebook as a plain CSV, for a team that shares its tags before it codes:
//
//     path,color,description
//     Claims,,
//     Claims/Damage,#ffff00,
//
// One row per tag, parents before children (the library's path order), under the export's CSV
// rules (RFC 4180, CRLF, UTF-8 without BOM, formula guard: a path starting with = + - @ gets a
// leading apostrophe, which reading removes again). `path` joins levels with '/'; `color` is
// #rrggbb or empty; `description` is empty in what Lede writes (tags have none) and ignored when
// read. Reading accepts a BOM, LF or CRLF, the columns in any order (by header name; `path` is
// required, the others optional) and creates missing parent levels.
struct CodebookEntry
{
    QString path;
    QString color; // #rrggbb or empty
    QString description;
};

QByteArray codebookCsv(const QList<Tag> &tags);
// Fails with a one-line message naming the line: no `path` column, an unterminated quote, an empty
// path segment ("A//B").
Result<QList<CodebookEntry>> parseCodebookCsv(const QByteArray &bytes);

} // namespace Lede
