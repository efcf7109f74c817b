// SPDX-License-Identifier: GPL-3.0-or-later
#include "CsvExporter.h"

#include "Logging.h"

#include <QCoreApplication>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Lede::CsvExporter", text);
}

constexpr qsizetype FlushThreshold = 256 * 1024; // UTF-16 units buffered before encoding
constexpr qint64 ProgressEvery = 8192;           // rows

const char *const Columns[] = {"article_id", "article_title", "article_source", "article_published",
                               "annotation_id", "kind", "start", "end", "text", "tags", "note", "color",
                               "speaker", "entity_type", "created_at", "updated_at"};

} // namespace

QByteArray CsvExporter::headerLine()
{
    QByteArray line;
    for (const char *column : Columns) {
        if (!line.isEmpty())
            line += ',';
        line += column;
    }
    return line;
}

CsvRowWriter::CsvRowWriter(QIODevice *device, const CsvOptions &options)
    : m_device(device)
    , m_options(options)
    , m_bomPending(options.byteOrderMark)
{
    m_buffer.reserve(FlushThreshold + 4096);
}

void CsvRowWriter::writeHeader()
{
    m_buffer += QString::fromLatin1(CsvExporter::headerLine());
    m_buffer += u"\r\n"_s;
}

void CsvRowWriter::appendField(const QString &value, bool guard)
{
    // Spreadsheets run a cell that starts with = + - @ (or TAB/CR, which some strip first) as a
    // formula; a leading apostrophe makes them show it as text.
    const bool needsGuard = guard && m_options.formulaGuard && !value.isEmpty()
        && (value.front() == u'=' || value.front() == u'+' || value.front() == u'-' || value.front() == u'@'
            || value.front() == u'\t' || value.front() == u'\r');
    bool needsQuotes = false;
    for (const QChar c : value) {
        if (c == u',' || c == u'"' || c == u'\r' || c == u'\n') {
            needsQuotes = true;
            break;
        }
    }
    if (!needsQuotes) {
        if (needsGuard)
            m_buffer += u'\'';
        m_buffer += value;
        return;
    }
    m_buffer += u'"';
    if (needsGuard)
        m_buffer += u'\'';
    for (const QChar c : value) {
        if (c == u'"')
            m_buffer += u'"';
        m_buffer += c;
    }
    m_buffer += u'"';
}

void CsvRowWriter::appendNumber(qint64 value)
{
    m_buffer += QString::number(value);
}

void CsvRowWriter::writeRow(const ExportRow &row)
{
    appendNumber(row.articleId);
    m_buffer += u',';
    appendField(row.articleTitle, true);
    m_buffer += u',';
    appendField(row.articleSource, true);
    m_buffer += u',';
    appendField(row.articlePublished, false);
    m_buffer += u',';
    appendNumber(row.annotationId);
    m_buffer += u',';
    appendField(row.kind, false);
    m_buffer += u',';
    appendNumber(row.start);
    m_buffer += u',';
    appendNumber(row.end);
    m_buffer += u',';
    appendField(row.text, true);
    m_buffer += u',';
    appendField(row.tags, true);
    m_buffer += u',';
    appendField(row.note, true);
    m_buffer += u',';
    appendField(row.color, true);
    m_buffer += u',';
    appendField(row.speaker, true);
    m_buffer += u',';
    appendField(row.entityType, false);
    m_buffer += u',';
    appendField(row.createdAt, false);
    m_buffer += u',';
    appendField(row.updatedAt, false);
    m_buffer += u"\r\n"_s;
    if (m_buffer.size() >= FlushThreshold)
        flush();
}

bool CsvRowWriter::flush()
{
    if (!m_error.isEmpty())
        return false;
    QByteArray bytes;
    if (m_bomPending) {
        bytes = QByteArrayLiteral("\xEF\xBB\xBF");
        m_bomPending = false;
    }
    bytes += m_buffer.toUtf8();
    m_buffer.clear();
    if (bytes.isEmpty())
        return true;
    if (m_device->write(bytes) != bytes.size()) {
        m_error = m_device->errorString().isEmpty() ? tr("the device refused the data") : m_device->errorString();
        return false;
    }
    return true;
}

Status CsvExporter::write(const ArticleStore &store, const ExportQuery &query, const CsvOptions &options,
                          QIODevice *device, const Progress &progress)
{
    qint64 total = -1;
    if (progress) {
        auto count = store.exportRowCount(query);
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
    const Status streamed = store.forEachExportRow(query, [&](const ExportRow &row) {
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

Status CsvExporter::writeFile(const ArticleStore &store, const ExportQuery &query, const CsvOptions &options,
                              const QString &path, const Progress &progress)
{
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
