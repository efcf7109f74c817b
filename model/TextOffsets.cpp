// SPDX-License-Identifier: GPL-3.0-or-later
#include "TextOffsets.h"

#include <algorithm>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace Lede {

CodePointMap::CodePointMap(const QString &text)
    : m_utf16Length(text.size())
{
    const QChar *data = text.constData();
    const qsizetype n = text.size();
    qsizetype i = 1;
#ifdef __SSE2__
    // Eight units at a time: most text has no low surrogate (0xDC00-0xDFFF) at all.
    for (; i + 8 <= n; i += 8) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(data + i));
        const __m128i low = _mm_cmpeq_epi16(_mm_and_si128(v, _mm_set1_epi16(qint16(0xFC00))),
                                            _mm_set1_epi16(qint16(0xDC00)));
        if (_mm_movemask_epi8(low) == 0)
            continue;
        for (qsizetype k = i; k < i + 8; ++k) {
            if (data[k].isLowSurrogate() && data[k - 1].isHighSurrogate())
                m_lowSurrogates.append(k);
        }
    }
#endif
    for (; i < n; ++i) {
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
