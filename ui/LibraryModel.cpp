// SPDX-License-Identifier: GPL-3.0-or-later
#include "LibraryModel.h"

#include <QLocale>

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
    beginResetModel();
    m_rows.clear();
    m_total = 0;
    if (m_store && m_store->isOpen()) {
        ArticleQuery countQuery = m_query;
        countQuery.limit = -1;
        countQuery.offset = 0;
        auto count = m_store->articleCount(countQuery);
        if (count) {
            m_total = count.value();
        } else {
            emit errorOccurred(count.errorString());
        }
        // The first page goes in with the reset, so views attached to modelReset see rows at once
        // and no row insertion nests inside the reset.
        if (m_total > 0) {
            ArticleQuery page = m_query;
            page.offset = 0;
            page.limit = PageSize;
            if (auto rows = m_store->articles(page)) {
                m_rows = rows.value();
                if (m_rows.size() < PageSize)
                    m_total = int(m_rows.size());
            } else {
                m_total = 0;
                emit errorOccurred(rows.errorString());
            }
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
    emit dataChanged(index(row, AnnotationsColumn), index(row, AnnotationsColumn), {Qt::DisplayRole});
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
            return a->published.isValid() ? a->published.toString(Qt::ISODate) : QString();
        case AnnotationsColumn:
            return a->annotationCount;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == TitleColumn)
            return a->title;
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
    return !parent.isValid() && m_rows.size() < m_total;
}

void LibraryModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    ArticleQuery page = m_query;
    page.offset = int(m_rows.size());
    page.limit = PageSize;
    auto rows = m_store->articles(page);
    if (!rows) {
        emit errorOccurred(rows.errorString());
        m_total = int(m_rows.size()); // stop asking for more
        return;
    }
    if (rows->isEmpty()) {
        m_total = int(m_rows.size()); // the library shrank under us
        return;
    }
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
