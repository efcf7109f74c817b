// SPDX-License-Identifier: GPL-3.0-or-later
#include "ArticleImporter.h"

#include "FileAccess.h"
#include "FormatSniffer.h"
#include "Logging.h"
#include "MarkupImporter.h"
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

enum class Format { PlainText, Markdown, Html };

Format formatOf(const QString &fileName)
{
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
    return { u"txt"_s, u"text"_s, u"md"_s, u"markdown"_s, u"html"_s, u"htm"_s, u"xhtml"_s };
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
    const Format format = formatOf(fileName);
    // A web page picks its own charset (BOM, <meta>), so it is decoded by the HTML importer.
    std::optional<MarkupImporter::Converted> page;
    if (format == Format::Html) {
        auto converted = MarkupImporter::fromHtmlData(data);
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
    if (const QString why = FormatSniffer::markupRefusal(page ? QString::fromUtf8(data.left(64 * 1024)) : decoded->text);
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
    a.contentHash
        = QString::fromLatin1(QCryptographicHash::hash(a.body.toUtf8(), QCryptographicHash::Sha256).toHex());
    qCDebug(lcImport) << "imported" << fileName << "as" << decoded->encoding << "title" << a.title << "blocks"
                      << a.blocks.size();
    return imported;
}

} // namespace

} // namespace Lede
