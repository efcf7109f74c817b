// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ExportRow.h"
#include "Result.h"
#include "io/CsvExporter.h"

#include <QIODevice>
#include <QString>

namespace Lede {

class ArticleStore;

// The annotation export (`lede export-csv`, File → Export CSV): the rows ExportReader streams from
// the library, encoded by CsvRowWriter in chunks, so memory stays flat however large the library.
//
// write() reports a failed write (a full disk) or a cancel as an error Status; writeFile() refuses
// what ExportTarget forbids (the library, a folder, a device, a FIFO) and goes through QSaveFile, so
// on any failure the previous file at `path` (if any) is left as it was and no partial file appears.
class AnnotationCsvExport final
{
public:
    using Progress = CsvExporter::Progress;

    static Status write(const ArticleStore &store, const ExportQuery &query, const CsvOptions &options,
                        QIODevice *device, const Progress &progress = {});
    static Status writeFile(const ArticleStore &store, const ExportQuery &query, const CsvOptions &options,
                            const QString &path, const Progress &progress = {});
};

} // namespace Lede
