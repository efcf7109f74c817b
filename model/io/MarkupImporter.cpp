// SPDX-License-Identifier: GPL-3.0-or-later
#include "MarkupImporter.h"

#include "TextDecoder.h"

#include <QHash>
#include <QRegularExpression>

#include <utility>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

QRegularExpression makeRegex(const QString &pattern, bool caseInsensitive = false)
{
    QRegularExpression::PatternOptions options = QRegularExpression::UseUnicodePropertiesOption;
    if (caseInsensitive)
        options |= QRegularExpression::CaseInsensitiveOption;
    QRegularExpression re(pattern, options);
    Q_ASSERT_X(re.isValid(), "MarkupImporter", qPrintable(re.errorString()));
    return re;
}

QDate parseLooseDate(const QString &value)
{
    const QString v = value.trimmed();
    if (v.size() >= 10) {
        const QDate iso = QDate::fromString(v.left(10), Qt::ISODate);
        if (iso.isValid())
            return iso;
    }
    return WireCopyParser::parseDateLine(v);
}

QString unquote(QString value)
{
    value = value.trimmed();
    if (value.size() >= 2
        && ((value.front() == QLatin1Char('"') && value.back() == QLatin1Char('"'))
            || (value.front() == QLatin1Char('\'') && value.back() == QLatin1Char('\''))))
        value = value.mid(1, value.size() - 2);
    return value;
}

// ---- Markdown ----------------------------------------------------------------------------------

// Backslash-escaped punctuation is parked in the Private Use Area so that the emphasis and link
// patterns cannot see it, then put back.
constexpr char16_t EscapeBase = 0xE000;

QString markdownInline(const QString &line)
{
    static const QRegularExpression escape = makeRegex(u"\\\\([!-/:-@\\[-`{-~])"_s);
    static const QRegularExpression image = makeRegex(u"!\\[([^\\]]*)\\]\\([^)]*\\)"_s);
    static const QRegularExpression link = makeRegex(
        u"\\[([^\\]]+)\\]\\((?:<[^>]*>|[^()\\s]*(?:\\([^()\\s]*\\)[^()\\s]*)*)(?:\\s+(?:\"[^\"]*\"|'[^']*'))?\\s*\\)"_s);
    static const QRegularExpression refLink = makeRegex(u"\\[([^\\]]+)\\]\\[[^\\]]*\\]"_s);
    static const QRegularExpression autoLink = makeRegex(u"<((?:https?://|mailto:)[^>\\s]+)>"_s);
    static const QRegularExpression code = makeRegex(u"(`+)(.+?)\\1"_s);
    static const QRegularExpression strongStar = makeRegex(u"\\*\\*(?=\\S)(.+?)(?<=\\S)\\*\\*"_s);
    static const QRegularExpression strongUnderscore =
        makeRegex(u"(?<![\\p{L}\\p{N}_])__(?=\\S)(.+?)(?<=\\S)__(?![\\p{L}\\p{N}_])"_s);
    static const QRegularExpression emStar =
        makeRegex(u"(?<![\\p{L}\\p{N}*])\\*(?=[^\\s*])(.+?)(?<=[^\\s*])\\*(?![\\p{L}\\p{N}*])"_s);
    static const QRegularExpression emUnderscore =
        makeRegex(u"(?<![\\p{L}\\p{N}_])_(?=[^\\s_])(.+?)(?<=[^\\s_])_(?![\\p{L}\\p{N}_])"_s);
    static const QRegularExpression strike = makeRegex(u"~~(?=\\S)(.+?)(?<=\\S)~~"_s);

    QString s = line;
    // Escapes first, by hand: QString::replace cannot compute a replacement per match.
    {
        QString out;
        qsizetype last = 0;
        auto it = escape.globalMatch(s);
        while (it.hasNext()) {
            const auto m = it.next();
            out += QStringView(s).mid(last, m.capturedStart() - last);
            out += QChar(char16_t(EscapeBase + m.captured(1).front().unicode()));
            last = m.capturedEnd();
        }
        out += QStringView(s).mid(last);
        s = out;
    }
    s.replace(image, QString());
    s.replace(link, u"\\1"_s);
    s.replace(refLink, u"\\1"_s);
    s.replace(autoLink, u"\\1"_s);
    s.replace(code, u"\\2"_s);
    s.replace(strongStar, u"\\1"_s);
    s.replace(strongUnderscore, u"\\1"_s);
    s.replace(emStar, u"\\1"_s);
    s.replace(emUnderscore, u"\\1"_s);
    s.replace(strike, u"\\1"_s);
    for (QChar &c : s) {
        if (c.unicode() > EscapeBase && c.unicode() < EscapeBase + 0x80)
            c = QChar(char16_t(c.unicode() - EscapeBase));
    }
    return s;
}

void readFrontMatter(const QStringList &lines, qsizetype end, WireCopyParser::Hints *hints)
{
    static const QRegularExpression keyValue = makeRegex(u"^([A-Za-z_]+)\\s*:\\s*(.*)$"_s);
    for (qsizetype i = 1; i < end; ++i) {
        const auto m = keyValue.match(lines[i]);
        if (!m.hasMatch())
            continue;
        const QString key = m.captured(1).toLower();
        QString value = unquote(m.captured(2));
        if (key == u"title"_s) {
            hints->title = value;
        } else if (key == u"author"_s || key == u"authors"_s || key == u"byline"_s) {
            if (value.startsWith(QLatin1Char('[')) && value.endsWith(QLatin1Char(']'))) {
                QStringList names;
                for (const QString &n : value.mid(1, value.size() - 2).split(QLatin1Char(',')))
                    names.append(unquote(n));
                names.removeAll(QString());
                value = names.size() <= 1 ? names.value(0)
                                          : names.mid(0, names.size() - 1).join(u", "_s) + u" and "_s + names.last();
            }
            hints->byline = value;
        } else if (key == u"date"_s || key == u"published"_s) {
            hints->published = parseLooseDate(value);
        } else if (key == u"source"_s || key == u"publisher"_s) {
            hints->source = value;
        }
    }
}

// ---- HTML --------------------------------------------------------------------------------------

const QHash<QString, char32_t> &namedEntities()
{
    static const QHash<QString, char32_t> table = [] {
        QHash<QString, char32_t> t = {
            {u"amp"_s, '&'},        {u"lt"_s, '<'},         {u"gt"_s, '>'},         {u"quot"_s, '"'},
            {u"apos"_s, '\''},      {u"ndash"_s, 0x2013},   {u"mdash"_s, 0x2014},   {u"hellip"_s, 0x2026},
            {u"lsquo"_s, 0x2018},   {u"rsquo"_s, 0x2019},   {u"sbquo"_s, 0x201A},   {u"ldquo"_s, 0x201C},
            {u"rdquo"_s, 0x201D},   {u"bdquo"_s, 0x201E},   {u"lsaquo"_s, 0x2039},  {u"rsaquo"_s, 0x203A},
            {u"bull"_s, 0x2022},    {u"dagger"_s, 0x2020},  {u"Dagger"_s, 0x2021},  {u"permil"_s, 0x2030},
            {u"prime"_s, 0x2032},   {u"Prime"_s, 0x2033},   {u"minus"_s, 0x2212},   {u"euro"_s, 0x20AC},
            {u"trade"_s, 0x2122},   {u"ensp"_s, 0x2002},    {u"emsp"_s, 0x2003},    {u"thinsp"_s, 0x2009},
            {u"zwnj"_s, 0x200C},    {u"zwj"_s, 0x200D},     {u"lrm"_s, 0x200E},     {u"rlm"_s, 0x200F},
            {u"OElig"_s, 0x0152},   {u"oelig"_s, 0x0153},   {u"Scaron"_s, 0x0160},  {u"scaron"_s, 0x0161},
            {u"Yuml"_s, 0x0178},    {u"fnof"_s, 0x0192},    {u"circ"_s, 0x02C6},    {u"tilde"_s, 0x02DC},
            {u"larr"_s, 0x2190},    {u"rarr"_s, 0x2192},    {u"uarr"_s, 0x2191},    {u"darr"_s, 0x2193},
            {u"nbsp"_s, 0x00A0},    {u"NewLine"_s, '\n'},   {u"Tab"_s, '\t'},
        };
        // Latin-1 0xA1-0xFF have systematic names; list them in code point order.
        static const char *const latin1[] = {
            "iexcl",  "cent",   "pound",  "curren", "yen",    "brvbar", "sect",   "uml",    "copy",   "ordf",
            "laquo",  "not",    "shy",    "reg",    "macr",   "deg",    "plusmn", "sup2",   "sup3",   "acute",
            "micro",  "para",   "middot", "cedil",  "sup1",   "ordm",   "raquo",  "frac14", "frac12", "frac34",
            "iquest", "Agrave", "Aacute", "Acirc",  "Atilde", "Auml",   "Aring",  "AElig",  "Ccedil", "Egrave",
            "Eacute", "Ecirc",  "Euml",   "Igrave", "Iacute", "Icirc",  "Iuml",   "ETH",    "Ntilde", "Ograve",
            "Oacute", "Ocirc",  "Otilde", "Ouml",   "times",  "Oslash", "Ugrave", "Uacute", "Ucirc",  "Uuml",
            "Yacute", "THORN",  "szlig",  "agrave", "aacute", "acirc",  "atilde", "auml",   "aring",  "aelig",
            "ccedil", "egrave", "eacute", "ecirc",  "euml",   "igrave", "iacute", "icirc",  "iuml",   "eth",
            "ntilde", "ograve", "oacute", "ocirc",  "otilde", "ouml",   "divide", "oslash", "ugrave", "uacute",
            "ucirc",  "uuml",   "yacute", "thorn",  "yuml"};
        char32_t cp = 0xA1;
        for (const char *name : latin1)
            t.insert(QString::fromLatin1(name), cp++);
        return t;
    }();
    return table;
}

void appendCodePoint(QString *out, char32_t cp)
{
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = 0xFFFD;
    if (cp >= 0x80 && cp <= 0x9F) {
        const char byte = static_cast<char>(cp);
        *out += TextDecoder::decodeWindows1252(QByteArrayView(&byte, 1));
        return;
    }
    *out += QString::fromUcs4(&cp, 1);
}

bool isAsciiWhitespace(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\n') || c == QLatin1Char('\r')
        || c == QLatin1Char('\f');
}

struct Tag
{
    QString name; // lower case
    bool closing = false;
    bool selfClosing = false;
    QString attributes;
};

QString attribute(const QString &attributes, const QString &name)
{
    static const QRegularExpression re =
        makeRegex(u"([^\\s=/>]+)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+)))?"_s);
    auto it = re.globalMatch(attributes);
    while (it.hasNext()) {
        const auto m = it.next();
        if (m.captured(1).compare(name, Qt::CaseInsensitive) == 0) {
            for (int g = 2; g <= 4; ++g) {
                if (m.capturedStart(g) >= 0)
                    return MarkupImporter::decodeEntities(m.captured(g));
            }
            return {};
        }
    }
    return {};
}

class HtmlScanner final
{
public:
    explicit HtmlScanner(const QString &html) : m_src(html)
    {
        static const QRegularExpression articleTag = makeRegex(u"<article[\\s>]"_s, true);
        m_hasArticle = articleTag.match(html).hasMatch();
    }

    MarkupImporter::Converted run()
    {
        while (m_pos < m_src.size()) {
            const qsizetype lt = m_src.indexOf(QLatin1Char('<'), m_pos);
            const qsizetype textEnd = lt < 0 ? m_src.size() : lt;
            if (textEnd > m_pos)
                text(MarkupImporter::decodeEntities(QStringView(m_src).mid(m_pos, textEnd - m_pos)));
            if (lt < 0)
                break;
            m_pos = lt;
            markup();
        }
        MarkupImporter::Converted result;
        result.text = m_out;
        TextDecoder::trim(&result.text, &m_headings);
        result.hints.headings = m_headings;
        const QString h1 = m_h1.simplified();
        result.hints.title = !h1.isEmpty() ? h1 : !m_ogTitle.isEmpty() ? m_ogTitle : m_title;
        result.hints.byline = m_author;
        result.hints.source = m_siteName;
        result.hints.published = m_published;
        return result;
    }

private:
    bool emitting() const { return m_skipDepth == 0 && !m_inHead && (!m_hasArticle || m_articleDepth > 0); }

    void breakLines(int n) { m_pendingBreak = std::max(m_pendingBreak, n); }

    void text(const QString &chunk)
    {
        if (!emitting())
            return;
        if (m_capturingH1) {
            m_h1 += chunk;
            return;
        }
        for (const QChar c : chunk) {
            if (m_preDepth == 0 && isAsciiWhitespace(c)) {
                m_pendingSpace = true;
                continue;
            }
            if (m_pendingBreak > 0 && !m_out.isEmpty()) {
                qsizetype trailing = 0;
                while (trailing < m_out.size() && m_out[m_out.size() - 1 - trailing] == QLatin1Char('\n'))
                    ++trailing;
                for (qsizetype i = trailing; i < m_pendingBreak; ++i)
                    m_out += QLatin1Char('\n');
            } else if (m_pendingSpace && !m_out.isEmpty() && m_out.back() != QLatin1Char('\n')) {
                m_out += QLatin1Char(' ');
            }
            m_pendingBreak = 0;
            m_pendingSpace = false;
            if (m_headingStart == PendingHeading)
                m_headingStart = m_out.size();
            m_out += c;
        }
    }

    // At m_pos there is a '<'.
    void markup()
    {
        const QStringView rest = QStringView(m_src).mid(m_pos);
        if (rest.startsWith(u"<!--")) {
            const qsizetype end = m_src.indexOf(u"-->"_s, m_pos + 4);
            m_pos = end < 0 ? m_src.size() : end + 3;
            return;
        }
        if (rest.startsWith(u"<!") || rest.startsWith(u"<?")) {
            const qsizetype end = m_src.indexOf(QLatin1Char('>'), m_pos);
            m_pos = end < 0 ? m_src.size() : end + 1;
            return;
        }
        const bool closing = rest.size() > 1 && rest[1] == QLatin1Char('/');
        const qsizetype nameStart = m_pos + (closing ? 2 : 1);
        if (nameStart >= m_src.size() || !m_src[nameStart].isLetter() || m_src[nameStart].unicode() > 0x7F) {
            text(u"<"_s); // a stray '<' in text
            ++m_pos;
            return;
        }
        // Find the end of the tag, skipping quoted attribute values.
        qsizetype i = nameStart;
        QChar quote;
        for (; i < m_src.size(); ++i) {
            const QChar c = m_src[i];
            if (!quote.isNull()) {
                if (c == quote)
                    quote = QChar();
            } else if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
                quote = c;
            } else if (c == QLatin1Char('>')) {
                break;
            }
        }
        qsizetype nameEnd = nameStart;
        while (nameEnd < i && (m_src[nameEnd].isLetterOrNumber() || m_src[nameEnd] == QLatin1Char('-')
                               || m_src[nameEnd] == QLatin1Char(':')))
            ++nameEnd;
        Tag tag;
        tag.name = m_src.mid(nameStart, nameEnd - nameStart).toLower();
        tag.closing = closing;
        tag.attributes = m_src.mid(nameEnd, i - nameEnd);
        tag.selfClosing = tag.attributes.trimmed().endsWith(QLatin1Char('/'));
        m_pos = std::min(i + 1, m_src.size());
        handle(tag);
    }

    // Skips to after </name>, returning the raw text in between.
    QString rawText(const QString &name)
    {
        const QRegularExpression end = makeRegex(u"</%1[\\s>/]"_s.arg(name), true);
        const auto m = end.match(m_src, m_pos);
        const qsizetype stop = m.hasMatch() ? m.capturedStart() : m_src.size();
        const QString raw = m_src.mid(m_pos, stop - m_pos);
        if (m.hasMatch()) {
            const qsizetype gt = m_src.indexOf(QLatin1Char('>'), stop);
            m_pos = gt < 0 ? m_src.size() : gt + 1;
        } else {
            m_pos = m_src.size();
        }
        return raw;
    }

    void handle(const Tag &tag)
    {
        static const QStringList rawSkipped = {u"script"_s, u"style"_s, u"noscript"_s, u"textarea"_s, u"xmp"_s};
        static const QStringList skipped = {u"template"_s, u"nav"_s,    u"aside"_s,  u"form"_s,
                                            u"button"_s,   u"select"_s, u"svg"_s,    u"iframe"_s,
                                            u"object"_s,   u"canvas"_s, u"video"_s,  u"audio"_s};
        static const QStringList blocks = {
            u"p"_s,       u"div"_s,     u"li"_s,     u"ul"_s,      u"ol"_s,         u"dl"_s,      u"dt"_s,
            u"dd"_s,      u"blockquote"_s, u"section"_s, u"article"_s, u"header"_s, u"footer"_s, u"main"_s,
            u"table"_s,   u"figure"_s,  u"figcaption"_s, u"address"_s, u"hr"_s, u"pre"_s,     u"details"_s,
            u"summary"_s, u"h1"_s,      u"h2"_s,     u"h3"_s,      u"h4"_s,         u"h5"_s,      u"h6"_s,
            u"body"_s,    u"html"_s,    u"center"_s, u"caption"_s};
        const QString &n = tag.name;

        if (!tag.closing) {
            if (rawSkipped.contains(n)) {
                if (!tag.selfClosing)
                    rawText(n);
                return;
            }
            if (n == u"title"_s) {
                const QString t = MarkupImporter::decodeEntities(rawText(n)).simplified();
                if (m_title.isEmpty())
                    m_title = t;
                return;
            }
            if (n == u"meta"_s) {
                meta(tag);
                return;
            }
        }
        if (n == u"head"_s) {
            m_inHead = !tag.closing;
            return;
        }
        if (n == u"body"_s)
            m_inHead = false;
        if (skipped.contains(n)) {
            if (tag.closing)
                m_skipDepth = std::max(0, m_skipDepth - 1);
            else if (!tag.selfClosing)
                ++m_skipDepth;
            return;
        }
        if (n == u"article"_s)
            m_articleDepth = std::max(0, m_articleDepth + (tag.closing ? -1 : 1));
        if (n == u"pre"_s)
            m_preDepth = std::max(0, m_preDepth + (tag.closing ? -1 : 1));

        const bool heading = n.size() == 2 && n[0] == QLatin1Char('h') && n[1] >= QLatin1Char('1')
            && n[1] <= QLatin1Char('6');
        if (heading)
            handleHeading(tag);
        if (n == u"br"_s)
            m_pendingBreak = std::min(2, m_pendingBreak + 1);
        else if (n == u"tr"_s)
            breakLines(1);
        else if (n == u"td"_s || n == u"th"_s)
            m_pendingSpace = true;
        else if (blocks.contains(n))
            breakLines(2);
    }

    void handleHeading(const Tag &tag)
    {
        if (!emitting())
            return;
        if (!tag.closing) {
            finishHeading();
            if (tag.name == u"h1"_s && !m_h1Done) {
                m_capturingH1 = true;
                return;
            }
            m_headingStart = PendingHeading;
            return;
        }
        if (m_capturingH1) {
            m_capturingH1 = false;
            m_h1Done = !m_h1.simplified().isEmpty();
            return;
        }
        finishHeading();
    }

    void finishHeading()
    {
        if (m_headingStart >= 0 && m_out.size() > m_headingStart)
            m_headings.append({m_headingStart, m_out.size()});
        m_headingStart = NoHeading;
    }

    void meta(const Tag &tag)
    {
        const QString key = (attribute(tag.attributes, u"property"_s) + attribute(tag.attributes, u"name"_s)
                             + attribute(tag.attributes, u"itemprop"_s))
                                .toLower();
        const QString content = attribute(tag.attributes, u"content"_s).simplified();
        if (content.isEmpty())
            return;
        if (key == u"og:site_name"_s)
            m_siteName = content;
        else if (key == u"og:title"_s)
            m_ogTitle = content;
        else if ((key == u"author"_s || key == u"article:author"_s) && !content.contains(u"://"_s))
            m_author = content;
        else if (key == u"article:published_time"_s || key == u"datepublished"_s || key == u"date"_s
                 || key == u"pubdate"_s)
            m_published = parseLooseDate(content);
    }

    static constexpr qsizetype NoHeading = -1;
    static constexpr qsizetype PendingHeading = -2;

    const QString &m_src;
    qsizetype m_pos = 0;
    QString m_out;
    int m_pendingBreak = 0;
    bool m_pendingSpace = false;
    QList<Span> m_headings;
    qsizetype m_headingStart = NoHeading;
    QString m_title, m_ogTitle, m_h1, m_author, m_siteName;
    QDate m_published;
    bool m_capturingH1 = false;
    bool m_h1Done = false;
    bool m_inHead = false;
    bool m_hasArticle = false;
    int m_articleDepth = 0;
    int m_skipDepth = 0;
    int m_preDepth = 0;
};

} // namespace

QString MarkupImporter::decodeEntities(QStringView text)
{
    if (!text.contains(QLatin1Char('&')))
        return text.toString();
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c != QLatin1Char('&')) {
            out += c;
            continue;
        }
        const qsizetype semi = text.indexOf(QLatin1Char(';'), i + 1);
        if (semi < 0 || semi - i > 33) {
            out += c;
            continue;
        }
        const QStringView ref = text.mid(i + 1, semi - i - 1);
        bool ok = false;
        if (ref.startsWith(QLatin1Char('#'))) {
            const bool hex = ref.size() > 1 && (ref[1] == QLatin1Char('x') || ref[1] == QLatin1Char('X'));
            const uint cp = ref.mid(hex ? 2 : 1).toUInt(&ok, hex ? 16 : 10);
            if (ok)
                appendCodePoint(&out, cp);
        } else if (const auto it = namedEntities().constFind(ref.toString()); it != namedEntities().constEnd()) {
            appendCodePoint(&out, *it);
            ok = true;
        }
        if (ok)
            i = semi;
        else
            out += c;
    }
    return out;
}

MarkupImporter::Converted MarkupImporter::fromHtml(const QString &html)
{
    return HtmlScanner(html).run();
}

MarkupImporter::Converted MarkupImporter::fromMarkdown(const QString &markdown)
{
    static const QRegularExpression atx = makeRegex(u"^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$"_s);
    static const QRegularExpression setext = makeRegex(u"^ {0,3}(=+|-+)[ \\t]*$"_s);
    static const QRegularExpression thematic = makeRegex(u"^ {0,3}(?:(?:\\*[ \\t]*){3,}|(?:-[ \\t]*){3,}|(?:_[ \\t]*){3,})$"_s);
    static const QRegularExpression refDefinition = makeRegex(u"^ {0,3}\\[[^\\]]+\\]:\\s+\\S+.*$"_s);
    static const QRegularExpression quoteMarker = makeRegex(u"^ {0,3}(?:>[ ]?)+"_s);
    static const QRegularExpression listItem = makeRegex(u"^ {0,3}(?:[-+*]|\\d{1,9}[.)])[ \\t]"_s);

    Converted result;
    const QStringList lines = markdown.split(QLatin1Char('\n'));
    qsizetype l = 0;

    // YAML front matter.
    if (!lines.isEmpty() && lines[0].trimmed() == u"---"_s) {
        for (qsizetype k = 1; k < std::min<qsizetype>(lines.size(), 60); ++k) {
            const QString t = lines[k].trimmed();
            if (t == u"---"_s || t == u"..."_s) {
                readFrontMatter(lines, k, &result.hints);
                l = k + 1;
                break;
            }
        }
    }

    QString &out = result.text;
    QList<Span> headings;
    bool titleFromHeading = false;
    bool dropped = false; // a line was left out since the last one written
    bool lastBlank = true;
    QString fence;
    const auto emitLine = [&](const QString &line, bool heading) {
        const bool blank = line.trimmed().isEmpty();
        if (blank && lastBlank && dropped)
            return; // do not let a removed line leave a double blank line behind
        if (heading)
            headings.append({out.size(), out.size() + line.size()});
        out += line + QLatin1Char('\n');
        lastBlank = blank;
        dropped = false;
    };
    const auto emitHeading = [&](int level, const QString &content) {
        if (level == 1 && !titleFromHeading && result.hints.title.isEmpty()) {
            result.hints.title = content;
            titleFromHeading = true;
            dropped = true;
            return;
        }
        if (content.isEmpty()) {
            dropped = true;
            return;
        }
        emitLine(content, true);
    };

    for (; l < lines.size(); ++l) {
        const QString &line = lines[l];
        const QString trimmed = line.trimmed();
        if (!fence.isEmpty()) {
            if (trimmed.startsWith(fence)) {
                fence.clear();
                dropped = true;
            } else {
                emitLine(line, false);
            }
            continue;
        }
        if (trimmed.startsWith(u"```"_s) || trimmed.startsWith(u"~~~"_s)) {
            fence = trimmed.left(3);
            dropped = true;
            continue;
        }
        if (refDefinition.match(line).hasMatch()) {
            dropped = true;
            continue;
        }
        if (const auto m = atx.match(line); m.hasMatch()) {
            emitHeading(int(m.capturedLength(1)), markdownInline(m.captured(2).trimmed()));
            continue;
        }
        if (!trimmed.isEmpty() && l + 1 < lines.size() && !listItem.match(line).hasMatch()
            && !quoteMarker.match(line).hasMatch() && !thematic.match(line).hasMatch()) {
            if (const auto m = setext.match(lines[l + 1]); m.hasMatch()) {
                emitHeading(m.captured(1).front() == QLatin1Char('=') ? 1 : 2, markdownInline(trimmed));
                ++l;
                continue;
            }
        }
        if (thematic.match(line).hasMatch()) {
            dropped = true;
            continue;
        }
        QString plain = line;
        plain.remove(quoteMarker);
        emitLine(markdownInline(plain), false);
    }

    TextDecoder::trim(&out, &headings);
    result.hints.headings = headings;
    return result;
}

} // namespace Lede
