// SPDX-License-Identifier: GPL-3.0-or-later
#include "EntitiesModel.h"

#include "Layers.h"

#include <QMap>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Lede {

EntitiesModel::EntitiesModel(QObject *parent)
    : GroupedListModel(parent)
{
}

EntitiesModel::~EntitiesModel() = default;

QString EntitiesModel::keyOf(const Entity &e)
{
    return entityTypeName(e.type) + u'\x1f' + (e.canonical.isEmpty() ? e.text : e.canonical);
}

void EntitiesModel::setAnalysis(const AnalysisResult &an, const QPalette &palette, bool open, bool english)
{
    m_entities = an.entities;
    m_mentions.clear();
    m_cycle.clear();
    struct Entry
    {
        QString name;
        QStringList aliases;
        int count = 0;
        bool reviewed = true; // every mention decided by the reader
    };
    // Layer -> canonical -> entry. Aliases ("Blinken", "Antony Blinken") merge by canonical.
    QMap<int, QMap<QString, Entry>> byLayer;
    for (const Entity &e : an.entities) {
        const auto layer = layerOfEntity(e.type);
        if (!layer || *layer == Layer::Figures)
            continue;
        const QString name = e.canonical.isEmpty() ? e.text : e.canonical;
        Entry &entry = byLayer[int(*layer)][name];
        entry.name = name;
        ++entry.count;
        entry.reviewed = entry.reviewed && e.corrected;
        if (e.text != name && !entry.aliases.contains(e.text))
            entry.aliases.append(e.text);
    }
    for (const Entity &e : an.entities)
        m_mentions[keyOf(e)].append(e.span);
    for (QList<Span> &mentions : m_mentions)
        std::stable_sort(mentions.begin(), mentions.end(), [](Span a, Span b) { return a.start < b.start; });

    QList<Group> groups;
    for (Layer layer : { Layer::People, Layer::Organisations, Layer::Places, Layer::Dates }) {
        const QMap<QString, Entry> &byName = byLayer.value(int(layer));
        if (byName.isEmpty())
            continue;
        int total = 0;
        for (const Entry &entry : byName)
            total += entry.count;
        Group group { tr("%1 (%2)").arg(layerName(layer)).arg(total), layerIcon(layer, palette), {} };
        QList<Entry> sorted = byName.values();
        std::stable_sort(sorted.begin(), sorted.end(),
                         [](const Entry &a, const Entry &b) { return a.count > b.count; });
        for (const Entry &entry : std::as_const(sorted)) {
            Entity::Type type = Entity::Type::Misc;
            for (const Entity &e : an.entities) {
                if ((e.canonical.isEmpty() ? e.text : e.canonical) == entry.name
                    && layerOfEntity(e.type) == layer) {
                    type = e.type;
                    break;
                }
            }
            Item item;
            item.text = tr("%1 (%2)").arg(entry.name).arg(entry.count);
            if (entry.reviewed)
                item.text = u"\u2713 "_s + item.text; // the reader decided about every mention
            if (!entry.aliases.isEmpty())
                item.toolTip = tr("Also written: %1").arg(entry.aliases.join(u", "_s));
            item.key = entityTypeName(type) + u'\x1f' + entry.name;
            group.items.append(std::move(item));
        }
        groups.append(std::move(group));
    }
    // Figures come from the figure layer: value, unit and who gave them.
    if (!an.figures.isEmpty()) {
        Group group { tr("%1 (%2)").arg(layerName(Layer::Figures)).arg(an.figures.size()),
                      layerIcon(Layer::Figures, palette),
                      {} };
        for (int i = 0; i < an.figures.size(); ++i) {
            const Figure &fig = an.figures.at(i);
            QString text = fig.text;
            if (!fig.unit.isEmpty())
                text += u" — "_s + fig.unit;
            if (!fig.attributedTo.isEmpty())
                text += u" ("_s + fig.attributedTo + u')';
            group.items.append(Item { text, {}, fig.span, i, {} });
        }
        groups.append(std::move(group));
    }
    // Not English: no names were looked for; the first row says so, above any figures.
    if (open && !english)
        groups.prepend(Group { tr("Not English: names not looked for"), {}, {} });
    setGroups(std::move(groups), open ? tr("No entities found in this article.") : QString());
}

QString EntitiesModel::groupKeyAt(const QModelIndex &index) const
{
    const Item *item = itemAt(index);
    return item ? item->key : QString();
}

QList<int> EntitiesModel::entityIndexesAt(const QModelIndex &index) const
{
    const Item *item = itemAt(index);
    if (!item || item->key.isEmpty())
        return {};
    QList<int> out;
    for (int i = 0; i < m_entities.size(); ++i) {
        if (keyOf(m_entities.at(i)) == item->key)
            out.append(i);
    }
    return out;
}

QModelIndex EntitiesModel::indexOfEntity(int entityIndex) const
{
    if (entityIndex < 0 || entityIndex >= m_entities.size())
        return {};
    const QString key = keyOf(m_entities.at(entityIndex));
    for (int g = 0; g < groups().size(); ++g) {
        const QList<Item> &items = groups().at(g).items;
        for (int i = 0; i < items.size(); ++i) {
            if (items.at(i).key == key)
                return indexOfItem(g, i);
        }
    }
    return {};
}

std::optional<Span> EntitiesModel::nextMention(const QModelIndex &index)
{
    const Item *item = itemAt(index);
    if (!item)
        return std::nullopt;
    if (item->key.isEmpty())
        return item->span; // a figure: one mention
    const QList<Span> mentions = m_mentions.value(item->key);
    if (mentions.isEmpty())
        return std::nullopt;
    int &next = m_cycle[item->key];
    const int shown = next % int(mentions.size());
    next = (shown + 1) % int(mentions.size());
    setItemToolTip(int(index.internalId() - 1), index.row(),
                   tr("Mention %1 of %2 — click again for the next").arg(shown + 1).arg(mentions.size()));
    return mentions.at(shown);
}

} // namespace Lede
