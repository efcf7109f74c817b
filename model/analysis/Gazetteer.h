// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal: phrase lists (people, places, organisations, nationalities) used as tagger features.
// The lists are extracted from WordNet by the trainer and stored inside the model file, so the app
// needs no WordNet at run time. Matching is case-insensitive over whole tokens.

#include "NerFeatures.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringView>

namespace Lede::Ner {

class Gazetteer final
{
public:
    struct Entry
    {
        QString phrase; // words separated by single spaces, as written ("Tel Aviv")
        quint8 classes = 0; // bit set of GazClass
    };

    void add(const QString &phrase, quint8 classes);
    void clear();
    qsizetype size() const { return m_entries.size(); }
    const QList<Entry> &entries() const { return m_entries; }

    // Sets the B/I class bits of every token covered by a listed phrase (TokenInfo::gaz layout).
    void mark(const QList<QStringView> &words, std::vector<TokenInfo> &info) const;
    quint8 lookup(const QList<QStringView> &words) const;

    static constexpr int kMaxWords = 5;

private:
    QList<Entry> m_entries;
    QHash<quint64, quint8> m_index;
};

} // namespace Lede::Ner
