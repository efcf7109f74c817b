// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "NexisExport.h"

#include <QStringList>

namespace Lede {

// Splits a Factiva export in "Article Format" (the paragraphs of its RTF or HTML) into its articles.
//
// Each article runs: a headline; an optional "By …" line; a word count ("433 words"); a date
// ("1 December 2023"); an optional time ("10:32 GMT"); the source name; short field lines (the
// source code "PTVCOU", a page "A1", an edition, a time); optional language ("English") and
// copyright lines; the text; and "Document <ID>" as its last line. The field lines are read as
// fields only when a language or copyright line follows within five lines of the source name.
//
// Contract: looksLikeExport() is true when some paragraph is a "Document <ID>" line and some
// paragraph a word count. split() never fails: each stretch ending in a "Document" line whose word
// count is among its first five lines becomes a Story (others are counted in `skipped`); its text
// is the article text only, separated by blank lines. Hints carry title, source, published and
// byline; metadata "document_id", "length", "time", "source_code", "page", "edition", "language",
// "copyright", "export" ("Factiva").
// The stated length is checked as for Nexis (NexisExport::lengthWarning).
//
// The HTML variant of "Article Format" holds the same lines, each in its own block element (a
// headline <div>, "433 words" in a <div>, <p> paragraphs, "Document <ID>" in a <div>), the articles
// separated by <hr> or page-break markup. htmlParagraphs() gives the text of each block element of
// a page (line breaks and <hr> end one too; <head>, scripts and styles are left out), for
// looksLikeExport() and split() to read as they read the RTF's paragraphs.
class FactivaExport final
{
public:
    static bool looksLikeExport(const QStringList &paragraphs);
    static NexisExport::Split split(const QStringList &paragraphs);
    static QStringList htmlParagraphs(const QString &html);
};

} // namespace Lede
