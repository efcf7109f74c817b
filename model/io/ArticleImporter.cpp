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

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

enum class Format { PlainText, Markdown, Html };

Format formatOf(const QString &fileName)
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    if (suffix == u"md"_s || suffix == u"markdown"_s)
        return Format::Markdown;
    if (suffix == u"html"_s || suffix == u"htm"_s)
        return Format::Html;
    return Format::PlainText;
}

// A DOCTYPE with an internal subset (<!DOCTYPE x [ <!ENTITY ...> ]>) ends at "]>", not at the first
// ">"; a tag scanner would otherwise show the rest of the subset as text (the title "]>" of an
// entity bomb). The subset is dropped whole; its entities are never expanded.
QString withoutDoctypeSubset(const QString &html)
{
    const qsizetype doctype = html.indexOf(u"<!DOCTYPE"_s, 0, Qt::CaseInsensitive);
    if (doctype < 0)
        return html;
    const qsizetype close = html.indexOf(u'>', doctype);
    const qsizetype bracket = html.indexOf(u'[', doctype);
    if (bracket < 0 || (close >= 0 && close < bracket))
        return html;
    const qsizetype end = html.indexOf(u"]>"_s, bracket);
    QString out = html;
    out.remove(doctype, end < 0 ? html.size() - doctype : end + 2 - doctype);
    return out;
}

Result<ImportedArticle> convert(const QByteArray &data, const QString &fileName, bool requireWords);

} // namespace

QStringList ArticleImporter::supportedSuffixes()
{
    return { u"txt"_s, u"text"_s, u"md"_s, u"markdown"_s, u"html"_s, u"htm"_s };
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
    auto decoded = TextDecoder::decode(data);
    if (!decoded)
        return Result<ImportedArticle>::failure(decoded.errorString());
    if (const QString why = FormatSniffer::markupRefusal(decoded->text); !why.isEmpty())
        return Result<ImportedArticle>::failure(why);

    const QString text = TextDecoder::normalizeLineEndings(decoded->text);
    WireCopyParser::Hints hints;
    QString body;
    switch (formatOf(fileName)) {
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
    case Format::Html: {
        const MarkupImporter::Converted html = MarkupImporter::fromHtml(withoutDoctypeSubset(text));
        body = html.text;
        hints = html.hints;
        break;
    }
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
    a.contentHash
        = QString::fromLatin1(QCryptographicHash::hash(a.body.toUtf8(), QCryptographicHash::Sha256).toHex());
    qCDebug(lcImport) << "imported" << fileName << "as" << decoded->encoding << "title" << a.title << "blocks"
                      << a.blocks.size();
    return imported;
}

} // namespace

} // namespace Lede
