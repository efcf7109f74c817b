// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Span.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

namespace Lede {

// Structural parts of an article that live inside the body text. The body is kept exactly as
// imported (line endings normalised to \n); these spans tell the view how to present it.
struct Block
{
    enum class Kind { Byline, Dateline, Credit, Heading };
    Kind kind = Kind::Heading;
    Span span;
    friend bool operator==(const Block &, const Block &) = default;
};

QString blockKindName(Block::Kind kind);
bool blockKindFromName(const QString &name, Block::Kind *kind);

struct Article
{
    qint64 id = 0;
    QString title;
    QString byline; // "Maria Okafor and Tomas Lindqvist" (without "By")
    QString dateline; // the place, "PORTVALE"
    QString source; // the agency or publication, "Reuters"
    QDate published; // invalid when unknown
    QString url;
    QString path; // the file it was imported from, if any
    QString body; // paragraphs separated by "\n" (or "\n\n" when the source used blank lines)
    QList<Block> blocks;
    QString contentHash; // hex SHA-256 of the body, used to recognise re-imports
    // Extra fields the source carries ("section", "subject", "document_id", ...), set by the
    // importers, stored with the article and searchable.
    QMap<QString, QString> metadata;
    // Where the article came from: "format" (articleFormat()), "file" (the file or address it was
    // imported from; for a story of an export without "#N"), "index" (its 1-based place in a
    // multi-article file), "importer_version", "fetched_from" and "fetched_at" for a web address, and
    // where each field came from ("title" -> "JSON-LD headline"). Stored with the article.
    QMap<QString, QString> provenance;
    QDateTime importedAt; // UTC
    int analyzerVersion = 0; // the Analyzer::Version its stored layers come from (read by the store)
};

// The format the importer read the article as: txt, md, html, pdf, docx, odt, rtf, nexis, factiva or
// feed; empty when unknown (an article stored before the library kept it).
QString articleFormat(const Article &article);
// Its 1-based place in a multi-article file (an export or a feed), 0 for an article of its own.
int articleIndex(const Article &article);

// ArticleSummary, a row of the library list, is in ArticleQuery.h.

} // namespace Lede
