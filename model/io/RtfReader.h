// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Lede {

// A compact reader of RTF's text: Debian has no RTF library, and an article needs only the words,
// the paragraphs and the page breaks.
//
// Contract: read() returns the document's paragraphs (each "\par" ends one; "\line" is a line break
// inside it) with a page break ("\page", "\sect") recorded before the paragraph that follows it,
// and the title and author of the {\info} group. Text comes from plain characters, "\'hh" bytes in
// the document's code page (\ansicpg; Windows-1252 when it is missing or unknown) and "\uN" escapes
// (the \ucN replacement characters after them are skipped). Destinations that are not text are
// skipped: "\*" groups, fonts, colours, styles, lists, pictures, objects, headers, footers,
// footnotes and field instructions (a field's result is kept). It fails with a one-line reason when
// the data does not start with "{\rtf", when groups nest deeper than MaxDepth, or when the text
// would exceed MaxTextSize characters (an RTF bomb).
class RtfReader final
{
public:
    static constexpr int MaxDepth = 256;
    static constexpr qsizetype MaxTextSize = 64 * 1024 * 1024;

    struct Paragraph
    {
        QString text;
        bool pageBreakBefore = false;
    };
    struct Document
    {
        QList<Paragraph> paragraphs;
        QString title;
        QString author;
    };

    static Result<Document> read(const QByteArray &data);
};

} // namespace Lede
