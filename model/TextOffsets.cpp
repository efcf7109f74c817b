// SPDX-License-Identifier: GPL-3.0-or-later
#include "TextOffsets.h"

#include <algorithm>

namespace Lede {

CodePointMap::CodePointMap(const QString &text)
    : m_utf16Length(text.size())
{
    const QChar *data = text.constData();
    for (qsizetype i = 1; i < text.size(); ++i) {
        if (data[i].isLowSurrogate() && data[i - 1].isHighSurrogate())
            m_lowSurrogates.append(i);
    }
}

qsizetype CodePointMap::toCodePoint(qsizetype utf16Index) const
{
    // Every low surrogate before (or at) the index belongs to a pair that counts as one code point.
    const auto it = std::upper_bound(m_lowSurrogates.cbegin(), m_lowSurrogates.cend(), utf16Index);
    return utf16Index - (it - m_lowSurrogates.cbegin());
}

qsizetype CodePointMap::toUtf16(qsizetype codePointIndex) const
{
    // The k-th low surrogate sits at UTF-16 index s_k, i.e. at code point index s_k - k; every pair
    // starting before the requested code point adds one UTF-16 unit.
    qsizetype lo = 0;
    qsizetype hi = m_lowSurrogates.size();
    while (lo < hi) {
        const qsizetype mid = (lo + hi) / 2;
        if (m_lowSurrogates[mid] - mid - 1 < codePointIndex)
            lo = mid + 1;
        else
            hi = mid;
    }
    return codePointIndex + lo;
}

} // namespace Lede
