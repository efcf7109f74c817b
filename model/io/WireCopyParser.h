// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Article.h"

#include <QDate>
#include <QList>
#include <QString>

namespace Lede {

// Recognises the parts of news-agency copy in a plain-text body: title line, byline, published
// date, dateline, credit line and all-capitals crossheads.
//
// Contract: parse() takes text already normalised by TextDecoder (LF line endings, no leading blank
// lines, no trailing whitespace) and returns an Article with title, byline, dateline, source,
// published, body and blocks set (all other fields untouched). It never fails; what it does not
// recognise stays plain body text. Blocks are sorted by start and index into the returned body.
//
// Decisions:
// - Title line: a first line of at most 200 characters, not ending in . ! ? ” or ", that is not
//   itself a byline, date or dateline, followed by a blank line or by a byline, date or dateline
//   line. It and the blank lines after it are removed from the body. Otherwise the title is derived
//   from the first sentence of the first body paragraph after the dateline (a final "." dropped,
//   cut at a word boundary with "…" past 120 characters) and nothing is removed.
// - Byline ("By A", "By A and B", "By A, B and C"): stays in the body, Block::Byline over the line.
// - Published date: a line among the first lines that is only a date ("November 3, 2023",
//   "3 Nov 2023", "2023-11-03", optionally "Published:"/"Updated:", a weekday and a time). It sets
//   Article::published and stays in the body as an ordinary paragraph (Block has no Date kind).
// - Dateline at the start of the first body paragraph: "CITY (Agency) –", "CITY, Country (Agency) —",
//   "CITY, Nov 3 (Reuters) -", or an all-capitals "CITY —". Article::dateline is the place as
//   printed without a date ("TEL AVIV", "GENEVA, Switzerland"), Article::source the agency. Stays
//   in the body; Block::Dateline runs from the place through the dash.
// - Credit: a last paragraph "(Reporting by …; Editing by …)" (parentheses optional).
//   Block::Credit. When there is no byline, the names after "Reporting by" (not "Additional
//   reporting", "Writing" or "Editing") become the byline, without " in PLACE" suffixes.
// - Crosshead: a short line with letters all in capitals and no final period: Block::Heading.
class WireCopyParser final
{
public:
    // What a markup importer already knows; plain text passes nothing.
    struct Hints
    {
        QString title;         // non-empty: use it and never look for a title line
        QList<Span> headings;  // spans in the text that are headings (become Block::Heading)
        QString byline;        // used when the text itself has none
        QString source;        // used when there is no dateline agency
        QDate published;       // used when the text has no date line
    };

    static Article parse(const QString &text, const Hints &hints = {});

    // Building blocks, public for tests and for other importers.
    static QString parseByline(QStringView line);   // names part, or empty when not a byline
    static QDate parseDateLine(QStringView line);   // invalid when the line is not a date
    static bool isCrosshead(QStringView line);
    static bool isCreditLine(QStringView paragraph);
    static QString bylineFromCredit(QStringView credit);
    static QString firstSentence(QStringView paragraph);
    static QString titleFromSentence(const QString &sentence, qsizetype maxLength = 120);

    struct Dateline
    {
        QString place;
        QString source;
        qsizetype length = 0; // UTF-16 length from the paragraph start through the dash; 0 = none
    };
    static Dateline parseDateline(QStringView paragraph);
};

} // namespace Lede
