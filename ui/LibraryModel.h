// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ArticleQuery.h"

#include <QAbstractTableModel>

namespace Lede {

class ArticleStore;

// The library list: one row per article (title, source, date, annotation count), filled lazily
// through canFetchMore()/fetchMore() in pages, so a 100,000-article library costs one COUNT and one
// page of rows to show. Sorting and searching are pushed down to the store (ArticleQuery) rather than
// a proxy model, because a proxy would have to fetch every row first.
//
// A failing store query leaves the model empty and emits errorOccurred() with the store's message.
class LibraryModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LibraryModel)

public:
    enum Column { TitleColumn, SourceColumn, PublishedColumn, AnnotationsColumn, ColumnCount };
    enum Role { ArticleIdRole = Qt::UserRole + 1 };
    static constexpr int PageSize = 256;

    explicit LibraryModel(ArticleStore *store, QObject *parent = nullptr);
    ~LibraryModel() override;

    void setSearch(const QString &search);
    QString search() const { return m_query.search; }
    void setTagFilter(qint64 tagId);
    qint64 tagFilter() const { return m_query.tagId; }
    // Re-runs the query (after an import or an annotation change).
    void refresh();

    // Rows fetched so far (rowCount()) versus rows that match (totalCount()).
    // Rows fetched so far; canFetchMore() tells whether more follow.
    int loadedCount() const { return int(m_rows.size()); }
    const ArticleSummary *articleAt(const QModelIndex &index) const;
    // The row of the article, if fetched; -1 otherwise.
    int rowOfArticle(qint64 articleId) const;
    // Keeps the count column current after an annotation change without re-querying the list.
    void updateAnnotationCount(int row, int count);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

signals:
    void errorOccurred(const QString &message);

private:
    ArticleStore *m_store;
    ArticleQuery m_query;
    QList<ArticleSummary> m_rows;
    bool m_more = false;
};

} // namespace Lede
