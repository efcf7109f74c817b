// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Span.h"

#include <QString>
#include <QStringList>

namespace Lede {

// What the library's search field asks: free words (full text over titles, bodies, the values of the
// articles' metadata such as a section or subject, and the reader's notes) and filters on the layers,
// written as key:value or key:"two words":
//
//     speaker:"Antony Blinken"   articles quoting that speaker (speaker merges apply)
//     person:Netanyahu           naming that person (the full name, or a name ending with the word)
//     org:Hamas  place:Gaza      naming that organisation / place
//     tag:Claims/Casualties      with a highlight carrying that tag or one below it
//     format:nexis               imported as that format (txt, md, html, pdf, docx, odt, rtf, nexis,
//                                factiva, feed)
//
// Keys are case-insensitive; an unknown key ("http:", "10:30") is kept as a free word. Filters
// combine with AND, as the words do.
struct SearchFilters
{
    QStringList words;
    QStringList speakers;
    QStringList people;
    QStringList organisations;
    QStringList places;
    QStringList tags;
    QStringList formats; // lower case

    bool hasFilters() const
    {
        return !speakers.isEmpty() || !people.isEmpty() || !organisations.isEmpty() || !places.isEmpty()
            || !tags.isEmpty() || !formats.isEmpty();
    }
    bool isEmpty() const { return words.isEmpty() && !hasFilters(); }
    // The free words, space separated (for the full-text index).
    QString text() const { return words.join(u' '); }

    // Where the free words first occur in `text` (an article's body), to open an article found by a
    // search at its hit: the first word that occurs, case-insensitive, preferring an occurrence at
    // the start of a word (the full-text index matches word prefixes), widened to the whole
    // word. Empty when no word occurs (the article matched on its title, a note or a filter).
    Span firstHit(const QString &text) const;

    static SearchFilters parse(const QString &input);
};

} // namespace Lede
