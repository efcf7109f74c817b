// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "WireCopyParser.h"

#include <QString>

namespace Lede {

// Turns Markdown or HTML into the plain body text the rest of Lede works on, plus what the markup
// says about the article (title, heading spans, and for HTML the <meta> author, site and date).
//
// Contract: the input is already decoded with LF line endings; the returned text is trimmed like
// TextDecoder::trim() and the heading spans index into it. Neither function fails: markup it does
// not understand is kept as text. Nothing is loaded: no images, styles or links are ever fetched.
//
// Markdown: the first "# Heading" (or "===" setext heading) becomes the title and leaves the body;
// other headings lose their "#" markers and become heading spans; emphasis markers, links
// ([text](url) -> text), images, inline-code backticks, blockquote ">" and backslash escapes are
// removed; a YAML front matter block (title, author, date, source) is read and removed. Everything
// else, including list markers, is kept as written.
//
// HTML: a small tag scanner, not a browser. The title is the first <h1> (it leaves the body),
// else og:title, else <title>: <title> often carries a " - Site name" suffix that <h1> does not.
// When the page has an <article> element only its content is used. script, style, noscript,
// template, head, nav, aside, form, button, select, svg and iframe contents are dropped. Block
// elements (p, div, li, h1-h6, blockquote, ...) become paragraphs separated by a blank line, <br>
// a line break; other whitespace collapses as a browser would (except in <pre>); h2-h6 and later
// h1s become heading spans; character references are decoded.
class MarkupImporter final
{
public:
    struct Converted
    {
        QString text;
        WireCopyParser::Hints hints;
    };

    static Converted fromMarkdown(const QString &markdown);
    static Converted fromHtml(const QString &html);

    // Decodes named (&rdquo;), decimal (&#8220;) and hex (&#x1F600;) character references; numeric
    // references in 128-159 mean Windows-1252, as in browsers. Unknown references stay as written.
    static QString decodeEntities(QStringView text);
};

} // namespace Lede
