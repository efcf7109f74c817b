// SPDX-License-Identifier: GPL-3.0-or-later
#include "ArticleImporter.h"

#include "FileAccess.h"
#include "FormatSniffer.h"
#include "Logging.h"
#include "MarkupImporter.h"
#include "PdfImporter.h"
#include "TextDecoder.h"
#include "WireCopyParser.h"

#include <QCryptographicHash>
#include <QFile>
#include <QCoreApplication>
#include <QFileInfo>

#include <optional>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

enum class Format { PlainText, Markdown, Html, Pdf };

QString formatName(Format format)
{
    switch (format) {
    case Format::PlainText:
        return u"txt"_s;
    case Format::Markdown:
        return u"md"_s;
    case Format::Html:
        return u"html"_s;
    case Format::Pdf:
        return u"pdf"_s;
    }
    return {};
}

// The content decides first (a PDF named .txt is still a PDF), then the suffix.
Format formatOf(const QByteArray &data, const QString &fileName)
{
    // A PDF header may follow up to 1 KiB of junk (PDF 1.7, annex H).
    if (data.left(1024).contains("%PDF-"))
        return Format::Pdf;
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    if (suffix == u"md"_s || suffix == u"markdown"_s)
        return Format::Markdown;
    if (suffix == u"html"_s || suffix == u"htm"_s || suffix == u"xhtml"_s)
        return Format::Html;
    return Format::PlainText;
}

Result<ImportedArticle> convert(const QByteArray &data, const QString &fileName, bool requireWords);

} // namespace

QStringList ArticleImporter::supportedSuffixes()
{
    return { u"txt"_s, u"text"_s, u"md"_s, u"markdown"_s, u"html"_s, u"htm"_s, u"xhtml"_s, u"pdf"_s };
}

Result<ImportedArticle> ArticleImporter::importFile(const QString &path)
{
    // Messages name no path: the caller says which file it was (the command line and the window
    // each put it in front).
    using R = Result<ImportedArticle>;
    const auto data = readRegularFile(path, MaxFileSize);
    if (!data)
        return R::failure(data.errorString());
    // A file is an article only with some words in it (importData() converts snippets too).
    auto result = convert(*data, path, /*requireWords=*/true);
    if (!result)
        return result;
    // Stored and shown with any non-UTF-8 bytes of the name written as \xNN.
    result.value().article.path = displayFileName(QFileInfo(path).absoluteFilePath());
    return result;
}

Result<ImportedArticle> ArticleImporter::importData(const QByteArray &data, const QString &fileName)
{
    return convert(data, fileName, /*requireWords=*/false);
}

namespace {

Result<ImportedArticle> convert(const QByteArray &data, const QString &fileName, bool requireWords)
{
    constexpr qint64 MaxFileSize = ArticleImporter::MaxFileSize;
    if (data.size() > MaxFileSize)
        return Result<ImportedArticle>::failure(
            u"the data is too large (the limit is %1 MiB)"_s.arg(MaxFileSize / (1024 * 1024)));
    const Format format = formatOf(data, fileName);
    // A web page picks its own charset (BOM, <meta>), so it is decoded by the HTML importer; a
    // document format (PDF) is read by its own importer. Both give text and hints.
    std::optional<MarkupImporter::Converted> page;
    if (format == Format::Html || format == Format::Pdf) {
        auto converted = format == Format::Html ? MarkupImporter::fromHtmlData(data) : PdfImporter::read(data);
        if (!converted)
            return Result<ImportedArticle>::failure(converted.errorString());
        page = std::move(converted.value());
    }
    auto decoded = page
        ? Result<TextDecoder::Decoded>(TextDecoder::Decoded { {}, page->encoding, page->warnings })
        : TextDecoder::decode(data);
    if (!decoded)
        return Result<ImportedArticle>::failure(decoded.errorString());
    // A feed or another XML document named .html is still refused for what it is.
    if (const QString why = format == Format::Pdf
            ? QString()
            : FormatSniffer::markupRefusal(page ? QString::fromUtf8(data.left(64 * 1024)) : decoded->text);
        !why.isEmpty())
        return Result<ImportedArticle>::failure(why);

    const QString text = TextDecoder::normalizeLineEndings(decoded->text);
    WireCopyParser::Hints hints;
    QString body;
    switch (format) {
    case Format::PlainText:
        body = text;
        TextDecoder::trim(&body);
        break;
    case Format::Markdown: {
        const MarkupImporter::Converted md = MarkupImporter::fromMarkdown(text);
        body = md.text;
        hints = md.hints;
        break;
    }
    case Format::Html:
    case Format::Pdf:
        body = page->text;
        hints = page->hints;
        break;
    }
    if (body.isEmpty())
        return Result<ImportedArticle>::failure(u"the file holds no article text"_s);
    // Counted before the title is taken from the text: every word of the file once.
    if (requireWords) {
        if (const QString why = FormatSniffer::tooLittleText(QString(hints.title + u'\n' + body)); !why.isEmpty())
            return Result<ImportedArticle>::failure(why);
    }

    ImportedArticle imported;
    imported.warnings = decoded->warnings;
    imported.article = WireCopyParser::parse(body, hints);
    Article &a = imported.article;
    if (a.title.isEmpty())
        a.title = displayFileName(QFileInfo(fileName).completeBaseName());
    a.path = displayFileName(fileName);
    if (page) {
        a.url = page->url;
        a.metadata = page->metadata;
        a.provenance = page->provenance;
    }
    a.provenance.insert(u"format"_s, formatName(format));
    a.contentHash
        = QString::fromLatin1(QCryptographicHash::hash(a.body.toUtf8(), QCryptographicHash::Sha256).toHex());
    qCDebug(lcImport) << "imported" << fileName << "as" << decoded->encoding << "title" << a.title << "blocks"
                      << a.blocks.size();
    return imported;
}

} // namespace

} // namespace Lede
