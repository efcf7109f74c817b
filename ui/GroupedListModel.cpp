// SPDX-License-Identifier: GPL-3.0-or-later
#include "GroupedListModel.h"

#include <QFont>

namespace Lede {

// internalId: 0 for top-level rows (groups or the placeholder), group row + 1 for item rows.

GroupedListModel::GroupedListModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

GroupedListModel::~GroupedListModel() = default;

void GroupedListModel::setGroups(QList<Group> groups, const QString &placeholder)
{
    beginResetModel();
    m_groups = std::move(groups);
    m_placeholder = placeholder;
    endResetModel();
}

QModelIndex GroupedListModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, quintptr(0));
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex GroupedListModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int GroupedListModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return m_groups.isEmpty() ? (m_placeholder.isEmpty() ? 0 : 1) : int(m_groups.size());
    if (parent.column() != 0 || parent.internalId() != 0 || m_groups.isEmpty())
        return 0;
    return int(m_groups.at(parent.row()).items.size());
}

int GroupedListModel::columnCount(const QModelIndex &) const
{
    return 1;
}

bool GroupedListModel::isPlaceholder(const QModelIndex &index) const
{
    return index.isValid() && index.internalId() == 0 && m_groups.isEmpty();
}

const GroupedListModel::Item *GroupedListModel::itemAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.internalId() == 0 || index.model() != this)
        return nullptr;
    const qsizetype group = qsizetype(index.internalId() - 1);
    if (group >= m_groups.size() || index.row() >= m_groups.at(group).items.size())
        return nullptr;
    return &m_groups.at(group).items.at(index.row());
}

std::optional<Span> GroupedListModel::spanAt(const QModelIndex &index) const
{
    const Item *item = itemAt(index);
    return item ? item->span : std::nullopt;
}

void GroupedListModel::setItemToolTip(int group, int item, const QString &toolTip)
{
    m_groups[group].items[item].toolTip = toolTip;
    const QModelIndex i = indexOfItem(group, item);
    emit dataChanged(i, i, { Qt::ToolTipRole });
}

QVariant GroupedListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (isPlaceholder(index))
        return role == Qt::DisplayRole ? QVariant(m_placeholder) : QVariant();
    if (index.internalId() == 0) {
        const Group &g = m_groups.at(index.row());
        switch (role) {
        case Qt::DisplayRole:
            return g.text;
        case Qt::DecorationRole:
            return g.icon.isNull() ? QVariant() : QVariant(g.icon);
        case Qt::FontRole: {
            QFont f;
            f.setBold(true);
            return f;
        }
        default:
            return {};
        }
    }
    const Item *item = itemAt(index);
    if (!item)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return item->text;
    case Qt::ToolTipRole:
        return item->toolTip.isEmpty() ? QVariant() : QVariant(item->toolTip);
    default:
        return {};
    }
}

} // namespace Lede
