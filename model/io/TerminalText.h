// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Lede {

// Text from articles and file names that goes to a terminal (one line per file, tab-separated
// lists) must neither drive the terminal nor break the line structure. terminalSafe() returns the
// text with every control character escaped: \n \r \t as written, other C0 controls, DEL and C1
// controls as \xNN (ESC is \x1B), bytes of a file name that were not UTF-8 (see FileAccess.h) as
// \xNN, other lone surrogates as \uDXXX, and the Unicode line/paragraph separators and
// bidirectional overrides (which can reorder what a terminal shows) as \uXXXX. Everything else,
// backslashes included, is unchanged, so ordinary titles and paths print exactly as before.
QString terminalSafe(const QString &text);

} // namespace Lede
