// SPDX-License-Identifier: GPL-3.0-or-later
#include "PageMetadata.h"

#include "GumboNodes.h"
#include "io/WireCopyParser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

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
        }
        for (const QJsonObject &o : std::as_const(objects)) {
            if (isArticle(o))
                readArticle(o);
        }
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
                const QString n = name(a);
                if (!n.isEmpty() && !looksLikeUrl(n) && !names.contains(n))
                    names.append(n);
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
    return WireCopyParser::parseDateLine(v);
}

PageMetadata PageMetadata::read(const GumboInternalNode *document)
{
    PageMetadata meta;
    Collected c;
    collect(document, &c);
    JsonLdReader jsonLd(&meta);
    for (const QString &script : std::as_const(c.jsonLd))
        jsonLd.read(script);

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
    fromMeta(&meta.title, { u"og:title", u"twitter:title" }, QString());
    if (meta.authors.isEmpty()) {
        for (const char16_t *key :
             { u"author", u"article:author", u"sailthru.author", u"parsely-author", u"dc.creator" }) {
            const auto [value, k] = metaContent({ key });
            if (!value.isEmpty() && !looksLikeUrl(value)) {
                meta.authors = { value };
                meta.byline = { value, (k.contains(QLatin1Char(':')) ? QString() : u"meta "_s) + k };
                break;
            }
        }
    }
    meta.siteName = metaContent({ u"og:site_name" }).first;
    for (const char16_t *key : { u"og:description", u"description", u"twitter:description" }) {
        if (const QString d = metaContent({ key }).first; !d.isEmpty() && !meta.descriptions.contains(d))
            meta.descriptions.append(d);
    }
    fromMeta(&meta.publisher, { u"og:site_name", u"application-name" }, QString());
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
    return meta;
}

} // namespace Lede
