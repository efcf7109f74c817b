// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Analysis.h"
#include "GroupedListModel.h"

#include <QHash>
#include <QPalette>

namespace Lede {

// The article's entities grouped by layer (people, organisations, places, dates; most mentioned
// first, aliases merged by canonical name) and its figures with unit and source. Clicking an entity
// walks through its mentions: nextMention() returns the next one each time.
class EntitiesModel final : public GroupedListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EntitiesModel)

public:
    explicit EntitiesModel(QObject *parent = nullptr);
    ~EntitiesModel() override;

    // The palette colours the layer icons. open: as for QuotesModel::setQuotes().
    // `english` false: the article is not in English, so no names were looked for.
    void setAnalysis(const AnalysisResult &analysis, const QPalette &palette, bool open = true,
                     bool english = true);
    void clear() { setAnalysis({}, QPalette(), false); }
    // "PERSON\x1fAna Ruiz": the group an entity row stands for; empty for figures and group rows.
    QString groupKeyAt(const QModelIndex &index) const;
    QModelIndex indexOfEntity(int entityIndex) const;
    // Every mention (index into the analysis) the entity row at index stands for; empty for
    // figures and group rows.
    QList<int> entityIndexesAt(const QModelIndex &index) const;
    // The span to show for a click on index: a figure's own span, or for an entity the next of its
    // mentions in text order (cycling; the row's tooltip says which one). Nothing for group rows.
    std::optional<Span> nextMention(const QModelIndex &index);

private:
    static QString keyOf(const Entity &e);

    QList<Entity> m_entities;
    QHash<QString, QList<Span>> m_mentions; // group key -> mentions in text order
    QHash<QString, int> m_cycle; // group key -> next mention to show
};

} // namespace Lede
