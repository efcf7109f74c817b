// SPDX-License-Identifier: GPL-3.0-or-later
#include "XlsxWriter.h"

#include "ArticleTableRow.h"
#include "ExportRow.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <xlsxwriter.h>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

enum class Cell { Text, Number, Date, DateTime };

struct Column
{
    const char *name;
    Cell kind;
    double width;
};

// The annotation CSV's columns, in its order (DESIGN.md).
constexpr Column AnnotationColumns[] = {
    { "article_id", Cell::Number, 10 },
    { "article_title", Cell::Text, 40 },
    { "article_source", Cell::Text, 16 },
    { "article_published", Cell::Date, 12 },
    { "annotation_id", Cell::Number, 12 },
    { "kind", Cell::Text, 10 },
    { "start", Cell::Number, 8 },
    { "end", Cell::Number, 8 },
    { "text", Cell::Text, 60 },
    { "tags", Cell::Text, 24 },
    { "note", Cell::Text, 40 },
    { "color", Cell::Text, 10 },
    { "speaker", Cell::Text, 20 },
    { "entity_type", Cell::Text, 10 },
    { "created_at", Cell::DateTime, 18 },
    { "updated_at", Cell::DateTime, 18 },
    { "layer_id", Cell::Number, 9 },
    { "canonical", Cell::Text, 20 },
    { "value", Cell::Number, 12 },
    { "unit", Cell::Text, 16 },
    { "qualifier", Cell::Text, 12 },
    { "attributed_to", Cell::Text, 20 },
    { "cue", Cell::Text, 10 },
    { "corrected", Cell::Text, 9 },
    { "article_url", Cell::Text, 30 },
};

constexpr Column ArticleColumns[] = {
    { "article_id", Cell::Number, 10 },    { "title", Cell::Text, 50 },
    { "source", Cell::Text, 16 },          { "published", Cell::Date, 12 },
    { "byline", Cell::Text, 24 },          { "dateline", Cell::Text, 14 },
    { "section", Cell::Text, 14 },         { "url", Cell::Text, 30 },
    { "format", Cell::Text, 8 },           { "words", Cell::Number, 8 },
    { "quotes", Cell::Number, 8 },         { "entities", Cell::Number, 8 },
    { "figures", Cell::Number, 8 },        { "annotations", Cell::Number, 11 },
    { "imported_at", Cell::DateTime, 18 },
};

} // namespace

struct XlsxWriter::Private
{
    QString path;
    QString temporary;
    lxw_workbook *workbook = nullptr;
    lxw_worksheet *sheet = nullptr;
    lxw_format *header = nullptr;
    lxw_format *date = nullptr;
    lxw_format *dateTime = nullptr;
    lxw_row_t row = 0;
    int columns = 0;
    bool committed = false;

    Status fail(lxw_error error)
    {
        return Status::failure(XlsxWriter::tr("Cannot write the workbook %1: %2")
                                   .arg(path, QString::fromUtf8(lxw_strerror(error))));
    }

    template<std::size_t N> Status beginSheet(const char *name, const Column (&columns)[N])
    {
        return beginSheet(name, columns, N);
    }

    Status beginSheet(const char *name, const Column *columns, std::size_t N)
    {
        if (sheet) {
            // The sheet before is complete: filter over every row it got.
            worksheet_autofilter(sheet, 0, 0, row > 0 ? row - 1 : 0, lxw_col_t(this->columns - 1));
        }
        sheet = workbook_add_worksheet(workbook, name);
        if (!sheet)
            return Status::failure(XlsxWriter::tr("Cannot write the workbook %1").arg(path));
        row = 0;
        this->columns = int(N);
        worksheet_freeze_panes(sheet, 1, 0);
        for (std::size_t c = 0; c < N; ++c) {
            lxw_format *format = columns[c].kind == Cell::Date ? date
                : columns[c].kind == Cell::DateTime            ? dateTime
                                                               : nullptr;
            worksheet_set_column(sheet, lxw_col_t(c), lxw_col_t(c), columns[c].width, format);
            if (lxw_error e = worksheet_write_string(sheet, 0, lxw_col_t(c), columns[c].name, header);
                e != LXW_NO_ERROR)
                return fail(e);
        }
        row = 1;
        return {};
    }

    Status nextRow()
    {
        if (row > XlsxWriter::MaxRows)
            return Status::failure(
                XlsxWriter::tr("More than %1 rows do not fit in one sheet; export CSV instead")
                    .arg(XlsxWriter::MaxRows));
        return {};
    }

    void text(lxw_col_t c, QByteArrayView utf8)
    {
        if (!utf8.isEmpty())
            worksheet_write_string(sheet, row, c, QByteArray(utf8.data(), utf8.size()).constData(), nullptr);
    }
    void text(lxw_col_t c, const QString &s)
    {
        if (!s.isEmpty())
            worksheet_write_string(sheet, row, c, s.toUtf8().constData(), nullptr);
    }
    void number(lxw_col_t c, double value, bool present = true)
    {
        if (present)
            worksheet_write_number(sheet, row, c, value, nullptr);
    }
    void dateCell(lxw_col_t c, const QDate &d)
    {
        if (!d.isValid())
            return;
        lxw_datetime dt { d.year(), d.month(), d.day(), 0, 0, 0 };
        worksheet_write_datetime(sheet, row, c, &dt, date);
    }
    void dateTimeCell(lxw_col_t c, const QDateTime &t)
    {
        if (!t.isValid())
            return;
        const QDateTime utc = t.toUTC();
        lxw_datetime dt { utc.date().year(), utc.date().month(),  utc.date().day(),
                          utc.time().hour(), utc.time().minute(), double(utc.time().second()) };
        worksheet_write_datetime(sheet, row, c, &dt, dateTime);
    }
};

XlsxWriter::XlsxWriter(const QString &path)
    : d(std::make_unique<Private>())
{
    d->path = path;
}

XlsxWriter::~XlsxWriter()
{
    if (d->workbook) {
        // Not committed: close to free it, then drop the half-written file.
        (void)workbook_close(d->workbook);
        d->workbook = nullptr;
    }
    if (!d->committed && !d->temporary.isEmpty())
        QFile::remove(d->temporary);
}

Status XlsxWriter::open()
{
    const QFileInfo target(d->path);
    // A temporary name in the target's own folder, so the final rename is atomic.
    QTemporaryFile reserve(target.absoluteDir().filePath(u".%1.XXXXXX.xlsx"_s.arg(target.fileName())));
    reserve.setAutoRemove(false);
    if (!reserve.open())
        return Status::failure(tr("Cannot write %1: %2").arg(d->path, reserve.errorString()));
    d->temporary = reserve.fileName();
    reserve.close();
    lxw_workbook_options options {};
    options.constant_memory = LXW_TRUE;
    const QByteArray tmpdir = QDir::tempPath().toLocal8Bit();
    options.tmpdir = const_cast<char *>(tmpdir.constData());
    d->workbook = workbook_new_opt(QFile::encodeName(d->temporary).constData(), &options);
    if (!d->workbook)
        return Status::failure(tr("Cannot write %1").arg(d->path));
    d->header = workbook_add_format(d->workbook);
    format_set_bold(d->header);
    d->date = workbook_add_format(d->workbook);
    format_set_num_format(d->date, "yyyy-mm-dd");
    d->dateTime = workbook_add_format(d->workbook);
    format_set_num_format(d->dateTime, "yyyy-mm-dd hh:mm:ss");
    return {};
}

Status XlsxWriter::beginAnnotations()
{
    return d->beginSheet("Annotations", AnnotationColumns);
}

Status XlsxWriter::writeAnnotation(const ExportRow &r)
{
    if (Status s = d->nextRow(); !s)
        return s;
    d->number(0, double(r.articleId));
    d->text(1, r.articleTitle);
    d->text(2, r.articleSource);
    d->dateCell(3, QDate::fromString(QString::fromUtf8(r.articlePublished), Qt::ISODate));
    d->number(4, double(r.annotationId), r.annotationId != 0);
    d->text(5, r.kind);
    d->number(6, double(r.start));
    d->number(7, double(r.end));
    d->text(8, r.text);
    d->text(9, r.tags);
    d->text(10, r.note);
    d->text(11, r.color);
    d->text(12, r.speaker);
    d->text(13, r.entityType);
    d->dateTimeCell(14, QDateTime::fromString(QString::fromUtf8(r.createdAt), Qt::ISODate));
    d->dateTimeCell(15, QDateTime::fromString(QString::fromUtf8(r.updatedAt), Qt::ISODate));
    d->number(16, double(r.layerId), r.layerId != 0);
    d->text(17, r.canonical);
    bool isNumber = false;
    const double value = QByteArray(r.value.data(), r.value.size()).toDouble(&isNumber);
    d->number(18, value, isNumber);
    d->text(19, r.unit);
    d->text(20, r.qualifier);
    d->text(21, r.attributedTo);
    d->text(22, r.cue);
    d->text(23, r.corrected);
    d->text(24, r.articleUrl);
    ++d->row;
    return {};
}

Status XlsxWriter::beginSheet(const QString &name, const QList<SheetColumn> &columns)
{
    QList<QByteArray> names;
    QList<Column> spec;
    for (const SheetColumn &c : columns)
        names.append(c.name.toUtf8());
    for (qsizetype i = 0; i < columns.size(); ++i) {
        const SheetColumn &c = columns.at(i);
        spec.append({ names.at(i).constData(),
                      c.kind == SheetColumn::Kind::Number     ? Cell::Number
                          : c.kind == SheetColumn::Kind::Date ? Cell::Date
                                                              : Cell::Text,
                      c.width });
    }
    return d->beginSheet(name.toUtf8().constData(), spec.constData(), std::size_t(spec.size()));
}

Status XlsxWriter::writeRow(const QVariantList &cells)
{
    if (Status s = d->nextRow(); !s)
        return s;
    for (qsizetype c = 0; c < cells.size() && c < d->columns; ++c) {
        const QVariant &v = cells.at(c);
        switch (v.typeId()) {
        case QMetaType::QDate:
            d->dateCell(lxw_col_t(c), v.toDate());
            break;
        case QMetaType::Double:
        case QMetaType::LongLong:
        case QMetaType::Int:
            d->number(lxw_col_t(c), v.toDouble());
            break;
        default:
            d->text(lxw_col_t(c), v.toString());
            break;
        }
    }
    ++d->row;
    return {};
}

Status XlsxWriter::beginArticles()
{
    return d->beginSheet("Articles", ArticleColumns);
}

Status XlsxWriter::writeArticle(const ArticleTableRow &r)
{
    if (Status s = d->nextRow(); !s)
        return s;
    d->number(0, double(r.id));
    d->text(1, r.title);
    d->text(2, r.source);
    d->dateCell(3, r.published);
    d->text(4, r.byline);
    d->text(5, r.dateline);
    d->text(6, r.section);
    d->text(7, r.url);
    d->text(8, r.format);
    d->number(9, double(r.words));
    d->number(10, double(r.quotes));
    d->number(11, double(r.entities));
    d->number(12, double(r.figures));
    d->number(13, double(r.annotations));
    d->dateTimeCell(14, r.importedAt);
    ++d->row;
    return {};
}

Status XlsxWriter::commit()
{
    if (!d->workbook)
        return Status::failure(tr("Cannot write %1: the workbook is not open").arg(d->path));
    if (d->sheet)
        worksheet_autofilter(d->sheet, 0, 0, d->row > 0 ? d->row - 1 : 0, lxw_col_t(d->columns - 1));
    const lxw_error closed = workbook_close(d->workbook);
    d->workbook = nullptr;
    if (closed != LXW_NO_ERROR)
        return d->fail(closed);
    // The temporary file was created private (0600); the workbook gets a document's usual rights, or
    // those of the file it replaces.
    const QFileDevice::Permissions rights = QFileInfo::exists(d->path)
        ? QFile::permissions(d->path)
        : QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther;
    QFile::setPermissions(d->temporary, rights);
    if (std::rename(QFile::encodeName(d->temporary).constData(), QFile::encodeName(d->path).constData()) != 0)
        return Status::failure(
            tr("Cannot write %1: %2").arg(d->path, QString::fromLocal8Bit(std::strerror(errno))));
    d->committed = true;
    return {};
}

} // namespace Lede
