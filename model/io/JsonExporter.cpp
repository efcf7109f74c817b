// SPDX-License-Identifier: GPL-3.0-or-later
#include "JsonExporter.h"

#include "TextOffsets.h"

#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

QJsonValue stringOrNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

} // namespace

QJsonObject JsonExporter::articleObject(const Article &article, const AnalysisResult &analysis)
{
    const CodePointMap map(article.body);
    QJsonArray quotes;
    for (const Quote &q : analysis.quotes) {
        const Span cp = map.toCodePoints(q.span);
        QJsonObject o{{u"start"_s, cp.start}, {u"end"_s, cp.end}, {u"text"_s, q.text},
                      {u"kind"_s, quoteKindName(q.kind)}, {u"speaker"_s, stringOrNull(q.speaker)},
                      {u"cue"_s, stringOrNull(q.cue)}};
        if (q.speakerSpan) {
            const Span s = map.toCodePoints(*q.speakerSpan);
            o.insert(u"speaker_start"_s, s.start);
            o.insert(u"speaker_end"_s, s.end);
        } else {
            o.insert(u"speaker_start"_s, QJsonValue::Null);
            o.insert(u"speaker_end"_s, QJsonValue::Null);
        }
        quotes.append(o);
    }
    QJsonArray entities;
    for (const Entity &e : analysis.entities) {
        const Span cp = map.toCodePoints(e.span);
        entities.append(QJsonObject{{u"start"_s, cp.start}, {u"end"_s, cp.end}, {u"text"_s, e.text},
                                    {u"type"_s, entityTypeName(e.type)},
                                    {u"canonical"_s, e.canonical.isEmpty() ? e.text : e.canonical}});
    }
    QJsonArray figures;
    for (const Figure &f : analysis.figures) {
        const Span cp = map.toCodePoints(f.span);
        figures.append(QJsonObject{{u"start"_s, cp.start}, {u"end"_s, cp.end}, {u"text"_s, f.text},
                                   {u"value"_s, f.value}, {u"unit"_s, f.unit},
                                   {u"qualifier"_s, stringOrNull(f.qualifier)},
                                   {u"attributed_to"_s, stringOrNull(f.attributedTo)}});
    }
    return QJsonObject{
        {u"path"_s, article.path},
        {u"title"_s, article.title},
        // DESIGN.md makes only `published` nullable among the parts: the others are strings,
        // empty when the article has none.
        {u"byline"_s, article.byline},
        {u"dateline"_s, article.dateline},
        {u"source"_s, article.source},
        {u"published"_s, article.published.isValid() ? QJsonValue(article.published.toString(Qt::ISODate))
                                                     : QJsonValue(QJsonValue::Null)},
        {u"body"_s, article.body},
        {u"quotes"_s, quotes},
        {u"entities"_s, entities},
        {u"figures"_s, figures},
    };
}

namespace {

// The writing rules of QJsonDocument::Indented: four spaces per level, keys in the order
// QJsonObject keeps them (sorted), "key": value, arrays and objects open on the same line and
// close on their own, an empty one as "[" newline indent "]".
class Writer
{
public:
    explicit Writer(QByteArray &out) : m_out(out) { }

    void indent(int level) { m_out.append(4 * level, ' '); }
    void key(int level, const char *name)
    {
        indent(level);
        m_out += '"';
        m_out += name;
        m_out += "\": ";
    }
    void string(const QString &s)
    {
        m_out += '"';
        const char16_t *p = reinterpret_cast<const char16_t *>(s.constData());
        const char16_t *const end = p + s.size();
        for (const char16_t *q = p; q < end; ++q) {
            if (QChar::isSurrogate(*q)) {
                // Pairs are written as UTF-8 and lone halves as Qt writes them: leave those rare
                // strings to Qt.
                m_out.chop(1);
                viaQt(s);
                return;
            }
        }
        const qsizetype start = m_out.size();
        m_out.reserve(start + s.size() * 3 + 2);
        while (p < end) {
            const char16_t *run = p;
            while (p < end && *p >= 0x20 && *p < 0x80 && *p != u'"' && *p != u'\\')
                ++p;
            if (p > run) {
                const qsizetype n = p - run;
                const qsizetype at = m_out.size();
                m_out.resize(at + n);
                char *dst = m_out.data() + at;
                for (qsizetype i = 0; i < n; ++i)
                    dst[i] = char(run[i]);
            }
            if (p == end)
                break;
            const char16_t c = *p++;
            if (c >= 0x80) {
                const char16_t *run2 = p - 1;
                while (p < end && *p >= 0x80)
                    ++p;
                m_out += QStringView(run2, p - run2).toUtf8();
                continue;
            }
            switch (c) {
            case u'"':
                m_out += "\\\"";
                break;
            case u'\\':
                m_out += "\\\\";
                break;
            case u'\b':
                m_out += "\\b";
                break;
            case u'\f':
                m_out += "\\f";
                break;
            case u'\n':
                m_out += "\\n";
                break;
            case u'\r':
                m_out += "\\r";
                break;
            case u'\t':
                m_out += "\\t";
                break;
            default: {
                static const char hex[] = "0123456789abcdef";
                const char esc[] = {'\\', 'u', '0', '0', hex[(c >> 4) & 0xf], hex[c & 0xf]};
                m_out.append(esc, 6);
            }
            }
        }
        m_out += '"';
    }
    void stringOrNull(const QString &s)
    {
        if (s.isEmpty())
            m_out += "null";
        else
            string(s);
    }
    void integer(qint64 v) { m_out += QByteArray::number(v); }
    void number(double d)
    {
        // QJsonValue keeps a double that holds a whole number exactly as an integer.
        if (std::isfinite(d) && d == std::trunc(d) && std::fabs(d) < 9007199254740992.0)
            integer(qint64(d));
        else
            viaQt(QJsonValue(d));
    }
    void raw(const char *s) { m_out += s; }

private:
    // What QJsonDocument writes for one value: the element of a one-element compact array.
    void viaQt(const QJsonValue &v)
    {
        const QByteArray a = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
        m_out += QByteArrayView(a).sliced(1, a.size() - 2);
    }

    QByteArray &m_out;
};

} // namespace

QByteArray JsonArticleStream::articleJson(const Article &article, const AnalysisResult &analysis)
{
    const CodePointMap map(article.body);
    QByteArray out;
    out.reserve(article.body.size() * 2 + 4096);
    Writer w(out);
    auto open = [&](int level, const char *name, bool empty) {
        w.key(level, name);
        w.raw("[\n");
        if (empty)
            w.indent(level);
    };
    // Items of an array at `level`: "{" at level + 1, members at level + 2.
    auto item = [&](int level, bool first) {
        if (!first)
            w.raw(",\n");
        w.indent(level + 1);
        w.raw("{\n");
    };
    auto endItem = [&](int level) {
        w.raw("\n");
        w.indent(level + 1);
        w.raw("}");
    };
    auto close = [&](int level, bool empty) {
        if (!empty) {
            w.raw("\n");
            w.indent(level);
        }
        w.raw("],\n");
    };
    auto span = [&](int level, Span cp, const char *between) {
        w.key(level, "end");
        w.integer(cp.end);
        w.raw(between);
    };
    w.indent(2);
    w.raw("{\n");
    w.key(3, "body");
    w.string(article.body);
    w.raw(",\n");
    w.key(3, "byline");
    w.string(article.byline);
    w.raw(",\n");
    w.key(3, "dateline");
    w.string(article.dateline);
    w.raw(",\n");

    open(3, "entities", analysis.entities.isEmpty());
    for (qsizetype i = 0; i < analysis.entities.size(); ++i) {
        const Entity &e = analysis.entities[i];
        const Span cp = map.toCodePoints(e.span);
        item(3, i == 0);
        w.key(5, "canonical");
        w.string(e.canonical.isEmpty() ? e.text : e.canonical);
        w.raw(",\n");
        span(5, cp, ",\n");
        w.key(5, "start");
        w.integer(cp.start);
        w.raw(",\n");
        w.key(5, "text");
        w.string(e.text);
        w.raw(",\n");
        w.key(5, "type");
        w.string(entityTypeName(e.type));
        endItem(3);
    }
    close(3, analysis.entities.isEmpty());

    open(3, "figures", analysis.figures.isEmpty());
    for (qsizetype i = 0; i < analysis.figures.size(); ++i) {
        const Figure &f = analysis.figures[i];
        const Span cp = map.toCodePoints(f.span);
        item(3, i == 0);
        w.key(5, "attributed_to");
        w.stringOrNull(f.attributedTo);
        w.raw(",\n");
        span(5, cp, ",\n");
        w.key(5, "qualifier");
        w.stringOrNull(f.qualifier);
        w.raw(",\n");
        w.key(5, "start");
        w.integer(cp.start);
        w.raw(",\n");
        w.key(5, "text");
        w.string(f.text);
        w.raw(",\n");
        w.key(5, "unit");
        w.string(f.unit);
        w.raw(",\n");
        w.key(5, "value");
        w.number(f.value);
        endItem(3);
    }
    close(3, analysis.figures.isEmpty());

    w.key(3, "path");
    w.string(article.path);
    w.raw(",\n");
    w.key(3, "published");
    if (article.published.isValid())
        w.string(article.published.toString(Qt::ISODate));
    else
        w.raw("null");
    w.raw(",\n");

    open(3, "quotes", analysis.quotes.isEmpty());
    for (qsizetype i = 0; i < analysis.quotes.size(); ++i) {
        const Quote &q = analysis.quotes[i];
        const Span cp = map.toCodePoints(q.span);
        item(3, i == 0);
        w.key(5, "cue");
        w.stringOrNull(q.cue);
        w.raw(",\n");
        span(5, cp, ",\n");
        w.key(5, "kind");
        w.string(quoteKindName(q.kind));
        w.raw(",\n");
        w.key(5, "speaker");
        w.stringOrNull(q.speaker);
        w.raw(",\n");
        if (q.speakerSpan) {
            const Span s = map.toCodePoints(*q.speakerSpan);
            w.key(5, "speaker_end");
            w.integer(s.end);
            w.raw(",\n");
            w.key(5, "speaker_start");
            w.integer(s.start);
        } else {
            w.key(5, "speaker_end");
            w.raw("null,\n");
            w.key(5, "speaker_start");
            w.raw("null");
        }
        w.raw(",\n");
        w.key(5, "start");
        w.integer(cp.start);
        w.raw(",\n");
        w.key(5, "text");
        w.string(q.text);
        endItem(3);
    }
    close(3, analysis.quotes.isEmpty());

    w.key(3, "source");
    w.string(article.source);
    w.raw(",\n");
    w.key(3, "title");
    w.string(article.title);
    w.raw("\n");
    w.indent(2);
    w.raw("}");
    return out;
}

JsonArticleStream::JsonArticleStream(QIODevice *device) : m_device(device)
{
    m_buffer = "{\n    \"articles\": [\n";
}

JsonArticleStream::~JsonArticleStream()
{
    if (!m_finished)
        (void)finish();
}

void JsonArticleStream::write(const Article &article, const AnalysisResult &analysis)
{
    if (m_count++ > 0)
        m_buffer += ",\n";
    m_buffer += articleJson(article, analysis);
    flush();
}

void JsonArticleStream::flush()
{
    if (!m_failed && !m_buffer.isEmpty() && m_device->write(m_buffer) != m_buffer.size())
        m_failed = true;
    m_buffer.clear();
}

Status JsonArticleStream::finish()
{
    if (m_finished)
        return m_failed ? Status::failure(m_device->errorString()) : Status();
    m_finished = true;
    m_buffer += m_count > 0 ? "\n    ]\n}\n" : "    ]\n}\n";
    flush();
    return m_failed ? Status::failure(m_device->errorString()) : Status();
}

} // namespace Lede
