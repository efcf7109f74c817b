// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Span.h"

#include <QList>
#include <QString>
#include <QStringList>

struct GumboInternalNode;

namespace Lede {

// Finds the main text of a parsed web page and writes it out as paragraphs, the way a reader wants
// to see an article: without menus, share bars, related and most-read boxes, newsletter and cookie
// boxes, comments, captions, bylines and footers.
//
// How (a readability-style scorer, written for Lede; measured with bench/web/eval_web):
// 1. Elements that are never text are dropped (script, style, form controls, media, figcaptions,
//    hidden elements); so are page furniture (nav, aside, footer, ARIA navigation/complementary/
//    contentinfo/dialog roles), elements whose class or id names a boilerplate area (menu, sidebar,
//    share, related, newsletter, cookie, comments, overlays, modals, …) unless it also names content
//    (article, body, content, main, …), and boxes (bylines, dates, captions and legends, credits,
//    tags, share bars, related links, …) that are short or mostly links, or that open with a byline
//    of their own (another story set into this one); an inline box inside a paragraph three times
//    its size (a dateline "CITY – " before the first words) stays.
// 2. Every run of inline text of 20 or more non-space characters is a paragraph. It scores
//    1 + its commas + one point per 85 characters (at most 3); the score goes to its container, half
//    to the next ancestor and a sixth, a ninth, … further up (five levels). A container starts with
//    a bonus or malus from its tag and from class/id hints (±25), and its total is scaled by
//    (1 − link density).
// 3. The best container wins; when several strong candidates share an ancestor, or the parent
//    scores higher, the extractor climbs; siblings that score well (or are plain long paragraphs)
//    join it, and so do blocks elsewhere built like it (same tag and class in the same kind of
//    parent and grandparent: an article set in sections). The containers the publisher marked as
//    the article body (itemprop="articleBody", class "article-body", "entry-content", …) are
//    preferred when they hold text, all of them but those under a tenth of the largest.
//    A standfirst (a "lead"/"intro"/"teaser"/"bajada" element, a paragraph of the article's
//    <header>, or the paragraph or subheading right after the headline) that sits before the
//    chosen text, in the same article or up to two wrappers above it, is put in front of it; so is,
//    failing that, a block before the text (after the headline, outside furniture, few links) that
//    says what the page's description says.
// 4. Inside, lists, tables and boxes with a high link density, many images, form fields or a
//    boilerplate class are left out (data tables stay, and so do paragraphs without a link under a
//    boilerplate class; a list is left out when more than 80% of its text is links: related
//    stories, the next articles), and so are short paragraphs that point
//    elsewhere or credit a picture ("Read more: …", "Lesen Sie auch", "Lea también", "Photo:", "©", …),
//    paragraphs that are nothing but a link, a picture with a short line in a box of its own (an
//    unmarked caption), a box of headings over a picture and no paragraph (a teaser: "Keep
//    Reading", a picture, another story's headline), and dates standing alone. Lines that are mostly links
//    (and spell out no address) close the text no more than headings do. A wrapper holding nine tenths or
//    more of the chosen text is the text itself and is looked into, never left out whole. Ruby annotations
//    (<rt>) are never text, and the text is written in Unicode form C.
// 5. When the result is shorter than 500 characters, the extraction is repeated with the class
//    hints, then the class weights and finally everything but hidden elements turned off; the
//    strictest result that has at least a quarter of the longest one is kept. When the pass without
//    class hints is the first to find enough, the blocks that hold its pick lose their boilerplate
//    class hint (a wrapper named for the sidebar beside it) and the strict pass is run once more.
//
// Output: block elements become paragraphs separated by a blank line, <br> a line break, table
// cells are separated by spaces and rows by a line break, whitespace collapses (also no-break
// spaces) except in <pre>. h1–h6 (and blocks with role="heading", at their aria-level, at least 2)
// become heading spans; the first heading whose text is the title
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

    // title: the title already known from the page's metadata, or empty; descriptions: the page's
    // summaries (og:description, …), which find a standfirst the other signals miss.
    static Extracted extract(const GumboInternalNode *document, const QString &title,
                             const QStringList &descriptions = {});
};

} // namespace Lede
