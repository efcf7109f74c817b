// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace Lede {

// A half-open range [start, end) of UTF-16 indices into an article body (QString indices).
// Inside the program all spans are UTF-16; the store, the CSV exporter and the JSON output convert
// them to Unicode code points (see TextOffsets.h), which is what DESIGN.md's contracts promise.
struct Span
{
    qsizetype start = 0;
    qsizetype end = 0;

    qsizetype length() const { return end - start; }
    bool isEmpty() const { return end <= start; }
    bool contains(qsizetype pos) const { return pos >= start && pos < end; }
    bool overlaps(const Span &other) const { return start < other.end && other.start < end; }
    friend bool operator==(const Span &, const Span &) = default;
};

} // namespace Lede
