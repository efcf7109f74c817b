// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal: the weights of the averaged-perceptron tagger and the model file format.
//
// File (little-endian): "LEDENER1", u32 feature version, u32 label count, u32 row count,
// u32 gazetteer entry count, f32 scale, then a qCompress()ed payload of rows (u32 feature key,
// i16 weight per label) followed by gazetteer entries (u8 classes, u16 UTF-8 length, bytes).
// Weights are quantised: real weight = stored * scale.

#include "Gazetteer.h"
#include "NerFeatures.h"

#include <QByteArray>
#include <QString>

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
        std::array<qint16, LabelCount> weights{};
    };

    // Replaces the model with the file's contents; false and a message when it is not a model of
    // this version (the model is then empty).
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
            const Row *row = find(keys[size_t(f)]);
            if (!row)
                continue;
            for (int l = 0; l < LabelCount; ++l)
                scores[size_t(l)] += row->weights[size_t(l)];
        }
    }

private:
    const Row *find(quint32 key) const
    {
        if (m_table.empty())
            return nullptr;
        for (quint32 slot = key & m_mask;; slot = (slot + 1) & m_mask) {
            const Row &r = m_table[slot];
            if (r.key == key)
                return &r;
            if (r.key == 0)
                return nullptr;
        }
    }

    std::vector<Row> m_table; // open addressing, linear probing, key 0 = empty
    quint32 m_mask = 0;
    qsizetype m_count = 0;
    float m_scale = 1;
    Gazetteer m_gazetteer;
};

} // namespace Lede::Ner
