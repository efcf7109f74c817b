// SPDX-License-Identifier: GPL-3.0-or-later
#include "XlsxExport.h"

#include "io/ExportTarget.h"
#include "io/XlsxWriter.h"
#include "store/ArticleStore.h"
#include "store/ArticleTable.h"
#include "store/ExportReader.h"

#include <QCoreApplication>

namespace Lede {

Status exportXlsx(const ArticleStore &store, const ExportQuery &query, const QString &path,
                  const std::function<bool(qint64)> &progress)
{
    // Never onto the library itself, a device or a FIFO, whoever asks.
    if (Status s = ExportTarget::allow(path, store.path(), true); !s)
        return s;
    XlsxWriter writer(path);
    if (Status s = writer.open(); !s)
        return s;
    if (Status s = writer.beginAnnotations(); !s)
        return s;
    qint64 done = 0;
    Status written;
    auto step = [&](const Status &s) {
        if (!s) {
            written = s;
            return false;
        }
        ++done;
        return !progress || done % 4096 != 0 || progress(done);
    };
    Status read = ExportReader(store).forEachExportRow(
        query, [&](const ExportRow &row) { return step(writer.writeAnnotation(row)); });
    if (!written)
        return written;
    if (!read)
        return read;
    if (Status s = writer.beginArticles(); !s)
        return s;
    ArticleSelection selection;
    selection.ids = query.articleIds;
    selection.tagId = query.tagId;
    read = forEachArticleRow(store, selection,
                             [&](const ArticleTableRow &row) { return step(writer.writeArticle(row)); });
    if (!written)
        return written;
    if (!read)
        return read;
    if (progress && !progress(done))
        return Status::failure(QCoreApplication::translate("Lede::XlsxExport", "Cancelled"));
    return writer.commit();
}

} // namespace Lede
