// SPDX-License-Identifier: GPL-3.0-or-later
#include "MarkupImporter.h"

#include "TextDecoder.h"
#include "html/HtmlCharset.h"
#include "html/MainTextExtractor.h"
#include "html/PageMetadata.h"

#include <QHash>
#include <QRegularExpression>
#include <cctype>
#include <cstring>
#include <gumbo.h>
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
    static const QRegularExpression strongUnderscore
        = makeRegex(u"(?<![\\p{L}\\p{N}_])__(?=\\S)(.+?)(?<=\\S)__(?![\\p{L}\\p{N}_])"_s);
    static const QRegularExpression emStar
        = makeRegex(u"(?<![\\p{L}\\p{N}*])\\*(?=[^\\s*])(.+?)(?<=[^\\s*])\\*(?![\\p{L}\\p{N}*])"_s);
    static const QRegularExpression emUnderscore
        = makeRegex(u"(?<![\\p{L}\\p{N}_])_(?=[^\\s_])(.+?)(?<=[^\\s_])_(?![\\p{L}\\p{N}_])"_s);
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
                value = names.size() <= 1
                    ? names.value(0)
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

// ---- HTML character references ---------------------------------------------------------------

const QHash<QString, char32_t> &namedEntities()
{
    static const QHash<QString, char32_t> table = [] {
        QHash<QString, char32_t> t = {
            { u"amp"_s, '&' },      { u"lt"_s, '<' },        { u"gt"_s, '>' },        { u"quot"_s, '"' },
            { u"apos"_s, '\'' },    { u"ndash"_s, 0x2013 },  { u"mdash"_s, 0x2014 },  { u"hellip"_s, 0x2026 },
            { u"lsquo"_s, 0x2018 }, { u"rsquo"_s, 0x2019 },  { u"sbquo"_s, 0x201A },  { u"ldquo"_s, 0x201C },
            { u"rdquo"_s, 0x201D }, { u"bdquo"_s, 0x201E },  { u"lsaquo"_s, 0x2039 }, { u"rsaquo"_s, 0x203A },
            { u"bull"_s, 0x2022 },  { u"dagger"_s, 0x2020 }, { u"Dagger"_s, 0x2021 }, { u"permil"_s, 0x2030 },
            { u"prime"_s, 0x2032 }, { u"Prime"_s, 0x2033 },  { u"minus"_s, 0x2212 },  { u"euro"_s, 0x20AC },
            { u"trade"_s, 0x2122 }, { u"ensp"_s, 0x2002 },   { u"emsp"_s, 0x2003 },   { u"thinsp"_s, 0x2009 },
            { u"zwnj"_s, 0x200C },  { u"zwj"_s, 0x200D },    { u"lrm"_s, 0x200E },    { u"rlm"_s, 0x200F },
            { u"OElig"_s, 0x0152 }, { u"oelig"_s, 0x0153 },  { u"Scaron"_s, 0x0160 }, { u"scaron"_s, 0x0161 },
            { u"Yuml"_s, 0x0178 },  { u"fnof"_s, 0x0192 },   { u"circ"_s, 0x02C6 },   { u"tilde"_s, 0x02DC },
            { u"larr"_s, 0x2190 },  { u"rarr"_s, 0x2192 },   { u"uarr"_s, 0x2191 },   { u"darr"_s, 0x2193 },
            { u"nbsp"_s, 0x00A0 },  { u"NewLine"_s, '\n' },  { u"Tab"_s, '\t' },
        };
        // Latin-1 0xA1-0xFF have systematic names; list them in code point order.
        static const char *const latin1[]
            = { "iexcl",  "cent",   "pound",  "curren", "yen",    "brvbar", "sect",   "uml",    "copy",
                "ordf",   "laquo",  "not",    "shy",    "reg",    "macr",   "deg",    "plusmn", "sup2",
                "sup3",   "acute",  "micro",  "para",   "middot", "cedil",  "sup1",   "ordm",   "raquo",
                "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc",  "Atilde", "Auml",
                "Aring",  "AElig",  "Ccedil", "Egrave", "Eacute", "Ecirc",  "Euml",   "Igrave", "Iacute",
                "Icirc",  "Iuml",   "ETH",    "Ntilde", "Ograve", "Oacute", "Ocirc",  "Otilde", "Ouml",
                "times",  "Oslash", "Ugrave", "Uacute", "Ucirc",  "Uuml",   "Yacute", "THORN",  "szlig",
                "agrave", "aacute", "acirc",  "atilde", "auml",   "aring",  "aelig",  "ccedil", "egrave",
                "eacute", "ecirc",  "euml",   "igrave", "iacute", "icirc",  "iuml",   "eth",    "ntilde",
                "ograve", "oacute", "ocirc",  "otilde", "ouml",   "divide", "oslash", "ugrave", "uacute",
                "ucirc",  "uuml",   "yacute", "thorn",  "yuml" };
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

// The web-page path: Gumbo parses (an HTML5 tree builder, as a browser would), PageMetadata reads
// what the page says about itself, MainTextExtractor finds the article text.
// Pages whose text is put in place by scripts often carry it whole in JSON-LD articleBody.
MainTextExtractor::Extracted articleBodyText(const QString &written)
{
    MainTextExtractor::Extracted out;
    // Some pages escape the HTML of their articleBody once more ("&lt;p&gt;…"): undo that layer,
    // the entities left (&amp;eacute; becomes &eacute;) are for the HTML parser.
    QString articleBody = written;
    if (!articleBody.contains(QLatin1Char('<'))
        && (articleBody.contains(u"&lt;/p&gt;"_s, Qt::CaseInsensitive)
            || articleBody.contains(u"&lt;br"_s, Qt::CaseInsensitive))) {
        articleBody.replace(u"&lt;"_s, u"<"_s, Qt::CaseInsensitive)
            .replace(u"&gt;"_s, u">"_s, Qt::CaseInsensitive)
            .replace(u"&quot;"_s, u"\""_s, Qt::CaseInsensitive)
            .replace(u"&#39;"_s, u"'"_s)
            .replace(u"&amp;"_s, u"&"_s, Qt::CaseInsensitive);
    }
    if (articleBody.contains(u"</p>"_s, Qt::CaseInsensitive)
        || articleBody.contains(u"<br"_s, Qt::CaseInsensitive)) {
        const QByteArray utf8 = articleBody.toUtf8();
        GumboOutput *output
            = gumbo_parse_with_options(&kGumboDefaultOptions, utf8.constData(), size_t(utf8.size()));
        out = MainTextExtractor::extract(output->document, QString());
        gumbo_destroy_output(&kGumboDefaultOptions, output);
        return out;
    }
    QStringList paragraphs;
    for (const QString &line : articleBody.split(QLatin1Char('\n'))) {
        const QString p = line.simplified();
        if (!p.isEmpty())
            paragraphs.append(p);
    }
    out.text = paragraphs.join(u"\n\n"_s);
    return out;
}

// Gumbo parses <noscript> as a browser without scripts would, so its "<p>Enable JavaScript</p>" can
// close the paragraph around it and land in the text. Browsers with scripts (what the page was made
// for) show none of it: drop it before parsing.
QByteArray withoutNoscript(const QByteArray &utf8)
{
    const QByteArray lower = utf8.toLower();
    if (!lower.contains("<noscript"))
        return utf8;
    QByteArray out;
    out.reserve(utf8.size());
    qsizetype pos = 0;
    for (;;) {
        const qsizetype start = lower.indexOf("<noscript", pos);
        if (start < 0)
            break;
        const qsizetype close = lower.indexOf("</noscript", start);
        out.append(QByteArrayView(utf8).sliced(pos, start - pos));
        if (close < 0) {
            pos = utf8.size();
            break;
        }
        const qsizetype gt = lower.indexOf('>', close);
        pos = gt < 0 ? utf8.size() : gt + 1;
    }
    out.append(QByteArrayView(utf8).sliced(pos));
    return out;
}

// Gumbo's tree builder checks its stack of open elements for every tag, so a page nested tens of
// thousands deep takes minutes (50,000 <div>s: 9 s; real pages stay under a few hundred). The depth
// is estimated on elements that are never closed implicitly.
constexpr int MaxNesting = 10000;

int nestingDepth(const QByteArray &utf8)
{
    // Containers, and the formatting elements that HTML5's "adoption agency" reopens: thousands
    // of unclosed <b><i> make a parser's work grow with the square of their number.
    static const char *const containers[]
        = { "div", "section", "article", "span", "table",  "blockquote", "ul",
            "ol",  "b",       "i",       "em",   "strong", "font",       "u",
            "s",   "small",   "big",     "code", "tt",     "nobr",       "strike" };
    int depth = 0;
    int deepest = 0;
    const char *p = utf8.constData();
    const char *const end = p + utf8.size();
    while ((p = static_cast<const char *>(std::memchr(p, '<', size_t(end - p)))) != nullptr) {
        ++p;
        const bool closing = p < end && *p == '/';
        const char *name = p + (closing ? 1 : 0);
        for (const char *c : containers) {
            const size_t length = std::strlen(c);
            if (end - name > qsizetype(length) && qstrnicmp(name, c, length) == 0
                && !std::isalnum(static_cast<unsigned char>(name[length]))) {
                depth += closing ? -1 : 1;
                depth = std::max(depth, 0);
                deepest = std::max(deepest, depth);
                break;
            }
        }
    }
    return deepest;
}

// A DOCTYPE with an internal subset (<!DOCTYPE x [ <!ENTITY ...> ]>) ends at "]>"; an HTML5
// parser ends it at the first ">" and shows the rest of the subset as text (the title "]>" of an
// entity bomb). The subset is dropped whole; its entities are never expanded.
QByteArray withoutDoctypeSubset(const QByteArray &html)
{
    const qsizetype doctype = html.left(4096).toLower().indexOf("<!doctype");
    if (doctype < 0)
        return html;
    const qsizetype close = html.indexOf('>', doctype);
    const qsizetype bracket = html.indexOf('[', doctype);
    if (bracket < 0 || (close >= 0 && close < bracket))
        return html;
    const qsizetype end = html.indexOf("]>", bracket);
    QByteArray out = html;
    out.remove(doctype, end < 0 ? html.size() - doctype : end + 2 - doctype);
    return out;
}

MarkupImporter::Converted convertPage(const QByteArray &page)
{
    MarkupImporter::Converted result;
    const QByteArray utf8 = withoutNoscript(page);
    GumboOutput *output
        = gumbo_parse_with_options(&kGumboDefaultOptions, utf8.constData(), size_t(utf8.size()));
    const PageMetadata meta = PageMetadata::read(output->document);
    MainTextExtractor::Extracted main
        = MainTextExtractor::extract(output->document, meta.title.value, meta.descriptions);
    gumbo_destroy_output(&kGumboDefaultOptions, output);
    if (meta.articleBody.size() > 2 * main.text.size() + 200) {
        MainTextExtractor::Extracted fromJson = articleBodyText(meta.articleBody);
        if (fromJson.text.size() > main.text.size()) {
            fromJson.h1 = main.h1;
            fromJson.byline = main.byline;
            main = std::move(fromJson);
            result.provenance.insert(u"body"_s, u"JSON-LD articleBody"_s);
        }
    }

    result.text = main.text;
    result.hints.headings = main.headings;
    auto record = [&](const char16_t *field, const PageMetadata::Field &f) {
        if (!f.isEmpty())
            result.provenance.insert(QString::fromUtf16(field), f.from);
    };
    // The <title> often ends in " | Site name"; the <h1> does not.
    if (!meta.title.isEmpty()) {
        // Some pages escape their metadata twice ("&#8216;", "&amp;amp;"): once more is undone.
        result.hints.title = MarkupImporter::decodeEntities(meta.title.value);
        record(u"title", meta.title);
    } else if (!main.h1.isEmpty()) {
        result.hints.title = main.h1;
        result.provenance.insert(u"title"_s, u"h1"_s);
    } else if (!meta.documentTitle.isEmpty()) {
        result.hints.title = meta.documentTitle;
        result.provenance.insert(u"title"_s, u"title"_s);
    }
    // "Headline | Site name": the site is the source, not part of the title.
    for (const QString &site : { meta.publisher.value, meta.siteName }) {
        for (const char16_t *separator : { u" | ", u" - ", u" \u2013 ", u" \u2014 ", u" :: ", u" \u00b7 " }) {
            const QString suffix = QString::fromUtf16(separator) + site;
            if (!site.isEmpty() && result.hints.title.endsWith(suffix, Qt::CaseInsensitive)
                && result.hints.title.size() > suffix.size())
                result.hints.title.chop(suffix.size());
        }
    }
    result.hints.byline = MarkupImporter::decodeEntities(meta.byline.value);
    record(u"byline", meta.byline);
    if (meta.byline.isEmpty() && !main.byline.isEmpty()) {
        result.hints.byline = main.byline;
        result.provenance.insert(u"byline"_s, u"byline element"_s);
    }
    result.hints.source = MarkupImporter::decodeEntities(meta.publisher.value);
    record(u"source", meta.publisher);
    result.hints.published = meta.publishedDate;
    if (meta.publishedDate.isValid())
        record(u"published", meta.published);
    result.url = meta.url.value;
    record(u"url", meta.url);
    if (!meta.section.isEmpty()) {
        result.metadata.insert(u"section"_s, meta.section.value);
        record(u"section", meta.section);
    }
    if (meta.authors.size() > 1)
        result.metadata.insert(u"authors"_s, meta.authors.join(u"; "_s));
    if (!meta.published.isEmpty())
        result.metadata.insert(u"published_as_written"_s, meta.published.value);
    return result;
}

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
        // References are short; looking further would make "&&&&…" quadratic.
        const qsizetype window = text.mid(i + 1, 33).indexOf(QLatin1Char(';'));
        const qsizetype semi = window < 0 ? -1 : i + 1 + window;
        if (semi < 0) {
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
        } else if (const auto it = namedEntities().constFind(ref.toString());
                   it != namedEntities().constEnd()) {
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
    const QByteArray utf8 = withoutDoctypeSubset(html.toUtf8());
    if (nestingDepth(utf8) > MaxNesting)
        return {};
    return convertPage(utf8);
}

Result<MarkupImporter::Converted> MarkupImporter::fromHtmlData(const QByteArray &data,
                                                               const QString &httpContentType)
{
    auto decoded = HtmlCharset::decode(data, httpContentType);
    if (!decoded)
        return Result<Converted>::failure(decoded.errorString());
    const QByteArray utf8 = withoutDoctypeSubset(decoded->html.toUtf8());
    if (nestingDepth(utf8) > MaxNesting)
        return Result<Converted>::failure(
            u"the page nests its elements more than %1 deep, which no real page does"_s.arg(MaxNesting));
    Converted converted = convertPage(utf8);
    converted.encoding = decoded->encoding;
    converted.warnings = decoded->warnings;
    if (!decoded->declaredBy.isEmpty())
        converted.provenance.insert(u"encoding"_s, decoded->declaredBy);
    return converted;
}

MarkupImporter::Converted MarkupImporter::fromMarkdown(const QString &markdown)
{
    static const QRegularExpression atx
        = makeRegex(u"^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$"_s);
    static const QRegularExpression setext = makeRegex(u"^ {0,3}(=+|-+)[ \\t]*$"_s);
    static const QRegularExpression thematic
        = makeRegex(u"^ {0,3}(?:(?:\\*[ \\t]*){3,}|(?:-[ \\t]*){3,}|(?:_[ \\t]*){3,})$"_s);
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
            headings.append({ out.size(), out.size() + line.size() });
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
