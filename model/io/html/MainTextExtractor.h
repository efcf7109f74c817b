// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Span.h"

#include <QList>
#include <QString>

struct GumboInternalNode;

namespace Lede {

// Finds the main text of a parsed web page and writes it out as paragraphs, the way a reader wants
// to see an article: without menus, share bars, related and most-read boxes, newsletter and cookie
// boxes, comments, captions, bylines and footers.
//
// How (a readability-style scorer, written for Lede):
// 1. Elements that are never text are dropped (script, style, forms' controls, media, hidden
//    elements), and so, in the first pass, are page furniture: nav, aside, footer, figcaption,
//    ARIA navigation/complementary/contentinfo roles, and elements whose class or id names a
//    boilerplate box (share, related, newsletter, comments, cookie, byline, …) unless they also
//    name content (article, body, content, main, …).
// 2. Every run of inline text of 25 characters or more is a paragraph. It scores 1 + its commas +
//    one point per 100 characters (at most 3); the score goes to its container, half to the next
//    ancestor and a third, a sixth, … further up. A container starts with a bonus or malus from its
//    tag and from class/id hints, and its total is scaled by (1 − link density).
// 3. The best container wins; when several strong candidates share an ancestor, or the parent
//    scores higher, the extractor climbs; siblings that score well (or are plain long paragraphs)
//    join it. Well-known article-body markers (itemprop="articleBody", <article>, …) get a bonus.
// 4. Inside the winner, lists, tables and boxes with a high link density, many images, form
//    fields or a boilerplate class are left out; headings that carry a boilerplate class go too.
// 5. When the result is shorter than 500 characters, the extraction is repeated with the class
//    hints, then the conditional cleaning, turned off, and the longest result is kept.
//
// Output: block elements become paragraphs separated by a blank line, <br> a line break, table
// cells are separated by spaces and rows by a line break, whitespace collapses (also no-break
// spaces) except in <pre>. h1–h6 become heading spans; the first heading whose text is the title
// (or, with no title known, the first <h1>) leaves the body. Never fails; the text may be empty.
class MainTextExtractor final
{
public:
    struct Extracted
    {
        QString text;
        QList<Span> headings; // into text
        QString h1; // the first <h1> of the page, simplified; a title fallback
        QString byline; // names from a byline box ("By A and B"), a byline fallback
    };

    // title: the title already known from the page's metadata, or empty.
    static Extracted extract(const GumboInternalNode *document, const QString &title);
};

} // namespace Lede
