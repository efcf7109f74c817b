// SPDX-License-Identifier: GPL-3.0-or-later
#include "JsonExporter.h"

#include "TextOffsets.h"

#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

QJsonValue stringOrNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

// The file an article came from: for a story of a multi-article file its path without "#N".
QString jsonPath(const Article &article)
{
    const int index = articleIndex(article);
    const QString suffix = u'#' + QString::number(index);
    if (index > 0 && article.path.endsWith(suffix))
        return article.path.chopped(suffix.size());
    return article.path;
}

} // namespace

QJsonObject JsonExporter::articleObject(const Article &article, const AnalysisResult &analysis)
{
    const CodePointMap map(article.body);
    QJsonArray quotes;
    for (const Quote &q : analysis.quotes) {
        const Span cp = map.toCodePoints(q.span);
        QJsonObject o { { u"start"_s, cp.start },
                        { u"end"_s, cp.end },
                        { u"text"_s, q.text },
                        { u"kind"_s, quoteKindName(q.kind) },
                        { u"speaker"_s, stringOrNull(q.speaker) },
                        { u"cue"_s, stringOrNull(q.cue) } };
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
        entities.append(QJsonObject { { u"start"_s, cp.start },
                                      { u"end"_s, cp.end },
                                      { u"text"_s, e.text },
                                      { u"type"_s, entityTypeName(e.type) },
                                      { u"canonical"_s, e.canonical.isEmpty() ? e.text : e.canonical } });
    }
    QJsonArray figures;
    for (const Figure &f : analysis.figures) {
        const Span cp = map.toCodePoints(f.span);
        figures.append(QJsonObject { { u"start"_s, cp.start },
                                     { u"end"_s, cp.end },
                                     { u"text"_s, f.text },
                                     { u"value"_s, f.value },
                                     { u"unit"_s, f.unit },
                                     { u"qualifier"_s, stringOrNull(f.qualifier) },
                                     { u"attributed_to"_s, stringOrNull(f.attributedTo) } });
    }
    QJsonObject metadata;
    for (auto it = article.metadata.begin(); it != article.metadata.end(); ++it)
        metadata.insert(it.key(), it.value());
    const int index = articleIndex(article);
    return QJsonObject {
        { u"path"_s, jsonPath(article) },
        // Additions of issue 7: where the article came from.
        { u"url"_s, stringOrNull(article.url) },
        { u"format"_s, stringOrNull(articleFormat(article)) },
        { u"index"_s, index > 0 ? QJsonValue(index) : QJsonValue(QJsonValue::Null) },
        { u"metadata"_s, metadata },
        { u"title"_s, article.title },
        // DESIGN.md makes only `published` nullable among the parts: the others are strings,
        // empty when the article has none.
        { u"byline"_s, article.byline },
        { u"dateline"_s, article.dateline },
        { u"source"_s, article.source },
        { u"published"_s,
          article.published.isValid() ? QJsonValue(article.published.toString(Qt::ISODate))
                                      : QJsonValue(QJsonValue::Null) },
        { u"body"_s, article.body },
        { u"quotes"_s, quotes },
        { u"entities"_s, entities },
        { u"figures"_s, figures },
    };
}

namespace {

// The writing rules of QJsonDocument::Indented: four spaces per level, keys in the order
// QJsonObject keeps them (sorted), "key": value, arrays and objects open on the same line and
// close on their own, an empty one as "[" newline indent "]".
class Writer
{
public:
    // Appends to `out`, which holds spare room while the writer works: finish() cuts it to what was
    // written. (QByteArray::append goes through an out-of-line insert(): ~3% of lede analyze.)
    explicit Writer(QByteArray &out)
        : m_out(out)
        , m_len(out.size())
    {
        m_out.resize(std::max<qsizetype>(m_out.capacity(), m_len + 4096));
        m_buf = m_out.data();
    }
    Writer(const Writer &) = delete;
    Writer &operator=(const Writer &) = delete;

    void finish() { m_out.resize(m_len); }

    void indent(int level)
    {
        const qsizetype n = 4 * qsizetype(level);
        char *dst = room(n);
        std::fill(dst, dst + n, ' ');
        m_len += n;
    }
    // A member's key: ",\n" before it unless it is the first, the indent, "name": (with one room()).
    void key(int level, const char *name, bool first)
    {
        const qsizetype len = qsizetype(std::strlen(name));
        const qsizetype spaces = 4 * qsizetype(level);
        char *const begin = room(2 + spaces + len + 4);
        char *dst = begin;
        if (!first) {
            *dst++ = ',';
            *dst++ = '\n';
        }
        for (qsizetype k = 0; k < spaces; ++k)
            *dst++ = ' ';
        *dst++ = '"';
        std::memcpy(dst, name, size_t(len));
        dst += len;
        *dst++ = '"';
        *dst++ = ':';
        *dst++ = ' ';
        m_len += dst - begin;
    }
    // Whether the four UTF-16 units at p are all written as they are: 0x20-0x7f but '"' and '\\'
    // (the test of string()'s first branch, on four units in one 64-bit word).
    static bool fourPlain(const char16_t *p)
    {
        constexpr quint64 ones = 0x0001000100010001ULL;
        constexpr quint64 highs = 0x8000800080008000ULL;
        quint64 v;
        std::memcpy(&v, p, sizeof v);
        if (v & (0xff80 * ones))
            return false; // a unit of 0x80 or more
        if (((v + 0x60 * ones) & (0x80 * ones)) != 0x80 * ones)
            return false; // a unit below 0x20
        const auto hasUnit = [&](quint64 unit) {
            const quint64 x = v ^ (unit * ones); // a zero lane where the unit is
            return ((x - ones) & ~x & highs) != 0;
        };
        return !hasUnit(u'"') && !hasUnit(u'\\');
    }
    void string(const QString &s)
    {
        const char16_t *p = reinterpret_cast<const char16_t *>(s.constData());
        const char16_t *const end = p + s.size();
        // Without surrogates every character is one to three bytes of UTF-8, an escape at most six.
        // What is written counts only once m_len moves past it, at the end.
        char *const begin = room(s.size() * 6 + 2);
        char *dst = begin;
        *dst++ = '"';
        for (; p < end; ++p) {
            // Runs of characters written as they are, eight and then four at a time.
#ifdef __SSE2__
            while (end - p >= 8) {
                // 0x20-0x7f but '"' and '\\' (signed compares: units from 0x8000 are negative).
                const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
                const __m128i inRange = _mm_and_si128(_mm_cmpgt_epi16(v, _mm_set1_epi16(0x1f)),
                                                      _mm_cmplt_epi16(v, _mm_set1_epi16(0x80)));
                const __m128i special = _mm_or_si128(_mm_cmpeq_epi16(v, _mm_set1_epi16('"')),
                                                     _mm_cmpeq_epi16(v, _mm_set1_epi16('\\')));
                if (_mm_movemask_epi8(_mm_andnot_si128(special, inRange)) != 0xffff)
                    break;
                _mm_storel_epi64(reinterpret_cast<__m128i *>(dst), _mm_packus_epi16(v, v));
                dst += 8;
                p += 8;
            }
#endif
            while (end - p >= 4 && fourPlain(p)) {
                dst[0] = char(p[0]);
                dst[1] = char(p[1]);
                dst[2] = char(p[2]);
                dst[3] = char(p[3]);
                dst += 4;
                p += 4;
            }
            if (p == end)
                break;
            const char16_t c = *p;
            if (c >= 0x20 && c < 0x80 && c != u'"' && c != u'\\') {
                *dst++ = char(c);
            } else if (c >= 0x800) {
                if (QChar::isSurrogate(c)) {
                    // Pairs are written as UTF-8 and lone halves as Qt writes them: those rare
                    // strings go to Qt, over what this loop wrote.
                    viaQt(s);
                    return;
                }
                *dst++ = char(0xe0 | (c >> 12));
                *dst++ = char(0x80 | ((c >> 6) & 0x3f));
                *dst++ = char(0x80 | (c & 0x3f));
            } else if (c >= 0x80) {
                *dst++ = char(0xc0 | (c >> 6));
                *dst++ = char(0x80 | (c & 0x3f));
            } else {
                *dst++ = '\\';
                switch (c) {
                case u'"':
                    *dst++ = '"';
                    break;
                case u'\\':
                    *dst++ = '\\';
                    break;
                case u'\b':
                    *dst++ = 'b';
                    break;
                case u'\f':
                    *dst++ = 'f';
                    break;
                case u'\n':
                    *dst++ = 'n';
                    break;
                case u'\r':
                    *dst++ = 'r';
                    break;
                case u'\t':
                    *dst++ = 't';
                    break;
                default: {
                    static const char hex[] = "0123456789abcdef";
                    *dst++ = 'u';
                    *dst++ = '0';
                    *dst++ = '0';
                    *dst++ = hex[(c >> 4) & 0xf];
                    *dst++ = hex[c & 0xf];
                }
                }
            }
        }
        *dst++ = '"';
        m_len += dst - begin;
    }
    void stringOrNull(const QString &s)
    {
        if (s.isEmpty())
            put("null", 4);
        else
            string(s);
    }
    void integer(qint64 v)
    {
        char *const dst = room(24);
        m_len += std::to_chars(dst, dst + 24, v).ptr - dst;
    }
    void number(double d)
    {
        // QJsonValue keeps a double that holds a whole number exactly as an integer.
        if (std::isfinite(d) && d == std::trunc(d) && std::fabs(d) < 9007199254740992.0)
            integer(qint64(d));
        else
            viaQt(QJsonValue(d));
    }
    void raw(const char *s)
    {
        put(s, qsizetype(std::strlen(s)));
    }

private:
    // Room for n more bytes at the end of what is written; the caller adds what it used to m_len.
    char *room(qsizetype n)
    {
        if (m_len + n > m_out.size()) {
            m_out.resize(std::max(2 * m_out.size(), m_len + n + 4096));
            m_buf = m_out.data();
        }
        return m_buf + m_len;
    }
    void put(char c)
    {
        *room(1) = c;
        ++m_len;
    }
    void put(const char *s, qsizetype n)
    {
        std::memcpy(room(n), s, size_t(n));
        m_len += n;
    }
    // What QJsonDocument writes for one value: the element of a one-element compact array.
    void viaQt(const QJsonValue &v)
    {
        const QByteArray a = QJsonDocument(QJsonArray { v }).toJson(QJsonDocument::Compact);
        put(a.constData() + 1, a.size() - 2);
    }

    QByteArray &m_out;
    qsizetype m_len; // bytes written; m_out's size beyond it is spare room
    char *m_buf = nullptr; // m_out.data()
};

// One JSON object being written: members at `level`, separated as QJsonDocument separates them.
class ObjectWriter
{
public:
    ObjectWriter(Writer &w, int level)
        : m_w(w)
        , m_level(level)
    {
        m_w.indent(level - 1);
        m_w.raw("{\n");
    }
    ~ObjectWriter()
    {
        m_w.raw("\n");
        m_w.indent(m_level - 1);
        m_w.raw("}");
    }
    ObjectWriter(const ObjectWriter &) = delete;
    ObjectWriter &operator=(const ObjectWriter &) = delete;

    void string(const char *key, const QString &value) { this->key(key).string(value); }
    void stringOrNull(const char *key, const QString &value) { this->key(key).stringOrNull(value); }
    void integer(const char *key, qint64 value) { this->key(key).integer(value); }
    void number(const char *key, double value) { this->key(key).number(value); }
    void null(const char *key) { this->key(key).raw("null"); }
    // An object of strings, its members sorted as QJsonObject sorts them.
    void stringMap(const char *key, const QMap<QString, QString> &map)
    {
        this->key(key).raw("{\n");
        bool first = true;
        for (auto it = map.begin(); it != map.end(); ++it) {
            if (!first)
                m_w.raw(",\n");
            first = false;
            m_w.indent(m_level + 1);
            m_w.string(it.key());
            m_w.raw(": ");
            m_w.string(it.value());
        }
        if (!map.isEmpty())
            m_w.raw("\n");
        m_w.indent(m_level);
        m_w.raw("}");
    }
    // An array of objects, one per item, each written by write(ObjectWriter &, const T &).
    template<typename T, typename F> void array(const char *key, const QList<T> &items, const F &write)
    {
        this->key(key).raw("[\n");
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (i > 0)
                m_w.raw(",\n");
            ObjectWriter item(m_w, m_level + 2);
            write(item, items[i]);
        }
        if (!items.isEmpty())
            m_w.raw("\n");
        m_w.indent(m_level);
        m_w.raw("]");
    }

private:
    Writer &key(const char *name)
    {
        m_w.key(m_level, name, m_first);
        m_first = false;
        return m_w;
    }

    Writer &m_w;
    int m_level;
    bool m_first = true;
};

void writeArticle(ObjectWriter &&o, const CodePointMap &map, const Article &article,
                  const AnalysisResult &analysis);

} // namespace

QByteArray JsonArticleStream::articleJson(const Article &article, const AnalysisResult &analysis)
{
    const CodePointMap map(article.body);
    QByteArray out;
    out.reserve(article.body.size() * 2 + 4096);
    Writer w(out);
    writeArticle(ObjectWriter(w, 3), map, article, analysis);
    w.finish();
    return out;
}

namespace {

void writeArticle(ObjectWriter &&o, const CodePointMap &map, const Article &article,
                  const AnalysisResult &analysis)
{
    // Members in the order QJsonObject keeps them (sorted by key).
    o.string("body", article.body);
    o.string("byline", article.byline);
    o.string("dateline", article.dateline);
    o.array("entities", analysis.entities, [&](ObjectWriter &e, const Entity &x) {
        const Span cp = map.toCodePoints(x.span);
        e.string("canonical", x.canonical.isEmpty() ? x.text : x.canonical);
        e.integer("end", cp.end);
        e.integer("start", cp.start);
        e.string("text", x.text);
        e.string("type", entityTypeName(x.type));
    });
    o.array("figures", analysis.figures, [&](ObjectWriter &f, const Figure &x) {
        const Span cp = map.toCodePoints(x.span);
        f.stringOrNull("attributed_to", x.attributedTo);
        f.integer("end", cp.end);
        f.stringOrNull("qualifier", x.qualifier);
        f.integer("start", cp.start);
        f.string("text", x.text);
        f.string("unit", x.unit);
        f.number("value", x.value);
    });
    o.stringOrNull("format", articleFormat(article));
    if (const int index = articleIndex(article); index > 0)
        o.integer("index", index);
    else
        o.null("index");
    o.stringMap("metadata", article.metadata);
    o.string("path", jsonPath(article));
    if (article.published.isValid())
        o.string("published", article.published.toString(Qt::ISODate));
    else
        o.null("published");
    o.array("quotes", analysis.quotes, [&](ObjectWriter &q, const Quote &x) {
        const Span cp = map.toCodePoints(x.span);
        q.stringOrNull("cue", x.cue);
        q.integer("end", cp.end);
        q.string("kind", quoteKindName(x.kind));
        q.stringOrNull("speaker", x.speaker);
        if (x.speakerSpan) {
            const Span sp = map.toCodePoints(*x.speakerSpan);
            q.integer("speaker_end", sp.end);
            q.integer("speaker_start", sp.start);
        } else {
            q.null("speaker_end");
            q.null("speaker_start");
        }
        q.integer("start", cp.start);
        q.string("text", x.text);
    });
    o.string("source", article.source);
    o.string("title", article.title);
    o.stringOrNull("url", article.url);
}

} // namespace

JsonArticleStream::JsonArticleStream(QIODevice *device)
    : m_device(device)
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
    const QByteArray json = articleJson(article, analysis);
    // A large article (its JSON is several times its body) goes out as it is, after the separator,
    // instead of being copied behind it first; a small one still leaves in one write with it.
    if (json.size() >= kDirectWriteSize) {
        flush();
        if (!m_failed && m_device->write(json) != json.size())
            m_failed = true;
        return;
    }
    m_buffer += json;
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
