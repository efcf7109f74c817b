// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Annotation.h"

#include <QAbstractItemModel>

namespace Lede {

// The tag codebook as a tree: each tag as "name (uses)" with its colour swatch and its full path as
// tooltip. A parent's count includes its sub-tags' uses (a highlight tagged with a parent and one
// of its children counts twice). It holds the window's one copy of the tags; the tag filter, the tag dialog
// and the export dialog read them from here.
class TagTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TagTreeModel)

public:
    enum Role { TagIdRole = Qt::UserRole + 1, PathRole };

    explicit TagTreeModel(QObject *parent = nullptr);
    ~TagTreeModel() override;

    // Tags ordered by path (as ArticleStore::tags() returns them): parents before children. A tag
    // whose parent is missing is shown at the top level. One model reset.
    void setTags(const QList<Tag> &tags);
    const QList<Tag> &tags() const { return m_tags; }

    qint64 tagIdAt(const QModelIndex &index) const;
    const Tag *tagAt(const QModelIndex &index) const;
    QModelIndex indexOfTag(qint64 tagId) const;
    // Uses of the tag and all its sub-tags (what the row shows).
    int totalUses(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    struct Node
    {
        int parent = -1; // node index, -1 for top level
        int row = 0; // row under its parent
        QList<int> children; // node indexes
    };
    const QList<int> &childrenOf(int node) const { return node < 0 ? m_roots : m_nodes.at(node).children; }

    QList<Tag> m_tags; // node i is m_tags[i]
    QList<Node> m_nodes;
    QList<int> m_roots;
    QList<int> m_totals; // per node: own uses plus its subtree's
};

} // namespace Lede
