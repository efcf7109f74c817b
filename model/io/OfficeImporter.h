// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "MarkupImporter.h"
#include "Result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace Lede {

// Reads the text of Word (DOCX, Office Open XML) and OpenDocument (ODT) files: the zip through
// ZipReader, the XML with QXmlStreamReader.
//
// Contract: read() returns the document's paragraphs in order, each with its role (a paragraph
// styled Title, a heading, or body text) and whether a page break comes before it, plus the title
// and authors of docProps/core.xml or meta.xml. It fails with a one-line reason when the zip is
// damaged or truncated, when the part holding the text (word/document.xml, content.xml) is missing
// or is not well-formed XML, or when a part is larger than MaxPartBytes (a zip bomb). Deleted
// revisions, field codes, comments and the fallback copy of text boxes are left out; tabs become
// spaces and line breaks inside a paragraph stay "\n". toConverted() makes article text from it:
// paragraphs separated by blank lines, the Title paragraph (else a usable metadata title) as the
// title, headings as heading spans, the authors as a byline hint.
class OfficeImporter final
{
public:
    enum class Kind { Docx, Odt };
    static constexpr qint64 MaxPartBytes = 64 * 1024 * 1024;

    struct Paragraph
    {
        enum class Role { Body, Title, Heading };
        QString text;
        Role role = Role::Body;
        bool pageBreakBefore = false;
    };
    struct Document
    {
        QList<Paragraph> paragraphs;
        QString title; // metadata
        QStringList authors; // metadata
    };

    // Which kind of office document a zip archive holds, judged by its entries; empty when none.
    static std::optional<Kind> kindOf(const QByteArray &zipData);
    static Result<Document> read(const QByteArray &zipData, Kind kind);
    static MarkupImporter::Converted toConverted(const Document &document);
    static QString kindName(Kind kind); // "docx", "odt"
};

} // namespace Lede
