// SPDX-License-Identifier: GPL-3.0-or-later
#include "LibraryModel.h"

#include "store/ArticleRepository.h"
#include "store/ArticleStore.h"

#include <QFont>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

using namespace Qt::StringLiterals;

namespace Lede {

LibraryModel::LibraryModel(ArticleStore *store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
}

LibraryModel::~LibraryModel() = default;

void LibraryModel::setSearch(const QString &search)
{
    if (m_query.search == search)
        return;
    m_query.search = search;
    refresh();
}

void LibraryModel::setTagFilter(qint64 tagId)
{
    if (m_query.tagId == tagId)
        return;
    m_query.tagId = tagId;
    refresh();
}

void LibraryModel::refresh()
{
    // No count(*) first: counting every match of a common word in a large library costs more than
    // the first page itself. Pages are fetched until one comes back short.
    beginResetModel();
    m_rows.clear();
    m_more = false;
    if (m_store && m_store->isOpen()) {
        // The first page goes in with the reset, so views attached to modelReset see rows at once
        // and no row insertion nests inside the reset.
        ArticleQuery page = m_query;
        page.offset = 0;
        page.limit = PageSize;
        if (auto rows = ArticleRepository(*m_store).articles(page)) {
            m_rows = rows.value();
            m_more = m_rows.size() == PageSize;
        } else {
            emit errorOccurred(rows.errorString());
        }
    }
    endResetModel();
}

const ArticleSummary *LibraryModel::articleAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || index.row() >= m_rows.size())
        return nullptr;
    return &m_rows.at(index.row());
}

int LibraryModel::rowOfArticle(qint64 articleId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == articleId)
            return i;
    }
    return -1;
}

void LibraryModel::updateAnnotationCount(int row, int count)
{
    if (row < 0 || row >= m_rows.size() || m_rows.at(row).annotationCount == count)
        return;
    m_rows[row].annotationCount = count;
    emit dataChanged(index(row, AnnotationsColumn), index(row, AnnotationsColumn), { Qt::DisplayRole });
}

int LibraryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LibraryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LibraryModel::data(const QModelIndex &index, int role) const
{
    const ArticleSummary *a = articleAt(index);
    if (!a)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TitleColumn:
            return a->title.isEmpty() ? tr("(untitled)") : a->title;
        case SourceColumn:
            return a->source;
        case PublishedColumn:
            // Without a publication date, the import date (shown in italics and greyed) still tells
            // two articles with the same title apart.
            if (a->published.isValid())
                return a->published.toString(Qt::ISODate);
            return a->importedAt.isValid() ? a->importedAt.toLocalTime().date().toString(Qt::ISODate)
                                           : QString();
        case AnnotationsColumn:
            return a->annotationCount;
        }
        break;
    case Qt::ToolTipRole: {
        const QString imported = a->importedAt.isValid()
            ? tr("Imported %1").arg(QLocale().toString(a->importedAt.toLocalTime(), QLocale::ShortFormat))
            : QString();
        if (index.column() == TitleColumn) {
            QStringList lines { a->title.isEmpty() ? tr("(untitled)") : a->title };
            if (!a->source.isEmpty())
                lines.append(a->source);
            if (!imported.isEmpty())
                lines.append(imported);
            return lines.join(u'\n');
        }
        if (index.column() == PublishedColumn && !a->published.isValid() && !imported.isEmpty())
            return tr("No publication date. %1").arg(imported);
        break;
    }
    case Qt::FontRole:
        if (index.column() == PublishedColumn && !a->published.isValid()) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        break;
    case Qt::ForegroundRole:
        if (index.column() == PublishedColumn && !a->published.isValid())
            return QGuiApplication::palette().brush(QPalette::PlaceholderText);
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == AnnotationsColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case ArticleIdRole:
        return a->id;
    }
    return {};
}

QVariant LibraryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TitleColumn:
        return tr("Title");
    case SourceColumn:
        return tr("Source");
    case PublishedColumn:
        return tr("Date");
    case AnnotationsColumn:
        return tr("Notes", "column: number of annotations");
    }
    return {};
}

bool LibraryModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_more;
}

void LibraryModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    ArticleQuery page = m_query;
    page.offset = int(m_rows.size());
    page.limit = PageSize;
    auto rows = ArticleRepository(*m_store).articles(page);
    if (!rows) {
        emit errorOccurred(rows.errorString());
        m_more = false; // stop asking for more
        return;
    }
    m_more = rows->size() == PageSize;
    if (rows->isEmpty())
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + rows->size() - 1));
    m_rows.append(rows.value());
    endInsertRows();
}

void LibraryModel::sort(int column, Qt::SortOrder order)
{
    ArticleQuery::Sort sort = ArticleQuery::Sort::ImportedDesc;
    switch (column) {
    case TitleColumn:
        sort = ArticleQuery::Sort::Title;
        break;
    case SourceColumn:
        sort = ArticleQuery::Sort::Source;
        break;
    case PublishedColumn:
        sort = ArticleQuery::Sort::Published;
        break;
    case AnnotationsColumn:
        sort = ArticleQuery::Sort::Annotations;
        break;
    default:
        break;
    }
    const bool descending = order == Qt::DescendingOrder;
    if (sort == m_query.sort && descending == m_query.descending)
        return;
    m_query.sort = sort;
    m_query.descending = descending;
    refresh();
}

} // namespace Lede
