// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/ArticleStore.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

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
    QString file; // the file it came from: `path` without "#N" for a story of an export
};

// Expands files and folders (recursively, sorted, only supported suffixes inside folders, hidden
// entries and links to folders left out; a file named explicitly is always tried) into the files to
// import. A web address (http:// or https://, UrlFetcher::isUrl) is kept as it is: importFiles()
// fetches it. Paths that do not exist, loops of symbolic links, folders that cannot be read and empty
// folders become Failed outcomes in *errors, each with its reason. Paths may hold non-UTF-8 bytes
// escaped as FileAccess.h describes.
QStringList collectImportFiles(const QStringList &paths, QList<ImportOutcome> *errors);

// Imports an article that is not a file: bytes in memory, such as the clipboard's HTML or text
// (File → New Article from Clipboard). They are decoded and parsed as a file named `fileName` would
// be, analysed and stored in one transaction, like any import; a text already in the library is not
// stored again. Every outcome's path is `label` ("clipboard"); an export gives one per story.
QList<ImportOutcome> importDataIntoLibrary(ArticleStore &store, const QByteArray &data,
                                           const QString &fileName, const QString &label);

// Decodes, parses, analyses and stores one file or web address (every story of an export, in one
// transaction). Never throws; the outcome says what happened: the first failure, else the last story's
// outcome.
ImportOutcome importIntoLibrary(ArticleStore &store, const QString &filePath);

// Imports many files (or web addresses, fetched by UrlFetcher) in bulk. Files are read, decoded and analysed
// outside any transaction, on all cores (QThreadPool::globalInstance()->maxThreadCount() threads), a slice at
// a time; every BulkBatchSize articles (or BulkBatchMilliseconds) the batch is written in one SQLite
// transaction, each article atomic on its own (see ArticleStore::beginBulk), which is what makes a large
// import fast while the write lock is held only for the writes. `onOutcome` sees each file's outcome once its
// batch is committed (so "Imported" means stored); returning false stops after that batch (the rest of the
// batch is still reported). A batch whose commit fails reports its articles as Failed, and the first such
// error is returned.
//
// `cancelled` (optional) is the Cancel of a long import: it is asked from the import's threads (so it must be
// thread-safe, an atomic flag) before each file, before each article's analysis and, for a web address,
// every UrlFetcher::CancelPollMs during its fetches (the page or feed itself and the linked pages of a feed's
// items, FeedFullText), and once it says true it must keep saying so. From then on no file is begun; a file
// or address that was not read and analysed whole is dropped whole, with no outcome and nothing of it
// written (one file, one transaction); the files that were complete are written and reported as usual, and
// importFiles() returns. A fetch that hangs thus stops within a fraction of a second.
constexpr int BulkBatchSize = 256;
constexpr int BulkBatchMilliseconds = 250;
Status importFiles(ArticleStore &store, const QStringList &files,
                   const std::function<bool(const ImportOutcome &)> &onOutcome,
                   const std::function<bool()> &cancelled = {});

} // namespace Lede
