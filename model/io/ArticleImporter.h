// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Article.h"
#include "Result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace Lede {

struct ImportedArticle
{
    Article article;
    QStringList warnings; // e.g. "decoded as Windows-1252 (the file is not valid UTF-8)"
};

// Reads one article file: decodes it (TextDecoder), turns Markdown or HTML into text
// (MarkupImporter) or reads a PDF's text layer (PdfImporter) or a Word/OpenDocument text
// (OfficeImporter) or RTF (RtfReader), splits Nexis Uni and Factiva exports into their stories
// (NexisExport, FactivaExport) and feeds into their items (FeedReader), then recognises wire-copy structure
// (WireCopyParser).
//
// Contract: on success the Article has title, byline, dateline, source, published (if found), body,
// blocks, path and contentHash (hex SHA-256 of the UTF-8 body) set; id and importedAt are left for
// the store. The title is never empty: with nothing better it is the file's base name. On failure
// the message is one line: the path is missing, a directory, a FIFO, a device or a loop of links,
// the file is over MaxFileSize, its text over MaxArticleLength, empty, binary (FormatSniffer::binaryKind
// names the kind), undecodable, a damaged PDF/DOCX/ODT/RTF, a feed or other XML
// (FormatSniffer::markupRefusal), or holds no text. importFile() also refuses a file with too little text to
// be an article (FormatSniffer::tooLittleText); importData() does not, so that short snippets still convert.
// Only regular files are read, never blocking (see FileAccess.h). Nothing is ever fetched from the network.
class ArticleImporter final
{
public:
    static constexpr qint64 MaxFileSize = 50 * 1024 * 1024;
    // The longest text one article may have (UTF-16 code units). A news story is a few thousand characters
    // and the longest features a few hundred thousand; a text of millions is a book or a corpus dump, and
    // the analysis of one article holds all its quotes, entities and figures in memory at once (about
    // 35 MB per million characters of news): it is refused with a message to split it.
    static constexpr qsizetype MaxArticleLength = 2'000'000;
    // Why a text of `length` code units cannot be one article (over MaxArticleLength), or empty when it can.
    // Every way into the library that makes articles asks it.
    static QString lengthRefusal(qsizetype length);
    // Raised when what the importers make of the same file changes (recorded in each article's
    // provenance "importer_version" with the Lede version).
    static constexpr int Version = 1;

    // Article::path is the absolute path of the file. A file holding several articles (an export)
    // is refused here with its count: read it with importFileArticles().
    static Result<ImportedArticle> importFile(const QString &path);
    // Every article of a file: one for an ordinary file; one per story for a Nexis export (DOCX, TXT
    // or RTF) or a Factiva export (RTF), each with Article::path "FILE#N" (N from 1, in the export's
    // order) and provenance format "nexis" or "factiva"; a feed file likewise, one per item (format
    // "feed"). The whole file fails when one story cannot be made into an article.
    // ContentHash::Skip leaves Article::contentHash empty, for a caller that stores nothing (lede analyze:
    // the SHA-256 of the body was ~3% of its time).
    enum class ContentHash { Compute, Skip };
    static Result<QList<ImportedArticle>> importFileArticles(const QString &path,
                                                             ContentHash hash = ContentHash::Compute);
    static Result<QList<ImportedArticle>> importDataArticles(const QByteArray &data, const QString &fileName);
    // Whether the article is one story of an export (its path is "FILE#N").
    static bool isMultiArticle(const Article &article);
    // The format follows the content (a PDF by its header, a DOCX or ODT by its zip entries, RTF by
    // "{\rtf", HTML by "<!DOCTYPE html" or "<html"; a Factiva export in RTF or HTML by its lines), then
    // fileName's suffix: .md/.markdown, .html/.htm/.xhtml, .docx/.odt, everything else plain text.
    // An RSS or Atom feed (by its root element) gives one article per item (FeedReader).
    // Article::provenance["format"] names it (txt, md, html, pdf, docx, odt, rtf, nexis, factiva,
    // feed); provenance also holds "file" (fileName, for a story without "#N"), "index" (a story's
    // place, from 1), "importer_version", "encoding" when text was decoded, and the importers'
    // per-field origins. Article::metadata holds the extra fields of the source (an export's section,
    // length, document id and classification, a page's section, a PDF's page count, ...).
    // Article::path is fileName as given.
    static Result<ImportedArticle> importData(const QByteArray &data, const QString &fileName);
    // {"txt","text","md","markdown","html","htm","xhtml","pdf","docx","odt","rtf","rss","atom"}
    static QStringList supportedSuffixes();

private:
    static Result<ImportedArticle> single(Result<QList<ImportedArticle>> &&articles);
};

} // namespace Lede
