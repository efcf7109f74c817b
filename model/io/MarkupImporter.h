// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"
#include "WireCopyParser.h"

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>

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
// HTML: parsed by Gumbo (an HTML5 parser, so the tree is the one a browser builds), the metadata read
// by PageMetadata (JSON-LD, OpenGraph, <meta>, <time>, canonical link; see there for the order) and
// the article text found by MainTextExtractor (a readability-style scorer; see there). The title is
// the metadata's headline, else the first <h1>, else <title>, without a trailing " | Site name";
// byline, source (the publisher) and published come from the metadata (else the byline from a
// "By …" byline box); `url` is the canonical URL, `metadata` holds "section",
// "authors" (when more than one, "; "-separated) and "published_as_written"; `provenance` maps each
// field set ("title", "byline", "source", "published", "url", "section", "encoding", and "body" when
// the text came from JSON-LD articleBody because the page builds it with scripts) to where it
// came from ("JSON-LD headline", "og:site_name", "meta author", "time datetime", "h1", ...).
// fromHtmlData() also picks the charset (HtmlCharset: BOM, HTTP header, <meta>); it fails when the
// bytes cannot be decoded and when the page nests elements more than 10,000 deep (an attack on the
// parser's time, not a page; fromHtml() returns no text for it).
class MarkupImporter final
{
public:
    struct Converted
    {
        QString text;
        WireCopyParser::Hints hints;
        // HTML only.
        QString url;
        QMap<QString, QString> metadata;
        QMap<QString, QString> provenance;
        QString encoding; // fromHtmlData: the encoding used
        QStringList warnings; // fromHtmlData: e.g. invalid bytes replaced
    };

    static Converted fromMarkdown(const QString &markdown);
    static Converted fromHtml(const QString &html);
    // httpContentType: the Content-Type header of a fetched page ("text/html; charset=…"), if any.
    static Result<Converted> fromHtmlData(const QByteArray &data, const QString &httpContentType = {});

    // Decodes named (&rdquo;), decimal (&#8220;) and hex (&#x1F600;) character references; numeric
    // references in 128-159 mean Windows-1252, as in browsers. Unknown references stay as written.
    static QString decodeEntities(QStringView text);
};

} // namespace Lede
