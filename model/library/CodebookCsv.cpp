// SPDX-License-Identifier: GPL-3.0-or-later
#include "CodebookCsv.h"

#include "io/CsvCell.h"
#include "library/RefiQdaExport.h"

#include <QCoreApplication>
#include <string>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Lede::CodebookCsv", text);
}

// RFC 4180 records (quoted fields may hold commas, quotes doubled, line breaks). Records end at LF
// or CRLF. Sets *badLine (1-based) on an unterminated quote.
QList<QStringList> parseRecords(const QString &text, int *badLine)
{
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    bool fieldStarted = false;
    int line = 1;
    int recordLine = 1;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < text.size() && text.at(i + 1) == u'"') {
                    field.append(u'"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == u'\n')
                    ++line;
                field.append(c);
            }
            continue;
        }
        if (c == u'"' && !fieldStarted) {
            quoted = true;
            fieldStarted = true;
        } else if (c == u',') {
            record.append(field);
            field.clear();
            fieldStarted = false;
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            continue; // the LF ends the record
        } else if (c == u'\n') {
            record.append(field);
            records.append(record);
            record.clear();
            field.clear();
            fieldStarted = false;
            recordLine = ++line;
        } else {
            field.append(c);
            fieldStarted = true;
        }
    }
    if (quoted) {
        *badLine = recordLine;
        return {};
    }
    if (fieldStarted || !record.isEmpty()) {
        record.append(field);
        records.append(record);
    }
    return records;
}

// What the formula guard added on writing comes off on reading.
QString unguard(const QString &cell)
{
    if (cell.size() >= 2 && cell.front() == u'\'') {
        const QChar next = cell.at(1);
        if (next == u'=' || next == u'+' || next == u'-' || next == u'@' || next == u'\t' || next == u'\r')
            return cell.mid(1);
    }
    return cell;
}

} // namespace

QByteArray codebookCsv(const QList<Tag> &tags)
{
    std::string buffer = "path,color,description\r\n";
    for (const Tag &tag : tags) {
        appendCsvField(buffer, tag.path.toUtf8(), true);
        buffer += ',';
        appendCsvField(buffer, RefiQda::rgbColor(tag.color).toUtf8(), true);
        buffer += ",\r\n";
    }
    return QByteArray(buffer.data(), qsizetype(buffer.size()));
}

Result<QList<CodebookEntry>> parseCodebookCsv(const QByteArray &bytes)
{
    using R = Result<QList<CodebookEntry>>;
    QString text = QString::fromUtf8(bytes);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    int badLine = 0;
    const QList<QStringList> records = parseRecords(text, &badLine);
    if (badLine > 0)
        return R::failure(tr("line %1: a quoted field is not closed").arg(badLine));
    if (records.isEmpty())
        return R::failure(tr("the codebook CSV is empty"));
    QStringList header;
    for (const QString &name : records.first())
        header.append(name.trimmed().toLower());
    const qsizetype pathColumn = header.indexOf(u"path"_s);
    const qsizetype colorColumn = header.indexOf(u"color"_s);
    const qsizetype descriptionColumn = header.indexOf(u"description"_s);
    if (pathColumn < 0)
        return R::failure(tr("not a codebook CSV: the first line has no \"path\" column"));
    QList<CodebookEntry> entries;
    for (qsizetype row = 1; row < records.size(); ++row) {
        const QStringList &cells = records.at(row);
        if (cells.size() == 1 && cells.first().trimmed().isEmpty())
            continue; // a blank line
        CodebookEntry entry;
        entry.path = unguard(cells.value(pathColumn)).trimmed();
        if (entry.path.isEmpty())
            continue;
        QStringList segments = entry.path.split(u'/');
        for (QString &segment : segments) {
            segment = segment.trimmed();
            if (segment.isEmpty())
                return R::failure(
                    tr("record %1: the path \"%2\" has an empty level").arg(row + 1).arg(entry.path));
        }
        entry.path = segments.join(u'/');
        if (colorColumn >= 0)
            entry.color = RefiQda::rgbColor(unguard(cells.value(colorColumn)));
        if (descriptionColumn >= 0)
            entry.description = unguard(cells.value(descriptionColumn));
        entries.append(entry);
    }
    return entries;
}

} // namespace Lede
