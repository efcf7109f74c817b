// SPDX-License-Identifier: GPL-3.0-or-later
#include "Perceptron.h"

#include <QtEndian>
#include <cstring>
#include <limits>

using namespace Qt::StringLiterals;

namespace Lede::Ner {

namespace {
constexpr char kMagic[] = "LEDENER2";
constexpr qsizetype kHeaderSize = 8 + 8 * 4;

void putU32(QByteArray &out, quint32 v)
{
    char b[4];
    qToLittleEndian(v, b);
    out.append(b, 4);
}
} // namespace

QByteArray PerceptronModel::serialize(const std::vector<Row> &rows, float scale, const Gazetteer &gazetteer)
{
    quint32 capacity = 1024;
    while (capacity < rows.size() * 2)
        capacity *= 2;
    QByteArray keys(qsizetype(capacity) * 4, '\0');
    QByteArray weights(qsizetype(capacity) * 2 * LabelCount, '\0');
    const quint32 mask = capacity - 1;
    for (const Row &r : rows) {
        if (r.key == 0)
            continue; // 0 marks an empty slot; the feature hash never yields it in practice
        quint32 slot = r.key & mask;
        while (true) {
            const quint32 k = qFromLittleEndian<quint32>(keys.constData() + 4 * qsizetype(slot));
            if (k == 0 || k == r.key)
                break;
            slot = (slot + 1) & mask;
        }
        qToLittleEndian<quint32>(r.key, keys.data() + 4 * qsizetype(slot));
        for (int l = 0; l < LabelCount; ++l)
            qToLittleEndian<qint16>(r.weights[size_t(l)],
                                    weights.data() + (qsizetype(slot) * LabelCount + l) * 2);
    }
    quint32 gazCapacity = 0;
    const QByteArray gaz = gazetteer.table(&gazCapacity);
    QByteArray out(kMagic, 8);
    putU32(out, kFeatureVersion);
    putU32(out, LabelCount);
    putU32(out, capacity);
    putU32(out, quint32(rows.size()));
    putU32(out, gazCapacity);
    putU32(out, quint32(gazetteer.size()));
    quint32 scaleBits;
    std::memcpy(&scaleBits, &scale, 4);
    putU32(out, scaleBits);
    putU32(out, 0);
    out.reserve(out.size() + keys.size() + weights.size() + gaz.size());
    out.append(keys);
    out.append(weights);
    out.append(gaz);
    return out;
}

void PerceptronModel::clear()
{
    m_file.clear();
    m_keys = nullptr;
    m_weights = nullptr;
    m_mask = 0;
    m_count = 0;
    m_gazetteer.clear();
}

bool PerceptronModel::load(const QByteArray &file, QString *error)
{
    clear();
    auto fail = [&](const QString &message) {
        clear();
        if (error)
            *error = message;
        return false;
    };
    if (file.size() < kHeaderSize || !file.startsWith(QByteArrayView(kMagic, 8)))
        return fail(u"not a Lede entity model (version 2)"_s);
    const char *h = file.constData() + 8;
    const quint32 version = qFromLittleEndian<quint32>(h);
    const quint32 labels = qFromLittleEndian<quint32>(h + 4);
    const quint32 capacity = qFromLittleEndian<quint32>(h + 8);
    const quint32 rowCount = qFromLittleEndian<quint32>(h + 12);
    const quint32 gazCapacity = qFromLittleEndian<quint32>(h + 16);
    const quint32 gazCount = qFromLittleEndian<quint32>(h + 20);
    const quint32 scaleBits = qFromLittleEndian<quint32>(h + 24);
    if (version != kFeatureVersion || labels != LabelCount)
        return fail(u"entity model version %1 with %2 labels; expected version %3 with %4"_s.arg(version)
                        .arg(labels)
                        .arg(kFeatureVersion)
                        .arg(int(LabelCount)));
    auto powerOfTwo = [](quint32 v) { return v != 0 && (v & (v - 1)) == 0; };
    const qint64 size = kHeaderSize + qint64(capacity) * (4 + 2 * LabelCount) + qint64(gazCapacity) * 9;
    if (!powerOfTwo(capacity) || !powerOfTwo(gazCapacity) || rowCount >= capacity || file.size() != size)
        return fail(u"entity model is truncated or corrupt"_s);
    std::memcpy(&m_scale, &scaleBits, 4);
    m_file = file;
    const uchar *base = reinterpret_cast<const uchar *>(m_file.constData());
    m_keys = base + kHeaderSize;
    m_weights = m_keys + qsizetype(capacity) * 4;
    m_mask = capacity - 1;
    m_count = rowCount;
    m_gazetteer.attach(m_weights + qsizetype(capacity) * 2 * LabelCount, gazCapacity, gazCount);
    return true;
}

void PerceptronModel::tag(const FeatureExtractor &extractor, const std::vector<TokenInfo> &info,
                          std::vector<quint8> &labels) const
{
    labels.assign(info.size(), O);
    int prev = O;
    int prev2 = O;
    FeatureKeys keys;
    for (int i = 0; i < int(info.size()); ++i) {
        int best = O;
        if (!FeatureExtractor::skip(info[size_t(i)], prev)) {
            const int count = extractor.features(info, i, prev, prev2, keys);
            Scores scores {};
            addScores(keys, count, scores);
            qint32 bestScore = std::numeric_limits<qint32>::min();
            for (int l = 0; l < LabelCount; ++l) {
                if (allowedAfter(prev, l) && scores[size_t(l)] > bestScore) {
                    bestScore = scores[size_t(l)];
                    best = l;
                }
            }
        }
        labels[size_t(i)] = quint8(best);
        prev2 = prev;
        prev = best;
    }
}

} // namespace Lede::Ner
