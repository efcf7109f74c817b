// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Span.h"

#include <QList>
#include <QString>

namespace Lede {

// Converts between UTF-16 indices (what QString uses) and Unicode code point indices (what the
// library file, CSV and JSON use: Python's body[start:end]). Built once per body; O(log n) per
// lookup, and free for text without surrogate pairs (the common case).
class CodePointMap
{
public:
    CodePointMap() = default;
    explicit CodePointMap(const QString &text);

    qsizetype toCodePoint(qsizetype utf16Index) const;
    qsizetype toUtf16(qsizetype codePointIndex) const;
    Span toCodePoints(Span utf16) const { return { toCodePoint(utf16.start), toCodePoint(utf16.end) }; }
    Span toUtf16(Span codePoints) const { return { toUtf16(codePoints.start), toUtf16(codePoints.end) }; }
    qsizetype codePointLength() const { return m_utf16Length - m_lowSurrogates.size(); }

private:
    QList<qsizetype> m_lowSurrogates; // UTF-16 indices of the second half of each surrogate pair
    qsizetype m_utf16Length = 0;
};

} // namespace Lede
