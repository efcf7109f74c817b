// SPDX-License-Identifier: GPL-3.0-or-later
#include "Gazetteer.h"

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
    m_entries.append({phrase, classes});
    m_index[phraseHash(words, 0, words.size())] |= classes;
}

void Gazetteer::clear()
{
    m_entries.clear();
    m_index.clear();
}

quint8 Gazetteer::lookup(const QList<QStringView> &words) const
{
    return m_index.value(phraseHash(words, 0, words.size()), 0);
}

void Gazetteer::mark(const QList<QStringView> &words, std::vector<TokenInfo> &info) const
{
    if (m_index.isEmpty())
        return;
    const qsizetype n = words.size();
    for (qsizetype i = 0; i < n; ++i) {
        // Listed phrases start with a capital; lower-case starts are skipped for speed.
        if (!info[size_t(i)].initialUpper)
            continue;
        quint64 h = kSeed;
        for (qsizetype len = 1; len <= kMaxWords && i + len <= n; ++len) {
            h = hashCombine(h, words[i + len - 1]);
            const auto it = m_index.constFind(h);
            if (it == m_index.constEnd())
                continue;
            const quint32 classes = it.value();
            info[size_t(i)].gaz |= classes;
            for (qsizetype j = i + 1; j < i + len; ++j)
                info[size_t(j)].gaz |= classes << 16;
        }
    }
}

} // namespace Lede::Ner
