// SPDX-License-Identifier: GPL-3.0-or-later
#include "ArticleCsvExport.h"

#include "io/CsvCell.h"
#include "io/ExportTarget.h"
#include "io/FileAccess.h"
#include "store/ArticleStore.h"

#include <QCoreApplication>
#include <QSaveFile>
#include <string>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Lede::ArticleCsvExport", text);
}

void appendText(std::string &buffer, const QString &text, bool guard)
{
    appendCsvField(buffer, text.toUtf8(), guard);
    buffer += ',';
}

void appendNumber(std::string &buffer, qint64 value)
{
    buffer += std::to_string(value);
    buffer += ',';
}

} // namespace

QByteArray ArticleCsvExport::headerLine()
{
    return "article_id,title,source,published,byline,dateline,section,url,format,words,quotes,entities,"
           "figures,"
           "annotations,imported_at";
}

void ArticleCsvExport::appendRow(std::string &buffer, const ArticleTableRow &row, bool guard)
{
    appendNumber(buffer, row.id);
    appendText(buffer, row.title, guard);
    appendText(buffer, row.source, guard);
    appendText(buffer, row.published.isValid() ? row.published.toString(Qt::ISODate) : QString(), guard);
    appendText(buffer, row.byline, guard);
    appendText(buffer, row.dateline, guard);
    appendText(buffer, row.section, guard);
    appendText(buffer, row.url, guard);
    appendText(buffer, row.format, guard);
    appendNumber(buffer, row.words);
    appendNumber(buffer, row.quotes);
    appendNumber(buffer, row.entities);
    appendNumber(buffer, row.figures);
    appendNumber(buffer, row.annotations);
    appendCsvField(buffer,
                   row.importedAt.isValid() ? row.importedAt.toUTC().toString(Qt::ISODate).toUtf8()
                                            : QByteArray(),
                   guard);
    buffer += "\r\n";
}

Status ArticleCsvExport::write(ArticleStore &store, const ArticleSelection &selection,
                               const CsvOptions &options, QIODevice *device,
                               const std::function<bool(qint64)> &progress)
{
    std::string buffer;
    if (options.byteOrderMark)
        buffer += "\xEF\xBB\xBF";
    const QByteArray header = headerLine();
    buffer.append(header.constData(), size_t(header.size()));
    buffer += "\r\n";
    QString writeError;
    const auto flush = [&] {
        if (device->write(buffer.data(), qint64(buffer.size())) != qint64(buffer.size())) {
            writeError = device->errorString();
            return false;
        }
        buffer.clear();
        return true;
    };
    qint64 done = 0;
    Status read = forEachArticleRow(store, selection, [&](const ArticleTableRow &row) {
        appendRow(buffer, row, options.formulaGuard);
        ++done;
        if (buffer.size() > 64 * 1024 && !flush())
            return false;
        return !progress || done % 1024 != 0 || progress(done);
    });
    if (!writeError.isEmpty())
        return Status::failure(tr("Cannot write the CSV: %1").arg(writeError));
    if (!read)
        return read;
    if (!flush())
        return Status::failure(tr("Cannot write the CSV: %1").arg(writeError));
    if (progress && !progress(done))
        return Status::failure(tr("Cancelled"));
    return {};
}

Status ArticleCsvExport::writeFile(ArticleStore &store, const ArticleSelection &selection,
                                   const CsvOptions &options, const QString &path, bool confirmed,
                                   const std::function<bool(qint64)> &progress)
{
    if (Status s = ExportTarget::allow(path, store.path(), confirmed); !s)
        return s;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Status::failure(tr("Cannot write %1: %2").arg(displayFileName(path), file.errorString()));
    if (Status s = write(store, selection, options, &file, progress); !s) {
        file.cancelWriting();
        return s;
    }
    if (!file.commit())
        return Status::failure(tr("Cannot write %1: %2").arg(displayFileName(path), file.errorString()));
    return {};
}

} // namespace Lede
