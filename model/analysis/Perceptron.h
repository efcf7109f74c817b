// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal: the weights of the averaged-perceptron tagger and the model file format.
//
// The file is the model's memory: it is used where it lies (mapped from the resource or a file),
// never inflated or copied. Little-endian, every table at an offset that is a multiple of 8:
//   "LEDENER4", u32 feature version, u32 label count, u32 row capacity (a power of two), u32 row
//   count, u32 gazetteer capacity (a power of two), u32 gazetteer count, f32 scale, u32 0;
//   one 24-byte row per slot: u32 feature key (0 = empty; open addressing, linear probing,
//   slot = key & mask), i16 weight per label, u16 0 -- a feature's key and its weights share a
//   cache line, so a lookup costs one memory access;
//   u64 phrase hash per gazetteer slot; u8 classes per gazetteer slot (0 = empty; bit 7: the
//   phrase starts a longer listed one -- every proper prefix of a listed phrase has a slot).
// Format 4 differs from 3 only in those prefix slots.
// Weights are quantised: real weight = stored * scale.

#include "Gazetteer.h"
#include "NerFeatures.h"

#include <QByteArray>
#include <QString>
#include <QtEndian>
#include <array>
#include <cstring>
#include <vector>

namespace Lede::Ner {

using Scores = std::array<qint32, LabelCount>;

class PerceptronModel final
{
public:
    struct Row
    {
        quint32 key = 0;
        std::array<qint16, LabelCount> weights {};
    };

    // Uses the file's bytes as the model (kept by reference: a QByteArray::fromRawData over mapped
    // memory is not copied); false and a message when it is not a model of this version (the model
    // is then empty).
    bool load(const QByteArray &file, QString *error);
    static QByteArray serialize(const std::vector<Row> &rows, float scale, const Gazetteer &gazetteer);

    bool isEmpty() const { return m_count == 0; }
    FeatureExtractor extractor() const { return FeatureExtractor(&m_gazetteer); }

    // Greedy left-to-right BIO decoding of one prepared sentence; labels gets one Label per token.
    void tag(const FeatureExtractor &extractor, const std::vector<TokenInfo> &info,
             std::vector<quint8> &labels) const;
    qsizetype featureCount() const { return m_count; }
    const Gazetteer &gazetteer() const { return m_gazetteer; }

    static constexpr qsizetype kRowSize = 24;
    static_assert(4 + 2 * LabelCount <= kRowSize);

    // Asks the memory for the rows of keys[0..count) ahead of addScores (the table is larger than
    // the caches, and the lookups of one token are independent).
    void prefetch(const FeatureKeys &keys, int count) const
    {
#if defined(__GNUC__) || defined(__clang__)
        if (!m_rows)
            return;
        for (int f = 0; f < count; ++f)
            __builtin_prefetch(m_rows + qsizetype(keys[size_t(f)] & m_mask) * kRowSize);
#else
        Q_UNUSED(keys);
        Q_UNUSED(count);
#endif
    }

    void addScores(const FeatureKeys &keys, int count, Scores &scores) const
    {
        if (!m_rows)
            return;
#if (defined(__GNUC__) || defined(__clang__)) && Q_BYTE_ORDER == Q_LITTLE_ENDIAN
        // The first eight weights of a row as one vector, widened to 32 bits and added at once;
        // integer sums, so the scores are exactly those of the scalar loop below.
        typedef qint16 Weights8 __attribute__((vector_size(16)));
        typedef qint32 Sums8 __attribute__((vector_size(32)));
        static_assert(LabelCount == 9);
        Sums8 sums8 {};
        qint32 last = 0;
        for (int f = 0; f < count; ++f) {
            if (const uchar *row = rowOf(keys[size_t(f)])) {
                Weights8 w;
                std::memcpy(&w, row + 4, sizeof w);
                sums8 += __builtin_convertvector(w, Sums8);
                last += qFromLittleEndian<qint16>(row + 4 + 2 * 8);
            }
        }
        for (int l = 0; l < 8; ++l)
            scores[size_t(l)] += sums8[l];
        scores[8] += last;
#else
        for (int f = 0; f < count; ++f) {
            if (const uchar *row = rowOf(keys[size_t(f)]))
                for (int l = 0; l < LabelCount; ++l)
                    scores[size_t(l)] += qFromLittleEndian<qint16>(row + 4 + 2 * l);
        }
#endif
    }

private:
    void clear();
    // The row of `key` in the open-addressed table (linear probing, key 0 marks an empty slot), or
    // null when the model has no weights for it.
    const uchar *rowOf(quint32 key) const
    {
        for (quint32 slot = key & m_mask;; slot = (slot + 1) & m_mask) {
            const uchar *row = m_rows + qsizetype(slot) * kRowSize;
            const quint32 k = qFromLittleEndian<quint32>(row);
            if (k == key)
                return row;
            if (k == 0)
                return nullptr;
        }
    }

    QByteArray m_file; // the model's bytes (usually raw data over the mapped resource)
    const uchar *m_rows = nullptr;
    quint32 m_mask = 0;
    qsizetype m_count = 0;
    float m_scale = 1;
    Gazetteer m_gazetteer;
};

} // namespace Lede::Ner
