// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/ArticleStore.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Lede {

// The import pipeline shared by `lede import` and the window: file -> ArticleImporter (decode,
// parts) -> Analyzer -> ArticleStore (one transaction per article).
struct ImportOutcome
{
    enum class Status { Imported, AlreadyPresent, Failed };
    QString path;
    Status status = Status::Failed;
    qint64 articleId = 0;
    QString title;
    QString message; // the reason, for Failed
    QStringList warnings;
};

// Expands files and folders (recursively, sorted, only supported suffixes inside folders; a file
// named explicitly is always tried) into the files to import. Paths that do not exist or cannot be
// read become Failed outcomes in *errors.
QStringList collectImportFiles(const QStringList &paths, QList<ImportOutcome> *errors);

// Decodes, parses, analyses and stores one file. Never throws; the outcome says what happened.
ImportOutcome importIntoLibrary(ArticleStore &store, const QString &filePath);

// Re-runs the analysis of articles stored with an older Analyzer::Version, one transaction each.
// Returns how many were updated, or the first error.
Result<int> reanalyzeOutdated(ArticleStore &store);

} // namespace Lede
