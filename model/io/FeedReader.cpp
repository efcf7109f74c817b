// SPDX-License-Identifier: GPL-3.0-or-later
#include "FeedReader.h"

#include "MarkupImporter.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QRegularExpression>
#include <QXmlStreamReader>
#include <cctype>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Lede::FeedReader", text);
}

struct Item
{
    QString title, link, author, content, summary, guid, date;
};

QDate parseFeedDate(const QString &text)
{
    const QString t = text.trimmed();
    QDateTime dt = QDateTime::fromString(t, Qt::RFC2822Date); // RSS: "Fri, 01 Dec 2023 10:00:00 GMT"
    if (!dt.isValid())
        dt = QDateTime::fromString(t, Qt::ISODate); // Atom, dc:date
    if (!dt.isValid())
        dt = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (dt.isValid())
        return dt.date();
    // RFC 822 with a zone name Qt does not take ("GMT", "EST"): the date part is what is kept.
    static const QRegularExpression rfc822(u"^(?:[A-Za-z]{3},\\s*)?(\\d{1,2}\\s+[A-Za-z]{3,9}\\s+\\d{4})"_s);
    if (const auto m = rfc822.match(t); m.hasMatch())
        return NexisExport::parseDate(m.captured(1));
    return QDate::fromString(t.left(10), Qt::ISODate);
}

// The text of an element that may hold escaped HTML (RSS) or XHTML children (Atom type="xhtml").
QString elementContent(QXmlStreamReader &xml)
{
    QString out;
    int depth = 1;
    while (depth > 0 && !xml.atEnd()) {
        switch (xml.readNext()) {
        case QXmlStreamReader::StartElement:
            ++depth;
            out += u'<' + xml.name().toString() + u'>';
            break;
        case QXmlStreamReader::EndElement:
            --depth;
            if (depth > 0)
                out += u"</"_s + xml.name().toString() + u'>';
            break;
        case QXmlStreamReader::Characters:
            // Character data of XHTML children is text; escaped HTML in RSS arrives as text too and
            // is markup to parse, so it is kept as is.
            out += depth > 1 ? xml.text().toString().toHtmlEscaped() : xml.text().toString();
            break;
        default:
            break;
        }
    }
    return out;
}

QString htmlToText(const QString &html)
{
    if (html.trimmed().isEmpty())
        return {};
    // Plain text in a description stays plain (its line breaks are paragraph breaks).
    const QString page = html.contains(u'<')
        ? html
        : u"<p>"_s + html.toHtmlEscaped().replace(u"\n\n"_s, u"</p><p>"_s) + u"</p>"_s;
    return MarkupImporter::fromHtml(u"<html><body><article>"_s + page + u"</article></body></html>"_s).text;
}

// The document from its first '<': blank lines before the XML declaration (a common fault of
// feeds that a plugin prints a line break in front of) are no error here, nor is a UTF-8 BOM
// before them.
QByteArray fromFirstTag(const QByteArray &data)
{
    qsizetype i = data.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    const qsizetype start = i;
    while (i < data.size() && std::isspace(static_cast<unsigned char>(data[i])))
        ++i;
    return i == start ? data : data.sliced(i);
}

} // namespace

QString FeedReader::feedKind(const QByteArray &data)
{
    QXmlStreamReader xml(fromFirstTag(data.left(64 * 1024)));
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement) {
            const QString root = xml.name().toString().toLower();
            if (root == u"rss"_s || root == u"rdf"_s)
                return u"RSS"_s;
            if (root == u"feed"_s)
                return u"Atom"_s;
            return {};
        }
    }
    return {};
}

QString FeedReader::summaryWarning(const QString &link)
{
    return tr("the feed carries only a summary of this item; the full article is at %1 "
              "(Lede fetches nothing while importing a file)")
        .arg(link);
}

Result<NexisExport::Split> FeedReader::read(const QByteArray &data)
{
    using R = Result<NexisExport::Split>;
    const QString kind = feedKind(data);
    QXmlStreamReader xml(fromFirstTag(data));
    QList<Item> items;
    QString feedTitle;
    Item *item = nullptr;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const QString name = xml.name().toString();
        // Unprefixed, or Atom's own elements under a prefix ("atom:content").
        const bool core = xml.prefix().isEmpty() || xml.namespaceUri() == u"http://www.w3.org/2005/Atom"_s;
        if (name == u"item"_s || name == u"entry"_s) {
            if (items.size() >= MaxItems)
                return R::failure(
                    tr("the feed holds more than %1 items; Lede refuses it as a whole").arg(MaxItems));
            items.append(Item());
            item = &items.last();
            continue;
        }
        if (!item) {
            if (name == u"title"_s && feedTitle.isEmpty())
                feedTitle = xml.readElementText(QXmlStreamReader::IncludeChildElements).simplified();
            continue;
        }
        if (name == u"title"_s && core) {
            item->title
                = htmlToText(xml.readElementText(QXmlStreamReader::IncludeChildElements)).simplified();
        } else if (name == u"link"_s) {
            const auto attributes = xml.attributes();
            const QString rel = attributes.value(u"rel"_s).toString();
            if (attributes.hasAttribute(u"href"_s)) {
                if ((rel.isEmpty() || rel == u"alternate"_s) && item->link.isEmpty())
                    item->link = attributes.value(u"href"_s).toString().trimmed();
                xml.skipCurrentElement();
            } else {
                item->link = xml.readElementText(QXmlStreamReader::SkipChildElements).trimmed();
            }
        } else if (name == u"encoded"_s || (name == u"content"_s && core)) {
            item->content = elementContent(xml);
        } else if (name == u"description"_s || name == u"summary"_s) {
            item->summary = elementContent(xml);
        } else if (name == u"creator"_s || (name == u"author"_s && item->author.isEmpty())) {
            // RSS <author> is an e-mail address, often "mail (Name)"; Atom <author><name>.
            QString author = xml.readElementText(QXmlStreamReader::IncludeChildElements).simplified();
            if (const qsizetype open = author.indexOf(u'('); open >= 0 && author.endsWith(u')'))
                author = author.mid(open + 1).chopped(1);
            item->author = author;
        } else if (name == u"pubDate"_s || name == u"published"_s || name == u"date"_s
                   || (name == u"updated"_s && item->date.isEmpty())) {
            item->date = xml.readElementText(QXmlStreamReader::SkipChildElements);
        } else if (name == u"guid"_s || name == u"id"_s) {
            item->guid = xml.readElementText(QXmlStreamReader::SkipChildElements).trimmed();
        }
    }
    if (xml.hasError())
        return R::failure(tr("the %1 feed is not well-formed XML (line %2: %3)")
                              .arg(kind.isEmpty() ? u"news"_s : kind)
                              .arg(xml.lineNumber())
                              .arg(xml.errorString()));
    NexisExport::Split split;
    for (const Item &it : std::as_const(items)) {
        const QString content = htmlToText(it.content);
        const QString summary = htmlToText(it.summary);
        const bool summaryOnly = content.isEmpty();
        const QString text = summaryOnly ? summary : content;
        if (text.isEmpty()) {
            ++split.skipped;
            continue;
        }
        NexisExport::Story story;
        MarkupImporter::Converted &c = story.converted;
        c.text = text;
        c.url = it.link;
        c.hints.title = it.title;
        c.hints.byline = it.author;
        c.hints.published = parseFeedDate(it.date);
        c.hints.source = feedTitle;
        c.metadata.insert(u"feed"_s, feedTitle);
        if (!it.guid.isEmpty())
            c.metadata.insert(u"guid"_s, it.guid);
        c.provenance.insert(u"title"_s, u"feed item title"_s);
        c.provenance.insert(u"body"_s, summaryOnly ? u"feed item summary"_s : u"feed item content"_s);
        if (!it.link.isEmpty())
            c.provenance.insert(u"url"_s, u"feed item link"_s);
        if (summaryOnly) {
            c.metadata.insert(u"summary_only"_s, u"true"_s);
            story.warnings.append(it.link.isEmpty() ? tr("the feed carries only a summary of this item")
                                                    : summaryWarning(it.link));
        }
        split.stories.append(story);
    }
    if (split.stories.isEmpty())
        return R::failure(items.isEmpty() ? tr("the %1 feed holds no items").arg(kind)
                                          : tr("no item of the %1 feed carries any text").arg(kind));
    return split;
}

} // namespace Lede
