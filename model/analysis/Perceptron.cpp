// SPDX-License-Identifier: GPL-3.0-or-later
#include "Perceptron.h"

#include <QtEndian>

#include <cstring>
#include <limits>

using namespace Qt::StringLiterals;

namespace Lede::Ner {

namespace {
constexpr char kMagic[] = "LEDENER1";
constexpr qsizetype kHeaderSize = 8 + 4 * 4 + 4;
constexpr qsizetype kRowSize = 4 + 2 * LabelCount;

void putU32(QByteArray &out, quint32 v)
{
    char b[4];
    qToLittleEndian(v, b);
    out.append(b, 4);
}
void putU16(QByteArray &out, quint16 v)
{
    char b[2];
    qToLittleEndian(v, b);
    out.append(b, 2);
}
} // namespace

QByteArray PerceptronModel::serialize(const std::vector<Row> &rows, float scale, const Gazetteer &gazetteer)
{
    QByteArray payload;
    payload.reserve(qsizetype(rows.size()) * kRowSize);
    for (const Row &r : rows) {
        putU32(payload, r.key);
        for (qint16 w : r.weights)
            putU16(payload, quint16(w));
    }
    for (const Gazetteer::Entry &e : gazetteer.entries()) {
        const QByteArray utf8 = e.phrase.toUtf8();
        payload.append(char(e.classes));
        putU16(payload, quint16(utf8.size()));
        payload.append(utf8);
    }
    QByteArray out(kMagic, 8);
    putU32(out, kFeatureVersion);
    putU32(out, LabelCount);
    putU32(out, quint32(rows.size()));
    putU32(out, quint32(gazetteer.size()));
    quint32 scaleBits;
    std::memcpy(&scaleBits, &scale, 4);
    putU32(out, scaleBits);
    out.append(qCompress(payload, 9));
    return out;
}

bool PerceptronModel::load(const QByteArray &file, QString *error)
{
    m_table.clear();
    m_count = 0;
    m_gazetteer.clear();
    auto fail = [&](const QString &message) {
        m_table.clear();
        m_count = 0;
        m_gazetteer.clear();
        if (error)
            *error = message;
        return false;
    };
    if (file.size() < kHeaderSize || !file.startsWith(QByteArrayView(kMagic, 8)))
        return fail(u"not a Lede entity model"_s);
    const char *h = file.constData() + 8;
    const quint32 version = qFromLittleEndian<quint32>(h);
    const quint32 labels = qFromLittleEndian<quint32>(h + 4);
    const quint32 rowCount = qFromLittleEndian<quint32>(h + 8);
    const quint32 gazCount = qFromLittleEndian<quint32>(h + 12);
    const quint32 scaleBits = qFromLittleEndian<quint32>(h + 16);
    if (version != kFeatureVersion || labels != LabelCount)
        return fail(u"entity model version %1 with %2 labels; expected version %3 with %4"_s.arg(version)
                        .arg(labels)
                        .arg(kFeatureVersion)
                        .arg(int(LabelCount)));
    std::memcpy(&m_scale, &scaleBits, 4);
    const QByteArray payload = qUncompress(QByteArrayView(file).sliced(kHeaderSize).toByteArray());
    if (payload.size() < qsizetype(rowCount) * kRowSize)
        return fail(u"entity model is truncated or corrupt"_s);

    quint32 capacity = 1024;
    while (capacity < rowCount * 2)
        capacity *= 2;
    m_table.assign(capacity, Row{});
    m_mask = capacity - 1;
    const char *p = payload.constData();
    for (quint32 i = 0; i < rowCount; ++i, p += kRowSize) {
        Row row;
        row.key = qFromLittleEndian<quint32>(p);
        if (row.key == 0)
            return fail(u"entity model has an invalid feature key"_s);
        for (int l = 0; l < LabelCount; ++l)
            row.weights[size_t(l)] = qint16(qFromLittleEndian<quint16>(p + 4 + 2 * l));
        quint32 slot = row.key & m_mask;
        while (m_table[slot].key != 0 && m_table[slot].key != row.key)
            slot = (slot + 1) & m_mask;
        m_table[slot] = row;
    }
    m_count = rowCount;
    const char *end = payload.constData() + payload.size();
    for (quint32 i = 0; i < gazCount; ++i) {
        if (end - p < 3)
            return fail(u"entity model gazetteer is truncated"_s);
        const quint8 classes = quint8(*p);
        const quint16 len = qFromLittleEndian<quint16>(p + 1);
        p += 3;
        if (end - p < len)
            return fail(u"entity model gazetteer is truncated"_s);
        m_gazetteer.add(QString::fromUtf8(p, len), classes);
        p += len;
    }
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
            Scores scores{};
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
