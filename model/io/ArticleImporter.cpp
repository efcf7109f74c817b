// SPDX-License-Identifier: GPL-3.0-or-later
#include "ArticleImporter.h"

#include "FactivaExport.h"
#include "FeedReader.h"
#include "FileAccess.h"
#include "FormatSniffer.h"
#include "Logging.h"
#include "MarkupImporter.h"
#include "NexisExport.h"
#include "OfficeImporter.h"
#include "PdfImporter.h"
#include "RtfReader.h"
#include "TextDecoder.h"
#include "WireCopyParser.h"
#include "html/HtmlCharset.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <cctype>
#include <cmath>
#include <optional>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Lede::ArticleImporter", text);
}

enum class Format { PlainText, Markdown, Html, Pdf, Docx, Odt, Rtf, Feed };

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
    case Format::Docx:
        return u"docx"_s;
    case Format::Odt:
        return u"odt"_s;
    case Format::Rtf:
        return u"rtf"_s;
    case Format::Feed:
        return u"feed"_s;
    }
    return {};
}

// The content decides first (a PDF named .txt is still a PDF, a page starting "<!DOCTYPE html" or
// "<html" is HTML), then the suffix.
Format formatOf(const QByteArray &data, const QString &fileName)
{
    // A PDF header may follow up to 1 KiB of junk (PDF 1.7, annex H).
    if (data.left(1024).contains("%PDF-"))
        return Format::Pdf;
    // A zip archive holding a Word or OpenDocument text; any other zip is refused as binary later.
    if (data.startsWith("PK\x03\x04")) {
        if (const auto kind = OfficeImporter::kindOf(data))
            return *kind == OfficeImporter::Kind::Docx ? Format::Docx : Format::Odt;
    }
    // RTF is 7-bit text that starts with "{\rtf" (a UTF-8 BOM or blank lines in front are tolerated).
    {
        qsizetype i = data.startsWith("\xEF\xBB\xBF") ? 3 : 0;
        while (i < data.size() && i < 4096 && std::isspace(static_cast<unsigned char>(data[i])))
            ++i;
        if (data.sliced(i).startsWith("{\\rtf"))
            return Format::Rtf;
        // An RSS or Atom feed, whatever its name.
        if (i < data.size() && data[i] == '<' && !FeedReader::feedKind(data).isEmpty())
            return Format::Feed;
        // A web page (or a Factiva export saved as one) named .txt or without a suffix.
        const QByteArray start = data.sliced(i, std::min<qsizetype>(16, data.size() - i)).toLower();
        if (start.startsWith("<!doctype html") || start.startsWith("<html"))
            return Format::Html;
    }
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    if (suffix == u"md"_s || suffix == u"markdown"_s)
        return Format::Markdown;
    if (suffix == u"html"_s || suffix == u"htm"_s || suffix == u"xhtml"_s)
        return Format::Html;
    if (suffix == u"docx"_s || suffix == u"odt"_s) {
        // Named like an office document but not one: say so, rather than "a ZIP archive" or "binary".
        return suffix == u"docx"_s ? Format::Docx : Format::Odt;
    }
    return Format::PlainText;
}

// What an importer made of the file before wire-copy parsing.
struct Extracted
{
    QString body;
    WireCopyParser::Hints hints;
    QString url;
    QMap<QString, QString> metadata;
    QMap<QString, QString> provenance;
    QStringList warnings;
    QString encoding;
};

Extracted fromConverted(MarkupImporter::Converted &&c)
{
    return { std::move(c.text),       std::move(c.hints),    std::move(c.url),     std::move(c.metadata),
             std::move(c.provenance), std::move(c.warnings), std::move(c.encoding) };
}

Result<ImportedArticle> makeArticle(Extracted &&e, Format format, const QString &formatLabel,
                                    const QString &fileName, bool requireWords)
{
    using R = Result<ImportedArticle>;
    if (e.body.isEmpty())
        return R::failure(tr("the file holds no article text"));
    if (const QString why = ArticleImporter::lengthRefusal(e.body.size()); !why.isEmpty())
        return R::failure(why);
    // Counted before the title is taken from the text: every word of the file once.
    if (requireWords) {
        if (const QString why = FormatSniffer::tooLittleText(QString(e.hints.title + u'\n' + e.body));
            !why.isEmpty())
            return R::failure(why);
    }
    ImportedArticle imported;
    imported.warnings = e.warnings;
    imported.article = WireCopyParser::parse(e.body, e.hints);
    Article &a = imported.article;
    if (a.title.isEmpty())
        a.title = displayFileName(QFileInfo(fileName).completeBaseName());
    a.path = displayFileName(fileName);
    a.url = e.url;
    a.metadata = e.metadata;
    a.provenance = e.provenance;
    a.provenance.insert(u"format"_s, formatLabel.isEmpty() ? formatName(format) : formatLabel);
    a.provenance.insert(u"file"_s, a.path);
    a.provenance.insert(
        u"importer_version"_s,
        u"Lede %1, importer %2"_s.arg(QStringLiteral(LEDE_VERSION)).arg(ArticleImporter::Version));
    // The character encoding of text that was decoded, with what declared it when known
    // ("windows-1252 (meta charset)").
    if (!e.encoding.isEmpty() && format != Format::Pdf) {
        const QString declaredBy = a.provenance.value(u"encoding"_s);
        a.provenance.insert(u"encoding"_s,
                            declaredBy.isEmpty() ? e.encoding : u"%1 (%2)"_s.arg(e.encoding, declaredBy));
    }
    qCDebug(lcImport) << "imported" << fileName << "as" << e.encoding << "title" << a.title << "blocks"
                      << a.blocks.size();
    return imported;
}

// The stories of an export (Nexis Uni, Factiva), each an article with the path "FILE#N".
Result<QList<ImportedArticle>> exportArticles(const NexisExport::Split &split, Format format,
                                              const QString &label, const QString &fileName)
{
    using R = Result<QList<ImportedArticle>>;
    if (split.stories.isEmpty())
        return R::failure(tr("the export holds no complete article (%1)").arg(label));
    QList<ImportedArticle> articles;
    for (qsizetype i = 0; i < split.stories.size(); ++i) {
        NexisExport::Story story = split.stories[i];
        const QString publication = story.converted.hints.source;
        Extracted e = fromConverted(std::move(story.converted));
        e.warnings += story.warnings;
        const QString storyName = fileName + u'#' + QString::number(i + 1);
        auto article = makeArticle(std::move(e), format, label, storyName, /*requireWords=*/false);
        if (!article)
            return R::failure(tr("article %1 of the export: %2").arg(i + 1).arg(article.errorString()));
        // The export names the publication; an agency in the dateline is kept beside it.
        Article &a = article.value().article;
        a.provenance.insert(u"file"_s, displayFileName(fileName));
        a.provenance.insert(u"index"_s, QString::number(i + 1));
        if (!publication.isEmpty() && a.source != publication) {
            if (!a.source.isEmpty())
                a.metadata.insert(u"agency"_s, a.source);
            a.source = publication;
        }
        articles.append(std::move(article).value());
    }
    if (split.skipped > 0)
        articles.first().warnings.append(
            tr("parts of the export that are not a complete article, left out: %1").arg(split.skipped));
    return articles;
}

// The stories of a Factiva "Article Format" export saved as HTML; none for any other page.
NexisExport::Split factivaHtml(const QByteArray &data)
{
    // Cheap first: every story has a word count and a document id line.
    if (!data.contains("Document ") || !data.contains(" words"))
        return {};
    const auto decoded = HtmlCharset::decode(data);
    if (!decoded)
        return {};
    const QStringList paragraphs = FactivaExport::htmlParagraphs(decoded->html);
    if (!FactivaExport::looksLikeExport(paragraphs))
        return {};
    return FactivaExport::split(paragraphs);
}

Result<QList<ImportedArticle>> convert(const QByteArray &data, const QString &fileName, bool requireWords)
{
    using R = Result<QList<ImportedArticle>>;
    constexpr qint64 MaxFileSize = ArticleImporter::MaxFileSize;
    if (data.size() > MaxFileSize)
        return R::failure(tr("the data is too large (the limit is %1 MiB)").arg(MaxFileSize / (1024 * 1024)));
    const Format format = formatOf(data, fileName);
    const auto one = [&](Result<ImportedArticle> &&article) -> R {
        if (!article)
            return R::failure(article.errorString());
        return QList<ImportedArticle> { std::move(article).value() };
    };

    if (format == Format::Docx || format == Format::Odt) {
        const auto kind = format == Format::Docx ? OfficeImporter::Kind::Docx : OfficeImporter::Kind::Odt;
        // Word stores a password-protected DOCX in an OLE container, the same as an old .doc.
        if (data.startsWith("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
            return R::failure(tr("the file is an old Microsoft Office document or a password-protected %1; "
                                 "save it without a password as %1")
                                  .arg(OfficeImporter::kindName(kind).toUpper()));
        auto document = OfficeImporter::read(data, kind);
        if (!document) {
            return R::failure(tr("the file is not a readable %1 document: %2")
                                  .arg(OfficeImporter::kindName(kind).toUpper(), document.errorString()));
        }
        QStringList paragraphs;
        for (const OfficeImporter::Paragraph &p : document->paragraphs)
            paragraphs.append(p.text);
        if (NexisExport::looksLikeExport(paragraphs))
            return exportArticles(NexisExport::split(paragraphs), format, u"nexis"_s, fileName);
        return one(makeArticle(fromConverted(OfficeImporter::toConverted(*document)), format, {}, fileName,
                               requireWords));
    }

    if (format == Format::Feed) {
        auto split = FeedReader::read(data);
        if (!split)
            return R::failure(split.errorString());
        return exportArticles(*split, format, u"feed"_s, fileName);
    }

    if (format == Format::Rtf) {
        auto document = RtfReader::read(data);
        if (!document)
            return R::failure(document.errorString());
        QStringList paragraphs;
        for (const RtfReader::Paragraph &p : document->paragraphs)
            paragraphs.append(p.text);
        if (FactivaExport::looksLikeExport(paragraphs))
            return exportArticles(FactivaExport::split(paragraphs), format, u"factiva"_s, fileName);
        if (NexisExport::looksLikeExport(paragraphs))
            return exportArticles(NexisExport::split(paragraphs), format, u"nexis"_s, fileName);
        // One article: the same shape as a Word document.
        OfficeImporter::Document asOffice;
        for (const RtfReader::Paragraph &p : document->paragraphs)
            asOffice.paragraphs.append({ p.text, OfficeImporter::Paragraph::Role::Body, p.pageBreakBefore });
        asOffice.title = document->title;
        if (!document->author.isEmpty())
            asOffice.authors.append(document->author);
        return one(makeArticle(fromConverted(OfficeImporter::toConverted(asOffice)), format, {}, fileName,
                               requireWords));
    }

    // A web page picks its own charset (BOM, <meta>), so it is decoded by the HTML importer; a
    // PDF is read by its own importer. Both give text and hints.
    if (format == Format::Html || format == Format::Pdf) {
        QStringList pdfParagraphs;
        auto converted = format == Format::Html ? MarkupImporter::fromHtmlData(data)
                                                : PdfImporter::read(data, &pdfParagraphs);
        if (!converted)
            return R::failure(converted.errorString());
        // A Nexis Uni export saved as PDF.
        if (format == Format::Pdf && NexisExport::looksLikeExport(pdfParagraphs))
            return exportArticles(NexisExport::split(pdfParagraphs), format, u"nexis"_s, fileName);
        // A feed or another XML document named .html is still refused for what it is.
        if (format == Format::Html) {
            if (const QString why = FormatSniffer::markupRefusal(QString::fromUtf8(data.left(64 * 1024)));
                !why.isEmpty())
                return R::failure(why);
            // A Factiva export saved as HTML, recognised by its lines (read only once the page has
            // passed the importer's checks, such as its nesting depth).
            if (auto split = factivaHtml(data); !split.stories.isEmpty())
                return exportArticles(split, format, u"factiva"_s, fileName);
        }
        return one(
            makeArticle(fromConverted(std::move(converted).value()), format, {}, fileName, requireWords));
    }

    auto decoded = TextDecoder::decode(data);
    if (!decoded)
        return R::failure(decoded.errorString());
    // A feed in UTF-16 (or another encoding the bytes did not show as a feed): read from its
    // decoded text, as UTF-8 without the declared encoding.
    const auto firstMark
        = std::find_if(decoded->text.cbegin(), decoded->text.cend(), [](QChar c) { return !c.isSpace(); });
    if (firstMark != decoded->text.cend() && *firstMark == u'<') {
        static const QRegularExpression declared(
            u"^(\\s*<\\?xml[^>]*?)\\s+encoding\\s*=\\s*[\"'][^\"']*[\"']"_s);
        const QByteArray utf8 = QString(decoded->text).replace(declared, u"\\1"_s).toUtf8();
        if (!FeedReader::feedKind(utf8).isEmpty()) {
            auto split = FeedReader::read(utf8);
            if (!split)
                return R::failure(split.errorString());
            return exportArticles(*split, Format::Feed, u"feed"_s, fileName);
        }
    }
    if (const QString why = FormatSniffer::markupRefusal(decoded->text); !why.isEmpty())
        return R::failure(why);
    const QString text = TextDecoder::normalizeLineEndings(decoded->text);
    if (format == Format::PlainText && NexisExport::looksLikeTxtExport(text)) {
        auto stories = exportArticles(NexisExport::splitTxt(text), format, u"nexis"_s, fileName);
        if (stories) {
            // How the file was decoded holds for every story; a decoding warning is said once.
            for (ImportedArticle &story : stories.value())
                story.article.provenance.insert(u"encoding"_s, decoded->encoding);
            stories.value().first().warnings = decoded->warnings + stories.value().first().warnings;
        }
        return stories;
    }
    Extracted e;
    e.encoding = decoded->encoding;
    e.warnings = decoded->warnings;
    if (format == Format::Markdown) {
        MarkupImporter::Converted md = MarkupImporter::fromMarkdown(text);
        e.body = std::move(md.text);
        e.hints = std::move(md.hints);
    } else {
        e.body = text;
        TextDecoder::trim(&e.body);
    }
    return one(makeArticle(std::move(e), format, {}, fileName, requireWords));
}

void setContentHashes(QList<ImportedArticle> &articles)
{
    for (ImportedArticle &imported : articles) {
        Article &a = imported.article;
        a.contentHash = QString::fromLatin1(
            QCryptographicHash::hash(a.body.toUtf8(), QCryptographicHash::Sha256).toHex());
    }
}

} // namespace

QStringList ArticleImporter::supportedSuffixes()
{
    return { u"txt"_s, u"text"_s, u"md"_s,  u"markdown"_s, u"html"_s, u"htm"_s, u"xhtml"_s,
             u"pdf"_s, u"docx"_s, u"odt"_s, u"rtf"_s,      u"rss"_s,  u"atom"_s };
}

Result<QList<ImportedArticle>> ArticleImporter::importFileArticles(const QString &path, ContentHash hash)
{
    // Messages name no path: the caller says which file it was (the command line and the window
    // each put it in front).
    using R = Result<QList<ImportedArticle>>;
    const auto data = readRegularFile(path, MaxFileSize);
    if (!data)
        return R::failure(data.errorString());
    // Stored and shown with any non-UTF-8 bytes of the name written as \xNN.
    const QString absolute = QFileInfo(path).absoluteFilePath();
    // A file is an article only with some words in it (importData() converts snippets too).
    auto result = convert(*data, absolute, /*requireWords=*/true);
    if (!result)
        return result;
    if (result->size() == 1 && !isMultiArticle(result->first().article))
        result.value().first().article.path = displayFileName(absolute);
    if (hash == ContentHash::Compute)
        setContentHashes(result.value());
    return result;
}

Result<QList<ImportedArticle>> ArticleImporter::importDataArticles(const QByteArray &data,
                                                                   const QString &fileName)
{
    auto result = convert(data, fileName, /*requireWords=*/false);
    if (result)
        setContentHashes(result.value());
    return result;
}

Result<ImportedArticle> ArticleImporter::importFile(const QString &path)
{
    return single(importFileArticles(path));
}

Result<ImportedArticle> ArticleImporter::importData(const QByteArray &data, const QString &fileName)
{
    return single(importDataArticles(data, fileName));
}

QString ArticleImporter::lengthRefusal(qsizetype length)
{
    if (length <= MaxArticleLength)
        return {};
    // Rounded up, so that one character over the limit does not read as the limit itself.
    return tr("the text is too long for one article (%1 million characters; the limit is %2 million): split "
              "it into articles")
        .arg(QString::number(std::ceil(double(length) / 1e5) / 10, 'f', 1))
        .arg(QString::number(double(MaxArticleLength) / 1e6, 'f', 1));
}

bool ArticleImporter::isMultiArticle(const Article &article)
{
    const QString format = article.provenance.value(u"format"_s);
    return format == u"nexis"_s || format == u"factiva"_s || format == u"feed"_s;
}

Result<ImportedArticle> ArticleImporter::single(Result<QList<ImportedArticle>> &&articles)
{
    using R = Result<ImportedArticle>;
    if (!articles)
        return R::failure(articles.errorString());
    if (articles->size() != 1)
        return R::failure(
            tr("the file is an export holding %1 articles; import it as a whole").arg(articles->size()));
    return std::move(articles).value().first();
}

} // namespace Lede
