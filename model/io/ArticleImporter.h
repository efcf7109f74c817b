// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Article.h"
#include "Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Lede {

struct ImportedArticle
{
    Article article;
    QStringList warnings; // e.g. "decoded as Windows-1252 (the file is not valid UTF-8)"
};

// Reads one article file: decodes it (TextDecoder), turns Markdown or HTML into text
// (MarkupImporter) or reads a PDF's text layer (PdfImporter), then recognises wire-copy structure
// (WireCopyParser).
//
// Contract: on success the Article has title, byline, dateline, source, published (if found), body,
// blocks, path and contentHash (hex SHA-256 of the UTF-8 body) set; id and importedAt are left for
// the store. The title is never empty: with nothing better it is the file's base name. On failure
// the message is one line: the path is missing, a directory, a FIFO, a device or a loop of links,
// the file is over MaxFileSize, empty, binary (FormatSniffer::binaryKind names the kind),
// undecodable, RTF, a feed or other XML (FormatSniffer::markupRefusal), or holds no text. importFile()
// also refuses a file with too little text to be an article (FormatSniffer::tooLittleText);
// importData() does not, so that short snippets still convert. Only regular files are read, never
// blocking (see FileAccess.h). Nothing is ever fetched from the network.
class ArticleImporter final
{
public:
    static constexpr qint64 MaxFileSize = 50 * 1024 * 1024;

    // Article::path is the absolute path of the file.
    static Result<ImportedArticle> importFile(const QString &path);
    // The format follows the content (a PDF by its header), then fileName's suffix: .md/.markdown,
    // .html/.htm/.xhtml, everything else plain text. Article::provenance["format"] names it
    // (txt, md, html, pdf).
    // Article::path is fileName as given.
    static Result<ImportedArticle> importData(const QByteArray &data, const QString &fileName);
    static QStringList supportedSuffixes(); // {"txt","text","md","markdown","html","htm","xhtml","pdf"}
};

} // namespace Lede
