// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal: the weights of the averaged-perceptron tagger and the model file format.
//
// The file is the model's memory: it is used where it lies (mapped from the resource or a file),
// never inflated or copied. Little-endian, every table at an offset that is a multiple of 8:
//   "LEDENER2", u32 feature version, u32 label count, u32 row capacity (a power of two), u32 row
//   count, u32 gazetteer capacity (a power of two), u32 gazetteer count, f32 scale, u32 0;
//   u32 feature key per row slot (0 = empty; open addressing, linear probing, slot = key & mask);
//   i16 weight per label per row slot;
//   u64 phrase hash per gazetteer slot; u8 classes per gazetteer slot (0 = empty).
// Weights are quantised: real weight = stored * scale.

#include "Gazetteer.h"
#include "NerFeatures.h"

#include <QByteArray>
#include <QString>
#include <QtEndian>
#include <array>
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

    void addScores(const FeatureKeys &keys, int count, Scores &scores) const
    {
        for (int f = 0; f < count; ++f) {
            const qint64 slot = find(keys[size_t(f)]);
            if (slot < 0)
                continue;
            const uchar *w = m_weights + slot * (2 * LabelCount);
            for (int l = 0; l < LabelCount; ++l)
                scores[size_t(l)] += qFromLittleEndian<qint16>(w + 2 * l);
        }
    }

private:
    qint64 find(quint32 key) const
    {
        if (!m_keys)
            return -1;
        for (quint32 slot = key & m_mask;; slot = (slot + 1) & m_mask) {
            const quint32 k = qFromLittleEndian<quint32>(m_keys + 4 * qsizetype(slot));
            if (k == key)
                return slot;
            if (k == 0)
                return -1;
        }
    }
    void clear();

    QByteArray m_file; // the model's bytes (usually raw data over the mapped resource)
    const uchar *m_keys = nullptr;
    const uchar *m_weights = nullptr;
    quint32 m_mask = 0;
    qsizetype m_count = 0;
    float m_scale = 1;
    Gazetteer m_gazetteer;
};

} // namespace Lede::Ner
