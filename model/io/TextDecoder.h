// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"
#include "Span.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace Lede {

// Turns the bytes of a text file into a QString.
//
// Contract: decode() accepts UTF-8 (with or without BOM), UTF-16 LE/BE and UTF-32 LE/BE with a BOM,
// UTF-16 without a BOM when the zero bytes make it unambiguous (with a warning), and falls back to
// Windows-1252 (with the warning "decoded as Windows-1252") when the bytes are not valid UTF-8. The
// BOM is never part of the text. It fails with a one-line message for an empty input, a binary input
// (NUL bytes or many control characters outside a UTF-16/32 file), and bytes that fit none of these
// encodings. Windows-1252 uses our own table, so the result does not depend on whether Qt was built
// with ICU.
//
// normalize() converts CRLF and CR to LF, drops leading blank lines and trailing whitespace, and
// changes nothing else (no reflow, no quote-mark changes).
class TextDecoder final
{
public:
    struct Decoded
    {
        QString text;
        QString encoding; // "UTF-8", "UTF-16LE", "Windows-1252", ...
        QStringList warnings;
    };

    static Result<Decoded> decode(const QByteArray &data);
    static QString decodeWindows1252(QByteArrayView data);
    // Windows-1252 leaves five bytes unassigned; returns true when data holds none of them.
    static bool isWindows1252(QByteArrayView data, qsizetype *badOffset = nullptr);

    static QString normalizeLineEndings(const QString &text);
    // Drops leading blank lines and the trailing run of whitespace; spans are shifted to match and
    // clipped to the remaining text.
    static void trim(QString *text, QList<Span> *spans = nullptr);
    static QString normalize(const QString &text);
};

} // namespace Lede
