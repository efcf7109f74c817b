// SPDX-License-Identifier: GPL-3.0-or-later
#include "Gazetteer.h"

#include <QtEndian>

namespace Lede::Ner {

namespace {
constexpr quint64 kSeed = 0xcbf29ce484222325ULL;

quint64 phraseHash(const QList<QStringView> &words, qsizetype from, qsizetype count)
{
    quint64 h = kSeed;
    for (qsizetype i = from; i < from + count; ++i)
        h = hashCombine(h, words[i]);
    return h;
}
} // namespace

void Gazetteer::add(const QString &phrase, quint8 classes)
{
    const QList<QStringView> words = QStringView(phrase).split(u' ', Qt::SkipEmptyParts);
    if (words.isEmpty() || words.size() > kMaxWords)
        return;
    m_entries.append({ phrase, classes });
    m_index[phraseHash(words, 0, words.size())] |= classes;
}

void Gazetteer::clear()
{
    m_entries.clear();
    m_index.clear();
    m_table = nullptr;
    m_tableMask = 0;
    m_tableCount = 0;
}

QByteArray Gazetteer::table(quint32 *capacity) const
{
    // The listed phrases, and every proper prefix of a phrase marked with kPrefixBit, so that
    // mark() stops extending a phrase as soon as no listed phrase starts with it.
    QHash<quint64, quint8> index = m_index;
    for (const Entry &e : m_entries) {
        const QList<QStringView> words = QStringView(e.phrase).split(u' ', Qt::SkipEmptyParts);
        quint64 h = kSeed;
        for (qsizetype i = 0; i + 1 < words.size(); ++i) {
            h = hashCombine(h, words[i]);
            index[h] |= kPrefixBit;
        }
    }
    quint32 cap = 1024;
    while (cap < quint32(index.size()) * 2)
        cap *= 2;
    QByteArray out(qsizetype(cap) * 9, '\0');
    uchar *keys = reinterpret_cast<uchar *>(out.data());
    uchar *classes = keys + qsizetype(cap) * 8;
    for (auto it = index.cbegin(); it != index.cend(); ++it) {
        if (it.value() == 0)
            continue;
        quint32 slot = quint32(it.key()) & (cap - 1);
        while (classes[slot] != 0)
            slot = (slot + 1) & (cap - 1);
        qToLittleEndian<quint64>(it.key(), keys + 8 * qsizetype(slot));
        classes[slot] = it.value();
    }
    *capacity = cap;
    return out;
}

void Gazetteer::attach(const uchar *table, quint32 capacity, qsizetype count)
{
    clear();
    m_table = table;
    m_tableMask = capacity - 1;
    m_tableCount = count;
}

quint8 Gazetteer::classesOf(quint64 hash) const
{
    if (!m_table)
        return m_index.value(hash, 0);
    const uchar *classes = m_table + (qsizetype(m_tableMask) + 1) * 8;
    for (quint32 slot = quint32(hash) & m_tableMask;; slot = (slot + 1) & m_tableMask) {
        if (classes[slot] == 0)
            return 0;
        if (qFromLittleEndian<quint64>(m_table + 8 * qsizetype(slot)) == hash)
            return classes[slot];
    }
}

quint8 Gazetteer::lookup(const QList<QStringView> &words, qsizetype from, qsizetype count) const
{
    return classesOf(phraseHash(words, from, count)) & ~kPrefixBit;
}

void Gazetteer::mark(const QList<QStringView> &words, std::vector<TokenInfo> &info) const
{
    if (m_index.isEmpty() && !m_table)
        return;
    const qsizetype n = words.size();
    for (qsizetype i = 0; i < n; ++i) {
        // Listed phrases start with a capital; lower-case starts are skipped for speed.
        if (!info[size_t(i)].initialUpper)
            continue;
        quint64 h = kSeed;
        for (qsizetype len = 1; len <= kMaxWords && i + len <= n; ++len) {
            h = hashCombine(h, words[i + len - 1]);
            const quint8 found = classesOf(h);
            if (found == 0) {
                if (m_table)
                    break; // the mapped table lists every phrase's prefixes: none starts so
                continue;
            }
            const quint32 classes = found & ~kPrefixBit;
            if (classes == 0)
                continue;
            info[size_t(i)].gaz |= classes;
            for (qsizetype j = i + 1; j < i + len; ++j)
                info[size_t(j)].gaz |= classes << 16;
        }
    }
}

} // namespace Lede::Ner
