// SPDX-License-Identifier: GPL-3.0-or-later
#include "CsvExporter.h"

#include "CsvCell.h"

#include <QCoreApplication>
#include <QFileDevice>
#include <cerrno>
#include <cstring>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Lede::CsvExporter", text);
}

constexpr qsizetype FlushThreshold = 512 * 1024; // bytes buffered before a device write

const char *const Columns[]
    = { "article_id", "article_title", "article_source", "article_published", "annotation_id", "kind",
        "start", "end", "text", "tags", "note", "color", "speaker", "entity_type", "created_at", "updated_at",
        // Appended (scripts that read columns by name keep working):
        "layer_id", "canonical", "value", "unit", "qualifier", "attributed_to", "cue", "corrected",
        "article_url" };

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
    m_buffer.reserve(size_t(FlushThreshold) + 4096);
}

void CsvRowWriter::writeHeader()
{
    const QByteArray header = CsvExporter::headerLine();
    m_buffer.append(header.constData(), size_t(header.size()));
    m_buffer += "\r\n";
}

void CsvRowWriter::appendField(QByteArrayView value, bool guard)
{
    appendCsvField(m_buffer, value, guard && m_options.formulaGuard);
}

void CsvRowWriter::appendNumber(qint64 value)
{
    // Digits straight into the buffer: QByteArray::number allocates per cell.
    char digits[24];
    int n = 0;
    quint64 v = value < 0 ? quint64(-(value + 1)) + 1 : quint64(value);
    do {
        digits[n++] = char('0' + v % 10);
        v /= 10;
    } while (v != 0);
    if (value < 0)
        m_buffer += '-';
    while (n > 0)
        m_buffer += digits[--n];
}

void CsvRowWriter::writeRow(const ExportRow &row)
{
    appendNumber(row.articleId);
    m_buffer += ',';
    appendField(row.articleTitle, true);
    m_buffer += ',';
    appendField(row.articleSource, true);
    m_buffer += ',';
    appendField(row.articlePublished, false);
    m_buffer += ',';
    if (row.annotationId != 0)
        appendNumber(row.annotationId);
    m_buffer += ',';
    appendField(row.kind, false);
    m_buffer += ',';
    appendNumber(row.start);
    m_buffer += ',';
    appendNumber(row.end);
    m_buffer += ',';
    appendField(row.text, true);
    m_buffer += ',';
    appendField(row.tags, true);
    m_buffer += ',';
    appendField(row.note, true);
    m_buffer += ',';
    appendField(row.color, true);
    m_buffer += ',';
    appendField(row.speaker, true);
    m_buffer += ',';
    appendField(row.entityType, false);
    m_buffer += ',';
    appendField(row.createdAt, false);
    m_buffer += ',';
    appendField(row.updatedAt, false);
    m_buffer += ',';
    if (row.layerId != 0)
        appendNumber(row.layerId);
    m_buffer += ',';
    appendField(row.canonical, true);
    m_buffer += ',';
    appendField(row.value, false);
    m_buffer += ',';
    appendField(row.unit, true);
    m_buffer += ',';
    appendField(row.qualifier, true);
    m_buffer += ',';
    appendField(row.attributedTo, true);
    m_buffer += ',';
    appendField(row.cue, true);
    m_buffer += ',';
    appendField(row.corrected, false);
    m_buffer += ',';
    appendField(row.articleUrl, true);
    m_buffer += "\r\n";
    if (qsizetype(m_buffer.size()) >= FlushThreshold)
        flush();
}

bool CsvRowWriter::flush()
{
    if (!m_error.isEmpty())
        return false;
    if (m_bomPending) {
        m_buffer.insert(0, "\xEF\xBB\xBF");
        m_bomPending = false;
    }
    if (m_buffer.empty())
        return true;
    errno = 0;
    if (m_device->write(m_buffer.data(), qint64(m_buffer.size())) != qint64(m_buffer.size())) {
        // A file device reports a full disk only as "Unknown error"; the system's own reason
        // ("No space left on device") is what the user needs.
        const int systemError = errno;
        if (systemError != 0 && qobject_cast<QFileDevice *>(m_device))
            m_error = QString::fromLocal8Bit(std::strerror(systemError));
        else
            m_error = m_device->errorString().isEmpty() ? tr("the device refused the data")
                                                        : m_device->errorString();
        return false;
    }
    m_buffer.clear(); // keeps the capacity for the next chunk
    return true;
}

} // namespace Lede
