// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Lede {

// The text on one line (whitespace simplified), cut to at most max characters with an ellipsis.
inline QString excerpt(const QString &text, int max)
{
    QString t = text.simplified();
    if (t.size() > max)
        t = t.left(max - 1) + u'…';
    return t;
}

} // namespace Lede
