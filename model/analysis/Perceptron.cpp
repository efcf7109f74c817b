// SPDX-License-Identifier: GPL-3.0-or-later
#include "Perceptron.h"

#include <QtEndian>
#include <cstring>
#include <limits>
#include <utility>

using namespace Qt::StringLiterals;

namespace Lede::Ner {

namespace {
constexpr char kMagic[] = "LEDENER4";
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
    QByteArray table(qsizetype(capacity) * kRowSize, '\0');
    const quint32 mask = capacity - 1;
    for (const Row &r : rows) {
        if (r.key == 0)
            continue; // 0 marks an empty slot; the feature hash never yields it in practice
        quint32 slot = r.key & mask;
        while (true) {
            const quint32 k = qFromLittleEndian<quint32>(table.constData() + qsizetype(slot) * kRowSize);
            if (k == 0 || k == r.key)
                break;
            slot = (slot + 1) & mask;
        }
        char *row = table.data() + qsizetype(slot) * kRowSize;
        qToLittleEndian<quint32>(r.key, row);
        for (int l = 0; l < LabelCount; ++l)
            qToLittleEndian<qint16>(r.weights[size_t(l)], row + 4 + 2 * l);
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
    out.reserve(out.size() + table.size() + gaz.size());
    out.append(table);
    out.append(gaz);
    return out;
}

void PerceptronModel::clear()
{
    m_file.clear();
    m_rows = nullptr;
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
        return fail(u"not a Lede entity model (version 4)"_s);
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
    const qint64 size = kHeaderSize + qint64(capacity) * kRowSize + qint64(gazCapacity) * 9;
    if (!powerOfTwo(capacity) || !powerOfTwo(gazCapacity) || rowCount >= capacity || file.size() != size)
        return fail(u"entity model is truncated or corrupt"_s);
    std::memcpy(&m_scale, &scaleBits, 4);
    m_file = file;
    const uchar *base = reinterpret_cast<const uchar *>(m_file.constData());
    m_rows = base + kHeaderSize;
    m_mask = capacity - 1;
    m_count = rowCount;
    m_gazetteer.attach(m_rows + qsizetype(capacity) * kRowSize, gazCapacity, gazCount);
    return true;
}

void PerceptronModel::tag(const FeatureExtractor &extractor, const std::vector<TokenInfo> &info,
                          std::vector<quint8> &labels) const
{
    const int n = int(info.size());
    labels.assign(info.size(), O);
    int prev = O;
    int prev2 = O;
    // The label-independent keys of the next token are computed and their rows prefetched while
    // the current token is scored, so the memory works ahead of the lookups.
    std::array<FeatureKeys, 2> buffers;
    FeatureKeys *keys = &buffers[0];
    FeatureKeys *ahead = &buffers[1];
    int aheadAt = -1;
    int aheadCount = 0;
    for (int i = 0; i < n; ++i) {
        int best = O;
        if (!FeatureExtractor::skip(info[size_t(i)], prev)) {
            int count;
            if (aheadAt == i) {
                std::swap(keys, ahead);
                count = aheadCount;
            } else {
                count = extractor.staticFeatures(info, i, *keys);
                prefetch(*keys, count);
            }
            const int history = FeatureExtractor::historyFeatures(info, i, prev, prev2, *keys, count);
            if (i + 1 < n && info[size_t(i + 1)].hasUpper) {
                aheadAt = i + 1;
                aheadCount = extractor.staticFeatures(info, i + 1, *ahead);
                prefetch(*ahead, aheadCount);
            }
            Scores scores {};
            addScores(*keys, count + history, scores);
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
