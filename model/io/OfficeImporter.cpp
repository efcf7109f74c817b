// SPDX-License-Identifier: GPL-3.0-or-later
#include "OfficeImporter.h"

#include "PdfImporter.h"
#include "ZipArchive.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Lede::OfficeImporter", text);
}

using Paragraph = OfficeImporter::Paragraph;
using Role = Paragraph::Role;

// Paragraphs are collected on a stack: a text box inside a paragraph holds paragraphs of its own,
// which are emitted before the one around them.
struct Collector
{
    QList<Paragraph> open;
    QList<Paragraph> done;
    bool pendingPageBreak = false;

    void start()
    {
        Paragraph p;
        p.pageBreakBefore = pendingPageBreak;
        pendingPageBreak = false;
        open.append(p);
    }
    Paragraph *current() { return open.isEmpty() ? nullptr : &open.last(); }
    void append(const QString &text)
    {
        if (Paragraph *p = current())
            p->text += text;
    }
    void pageBreak()
    {
        Paragraph *p = current();
        if (p && p->text.trimmed().isEmpty())
            p->pageBreakBefore = true;
        else
            pendingPageBreak = true;
    }
    void finish()
    {
        if (open.isEmpty())
            return;
        Paragraph p = open.takeLast();
        // Spaces are collapsed, line breaks kept.
        QStringList lines = p.text.split(u'\n');
        for (QString &line : lines)
            line = line.simplified();
        while (!lines.isEmpty() && lines.last().isEmpty())
            lines.removeLast();
        while (!lines.isEmpty() && lines.first().isEmpty())
            lines.removeFirst();
        p.text = lines.join(u'\n');
        if (p.text.isEmpty()) {
            pendingPageBreak = pendingPageBreak || p.pageBreakBefore;
            return;
        }
        done.append(p);
    }
};

// An attribute by its local name, whatever its prefix ("w:val", "text:style-name").
QString attribute(const QXmlStreamReader &xml, const QString &localName)
{
    for (const QXmlStreamAttribute &a : xml.attributes()) {
        if (a.name() == localName)
            return a.value().toString();
    }
    return {};
}

bool isOn(const QXmlStreamReader &xml)
{
    // <w:pageBreakBefore/> means true; w:val="0"/"false" turns it off.
    const QString val = attribute(xml, u"val"_s);
    return val.isEmpty() || (val != u"0"_s && val != u"false"_s && val != u"off"_s);
}

QString xmlError(const QString &part, const QXmlStreamReader &xml)
{
    return tr("%1 is not well-formed XML (line %2: %3)")
        .arg(part)
        .arg(xml.lineNumber())
        .arg(xml.errorString());
}

// styles.xml: style id -> role, by the style's name ("heading 1", "Title") or its outline level.
QHash<QString, Role> docxStyles(const QByteArray &xmlData)
{
    QHash<QString, Role> roles;
    QXmlStreamReader xml(xmlData);
    QString id;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (xml.name() == u"style") {
                id = attribute(xml, u"styleId"_s);
            } else if (!id.isEmpty() && xml.name() == u"name") {
                const QString name = attribute(xml, u"val"_s).toLower();
                if (name == u"title"_s)
                    roles.insert(id, Role::Title);
                else if (name.startsWith(u"heading"_s))
                    roles.insert(id, Role::Heading);
            } else if (!id.isEmpty() && xml.name() == u"outlineLvl" && !roles.contains(id)) {
                roles.insert(id, Role::Heading);
            }
        } else if (xml.isEndElement() && xml.name() == u"style") {
            id.clear();
        }
    }
    return roles; // a damaged styles part only costs the headings
}

Role roleOfStyleId(const QString &id, const QHash<QString, Role> &styles)
{
    if (styles.contains(id))
        return styles.value(id);
    if (id.compare(u"Title"_s, Qt::CaseInsensitive) == 0)
        return Role::Title;
    static const QRegularExpression heading(u"^heading\\s*\\d"_s, QRegularExpression::CaseInsensitiveOption);
    return heading.match(id).hasMatch() ? Role::Heading : Role::Body;
}

Result<QList<Paragraph>> docxParagraphs(const QByteArray &xmlData, const QHash<QString, Role> &styles)
{
    using R = Result<QList<Paragraph>>;
    QXmlStreamReader xml(xmlData);
    Collector c;
    QStringList path; // local names of the open elements
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            const QStringView name = xml.name();
            const QString parent = path.isEmpty() ? QString() : path.last();
            // Deleted text, field instructions, the fallback copy of text boxes, comments.
            if (name == u"delText" || name == u"instrText" || name == u"Fallback" || name == u"del"
                || name == u"commentReference" || name == u"sectPr") {
                xml.skipCurrentElement();
                continue;
            }
            path.append(name.toString());
            if (name == u"p") {
                c.start();
            } else if (name == u"pStyle" && parent == u"pPr"_s) {
                if (Paragraph *p = c.current())
                    p->role = roleOfStyleId(attribute(xml, u"val"_s), styles);
            } else if (name == u"outlineLvl" && parent == u"pPr"_s) {
                if (Paragraph *p = c.current(); p && p->role == Role::Body)
                    p->role = Role::Heading;
            } else if (name == u"pageBreakBefore" && parent == u"pPr"_s) {
                if (Paragraph *p = c.current(); p && isOn(xml))
                    p->pageBreakBefore = true;
            } else if (name == u"t" && parent == u"r"_s) {
                c.append(xml.readElementText(QXmlStreamReader::IncludeChildElements));
                path.removeLast();
            } else if (name == u"tab" && parent == u"r"_s) {
                c.append(u" "_s);
            } else if ((name == u"br" || name == u"cr") && parent == u"r"_s) {
                if (attribute(xml, u"type"_s) == u"page"_s)
                    c.pageBreak();
                else if (attribute(xml, u"type"_s) != u"column"_s)
                    c.append(u"\n"_s);
            } else if (name == u"noBreakHyphen" && parent == u"r"_s) {
                c.append(u"-"_s);
            }
        } else if (token == QXmlStreamReader::EndElement) {
            if (xml.name() == u"p")
                c.finish();
            if (!path.isEmpty())
                path.removeLast();
        }
    }
    if (xml.hasError())
        return R::failure(xmlError(u"word/document.xml"_s, xml));
    return c.done;
}

struct OdtStyle
{
    QString parent;
    bool pageBreakBefore = false;
};

// office:automatic-styles of content.xml: P1 -> parent "Title", page break before.
void readOdtStyle(QXmlStreamReader &xml, QHash<QString, OdtStyle> &styles)
{
    const QString name = attribute(xml, u"name"_s);
    OdtStyle style { attribute(xml, u"parent-style-name"_s), false };
    while (xml.readNextStartElement()) {
        if (xml.name() == u"paragraph-properties" && attribute(xml, u"break-before"_s) == u"page"_s)
            style.pageBreakBefore = true;
        xml.skipCurrentElement();
    }
    styles.insert(name, style);
}

Result<QList<Paragraph>> odtParagraphs(const QByteArray &xmlData)
{
    using R = Result<QList<Paragraph>>;
    QXmlStreamReader xml(xmlData);
    Collector c;
    QHash<QString, OdtStyle> styles;
    bool inText = false;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            const QStringView name = xml.name();
            if (name == u"style" && !inText) {
                readOdtStyle(xml, styles);
                continue;
            }
            if (name == u"text" && xml.namespaceUri().contains(u"office")) {
                inText = true;
                continue;
            }
            if (!inText)
                continue;
            if (name == u"note" || name == u"annotation" || name == u"tracked-changes"
                || name == u"sequence-decls" || name == u"table-of-content") {
                xml.skipCurrentElement();
                continue;
            }
            if (name == u"p" || name == u"h") {
                c.start();
                Paragraph *p = c.current();
                const QString styleName = attribute(xml, u"style-name"_s);
                const OdtStyle style = styles.value(styleName);
                if (style.pageBreakBefore)
                    p->pageBreakBefore = true;
                if (name == u"h")
                    p->role = Role::Heading;
                else if (styleName == u"Title"_s || style.parent == u"Title"_s)
                    p->role = Role::Title;
                else if (styleName.startsWith(u"Heading"_s) || style.parent.startsWith(u"Heading"_s))
                    p->role = Role::Heading;
            } else if (name == u"s") {
                const int count = std::clamp(attribute(xml, u"c"_s).toInt(), 1, 100);
                c.append(QString(count, u' '));
            } else if (name == u"tab") {
                c.append(u" "_s);
            } else if (name == u"line-break") {
                c.append(u"\n"_s);
            }
        } else if (token == QXmlStreamReader::Characters && inText) {
            // ODF collapses white space in text; line breaks are <text:line-break/>.
            QString text = xml.text().toString();
            text.replace(u'\n', u' ').replace(u'\t', u' ').replace(u'\r', u' ');
            c.append(text);
        } else if (token == QXmlStreamReader::EndElement) {
            if (xml.name() == u"p" || xml.name() == u"h")
                c.finish();
            else if (xml.name() == u"text" && xml.namespaceUri().contains(u"office"))
                inText = false;
        }
    }
    if (xml.hasError())
        return R::failure(xmlError(u"content.xml"_s, xml));
    return c.done;
}

// docProps/core.xml or meta.xml: dc:title, dc:creator, meta:initial-creator.
void readMetadata(const QByteArray &xmlData, OfficeImporter::Document &document)
{
    QXmlStreamReader xml(xmlData);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const QString name = xml.name().toString();
        if (name == u"title"_s || name == u"creator"_s || name == u"initial-creator"_s) {
            const QString value = xml.readElementText(QXmlStreamReader::SkipChildElements).simplified();
            if (value.isEmpty())
                continue;
            if (name == u"title"_s)
                document.title = value;
            else if (!document.authors.contains(value))
                document.authors.append(value);
        }
    }
}

bool isPlaceholderAuthor(const QString &author)
{
    static const QRegularExpression placeholder(u"^(?:administrator|admin|user|owner|unknown|author|default|"
                                                u"windows user|microsoft office user|lexisnexis.*|"
                                                "python-docx|[a-z]{1,3}\\d*)$"_s,
                                                QRegularExpression::CaseInsensitiveOption);
    return placeholder.match(author).hasMatch();
}

} // namespace

QString OfficeImporter::kindName(Kind kind)
{
    return kind == Kind::Docx ? u"docx"_s : u"odt"_s;
}

std::optional<OfficeImporter::Kind> OfficeImporter::kindOf(const QByteArray &zipData)
{
    ZipReader zip;
    if (!zip.openData(zipData))
        return std::nullopt;
    if (zip.contains(u"word/document.xml"_s))
        return Kind::Docx;
    if (zip.contains(u"content.xml"_s)) {
        const auto mimetype = zip.read(u"mimetype"_s, 256);
        if (mimetype && mimetype->trimmed() == "application/vnd.oasis.opendocument.text")
            return Kind::Odt;
    }
    return std::nullopt;
}

Result<OfficeImporter::Document> OfficeImporter::read(const QByteArray &zipData, Kind kind)
{
    using R = Result<Document>;
    ZipReader zip;
    if (Status opened = zip.openData(zipData); !opened)
        return R::failure(opened.errorString());
    const QString main = kind == Kind::Docx ? u"word/document.xml"_s : u"content.xml"_s;
    const auto body = zip.read(main, MaxPartBytes);
    if (!body)
        return R::failure(body.errorString());
    Document document;
    Result<QList<Paragraph>> paragraphs = QList<Paragraph>();
    if (kind == Kind::Docx) {
        QHash<QString, Role> styles;
        if (zip.contains(u"word/styles.xml"_s)) {
            if (const auto stylesXml = zip.read(u"word/styles.xml"_s, MaxPartBytes))
                styles = docxStyles(*stylesXml);
        }
        paragraphs = docxParagraphs(*body, styles);
    } else {
        paragraphs = odtParagraphs(*body);
    }
    if (!paragraphs)
        return R::failure(paragraphs.errorString());
    document.paragraphs = std::move(paragraphs).value();
    const QString metaPart = kind == Kind::Docx ? u"docProps/core.xml"_s : u"meta.xml"_s;
    if (zip.contains(metaPart)) {
        if (const auto meta = zip.read(metaPart, MaxPartBytes))
            readMetadata(*meta, document);
    }
    return document;
}

MarkupImporter::Converted OfficeImporter::toConverted(const Document &document)
{
    MarkupImporter::Converted result;
    QString text;
    for (const Paragraph &p : document.paragraphs) {
        if (p.role == Role::Title && result.hints.title.isEmpty()) {
            result.hints.title = QString(p.text).replace(u'\n', u' ');
            result.provenance.insert(u"title"_s, u"Title style"_s);
            continue;
        }
        if (!text.isEmpty())
            text += u"\n\n"_s;
        if (p.role == Role::Heading)
            result.hints.headings.append(Span { text.size(), text.size() + p.text.size() });
        text += p.text;
    }
    if (result.hints.title.isEmpty() && PdfImporter::isUsableMetadataTitle(document.title)) {
        result.hints.title = document.title;
        result.provenance.insert(u"title"_s, u"document metadata"_s);
        // The same title typed as the first paragraph is not body text.
        if (text.startsWith(document.title)
            && (text.size() == document.title.size() || text.at(document.title.size()) == u'\n')) {
            const qsizetype cut = std::min(text.size(), document.title.size() + 2);
            text.remove(0, cut);
            for (Span &s : result.hints.headings) {
                s.start -= cut;
                s.end -= cut;
            }
            result.hints.headings.removeIf([](const Span &s) { return s.start < 0; });
        }
    }
    QStringList authors;
    for (const QString &author : document.authors) {
        if (!isPlaceholderAuthor(author))
            authors.append(author);
    }
    if (!authors.isEmpty()) {
        result.hints.byline = authors.join(u" and "_s);
        result.provenance.insert(u"byline"_s, u"document metadata"_s);
    }
    if (!document.title.isEmpty())
        result.metadata.insert(u"document_title"_s, document.title);
    if (!document.authors.isEmpty())
        result.metadata.insert(u"document_authors"_s, document.authors.join(u"; "_s));
    result.text = text;
    return result;
}

} // namespace Lede
