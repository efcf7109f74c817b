// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "NexisExport.h"
#include "Result.h"

#include <QByteArray>
#include <QString>

namespace Lede {

// Reads an RSS 2.0, RSS 1.0 (RDF) or Atom feed file into one story per item, with
// QXmlStreamReader (no DTD is loaded and no entity is expanded beyond XML's own).
//
// Contract: read() returns a Split whose stories carry the item's text (content:encoded or
// atom:content, else the description/summary, turned from HTML into text by MarkupImporter), its
// title, link (Converted::url), author and date as hints, and metadata "feed" (the channel's
// title) and "guid". Nothing is fetched: an item that has only a summary is still imported, with a
// warning that the full article is at its link; an item with no text at all is counted in
// `skipped`. It fails with a one-line reason when the XML is not well-formed, when the feed holds
// more than MaxItems items (refused as a whole, before any is converted), or when no item has text.
// feedKind() says whether the data's root element is a feed ("RSS" or "Atom"), else empty.
class FeedReader final
{
public:
    static constexpr int MaxItems = 5000;

    static QString feedKind(const QByteArray &data);
    static Result<NexisExport::Split> read(const QByteArray &data);
    // The warning of an item with only a summary and a link (FeedFullText removes it when it fetches
    // the link).
    static QString summaryWarning(const QString &link);
};

} // namespace Lede
