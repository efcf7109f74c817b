// SPDX-License-Identifier: GPL-3.0-or-later
#include "ArticleImporter.h"

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
    auto tr = [](const char *text) { return QCoreApplication::translate("Lede::ArticleImporter", text); };
    const QFileInfo info(path);
    if (!info.exists())
        return R::failure(tr("no such file"));
    if (info.isDir())
        return R::failure(tr("is a directory, not an article file"));
    if (info.size() > MaxFileSize) {
        return R::failure(tr("the file is too large (%1 MiB; the limit is %2 MiB)")
                              .arg(QString::number(double(info.size()) / (1024 * 1024), 'f', 1),
                                   QString::number(MaxFileSize / (1024 * 1024))));
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return R::failure(tr("cannot read the file (%1)").arg(file.errorString()));
    // Read one byte past the limit so that a file that grew since stat() is still refused.
    const QByteArray data = file.read(MaxFileSize + 1);
    if (data.size() > MaxFileSize)
        return R::failure(tr("the file is too large (the limit is %1 MiB)").arg(QString::number(MaxFileSize / (1024 * 1024))));
    auto result = importData(data, path);
    if (!result)
        return result;
    result.value().article.path = info.absoluteFilePath();
    return result;
}

Result<ImportedArticle> ArticleImporter::importData(const QByteArray &data, const QString &fileName)
{
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

    ImportedArticle imported;
    imported.warnings = decoded->warnings;
    imported.article = WireCopyParser::parse(body, hints);
    Article &a = imported.article;
    if (a.title.isEmpty())
        a.title = QFileInfo(fileName).completeBaseName();
    a.path = fileName;
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

} // namespace Lede
