// SPDX-License-Identifier: GPL-3.0-or-later
#include "InsightsTable.h"

#include "io/CsvCell.h"

#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace Lede::Insights {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Lede::Insights", text);
}

QString isoDate(const QDate &date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

constexpr size_t FlushThreshold = 256 * 1024;

} // namespace

TableShape sourcesShape()
{
    return { { u"speaker"_s, u"kind"_s, u"quotes"_s, u"articles"_s, u"first_published"_s, u"last_published"_s,
               u"outlets"_s },
             { true, false, false, false, false, false, true } };
}

TableShape sourcesWithRolesShape()
{
    TableShape shape = sourcesShape();
    shape.columns.append(u"roles"_s);
    shape.guarded.append(true);
    return shape;
}

TableShape figuresShape()
{
    return { { u"conflict_group"_s, u"article_id"_s, u"published"_s, u"source"_s, u"value"_s, u"unit"_s,
               u"qualifier"_s, u"attributed_to"_s, u"text"_s },
             { false, false, false, true, false, true, true, true, true } };
}

TableShape entitiesShape()
{
    return { { u"canonical"_s, u"type"_s, u"mentions"_s, u"articles"_s }, { true, false, false, false } };
}

TableShape cooccurrenceShape()
{
    return { { u"first"_s, u"first_type"_s, u"second"_s, u"second_type"_s, u"articles"_s },
             { true, false, true, false, false } };
}

QString formatValue(double value)
{
    return QString::number(value, 'g', 15);
}

QStringList cells(const SourceRow &row)
{
    return { row.speaker,
             speakerKindName(row.kind),
             QString::number(row.quotes),
             QString::number(row.articles),
             isoDate(row.firstPublished),
             isoDate(row.lastPublished),
             row.outlets.join(u"; "_s) };
}

QStringList cellsWithRoles(const SourceRow &row)
{
    return cells(row) << row.roles.join(u"; "_s);
}

QStringList cells(const FigureRow &row)
{
    return { row.conflictGroup > 0 ? QString::number(row.conflictGroup) : QString(),
             QString::number(row.articleId),
             isoDate(row.published),
             row.source,
             formatValue(row.value),
             row.unit,
             row.qualifier,
             row.attributedTo,
             row.text };
}

QStringList cells(const EntityRow &row)
{
    return { row.canonical, row.type, QString::number(row.mentions), QString::number(row.articles) };
}

QStringList cells(const CooccurrenceRow &row)
{
    return { row.first.canonical, row.first.type, row.second.canonical, row.second.type,
             QString::number(row.articles) };
}

TableWriter::TableWriter(QIODevice *device, TableShape shape, Format format, const CsvOptions &options)
    : m_device(device)
    , m_shape(std::move(shape))
    , m_format(format)
    , m_options(options)
    , m_bomPending(format == Format::Csv && options.byteOrderMark)
{
}

void TableWriter::writeHeader()
{
    writeRow(m_shape.columns);
}

void TableWriter::writeRow(const QStringList &cells)
{
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i > 0)
            m_buffer += m_format == Format::Csv ? ',' : '\t';
        if (m_format == Format::Csv) {
            const QByteArray utf8 = cells[i].toUtf8();
            appendCsvField(m_buffer, utf8, m_options.formulaGuard && m_shape.guarded.value(i, true));
        } else {
            QString cell = cells[i];
            cell.replace(u'\t', u' ').replace(u'\n', u' ').replace(u'\r', u' ');
            const QByteArray utf8 = cell.toUtf8();
            m_buffer.append(utf8.constData(), size_t(utf8.size()));
        }
    }
    m_buffer += m_format == Format::Csv ? "\r\n" : "\n";
    if (m_buffer.size() >= FlushThreshold)
        flush();
}

bool TableWriter::flush()
{
    if (!m_error.isEmpty())
        return false;
    if (m_bomPending) {
        m_buffer.insert(0, "\xEF\xBB\xBF");
        m_bomPending = false;
    }
    if (m_buffer.empty())
        return true;
    if (m_device->write(m_buffer.data(), qint64(m_buffer.size())) != qint64(m_buffer.size())) {
        m_error
            = m_device->errorString().isEmpty() ? tr("the device refused the data") : m_device->errorString();
        return false;
    }
    m_buffer.clear();
    return true;
}

Status writeCsvFile(const QString &path, const TableShape &shape, const CsvOptions &options,
                    const std::function<void(TableWriter &)> &rows)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Status::failure(tr("Cannot write %1: %2").arg(path, file.errorString()));
    TableWriter writer(&file, shape, TableWriter::Format::Csv, options);
    writer.writeHeader();
    rows(writer);
    if (!writer.flush()) {
        file.cancelWriting();
        return Status::failure(tr("Cannot write %1: %2").arg(path, writer.errorString()));
    }
    if (!file.commit())
        return Status::failure(tr("Cannot write %1: %2").arg(path, file.errorString()));
    return {};
}

} // namespace Lede::Insights
