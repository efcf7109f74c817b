// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QString>
#include <QStringList>

struct GumboInternalNode;

namespace Lede {

// What a web page says about itself, each field with where it came from.
//
// Contract: read() never fails and fetches nothing; a field the page does not carry stays empty
// (its `from` too). Sources, in order of trust, first non-empty wins per field:
// - title: JSON-LD headline (unless it shares no word of three letters or more with og:title,
//   twitter:title or <title>: a placeholder), og:title, twitter:title (the <h1> and <title> are the
//   extractor's fallbacks, see MainTextExtractor);
// - authors: JSON-LD author (a name, a Person/Organization, an array of them, @id references into
//   @graph; a "name" that is a byline, "By A And B For X", gives A and B), <meta name="author">,
//   article:author (when it is a name, not a profile URL); a byline that is the publisher or the
//   site ("BBC News") or a placeholder ("No Author") is none, and the next source is asked;
// - publisher: JSON-LD publisher.name (unless it is a company, "… GmbH", "… Ltd", and the page
//   has an og:site_name), og:site_name, <meta name="application-name">;
// - published: JSON-LD datePublished, article:published_time, <meta itemprop|name="datePublished"
//   | "date" | "pubdate" | "dc.date">, the first <time datetime> (one marked pubdate or
//   itemprop="datePublished" first); a value that cannot be read as a date (ISO 8601, RFC 2822,
//   Java's "Tue Jan 28 15:28:56 CET 2020", the forms WireCopyParser reads) gives way to the next;
// - section: JSON-LD articleSection (the first when it is an array), article:section;
// - url: <link rel="canonical">, og:url, JSON-LD url / mainEntityOfPage.
// JSON-LD objects count when their @type is, or ends with, "Article" (NewsArticle, ReportageNewsArticle,
// BlogPosting, …); they may sit in an array or in @graph. JSON that is not quite valid (raw line
// breaks inside strings) is repaired once before it is given up.
struct PageMetadata
{
    struct Field
    {
        QString value;
        QString from; // "JSON-LD headline", "og:title", "meta author", "time datetime", ...
        bool isEmpty() const { return value.isEmpty(); }
    };

    Field title;
    Field byline; // authors joined: "A", "A and B", "A, B and C"
    QStringList authors;
    Field publisher;
    Field published; // as written in the page
    QDate publishedDate; // parsed from published; invalid when it could not be read
    Field section;
    Field url;
    QString documentTitle; // <title>, for the fallback
    QString siteName; // og:site_name, also when the publisher came from JSON-LD
    QString articleBody; // JSON-LD articleBody as written (plain text or HTML), for pages built by scripts
    // The page's summaries (og:description, description, twitter:description, JSON-LD description),
    // each once: the extractor finds the standfirst by them.
    QStringList descriptions;

    static PageMetadata read(const GumboInternalNode *document);
    // "A", "A and B", "A, B and C".
    static QString joinNames(const QStringList &names);
    // An ISO 8601 date or date-time (the date as written, no time zone shift), or a date as
    // WireCopyParser reads it; invalid otherwise.
    static QDate parseDate(const QString &value);
};

} // namespace Lede
