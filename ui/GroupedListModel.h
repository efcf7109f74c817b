// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Span.h"

#include <QAbstractItemModel>
#include <QIcon>
#include <optional>

namespace Lede {

// A read-only two-level tree with one column: bold group rows, each with its item rows (quotes by
// speaker, entities by type). A model with no groups can show one placeholder row ("No quotes
// found"). The base of QuotesModel and EntitiesModel; they fill it and add typed accessors.
class GroupedListModel : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GroupedListModel)

public:
    struct Item
    {
        QString text;
        QString toolTip;
        std::optional<Span> span; // where it is in the body, when it is one place
        int ref = -1; // index into the analysis, for the subclass
        QString key; // group key, for the subclass
    };
    struct Group
    {
        QString text;
        QIcon icon;
        QList<Item> items;
    };

    explicit GroupedListModel(QObject *parent = nullptr);
    ~GroupedListModel() override;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    // The item row at index; nullptr for a group row, the placeholder or an invalid index.
    const Item *itemAt(const QModelIndex &index) const;
    // The body span of the item at index, when it stands for one place in the text.
    std::optional<Span> spanAt(const QModelIndex &index) const;
    bool isPlaceholder(const QModelIndex &index) const;

protected:
    // Replaces everything (one model reset). The placeholder shows when groups is empty.
    void setGroups(QList<Group> groups, const QString &placeholder);
    QModelIndex indexOfItem(int group, int item) const { return createIndex(item, 0, quintptr(group) + 1); }
    const QList<Group> &groups() const { return m_groups; }
    void setItemToolTip(int group, int item, const QString &toolTip);

private:
    QList<Group> m_groups;
    QString m_placeholder;
};

} // namespace Lede
