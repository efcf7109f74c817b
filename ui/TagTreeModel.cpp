// SPDX-License-Identifier: GPL-3.0-or-later
#include "TagTreeModel.h"

#include "Layers.h"

#include <QHash>
#include <QPixmap>

namespace Lede {

// internalId: node index + 1 (0 is never used for a valid index).

TagTreeModel::TagTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

TagTreeModel::~TagTreeModel() = default;

void TagTreeModel::setTags(const QList<Tag> &tags)
{
    beginResetModel();
    m_tags = tags;
    m_nodes = QList<Node>(tags.size());
    m_roots.clear();
    QHash<qint64, int> nodeOfTag;
    for (int i = 0; i < m_tags.size(); ++i)
        nodeOfTag.insert(m_tags.at(i).id, i);
    for (int i = 0; i < m_tags.size(); ++i) {
        const int parent = m_tags.at(i).parentId ? nodeOfTag.value(m_tags.at(i).parentId, -1) : -1;
        // A parent listed after its child (or not at all) would make a cycle possible: top level.
        Node &node = m_nodes[i];
        node.parent = parent < i ? parent : -1;
        QList<int> &siblings = node.parent < 0 ? m_roots : m_nodes[node.parent].children;
        node.row = int(siblings.size());
        siblings.append(i);
    }
    // Children come after their parents, so one pass from the end adds every subtree up.
    m_totals = QList<int>(m_tags.size());
    for (int i = int(m_tags.size()) - 1; i >= 0; --i) {
        m_totals[i] += m_tags.at(i).useCount;
        if (m_nodes.at(i).parent >= 0)
            m_totals[m_nodes.at(i).parent] += m_totals.at(i);
    }
    endResetModel();
}

const Tag *TagTreeModel::tagAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    const qsizetype node = qsizetype(index.internalId()) - 1;
    return node >= 0 && node < m_tags.size() ? &m_tags.at(node) : nullptr;
}

qint64 TagTreeModel::tagIdAt(const QModelIndex &index) const
{
    const Tag *tag = tagAt(index);
    return tag ? tag->id : 0;
}

int TagTreeModel::totalUses(const QModelIndex &index) const
{
    const Tag *tag = tagAt(index);
    return tag ? m_totals.at(tag - m_tags.constData()) : 0;
}

QModelIndex TagTreeModel::indexOfTag(qint64 tagId) const
{
    for (int i = 0; i < m_tags.size(); ++i) {
        if (m_tags.at(i).id == tagId)
            return createIndex(m_nodes.at(i).row, 0, quintptr(i) + 1);
    }
    return {};
}

QModelIndex TagTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    const int parentNode = parent.isValid() ? int(parent.internalId()) - 1 : -1;
    return createIndex(row, column, quintptr(childrenOf(parentNode).at(row)) + 1);
}

QModelIndex TagTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const int parent = m_nodes.at(int(child.internalId()) - 1).parent;
    if (parent < 0)
        return {};
    return createIndex(m_nodes.at(parent).row, 0, quintptr(parent) + 1);
}

int TagTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(childrenOf(parent.isValid() ? int(parent.internalId()) - 1 : -1).size());
}

int TagTreeModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant TagTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Tag &t = m_tags.at(int(index.internalId()) - 1);
    switch (role) {
    case Qt::DisplayRole:
        return tr("%1 (%2)").arg(t.name).arg(m_totals.at(int(index.internalId()) - 1));
    case Qt::ToolTipRole:
    case PathRole:
        return t.path;
    case Qt::DecorationRole: {
        QPixmap swatch(12, 12);
        swatch.fill(t.color.isEmpty() ? defaultHighlightColor() : QColor::fromString(t.color));
        return swatch;
    }
    case TagIdRole:
        return t.id;
    default:
        return {};
    }
}

} // namespace Lede
