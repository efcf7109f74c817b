// SPDX-License-Identifier: GPL-3.0-or-later
#include "WireCopyParser.h"

#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

constexpr qsizetype MaxTitleLineLength = 200;
constexpr qsizetype MaxCrossheadLength = 100;
constexpr int MaxMetaLines = 4; // byline and date lines are looked for among the first lines only

struct Line
{
    qsizetype start = 0;
    qsizetype end = 0; // excludes the '\n'
};

QList<Line> splitLines(const QString &text)
{
    QList<Line> lines;
    qsizetype start = 0;
    for (;;) {
        const qsizetype nl = text.indexOf(QLatin1Char('\n'), start);
        if (nl < 0) {
            lines.append({start, text.size()});
            break;
        }
        lines.append({start, nl});
        start = nl + 1;
    }
    return lines;
}

// The line without surrounding whitespace, as a span into the text.
Span trimmedSpan(const QString &text, Line line)
{
    qsizetype s = line.start, e = line.end;
    while (s < e && text[s].isSpace())
        ++s;
    while (e > s && text[e - 1].isSpace())
        --e;
    return {s, e};
}

QStringView viewOf(const QString &text, Span span)
{
    return QStringView(text).mid(span.start, span.length());
}

bool isBlank(const QString &text, Line line)
{
    return trimmedSpan(text, line).isEmpty();
}

QRegularExpression makeRegex(const QString &pattern, bool caseInsensitive = false)
{
    QRegularExpression::PatternOptions options = QRegularExpression::UseUnicodePropertiesOption;
    if (caseInsensitive)
        options |= QRegularExpression::CaseInsensitiveOption;
    QRegularExpression re(pattern, options);
    Q_ASSERT_X(re.isValid(), "WireCopyParser", qPrintable(re.errorString()));
    return re;
}

const QString &monthPattern()
{
    static const QString p = u"(?<month>January|February|March|April|May|June|July|August|September|October|"
                             u"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"_s;
    return p;
}

int monthNumber(QStringView name)
{
    static const char *const names[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                        "jul", "aug", "sep", "oct", "nov", "dec"};
    const QString lower = name.left(3).toString().toLower();
    for (int i = 0; i < 12; ++i) {
        if (lower == QLatin1StringView(names[i]))
            return i + 1;
    }
    return 0;
}

// A comma-separated part of a dateline that is a date ("Nov 3", "3 November"), not a place.
bool isDayAndMonth(QStringView part)
{
    static const QRegularExpression re = makeRegex(
        u"^(?:%1\\.?\\h+\\d{1,2}|\\d{1,2}\\h+%1\\.?)$"_s.arg(monthPattern()), true);
    return re.match(part.trimmed()).hasMatch();
}

// Splits "A, B and C" / "A and B" / "A & B" into names.
QStringList splitNames(QStringView names)
{
    static const QRegularExpression separator = makeRegex(u"\\s*,\\s*(?:and\\s+)?|\\s+(?:and|&)\\s+"_s);
    QStringList out;
    for (const QString &n : names.toString().split(separator, Qt::SkipEmptyParts))
        out.append(n.trimmed());
    return out;
}

QString joinNames(const QStringList &names)
{
    if (names.size() <= 1)
        return names.value(0);
    return names.mid(0, names.size() - 1).join(u", "_s) + u" and "_s + names.last();
}

bool looksLikeName(const QString &name)
{
    static const QStringList particles = {u"de"_s,  u"da"_s, u"van"_s, u"von"_s, u"der"_s, u"den"_s,
                                          u"al"_s,  u"el"_s, u"bin"_s, u"ibn"_s, u"la"_s,  u"le"_s,
                                          u"du"_s,  u"dos"_s, u"del"_s, u"di"_s, u"ter"_s, u"bint"_s};
    const QStringList words = name.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.size() < 2 || words.size() > 5)
        return false;
    for (const QString &w : words) {
        for (const QChar c : w) {
            if (!c.isLetter() && !c.isMark() && c != QLatin1Char('.') && c != QLatin1Char('-')
                && c != QLatin1Char('\'') && c != QChar(0x2019))
                return false;
        }
        if (!w.front().isLetter())
            return false;
        if (w.front().isUpper())
            continue;
        // "al-Qidra", "d'Alema" or a particle such as "van".
        const qsizetype joint = w.indexOf(QRegularExpression(u"[-'\u2019]"_s));
        if (joint > 0 && joint + 1 < w.size() && w[joint + 1].isUpper())
            continue;
        if (!particles.contains(w))
            return false;
    }
    return true;
}

} // namespace

QString WireCopyParser::parseByline(QStringView line)
{
    static const QRegularExpression re = makeRegex(u"^\\s*by\\h+(.+?)\\s*$"_s, true);
    const QStringView trimmed = line.trimmed();
    if (trimmed.size() > 150)
        return {};
    const auto m = re.match(trimmed);
    if (!m.hasMatch())
        return {};
    const QString names = m.captured(1);
    const QStringList list = splitNames(names);
    if (list.isEmpty() || list.size() > 6)
        return {};
    for (const QString &n : list) {
        if (!looksLikeName(n))
            return {};
    }
    return names;
}

QDate WireCopyParser::parseDateLine(QStringView line)
{
    static const QRegularExpression re = makeRegex(
        u"^(?:(?:published|updated|posted|date)\\h*:?\\h*(?:on\\h+)?)?"
        u"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\\h+)?"
        u"(?:%1\\.?\\h+(?<d1>\\d{1,2})(?:st|nd|rd|th)?,?\\h+(?<y1>\\d{4})"
        u"|(?<d2>\\d{1,2})(?:st|nd|rd|th)?\\h+%2\\.?,?\\h+(?<y2>\\d{4})"
        u"|(?<y3>\\d{4})-(?<m3>\\d{2})-(?<d3>\\d{2}))"
        u"(?:(?:\\h+|\\h*[,|\u00B7\u2022\u2013\u2014-]\\h*|T)(?:at\\h+)?\\d{1,2}[:.]\\d{2}[^\\n]{0,30})?$"_s
            .arg(monthPattern(), QString(monthPattern()).replace(u"?<month>"_s, u"?<month2>"_s)),
        true);
    const QStringView trimmed = line.trimmed();
    if (trimmed.size() > 80)
        return {};
    const auto m = re.match(trimmed);
    if (!m.hasMatch())
        return {};
    if (m.capturedLength(u"y3") > 0)
        return QDate(m.captured(u"y3").toInt(), m.captured(u"m3").toInt(), m.captured(u"d3").toInt());
    if (m.capturedLength(u"y1") > 0)
        return QDate(m.captured(u"y1").toInt(), monthNumber(m.captured(u"month")), m.captured(u"d1").toInt());
    return QDate(m.captured(u"y2").toInt(), monthNumber(m.captured(u"month2")), m.captured(u"d2").toInt());
}

bool WireCopyParser::isCrosshead(QStringView line)
{
    const QStringView t = line.trimmed();
    if (t.size() < 3 || t.size() > MaxCrossheadLength)
        return false;
    if (t.endsWith(QLatin1Char('.')) || t.endsWith(QLatin1Char(',')) || t.endsWith(QLatin1Char(';')))
        return false;
    qsizetype upper = 0;
    for (const QChar c : t) {
        if (c.isLower())
            return false;
        upper += c.isUpper();
    }
    return upper >= 3;
}

bool WireCopyParser::isCreditLine(QStringView paragraph)
{
    static const QRegularExpression re = makeRegex(
        u"^(?:(?:additional\\h+)?reporting|writing|written|editing|edited|compiled|reported|research)"
        u"\\h+by\\h+\\S"_s,
        true);
    QStringView t = paragraph.trimmed();
    if (t.isEmpty() || t.size() > 600)
        return false;
    if (t.startsWith(QLatin1Char('('))) {
        if (!t.endsWith(QLatin1Char(')')))
            return false;
        t = t.mid(1, t.size() - 2).trimmed();
    }
    return re.match(t).hasMatch();
}

QString WireCopyParser::bylineFromCredit(QStringView credit)
{
    static const QRegularExpression reporting = makeRegex(u"^reporting\\h+by\\h+(.+)$"_s, true);
    static const QRegularExpression place = makeRegex(u"\\h+in\\h+.*$"_s);
    QStringView t = credit.trimmed();
    if (t.startsWith(QLatin1Char('(')) && t.endsWith(QLatin1Char(')')))
        t = t.mid(1, t.size() - 2);
    for (QStringView segment : t.split(QLatin1Char(';'))) {
        const auto m = reporting.match(segment.trimmed());
        if (!m.hasMatch())
            continue;
        QStringList names = splitNames(m.captured(1));
        for (QString &n : names)
            n.remove(place);
        names.removeAll(QString());
        return joinNames(names);
    }
    return {};
}

WireCopyParser::Dateline WireCopyParser::parseDateline(QStringView paragraph)
{
    static const QRegularExpression re = makeRegex(
        u"^(?<place>\\p{Lu}[\\p{L}\\p{M}.'\u2019-]*(?: \\p{L}[\\p{L}\\p{M}.'\u2019-]*){0,4}?)"
        u"(?<extra>(?:,\\h*[^,()\\n\u2013\u2014]{1,30}?){0,2})\\h*"
        u"(?:\\((?<agency>[^()\\n]{1,40})\\)\\h*)?"
        u"(?<dash>[\u2013\u2014]|--?(?=\\s))"_s);
    qsizetype lead = 0;
    while (lead < paragraph.size() && paragraph[lead].isSpace())
        ++lead;
    const auto m = re.match(paragraph.mid(lead));
    if (!m.hasMatch())
        return {};
    const QString placeWord = m.captured(u"place");
    const QString agency = m.captured(u"agency").trimmed();
    const bool placeAllCaps = std::none_of(placeWord.begin(), placeWord.end(), [](QChar c) { return c.isLower(); });
    qsizetype placeLetters = std::count_if(placeWord.begin(), placeWord.end(), [](QChar c) { return c.isLetter(); });
    // Without the agency in parentheses only an all-capitals place is a dateline: "NATO said" is
    // not, and "WASHINGTON —" is. A lower-case agency ("dpa") needs the capitals too.
    if (placeLetters < 2 || (!placeAllCaps && (agency.isEmpty() || !agency.front().isUpper())))
        return {};
    if (agency.isEmpty() && placeLetters < 3)
        return {};

    Dateline d;
    d.place = placeWord;
    const QString extra = m.captured(u"extra");
    for (const QString &part : extra.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString p = part.trimmed();
        if (!p.isEmpty() && !isDayAndMonth(p))
            d.place += u", "_s + p;
    }
    d.source = agency;
    d.length = lead + m.capturedEnd(u"dash");
    return d;
}

QString WireCopyParser::firstSentence(QStringView paragraph)
{
    static const QStringList abbreviations = {
        u"mr"_s,   u"mrs"_s,  u"ms"_s,  u"dr"_s,   u"prof"_s, u"gen"_s,  u"col"_s,  u"lt"_s,  u"sgt"_s,
        u"capt"_s, u"gov"_s,  u"sen"_s, u"rep"_s,  u"st"_s,   u"jan"_s,  u"feb"_s,  u"mar"_s, u"apr"_s,
        u"jun"_s,  u"jul"_s,  u"aug"_s, u"sep"_s,  u"sept"_s, u"oct"_s,  u"nov"_s,  u"dec"_s, u"no"_s,
        u"inc"_s,  u"corp"_s, u"ltd"_s, u"co"_s,   u"jr"_s,   u"sr"_s,   u"vs"_s,   u"mt"_s,  u"ft"_s,
        u"adm"_s,  u"maj"_s,  u"rev"_s, u"hon"_s,  u"pres"_s, u"gov"_s,  u"supt"_s, u"cmdr"_s};
    const auto isClosing = [](QChar c) {
        return c == QLatin1Char('"') || c == QLatin1Char('\'') || c == QLatin1Char(')') || c == QChar(0x201D)
            || c == QChar(0x2019) || c == QLatin1Char(']');
    };
    const auto isOpening = [](QChar c) {
        return c.isUpper() || c == QLatin1Char('"') || c == QLatin1Char('\'') || c == QChar(0x201C)
            || c == QChar(0x2018) || c == QLatin1Char('(');
    };
    const QStringView p = paragraph.trimmed();
    for (qsizetype i = 0; i < p.size(); ++i) {
        const QChar c = p[i];
        if (c != QLatin1Char('.') && c != QLatin1Char('!') && c != QLatin1Char('?'))
            continue;
        qsizetype j = i + 1;
        while (j < p.size() && isClosing(p[j]))
            ++j;
        if (j >= p.size())
            return p.toString();
        if (!p[j].isSpace())
            continue;
        qsizetype k = j;
        while (k < p.size() && p[k].isSpace())
            ++k;
        if (k >= p.size() || !isOpening(p[k]))
            continue;
        if (c == QLatin1Char('.')) {
            // The word before the period: an initial ("J."), a dotted abbreviation ("U.S.") or a
            // title ("Gen.") does not end a sentence.
            qsizetype w = i;
            while (w > 0 && (p[w - 1].isLetter() || p[w - 1] == QLatin1Char('.')))
                --w;
            const QStringView word = p.mid(w, i - w);
            if (word.size() == 1 || word.contains(QLatin1Char('.'))
                || abbreviations.contains(word.toString().toLower()))
                continue;
        }
        return p.left(j).toString();
    }
    return p.toString();
}

QString WireCopyParser::titleFromSentence(const QString &sentence, qsizetype maxLength)
{
    QString s = sentence.trimmed();
    if (s.endsWith(QLatin1Char('.')) && !s.endsWith(u".."_s))
        s.chop(1);
    if (s.size() <= maxLength)
        return s;
    qsizetype cut = s.lastIndexOf(QLatin1Char(' '), maxLength - 1);
    if (cut <= 0) {
        cut = maxLength - 1;
        if (s[cut - 1].isHighSurrogate())
            --cut;
    }
    s.truncate(cut);
    while (!s.isEmpty() && (s.back().isSpace() || s.back().isPunct()) && s.back() != QLatin1Char(')')
           && s.back() != QChar(0x201D))
        s.chop(1);
    return s + QChar(0x2026);
}

Article WireCopyParser::parse(const QString &text, const Hints &hints)
{
    Article a;
    a.body = text;
    a.title = hints.title.trimmed();
    QList<Span> headings = hints.headings;

    const auto headingStartsIn = [&headings](Span line) {
        return std::any_of(headings.begin(), headings.end(),
                           [line](Span h) { return h.start >= line.start && h.start < std::max(line.end, line.start + 1); });
    };

    QList<Line> lines = splitLines(a.body);

    // Title line: removed from the body, with the blank lines after it.
    if (a.title.isEmpty() && lines.size() > 1) {
        const Span first = trimmedSpan(a.body, lines[0]);
        const QStringView t = viewOf(a.body, first);
        const QStringView next = QStringView(a.body).mid(lines[1].start, lines[1].end - lines[1].start);
        const bool endsSentence = t.endsWith(QLatin1Char('.')) || t.endsWith(QLatin1Char('!'))
            || t.endsWith(QLatin1Char('?')) || t.endsWith(QChar(0x201D)) || t.endsWith(QLatin1Char('"'));
        const bool isMeta = !parseByline(t).isEmpty() || parseDateLine(t).isValid() || parseDateline(t).length > 0
            || isCreditLine(t);
        const bool nextIsBreak = next.trimmed().isEmpty() || !parseByline(next).isEmpty()
            || parseDateLine(next).isValid() || parseDateline(next).length > 0;
        const bool markedHeading = headingStartsIn(first);
        if (!first.isEmpty() && !isMeta
            && (markedHeading || (t.size() <= MaxTitleLineLength && !endsSentence && nextIsBreak))) {
            a.title = t.toString();
            qsizetype k = 1;
            while (k < lines.size() && isBlank(a.body, lines[k]))
                ++k;
            const qsizetype cut = k < lines.size() ? lines[k].start : a.body.size();
            a.body = a.body.mid(cut);
            QList<Span> shifted;
            for (Span h : std::as_const(headings)) {
                if (h.start >= cut)
                    shifted.append({h.start - cut, h.end - cut});
            }
            headings = shifted;
            lines = splitLines(a.body);
        }
    }

    const QString &body = a.body;
    QList<qsizetype> metaLines; // line indexes that are byline or date lines

    // Byline and date among the first lines.
    qsizetype i = 0;
    for (int seen = 0; i < lines.size() && seen < MaxMetaLines; ++i) {
        if (isBlank(body, lines[i]))
            continue;
        const Span s = trimmedSpan(body, lines[i]);
        const QStringView t = viewOf(body, s);
        if (a.byline.isEmpty()) {
            if (QString names = parseByline(t); !names.isEmpty()) {
                a.byline = names;
                a.blocks.append({Block::Kind::Byline, s});
                metaLines.append(i);
                ++seen;
                continue;
            }
        }
        if (!a.published.isValid()) {
            if (const QDate d = parseDateLine(t); d.isValid()) {
                a.published = d;
                metaLines.append(i);
                ++seen;
                continue;
            }
        }
        break;
    }

    // Dateline at the start of the first body paragraph; headings before it are skipped.
    qsizetype firstBody = -1;
    qsizetype datelineLine = -1;
    qsizetype datelineEnd = -1;
    for (; i < lines.size(); ++i) {
        if (isBlank(body, lines[i]))
            continue;
        const Span s = trimmedSpan(body, lines[i]);
        const QStringView t = viewOf(body, s);
        if (const Dateline d = parseDateline(t); d.length > 0) {
            a.dateline = d.place;
            a.source = d.source;
            a.blocks.append({Block::Kind::Dateline, {s.start, s.start + d.length}});
            firstBody = i;
            datelineLine = i;
            datelineEnd = s.start + d.length;
            break;
        }
        if (headingStartsIn(s) || isCrosshead(t))
            continue;
        firstBody = i;
        break;
    }

    // Credit: the last paragraph, either the last line or a last blank-separated chunk.
    qsizetype creditFrom = -1;
    const qsizetype last = lines.size() - 1;
    if (last >= 0 && last != firstBody && !metaLines.contains(last)) {
        qsizetype chunk = last;
        while (chunk > 0 && !isBlank(body, lines[chunk - 1]))
            --chunk;
        const Span chunkSpan = trimmedSpan(body, {lines[chunk].start, lines[last].end});
        const Span lastSpan = trimmedSpan(body, lines[last]);
        const bool chunkFree = chunk > firstBody && std::none_of(metaLines.begin(), metaLines.end(),
                                                                [chunk](qsizetype m) { return m >= chunk; });
        if (chunk < last && chunkFree && viewOf(body, chunkSpan).startsWith(QLatin1Char('('))
            && isCreditLine(viewOf(body, chunkSpan))) {
            creditFrom = chunk;
            a.blocks.append({Block::Kind::Credit, chunkSpan});
        } else if (isCreditLine(viewOf(body, lastSpan))) {
            creditFrom = last;
            a.blocks.append({Block::Kind::Credit, lastSpan});
        }
        if (creditFrom >= 0 && a.byline.isEmpty())
            a.byline = bylineFromCredit(viewOf(body, a.blocks.last().span));
    }

    // Crossheads, and the headings the markup importer found.
    for (const Span h : std::as_const(headings))
        a.blocks.append({Block::Kind::Heading, h});
    for (qsizetype l = 0; l < lines.size(); ++l) {
        if (l == datelineLine || metaLines.contains(l) || (creditFrom >= 0 && l >= creditFrom))
            continue;
        const Span s = trimmedSpan(body, lines[l]);
        if (s.isEmpty() || !isCrosshead(viewOf(body, s)))
            continue;
        if (std::none_of(headings.begin(), headings.end(), [s](Span h) { return h.overlaps(s); }))
            a.blocks.append({Block::Kind::Heading, s});
    }

    // Derived title: the first sentence after the dateline. A hard-wrapped paragraph (blank lines
    // between paragraphs, single newlines inside) is joined first.
    if (a.title.isEmpty()) {
        QString paragraph;
        if (firstBody >= 0) {
            const Span s = trimmedSpan(body, lines[firstBody]);
            paragraph = body.mid(std::max(s.start, datelineEnd), s.end - std::max(s.start, datelineEnd)).trimmed();
            const bool blankSeparated = body.contains(u"\n\n"_s);
            for (qsizetype l = firstBody + 1; blankSeparated && l < lines.size() && !isBlank(body, lines[l])
                 && firstSentence(paragraph) == paragraph;
                 ++l)
                paragraph += QLatin1Char(' ') + viewOf(body, trimmedSpan(body, lines[l]));
        } else if (!lines.isEmpty()) {
            paragraph = viewOf(body, trimmedSpan(body, lines[0])).toString();
        }
        a.title = titleFromSentence(firstSentence(paragraph));
    }

    if (a.byline.isEmpty())
        a.byline = hints.byline.trimmed();
    if (a.source.isEmpty())
        a.source = hints.source.trimmed();
    if (!a.published.isValid())
        a.published = hints.published;

    std::sort(a.blocks.begin(), a.blocks.end(),
              [](const Block &x, const Block &y) { return x.span.start < y.span.start; });
    return a;
}

} // namespace Lede
