// SPDX-License-Identifier: GPL-3.0-or-later
#include "PageMetadata.h"

#include "GumboNodes.h"
#include "io/WireCopyParser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

using namespace GumboNodes;

void setIfEmpty(PageMetadata::Field *field, const QString &value, const QString &from)
{
    const QString v = value.simplified();
    if (field->value.isEmpty() && !v.isEmpty()) {
        field->value = v;
        field->from = from;
    }
}

// An author "name" that is a whole byline: "By A And B For The Sunday Paper" gives A and B (also
// "Von", "Por", "Par", "Door").
QStringList namesOf(const QString &written)
{
    static const QRegularExpression by(u"^(?:by|von|por|par|door)\\s+"_s,
                                       QRegularExpression::CaseInsensitiveOption);
    if (!by.match(written).hasMatch())
        return { written };
    QString s = written;
    s.remove(by);
    static const QRegularExpression tail(u"\\s+(?:for|from|in)\\s+.*$|\\s*[|,]\\s*\\d.*$"_s,
                                         QRegularExpression::CaseInsensitiveOption);
    s.remove(tail);
    static const QRegularExpression separator(u"\\s+(?:and|&)\\s+|\\s*,\\s*(?:(?:and|&)\\s+)?"_s,
                                              QRegularExpression::CaseInsensitiveOption);
    // A job title after a comma ("By Ada Lind, Staff Writer") is no second author.
    static const QRegularExpression jobTitle(
        u"\\b(?:writer|reporter|correspondent|editor|columnist|contributor|journalist|producer|"
        u"photographer|critic|analyst|chief|staff|intern|author|redakteur(?:in)?|"
        u"korrespondent(?:in)?|redaktion|periodista|corresponsal|journaliste|correspondant)s?\\b"_s,
        QRegularExpression::CaseInsensitiveOption);
    QStringList out;
    for (const QString &n : s.split(separator, Qt::SkipEmptyParts)) {
        if (!n.trimmed().isEmpty() && !(out.size() > 0 && jobTitle.match(n).hasMatch()))
            out.append(n.trimmed());
    }
    return out;
}

// Letters and digits only, lower case: "SPIEGEL ONLINE" and "Spiegel Online" are one name.
QString folded(const QString &s)
{
    QString out;
    for (const QChar c : s) {
        if (c.isLetterOrNumber())
            out += c.toLower();
    }
    return out;
}

bool looksLikeUrl(const QString &s)
{
    return s.contains(u"://"_s) || s.startsWith(u"www."_s) || s.startsWith(QLatin1Char('/'));
}

class JsonLdReader final
{
public:
    explicit JsonLdReader(PageMetadata *meta)
        : m_meta(meta)
    {
    }

    void read(const QString &script)
    {
        QJsonParseError error;
        QJsonDocument doc = QJsonDocument::fromJson(script.trimmed().toUtf8(), &error);
        if (doc.isNull()) {
            // Raw control characters inside strings are the usual fault of hand-made JSON-LD.
            QString repaired = script.trimmed();
            for (QChar &c : repaired) {
                if (c.unicode() < 0x20)
                    c = QLatin1Char(' ');
            }
            doc = QJsonDocument::fromJson(repaired.toUtf8(), &error);
        }
        if (doc.isNull())
            return;
        QList<QJsonObject> objects;
        collect(doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object()), &objects, 0);
        for (const QJsonObject &o : std::as_const(objects)) {
            const QString id = o.value(u"@id"_s).toString();
            if (!id.isEmpty() && o.size() > 1)
                m_byId.insert(id, o);
            if (isArticle(o))
                m_articles.append(o);
        }
    }

    // After every script of the page is read: an article may name its publisher by an "@id" that
    // another script defines ({"publisher": {"@id": "https://…/"}} and an Organization beside it).
    void finish()
    {
        for (const QJsonObject &o : std::as_const(m_articles))
            readArticle(o);
    }

private:
    static void collect(const QJsonValue &value, QList<QJsonObject> *out, int depth)
    {
        if (depth > 4)
            return;
        if (value.isArray()) {
            for (const QJsonValue &v : value.toArray())
                collect(v, out, depth + 1);
        } else if (value.isObject()) {
            const QJsonObject o = value.toObject();
            out->append(o);
            if (o.contains(u"@graph"_s))
                collect(o.value(u"@graph"_s), out, depth + 1);
            // A WebPage may carry its article as mainEntity.
            if (o.value(u"mainEntity"_s).isObject())
                collect(o.value(u"mainEntity"_s), out, depth + 1);
        }
    }

    static QStringList types(const QJsonObject &o)
    {
        const QJsonValue t = o.value(u"@type"_s);
        QStringList out;
        if (t.isArray()) {
            for (const QJsonValue &v : t.toArray())
                out.append(v.toString());
        } else {
            out.append(t.toString());
        }
        return out;
    }

    static bool isArticle(const QJsonObject &o)
    {
        for (const QString &t : types(o)) {
            if (t.endsWith(u"Article"_s) || t == u"BlogPosting"_s || t == u"LiveBlogPosting"_s
                || t == u"Report"_s)
                return true;
        }
        return false;
    }

    QJsonObject resolve(const QJsonValue &v) const
    {
        QJsonObject o = v.toObject();
        const QString id = o.value(u"@id"_s).toString();
        if (o.size() == 1 && !id.isEmpty())
            return m_byId.value(id, o);
        return o;
    }

    static QString text(const QJsonValue &v)
    {
        if (v.isString())
            return v.toString().simplified();
        if (v.isArray() && !v.toArray().isEmpty())
            return text(v.toArray().first());
        return {};
    }

    QString name(const QJsonValue &v) const
    {
        if (v.isString())
            return v.toString().simplified();
        if (v.isObject())
            return text(resolve(v).value(u"name"_s));
        return {};
    }

    void readArticle(const QJsonObject &o)
    {
        QString headline = text(o.value(u"headline"_s));
        if (headline.isEmpty())
            headline = text(o.value(u"name"_s));
        setIfEmpty(&m_meta->title, headline, u"JSON-LD headline"_s);
        if (m_meta->authors.isEmpty()) {
            const QJsonValue author = o.value(u"author"_s);
            const QJsonArray list = author.isArray() ? author.toArray() : QJsonArray { author };
            QStringList names;
            for (const QJsonValue &a : list) {
                for (const QString &n : namesOf(name(a))) {
                    if (!n.isEmpty() && !looksLikeUrl(n) && !names.contains(n))
                        names.append(n);
                }
            }
            if (!names.isEmpty()) {
                m_meta->authors = names;
                setIfEmpty(&m_meta->byline, PageMetadata::joinNames(names), u"JSON-LD author"_s);
            }
        }
        setIfEmpty(&m_meta->published, text(o.value(u"datePublished"_s)), u"JSON-LD datePublished"_s);
        const QJsonValue publisher = o.value(u"publisher"_s);
        setIfEmpty(&m_meta->publisher, name(publisher.isArray() ? publisher.toArray().first() : publisher),
                   u"JSON-LD publisher.name"_s);
        setIfEmpty(&m_meta->section, text(o.value(u"articleSection"_s)), u"JSON-LD articleSection"_s);
        if (m_meta->articleBody.isEmpty())
            m_meta->articleBody = o.value(u"articleBody"_s).toString().trimmed();
        if (const QString d = text(o.value(u"description"_s)).simplified();
            !d.isEmpty() && !m_meta->descriptions.contains(d))
            m_meta->descriptions.append(d);
        const QString url = text(o.value(u"url"_s));
        if (url.startsWith(u"http"_s))
            setIfEmpty(&m_meta->url, url, u"JSON-LD url"_s);
    }

    PageMetadata *m_meta;
    QHash<QString, QJsonObject> m_byId;
    QList<QJsonObject> m_articles; // read at finish(), once every "@id" is known
};

struct Collected
{
    QStringList jsonLd;
    QList<const GumboNode *> metas;
    const GumboNode *canonical = nullptr;
    const GumboNode *titleElement = nullptr;
    const GumboNode *firstTime = nullptr;
    const GumboNode *pubTime = nullptr;
};

// One element; returns whether its children are worth visiting.
bool visit(const GumboNode *node, Collected *c)
{
    switch (node->v.element.tag) {
    case GUMBO_TAG_SCRIPT:
        if (attribute(node, "type").trimmed().compare(u"application/ld+json"_s, Qt::CaseInsensitive) == 0)
            c->jsonLd.append(rawText(node));
        return false;
    case GUMBO_TAG_META:
        c->metas.append(node);
        return false;
    case GUMBO_TAG_LINK:
        if (!c->canonical
            && attribute(node, "rel").split(QLatin1Char(' ')).contains(u"canonical"_s, Qt::CaseInsensitive))
            c->canonical = node;
        return false;
    case GUMBO_TAG_TITLE:
        if (!c->titleElement)
            c->titleElement = node;
        return false;
    case GUMBO_TAG_TIME:
        if (hasAttribute(node, "datetime")) {
            if (!c->firstTime)
                c->firstTime = node;
            if (!c->pubTime
                && (hasAttribute(node, "pubdate")
                    || attribute(node, "itemprop").compare(u"datePublished"_s, Qt::CaseInsensitive) == 0))
                c->pubTime = node;
        }
        return true;
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_STYLE:
        return false;
    default:
        return true;
    }
}

// Iterative: pages can nest deeply.
void collect(const GumboNode *document, Collected *c)
{
    std::vector<const GumboNode *> stack { document };
    while (!stack.empty()) {
        const GumboNode *node = stack.back();
        stack.pop_back();
        const GumboVector *children = nullptr;
        if (node->type == GUMBO_NODE_DOCUMENT)
            children = &node->v.document.children;
        else if (node->type == GUMBO_NODE_ELEMENT && visit(node, c))
            children = &node->v.element.children;
        if (!children)
            continue;
        for (unsigned i = children->length; i-- > 0;)
            stack.push_back(static_cast<const GumboNode *>(children->data[i]));
    }
}

} // namespace

QString PageMetadata::joinNames(const QStringList &names)
{
    if (names.size() <= 1)
        return names.value(0);
    return names.mid(0, names.size() - 1).join(u", "_s) + u" and "_s + names.last();
}

QDate PageMetadata::parseDate(const QString &value)
{
    const QString v = value.trimmed();
    static const QRegularExpression iso(u"^(\\d{4})-(\\d{2})-(\\d{2})"_s);
    if (const auto m = iso.match(v); m.hasMatch())
        return QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    if (const QDate d = WireCopyParser::parseDateLine(v); d.isValid())
        return d;
    // "Wed, 04 May 2022 00:25:56 GMT" (RFC 2822) and "Tue Jan 28 15:28:56 CET 2020" (how Java
    // prints a date), English month names.
    static const QRegularExpression rfc(
        u"^(?:[A-Za-z]{3},?\\s+)?(\\d{1,2})\\s+([A-Za-z]{3})\\s+(\\d{4})(?:\\s|$)"_s);
    static const QRegularExpression java(
        u"^[A-Za-z]{3} ([A-Za-z]{3}) (\\d{1,2}) \\d{1,2}:\\d{2}(?::\\d{2})?(?: [A-Za-z+\\-0-9:]{1,9})? (\\d{4})$"_s);
    QRegularExpressionMatch m = rfc.match(v);
    const bool isRfc = m.hasMatch();
    if (!isRfc)
        m = java.match(v);
    if (m.hasMatch()) {
        const QString day = m.captured(isRfc ? 1 : 2);
        const QString month = m.captured(isRfc ? 2 : 1);
        return QDate::fromString(day + QLatin1Char(' ') + month + QLatin1Char(' ') + m.captured(3),
                                 u"d MMM yyyy"_s);
    }
    return {};
}

PageMetadata PageMetadata::read(const GumboInternalNode *document)
{
    PageMetadata meta;
    Collected c;
    collect(document, &c);
    JsonLdReader jsonLd(&meta);
    for (const QString &script : std::as_const(c.jsonLd))
        jsonLd.read(script);
    jsonLd.finish();

    // <meta> tags, in the trust order of the contract.
    auto metaContent = [&](std::initializer_list<const char16_t *> keys) -> std::pair<QString, QString> {
        for (const char16_t *key : keys) {
            const QString k = QString::fromUtf16(key);
            for (const GumboNode *m : std::as_const(c.metas)) {
                const QString name
                    = attribute(m, "property") + attribute(m, "name") + attribute(m, "itemprop");
                if (name.trimmed().compare(k, Qt::CaseInsensitive) != 0)
                    continue;
                const QString content = attribute(m, "content").simplified();
                if (!content.isEmpty())
                    return { content, k };
            }
        }
        return {};
    };
    auto fromMeta = [&](Field *field, std::initializer_list<const char16_t *> keys, const QString &prefix) {
        if (!field->isEmpty())
            return;
        const auto [value, key] = metaContent(keys);
        setIfEmpty(field, value, prefix + key);
    };
    // A JSON-LD headline that shares no word with the page's other titles is a placeholder (the
    // name of the publishing system, "Home"): og:title says better. Words of three or more
    // characters are compared; a headline with none ("G7", "AI: Q&A") compares all its words.
    if (meta.title.from.startsWith(u"JSON-LD"_s)) {
        auto words = [](const QString &s, qsizetype minimum) {
            static const QRegularExpression nonWord(u"\\W+"_s);
            QSet<QString> out;
            for (const QString &w : s.toLower().split(nonWord, Qt::SkipEmptyParts)) {
                if (w.size() >= minimum)
                    out.insert(w);
            }
            return out;
        };
        const QString other = metaContent({ u"og:title", u"twitter:title" }).first;
        const QString document = c.titleElement ? textOf(c.titleElement) : QString();
        qsizetype minimum = 3;
        QSet<QString> headline = words(meta.title.value, minimum);
        if (headline.isEmpty()) {
            minimum = 1;
            headline = words(meta.title.value, minimum);
        }
        if ((!other.isEmpty() || !document.isEmpty()) && !headline.intersects(words(other, minimum))
            && !headline.intersects(words(document, minimum)))
            meta.title = {};
    }
    fromMeta(&meta.title, { u"og:title", u"twitter:title" }, QString());
    meta.siteName = metaContent({ u"og:site_name" }).first;
    // The company behind the site ("Tamedia AG", "Ediciones El País S.L.") is not the publication
    // readers know: the site's own name is.
    static const QRegularExpression company(
        u"[\\s,](?:gmbh|ag|se|kg|s\\.?l\\.?|s\\.?a\\.?|s\\.?p\\.?a\\.?|b\\.?v\\.?|n\\.?v\\.?|inc\\.?|ltd\\.?|"
        u"llc|plc|limited|corporation)$"_s,
        QRegularExpression::CaseInsensitiveOption);
    if (!meta.siteName.isEmpty() && company.match(meta.publisher.value).hasMatch())
        meta.publisher = { meta.siteName, u"og:site_name"_s };
    fromMeta(&meta.publisher, { u"og:site_name", u"application-name" }, QString());
    // The publisher named as the author ("BBC News", or the site's name cut short), a company
    // ("… GmbH, Munich") and placeholders ("No Author", "admin") are no byline.
    auto isNoByline = [&](const QString &byline) {
        static const QRegularExpression companyWord(
            u"(?:^|[\\s,])(?:gmbh|ag|kg|inc\\.?|ltd\\.?|llc|plc|s\\.l\\.|s\\.a\\.)(?:$|[\\s,])"_s,
            QRegularExpression::CaseInsensitiveOption);
        const QString b = folded(byline);
        const QString beforeComma = folded(byline.section(QLatin1Char(','), 0, 0)); // "Site, City, Country"
        for (const QString &site : { meta.publisher.value, meta.siteName }) {
            const QString s = folded(site);
            if ((s.size() >= 3 && (b == s || beforeComma == s)) || (b.size() >= 5 && s.startsWith(b)))
                return true;
        }
        return companyWord.match(byline).hasMatch() || b == u"noauthor"_s || b == u"unknown"_s
            || b == u"unknownauthor"_s || b == u"admin"_s || b == u"administrator"_s;
    };
    if (isNoByline(meta.byline.value)) {
        meta.byline = {};
        meta.authors.clear();
    }
    if (meta.authors.isEmpty()) {
        for (const char16_t *key :
             { u"author", u"article:author", u"sailthru.author", u"parsely-author", u"dc.creator" }) {
            const auto [value, k] = metaContent({ key });
            const QStringList names = namesOf(value);
            const QString byline = joinNames(names);
            if (!byline.isEmpty() && !looksLikeUrl(value) && !isNoByline(byline)) {
                meta.authors = names;
                meta.byline = { byline, (k.contains(QLatin1Char(':')) ? QString() : u"meta "_s) + k };
                break;
            }
        }
    }
    for (const char16_t *key : { u"og:description", u"description", u"twitter:description" }) {
        if (const QString d = metaContent({ key }).first; !d.isEmpty() && !meta.descriptions.contains(d))
            meta.descriptions.append(d);
    }
    fromMeta(&meta.published, { u"article:published_time" }, QString());
    fromMeta(&meta.published,
             { u"datePublished", u"date", u"pubdate", u"publishdate", u"dc.date", u"dcterms.date" },
             u"meta "_s);
    if (meta.published.isEmpty()) {
        if (const GumboNode *t = c.pubTime ? c.pubTime : c.firstTime)
            setIfEmpty(&meta.published, attribute(t, "datetime"), u"time datetime"_s);
    }
    fromMeta(&meta.section, { u"article:section" }, QString());
    if (c.canonical) {
        const QString href = attribute(c.canonical, "href").trimmed();
        if (href.startsWith(u"http"_s)) {
            meta.url.value.clear();
            setIfEmpty(&meta.url, href, u"link canonical"_s);
        }
    }
    fromMeta(&meta.url, { u"og:url" }, QString());
    if (c.titleElement)
        meta.documentTitle = textOf(c.titleElement);
    meta.publishedDate = parseDate(meta.published.value);
    // A date written in a form that cannot be read gives way to the next source that can be.
    if (!meta.published.isEmpty() && !meta.publishedDate.isValid()) {
        const auto [value, key] = metaContent({ u"article:published_time", u"datePublished", u"date",
                                                u"pubdate", u"publishdate", u"dc.date", u"dcterms.date" });
        const GumboNode *t = c.pubTime ? c.pubTime : c.firstTime;
        const QString fromTime = t ? attribute(t, "datetime") : QString();
        if (parseDate(value).isValid()) {
            meta.published = { value, (key.contains(QLatin1Char(':')) ? QString() : u"meta "_s) + key };
        } else if (parseDate(fromTime).isValid()) {
            meta.published = { fromTime.simplified(), u"time datetime"_s };
        }
        meta.publishedDate = parseDate(meta.published.value);
    }
    return meta;
}

} // namespace Lede
