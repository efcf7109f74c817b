// SPDX-License-Identifier: GPL-3.0-or-later
#include "AnnotationCsvExport.h"

#include "Logging.h"
#include "io/ExportTarget.h"
#include "store/ArticleStore.h"
#include "store/ExportReader.h"

#include <QCoreApplication>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

// The messages keep the context they had when this was part of CsvExporter.
QString tr(const char *text)
{
    return QCoreApplication::translate("Lede::CsvExporter", text);
}

constexpr qint64 ProgressEvery = 8192; // rows

} // namespace

Status AnnotationCsvExport::write(const ArticleStore &store, const ExportQuery &query,
                                  const CsvOptions &options, QIODevice *device, const Progress &progress)
{
    const ExportReader reader(store);
    qint64 total = -1;
    if (progress) {
        auto count = reader.exportRowCount(query);
        if (!count)
            return Status::failure(count.errorString());
        total = *count;
        if (!progress(0, total))
            return Status::failure(tr("Cancelled"));
    }
    CsvRowWriter writer(device, options);
    writer.writeHeader();
    qint64 done = 0;
    bool writeFailed = false;
    const Status streamed = reader.forEachExportRow(query, [&](const ExportRow &row) {
        writer.writeRow(row);
        ++done;
        if (!writer.errorString().isEmpty()) {
            writeFailed = true;
            return false;
        }
        if (progress && done % ProgressEvery == 0)
            return progress(done, total);
        return true;
    });
    if (writeFailed)
        return Status::failure(tr("Cannot write the CSV: %1").arg(writer.errorString()));
    if (!streamed)
        return streamed;
    if (!writer.flush())
        return Status::failure(tr("Cannot write the CSV: %1").arg(writer.errorString()));
    if (progress)
        progress(done, total);
    qCDebug(lcExport) << "exported" << done << "rows";
    return {};
}

Status AnnotationCsvExport::writeFile(const ArticleStore &store, const ExportQuery &query,
                                      const CsvOptions &options, const QString &path,
                                      const Progress &progress)
{
    // Whoever asks (command line, window), an export never lands on the library, a device or a FIFO.
    if (Status s = ExportTarget::allow(path, store.path(), /*confirmed=*/true); !s)
        return s;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Status::failure(tr("Cannot write %1: %2").arg(path, file.errorString()));
    if (Status s = write(store, query, options, &file, progress); !s) {
        file.cancelWriting();
        return s;
    }
    if (!file.commit())
        return Status::failure(tr("Cannot write %1: %2").arg(path, file.errorString()));
    return {};
}

} // namespace Lede
