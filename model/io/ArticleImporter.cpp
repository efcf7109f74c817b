// SPDX-License-Identifier: GPL-3.0-or-later
#include "ArticleImporter.h"

#include "Logging.h"
#include "MarkupImporter.h"
#include "TextDecoder.h"
#include "WireCopyParser.h"

#include <QCryptographicHash>
#include <QFile>
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

} // namespace

QStringList ArticleImporter::supportedSuffixes()
{
    return {u"txt"_s, u"text"_s, u"md"_s, u"markdown"_s, u"html"_s, u"htm"_s};
}

Result<ImportedArticle> ArticleImporter::importFile(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return Result<ImportedArticle>::failure(u"%1: no such file"_s.arg(path));
    if (info.isDir())
        return Result<ImportedArticle>::failure(u"%1: is a directory, not an article file"_s.arg(path));
    if (info.size() > MaxFileSize) {
        return Result<ImportedArticle>::failure(u"%1: the file is too large (%2 MiB; the limit is %3 MiB)"_s.arg(
            path, QString::number(double(info.size()) / (1024 * 1024), 'f', 1),
            QString::number(MaxFileSize / (1024 * 1024))));
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Result<ImportedArticle>::failure(u"%1: cannot read the file (%2)"_s.arg(path, file.errorString()));
    // Read one byte past the limit so that a file that grew since stat() is still refused.
    const QByteArray data = file.read(MaxFileSize + 1);
    if (data.size() > MaxFileSize)
        return Result<ImportedArticle>::failure(u"%1: the file is too large (the limit is %2 MiB)"_s.arg(
            path, QString::number(MaxFileSize / (1024 * 1024))));
    auto result = importData(data, path);
    if (!result)
        return Result<ImportedArticle>::failure(u"%1: %2"_s.arg(path, result.errorString()));
    result.value().article.path = info.absoluteFilePath();
    return result;
}

Result<ImportedArticle> ArticleImporter::importData(const QByteArray &data, const QString &fileName)
{
    if (data.size() > MaxFileSize)
        return Result<ImportedArticle>::failure(
            u"the data is too large (the limit is %1 MiB)"_s.arg(MaxFileSize / (1024 * 1024)));
    auto decoded = TextDecoder::decode(data);
    if (!decoded)
        return Result<ImportedArticle>::failure(decoded.errorString());

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
        const MarkupImporter::Converted html = MarkupImporter::fromHtml(text);
        body = html.text;
        hints = html.hints;
        break;
    }
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
    a.contentHash = QString::fromLatin1(
        QCryptographicHash::hash(a.body.toUtf8(), QCryptographicHash::Sha256).toHex());
    qCDebug(lcImport) << "imported" << fileName << "as" << decoded->encoding << "title" << a.title
                      << "blocks" << a.blocks.size();
    return imported;
}

} // namespace Lede
