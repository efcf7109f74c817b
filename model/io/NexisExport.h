// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "MarkupImporter.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace Lede {

// Splits a Nexis Uni export (the text of its DOCX, one paragraph per entry) into its articles.
//
// Each article of an export runs: headline; publication; a date line ("December 1, 2023 Friday");
// field lines (Copyright …, Section:, Length: N words, Byline:, Dateline:, Highlight: …); a line
// "Body"; the text; an optional "Classification" block (Language:, Publication-Type:, Subject:,
// Geographic: …); "Load-Date: …"; and a line "End of Document". The cover page in front of the
// first article (user name, job number, the list of documents) is not an article.
//
// Contract: looksLikeExport() is true when the paragraphs hold at least one "End of Document" line
// and one "Body" line. split() never fails: each stretch ending in "End of Document" that has a
// "Body" line becomes a Story (stretches without one are counted in `skipped`). A story's text is
// the body paragraphs only, separated by blank lines; none of the header, field or classification
// lines stay in it. Its hints carry title, source, published and byline (without "By"); its
// metadata the other fields under lower-case keys with '_' for '-' ("section", "length",
// "dateline", "highlight", "copyright", "language", "publication_type", "subject", "geographic",
// "load_date", ...). A warning is added when the stated length is far (over a fifth and over 20
// words) from the words of the text.
class NexisExport final
{
public:
    struct Story
    {
        MarkupImporter::Converted converted;
        QStringList warnings;
    };
    struct Split
    {
        QList<Story> stories;
        int skipped = 0;
    };

    static bool looksLikeExport(const QStringList &paragraphs);
    static Split split(const QStringList &paragraphs);

    // The older plain-text export: each article starts with a line "N of M DOCUMENTS", then the
    // publication, the date line, the headline, upper-case fields ("BYLINE:", "SECTION:",
    // "LENGTH:", "DATELINE:"), the text, and trailing fields ("LOAD-DATE:", "LANGUAGE:",
    // "PUBLICATION-TYPE:", ...) and a copyright line. Paragraphs are separated by blank lines;
    // `text` has LF line endings. looksLikeTxtExport() wants at least one "N of M DOCUMENTS" line.
    static bool looksLikeTxtExport(const QString &text);
    static Split splitTxt(const QString &text);

    // "December 1, 2023 Friday", "1 December 2023", "Dec. 1, 2023 10:00 AM EST"; invalid otherwise.
    static QDate parseDate(QStringView line);
    // The warning for a stated length ("433 words") far from the words of `text`, or empty.
    static QString lengthWarning(const QString &statedLength, const QString &text);
};

} // namespace Lede
