// SPDX-License-Identifier: GPL-3.0-or-later
// Round trips of real news text through the document formats (issue 7): each GUM news and
// interview document (bench/RealNews.h, read at run time, never committed) is written as a PDF
// (QTextDocument printed by QPdfWriter: paginated, with page numbers, in the document's own fonts),
// as a DOCX (Title style + paragraphs, ZipWriter) and, all together, as one Nexis Uni export (as a
// DOCX, and printed to PDF); each is imported back with ArticleImporter and compared with the text
// it was made from.
//
// Reported per format: documents whose title came back exactly, paragraphs that came back exactly
// (recall: of the written ones; precision: of the imported ones), and for PDF the pages and the
// paragraphs that are only a number (a page number left in the text).
#include "../RealNews.h"
#include "io/ArticleImporter.h"
#include "io/ZipArchive.h"

#include <QBuffer>
#include <QFile>
#include <QGuiApplication>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSet>
#include <QTextDocument>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

struct Score
{
    int docs = 0, titles = 0, failed = 0;
    qsizetype written = 0, imported = 0, matched = 0, numberParagraphs = 0;

    void add(const LedeBench::RealDoc &doc, const Lede::Article &a)
    {
        ++docs;
        titles += a.title == doc.title;
        if (qEnvironmentVariableIsSet("EVAL_FORMATS_VERBOSE") && a.title != doc.title)
            std::fprintf(stderr, "title: expected [%s] got [%s]\n", qPrintable(doc.title),
                         qPrintable(a.title));
        const QStringList got = a.body.split(u"\n\n"_s, Qt::SkipEmptyParts);
        QSet<QString> expected(doc.paragraphs.begin(), doc.paragraphs.end());
        written += doc.paragraphs.size();
        imported += got.size();
        static const QRegularExpression number(u"^\\d+$"_s);
        for (const QString &p : got) {
            matched += expected.contains(p);
            if (qEnvironmentVariableIsSet("EVAL_FORMATS_VERBOSE") && !expected.contains(p))
                std::fprintf(stderr, "unmatched: [%s]\n", qPrintable(p.left(160)));
            numberParagraphs += number.match(p).hasMatch();
        }
    }
    void print(const char *name) const
    {
        std::printf(
            "%-6s docs %3d  failed %d  titles %3d/%d  paragraphs: written %lld imported %lld exact %lld  "
            "recall %.4f precision %.4f  number-only %lld\n",
            name, docs, failed, titles, docs, qlonglong(written), qlonglong(imported), qlonglong(matched),
            written ? double(matched) / double(written) : 0.0,
            imported ? double(matched) / double(imported) : 0.0, qlonglong(numberParagraphs));
    }
};

QByteArray pdfOf(const LedeBench::RealDoc &doc, int *pages)
{
    QString html = u"<h1>"_s + doc.title.toHtmlEscaped() + u"</h1>"_s;
    for (const QString &p : doc.paragraphs)
        html += u"<p>"_s + p.toHtmlEscaped() + u"</p>"_s;
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setPageSize(QPageSize(QPageSize::A5)); // small pages: more page breaks and page numbers
    QTextDocument document;
    document.setHtml(html);
    document.print(&writer); // paginates and numbers the pages
    (void)pages;
    return bytes;
}

// Paginated HTML printed by QPdfWriter on A5 pages (page numbers at the foot of each page).
QByteArray printedPdf(const QString &html)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setPageSize(QPageSize(QPageSize::A5));
    QTextDocument document;
    document.setHtml(html);
    document.print(&writer);
    return bytes;
}

QString wordParagraph(const QString &style, const QString &text)
{
    const QString props
        = style.isEmpty() ? QString() : u"<w:pPr><w:pStyle w:val=\""_s + style + u"\"/></w:pPr>"_s;
    return u"<w:p>"_s + props + u"<w:r><w:t xml:space=\"preserve\">"_s + text.toHtmlEscaped()
        + u"</w:t></w:r></w:p>"_s;
}

QByteArray docxOf(const QString &bodyXml)
{
    const QString document
        = u"<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document "
          "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"_s
        + bodyXml + u"</w:body></w:document>"_s;
    Lede::ZipWriter zip;
    zip.add(u"word/document.xml"_s, document.toUtf8());
    return zip.archiveBytes().value();
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QList<LedeBench::RealDoc> docs = LedeBench::loadRealNews();
    if (docs.isEmpty()) {
        std::fprintf(stderr, "no real news found in %s\n", qPrintable(LedeBench::realNewsDir()));
        return 1;
    }
    Score pdf, docx, nexis, nexisPdf;
    int pages = 0;
    QString nexisXml;
    // The same export printed to PDF: a cover page, each story on a new page under a headline in
    // larger type, its field lines one to a line.
    QString nexisHtml = u"<p>Documents (%1)</p>"_s.arg(docs.size());
    for (qsizetype i = 0; i < docs.size(); ++i) {
        const LedeBench::RealDoc &doc = docs[i];
        int docPages = 0;
        const auto fromPdf = Lede::ArticleImporter::importData(pdfOf(doc, &docPages), u"doc.pdf"_s);
        if (fromPdf) {
            pdf.add(doc, fromPdf->article);
            pages += fromPdf->article.metadata.value(u"pages"_s).toInt();
        } else {
            ++pdf.failed;
            std::fprintf(stderr, "pdf %lld: %s\n", qlonglong(i), qPrintable(fromPdf.errorString()));
        }
        QString body = wordParagraph(u"Title"_s, doc.title);
        for (const QString &p : doc.paragraphs)
            body += wordParagraph({}, p);
        const auto fromDocx = Lede::ArticleImporter::importData(docxOf(body), u"doc.docx"_s);
        if (fromDocx)
            docx.add(doc, fromDocx->article);
        else
            ++docx.failed;

        nexisXml += wordParagraph({}, doc.title) + wordParagraph({}, u"GUM Wikinews"_s)
            + wordParagraph({}, u"December %1, 2023 Friday"_s.arg(1 + i % 28))
            + wordParagraph({}, u"Length: %1 words"_s.arg(doc.paragraphs.join(u' ').split(u' ').size()))
            + wordParagraph({}, u"Body"_s);
        for (const QString &p : doc.paragraphs)
            nexisXml += wordParagraph({}, p);
        nexisXml
            += wordParagraph({}, u"Load-Date: December 2, 2023"_s) + wordParagraph({}, u"End of Document"_s);

        nexisHtml += u"<h2 style=\"page-break-before: always\">"_s + doc.title.toHtmlEscaped()
            + u"</h2><p>GUM Wikinews</p><p>December %1, 2023 Friday</p><p>Body</p>"_s.arg(1 + i % 28);
        for (const QString &p : doc.paragraphs)
            nexisHtml += u"<p>"_s + p.toHtmlEscaped() + u"</p>"_s;
        nexisHtml += u"<p>Load-Date: December 2, 2023</p><p>End of Document</p>"_s;
    }
    // --write-nexis N FILE: an export of N stories (the documents in turn, numbered so that each is
    // distinct) for timing `lede import FILE`.
    const QStringList args = app.arguments();
    if (const qsizetype at = args.indexOf(u"--write-nexis"_s); at >= 0 && at + 2 < args.size()) {
        const int count = args[at + 1].toInt();
        QString xml;
        for (int i = 0; i < count; ++i) {
            const LedeBench::RealDoc &doc = docs[i % docs.size()];
            xml += wordParagraph({},
                                 u"%1 (%2)"_s.arg(doc.title.isEmpty() ? u"Untitled"_s : doc.title).arg(i + 1))
                + wordParagraph({}, u"GUM Wikinews"_s) + wordParagraph({}, u"December 1, 2023 Friday"_s)
                + wordParagraph({}, u"Body"_s) + wordParagraph({}, u"Story %1 of the export."_s.arg(i + 1));
            for (const QString &p : doc.paragraphs)
                xml += wordParagraph({}, p);
            xml += wordParagraph({}, u"End of Document"_s);
        }
        QFile out(args[at + 2]);
        if (!out.open(QIODevice::WriteOnly) || out.write(docxOf(xml)) < 0)
            return 1;
        std::printf("wrote %d stories to %s\n", count, qPrintable(args[at + 2]));
        return 0;
    }
    const auto fromNexis = Lede::ArticleImporter::importDataArticles(docxOf(nexisXml), u"export.docx"_s);
    qsizetype nexisWarnings = 0;
    if (!fromNexis || fromNexis->size() != docs.size()) {
        std::fprintf(stderr, "nexis: %s (%lld articles)\n", qPrintable(fromNexis.errorString()),
                     qlonglong(fromNexis ? fromNexis->size() : 0));
        nexis.failed = 1;
    } else {
        for (qsizetype i = 0; i < docs.size(); ++i) {
            nexis.add(docs[i], fromNexis->at(i).article);
            nexisWarnings += fromNexis->at(i).warnings.size();
        }
    }
    const QByteArray nexisPdfBytes = printedPdf(nexisHtml);
    const auto fromNexisPdf = Lede::ArticleImporter::importDataArticles(nexisPdfBytes, u"export.pdf"_s);
    if (!fromNexisPdf || fromNexisPdf->size() != docs.size()) {
        std::fprintf(stderr, "nexis pdf: %s (%lld articles)\n", qPrintable(fromNexisPdf.errorString()),
                     qlonglong(fromNexisPdf ? fromNexisPdf->size() : 0));
        nexisPdf.failed = 1;
    } else {
        for (qsizetype i = 0; i < docs.size(); ++i)
            nexisPdf.add(docs[i], fromNexisPdf->at(i).article);
    }
    pdf.print("pdf");
    std::printf("       (%d pages)\n", pages);
    docx.print("docx");
    nexis.print("nexis");
    std::printf("       (one export of %lld stories, %lld length warnings)\n", qlonglong(docs.size()),
                qlonglong(nexisWarnings));
    nexisPdf.print("nexis-pdf");
    std::printf("       (the same export printed to PDF, A5)\n");
    return 0;
}
