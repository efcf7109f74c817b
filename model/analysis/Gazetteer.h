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
    // Listed phrases (distinct phrase hashes when the list is a mapped table).
    qsizetype size() const { return m_table ? m_tableCount : m_entries.size(); }
    const QList<Entry> &entries() const { return m_entries; }

    // The flat table written into the model file: `capacity` u64 phrase hashes, then `capacity` u8
    // class sets (0 = empty slot; kPrefixBit: the words are the start of a longer listed phrase,
    // so that matching can stop early); capacity is a power of two. table() writes it; attach() uses
    // one in place (the bytes must outlive the gazetteer) instead of the list.
    QByteArray table(quint32 *capacity) const;
    void attach(const uchar *table, quint32 capacity, qsizetype count);

    // Sets the B/I class bits of every token covered by a listed phrase (TokenInfo::gaz layout).
    void mark(const QList<QStringView> &words, std::vector<TokenInfo> &info) const;
    quint8 lookup(const QList<QStringView> &words) const { return lookup(words, 0, words.size()); }
    quint8 lookup(const QList<QStringView> &words, qsizetype from,
                  qsizetype count) const; // words[from..+count)

    static constexpr int kMaxWords = 5;
    static constexpr quint8 kPrefixBit = 0x80; // above the GazClass bits
    static_assert(GazClassCount <= 7);

private:
    quint8 classesOf(quint64 hash) const;

    QList<Entry> m_entries;
    QHash<quint64, quint8> m_index;
    const uchar *m_table = nullptr;
    quint32 m_tableMask = 0;
    qsizetype m_tableCount = 0;
};

} // namespace Lede::Ner
