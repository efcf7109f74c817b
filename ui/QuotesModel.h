// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Analysis.h"
#include "GroupedListModel.h"

namespace Lede {

// The article's quotes grouped by speaker: speakers with the most quotes first, unknown speakers
// last; each quote as an excerpt with the full text as tooltip.
class QuotesModel final : public GroupedListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QuotesModel)

public:
    explicit QuotesModel(QObject *parent = nullptr);
    ~QuotesModel() override;

    // open: an article is shown (without one the model is empty, with one and no quotes it shows
    // a placeholder row).
    // `english` false: the article is not in English, so no speaker was looked for.
    void setQuotes(const QList<Quote> &quotes, bool open = true, bool english = true);
    void clear() { setQuotes({}, false); }
    // The index into the quotes at index; -1 for a speaker row or the placeholder.
    int quoteIndexAt(const QModelIndex &index) const;
    QModelIndex indexOfQuote(int quoteIndex) const;
};

} // namespace Lede
