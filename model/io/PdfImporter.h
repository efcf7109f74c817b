// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "MarkupImporter.h"
#include "Result.h"

#include <QByteArray>
#include <QString>
#include <QStringView>

namespace Lede {

// Turns the text layer of a PDF (read with Poppler's Qt 6 binding) into article text.
//
// Contract: read() returns the text as paragraphs separated by blank lines, with hints (title,
// headings, byline from the document's Author) and metadata ("pages", "pdf_title", "pdf_author"
// when present) and provenance ("title" -> "PDF metadata" or "largest type on page 1"). It fails
// with a one-line reason for data Poppler cannot open (damaged, truncated, not a PDF), for an
// encrypted document that needs a password, and for a document without a text layer (a scan:
// Lede does no OCR). Nothing is rendered and nothing is fetched.
//
// Decisions:
// - Reading order is Poppler's own text-flow analysis (columns become one flow each); words are
//   grouped into the lines Poppler reports.
// - A running header or footer is a line among the two top or two bottom lines of a page whose
//   text (digits ignored) recurs there on more than half of the pages (at least two). Page numbers
//   ("7", "- 7 -", "Page 7", "7 of 12") in those places are dropped on any page.
// - Paragraphs: a new one starts where the baseline gap is clearly larger than the usual line
//   spacing, where a line is indented past the previous one, after a short line that ends a
//   sentence, and at a change of type size (a heading). A column or page change continues the
//   paragraph unless the previous line ended a sentence.
// - Hyphenation at a line end is undone only for a lower-case word part followed by a lower-case
//   continuation, and not when the document elsewhere writes the hyphenated form but never the
//   joined one: "Hamas-" + "controlled" and "well-" + "known" (when "well-known" occurs) keep
//   their hyphen; "govern-" + "ment" becomes "government". A soft hyphen is always removed.
// - Title: the document's Title entry unless it is empty or a file/tool name ("Microsoft Word -
//   x.docx", "untitled"); else the lines set in the largest type among the first lines of page 1,
//   when that type is clearly larger than the body's. Title lines are removed from the text.
class PdfImporter final
{
public:
    // With `fieldParagraphs`, also gives the document's lines grouped for an export whose lines are
    // fields (a Nexis Uni PDF): each short line is a paragraph of its own, wrapped text lines are
    // joined, only page numbers are dropped (not running lines), and no title is taken out.
    static Result<MarkupImporter::Converted> read(const QByteArray &data,
                                                  QStringList *fieldParagraphs = nullptr);

    // Building blocks, public for tests.
    static bool isPageNumber(QStringView line);
    static bool isUsableMetadataTitle(QStringView title);
};

} // namespace Lede
