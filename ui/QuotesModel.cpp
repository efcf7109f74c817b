// SPDX-License-Identifier: GPL-3.0-or-later
#include "QuotesModel.h"

#include "TextExcerpt.h"

#include <QMap>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Lede {

QuotesModel::QuotesModel(QObject *parent)
    : GroupedListModel(parent)
{
}

QuotesModel::~QuotesModel() = default;

void QuotesModel::setQuotes(const QList<Quote> &quotes, bool open, bool english)
{
    QMap<QString, QList<int>> bySpeaker;
    QList<int> terms; // titles and terms in quotation marks ("the film “…”"): no one speaks them
    for (int i = 0; i < quotes.size(); ++i) {
        if (quotes.at(i).kind == Quote::Kind::Scare && quotes.at(i).speaker.isEmpty())
            terms.append(i);
        else
            bySpeaker[quotes.at(i).speaker].append(i);
    }
    QList<QString> speakers = bySpeaker.keys();
    std::stable_sort(speakers.begin(), speakers.end(), [&](const QString &a, const QString &b) {
        if (a.isEmpty() != b.isEmpty())
            return b.isEmpty(); // unknown speakers last
        return bySpeaker.value(a).size() > bySpeaker.value(b).size();
    });
    QList<Group> groups;
    auto addGroup = [&](const QString &label, const QList<int> &indexes) {
        Group group;
        group.text = tr("%1 (%2)").arg(label).arg(indexes.size());
        for (int i : indexes) {
            const Quote &q = quotes.at(i);
            // A quote the reader decided about carries a mark (the automatic layer never overrides it).
            QString text = excerpt(q.text, 120);
            QString toolTip = q.text.toHtmlEscaped();
            if (q.corrected) {
                text = u"\u2713 "_s + text;
                toolTip += u"<br><i>"_s + tr("Reviewed: your correction") + u"</i>"_s;
            }
            group.items.append(Item { text, toolTip, q.span, i, {} });
        }
        groups.append(std::move(group));
    };
    for (const QString &speaker : std::as_const(speakers))
        addGroup(speaker.isEmpty() ? tr("Speaker unknown") : speaker, bySpeaker.value(speaker));
    if (!terms.isEmpty())
        addGroup(tr("Titles and terms in quotation marks"), terms);
    // Not English: no speaker was looked for; the first row says so, whatever the quotes' kinds.
    if (open && !english)
        groups.prepend(Group { tr("Not English: speakers not looked for"), {}, {} });
    setGroups(std::move(groups), open ? tr("No quotes found in this article.") : QString());
}

int QuotesModel::quoteIndexAt(const QModelIndex &index) const
{
    const Item *item = itemAt(index);
    return item ? item->ref : -1;
}

QModelIndex QuotesModel::indexOfQuote(int quoteIndex) const
{
    for (int g = 0; g < groups().size(); ++g) {
        const QList<Item> &items = groups().at(g).items;
        for (int i = 0; i < items.size(); ++i) {
            if (items.at(i).ref == quoteIndex)
                return indexOfItem(g, i);
        }
    }
    return {};
}

} // namespace Lede
